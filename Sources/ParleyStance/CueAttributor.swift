import ParleyLexicon
import ParleyModel

/// Decides whose stance a cue expresses. Each rule is named in the evidence it produces; the
/// first rule that finds an actor wins (a source phrase may name several: "European leaders,
/// such as French President Emmanuel Macron").
///
/// 1. `quote-speaker` — the cue is inside a quote: its speaker.
/// 2. `subject` (verb cues) — `Lavrov cautioned that …`: the reporting verb's subject.
/// 3. `possessive` — `Zelensky's confidence`, `his commitment`.
/// 4. `source-phrase` — `hesitation from European leaders, such as Macron`, `optimism remains in
///    the US`, `concerns among investors in Japan`, `a sticking point between Moscow and Kyiv`.
/// 5. `according-to` — `according to X` in the sentence.
/// 6. `reported-speech` — `X said (that) …` earlier in the sentence.
/// 7. `clause-subject` — the sentence's first actor that is not inside a prepositional phrase
///    (`Moscow has raised concerns`, `Zelensky …, expressing readiness`).
struct CueAttributor {
    let tables: StanceTables
    let document: Document
    /// Folded hash per token (``StanceTables/foldedHashes(of:)``).
    let folded: [UInt64]
    let entityAt: [Int?]
    /// Quote index per token.
    let quoteAt: [Int?]

    init(tables: StanceTables, document: Document, folded: [UInt64], entityAt: [Int?]) {
        self.tables = tables
        self.document = document
        self.folded = folded
        self.entityAt = entityAt
        var quoteAt = [Int?](repeating: nil, count: document.tokens.count)
        for (index, quote) in document.quotes.enumerated() where quote.kind != .indirect {
            var token = document.tokenIndex(atOrAfter: quote.range.start)
            while token < document.tokens.count, document.tokens[token].range.end <= quote.range.end {
                quoteAt[token] = index
                token += 1
            }
        }
        self.quoteAt = quoteAt
    }

    static let prepositions: TokenSet = ["in", "for", "of", "to", "with", "from", "over", "about", "on", "at", "by",
                                            "against", "between", "among", "into", "toward", "towards", "across", "after",
                                            "before", "than", "like", "via", "under", "amid", "despite"]
    static let possessivePronouns: TokenSet = ["his", "her", "their", "its", "our", "my"]
    static let sourcePrepositions: TokenSet = ["from", "among", "in", "within", "by", "of", "inside", "across", "between"]
    static let linkingVerbs: TokenSet = ["remains", "remain", "remained", "continues", "continue", "continued", "persists",
                                            "persist", "persisted", "grows", "grew", "grow", "is", "was", "are", "were", "lingers",
                                            "lingered", "mounts", "mounted", "runs", "ran", "rose", "rises", "emerged", "spread"]
    static let skippableBeforeVerb: TokenSet = ["also", "later", "has", "had", "have", "then", "previously", "repeatedly",
                                                   "again", "publicly", "privately", "recently", "earlier", "further", "only",
                                                   "openly", "strongly", "quickly", "already", "once", "was", "were", "is"]
    static let subjectPronouns: TokenSet = ["he", "she", "they", "it", "we"]
    static let personalPronouns: TokenSet = ["he", "she", "they"]
    static let leadingDeterminers: TokenSet = ["the", "some", "many", "several", "senior", "top", "key", "western", "other", "both"]
    static let listContinuations: TokenSet = [",", "such", "as", "including", "and", "like", "notably", "especially", "the", "leaders", "officials"]
    static let articles: TokenSet = ["the", "a", "an", "some", "many", "several", "its", "their"]

    func attribute(_ cue: CueOccurrence) -> [(Int, String)] {
        if let quote = quoteAt[cue.tokens.lowerBound] {
            guard let speaker = document.quotes[quote].speaker else { return [] }
            return [(speaker, "quote-speaker")]
        }
        let sentence = document.sentences[cue.sentence].tokens
        if cue.cue.partOfSpeech == "verb" || tables.reportingVerbs.contains(folded[cue.tokens.lowerBound]),
           let subject = subjectBefore(cue.tokens.lowerBound, floor: sentence.lowerBound) {
            return [(subject, "subject")]
        }
        if let possessor = possessor(before: cue.tokens.lowerBound, floor: sentence.lowerBound) {
            return [(possessor, "possessive")]
        }
        let sources = sourcePhrase(after: cue.tokens.upperBound, limit: sentence.upperBound)
        if !sources.isEmpty { return sources.map { ($0, "source-phrase") } }
        if let source = accordingTo(in: sentence) { return [(source, "according-to")] }
        if let speaker = reportedSpeechSubject(before: cue.tokens.lowerBound, floor: sentence.lowerBound, limit: sentence.upperBound) {
            return [(speaker, "reported-speech")]
        }
        if let subject = clauseSubject(before: cue.tokens.lowerBound, floor: sentence.lowerBound) {
            return [(subject, "clause-subject")]
        }
        return []
    }

