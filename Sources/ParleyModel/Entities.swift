/// The kinds of named thing Parley tracks.
public enum EntityType: String, Hashable, Sendable, CaseIterable {
    case person, place, organization
}

/// One occurrence of an entity in the text.
public struct Mention: Hashable, Sendable {
    /// The name as written, without titles or a possessive `'s`.
    public var range: TextRange
    /// Which rule or lexicon found it (for example `title+name`, `gazetteer:places`, `alias`).
    public var rule: String

    /// Creates a value from its parts.
    public init(range: TextRange, rule: String) {
        self.range = range
        self.rule = rule
    }
}

/// A person, place or organisation, with every mention of it in one document merged.
public struct Entity: Hashable, Sendable {
    /// Position in ``Document/entities``; reports print it as `e<index>`.
    public var index: Int
    /// Person, place or organisation.
    public var type: EntityType
    /// Canonical name: the longest full form seen, titles stripped.
    public var name: String
    /// Other forms seen (surname alone, abbreviations).
    public var aliases: [String]
    /// Titles and roles seen with the entity (`Foreign Minister`, `aide`).
    public var roles: [String]
    /// The country or body the entity speaks for, when the text or the lexicon says.
    public var affiliation: String?
    /// Honorific seen with a person (`Sir`, `Mr`, `Dr`).
    public var honorific: String?
    /// Grammatical gender implied by honorifics or pronouns, used to resolve `he`/`she`.
    public var gender: Gender?
    /// Every mention, in text order.
    public var mentions: [Mention]

    /// Creates a value from its parts.
    public init(index: Int, type: EntityType, name: String, aliases: [String] = [], roles: [String] = [],
                affiliation: String? = nil, honorific: String? = nil, gender: Gender? = nil,
                mentions: [Mention] = []) {
        self.index = index
        self.type = type
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.affiliation = affiliation
        self.honorific = honorific
        self.gender = gender
        self.mentions = mentions
    }
}

/// Grammatical gender, as far as honorifics and pronouns tell.
public enum Gender: String, Hashable, Sendable {
    case male, female
}

/// How a quote reports speech.
public enum QuoteKind: String, Hashable, Sendable {
    /// Quotation marks around whole speech.
    case direct
    /// A few quoted words inside reported speech (`called the plan “dead on arrival”`).
    case partial
    /// Reported speech without quotation marks (`Lavrov cautioned that …`).
    case indirect
}

/// A stretch of reported speech and who it is attributed to.
public struct Quote: Hashable, Sendable {
    /// The quoted words, without the quotation marks.
    public var range: TextRange
    /// Index into ``Document/entities`` of the speaker, when known.
    public var speaker: Int?
    /// The speaker as written, when no entity could be linked (a pronoun left unresolved, "officials").
    public var speakerText: String?
    /// The reporting verb or phrase (`said`, `according to`), when there is one.
    public var cue: String?
    /// Where the cue is.
    public var cueRange: TextRange?
    /// Direct, partial or indirect.
    public var kind: QuoteKind
    /// The attribution sieve that decided the speaker (`trailing-said`, `colon-lead-in`, `pronoun` …).
    public var rule: String

    /// Creates a value from its parts.
    public init(range: TextRange, speaker: Int? = nil, speakerText: String? = nil, cue: String? = nil,
                cueRange: TextRange? = nil, kind: QuoteKind, rule: String) {
        self.range = range
        self.speaker = speaker
        self.speakerText = speakerText
        self.cue = cue
        self.cueRange = cueRange
        self.kind = kind
        self.rule = rule
    }
}
