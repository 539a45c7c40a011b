import ArgumentParser
import ParleyKit

/// `parley analyze`: one DocumentReport per article.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Write one report per article: entities, quotes and stance (JSON Lines on stdout).",
        discussion: """
            Examples:
              parley analyze Corpus/peace-talks.txt --pretty
              parley analyze Corpus --output reports/
              parley analyze --input-format jsonl < articles.jsonl
            """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Indent the JSON.")
    var pretty = false

    @Flag(name: .customLong("include-text"), help: "Add the article's extracted text to each report.")
    var includeText = false

    @Option(help: "Write one .json file per article under this folder (mirroring the input tree) instead of stdout.")
    var output: String?

    @Flag(help: "Also report unquoted reported speech ('Lavrov cautioned that …') as quotes of kind 'indirect'.")
    var indirect = false

    func run() throws {
        SystemInfo.tuneAllocatorForBatchWork()
        // The bundled tables are built when the first article needs them (an empty input never does);
        // `--lexicons DIR` is loaded now so a bad file fails before any output.
        let parley: Parley
        if input.lexicons == nil && !indirect {
            parley = Parley.bundledOnFirstUse(maxBytes: input.maxBytes)
        } else {
            parley = Parley(lexicons: try LexiconLoading.load(input.lexicons), maxBytes: input.maxBytes,
                            extraction: indirect ? .indirectSpeech : [])
        }
        let processor = BatchProcessor(
            parley: parley,
            format: input.inputFormat.ingestFormat,
            output: .report(DocumentReportFormatter(pretty: pretty, includeText: includeText)),
            maxBytes: input.maxBytes)
        let status = try BatchDriver(options: input, processor: processor, outputDirectory: output,
                                     recordSeparator: [0x0A]).runReportingFailures()
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley text`: ingestion only.
struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print each article's extracted main text (or, with --format jsonl, its text and metadata).",
        discussion: """
            Examples:
              parley text Corpus/ceasefire-messy.html
              parley text --format jsonl Corpus
              curl -s https://example.org/story | parley text
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "plain | jsonl. With 'plain', several articles are separated by a line holding a form feed.")
    var format: TextFormat = .plain

    func run() throws {
        let processor = BatchProcessor(
            parley: Parley(lexicons: nil, maxBytes: input.maxBytes),
            format: input.inputFormat.ingestFormat,
            output: format == .jsonl ? .textRecord : .plainText,
            maxBytes: input.maxBytes)
        let status = try BatchDriver(options: input, processor: processor, outputDirectory: nil,
                                     recordSeparator: [0x0A], recordPrefix: format == .jsonl ? [] : [0x0C, 0x0A])
            .runReportingFailures()
        if status != 0 { throw ExitCode(status) }
    }
}

/// The `parley text --format` values.
enum TextFormat: String, ExpressibleByArgument, CaseIterable {
    case plain, jsonl
}

extension InputFormatOption {
    /// The ingestion format; JSON Lines records say per line whether they hold text or HTML.
    var ingestFormat: InputFormat {
        switch self {
        case .auto, .jsonl: return .auto
        case .text: return .text
        case .html: return .html
        }
    }
}

extension BatchDriver {
    /// Runs, turning a failure of the run itself into a one-line message and exit status 74.
    func runReportingFailures() throws -> Int32 {
        do {
            return try run()
        } catch let failure as RunFailure {
            StandardStreams.error("parley: \(failure.message)")
            return 74
        }
    }
}

/// Loads the bundled lexicons, plus `--lexicons DIR` when given.
enum LexiconLoading {
    /// A bad lexicon row is a data error, not a usage error: one `parley: lexicon error: file:line: …`
    /// line on stderr and exit status 64, without the usage text a `ValidationError` would print.
    static func load(_ directory: String?) throws -> LexiconSet {
        guard let directory else { return LexiconSet.bundled }
        do {
            return try LexiconSet.load(overrides: directory)
        } catch {
            StandardStreams.error("parley: lexicon error: \(error)")
            throw ExitCode(64)
        }
    }
}
