import ParleyIngest
import ParleyKit
import ParleyModel
import ParleyReport
import ParleyTestSupport
import Testing

/// "Nothing quadratic in document length", proven by counting work instead of timing it: the same
/// adversarial document (one line, no sentence terminator, a cue word or a name every few words)
/// at N and 4N must give exactly 4× the tokens, ~4× the sentences, evidence items and report bytes.
/// Before sentences were capped, report bytes grew with N² (every evidence item quotes its
/// sentence, and the sentence was the whole document).
@Suite struct ScalingTests {
    static func adversarialLine(words: Int) -> [UInt8] {
        let vocabulary = ["the", "minister", "said", "talks", "Geneva", "hopeful", "doubtful", "Smith", "would", "progress"]
        var generator = SplitMix64(state: 42)
        var text = ""
        text.reserveCapacity(words * 8)
        for index in 0..<words {
            if index > 0 { text += " " }
            text += vocabulary[Int(generator.next() % UInt64(vocabulary.count))]
        }
        return Array(text.utf8)
    }

    @Test func reportWorkGrowsLinearly() throws {
        let parley = Parley()
        func measure(_ words: Int) throws -> (tokens: Int, sentences: Int, evidence: Int, bytes: Int) {
            let document = try parley.analyze(ArticleInput(id: "scale", bytes: Self.adversarialLine(words: words), format: .text))
            let bytes = DocumentReportFormatter().format(document).count
            return (document.tokens.count, document.sentences.count, document.stance.reduce(0) { $0 + $1.evidence.count }, bytes)
        }
        let small = try measure(4_000)
        let large = try measure(16_000)
        #expect(small.tokens == 4_000)
        #expect(large.tokens == 16_000)
        #expect(large.sentences == 4 * small.sentences)
        #expect(small.evidence > 100)
        // Same generator prefix, so counts are close to 4×; quadratic growth would give ≥ 16×.
        for (name, s, l) in [("evidence", small.evidence, large.evidence), ("bytes", small.bytes, large.bytes)] {
            let ratio = Double(l) / Double(s)
            #expect(ratio > 3 && ratio < 5, "\(name) grew \(ratio)× for 4× the input")
        }
    }
}

