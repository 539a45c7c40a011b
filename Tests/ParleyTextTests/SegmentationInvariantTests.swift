import ParleyModel
import ParleyTestSupport
import ParleyText
import Testing

@Suite struct SegmentationInvariantTests {
    static let samples: [String] = [
        "NAIROBI (AP) — Kenya's president, Mr. Ruto, said the U.S. plan was \"dead on arrival.\" He left at 10:30 a.m.",
        "„Nein“, sagte Merkel. «Non», dit-il… Łódź, Kraków — 東京。Путин’s allies’ view?! https://bbc.co.uk/x.",
        "1. First item\n\n2. Second item with e-mail a.b@c.org\n\n   \n\nLast paragraph... ok",
        "👩‍🚀 e\u{301} \u{FEFF}x\u{200B}y soft\u{00AD}hyphen 'quoted' ‘single’ don't",
        "",
    ]

    /// Random text from a palette that stresses every rule, including multi-byte scalars and marks.
    static func randomText(seed: UInt64, length: Int) -> String {
        let palette: [String] = ["a", "B", "z", "É", "ł", "ж", "東", "1", "9", ".", ".", ",", "'", "’", "‘", "\"", "“", "”",
                                 "«", "-", "—", "…", "?", "!", "@", ":", "/", "(", ")", " ", " ", " ", "\n\n", "\u{301}",
                                 "\u{200D}", "\u{00AD}", "👍", "🏽", "U.S.", "Mr.", "http://", "www.", "s", "'s"]
        var generator = SplitMix64(state: seed)
        var text = ""
        for _ in 0..<length { text += palette.randomElement(using: &generator)! }
        return text
    }

    static let inputs: [String] = samples + (1...40).map { randomText(seed: UInt64($0), length: 200) }

    @Test(arguments: inputs)
    func layersAreWellFormed(_ text: String) throws {
        var input = DocumentBuilder.plain(text)
        input.markup = [MarkupSpan(range: TextRange(0, min(5, text.utf8.count)), tag: "dateline")]
        let document = try SegmentationAnnotator().annotate(input)
        #expect(LayerInvariants.violations(document.tokens.map(\.range), in: text, name: "tokens").isEmpty)
        #expect(LayerInvariants.violations(document.sentences.map(\.range), in: text, name: "sentences").isEmpty)
        // Tokens cover every non-space scalar: nothing but whitespace and invisible characters is dropped.
        let covered = document.tokens.reduce(0) { $0 + $1.range.length }
        let visible = text.unicodeScalars.filter { !$0.properties.isWhitespace && ![0x200B, 0xFEFF].contains($0.value) }
        #expect(covered <= text.utf8.count)
        #expect(covered >= visible.reduce(0) { $0 + String($1).utf8.count } - 3 * text.unicodeScalars.filter { $0.value == 0x200D || $0.value == 0xAD }.count)
        // Sentences partition the tokens in order and stay inside one paragraph.
        var next = 0
        for sentence in document.sentences {
            #expect(sentence.tokens.lowerBound == next && !sentence.tokens.isEmpty)
            next = sentence.tokens.upperBound
            #expect(document.paragraphs.contains { $0.range.contains(sentence.range) })
        }
        #expect(next == document.tokens.count)
    }

    @Test(arguments: samples)
    func isDeterministicAndTouchesOnlyItsLayers(_ text: String) throws {
        var input = DocumentBuilder.plain(text)
        input.markup = [MarkupSpan(range: TextRange(0, min(3, text.utf8.count)), tag: "p")]
        input.metadata.title = "Title"
        let annotator = SegmentationAnnotator()
        let first = try annotator.annotate(input)
        let second = try annotator.annotate(input)
        let again = try annotator.annotate(first)
        #expect(first.tokens == second.tokens && first.sentences == second.sentences)
        #expect(again.tokens == first.tokens && again.sentences == first.sentences)
        #expect(first.text == input.text)
        #expect(first.paragraphs == input.paragraphs)
        #expect(first.markup == input.markup)
        #expect(first.metadata == input.metadata)
        #expect(first.entities.isEmpty && first.quotes.isEmpty && first.stance.isEmpty)
        #expect(first.layers == input.layers.union(annotator.produces))
        #expect(annotator.requires == [.paragraphs] && annotator.produces == [.tokens, .sentences])
    }

    /// Token count grows exactly linearly with input size (no quadratic rescans, no lost tokens)
    /// on a ~5 MB single-paragraph document. Counts only: no wall-clock assertion.
    @Test func largeDocumentScalesLinearly() throws {
        let unit = "Mr. Smith said the U.S. economy grew 3.5% in 2024, “faster than expected.” Łódź’s mayor didn't agree... "
        let unitDocument = try segment(unit)
        let unitTokens = unitDocument.tokens.count
        let unitSentences = unitDocument.sentences.count
        #expect(unitTokens == 24)
        #expect(unitSentences == 2)
        let copies = 5_000_000 / unit.utf8.count
        let small = try segment(String(repeating: unit, count: copies / 4))
        let large = try segment(String(repeating: unit, count: copies))
        #expect(large.byteCount >= 4_900_000)
        #expect(large.paragraphs.count == 1)
        #expect(small.tokens.count == unitTokens * (copies / 4))
        #expect(large.tokens.count == unitTokens * copies)
        #expect(large.sentences.count == unitSentences * copies)
    }
}

/// Regression: a paragraph without any terminator was one sentence however long it was, and later
/// stages work per token per sentence (cue matching, evidence quoting the whole sentence), so a
/// 200 KB single-line run of words took 48 s where 100 KB took 12 s. Sentences are now capped.
@Suite struct SentenceLengthLimitTests {
    @Test(arguments: [10_000, 40_000])
    func runOnSentenceIsCutAtTheTokenLimit(words: Int) throws {
        let text = (0..<words).map { $0 % 7 == 0 ? "Smith" : "talks" }.joined(separator: " ")
        let document = try segment(text)
        #expect(document.tokens.count == words)
        #expect(document.sentences.allSatisfy { $0.tokens.count <= 400 })
        // Every token is still in exactly one sentence, in order.
        #expect(document.sentences.map(\.tokens.count).reduce(0, +) == words)
        #expect(document.sentences.count == (words + 399) / 400)
    }

    @Test func ordinarySentencesAreNotCut() throws {
        let sentence = Array(repeating: "word", count: 399).joined(separator: " ") + "."
        let document = try segment(sentence)
        #expect(document.sentences.count == 1)
    }
}
