import Foundation
import Testing

/// Every article in `Corpus/`, run through the built binary and compared with its golden files.
@Suite(.serialized) struct CorpusGoldenTests {
    static let articles: [String] = {
        let corpus = CLIRunner.packageRoot.appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()
    }()

    @Test func corpusHasTheRequiredArticles() {
        #expect(Self.articles.count >= 7)
        #expect(Self.articles.contains("peace-talks.txt"))
    }

    @Test(arguments: articles)
    func analyzeMatchesGolden(article: String) throws {
        let outcome = try CLIRunner.run(["analyze", "--pretty", "Corpus/" + article])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        try Snapshot.assertMatches(outcome.stdout, named: article + ".analyze.json")
    }

    @Test(arguments: articles)
    func textMatchesGolden(article: String) throws {
        let outcome = try CLIRunner.run(["text", "Corpus/" + article])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        try Snapshot.assertMatches(outcome.stdout, named: article + ".text.txt")
    }
}
