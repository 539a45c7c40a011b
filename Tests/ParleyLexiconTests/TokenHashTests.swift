import ParleyLexicon
import Testing

/// Token hashes are read eight bytes at a time; these cases put case, apostrophes and non-ASCII
/// letters on both sides of the word boundaries, where a word-at-a-time hash could go wrong.
@Suite struct TokenHashTests {
    /// Pairs that must hash alike: typographic and straight apostrophes, at every offset around the
    /// first word boundary.
    @Test(arguments: [
        ("d’Ivoire", "d'Ivoire"), ("abcdef’s", "abcdef's"), ("abcdefg’s", "abcdefg's"), ("abcdefgh’s", "abcdefgh's"),
        ("‘quoted’", "'quoted'"), ("O’Neill-Smithson’s", "O'Neill-Smithson's"),
    ])
    func apostrophesHashAlike(typographic: String, straight: String) {
        #expect(TokenHash.exact(typographic) == TokenHash.exact(straight))
        #expect(TokenHash.folded(typographic) == TokenHash.folded(straight))
    }

    /// Folding lowers ASCII capitals only, in words of every length.
    @Test(arguments: ["A", "Kyiv", "ABCDEFGH", "AbCdEfGhI", "INTERNATIONALISATION", "Zürich-BASED", "ÉCOLE"])
    func foldingLowersASCIICapitalsOnly(word: String) {
        let asciiLowered = String(decoding: word.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        #expect(TokenHash.folded(word) == TokenHash.exact(asciiLowered))
        #expect(TokenHash.folded(word) == TokenHash.folded(asciiLowered))
        #expect(asciiLowered == word || TokenHash.exact(word) != TokenHash.exact(asciiLowered))
        // Non-ASCII capitals keep their case.
        if word.contains("É") { #expect(TokenHash.folded(word) != TokenHash.folded(word.lowercased())) }
    }

    /// Distinct tokens differ, including ones that differ only by trailing zero bytes, by length or in
    /// the last byte of a word.
    @Test func distinctTokensDiffer() {
        let tokens = ["", "a", "a\u{0}", "a\u{0}\u{0}", "ab", "ba", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefgh\u{0}",
                      "bbcdefgh", "abcdefghabcdefgh", "abcdefghabcdefgi"]
        #expect(Set(tokens.map(TokenHash.exact)).count == tokens.count)
    }

    /// The one-word entry point gives what the general one gives.
    @Test(arguments: ["a", "US", "Lavrov", "Kremlin!", "12345678"])
    func asciiWordEntryAgrees(word: String) {
        var packed: UInt64 = 0
        for (offset, byte) in word.utf8.enumerated() { packed |= UInt64(byte) << UInt64(8 * offset) }
        let hashes = TokenHash.exactAndFolded(asciiWord: packed, count: word.utf8.count)
        #expect(hashes.exact == TokenHash.exact(word))
        #expect(hashes.folded == TokenHash.folded(word))
    }
}
