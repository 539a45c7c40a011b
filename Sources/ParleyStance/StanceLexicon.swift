import ParleyModel

/// A stance cue from the lexicon.
public struct CueEntry: Sendable, Hashable {
    /// The phrase as listed (`sticking point`).
    public var term: String
    /// Which axis it signals before negation.
    public var polarity: Polarity
    /// Its strength, in (0, 2].
    public var weight: Double
    /// noun, verb, adj, phrase … — a reporting verb (`cautioned`) counts for its subject, a noun
    /// (`optimism`) for whoever holds it.
    public var partOfSpeech: String

    /// Creates a value from its parts.
    public init(term: String, polarity: Polarity, weight: Double, partOfSpeech: String) {
        self.term = term
        self.polarity = polarity
        self.weight = weight
        self.partOfSpeech = partOfSpeech
    }
}

/// The lookups the stance scorer needs, keyed by lower-cased token sequences.
public struct StanceLexicon: Sendable {
    /// Cues by lower-cased phrase (tokens joined by spaces).
    public var cues: [String: CueEntry] = [:]
    /// Every proper prefix of a cue phrase, so longest match stops early.
    public var cuePrefixes: Set<String> = []
    /// Longest cue in tokens.
    public var maxCueTokens = 1
    /// Negators (`not`, `no`, `never`, `n't`, `without`).
    public var negators: Set<String> = []
    /// Intensifiers and downtoners → multiplier (`very` 1.5, `cautiously` 0.6).
    public var modifiers: [String: Double] = [:]
    /// Hedges → multiplier (`may` 0.7, `reportedly` 0.8).
    public var hedges: [String: Double] = [:]
    /// Reporting and attitude verbs (lower case) whose subject holds the clause's stance.
    public var reportingVerbs: Set<String> = []

    /// Creates an empty lexicon.
    public init() {}

    /// Adds a cue under its lower-cased phrase; a stronger cue wins over a weaker one with the same phrase.
    public mutating func addCue(_ cue: CueEntry) {
        let tokens = cue.term.lowercased().split(separator: " ").map(String.init)
        guard !tokens.isEmpty else { return }
        let key = tokens.joined(separator: " ")
        if let existing = cues[key], existing.weight >= cue.weight { return }
        cues[key] = cue
        var prefix = ""
        for token in tokens.dropLast() {
            prefix = prefix.isEmpty ? token : prefix + " " + token
            cuePrefixes.insert(prefix)
        }
        maxCueTokens = max(maxCueTokens, tokens.count)
    }
}
