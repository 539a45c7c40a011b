@testable import ParleyText
import Testing

@Suite struct ShortKeySetTests {
    /// Words that pack into keys (ASCII, at most 16 bytes): members must be found, everything else
    /// not, including keys that differ in one byte, in length or only in the second packed word.
    @Test func findsExactlyItsMembers() throws {
        let words = ["Mr.", "Dr.", "Gen.", "e.g.", "approx.", "The", "It", "sixteen-bytes-ab", "a", "\u{0}"]
        let set = ShortKeySet(words.compactMap { ShortKey($0) })
        for word in words { #expect(set.contains(try #require(ShortKey(word))), "\(word)") }
        let others = ["Mr", "mr.", "Drs.", "Gen", "e.g", "approx", "the", "it", "sixteen-bytes-ac", "b", "\u{1}", "Mr.."]
        for word in others { #expect(!set.contains(try #require(ShortKey(word))), "\(word)") }
        #expect(Set(set.members) == Set(words.compactMap { ShortKey($0) }))
    }

    /// A larger table (several probe runs), checked against `Set`.
    @Test func agreesWithSetOnManyKeys() throws {
        let members = (0..<500).map { "w\($0 * 7)." }
        let set = ShortKeySet(members.compactMap { ShortKey($0) })
        let reference = Set(members)
        for number in 0..<4_000 {
            let word = "w\(number)."
            #expect(set.contains(try #require(ShortKey(word))) == reference.contains(word), "\(word)")
        }
        #expect(ShortKeySet([]).contains(try #require(ShortKey("x"))) == false)
    }
}
