import ParleyModel
import ParleyTestSupport
import Testing

@Suite struct DocumentTests {
    /// Cached token hashes describe the tokens they were computed for: new tokens drop them.
    @Test func changingTokensDropsCachedHashes() {
        var document = DocumentBuilder.plain("Two words")
        document.tokens = [Token(range: TextRange(0, 3), kind: .word), Token(range: TextRange(4, 9), kind: .word)]
        document.foldedTokenHashes = [1, 2]
        #expect(document.foldedTokenHashes == [1, 2])
        document.tokens = [Token(range: TextRange(0, 9), kind: .word)]
        #expect(document.foldedTokenHashes == nil)
    }
}
