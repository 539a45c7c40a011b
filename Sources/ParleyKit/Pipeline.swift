import ParleyModel

/// An ordered list of stages, checked when it is built so a missing layer is a construction
/// error rather than a surprise halfway through a corpus.
///
/// ```
/// bytes ──► ArticleReader ──► Document(text, metadata, paragraphs, markup)
///                                │ SegmentationAnnotator   tokens, sentences
///                                ▼ ExtractionAnnotator     entities, quotes
///                                ▼ StanceAnnotator         stance
///                                ▼ DocumentReportFormatter JSON
/// ```
public struct Pipeline: Sendable {
    /// The stages, in the order they run.
    public let stages: [any Stage]

    /// Builds a pipeline.
    /// - Parameters:
    ///   - stages: the stages in order.
    ///   - available: layers every input document already has (ingestion gives paragraphs and markup).
    /// - Throws: ``ParleyError`` `missing-layer` naming the first stage whose requirement is unmet.
    public init(stages: [any Stage], available: Set<LayerKey> = [.paragraphs, .markup]) throws(ParleyError) {
        var present = available
        for stage in stages {
            if let missing = stage.requires.subtracting(present).sorted().first {
                throw .missingLayer(stage: stage.name, layer: missing)
            }
            present.formUnion(stage.produces)
        }
        self.stages = stages
    }

    /// Runs every stage over `document`.
    /// - Throws: the first stage error.
    public func run(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        for stage in stages { document = try stage.annotate(document) }
        return document
    }
}

/// The version printed by `parley --version`.
public enum ParleyVersion {
    /// Semantic version of the tool.
    public static let string = "0.1.0"
}
