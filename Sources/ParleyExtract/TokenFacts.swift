import ParleyLexicon
import ParleyModel

/// What the matchers need to know about each token, computed once per document.
///
/// Everything the matchers test on every token (kind, case shape, length, both hashes) is computed
/// up front into flat arrays; a token's text as a `String` is built only when a rule asks for it
/// (``text``, ``lower``), because most tokens are only ever probed by hash.
final class TokenFacts {
    /// The document's UTF-8 bytes.
    let bytes: DocumentBytes
    /// The token's text, built on access.
    let text: TokenTexts
    /// Lower-cased text, built on access.
    let lower: TokenTexts
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
        let tokens = document.tokens
        let count = tokens.count
        var sentenceOf = [Int](repeating: 0, count: count)
        for (index, sentence) in document.sentences.enumerated() {
            for token in sentence.tokens where token < count { sentenceOf[token] = index }
        }
        // Filled through raw buffers, then copied once into arrays: appending to the arrays token by
        // token paid a uniqueness check and a capacity test on every append.
        let length = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        let kinds = UnsafeMutableBufferPointer<TokenKind>.allocate(capacity: count)
        let capitalized = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        let allCaps = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        let exact = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        let ascii = UnsafeMutableBufferPointer<Bool>.allocate(capacity: count)
        let folded = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer {
            length.deallocate(); kinds.deallocate(); capitalized.deallocate()
            allCaps.deallocate(); exact.deallocate(); folded.deallocate(); ascii.deallocate()
        }
        var hasTwins = false
        document.withUTF8 { bytes in
            for (index, token) in tokens.enumerated() {
                let range = token.range.start..<token.range.end
                let byteCount = range.count
                let shape: Shape
                // Most tokens are ASCII and at most eight bytes: one word load gives both hashes and the
                // letter counts.
                if let word = TokenHash.asciiWord(bytes, range) {
                    (exact[index], folded[index]) = TokenHash.exactAndFolded(asciiWord: word, count: byteCount)
                    shape = Self.shape(ofASCIIWord: word, count: byteCount)
                } else {
                    let slice = UnsafeBufferPointer(rebasing: bytes[range])
                    (exact[index], folded[index]) = TokenHash.exactAndFolded(slice)
                    shape = Self.shape(of: slice)
                    if shape.length != byteCount, !hasTwins { hasTwins = TokenTexts.hasUnicodeTwins(slice) }
                }
                kinds[index] = token.kind
                length[index] = shape.length
                ascii[index] = shape.length == byteCount
                capitalized[index] = shape.firstIsUpper && token.kind == .word
                allCaps[index] = shape.upper >= 2 && shape.lower == 0 && token.kind == .word
            }
        }
        let isASCII = Array(ascii)
        let exactHashes = Array(exact)
        let foldedHashes = Array(folded)
        let bytes = DocumentBytes(document)
        self.bytes = bytes
        self.text = TokenTexts(bytes: bytes, tokens: tokens, isASCII: isASCII, hashes: exactHashes, lowered: false,
                               hasUnicodeTwins: hasTwins)
        self.lower = TokenTexts(bytes: bytes, tokens: tokens, isASCII: isASCII, hashes: foldedHashes, lowered: true,
                                hasUnicodeTwins: hasTwins)
        self.length = Array(length)
        self.kinds = Array(kinds)
        self.capitalized = Array(capitalized)
        self.allCaps = Array(allCaps)
        self.sentenceOf = sentenceOf
        self.exact = exactHashes
        self.folded = foldedHashes
    }

    var count: Int { kinds.count }

    /// The token's length in UTF-8 bytes.
    func byteCount(_ index: Int) -> Int {
        let range = text.tokens[index].range
        return range.end - range.start
    }

    /// Letter counts of one token: how many upper- and lower-case letters (exact up to two, which is all
    /// the shape tests ask), whether the first letter is upper case, and the length in Unicode scalars.
    typealias Shape = (upper: Int, lower: Int, firstIsUpper: Bool, length: Int)

    /// The shape of an ASCII token held in one little-endian word, all letters tested at once.
    private static func shape(ofASCIIWord word: UInt64, count: Int) -> Shape {
        let (upper, lower) = TokenHash.letterMasks(word)
        let letters = upper | lower
        // The lowest set bit of `letters` marks the first letter.
        let firstIsUpper = upper & letters & (0 &- letters) != 0
        // Counts capped at two, which is all the shape tests ask (`nonzeroBitCount` is a software
        // popcount on baseline x86-64, and cost more than the rest of the shape).
        let uppers = upper == 0 ? 0 : upper & (upper &- 1) == 0 ? 1 : 2
        return (uppers, lower == 0 ? 0 : 1, firstIsUpper, count)
    }

    /// The shape of any token, byte by byte.
    private static func shape(of slice: UnsafeBufferPointer<UInt8>) -> Shape {
        var upper = 0
        var lowerCount = 0
        var firstIsUpper = false
        var sawLetter = false
        for byte in slice {
            if byte >= 0x80 { return unicodeShape(of: slice) }
            if byte >= 0x41 && byte <= 0x5A { upper += 1; if !sawLetter { firstIsUpper = true }; sawLetter = true }
            else if byte >= 0x61 && byte <= 0x7A { lowerCount += 1; sawLetter = true }
        }
        return (upper, lowerCount, firstIsUpper, slice.count)
    }

    /// The same for a token with non-ASCII bytes, through Unicode properties.
    private static func unicodeShape(of slice: UnsafeBufferPointer<UInt8>) -> Shape {
        var upper = 0
        var lowerCount = 0
        var firstIsUpper = false
        var sawLetter = false
        var length = 0
        for scalar in String(decoding: slice, as: UTF8.self).unicodeScalars {
            length += 1
            guard scalar.properties.isAlphabetic else { continue }
            if scalar.properties.isUppercase { upper += 1; if !sawLetter { firstIsUpper = true } }
            else { lowerCount += 1 }
            sawLetter = true
        }
        return (upper, lowerCount, firstIsUpper, length)
    }
}