    /// The actor right before a verb (skipping auxiliaries and adverbs), or a pronoun's antecedent.
    private func subjectBefore(_ verb: Int, floor: Int) -> Int? {
        var index = verb - 1
        while index >= floor, Self.skippableBeforeVerb.contains(folded[index]) || isNegatorLike(index) { index -= 1 }
        guard index >= floor else { return nil }
        if let entity = entityAt[index] { return entity }
        if Self.subjectPronouns.contains(folded[index]) { return antecedent(ofPronounAt: index) }
        // "X, a doctor, warned": skip one apposition.
        if folded[index] == Word.comma {
            var back = index - 1
            while back >= floor, back >= index - 24, folded[back] != Word.comma { back -= 1 }
            if back - 1 >= floor, folded[back] == Word.comma, let entity = entityAt[back - 1] { return entity }
        }
        return nil
    }

    private func isNegatorLike(_ index: Int) -> Bool {
        tables.negators.contains(folded[index]) || document.tokenEndsWithNegation(index)
    }

    /// The antecedent of the pronoun at `index` (rare enough to read the pronoun as a string).
    private func antecedent(ofPronounAt index: Int) -> Int? {
        document.antecedent(of: document.string(document.tokens[index].range).lowercased(), before: index, entityAt: entityAt)
    }

    /// `X's confidence` or `his commitment` (adjectives may stand between: `his firm commitment`).
    private func possessor(before cue: Int, floor: Int) -> Int? {
        var index = cue - 1
        var steps = 0
        while index >= floor, steps < 3 {
            if document.tokens[index].kind == .possessive, index - 1 >= floor, let entity = entityAt[index - 1] { return entity }
            if Self.possessivePronouns.contains(folded[index]) { return antecedent(ofPronounAt: index) }
            guard document.tokens[index].kind == .word, entityAt[index] == nil else { return nil }
            index -= 1
            steps += 1
        }
        return nil
    }

    /// Actors named by a source phrase after a noun cue, plus those listed after `such as` /
    /// `including` / `and`.
    private func sourcePhrase(after end: Int, limit: Int) -> [Int] {
        var index = end
        // "optimism remains in the US": a linking verb may stand between.
        if index < limit, Self.linkingVerbs.contains(folded[index]) { index += 1 }
        guard index < limit, Self.sourcePrepositions.contains(folded[index]) else { return [] }
        index += 1
        var found: [Int] = []
        var steps = 0
        while index < limit, steps < 14 {
            if let entity = entityAt[index] {
                if !found.contains(entity) { found.append(entity) }
                while index < limit, entityAt[index] == entity { index += 1 }
                continue
            }
            let word = folded[index]
            if found.isEmpty {
                // Determiners and adjectives before the first actor ("the", "some European").
                guard Self.leadingDeterminers.contains(word)
                        || document.tokens[index].kind == .word && !Self.prepositions.contains(word) && steps < 3 else { break }
            } else if !Self.listContinuations.contains(word),
                      !(document.tokens[index].kind == .word && index > 0 && entityAt[index - 1] == nil && steps < 12 && isTitleLike(index)) {
                break
            }
            index += 1
            steps += 1
        }
        return found
    }

    /// Capitalised words between "such as" and a name (`French President`) keep the list going.
    private func isTitleLike(_ index: Int) -> Bool {
        let text = document.string(document.tokens[index].range)
        return text.first?.isUppercase == true
    }

    private func accordingTo(in sentence: Range<Int>) -> Int? {
        var index = sentence.lowerBound
        while index + 2 < sentence.upperBound {
            if folded[index] == Word.according, folded[index + 1] == Word.to {
                var target = index + 2
                if folded[target] == Word.the, target + 1 < sentence.upperBound { target += 1 }
                return entityAt[target]
            }
            index += 1
        }
        return nil
    }

    /// `X said (that) …` before the cue in the same sentence, or `…, X said.` after it.
    private func reportedSpeechSubject(before cue: Int, floor: Int, limit: Int) -> Int? {
        var index = cue - 1
        while index > floor {
            if tables.reportingVerbs.contains(folded[index]), let subject = subjectBefore(index, floor: floor) { return subject }
            index -= 1
        }
        index = cue + 1
        while index < limit {
            if folded[index] == Word.comma, index + 2 < limit {
                if tables.reportingVerbs.contains(folded[index + 1]), let subject = entityAt[index + 2] { return subject }
                var verb = index + 1
                while verb < limit, entityAt[verb] != nil { verb += 1 }
                if verb > index + 1, verb < limit, tables.reportingVerbs.contains(folded[verb]) { return entityAt[index + 1] }
            }
            index += 1
        }
        return nil
    }

    /// The first actor of the sentence that is not the object of a preposition or a possessor; a
    /// sentence opening with he/she/they refers to the pronoun's antecedent.
    private func clauseSubject(before cue: Int, floor: Int) -> Int? {
        if floor < cue, Self.personalPronouns.contains(folded[floor]) { return antecedent(ofPronounAt: floor) }
        var index = floor
        while index < cue {
            if let entity = entityAt[index] {
                var end = index
                while end < cue, entityAt[end] == entity { end += 1 }
                var previous = index - 1
                while previous >= floor, Self.articles.contains(folded[previous]) { previous -= 1 }
                let governed = previous >= floor && Self.prepositions.contains(folded[previous])
                let possessor = end < document.tokens.count && document.tokens[end].kind == .possessive
                if !governed, !possessor { return entity }
                index = end
                continue
            }
            index += 1
        }
        return nil
    }
}
