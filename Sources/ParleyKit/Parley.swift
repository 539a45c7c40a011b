import ParleyExtract
import ParleyIngest
import ParleyLexicon
import ParleyModel
import ParleyStance
import ParleyText

/// One article to analyse, however it arrived.
public struct ArticleInput: Sendable {
    /// The id reports carry.
    public var id: String
    /// Raw bytes (file contents, standard input, or a JSON Lines `text`/`html` field's UTF-8).
    public var bytes: [UInt8]
    /// Forced or sniffed format.
    public var format: InputFormat
    /// File extension hint for sniffing.
    public var pathExtension: String?
    /// Metadata given alongside the article (JSON Lines `url`, `published`); wins over what the page says.
    public var url: String?
    /// See `url`.
    public var published: String?

    /// Creates an input.
    public init(id: String, bytes: [UInt8], format: InputFormat = .auto, pathExtension: String? = nil,
                url: String? = nil, published: String? = nil) {
        self.id = id
        self.bytes = bytes
        self.format = format
        self.pathExtension = pathExtension
        self.url = url
        self.published = published
    }
}

/// How far to take an article through the pipeline.
public enum AnalysisDepth: Sendable {
    /// Ingestion only: text, paragraphs and metadata (`parley text`).
    case ingest
    /// Every stage (`parley analyze`).
    case full
}

/// The library façade: ingestion plus the stage pipeline, configured once and shared by all workers.
public struct Parley: Sendable {
    private let reader: ArticleReader
    /// Where the stage pipeline comes from.
    private let source: PipelineSource

    private enum PipelineSource: Sendable {
        /// Ingestion only (`parley text` never loads lexicons).
        case none
        /// Built when the analyser was created.
        case built(Pipeline)
        /// The bundled lexicons' pipeline, built on first use and then shared by every analyser.
        case bundledOnFirstUse
    }

    /// The pipeline over the bundled lexicons, built once, on first use, by whichever thread needs it first.
    private static let bundledPipeline = makePipeline(.bundled)

    /// Creates an analyser.
    /// - Parameters:
    ///   - lexicons: lexicon tables (the bundled ones unless `--lexicons` says otherwise); nil for
    ///     ingestion only, which then starts without building any lexicon table.
    ///   - maxBytes: per-article size limit.
    ///   - extraction: extraction options (`.indirectSpeech` adds unquoted reported speech).
    public init(lexicons: LexiconSet? = .bundled, maxBytes: Int = ArticleReader.defaultMaxBytes,
                extraction: ExtractionOptions = []) {
        reader = ArticleReader(maxBytes: maxBytes)
        source = lexicons.map { .built(Self.makePipeline($0, extraction: extraction)) } ?? .none
    }

    /// Creates an analyser over the bundled lexicons that builds their tables only when the first
    /// article reaches the annotation stages, so a run that analyses nothing (an empty standard input,
    /// `--help`, only unreadable files) never pays for them.
    /// - Parameter maxBytes: per-article size limit.
    public static func bundledOnFirstUse(maxBytes: Int = ArticleReader.defaultMaxBytes) -> Parley {
        Parley(reader: ArticleReader(maxBytes: maxBytes), source: .bundledOnFirstUse)
    }

    private init(reader: ArticleReader, source: PipelineSource) {
        self.reader = reader
        self.source = source
    }

    private static func makePipeline(_ lexicons: LexiconSet, extraction: ExtractionOptions = []) -> Pipeline {
        // The stage list is fixed and known to satisfy itself; a failure here is a programming error.
        do {
            return try Pipeline(stages: [
                SegmentationAnnotator(),
                ExtractionAnnotator(lexicons: lexicons, options: extraction),
                StanceAnnotator(lexicons: lexicons),
            ])
        } catch {
            fatalError("Parley's own pipeline is inconsistent: \(error)")
        }
    }

    /// Reads and, for `.full`, annotates one article.
    /// - Throws: ``ParleyError`` for input that cannot be processed.
    public func analyze(_ input: ArticleInput, depth: AnalysisDepth = .full) throws(ParleyError) -> Document {
        var document = try input.bytes.withUnsafeBufferPointer { buffer throws(ParleyError) in
            try reader.read(bytes: buffer, id: input.id, format: input.format, pathExtension: input.pathExtension)
        }
        if let url = input.url { document.metadata.url = url }
        if let published = input.published { document.metadata.published = published }
        guard depth == .full else { return document }
        switch source {
        case .built(let pipeline): return try pipeline.run(document)
        case .bundledOnFirstUse: return try Self.bundledPipeline.run(document)
        case .none: throw ParleyError(code: "ingest-only", message: "this analyser was created without lexicons")
        }
    }
}
