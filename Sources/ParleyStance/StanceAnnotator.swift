import ParleyLexicon
import ParleyModel

/// Scores the optimism and skepticism each actor holds, with the evidence for every number
/// (layer `stance`).
///
/// ```
/// tokens ─► CueMatcher (lexicon cues; negation, intensity, hedges)
///        ─► CueAttributor (quote speaker, subject, possessor, source phrase, according to …)
///        ─► StanceScorer (per-actor sums → bounded scores)
/// ```
/// Every entity gets a row; actors without cues score zero and carry no evidence.
public struct StanceAnnotator: Stage {
    public let name = "stance"
    public let requires: Set<LayerKey> = [.sentences, .tokens, .entities, .quotes]
    public let produces: Set<LayerKey> = [.stance]
    let tables: StanceTables

    /// Creates the annotator over the bundled or user lexicons.
    public init(lexicons: LexiconSet) { tables = StanceTables(StanceLexicon(lexicons)) }

    /// Creates the annotator over a hand-built lexicon.
    public init(lexicon: StanceLexicon) { tables = StanceTables(lexicon) }

    /// Returns `document` with a stance row per entity.
    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        let folded = StanceTables.foldedHashes(of: document)
        let entityAt = document.entityIndexByToken()
        let cues = CueMatcher(tables: tables, document: document, folded: folded, entityAt: entityAt).match()
        let attributor = CueAttributor(tables: tables, document: document, folded: folded, entityAt: entityAt)
        var evidence = [[StanceEvidence]](repeating: [], count: document.entities.count)
        for cue in cues {
            for (entity, rule) in attributor.attribute(cue) {
                evidence[entity].append(StanceEvidence(sentence: document.sentences[cue.sentence].range, cueRange: cue.range,
                                                       cue: cue.cue.term, polarity: cue.polarity, weight: cue.weight,
                                                       rule: rule, negated: cue.negated))
            }
        }
        document.stance = document.entities.map { entity in
            StanceScorer.score(entity: entity.index, evidence: evidence[entity.index])
        }
        return document
    }
}

/// Builds an actor's stance row from its evidence, with ``StanceFormula``.
public enum StanceScorer {
    /// An actor's stance row from its evidence.
    public static func score(entity: Int, evidence: [StanceEvidence]) -> ActorStance {
        var optimism = 0.0
        var skepticism = 0.0
        for item in evidence {
            if item.polarity == .optimism { optimism += item.weight } else { skepticism += item.weight }
        }
        let (o, s) = StanceFormula.scores(optimismWeight: optimism, skepticismWeight: skepticism)
        return ActorStance(entity: entity, optimism: o, skepticism: s, evidence: evidence)
    }
}
