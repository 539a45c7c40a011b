import ParleyModel

/// Splits a document's paragraphs into tokens and sentences.
public struct SegmentationAnnotator: Stage {
    public let name = "segmentation"
    public let requires: Set<LayerKey> = [.paragraphs]
    public let produces: Set<LayerKey> = [.tokens, .sentences]

    /// Creates the annotator.
    public init() {}

    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        document.tokens = []
        document.sentences = []
        return document
    }
}
