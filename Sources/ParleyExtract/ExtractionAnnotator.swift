import ParleyLexicon
import ParleyModel

/// Finds people, places and organisations (with aliases, roles and affiliations), then quotes
/// and their speakers (layers `entities` and `quotes`).
///
/// ```
/// tokens ─► EntityMatcher (candidates) ─► EntityResolver (entities, aliases)
///        ─► QuoteFinder (spans)        ─► QuoteAttributor (speakers, by sieve)
/// ```
public struct ExtractionAnnotator: Stage {
    public let name = "extraction"
    public let requires: Set<LayerKey> = [.paragraphs, .tokens, .sentences]
    public let produces: Set<LayerKey> = [.entities, .quotes]
    let lexicon: ExtractionLexicon

    /// Creates the annotator over the bundled or user lexicons.
    public init(lexicons: LexiconSet) {
        self.lexicon = ExtractionLexicon(lexicons)
    }

    /// Creates the annotator over a hand-built lexicon (tests, embedding applications).
    public init(lexicon: ExtractionLexicon) {
        self.lexicon = lexicon
    }

    /// Returns `document` with entities and quotes.
    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        let facts = TokenFacts(document)
        let candidates = EntityMatcher(lexicon: lexicon, facts: facts, document: document).match()
        let entities = EntityResolver(facts: facts, document: document, lexicon: lexicon).resolve(candidates)
        document.entities = entities
        let spans = QuoteFinder(facts: facts, document: document).find()
        document.quotes = QuoteAttributor(facts: facts, document: document, lexicon: lexicon, entities: entities).attribute(spans)
        return document
    }
}
