import Foundation
import Testing

/// Golden-file comparison: `Tests/EndToEndTests/Snapshots/<name>` holds the expected output.
///
/// Re-record with `RECORD_SNAPSHOTS=1 swift test --filter EndToEndTests`; a recording run fails on
/// purpose so a re-recorded snapshot is always reviewed (`git diff Tests/EndToEndTests/Snapshots`).
enum Snapshot {
    static let folder = CLIRunner.packageRoot.appendingPathComponent("Tests/EndToEndTests/Snapshots")

    static func assertMatches(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            Issue.record("Recorded snapshot \(name); unset RECORD_SNAPSHOTS and review the diff.", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing snapshot \(name); run RECORD_SNAPSHOTS=1 swift test --filter EndToEndTests", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = Array(zip(expectedLines, actualLines)).firstIndex { $0 != $1 } ?? min(expectedLines.count, actualLines.count)
            let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first].prefix(300)) : "<end>" }
            Issue.record("""
                Snapshot \(name) differs at line \(first + 1):
                  expected: \(shown(expectedLines))
                  actual:   \(shown(actualLines))
                Re-record with RECORD_SNAPSHOTS=1 if the change is intended.
                """, sourceLocation: sourceLocation)
        }
    }
}
