import ArgumentParser
import ParleyKit

/// The `parley` command: reads news articles and reports who said what, and how hopeful or doubtful each sounds.
@main
struct ParleyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Who said what in the news, and how optimistic or skeptical each of them sounds.",
        discussion: """
            Examples:
              parley analyze Corpus/peace-talks.txt --pretty
              parley analyze Corpus --output reports/
              cat article.html | parley text
              parley analyze --input-format jsonl < articles.jsonl > reports.jsonl
              parley report Corpus --top 10 --type person
            """,
        version: ParleyVersion.string,
        subcommands: [AnalyzeCommand.self, ReportCommand.self, TextCommand.self, DumpCommand.self]
    )
}
