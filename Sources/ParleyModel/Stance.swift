/// The two stance axes Parley scores separately.
public enum Polarity: String, Hashable, Sendable {
    case optimism, skepticism
}

/// One cue that contributed to an actor's stance, with the reason it was attributed to them.
public struct StanceEvidence: Hashable, Sendable {
    /// The sentence the cue is in.
    public var sentence: TextRange
    /// The cue as written.
    public var cueRange: TextRange
    /// The lexicon entry that matched (lemma or phrase).
    public var cue: String
    /// Which axis it counts for after negation.
    public var polarity: Polarity
    /// Its weight after intensifiers, downtoners and hedges; always positive.
    public var weight: Double
    /// The attribution rule (`quote-speaker`, `subject`, `source-phrase`, `possessive` …).
    public var rule: String
    /// True when a negator flipped the cue's lexicon polarity.
    public var negated: Bool

    /// Creates a value from its parts.
    public init(sentence: TextRange, cueRange: TextRange, cue: String, polarity: Polarity, weight: Double,
                rule: String, negated: Bool) {
        self.sentence = sentence
        self.cueRange = cueRange
        self.cue = cue
        self.polarity = polarity
        self.weight = weight
        self.rule = rule
        self.negated = negated
    }
}

/// An actor's stance in one document: two scores and the evidence behind them.
public struct ActorStance: Hashable, Sendable {
    /// Index into ``Document/entities``.
    public var entity: Int
    /// Optimism in [0, 1].
    public var optimism: Double
    /// Skepticism in [0, 1].
    public var skepticism: Double
    /// Every cue attributed to the actor, in text order.
    public var evidence: [StanceEvidence]

    /// Optimism minus skepticism, in [−1, 1].
    public var net: Double { optimism - skepticism }

    /// Creates a value from its parts.
    public init(entity: Int, optimism: Double, skepticism: Double, evidence: [StanceEvidence]) {
        self.entity = entity
        self.optimism = optimism
        self.skepticism = skepticism
        self.evidence = evidence
    }
}

/// Turns summed evidence weights into bounded scores; shared by document and corpus reports.
///
/// With `O` and `S` the summed optimism and skepticism weights of an actor,
/// `optimism = O / (O + S + 1)` and `skepticism = S / (O + S + 1)`: both lie in [0, 1), `net`
/// lies in (−1, 1), one full-strength cue gives 0.5, and more evidence moves a score towards 1
/// without reaching it, however long the article. A corpus applies the same formula to sums over
/// documents (never an average of averages), which is why partial reports merge exactly.
public enum StanceFormula {
    /// Scores from summed weights.
    public static func scores(optimismWeight: Double, skepticismWeight: Double) -> (optimism: Double, skepticism: Double) {
        let denominator = optimismWeight + skepticismWeight + 1
        return (optimismWeight / denominator, skepticismWeight / denominator)
    }
}
