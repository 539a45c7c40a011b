import ParleyLexicon
import ParleyModel

/// What the matchers need to know about each token, computed once per document.
final class TokenFacts {
    /// The token's text. Short tokens (most words) are stored inline by `String`, so this costs
    /// no heap allocation for them.
    let text: [String]
    /// Lower-cased text.
    let lower: [String]
    /// Length in Unicode scalars (what "a word of at least three letters" means), without walking a String.
    let length: [Int]
    /// Token kinds, copied for locality.
    let kinds: [TokenKind]
    /// First letter upper case (`Lavrov`, `US`, `Jean-Luc`).
    let capitalized: [Bool]
    /// Every letter upper case and at least two letters (`NATO`, `LONDON`).
    let allCaps: [Bool]
    /// Index of the sentence each token belongs to.
    let sentenceOf: [Int]
    /// Case-sensitive token hashes, for the lexicons' phrase tables.
    let exact: [UInt64]
    /// ASCII-case-folded token hashes.
    let folded: [UInt64]

    init(_ document: Document) {
        // Built in locals and assigned once: stored properties of a class accessed in the hot loop
        // would each pay a dynamic exclusivity check.
        let count = document.tokens.count
        var text: [String] = []
        var lower: [String] = []
        var length: [Int] = []
        length.reserveCapacity(count)
        var kinds: [TokenKind] = []
        var capitalized: [Bool] = []
        var allCaps: [Bool] = []
        text.reserveCapacity(count)
        lower.reserveCapacity(count)
        kinds.reserveCapacity(count)
        capitalized.reserveCapacity(count)
        allCaps.reserveCapacity(count)
        var sentenceOf = [Int](repeating: 0, count: count)
        var exact: [UInt64] = []
        var folded: [UInt64] = []
        exact.reserveCapacity(count)
        folded.reserveCapacity(count)
        for (index, sentence) in document.sentences.enumerated() {
            for token in sentence.tokens where token < count { sentenceOf[token] = index }
        }
        document.withUTF8 { bytes in
            for token in document.tokens {
                let slice = UnsafeBufferPointer(rebasing: bytes[token.range.start..<token.range.end])
                let string = String(decoding: slice, as: UTF8.self)
                text.append(string)
                exact.append(TokenHash.exact(slice))
                folded.append(TokenHash.folded(slice))
                kinds.append(token.kind)
                var upper = 0
                var lowerCount = 0
                var firstIsUpper = false
                var sawLetter = false
                var ascii = true
                for byte in slice {
                    if byte >= 0x80 { ascii = false; break }
                    if byte >= 0x41 && byte <= 0x5A { upper += 1; if !sawLetter { firstIsUpper = true }; sawLetter = true }
                    else if byte >= 0x61 && byte <= 0x7A { lowerCount += 1; sawLetter = true }
                }
                length.append(ascii ? slice.count : slice.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
                if ascii {
                    // ASCII: lower-case the bytes directly (String.lowercased() is Unicode-general and slow);
                    // written straight into the new string's storage, so no scratch array is allocated.
                    lower.append(upper == 0 ? string : String(unsafeUninitializedCapacity: slice.count) { buffer in
                        for (index, byte) in slice.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                        return slice.count
                    })
                } else {
                    upper = 0
                    lowerCount = 0
                    firstIsUpper = false
                    sawLetter = false
                    for scalar in string.unicodeScalars where scalar.properties.isAlphabetic {
                        if scalar.properties.isUppercase { upper += 1; if !sawLetter { firstIsUpper = true } }
                        else { lowerCount += 1 }
                        sawLetter = true
                    }
                    lower.append(string.lowercased())
                }
                capitalized.append(firstIsUpper && token.kind == .word)
                allCaps.append(upper >= 2 && lowerCount == 0 && token.kind == .word)
            }
        }
        self.text = text
        self.lower = lower
        self.length = length
        self.kinds = kinds
        self.capitalized = capitalized
        self.allCaps = allCaps
        self.sentenceOf = sentenceOf
        self.exact = exact
        self.folded = folded
    }

    var count: Int { text.count }
}
