import ArgumentParser
import ParleyKit

/// Options shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files and folders to read (folders recursively: .txt .text .html .htm .xhtml). None or '-' reads standard input.")
    var paths: [String] = []

    @Option(name: .customLong("input-format"), help: "auto | text | html | jsonl. 'auto' sniffs the content; 'jsonl' reads one {\"id\", \"text\" | \"html\"} object a line.")
    var inputFormat: InputFormatOption = .auto

    @Option(help: "A folder of extra or replacement lexicon files (see Lexicons/README.md).")
    var lexicons: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(name: .customLong("max-bytes"), help: "Largest article accepted, in bytes; larger ones get a 'too-large' error record.")
    var maxBytes: Int = ArticleReader.defaultMaxBytes

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be positive") }
    }

    /// Worker count: the option, or every online core.
    var resolvedJobs: Int { jobs ?? SystemInfo.activeProcessorCount }
}

/// The `--input-format` values.
enum InputFormatOption: String, ExpressibleByArgument, CaseIterable {
    case auto, text, html, jsonl
}
