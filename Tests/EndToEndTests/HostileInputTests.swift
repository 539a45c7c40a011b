import Foundation
import Testing

/// Hostile inputs through the built `parley` binary (issue 6). Every input is generated here,
/// in a fresh folder under /tmp that is removed afterwards. Each case states the exact outcome per
/// document — a report (optionally with a warning code) or an error record with a stable code and
/// message — and the exit status of the batch, which always goes on past a bad document.
@Suite struct HostileInputTests {
    enum Outcome: Sendable, CustomStringConvertible {
        /// A report; its `warnings` hold `warning` when given, and its text (with --include-text) holds `text`.
        case report(warning: String? = nil, text: String? = nil)
        /// An error record with this code, whose message contains `message`.
        case error(String, message: String)
        var description: String {
            switch self {
            case .report(let warning, let text): return "report(\(warning ?? "-"), \(text ?? "-"))"
            case .error(let code, let message): return "error(\(code), \(message))"
            }
        }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var name: String
        var bytes: [UInt8]
        var expected: Outcome
        var testDescription: String { label }
    }

    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    static let sentence = "The minister said the talks went well in Geneva."
    static func page(_ body: String) -> String { "<html><head><title>T</title></head><body><article><p>\(body)</p></article></body></html>" }

    static let cases: [Case] = [
        Case(label: "empty file", name: "empty.txt", bytes: [], expected: .error("empty-input", message: "the input is empty")),
        Case(label: "whitespace-only file", name: "blank.txt", bytes: Array(" \n\t\r\n  ".utf8),
             expected: .error("empty-input", message: "only whitespace")),
        Case(label: "a few NUL bytes in text", name: "nul.txt", bytes: Array("The minister\0 said the talks went well.\0 ".utf8) + Array(repeating: 0x20, count: 100),
             expected: .report(warning: "control-characters-replaced", text: "The minister  said")),
        Case(label: "mostly NUL bytes", name: "nuls.txt", bytes: Array("x said y".utf8) + [UInt8](repeating: 0, count: 64),
             expected: .error("binary-input", message: "binary data")),
        Case(label: "invalid UTF-8", name: "invalid.txt", bytes: Array("The minister said ".utf8) + [0xFF, 0x80, 0xFE] + Array(" the talks went well.".utf8),
             expected: .report(warning: "invalid-utf8-repaired", text: "The minister said \u{FFFD}")),
        Case(label: "overlong UTF-8", name: "overlong.txt", bytes: Array("Path ".utf8) + [0xC0, 0xAF, 0xE0, 0x80, 0xAF] + Array(" the minister said.".utf8),
             expected: .report(warning: "invalid-utf8-repaired", text: "Path \u{FFFD}")),
        Case(label: "UTF-16 with a lone surrogate", name: "utf16.txt", bytes: [0xFF, 0xFE] + utf16LE("The minister said ") + [0x00, 0xDC] + utf16LE(" the talks went well."),
             expected: .report(warning: "invalid-utf16-repaired", text: "said \u{FFFD} the talks")),
        Case(label: "UTF-8 BOM contradicting a latin-1 charset", name: "bom.html",
             bytes: [0xEF, 0xBB, 0xBF] + Array(page("Café owners said the talks went well.").replacingOccurrences(of: "<head>", with: "<head><meta charset=\"iso-8859-1\">").utf8),
             expected: .report(text: "Café owners")),  // the BOM wins, as in browsers
        Case(label: "latin-1 bytes labelled UTF-8", name: "mislabelled.html",
             bytes: Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>Caf".utf8) + [0xE9] + Array(" owners said the talks went well.</p></article></body></html>".utf8),
             expected: .report(text: "Café owners")),
        Case(label: "ELF executable as .txt", name: "elf.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + [UInt8](repeating: 0, count: 120),
             expected: .error("binary-input", message: "an ELF executable")),
        Case(label: "PNG as .html", name: "png.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8),
             expected: .error("binary-input", message: "a PNG image")),
        Case(label: "gzip as .txt", name: "gzip.txt", bytes: [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0x4B, 0x4C],
             expected: .error("binary-input", message: "gzip-compressed data")),
        Case(label: "1 MB single word", name: "word.txt", bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20),
             expected: .report()),
        Case(label: "HTML nested 100,000 deep", name: "deep.html",
             bytes: Array(("<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>\(sentence)</p>" + String(repeating: "</div>", count: 100_000)).utf8),
             expected: .report(text: sentence)),
        Case(label: "unclosed tags everywhere", name: "unclosed.html",
             bytes: Array(("<html><body>" + (0..<3_000).map { "<div><p><b><i><span>Minister \($0) said the talks went well" }.joined()).utf8),
             expected: .report(text: "Minister 0 said the talks went well")),
        Case(label: "element with 100,000 attributes", name: "attributes.html",
             bytes: Array(("<html><body><article><p " + (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ") + ">\(sentence)</p></article></body></html>").utf8),
             expected: .report(warning: "attributes-dropped", text: sentence)),
        Case(label: "internal-subset entity bomb", name: "bomb.html",
             bytes: Array(("<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\">" + (1...9).map { level in "<!ENTITY \(Character(UnicodeScalar(97 + level)!)) \"" + String(repeating: "&\(Character(UnicodeScalar(96 + level)!));", count: 10) + "\">" }.joined()
                           + "]><html><body><article><p>The minister said &j; was fine.</p></article></body></html>").utf8),
             expected: .report(text: "The minister said &j; was fine.")),
        Case(label: "external entity to /etc/passwd and a URL (XHTML)", name: "xxe.xhtml",
             bytes: Array(#"<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY w SYSTEM "http://127.0.0.1:9/p">]><html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>The minister said &x; and &w; today.</p></article></body></html>"#.utf8),
             expected: .report(text: "The minister said &x; and &w; today.")),
        Case(label: "external DTD at file:///etc/passwd and a URL", name: "dtd.html",
             bytes: Array(#"<!DOCTYPE html PUBLIC "-//X//DTD X//EN" "file:///etc/passwd"><!DOCTYPE x SYSTEM "http://127.0.0.1:9/evil.dtd"><html><body><article><p>The minister said the talks went well.</p></article></body></html>"#.utf8),
             expected: .report(text: "The minister said the talks went well.")),
        Case(label: "quote mark that never closes over 10,000 lines", name: "quote.txt",
             bytes: Array(("The minister said \"this begins\n" + String(repeating: "and it goes on without closing\n", count: 10_000)).utf8),
             expected: .report(text: "The minister said \"this begins")),
    ]

    func records(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Each hostile file is analysed next to a good article in one batch: the good one still gets
    /// its report, the batch exits 1 exactly when the case is an error, nothing from
    /// /etc/passwd ever appears, and stderr has one line per failed document.
    @Test(arguments: cases)
    func hostileFile(_ hostile: Case) throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write(hostile.name, hostile.bytes)
        try folder.write("zz-good.txt", Array(Self.sentence.utf8))
        let outcome = try CLIRunner.run(["analyze", "--include-text", folder.path])
        let reports = try records(outcome.stdout)
        #expect(reports.count == 2, "\(hostile.label): \(outcome.stderr)")
        guard reports.count == 2 else { return }
        #expect(reports[1]["id"] as? String == folder.path + "/zz-good.txt")
        #expect(reports[1]["error"] == nil)
        #expect(reports[0]["id"] as? String == folder.path + "/" + hostile.name)
        #expect(!outcome.stdout.contains("root:x:0:0"), "never the contents of /etc/passwd")
        switch hostile.expected {
        case .report(let warning, let text):
            #expect(outcome.status == 0, "\(hostile.label): \(outcome.stderr)")
            #expect(reports[0]["error"] == nil, "\(hostile.label): \(reports[0]["error"] ?? "")")
            #expect(outcome.stderr.isEmpty)
            let warnings = (reports[0]["warnings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            if let warning { #expect(warnings.contains(warning), "\(hostile.label): \(warnings)") }
            if let text { #expect((reports[0]["text"] as? String)?.contains(text) == true, "\(hostile.label)") }
        case .error(let code, let message):
            #expect(outcome.status == 1)
            let error = reports[0]["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(hostile.label)")
            #expect((error?["message"] as? String)?.contains(message) == true, "\(hostile.label): \(error ?? [:])")
            #expect(outcome.stderr == "parley: \(folder.path)/\(hostile.name): \(code): \(error?["message"] as? String ?? "")\n")
        }
    }

    /// A 20 MB document on one line (article prose, joined without newlines). `parley text` runs the
    /// whole ingestion on it in a debug build in seconds; the full analysis of such a line is covered
    /// by the linear-scaling test in ParleyKitTests (analysing 20 MB in a debug build takes ~40 s).
    @Test func twentyMegabyteSingleLine() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        let unit = Array((Self.sentence + " ").utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 << 20)
        while bytes.count + unit.count <= 20 << 20 { bytes += unit }
        try folder.write("line.txt", bytes)
        let outcome = try CLIRunner.run(["text", "--format", "jsonl", folder.path + "/line.txt"])
        #expect(outcome.status == 0)
        let record = try #require(try records(outcome.stdout).first)
        #expect((record["text"] as? String)?.utf8.count == bytes.count - 1)  // trailing space trimmed
        let tooLarge = try CLIRunner.run(["analyze", "--max-bytes", "1000000", folder.path + "/line.txt"])
        #expect(tooLarge.status == 1)
        #expect(tooLarge.stdout.contains(#""code":"too-large""#))
        #expect(tooLarge.stdout.contains("has \(bytes.count) bytes, more than the limit of 1000000 bytes"))
    }

    /// A stream over the limit is cut at the limit, so its size is unknown and not guessed
    /// (regression: the message used to give the size of the part read so far).
    @Test func oversizedStandardInputSaysItIsOverTheLimit() throws {
        let outcome = try CLIRunner.run(["analyze", "--max-bytes", "1000"], stdin: Data(String(repeating: "word ", count: 2_000).utf8))
        #expect(outcome.status == 74)
        #expect(outcome.stderr.contains("the input has more than the limit of 1000 bytes"), "\(outcome.stderr)")
    }

    @Test func symlinkLoopsDanglingLinksAndSpecialFiles() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("sub/a.txt", Array(Self.sentence.utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/sub/loop", withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/self", withDestinationPath: "self")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/dangling.txt", withDestinationPath: folder.path + "/missing.txt")
        #expect(mkfifo(folder.path + "/pipe.txt", 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/mem.txt", withDestinationPath: "/proc/self/mem")
        let outcome = try CLIRunner.run(["analyze", folder.path])
        #expect(outcome.status == 1)
        let reports = try records(outcome.stdout)
        let summary = reports.map { ($0["id"] as? String ?? "").replacingOccurrences(of: folder.path + "/", with: "") + ":"
                                     + ((($0["error"] as? [String: Any])?["code"] as? String) ?? "report") }
        #expect(summary == ["dangling.txt:unreadable", "mem.txt:unreadable", "pipe.txt:unreadable", "sub/a.txt:report"])
        #expect(outcome.stderr.contains("dangling.txt: dangling symbolic link"))
        #expect(outcome.stderr.contains("pipe.txt: not a regular file (a named pipe)"))
        #expect(outcome.stderr.contains("mem.txt: Input/output error"))
    }

    @Test func tenThousandTinyFiles() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        for index in 0..<10_000 { try folder.write(String(format: "%05d.txt", index), Array("Talk \(index) said.".utf8)) }
        let outcome = try CLIRunner.run(["text", "--format", "jsonl", "--jobs", "2", folder.path])
        #expect(outcome.status == 0)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 10_000)
        #expect(lines.last?.contains("09999.txt") == true)
    }

    @Test func malformedJSONLinesLine() throws {
        let input = #"{"id": "a", "text": "The minister said the talks went well."}"# + "\n{\"id\": \"b\", \"text\": \n"
            + #"{"id": "c", "text": 42}"# + "\n" + #"{"id": "d", "html": "<p>Lavrov said it was fine.</p>"}"# + "\n"
        let outcome = try CLIRunner.run(["analyze", "--input-format", "jsonl"], stdin: Data(input.utf8))
        #expect(outcome.status == 1)
        let reports = try records(outcome.stdout)
        // A record that is not a valid article has no trustworthy id: it is named by its line.
        #expect(reports.map { $0["id"] as? String } == ["a", "line 2", "line 3", "d"])
        #expect((reports[1]["error"] as? [String: Any])?["code"] as? String == "malformed-json")
        #expect((reports[2]["error"] as? [String: Any])?["message"] as? String == #"line 3: not a JSON object with "text" or "html" (wrong type at text)"#)
        #expect(reports[0]["error"] == nil && reports[3]["error"] == nil)
    }

    @Test func lexiconFileWithABadRow() throws {
        let folder = try HostileFolder()
        defer { folder.remove() }
        try folder.write("intensifiers.tsv", Array("term\tmultiplier\nvery\t2\nrather\tlots\n".utf8))
        let outcome = try CLIRunner.run(["analyze", "--lexicons", folder.path], stdin: Data(Self.sentence.utf8))
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("intensifiers.tsv:3:"), "file:line in \(outcome.stderr)")
        // Regression: a data error is one line, not a usage error followed by the usage text.
        #expect(outcome.stderr.hasPrefix("parley: lexicon error: "), "one clear line: \(outcome.stderr)")
        #expect(!outcome.stderr.contains("Usage:"), "no usage text: \(outcome.stderr)")
    }
}

/// A scratch folder under /tmp for one test.
struct HostileFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-hostile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
