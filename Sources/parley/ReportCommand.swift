import ArgumentParser
import ParleyKit
import Synchronization

/// `parley report`: one aggregate over many articles or reports.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Aggregate actors across a corpus: documents, mentions, quotes and stance with the strongest evidence.",
        discussion: """
            Inputs are articles (analysed on the fly), DocumentReport files (.json, .jsonl) or, with --merge,
            CorpusReports made on shards; merging shards gives exactly the report of one run over all of them.

            Examples:
              parley report Corpus --top 10 --type person
              parley analyze corpus/ --output reports/ && parley report reports/ --format csv
              parley report --merge shard1.json shard2.json > corpus.json
            """
    )

    @OptionGroup var input: InputOptions

    @Flag(help: "Inputs are CorpusReports to combine.")
    var merge = false

    @Option(help: "json | csv.")
    var format: CorpusFormat = .json

    @Option(help: "Only the first N actors (by documents, then mentions).")
    var top: Int?

    @Option(help: "Only actors of this type: person | place | organization.")
    var type: EntityTypeOption?

    @Option(help: "Write the report to this file (atomically) instead of stdout.")
    var output: String?

    static let reportExtensions: Set<String> = ["json", "jsonl"]

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        Signals.install()
        var aggregator = CorpusAggregator()
        var failures = 0
        let reportFiles = input.paths.flatMap { path -> [String] in
            InputCollector.collect([path], extensions: Self.reportExtensions).compactMap { entry in
                guard case .file(let file) = entry, let ext = InputCollector.pathExtension(file), Self.reportExtensions.contains(ext) else { return nil }
                return file
            }
        }
        if merge || !reportFiles.isEmpty {
            for file in reportFiles {
                do throws(ParleyError) {
                    let bytes = try FileIO.read(file, maxBytes: Int.max)
                    if merge {
                        try CorpusReportReader.mergeCorpusReport(bytes, name: file, into: &aggregator)
                    } else {
                        for line in BatchDriver.numberedLines(bytes) {
                            try CorpusReportReader.addDocumentReport(line.bytes, name: "\(file):\(line.number)", into: &aggregator)
                        }
                    }
                } catch {
                    failures += 1
                    StandardStreams.error("parley: \(file): \(error.code): \(error.message)")
                }
            }
        }
        if !merge {
            failures += try analyseArticles(into: &aggregator, skipping: Set(reportFiles))
        }
        let formatter = CorpusReportFormatter(top: top, type: type?.entityType)
        let bytes = format == .csv ? formatter.csv(aggregator) : formatter.json(aggregator)
        if let output {
            do throws(ParleyError) { try FileIO.writeAtomically(bytes, to: output) } catch {
                StandardStreams.error("parley: \(error.message)")
                throw ExitCode(74)
            }
        } else {
            StandardStreams.write(bytes)
            StandardStreams.flush()
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Analyses article inputs in parallel and adds them in input order; returns the failure count.
    private func analyseArticles(into aggregator: inout CorpusAggregator, skipping reports: Set<String>) throws -> Int {
        let articlePaths = input.paths.filter { !reports.contains($0) && !(InputCollector.pathExtension($0).map(Self.reportExtensions.contains) ?? false) }
        guard !articlePaths.isEmpty || input.paths.isEmpty else { return 0 }
        var options = input
        options.paths = articlePaths
        let lexicons = try LexiconLoading.load(input.lexicons)
        let parley = Parley(lexicons: lexicons, maxBytes: input.maxBytes)
        let items = try BatchDriver.items(for: options)
        let shared = Locked((aggregator, 0))
        let format = input.inputFormat.ingestFormat
        let maxBytes = input.maxBytes
        BatchRunner(jobs: input.resolvedJobs).run(items, process: { item in
            BatchProcessor(parley: parley, format: format, output: .textRecord, maxBytes: maxBytes).analyze(item)
        }, emit: { _, result in
            shared.withLock { state in
                switch result {
                case .success(let document): state.0.add(document)
                case .failure(let failure):
                    state.0.addFailure()
                    state.1 += 1
                    StandardStreams.error("parley: \(failure.id): \(failure.error.code): \(failure.error.message)")
                }
            }
        })
        let (result, failures) = shared.withLock { $0 }
        aggregator = result
        return failures
    }
}

/// The `parley report --format` values.
enum CorpusFormat: String, ExpressibleByArgument, CaseIterable {
    case json, csv
}

/// The `--type` values.
enum EntityTypeOption: String, ExpressibleByArgument, CaseIterable {
    case person, place, organization
    var entityType: EntityType { EntityType(rawValue: rawValue)! }
}
