import ParleyIngest
import ParleyModel
import ParleyReport

/// One unit of work in a batch: where an article comes from.
public enum BatchItem: Sendable {
    /// A file on disk; `outputName` is its path relative to the folder it was found in, used to
    /// mirror the input tree under `--output`.
    case file(path: String, outputName: String)
    /// Bytes already in memory (standard input).
    case bytes(id: String, data: [UInt8])
    /// One JSON Lines record (1-based line number).
    case jsonLine(data: [UInt8], line: Int)
    /// An input that failed before it could be read (a dangling link, an unreadable folder).
    case problem(id: String, error: ParleyError)
}

/// What a batch produces for one item: a rendered record, and the error if it failed.
public struct BatchResult: Sendable {
    /// The id the record carries.
    public var id: String
    /// The rendered record (report, text, or error record), without a trailing newline.
    public var record: [UInt8]
    /// Set when the item failed; `record` is then an error record.
    public var error: ParleyError?
    /// Relative output file name for `--output` (extension `.json`).
    public var outputName: String
}

/// An item that could not be analysed, with the id it would have been reported under.
public struct FailedItem: Error, Sendable {
    /// The item's id.
    public var id: String
    /// What went wrong.
    public var error: ParleyError
}

/// What to render for each article.
public enum BatchOutputKind: Sendable {
    /// A DocumentReport (`parley analyze`).
    case report(DocumentReportFormatter)
    /// The `parley text --format jsonl` record.
    case textRecord
    /// The bare extracted text, paragraphs separated by blank lines (`parley text`).
    case plainText
    /// ``Document/debugDump()`` after every stage (`parley dump`).
    case debugDump
}

extension BatchOutputKind {
    /// How far the pipeline must run for this output.
    var depth: AnalysisDepth {
        switch self {
        case .report, .debugDump: return .full
        case .textRecord, .plainText: return .ingest
        }
    }
}

/// Turns batch items into rendered records; pure and thread-safe, so workers share one.
public struct BatchProcessor: Sendable {
    /// The analyser.
    public let parley: Parley
    /// The format forced by `--input-format` (`auto` for sniffing; JSON Lines items carry their own).
    public let format: InputFormat
    /// What to render.
    public let output: BatchOutputKind
    /// Per-article size limit.
    public let maxBytes: Int

    /// Creates a processor.
    public init(parley: Parley, format: InputFormat, output: BatchOutputKind, maxBytes: Int) {
        self.parley = parley
        self.format = format
        self.output = output
        self.maxBytes = maxBytes
    }

    /// Reads, analyses and renders one item; never throws: failures become error records.
    public func process(_ item: BatchItem) -> BatchResult {
        var (id, outputName) = Self.names(item)
        do throws(ParleyError) {
            let input = try load(item, id: id)
            if case .jsonLine = item {
                id = input.id
                outputName = Self.safeFileName(input.id)
            }
            let document = try parley.analyze(input, depth: output.depth)
            return BatchResult(id: id, record: render(document), error: nil, outputName: outputName)
        } catch {
            let formatter: DocumentReportFormatter
            if case .report(let reportFormatter) = output { formatter = reportFormatter } else { formatter = DocumentReportFormatter() }
            return BatchResult(id: id, record: formatter.formatError(id: id, error: error), error: error, outputName: outputName)
        }
    }

    /// Reads and fully analyses one item, for callers that aggregate documents instead of rendering them.
    public func analyze(_ item: BatchItem) -> Result<Document, FailedItem> {
        var (id, _) = Self.names(item)
        do throws(ParleyError) {
            let input = try load(item, id: id)
            id = input.id
            return .success(try parley.analyze(input, depth: .full))
        } catch {
            return .failure(FailedItem(id: id, error: error))
        }
    }

    private func load(_ item: BatchItem, id: String) throws(ParleyError) -> ArticleInput {
        switch item {
        case .file(let path, _):
            return ArticleInput(id: id, bytes: try FileIO.read(path, maxBytes: maxBytes), format: format,
                                pathExtension: InputCollector.pathExtension(path))
        case .bytes(_, let data):
            return ArticleInput(id: id, bytes: data, format: format)
        case .jsonLine(let data, let line):
            let record = try data.withUnsafeBufferPointer { buffer throws(ParleyError) in
                try JSONLinesArticle.parse(buffer, fallbackID: "line \(line)")
            }
            let isHTML = record.html != nil
            return ArticleInput(id: record.id, bytes: Array((record.html ?? record.text ?? "").utf8),
                                format: isHTML ? .html : .text, url: record.url, published: record.published)
        case .problem(_, let error):
            throw error
        }
    }

    private func render(_ document: Document) -> [UInt8] {
        switch output {
        case .report(let formatter): return formatter.format(document)
        case .textRecord: return TextRecordFormatter().format(document)
        case .plainText: return Array(document.renderedText().utf8)
        case .debugDump: return Array(document.debugDump().utf8)
        }
    }

    /// A file name made from a JSON Lines id: path separators and leading dots replaced.
    static func safeFileName(_ id: String) -> String {
        let cleaned = String(id.map { $0 == "/" || $0 == "\\" || $0 == "\0" ? "_" : $0 })
        return cleaned.hasPrefix(".") ? "_" + cleaned.dropFirst() : (cleaned.isEmpty ? "_" : cleaned)
    }

    /// The id and the output file name of an item. JSON Lines ids are only known after parsing,
    /// so their records are named by line until then.
    static func names(_ item: BatchItem) -> (id: String, outputName: String) {
        switch item {
        case .file(let path, let outputName): return (path, outputName)
        case .bytes(let id, _): return (id, id == "-" ? "stdin" : id)
        case .jsonLine(_, let line): return ("line \(line)", "line-\(line)")
        case .problem(let id, _): return (id, id.split(separator: "/").last.map(String.init) ?? id)
        }
    }
}
