@testable import ParleyExtract
import ParleyLexicon
import ParleyModel
import ParleyTestSupport
import ParleyText
import Testing

/// `TokenTexts` compares tokens without building strings; it must answer exactly as `String` would.
@Suite struct TokenFactsTests {
    /// Text with ASCII words in every case, punctuation, curly apostrophes, letters outside ASCII and
    /// the characters `String` holds canonically equal to ASCII ones: the Kelvin sign (`K`), the
    /// Greek question mark (`;`) and the Greek varia ("`").
    static let sample = "PUT it, Put: according TO the İstanbul café’s \u{212A}ing K said, “Crowding” & Co. (I) ran-led \u{037E} ; \u{1FEF} `"
    static let words: [StaticString] = ["put", "PUT", "Put", "it", ",", ":", "to", "according", "the", "&", "(", "I", "i",
                                        "K", "k", "king", "“", "café’s", "co", ".", ";", "`"]

    /// The same comparisons in a document without such characters, where `equals` answers from hashes alone.
    @Test func equalsAnswersAsStringEqualityInASCIIText() throws {
        let facts = TokenFacts(try SegmentationAnnotator().annotate(DocumentBuilder.plain("PUT it, Put: according TO the King; said `so` (I) ran-led café")))
        #expect(!facts.text.hasUnicodeTwins)
        for index in 0..<facts.count {
            for word in Self.words {
                #expect(facts.text.equals(index, word) == (facts.text[index] == word.description), "\(facts.text[index]) = \(word)")
                #expect(facts.lower.equals(index, word) == (facts.lower[index] == word.description), "\(facts.lower[index]) = \(word)")
            }
        }
    }
    static let suffixes: [StaticString] = ["ing", "ING", "-led", "s", "’s", "t", ""]

    let facts: TokenFacts

    init() throws {
        facts = TokenFacts(try SegmentationAnnotator().annotate(DocumentBuilder.plain(Self.sample)))
    }

    @Test func equalsAnswersAsStringEquality() {
        #expect(facts.text.hasUnicodeTwins)
        for index in 0..<facts.count {
            for word in Self.words {
                #expect(facts.text.equals(index, word) == (facts.text[index] == word.description), "\(facts.text[index]) = \(word)")
                #expect(facts.lower.equals(index, word) == (facts.lower[index] == word.description), "\(facts.lower[index]) = \(word)")
            }
        }
    }

    @Test func hasSuffixAnswersAsString() {
        for index in 0..<facts.count {
            for suffix in Self.suffixes {
                #expect(facts.text.hasSuffix(index, suffix) == facts.text[index].hasSuffix(suffix.description))
                #expect(facts.lower.hasSuffix(index, suffix) == facts.lower[index].hasSuffix(suffix.description))
            }
        }
    }

    @Test func lowerIsLowercased() {
        for index in 0..<facts.count { #expect(facts.lower[index] == facts.text[index].lowercased()) }
    }

    @Test func fusedHashesMatchTheSingleOnes() {
        for index in 0..<facts.count {
            #expect(facts.exact[index] == TokenHash.exact(facts.text[index]))
            #expect(facts.folded[index] == TokenHash.folded(facts.text[index]))
        }
    }

    @Test func caseShapes() {
        let put = (0..<facts.count).first { facts.text[$0] == "PUT" }!
        let put2 = (0..<facts.count).first { facts.text[$0] == "Put" }!
        let cafe = (0..<facts.count).first { facts.text[$0].hasPrefix("café") }!
        #expect(facts.allCaps[put] && facts.capitalized[put])
        #expect(!facts.allCaps[put2] && facts.capitalized[put2])
        #expect(!facts.capitalized[cafe] && facts.length[cafe] == facts.text[cafe].unicodeScalars.count)
    }

    /// Generated words of every length and case mix, so tokens take both the one-word path (ASCII, at
    /// most eight bytes, with eight bytes readable) and the byte-by-byte one, including the text's end.
    @Test func wordPathAgreesWithByteByByte() throws {
        var generator = SplitMix64(state: 7)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789é")
        var words: [String] = []
        for length in 1...12 {
            for _ in 0..<6 { words.append(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })) }
        }
        let document = try SegmentationAnnotator().annotate(DocumentBuilder.plain(words.joined(separator: " ")))
        let facts = TokenFacts(document)
        #expect(facts.count == words.count)
        for index in 0..<facts.count {
            let text = facts.text[index]
            #expect(facts.exact[index] == TokenHash.exact(text), "\(text)")
            #expect(facts.folded[index] == TokenHash.folded(text), "\(text)")
            let letters = text.unicodeScalars.filter(\.properties.isAlphabetic)
            let upper = letters.filter(\.properties.isUppercase).count
            #expect(facts.capitalized[index] == (letters.first?.properties.isUppercase ?? false), "\(text)")
            #expect(facts.allCaps[index] == (upper >= 2 && upper == letters.count), "\(text)")
            #expect(facts.length[index] == text.unicodeScalars.count, "\(text)")
        }
    }
}
