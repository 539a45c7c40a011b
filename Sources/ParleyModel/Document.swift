/// One article: its text, stored once as UTF-8, plus standoff annotation layers.
///
/// A `Document` is an immutable value as far as stages are concerned: a stage receives one,
/// adds the layers it produces and returns the result (``Stage``). The text never changes
/// after ingestion, and every layer refers to it by ``TextRange`` (UTF-8 byte offsets).
public struct Document: Sendable {
    /// Identifier used in reports: a path, a JSON Lines `id`, or `-` for standard input.
    public let id: String
    /// The extracted article text. Paragraphs are separated by a blank line.
    public let text: String
    /// Where the text came from.
    public var source: SourceInfo
    /// Title, byline, date and the like.
    public var metadata: Metadata
    /// Problems that were worked around.
    public var warnings: [DocumentWarning]

    /// Layers that have been filled, so a pipeline can check what each stage needs.
    public var layers: Set<LayerKey> { Set(LayerKey.allCases.filter { filledLayers & $0.bit != 0 }) }

    /// ``layers`` as one bit per key: every layer assignment records itself here, and a `Set` insert
    /// (hashing the key's raw string, allocating the set's storage) cost more than some stages' work.
    private var filledLayers: UInt8 = 0

    /// Paragraphs in text order (layer ``LayerKey/paragraphs``).
    public var paragraphs: [Paragraph] = [] { didSet { filledLayers |= LayerKey.paragraphs.bit } }
    /// Source markup spans in text order (layer ``LayerKey/markup``).
    public var markup: [MarkupSpan] = [] { didSet { filledLayers |= LayerKey.markup.bit } }
    /// Tokens in text order (layer ``LayerKey/tokens``).
    public var tokens: [Token] = [] { didSet { filledLayers |= LayerKey.tokens.bit; foldedTokenHashes = nil; entityIndexByTokenCache = nil } }
    /// One ASCII-case-folded hash per token (`TokenHash.folded` of ParleyLexicon), kept by the first
    /// stage that computes them so later stages do not hash every token again. Cleared whenever
    /// ``tokens`` change; a reader should still check that the count matches.
    public var foldedTokenHashes: [UInt64]?
    /// Sentences in text order (layer ``LayerKey/sentences``).
    public var sentences: [Sentence] = [] { didSet { filledLayers |= LayerKey.sentences.bit } }
    /// People, places and organisations (layer ``LayerKey/entities``).
    public var entities: [Entity] = [] { didSet { filledLayers |= LayerKey.entities.bit; entityIndexByTokenCache = nil } }
    /// ``entityIndexByToken()`` as computed for the current entities and tokens, kept by the stage
    /// that sets the entities so the quote and stance stages do not map every token again. Cleared
    /// whenever ``entities`` or ``tokens`` change.
    public var entityIndexByTokenCache: [Int?]?
    /// Quotes and their speakers (layer ``LayerKey/quotes``).
    public var quotes: [Quote] = [] { didSet { filledLayers |= LayerKey.quotes.bit } }
    /// Stance per actor (layer ``LayerKey/stance``).
    public var stance: [ActorStance] = [] { didSet { filledLayers |= LayerKey.stance.bit } }

    /// Creates a document with text and no layers.
    public init(id: String, text: String, source: SourceInfo, metadata: Metadata = Metadata(),
                warnings: [DocumentWarning] = []) {
        var text = text
        text.makeContiguousUTF8()
        self.id = id
        self.text = text
        self.source = source
        self.metadata = metadata
        self.warnings = warnings
    }

    /// The text covered by `range`, as a new `String`.
    public func string(_ range: TextRange) -> String {
        // From the contiguous bytes: decoding a slice of the UTF-8 view took the generic path
        // (~600 instructions for a short name).
        withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range.start..<range.end]), as: UTF8.self) }
    }

    /// Calls `body` with the text's UTF-8 bytes, without copying them.
    @inlinable
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return try ContiguousArray(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Number of UTF-8 bytes in the text.
    public var byteCount: Int { text.utf8.count }
}
