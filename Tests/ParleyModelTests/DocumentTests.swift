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

    /// The entity-per-token map is cached by the stage that sets the entities; a later change to the
    /// entities or the tokens must not leave a stale map behind.
    @Test func changingEntitiesOrTokensDropsTheEntityMap() {
        var document = DocumentBuilder.plain("Ann met Bob")
        document.tokens = [Token(range: TextRange(0, 3), kind: .word), Token(range: TextRange(4, 7), kind: .word),
                           Token(range: TextRange(8, 11), kind: .word)]
        document.entities = [Entity(index: 0, type: .person, name: "Ann", mentions: [Mention(range: TextRange(0, 3), rule: "t")])]
        document.entityIndexByTokenCache = document.entityIndexByToken()
        #expect(document.entityIndexByToken() == [0, nil, nil])
        document.entities = [Entity(index: 0, type: .person, name: "Bob", mentions: [Mention(range: TextRange(8, 11), rule: "t")])]
        #expect(document.entityIndexByTokenCache == nil)
        #expect(document.entityIndexByToken() == [nil, nil, 0])
        document.entityIndexByTokenCache = document.entityIndexByToken()
        document.tokens = [Token(range: TextRange(0, 7), kind: .word), Token(range: TextRange(8, 11), kind: .word)]
        #expect(document.entityIndexByTokenCache == nil)
        #expect(document.entityIndexByToken() == [nil, 0])
    }
}