/// A copy of a document's UTF-8 bytes that the rules slice directly.
///
/// The text is a `String`; every read of a token's bytes went through
/// `withContiguousStorageIfAvailable` on it (~100 instructions a call, ~10⁵ calls per thousand
/// articles). One copy per document (a few kilobytes) makes each read a slice.
final class DocumentBytes {
    /// All of the text's bytes.
    let all: UnsafeBufferPointer<UInt8>

    init(_ document: Document) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(document.byteCount, 1))
        document.withUTF8 { _ = copy.initialize(from: $0) }
        all = UnsafeBufferPointer(rebasing: copy[0 ..< document.byteCount])
    }

    deinit { UnsafeMutableRawPointer(mutating: all.baseAddress!).deallocate() }

    /// The bytes of `range`.
    @inline(__always)
    func of(_ range: TextRange) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: all[range.start ..< range.end])
    }
}

/// The tokens of one document as `String`s, made when a rule reads one: most tokens are only ever
/// looked up by hash, so building a `String` (or two) for each of them up front was wasted work.
///
/// A class: the matchers call it through ``TokenFacts`` tens of thousands of times per document, and
/// each call on a struct copied it out, retaining and releasing its four arrays and its string.
final class TokenTexts {
    /// The document's bytes, shared by the exact and the lower-cased texts.
    let bytes: DocumentBytes
    let tokens: [Token]
    /// Whether each token's bytes are all ASCII (so comparing bytes is comparing strings).
    let isASCII: [Bool]
    /// Each token's ``TokenHash``: exact, or ASCII-case-folded when the strings are lower-cased.
    let hashes: [UInt64]
    /// Whether the strings are lower-cased (ASCII directly, other text with `lowercased()`).
    let lowered: Bool
    /// Whether the document holds a character `String` equates with ASCII text (``hasUnicodeTwins(_:)``).
    let hasUnicodeTwins: Bool

    init(bytes: DocumentBytes, tokens: [Token], isASCII: [Bool], hashes: [UInt64], lowered: Bool, hasUnicodeTwins: Bool) {
        self.bytes = bytes
        self.tokens = tokens
        self.isASCII = isASCII
        self.hashes = hashes
        self.lowered = lowered
        self.hasUnicodeTwins = hasUnicodeTwins
    }

    /// The text of token `index`.
    subscript(index: Int) -> String {
        Self.string(bytes.of(tokens[index].range), lowered: lowered)
    }

