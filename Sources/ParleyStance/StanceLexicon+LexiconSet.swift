import ParleyLexicon
import ParleyModel

extension StanceLexicon {
    /// Builds the stance tables from loaded lexicon files.
    public init(_ lexicons: LexiconSet) {
        self.init()
        for (table, polarity) in [(lexicons.optimism, Polarity.optimism), (lexicons.skepticism, .skepticism)] {
            for cue in table.entries {
                addCue(CueEntry(term: cue.term, polarity: polarity, weight: cue.weight, partOfSpeech: cue.kind.rawValue))
            }
        }
        for negator in lexicons.negators.entries { negators.insert(negator.term.lowercased()) }
        for modifier in lexicons.intensifiers.entries { modifiers[modifier.term.lowercased()] = modifier.multiplier }
        for hedge in lexicons.hedges.entries { hedges[hedge.term.lowercased()] = hedge.multiplier }
        for verb in lexicons.speechVerbs.entries where !verb.form.contains(" ") { reportingVerbs.insert(verb.form.lowercased()) }
    }
}
