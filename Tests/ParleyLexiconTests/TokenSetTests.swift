@testable import ParleyLexicon
import ParleyTestSupport
import Testing

/// The hash-keyed word lists the matchers probe with per-token hashes.
@Suite struct TokenSetTests {
    @Test(arguments: [
        // (word in the set, probe, letter case, expected)
        ("the", "the", LetterCase.folded, true),
        ("the", "The", .folded, true),
        ("the", "THE", .folded, true),
        ("n't", "n’t", .folded, true),       // typographic apostrophe reads as '
        ("Cup", "Cup", .exact, true),
        ("Cup", "cup", .exact, false),
        ("the", "then", .folded, false),
        ("the", "", .folded, false),
    ])
    func membership(word: String, probe: String, letterCase: LetterCase, expected: Bool) {
        let set = TokenSet([word, "and", "according"], case: letterCase)
        let hash = letterCase == .folded ? TokenHash.folded(probe) : TokenHash.exact(probe)
        #expect(set.contains(hash) == expected)
    }

    /// Sets of every size (several probe runs in the larger ones) answer like `Set<String>`.
    @Test func agreesWithSetOfStrings() {
        for size in [0, 1, 7, 8, 9, 100, 1_000] {
            let words = (0..<size).map { "w\($0 * 3)" }
            let set = TokenSet(words, case: .exact)
            let reference = Set(words)
            for number in 0..<(3 * size + 10) {
                let word = "w\(number)"
                #expect(set.contains(TokenHash.exact(word)) == reference.contains(word), "\(word) in \(size)")
            }
        }
    }

    @Test func mapReturnsTheValueOfTheWord() {
        let map = TokenMap([("very", 1.5), ("somewhat", 0.7)])
        #expect(map[TokenHash.folded("Very")] == 1.5)
        #expect(map[TokenHash.folded("somewhat")] == 0.7)
        #expect(map[TokenHash.folded("rather")] == nil)
    }

    /// Growing past the initial capacity keeps every key (and key 0, stored as 1, is found again).
    @Test func uint64MapGrowsAndKeepsEveryKey() {
        var map = UInt64Map<Int>(capacity: 2)
        let keys = (0..<5_000).map { TokenHash.combine(TokenHash.sequenceSeed, UInt64($0)) } + [0]
        for (value, key) in keys.enumerated() { map[key] = value }
        for (value, key) in keys.enumerated() { #expect(map[key] == value) }
        #expect(map[TokenHash.combine(TokenHash.sequenceSeed, 99_999)] == nil)
    }

    /// `add` counts like a dictionary with a default of 0, through growth and for key 0.
    @Test func uint64MapAddCountsLikeADictionary() {
        var map = UInt64Map<Int>(capacity: 2)
        var reference: [UInt64: Int] = [:]
        var random = SplitMix64(state: 42)
        for _ in 0..<20_000 {
            let key = random.next() % 3 == 0 ? 0 : TokenHash.combine(TokenHash.sequenceSeed, random.next() % 700)
            let amount = Int(random.next() % 5)
            map.add(amount, to: key)
            reference[key, default: 0] += amount
        }
        for (key, total) in reference { #expect(map[key] == total) }
        #expect(map.count == reference.count)
    }
}
