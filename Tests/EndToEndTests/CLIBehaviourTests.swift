import Foundation
import Testing

/// The command-line contract of CLI.md: inputs, error records, exit status, ordering.
@Suite struct CLIBehaviourTests {
    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    func object(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func readsStandardInputAsOneArticle() throws {
        let outcome = try CLIRunner.run(["analyze"], stdin: Data("Talks resume\n\nThe talks resumed on Monday in Geneva.".utf8))
        #expect(outcome.status == 0)
        let report = try object(try #require(lines(outcome.stdout).first))
        #expect(report["id"] as? String == "-")
        #expect(report["schema"] as? String == "parley.document/1")
        #expect((report["metadata"] as? [String: Any])?["title"] as? String == "Talks resume")
        for key in ["source", "stats", "entities", "quotes", "stance", "warnings"] { #expect(report[key] != nil, "\(key)") }
    }

    @Test func jsonLinesKeepInputOrderAndIsolateBadLines() throws {
        var input = ""
        for index in 0..<30 { input += #"{"id": "doc\#(index)", "text": "Article number \#(index) says little."}"# + "\n" }
        input += "{not json\n"
        input += #"{"id": "last", "html": "<html><body><article><p>Hello from the last page, which has a paragraph.</p></article></body></html>"}"# + "\n"
        for jobs in ["1", "2", "4"] {
            let outcome = try CLIRunner.run(["analyze", "--input-format", "jsonl", "--jobs", jobs], stdin: Data(input.utf8))
            #expect(outcome.status == 1, "one bad line means exit status 1")
            let ids = try lines(outcome.stdout).map { try object($0)["id"] as? String }
            #expect(ids == (0..<30).map { "doc\($0)" } + ["line 31", "last"])
            let error = try object(lines(outcome.stdout)[30])["error"] as? [String: Any]
            #expect(error?["code"] as? String == "malformed-json")
            #expect(outcome.stderr.contains("line 31: malformed-json"))
        }
    }

    @Test func outputIsByteIdenticalWhateverTheJobCount() throws {
        let one = try CLIRunner.run(["analyze", "--jobs", "1", "Corpus"])
        let four = try CLIRunner.run(["analyze", "--jobs", "4", "Corpus"])
        #expect(one.stdout == four.stdout)
        #expect(one.status == four.status)
        #expect(lines(one.stdout).count >= 7)
    }

    @Test func missingFileGivesErrorRecordAndStatusOne() throws {
        let outcome = try CLIRunner.run(["analyze", "Corpus/peace-talks.txt", "Corpus/does-not-exist.txt"])
        #expect(outcome.status == 1)
        let records = try lines(outcome.stdout).map(object)
        #expect(records.count == 2)
        #expect((records[1]["error"] as? [String: Any])?["code"] as? String == "unreadable")
        #expect(outcome.stderr.contains("does-not-exist.txt"))
    }

    @Test func badUsageExitsWith64() throws {
        #expect(try CLIRunner.run(["analyze", "--jobs", "0"]).status == 64)
        #expect(try CLIRunner.run(["analyze", "--no-such-flag"]).status == 64)
    }

    @Test func outputFolderMirrorsTheInputTreeAtomically() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CLIRunner.run(["analyze", "Corpus", "--output", folder.path])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written.contains("peace-talks.json"))
        #expect(written.allSatisfy { $0.hasSuffix(".json") && !$0.hasPrefix(".") })
    }

    @Test func unwritableOutputIsARunFailure() throws {
        let outcome = try CLIRunner.run(["analyze", "Corpus/peace-talks.txt", "--output", "/dev/full/reports"])
        #expect(outcome.status == 74)
        #expect(outcome.stderr.contains("cannot write"))
    }

    @Test func textJSONLinesCarriesMetadata() throws {
        let outcome = try CLIRunner.run(["text", "--format", "jsonl", "Corpus/peace-talks.txt"])
        let record = try object(try #require(lines(outcome.stdout).first))
        #expect(record["id"] as? String == "Corpus/peace-talks.txt")
        #expect((record["text"] as? String)?.hasPrefix("Donald Trump's envoy") == true)
        for key in ["title", "byline", "published", "url", "language"] { #expect(record.keys.contains(key), "\(key)") }
    }

    @Test func indirectFlagAddsReportedSpeech() throws {
        let plain = try CLIRunner.run(["analyze", "Corpus/peace-talks.txt"])
        let withIndirect = try CLIRunner.run(["analyze", "--indirect", "Corpus/peace-talks.txt"])
        let kinds = { (text: String) throws -> [String] in
            let report = try self.object(try #require(self.lines(text).first))
            return (report["quotes"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        }
        #expect(try !kinds(plain.stdout).contains("indirect"))
        #expect(try kinds(withIndirect.stdout).contains("indirect"))
    }

    @Test func helpShowsExamples() throws {
        let outcome = try CLIRunner.run(["analyze", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Examples:"))
        #expect(outcome.stdout.contains("--input-format"))
    }
}
