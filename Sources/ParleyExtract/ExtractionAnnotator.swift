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
    let options: ExtractionOptions

    /// Creates the annotator over the bundled or user lexicons.
    public init(lexicons: LexiconSet, options: ExtractionOptions = []) {
        self.lexicon = ExtractionLexicon(lexicons)
        self.options = options
    }

    /// Creates the annotator over prepared lexicon lookups (tests, embedding applications).
    public init(lexicon: ExtractionLexicon, options: ExtractionOptions = []) {
        self.lexicon = lexicon
        self.options = options
    }

    /// Returns `document` with entities and quotes.
    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        let facts = TokenFacts(document)
        let candidates = EntityMatcher(lexicon: lexicon, facts: facts, document: document).match()
        let entities = EntityResolver(facts: facts, document: document).resolve(candidates)
        document.entities = entities
        let spans = QuoteFinder(facts: facts, document: document).find()
        let attributor = QuoteAttributor(facts: facts, document: document, lexicon: lexicon, entities: entities)
        var quotes = attributor.attribute(spans)
        if options.contains(.indirectSpeech) {
            quotes = (quotes + attributor.indirectQuotes(excluding: spans)).sorted { $0.range < $1.range }
        }
        document.quotes = quotes
        return document
    }
}

/// What the extraction stage emits beyond its defaults.
public struct ExtractionOptions: OptionSet, Sendable, Hashable {
    /// The option bits.
    public let rawValue: Int
    /// Creates a value from its parts.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Also report reported speech without quotation marks (`Lavrov cautioned that …`) as quotes of
    /// kind `indirect`. Off by default: quote evaluations (and many users) count only marked quotes.
    public static let indirectSpeech = ExtractionOptions(rawValue: 1)
}
