import ArgumentParser
import ParleyKit

/// `parley dump`: every annotation layer of each article, one span a line (for debugging rules).
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print every annotation layer of each article, one span a line (offsets in UTF-8 bytes).",
        discussion: """
            Examples:
              parley dump Corpus/peace-talks.txt | grep '^entities'
            """
    )

    @OptionGroup var input: InputOptions

    func run() throws {
        let lexicons = try LexiconLoading.load(input.lexicons)
        let processor = BatchProcessor(parley: Parley(lexicons: lexicons, maxBytes: input.maxBytes),
                                       format: input.inputFormat.ingestFormat, output: .debugDump, maxBytes: input.maxBytes)
        let status = try BatchDriver(options: input, processor: processor, outputDirectory: nil, recordSeparator: [])
            .runReportingFailures()
        if status != 0 { throw ExitCode(status) }
    }
}
