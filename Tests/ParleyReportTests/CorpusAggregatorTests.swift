import ParleyModel
import ParleyReport
import ParleyTestSupport
import Testing

@Suite struct CorpusAggregatorTests {
    /// A document with one person and one evidence item of the given polarity and weight.
    func document(_ id: String, person: String, polarity: Polarity, weight: Double, published: String? = nil) -> Document {
        let text = "\(person) spoke. It was hopeful."
        var document = DocumentBuilder.plain(text, id: id)
        document.metadata.published = published
        let nameEnd = person.utf8.count
        document.tokens = [Token(range: TextRange(0, nameEnd), kind: .word)]
        document.sentences = [Sentence(range: TextRange(0, text.utf8.count), tokens: 0..<1)]
        document.entities = [Entity(index: 0, type: .person, name: person, mentions: [Mention(range: TextRange(0, nameEnd), rule: "test")])]
        let evidence = StanceEvidence(sentence: TextRange(0, text.utf8.count), cueRange: TextRange(0, nameEnd), cue: "hopeful",
                                      polarity: polarity, weight: weight, rule: "test", negated: false)
        document.stance = [ActorStance(entity: 0, optimism: 0, skepticism: 0, evidence: [evidence])]
        return document
    }

    var documents: [Document] {
        [document("a", person: "Donald Trump", polarity: .optimism, weight: 1, published: "2026-03-01T10:00:00Z"),
         document("b", person: "Trump", polarity: .skepticism, weight: 0.3333, published: "2026-03-01"),
         document("c", person: "Maria Okafor", polarity: .optimism, weight: 0.7),
         document("d", person: "Okafor", polarity: .skepticism, weight: 0.1),
         document("e", person: "Donald Trump", polarity: .optimism, weight: 0.2)]
    }

    func json(_ aggregator: CorpusAggregator) -> String {
        String(decoding: CorpusReportFormatter().json(aggregator), as: UTF8.self)
    }

    @Test func mergedShardsEqualOneRunInAnyOrder() throws {
        var single = CorpusAggregator()
        for document in documents { single.add(document) }
        for split in 1..<documents.count {
            var first = CorpusAggregator(), second = CorpusAggregator()
            for document in documents[..<split] { first.add(document) }
            for document in documents[split...].reversed() { second.add(document) }
            var merged = CorpusAggregator()
            // Round-trip through JSON, as `parley report --merge` does.
            try CorpusReportReader.mergeCorpusReport(CorpusReportFormatter().json(second), name: "second", into: &merged)
            try CorpusReportReader.mergeCorpusReport(CorpusReportFormatter().json(first), name: "first", into: &merged)
            #expect(json(merged) == json(single), "split at \(split)")
        }
    }

    @Test func surnameJoinsFullNameAndScoresComeFromSums() {
        var aggregator = CorpusAggregator()
        for document in documents { aggregator.add(document) }
        let actors = aggregator.actors()
        let trump = actors.first { $0.total.name == "Donald Trump" }
        #expect(trump?.total.documents == 3)
        #expect(trump?.total.aliases == ["Trump"])
        // O = 1.2, S = 0.3333: scores from the sums, not an average of per-document scores.
        let expected = StanceFormula.scores(optimismWeight: 1.2, skepticismWeight: 0.3333)
        #expect(abs((trump?.scores.optimism ?? 0) - expected.optimism) < 1e-9)
        #expect(trump?.total.byDate["2026-03-01"]?.documents == 2)
    }

    @Test func malformedCorpusReportIsAnError() {
        var aggregator = CorpusAggregator()
        #expect { try CorpusReportReader.mergeCorpusReport(Array("{\"schema\": 1}".utf8), name: "x", into: &aggregator) } throws: {
            ($0 as? ParleyError)?.code == "malformed-json"
        }
    }
}
