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
        document.foldedTokenHashes = facts.folded    // for the stance stage, which would hash every token again
        let candidates = EntityMatcher(lexicon: lexicon, facts: facts, document: document).match()
        let entities = EntityResolver(facts: facts, document: document).resolve(candidates)
        document.entities = entities
        document.entityIndexByTokenCache = document.entityIndexByToken()  // quotes and stance both need it
        let spans = QuoteFinder(facts: facts, document: document).find()
        let attributor = QuoteAttributor(facts: facts, document: document, lexicon: lexicon, entities: entities)
        var quotes = Self.droppingRepeatedHeadlineQuotes(attributor.attribute(spans), in: document)
        if options.contains(.indirectSpeech) {
            quotes = (quotes + attributor.indirectQuotes(excluding: spans)).sorted { $0.range < $1.range }
        }
        document.quotes = quotes
        return document
    }
}

extension ExtractionAnnotator {
    /// Quotes in a headline that the article repeats below it ("Okafor calls plan ‘dead on
    /// arrival’" … `called the plan “dead on arrival”`) are dropped: the body's occurrence carries the
    /// same words with their context and speaker, and counting both would double the evidence.
    /// A headline is the first paragraph when it is a heading, or one short sentence with more
    /// paragraphs after it. Quotes a headline alone carries are kept.
    static func droppingRepeatedHeadlineQuotes(_ quotes: [Quote], in document: Document) -> [Quote] {
        guard let first = document.paragraphs.first, document.paragraphs.count > 1,
              quotes.contains(where: { first.range.contains($0.range) }) else { return quotes }
        if first.kind != .heading {
            let sentences = document.sentences.filter { first.range.contains($0.range) }
            guard sentences.count == 1, let sentence = sentences.first, sentence.tokens.count <= 30 else { return quotes }
        }
        let rest = normalised(document.string(TextRange(first.range.end, document.text.utf8.count)))
        return quotes.filter { quote in
            guard first.range.contains(quote.range) else { return true }
            let words = normalised(document.string(quote.range))
            return words.isEmpty || !rest.contains(words)
        }
    }

    /// Lower-case letters and digits with single spaces between words, so case and punctuation
    /// differences between a headline and its article do not matter.
    private static func normalised(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace, !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
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
