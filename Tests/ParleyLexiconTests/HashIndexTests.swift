@testable import ParleyLexicon
import ParleyTestSupport
import Testing

/// The Bloom filter in front of `HashIndex` may only ever say "maybe": every stored phrase and every
/// prefix of one must still be found, whatever the table size.
@Suite struct HashIndexTests {
    @Test(arguments: [1, 7, 300, 20_000])
    func everyPhraseAndPrefixIsFound(count: Int) {
        var random = SplitMix64(state: UInt64(count) &* 0x9E37_79B9)
        var builder = PhraseTableBuilder<Int>(policy: .accumulate)
        var phrases: [String] = []
        for value in 0..<count {
            let words = (0...(value % 3)).map { _ in "w" + String(random.next() % 1_000_000, radix: 36) }
            let phrase = words.joined(separator: " ")
            phrases.append(phrase)
            var text = phrase
            text.withUTF8 { builder.add($0, 0..<$0.count, value: value) }
        }
        let table = builder.build()
        for (value, phrase) in phrases.enumerated() {
            #expect(table.lookup(phrase).contains(value), "\(phrase)")
            #expect(table.lookup(phrase.uppercased(), case: .folded).contains(value))
            let words = phrase.split(separator: " ")
            for length in 1..<words.count {
                let (exact, _) = PhraseSplitter.hashes(of: words.prefix(length).joined(separator: " "))
                var sequence = TokenHash.sequenceSeed
                for hash in exact { sequence = TokenHash.combine(sequence, hash) }
                #expect(table.exactIndex.slot(for: sequence) != nil, "prefix of \(phrase)")
            }
        }
        // Absent phrases are rejected (by the filter or by the probe), never confused with a stored one.
        for _ in 0..<1_000 {
            #expect(table.lookup("absent" + String(random.next(), radix: 36)).isEmpty)
        }
    }
}