    /// Whether token `index` reads `word` (lower-cased when these texts are), as `self[index] == word`
    /// would say, without building a `String` for an ASCII token.
    @inline(__always)
    func equals(_ index: Int, _ word: StaticString) -> Bool {
        // A short ASCII word (every call site's) is compared with the token's hash, which the matchers
        // computed anyway: no bytes are read. The folded hash folds ASCII letters only, so this is the
        // byte comparison below, but for a 64-bit collision. `String` also equates a few non-ASCII
        // characters with ASCII ones: in a document holding one, a mismatch goes on to the string path.
        if word.isASCII, word.utf8CodeUnitCount <= 8 {
            if hashes[index] == asciiWordHash(word) { return true }
            if !hasUnicodeTwins { return false }
        }
        return slowEquals(index, word)
    }

    /// ``equals(_:_:)`` on the bytes, or on strings for a token outside ASCII; kept out of line so
    /// the hash comparison above inlines into the rules.
    @inline(never)
    private func slowEquals(_ index: Int, _ word: StaticString) -> Bool {
        withASCIIBytes(of: index) { bytes in
            word.withUTF8Buffer { bytes.count == $0.count && Self.matches(bytes, $0, lowered: lowered) }
        } ?? (self[index] == word.description)
    }

    /// Whether token `index` ends with `suffix` (lower-cased when these texts are), as
    /// `self[index].hasSuffix(suffix)` would say, without building a `String` for an ASCII token.
    func hasSuffix(_ index: Int, _ suffix: StaticString) -> Bool {
        withASCIIBytes(of: index) { bytes in
            suffix.withUTF8Buffer {
                bytes.count >= $0.count && Self.matches(UnsafeBufferPointer(rebasing: bytes[(bytes.count - $0.count)...]), $0, lowered: lowered)
            }
        } ?? self[index].hasSuffix(suffix.description)
    }

    /// Whether `text` holds a character that `String` equates with ASCII text: the Kelvin sign
    /// (canonically `K`, lower-cased `k`), the Greek question mark (`;`) and the Greek varia ("`").
    static func hasUnicodeTwins(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 2 else { return false }
        for index in 0 ..< text.count - 1 {
            switch (text[index], text[index + 1]) {
            case (0xCD, 0xBE): return true
            case (0xE2, 0x84): if index + 2 < text.count, text[index + 2] == 0xAA { return true }
            case (0xE1, 0xBF): if index + 2 < text.count, text[index + 2] == 0xAF { return true }
            default: break
            }
        }
        return false
    }

    /// `body` over the token's UTF-8 bytes as they are in the text (never lower-cased).
    func withBytes<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        body(bytes.of(tokens[index].range))
    }

    /// Whether token `index` holds the ASCII byte `byte` (which never occurs inside a multi-byte
    /// character, so the answer is the same for any token): a cheap test before a rule compares suffixes.
    func contains(_ index: Int, byte: UInt8) -> Bool {
        withBytes(of: index) { $0.contains(byte) }
    }

    /// `body` over the token's bytes if they are all ASCII; nil otherwise, where `String` comparison
    /// (canonical equivalence: the Kelvin sign equals `K`) can differ from comparing bytes.
    private func withASCIIBytes(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool? {
        guard isASCII[index] else { return nil }
        return withBytes(of: index, body)
    }

    /// Whether `bytes` (lowered if asked) equal `word`, which has as many bytes.
    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>, lowered: Bool) -> Bool {
        for (offset, byte) in bytes.enumerated() {
            let compared = lowered && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if compared != word[offset] { return false }
        }
        return true
    }

    private static func string(_ slice: UnsafeBufferPointer<UInt8>, lowered: Bool) -> String {
        guard lowered else { return String(decoding: slice, as: UTF8.self) }
        var ascii = true
        var hasUpper = false
        for byte in slice {
            if byte >= 0x80 { ascii = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard ascii else { return String(decoding: slice, as: UTF8.self).lowercased() }
        guard hasUpper else { return String(decoding: slice, as: UTF8.self) }
        // ASCII: lower-case the bytes straight into the new string's storage (String.lowercased() is
        // Unicode-general and slow).
        return String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (index, byte) in slice.enumerated() { buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return slice.count
        }
    }
}

/// The ``TokenHash`` of an ASCII word of at most eight bytes; exact and folded agree on a word
/// without capitals. Transparent, so a literal's hash folds to a constant where it is compared.
@_transparent
func asciiWordHash(_ word: StaticString) -> UInt64 {
    var packed: UInt64 = 0
    let start = word.utf8Start
    for offset in 0 ..< word.utf8CodeUnitCount { packed |= UInt64(start[offset]) << UInt64(8 * offset) }
    return TokenHash.exactAndFolded(asciiWord: packed, count: word.utf8CodeUnitCount).exact
}
