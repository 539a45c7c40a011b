import ParleyLexicon
import ParleyModel

/// Attributes quotes to speakers with ordered sieves; each quote records the sieve that decided.
///
/// Sieves, tried in order until one names a speaker:
/// 1. `trailing` — a reporting clause right after the quote: `"…," X said`, `"…," said X`,
///    `"…" X told reporters`, `"…," he added`, `"…," X, a doctor, said`;
/// 2. `lead-in` — a reporting verb before the quote in its sentence: `X said: "…"`,
///    `X told reporters that "…"`, `X called the plan "…"`, `…, stating, "…"`; also `X: "…"`;
/// 3. `according-to` — `according to X` in the quote's sentence;
/// 4. `paragraph-continuation` — a paragraph that is only a quote continues the previous quote's speaker;
/// 5. otherwise no speaker.
/// Pronoun subjects (he, she, they) resolve to the nearest earlier compatible person or
/// organisation; the rule then reads e.g. `trailing+pronoun`.
final class QuoteAttributor {
    let facts: TokenFacts
    let document: Document
    let lexicon: ExtractionLexicon
    let entities: [Entity]
    /// Entity index per token, for tokens inside a mention.
    let entityAt: [Int?]

    init(facts: TokenFacts, document: Document, lexicon: ExtractionLexicon, entities: [Entity]) {
        self.facts = facts
        self.document = document
        self.lexicon = lexicon
        self.entities = entities
        entityAt = document.entityIndexByToken()
        quoted = Array(repeating: false, count: facts.count)
    }

    /// True for tokens inside a quote span, marks included (set by `attribute`).
    private var quoted: [Bool]

    /// Who said it, and how we know.
    struct Attribution {
        var speaker: Int?
        var speakerText: String?
        var cue: String?
        var cueToken: Int?
        var rule: String
    }

    static let determiners: TokenSet = ["the", "a", "an", "one", "another", "two", "several", "some", "many", "other", "his", "her", "their",
                                           "my", "our", "your", "its"]
    /// Words that cannot end a speaker noun phrase ("the course of their", "a way to").
    static let nonNounHeads: TokenSet = ["of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "but", "that", "which",
                                            "who", "the", "a", "an", "their", "his", "her", "its", "very", "also", "not"]
    /// Nouns that name a speaking body or a document when owned by someone (`Okafor's campaign`,
    /// `the company's lawyers`), besides the roles of the titles lexicon.
    static let sourceNouns: TokenSet = ["campaign", "team", "office", "staff", "officials", "aides", "advisers", "advisors",
                                           "lawyers", "attorneys", "spokespeople", "statement", "website", "report", "letter",
                                           "memo", "lawsuit", "complaint", "government", "ministry", "administration", "family"]
    /// Subject pronouns and the gender each implies, probed by a token's folded hash.
    static let pronouns = TokenMap<Gender?>([("he", .male), ("she", .female), ("they", nil), ("we", nil), ("i", nil)])
    static let skippableBeforeVerb: TokenSet = ["also", "later", "has", "had", "have", "then", "previously", "repeatedly",
                                                   "once", "again", "publicly", "privately", "recently", "earlier", "further",
                                                   "quickly", "simply", "only", "just", "reportedly", "would", "will", "had",
                                                   "has", "was", "were", "is", "would", "could", "may", "might", "often", "never"]

    func attribute(_ spans: [QuoteSpan]) -> [Quote] {
        var quotes: [Quote] = []
        var previous: (speaker: Int?, text: String?, paragraphEnd: Int)?
        for span in spans {
            for index in span.open..<min(span.close + 1, facts.count) { quoted[index] = true }
        }
        for span in spans {
            if span.titleLike {
                // A capitalised title is a quote only as the name a reporting verb gives
                // (`Lindqvist called him “Captain Chaos”`), not a show someone appeared on.
                guard let naming = namingClause(span) else { continue }
                let cueRange = naming.cueToken.map { document.tokens[$0].range }
                quotes.append(Quote(range: span.range, speaker: naming.speaker, speakerText: naming.speakerText, cue: naming.cue,
                                    cueRange: cueRange, kind: .partial, rule: naming.rule))
                continue
            }
            var attribution = transcript(span)
                ?? (span.kind == .partial ? leadIn(span) ?? trailing(span) : trailing(span) ?? leadIn(span))
                ?? accordingTo(span) ?? colonParagraph(span) ?? previousSentence(span)
                ?? (span.kind == .partial || continuesSentence(span) || opensAfterColon(span) ? sentenceSubject(span) : nil)
            if attribution == nil, let previous, previous.speaker != nil || previous.text != nil,
               paragraphIndex(of: span.open) == previous.paragraphEnd {
                // A second quote in the same paragraph with no reporting clause of its own.
                attribution = Attribution(speaker: previous.speaker, speakerText: previous.text, cue: nil, cueToken: nil,
                                          rule: "same-paragraph")
            }
            if attribution == nil, let previous, isQuoteOnlyParagraph(span), previous.speaker != nil || previous.text != nil,
               paragraphIndex(of: span.open) <= previous.paragraphEnd + 1 {
                attribution = Attribution(speaker: previous.speaker, speakerText: previous.text, cue: nil, cueToken: nil,
                                          rule: "paragraph-continuation")
            }
            // A few quoted words that nobody is reported to say are scare quotes, not speech.
            if attribution == nil, span.kind == .partial { continue }
            let final = attribution ?? Attribution(rule: "none")
            let cueRange = final.cueToken.map { document.tokens[$0].range }
            quotes.append(Quote(range: span.range, speaker: final.speaker, speakerText: final.speakerText, cue: final.cue,
                                cueRange: cueRange, kind: span.kind, rule: final.rule))
            if final.speaker != nil || final.speakerText != nil {
                previous = (final.speaker, final.speakerText, paragraphIndex(of: span.close - 1))
            }
        }
        return quotes
    }


    /// Words before a capitalised quote that make it a venue or a work (`on “Fox News Sunday”`).
    static let venuePrepositions: TokenSet = ["on", "in", "at", "of", "from", "for", "with", "by", "to", "about", "into", "via"]

    /// The reporting clause that names a title-like quote: a reporting verb with a speaker, at most
    /// nine tokens (besides earlier quotes) before the quote in the same clause (no comma or colon between them but those
    /// of a list of quoted names), the quote not governed by a venue preposition, a possessor or a
    /// determiner.
    private func namingClause(_ span: QuoteSpan) -> Attribution? {
        // "Channel 9's “Breakfast Desk”", "his “Straight Talk” programme": an owned or determined title.
        guard span.open > 0, !Self.venuePrepositions.contains(facts.folded[span.open - 1]),
              facts.kinds[span.open - 1] != .possessive, !Self.nounMarkers.contains(facts.folded[span.open - 1]),
              let attribution = leadIn(span), let cue = attribution.cueToken, cue < span.open else { return nil }
        var between = 0  // tokens outside earlier quotes of the list
        var insideQuote = false
        for index in (cue + 1)..<span.open {
            if facts.kinds[index] == .quote { insideQuote.toggle(); continue }
            if insideQuote { continue }
            between += 1
            if between > 9 || Words.clauseBreaks.contains(facts.folded[index]) { return nil }
            if facts.text.equals(index, ","), facts.kinds[index - 1] != .quote, facts.kinds[index + 1] != .quote { return nil }
        }
        return attribution
    }

    // MARK: - Indirect speech

    /// Reporting verbs that introduce reported speech, and words that may sit between the verb and
    /// the reported clause (`told reporters that`, `said on Monday that`).
    static let clauseOpeners: TokenSet = ["that"]

    /// Reported speech without quotation marks: a sentence holding no quote whose reporting verb has
    /// a clear subject (a name or a resolvable pronoun) and is followed by a clause, ideally opened by
    /// `that`. The quote is the clause, to the end of the sentence.
    func indirectQuotes(excluding spans: [QuoteSpan]) -> [Quote] {
        var quotes: [Quote] = []
        for sentence in document.sentences {
            let tokens = sentence.tokens
            guard !tokens.contains(where: { facts.kinds[$0] == .quote }) else { continue }
            var index = tokens.lowerBound
            while index < tokens.upperBound {
                defer { index += 1 }
                guard isSpeechVerb(index), !isNounUse(index), !facts.lower.hasSuffix(index, "ing"),
                      let subject = subjectBefore(verb: index, floor: tokens.lowerBound), subject.entity != nil else { continue }
                // The clause: skip an object and adverbials up to "that" within five tokens.
                var start = index + 1
                var probe = start
                while probe < min(tokens.upperBound, index + 6), !Self.clauseOpeners.contains(facts.folded[probe]) { probe += 1 }
                if probe < tokens.upperBound, Self.clauseOpeners.contains(facts.folded[probe]) { start = probe + 1 }
                else if start < tokens.upperBound, facts.kinds[start] != .word { continue }
                var end = tokens.upperBound
                while end > start, facts.kinds[end - 1] == .punctuation { end -= 1 }
                guard end - start >= 3 else { continue }
                quotes.append(Quote(range: TextRange(document.tokens[start].range.start, document.tokens[end - 1].range.end),
                                    speaker: subject.entity, speakerText: subject.text,
                                    cue: lexicon.speechVerbLemma(folded: facts.folded[index]), cueRange: document.tokens[index].range,
                                    kind: .indirect, rule: "indirect" + (subject.pronoun ? "+pronoun" : "")))
                break  // one reported clause per sentence
            }
        }
        return quotes
    }

    // MARK: - Sieves

    /// `"…," X said` / `"…," said X` / `"…," he added` / `"…," X, a doctor, said`.
    private func trailing(_ span: QuoteSpan) -> Attribution? {
        var index = span.close + 1
        guard span.close < facts.count, facts.kinds[span.close] == .quote else { return nil }
        // Skip punctuation between the mark and the clause (",", "—").
        while index < facts.count, facts.kinds[index] == .punctuation, Words.trailingSeparators.contains(facts.folded[index]) { index += 1 }
        guard index < facts.count, paragraphIndex(of: index) == paragraphIndex(of: span.close) else { return nil }
        // After `…?"` or `…."` a new sentence starts. It is the quote's reporting clause only when it
        // is short (`Okafor said.`, `he added on Friday.`); a longer one ("Jack Straw said about
        // Michael Howard that …") reports something else.
        if facts.sentenceOf[index] != facts.sentenceOf[span.close - 1] {
            let next = document.sentences[facts.sentenceOf[index]].tokens
            // "…?” Okafor said, looking out on the crowd.": a long sentence still opens with the
            // quote's clause when a name (or pronoun) and the verb are followed by a comma or stop.
            if next.count > 9, !opensWithShortClause(at: index) { return nil }
        }
        // "…” ― Pamela Padilla": a dash and a name, as under a letter or a pull quote.
        if index > span.close + 1, Words.dashes.contains(facts.folded[index - 1]) {
            if let entity = entityAt[index] {
                return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "dash")
            }
            // An unknown name under the quote ("― Carlos Raúl"): its capitalised words.
            var end = index
            while end < facts.count, end < index + 4, facts.capitalized[end] { end += 1 }
            if end > index, end == facts.count || facts.kinds[end] != .word {
                return Attribution(speaker: nil, speakerText: (index..<end).map { facts.text[$0] }.joined(separator: " "),
                                   cue: nil, cueToken: nil, rule: "dash")
            }
        }
        // said X / added X / told X? ("said Lindqvist")
        if isSpeechVerb(index) {
            if let subject = subjectAfter(verb: index) { return make(subject, verb: index, rule: "trailing") }
        }
        // "…,” Scott Pruitt, the Republican attorney general of Oklahoma, said": a name right after the
        // quote, then an apposition of any length, then the verb, all in the same sentence.
        if let entity = entityAt[index], entities[entity].type != .place {
            var probe = index
            let sentence = facts.sentenceOf[index]
            while probe < facts.count, facts.sentenceOf[probe] == sentence, facts.kinds[probe] != .quote {
                if isSpeechVerb(probe), facts.text.equals(probe - 1, ",") || entityAt[probe - 1] == entity {
                    return Attribution(speaker: entity, speakerText: nil, cue: lexicon.speechVerbLemma(folded: facts.folded[probe]),
                                       cueToken: probe, rule: "trailing")
                }
                probe += 1
            }
        }
        // X said / he said / the minister said / X, a doctor, said — the verb within a few tokens.
        var verb = index
        let limit = min(facts.count, index + 12)
        var limit2 = limit
        while verb < limit2, !isSpeechVerb(verb) {
            if facts.text.equals(verb, "(") {
                // "Rep. Gwen Moore (D-Wis.) said": a parenthetical does not end the clause.
                var close = verb + 1
                while close < min(facts.count, verb + 8), !facts.text.equals(close, ")") { close += 1 }
                if close < facts.count, facts.text.equals(close, ")") { limit2 = min(facts.count, limit2 + (close - verb)); verb = close + 1; continue }
            }
            // "Mitch McConnell, R-Ky., said": an abbreviation's period before a comma ends nothing.
            let abbreviationPeriod = facts.text.equals(verb, ".") && verb + 1 < facts.count && facts.text.equals(verb + 1, ",")
            if facts.kinds[verb] == .quote || (Words.sentenceEnds.contains(facts.folded[verb]) && !abbreviationPeriod) { return nil }
            verb += 1
        }
        guard verb < limit2 else { return nil }
        guard verb > index else { return nil }
        if let subject = subjectBefore(verb: verb, floor: index) { return make(subject, verb: verb, rule: "trailing") }
        return nil
    }

    /// `X said: "…"`, `X told reporters that "…"`, `…, stating, "…"`, `X: "…"`.
    private func leadIn(_ span: QuoteSpan) -> Attribution? {
        let sentence = facts.sentenceOf[span.open]
        var index = span.open - 1
        // "X: “…”" with a mention right before the colon.
        if index >= 0, facts.text.equals(index, ":"), index - 1 >= 0, let entity = entityAt[index - 1] {
            return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "colon")
        }
        var insideEarlierQuote = false
        while index >= 0, facts.sentenceOf[index] == sentence {
            // Skip over earlier quotes of the same sentence ("called it “x” and “y”").
            if facts.kinds[index] == .quote { insideEarlierQuote.toggle(); index -= 1; continue }
            // "she said, but …, and as Lindqvist went on about “…”": a clause of its own, opened by a
            // conjunction and a named subject, ends the search; its subject speaks.
            if !insideEarlierQuote, let subject = clauseSubject(at: index, quote: span.open) {
                return Attribution(speaker: subject, speakerText: nil, cue: nil, cueToken: nil, rule: "clause-subject")
            }
            // "Okafor's claim that there were “…”": the owner of a speech noun, when no reporting verb
            // comes before it in the sentence.
            if !insideEarlierQuote, index >= 2, isSpeechVerb(index), facts.kinds[index - 1] == .possessive,
               let owner = entityAt[index - 2], entities[owner].type != .place {
                let sentenceStart = document.sentences[sentence].tokens.lowerBound
                if mainSpeaker(in: sentenceStart..<index - 1) == nil {
                    return Attribution(speaker: owner, speakerText: nil, cue: lexicon.speechVerbLemma(folded: facts.folded[index]),
                                       cueToken: index, rule: "lead-in+possessor")
                }
            }
            // "wanted to speak “…”": an infinitive belongs to the verb that governs it, further back.
            if !insideEarlierQuote, isSpeechVerb(index), !isNounUse(index), index == 0 || !facts.lower.equals(index - 1, "to") {
                let sentenceStart = document.sentences[sentence].tokens.lowerBound
                // "footage of Okafor saying, “…”": a participle with a name of its own right before it.
                if facts.lower.hasSuffix(index, "ing"), index - 1 >= sentenceStart, let entity = entityAt[index - 1],
                   entities[entity].type != .place {
                    return Attribution(speaker: entity, speakerText: nil, cue: lexicon.speechVerbLemma(folded: facts.folded[index]),
                                       cueToken: index, rule: "lead-in")
                }
                // "…," Lindqvist said, suggesting a few questions, including, "…": a participle
                // continues the clause of the sentence's earlier reporting verb.
                if facts.lower.hasSuffix(index, "ing"), let main = mainSpeaker(in: sentenceStart..<index) {
                    return Attribution(speaker: main.entity, speakerText: main.text, cue: lexicon.speechVerbLemma(folded: facts.folded[index]),
                                       cueToken: index, rule: "lead-in")
                }
                if let subject = subjectBefore(verb: index, floor: sentenceStart) ?? invertedSubject(verb: index) {
                    // "Protesters said they want “…”", "the nominee said she wanted to speak “…”": a
                    // pronoun under an earlier reporting clause is that clause's subject.
                    if subject.pronoun, let pronoun = subject.text ?? pronounBefore(verb: index, floor: sentenceStart),
                       let outer = mainSpeaker(in: sentenceStart..<index), !outer.pronoun, isCompatible(outer, with: pronoun) {
                        return make(outer, verb: index, rule: "lead-in+outer-clause")
                    }
                    // "Ryan said the spate of shootings demands “…”": a thing that is no role or
                    // source, inside an earlier reporting clause, is not the speaker.
                    if let head = subject.head, !lexicon.isTitle(folded: facts.folded[head]), !Self.sourceNouns.contains(facts.folded[head]),
                       let outer = mainSpeaker(in: sentenceStart..<index), !outer.pronoun, let entity = outer.entity,
                       entities[entity].type == .person {
                        return make(outer, verb: index, rule: "lead-in+outer-clause")
                    }
                    return make(subject, verb: index, rule: "lead-in")
                }
                // "After saying her foot was “…”, she …": an opening participial clause belongs to the
                // subject after its comma.
                if facts.lower.hasSuffix(index, "ing"), index - sentenceStart <= 1, let subject = subjectAfterOpeningClause(index) {
                    return make(subject, verb: index, rule: "lead-in")
                }
                // "Ryan said the spate of shootings demands “…”": a verb whose subject is no name,
                // under an earlier reporting clause, belongs to that clause's named subject.
                if let outer = mainSpeaker(in: sentenceStart..<index), !outer.pronoun, let entity = outer.entity,
                   entities[entity].type == .person {
                    return make(outer, verb: index, rule: "lead-in+outer-clause")
                }
                // A participle ("stating", "adding") or a second verb: the sentence's first person.
                if let entity = firstActor(in: sentenceStart..<index) {
                    return Attribution(speaker: entity, speakerText: nil, cue: lexicon.speechVerbLemma(folded: facts.folded[index]),
                                       cueToken: index, rule: "lead-in")
                }
            }
            index -= 1
        }
        return nil
    }

    /// Conjunctions that open a clause with a subject of its own.
    static let clauseConjunctions: TokenSet = ["as", "while", "when", "whereas", "because", "after", "before", "until", "since"]

    /// The named subject of a clause opened at `index` by a conjunction after a comma, `and`, `but`
    /// or the sentence start, that runs on to the quote at `quote`: `…, and as Lindqvist went on about
    /// “…”`. The name must be followed by a lower-case word (its verb), not a possessive; a comma
    /// outside quotes before the quote makes the clause a parenthetical (`, as Hale knows,`).
    private func clauseSubject(at index: Int, quote: Int) -> Int? {
        guard Self.clauseConjunctions.contains(facts.folded[index]), index + 1 < facts.count, let entity = entityAt[index + 1],
              entities[entity].type != .place else { return nil }
        let sentenceStart = document.sentences[facts.sentenceOf[index]].tokens.lowerBound
        guard index == sentenceStart || Words.clauseJoins.contains(facts.folded[index - 1]) else { return nil }
        var end = index + 1
        while end < facts.count, entityAt[end] == entity { end += 1 }
        guard end < facts.count, facts.kinds[end] == .word, !facts.capitalized[end] else { return nil }
        var insideQuote = false
        for probe in end..<quote {
            if facts.kinds[probe] == .quote { insideQuote.toggle() }
            else if !insideQuote, facts.text.equals(probe, ",") { return nil }
        }
        return entity
    }

    /// Transcripts: a quote that opens with a speaker label in capitals, `"PENCE: Well, look …"`.
    private func transcript(_ span: QuoteSpan) -> Attribution? {
        var index = span.open + 1
        var label: [String] = []
        while index < span.close, index < span.open + 4, facts.allCaps[index] { label.append(facts.text[index]); index += 1 }
        guard !label.isEmpty, index < span.close, facts.text.equals(index, ":") else { return nil }
        let name = label.joined(separator: " ")
        let entity = entities.firstIndex { entity in
            entity.type == .person && (entity.name.uppercased() == name || entity.name.uppercased().hasSuffix(" " + name))
        }
        return Attribution(speaker: entity, speakerText: entity == nil ? name : nil, cue: nil, cueToken: nil, rule: "transcript")
    }

    /// A quote opening a paragraph after one that ends with a colon: `The New York Times reports:`.
    private func colonParagraph(_ span: QuoteSpan) -> Attribution? {
        let colon = span.open - 1
        guard colon >= 0, facts.text.equals(colon, ":"), paragraphIndex(of: colon) < paragraphIndex(of: span.open) else { return nil }
        var index = colon - 1
        let sentenceStart = document.sentences[facts.sentenceOf[colon]].tokens.lowerBound
        if let entity = entityAt[index] { return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "colon-paragraph") }
        while index >= sentenceStart {
            if isSpeechVerb(index), let subject = subjectBefore(verb: index, floor: sentenceStart) {
                return make(subject, verb: index, rule: "colon-paragraph")
            }
            index -= 1
        }
        return nil
    }

    /// A partial quote in a sentence with no reporting verb: the words belong to the sentence's
    /// subject (`Okafor openly praises Varga as a “safe pair of hands”`).
    private func sentenceSubject(_ span: QuoteSpan) -> Attribution? {
        let sentence = document.sentences[facts.sentenceOf[span.open]].tokens
        var index = sentence.lowerBound
        while index < span.open {
            // "40 percent agreed that Okafor is in “fine form”": a name in a subordinate clause is
            // not the sentence's subject.
            if Self.subordinators.contains(facts.folded[index]) { return nil }
            if let entity = entityAt[index] {
                let previous = index - 1
                let governed = previous >= sentence.lowerBound && Self.prepositions.contains(facts.folded[previous])
                    || isGoverned(index, floor: sentence.lowerBound)
                var end = index
                while end < span.open, entityAt[end] == entity { end += 1 }
                let possessor = end < facts.count && facts.kinds[end] == .possessive
                // "Japan branded North Korea an “outlaw nation”": a country opening the sentence, then a verb.
                let placeActs = index == sentence.lowerBound && end < span.open && !facts.capitalized[end]
                    && facts.kinds[end] == .word && facts.lower.hasSuffix(end, "ed")
                if let role = roleAfterModifier(entity, at: end - 1, limit: span.open) {
                    if let holder = entityWithRole(role, before: span.open) {
                        return Attribution(speaker: holder, speakerText: nil, cue: nil, cueToken: nil, rule: "sentence-subject")
                    }
                    // No single holder: the role phrase itself speaks ("the Labour leader").
                    guard !governed, !possessor else { index = end; continue }
                    let first = index > sentence.lowerBound && Self.determiners.contains(facts.folded[index - 1]) ? index - 1 : index
                    let phrase = document.string(TextRange(document.tokens[first].range.start, document.tokens[role].range.end))
                    return Attribution(speaker: nil, speakerText: phrase, cue: nil, cueToken: nil, rule: "sentence-subject")
                }
                if !governed, !possessor, entities[entity].type != .place || placeActs {
                    return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "sentence-subject")
                }
                index = end
                continue
            }
            if Self.pronouns[facts.folded[index]] != nil, index == sentence.lowerBound,
               let subject = resolvePronoun(facts.lower[index], gender: nil, before: index), subject.entity != nil {
                return Attribution(speaker: subject.entity, speakerText: nil, cue: nil, cueToken: nil, rule: "sentence-subject+pronoun")
            }
            index += 1
        }
        return nil
    }

    /// A quote opened right after a lower-case word of the reporter's sentence (`Okafor attacked “…”`).
    private func continuesSentence(_ span: QuoteSpan) -> Bool {
        let before = span.open - 1
        return before >= 0 && facts.sentenceOf[before] == facts.sentenceOf[span.open] && facts.kinds[before] == .word
            && !facts.capitalized[before]
    }

    /// Words that open a subordinate clause.
    static let subordinators: TokenSet = ["that", "whether", "because", "if", "although", "though"]

    static let prepositions: TokenSet = ["in", "for", "of", "to", "with", "from", "over", "about", "on", "at", "by", "against",
                                            "through", "around", "across", "near", "outside", "inside", "behind", "toward", "towards",
                                            "throughout", "within", "beyond", "despite", "via",
                                            "between", "among", "into", "as", "than", "like", "after", "before", "under", "during"]

    /// A quote opening the sentence right after `…, Schiff said.` continues that reporting clause.
    private func previousSentence(_ span: QuoteSpan) -> Attribution? {
        let sentence = facts.sentenceOf[span.open]
        guard sentence > 0, document.sentences[sentence].tokens.lowerBound == span.open,
              paragraphIndex(of: span.open) == paragraphIndex(of: document.sentences[sentence - 1].tokens.lowerBound) else { return nil }
        let previous = document.sentences[sentence - 1].tokens
        var end = previous.upperBound - 1
        while end > previous.lowerBound, facts.kinds[end] == .punctuation { end -= 1 }
        // The previous sentence must hold no quote of its own.
        guard !previous.contains(where: { facts.kinds[$0] == .quote }) else { return nil }
        if isSpeechVerb(end), let subject = subjectBefore(verb: end, floor: previous.lowerBound) {
            return make(subject, verb: end, rule: "previous-sentence")
        }
        // "Lawrence Cummings called him a master of deals. “He showed again and again …”": a named
        // speaker of a reporting verb anywhere in the sentence before.
        for verb in previous where isSpeechVerb(verb) && !isNounUse(verb) && !facts.lower.hasSuffix(verb, "ing") {
            if let subject = subjectBefore(verb: verb, floor: previous.lowerBound), let entity = subject.entity, !subject.pronoun,
               entities[entity].type != .place {
                return make(subject, verb: verb, rule: "previous-sentence")
            }
        }
        return nil
    }

    /// `according to X` in the quote's sentence (before or after it).
    private func accordingTo(_ span: QuoteSpan) -> Attribution? {
        let sentence = document.sentences[facts.sentenceOf[span.open]].tokens
        let closeSentence = document.sentences[facts.sentenceOf[min(span.close, facts.count - 1)]].tokens
        for index in sentence.lowerBound..<max(sentence.upperBound, closeSentence.upperBound) - 1
        where facts.lower.equals(index, "according") && facts.lower.equals(index + 1, "to") {
            if let subject = subjectAfter(verb: index + 1) {
                return Attribution(speaker: subject.entity, speakerText: subject.text, cue: "according to", cueToken: index,
                                   rule: "according-to" + (subject.pronoun ? "+pronoun" : ""))
            }
        }
        return nil
    }

    // MARK: - Subjects

    struct Subject {
        var entity: Int?
        var text: String?
        var pronoun: Bool
        /// The head noun's token, for a described speaker (`the recent spate of shootings`).
        var head: Int? = nil
    }

    private func make(_ subject: Subject, verb: Int, rule: String) -> Attribution {
        Attribution(speaker: subject.entity, speakerText: subject.text, cue: lexicon.speechVerbLemma(folded: facts.folded[verb]) ?? facts.lower[verb],
                    cueToken: verb, rule: rule + (subject.pronoun ? "+pronoun" : ""))
    }

    /// The subject right before a verb: a mention, a pronoun, or a noun phrase (`a source`).
    private func subjectBefore(verb: Int, floor: Int) -> Subject? {
        var index = verb - 1
        while index >= floor {
            if Self.skippableBeforeVerb.contains(facts.folded[index]) || (facts.lower.hasSuffix(index, "ly") && facts.lower[index].count > 4) {
                index -= 1
            } else if facts.text.equals(index, ")") {
                // "Rep. Gwen Moore (D-Wis.) said": skip a short parenthetical.
                var open = index - 1
                while open >= floor, open > index - 8, !facts.text.equals(open, "(") { open -= 1 }
                guard open >= floor, facts.text.equals(open, "(") else { break }
                index = open - 1
            } else {
                break
            }
        }
        guard index >= floor else { return nil }
        if let entity = entityAt[index] {
            // "of Republican claims", "in Ohio says": a name governed by a preposition is no subject.
            var first = index
            while first - 1 >= floor, entityAt[first - 1] == entity { first -= 1 }
            if first - 1 >= floor, facts.lower.equals(first - 1, "the") { first -= 1 }
            // ("as Okafor put it": "as" before a subject and its verb is a conjunction.)
            if first - 1 >= floor, Self.prepositions.contains(facts.folded[first - 1]), !facts.lower.equals(first - 1, "as") {
                // "Mr. Morgan of the Sierra Club said": the name the phrase attaches to.
                if first - 2 >= floor, let owner = entityAt[first - 2], entities[owner].type == .person {
                    return Subject(entity: owner, text: nil, pronoun: false)
                }
                return nil
            }
            return Subject(entity: entity, text: nil, pronoun: false)
        }
        // "the Chicago Police Department which reported": a relative pronoun right after a name.
        if Words.relativePronouns.contains(facts.folded[index]), index - 1 >= floor, let entity = entityAt[index - 1],
           entities[entity].type != .place {
            return Subject(entity: entity, text: nil, pronoun: false)
        }
        // "X, leader of the bloc, who said …": the person the relative clause hangs on.
        if facts.lower.equals(index, "who"), index - 1 >= floor, facts.text.equals(index - 1, ",") {
            var back = index - 1
            while back >= floor, back > index - 30 {
                if let entity = entityAt[back], entities[entity].type == .person { return Subject(entity: entity, text: nil, pronoun: false) }
                back -= 1
            }
            return nil
        }
        // "what it called “…”": an organisation or thing speaking.
        if facts.lower.equals(index, "it") {
            if let entity = document.antecedent(of: "it", before: index, entityAt: entityAt), entities[entity].type == .organization {
                return Subject(entity: entity, text: nil, pronoun: true)
            }
            return nil
        }
        if facts.kinds[index] == .possessive, index - 1 >= floor, entityAt[index - 1] == nil { return nil }
        if let gender = Self.pronouns[facts.folded[index]] { return resolvePronoun(facts.lower[index], gender: gender, before: index) }
        // "Police say …", "Protesters chanted …": a bare capitalised noun opening the sentence.
        if index == floor, facts.kinds[index] == .word, facts.capitalized[index], Self.pronouns[facts.folded[index]] == nil,
           !EntityMatcher.sentenceFunctionWords.contains(facts.exact[index]),
           !Self.determiners.contains(facts.folded[index]), !Words.demonstratives.contains(facts.folded[index]) {
            return Subject(entity: nil, text: facts.text[index], pronoun: false)
        }
        // "X, a doctor, said" / "X, 45, said": jump over one comma-delimited apposition.
        if facts.text.equals(index, ",") {
            var back = index - 1
            while back >= floor, back >= index - 24, !facts.text.equals(back, ",") { back -= 1 }
            // "His former partner, Lawrence Cummings, said": the apposition is the person's name.
            if back >= floor, facts.text.equals(back, ","), back + 1 < index, let name = entityAt[index - 1], entityAt[back + 1] == name,
               entities[name].type == .person {
                return Subject(entity: name, text: nil, pronoun: false)
            }
            if back - 1 >= floor, facts.text.equals(back, ","), let entity = entityAt[back - 1] {
                return Subject(entity: entity, text: nil, pronoun: false)
            }
            return nil
        }
        // A noun phrase that starts with a determiner: "a source", "the campaign", "one official".
        var start = index
        while start > floor, start > index - 5, facts.kinds[start - 1] == .word || facts.kinds[start - 1] == .possessive,
              !isSpeechVerb(start - 1), !Self.determiners.contains(facts.folded[start]) {
            start -= 1
        }
        // "63 percent said", "52 percent of registered voters agreed": a phrase opened by a number.
        // ("No 10 spokeswoman" is a name's part: the number must open the phrase.)
        if start - 1 >= floor, facts.kinds[start - 1] == .number, !facts.capitalized[index], facts.kinds[index] == .word,
           start - 2 < floor || facts.kinds[start - 2] != .word || !facts.capitalized[start - 2]
               || (EntityMatcher.sentenceFunctionWords.contains(facts.exact[start - 2]) && !facts.text.equals(start - 2, "No")),
           !Self.nonNounHeads.contains(facts.folded[index]) {
            let phrase = document.string(TextRange(document.tokens[start - 1].range.start, document.tokens[index].range.end))
            return Subject(entity: nil, text: phrase, pronoun: false, head: index)
        }
        let headIsNoun = !Self.nonNounHeads.contains(facts.folded[index]) && facts.kinds[index] == .word
        // "Okafor's former campaign manager said", "the company's spokeswoman said": a possessor
        // and a lower-case noun make the speaker's description.
        if headIsNoun, !facts.capitalized[index], lexicon.isTitle(folded: facts.folded[index]) || Self.sourceNouns.contains(facts.folded[index]),
           let possessive = (start..<index).last(where: { facts.kinds[$0] == .possessive }),
           possessive - 1 >= floor, facts.kinds[possessive - 1] == .word {
            var begin = possessive - 1
            if let owner = entityAt[begin] {
                while begin - 1 >= floor, entityAt[begin - 1] == owner { begin -= 1 }
            } else if !facts.capitalized[begin] {
                while begin - 1 >= floor, begin > possessive - 4, facts.kinds[begin - 1] == .word,
                      !Self.determiners.contains(facts.folded[begin]) { begin -= 1 }
                guard Self.determiners.contains(facts.folded[begin]) else { return nil }
            }
            let phrase = document.string(TextRange(document.tokens[begin].range.start, document.tokens[index].range.end))
            return Subject(entity: nil, text: phrase, pronoun: false, head: index)
        }
        if !Self.determiners.contains(facts.folded[start]), lexicon.isTitle(folded: facts.folded[index]) {
            // "the former secretary of state and current Democratic presidential nominee said": a role
            // noun phrase may be long; look further back for its determiner.
            var back = start
            while back > floor, back > index - 12, !Self.determiners.contains(facts.folded[back]), facts.kinds[back - 1] == .word,
                  !isSpeechVerb(back - 1) { back -= 1 }
            if Self.determiners.contains(facts.folded[back]) { start = back }
        }
        if Self.determiners.contains(facts.folded[start]), start < index, headIsNoun {
            // "the council issued a statement calling …": whoever issues the document speaks.
            if Self.documentNouns.contains(facts.folded[index]), let issuer = issuer(ofDocumentAt: start, floor: floor) { return issuer }
            // A role that names a known person ("the minister" → the entity with that role).
            let phrase = (start...index).map { facts.text[$0] }.joined(separator: " ")
            if let entity = entityWithRole(index, before: verb) { return Subject(entity: entity, text: nil, pronoun: false) }
            if start - 1 >= floor, Self.prepositions.contains(facts.folded[start - 1]), !facts.lower.equals(start - 1, "as") {
                // "a narrator in the Okafor advert asks": the phrase the preposition attaches to.
                var back = start - 2
                while back >= floor, back > start - 6, facts.kinds[back] == .word, !Self.determiners.contains(facts.folded[back]) { back -= 1 }
                // "Protesters marching through the streets chanted": a bare capitalised noun opening
                // the sentence.
                if back == floor - 1, start - 2 > floor, facts.capitalized[floor], Self.pronouns[facts.folded[floor]] == nil,
                   !EntityMatcher.sentenceFunctionWords.contains(facts.exact[floor]), !Self.determiners.contains(facts.folded[floor]) {
                    return Subject(entity: nil, text: facts.text[floor], pronoun: false, head: floor)
                }
                guard back >= floor, back < start - 2, Self.determiners.contains(facts.folded[back]) else { return nil }
                let whole = document.string(TextRange(document.tokens[back].range.start, document.tokens[index].range.end))
                return Subject(entity: nil, text: whole, pronoun: false, head: start - 2)
            }
            return Subject(entity: nil, text: phrase, pronoun: false, head: index)
        }
        return nil
    }

    /// Documents a body issues and that then speak for it (`a statement calling …`).
    static let documentNouns: TokenSet = ["statement", "report", "letter", "memo", "release", "communique", "communiqué", "note",
                                             "tweet", "post", "video", "filing", "advisory", "bulletin", "notice", "declaration"]
    /// Verbs that issue a document.
    static let issuingVerbs: TokenSet = ["issued", "released", "published", "posted", "sent", "circulated", "tweeted", "filed",
                                            "issues", "releases", "publishes", "posts", "sends", "tweets", "files"]

    /// The subject of the verb that issues the document phrase opening at `determiner`
    /// (`the council issued a statement`, `the ministry put out a statement`), when it is named.
    private func issuer(ofDocumentAt determiner: Int, floor: Int) -> Subject? {
        var verb = determiner - 1
        if verb - 1 >= floor, facts.lower.equals(verb, "out"), facts.lower.equals(verb - 1, "put") { verb -= 1 }
        guard verb >= floor, Self.issuingVerbs.contains(facts.folded[verb]) || facts.lower.equals(verb, "put") && verb < determiner - 1,
              let subject = subjectBefore(verb: verb, floor: floor), subject.entity != nil else { return nil }
        return subject
    }

    /// `X said,` / `said X.` / `he said,` at `index`: a name or pronoun and a reporting verb,
    /// then a comma or a full stop.
    private func opensWithShortClause(at index: Int) -> Bool {
        func endOfSubject(_ start: Int) -> Int {
            guard start < facts.count else { return start }
            if let entity = entityAt[start] {
                var end = start
                while end < facts.count, entityAt[end] == entity { end += 1 }
                return end
            }
            return Self.pronouns[facts.folded[start]] != nil ? start + 1 : start
        }
        var verb = index
        if !isSpeechVerb(index) {
            verb = endOfSubject(index)
            guard verb > index, verb < facts.count, isSpeechVerb(verb) else { return false }
            return verb + 1 < facts.count && Words.commaOrStop.contains(facts.folded[verb + 1])
        }
        let end = endOfSubject(verb + 1)
        return end > verb + 1 && end < facts.count && Words.commaOrStop.contains(facts.folded[end])
    }

    /// The subject after the comma that closes an opening clause (`After saying …, she`).
    private func subjectAfterOpeningClause(_ verb: Int) -> Subject? {
        let sentence = document.sentences[facts.sentenceOf[verb]].tokens
        var index = verb + 1
        var insideQuote = false
        while index < sentence.upperBound - 1 {
            // A comma inside the closing mark (`was “so swollen,” she`) closes the clause too.
            let commaInQuote = insideQuote && facts.kinds[index] == .quote && facts.text.equals(index - 1, ",")
            if facts.kinds[index] == .quote, !commaInQuote { insideQuote.toggle() }
            else if commaInQuote || (!insideQuote && facts.text.equals(index, ",")) {
                let next = index + 1
                if let entity = entityAt[next], entities[entity].type != .place { return Subject(entity: entity, text: nil, pronoun: false) }
                if let gender = Self.pronouns[facts.folded[next]] { return resolvePronoun(facts.lower[next], gender: gender, before: next) }
                return nil
            }
            index += 1
        }
        return nil
    }

    /// The pronoun that is the subject of `verb` (adverbs between them skipped), lower-cased.
    private func pronounBefore(verb: Int, floor: Int) -> String? {
        var index = verb - 1
        while index >= floor, Self.skippableBeforeVerb.contains(facts.folded[index])
                || (facts.lower.hasSuffix(index, "ly") && facts.lower[index].count > 4) { index -= 1 }
        guard index >= floor, Self.pronouns[facts.folded[index]] != nil else { return nil }
        return facts.lower[index]
    }

    /// Whether `pronoun` can refer to `subject`: he/she to a person of compatible gender or a
    /// singular noun phrase; they to a group, an organisation or a plural noun phrase.
    private func isCompatible(_ subject: Subject, with pronoun: String) -> Bool {
        let gender: Gender? = pronoun == "he" ? .male : pronoun == "she" ? .female : nil
        if let entity = subject.entity {
            let type = entities[entity].type
            switch pronoun {
            case "he", "she": return type == .person && (entities[entity].gender == nil || entities[entity].gender == gender)
            case "they": return type != .person
            default: return false
            }
        }
        guard let text = subject.text, let head = text.split(separator: " ").last.map({ $0.lowercased() }) else { return false }
        let plural = head.hasSuffix("s") && !head.hasSuffix("ss")
        switch pronoun {
        case "he", "she": return !plural
        case "they": return plural
        default: return false
        }
    }

    /// `X said: "…"`: the lead-in decides before anything after the quote.
    private func opensAfterColon(_ span: QuoteSpan) -> Bool {
        span.open > 0 && facts.text.equals(span.open - 1, ":")
    }

    /// A verb form used as a noun ("The answers to …", "his remarks"): after a determiner.
    private func isNounUse(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        // "Okafor's tweet", "the answers"; "a few questions", "two statements" (but "many said", "two say").
        if Self.nounMarkers.contains(facts.folded[index - 1]) || facts.kinds[index - 1] == .possessive { return true }
        let plural = facts.lower.hasSuffix(index, "s")
        if plural && (Self.quantifiers.contains(facts.folded[index - 1]) || facts.kinds[index - 1] == .number) { return true }
        // "a new campaign message": a base form after a singular lower-case noun is a compound noun;
        // a verb after a singular subject would end in -s ("the campaign says").
        let previous = facts.lower[index - 1]
        return facts.kinds[index - 1] == .word && !facts.capitalized[index - 1] && entityAt[index - 1] == nil
            && lexicon.speechVerbLemma(folded: facts.folded[index]) == facts.lower[index]
            && !previous.hasSuffix("s") && !previous.hasSuffix("ly") && !Self.beforeBaseVerb.contains(previous)
            && Self.pronouns[facts.folded[index - 1]] == nil && !isSpeechVerb(index - 1)
    }

    /// Words after which a base form is still a verb: pronouns, modals and auxiliaries, "to",
    /// adverbs, and plural nouns without -s.
    static let beforeBaseVerb: Set<String> = ["i", "you", "we", "they", "to", "not", "never", "also", "can", "could", "will", "would",
                                              "shall", "should", "may", "might", "must", "do", "did", "does", "don't", "didn't",
                                              "people", "police", "men", "women", "children", "staff", "media", "public", "crowd",
                                              "who", "that", "which", "and", "or", "but", "then", "often", "still", "just", "even",
                                              "only", "always", "now", "let", "help", "and", "cannot", "won't", "wouldn't"]

    /// Words after which a verb form is a noun.
    static let nounMarkers: TokenSet = ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
                                           "these", "those", "such", "no", "any", "each", "every"]
    /// Words that make a following `-s` form a plural noun (`several claims`), not a verb.
    static let quantifiers: TokenSet = ["few", "several", "many", "some", "more", "most", "other", "both", "two", "three", "four",
                                           "five", "numerous", "multiple", "various", "new", "recent", "earlier"]

    /// The subject of the first reporting verb (not a participle) in `range`.
    private func mainSpeaker(in range: Range<Int>) -> Subject? {
        // Quote spans, not mark parity: a sentence may start inside a quote ("… with Varga,"
        // Lindqvist said, suggesting …).
        for index in range {
            guard !quoted[index], isSpeechVerb(index), !facts.lower.hasSuffix(index, "ing"), !isNounUse(index) else { continue }
            if let subject = subjectBefore(verb: index, floor: range.lowerBound) ?? invertedSubject(verb: index) { return subject }
        }
        return nil
    }

    /// `said X:` / `said X,` — an inverted subject directly followed by punctuation, not an object.
    private func invertedSubject(verb: Int) -> Subject? {
        guard let subject = subjectAfter(verb: verb) else { return nil }
        var end = verb + 1
        while end < facts.count, entityAt[end] != nil || facts.capitalized[end] { end += 1 }
        guard end < facts.count, Words.afterInvertedSubject.contains(facts.folded[end]) else { return nil }
        return subject
    }

    /// The subject right after an inverted verb: `said X`, `said Maria Okafor, a …`, `said he`.
    private func subjectAfter(verb: Int) -> Subject? {
        var index = verb + 1
        guard index < facts.count else { return nil }
        // "said Rep. G.K. Butterfield", "said Foreign Minister Lavrov": titles before the name.
        var probe = index
        while probe < min(facts.count, index + 5), entityAt[probe] == nil,
              facts.kinds[probe] == .word || facts.kinds[probe] == .number || facts.text.equals(probe, ".") { probe += 1 }
        if probe < facts.count, probe > index, !Self.determiners.contains(facts.folded[index]), let entity = entityAt[probe] {
            return Subject(entity: entity, text: nil, pronoun: false)
        }
        if let entity = entityAt[index] { return Subject(entity: entity, text: nil, pronoun: false) }
        if let gender = Self.pronouns[facts.folded[index]] { return resolvePronoun(facts.lower[index], gender: gender, before: verb) }
        // "said the minister" / "said a spokesman for X" / "said one source close to the talks"
        if Words.descriptionOpeners.contains(facts.folded[index]) {
            let start = index
            index += 1
            while index < facts.count, index < start + 5, facts.kinds[index] == .word,
                  !Words.descriptionEnds.contains(facts.folded[index]) {
                // "a Labour source": a body naming the kind of source is part of the description.
                if let entity = entityAt[index] {
                    var end = index
                    while end < facts.count, entityAt[end] == entity { end += 1 }
                    guard entities[entity].type == .organization, end < facts.count, facts.kinds[end] == .word,
                          !facts.capitalized[end] else { break }
                    index = end
                    continue
                }
                index += 1
            }
            if index < facts.count, let entity = entityAt[index] { return Subject(entity: entity, text: nil, pronoun: false) }
            guard index > start + 1 else { return nil }
            // "per the party's bylaws", "according to the company's filing": the owned document speaks.
            if index + 1 < facts.count, facts.kinds[index] == .possessive, facts.kinds[index + 1] == .word, !facts.capitalized[index + 1],
               !Self.nonNounHeads.contains(facts.folded[index + 1]) {
                return Subject(entity: nil, text: document.string(TextRange(document.tokens[start].range.start, document.tokens[index + 1].range.end)),
                               pronoun: false)
            }
            if let entity = entityWithRole(index - 1, before: verb) { return Subject(entity: entity, text: nil, pronoun: false) }
            // "one source on the panel.", "a spokesman for the ministry,": a short prepositional
            // phrase that ends the clause belongs to the description.
            var end = index
            if index < facts.count, Words.closingPrepositions.contains(facts.folded[index]) {
                var probe = index + 1
                while probe < facts.count, probe <= index + 5, facts.kinds[probe] == .word || facts.kinds[probe] == .possessive { probe += 1 }
                if probe > index + 1, probe < facts.count, facts.kinds[probe] == .punctuation, Words.clauseEndMarks.contains(facts.folded[probe]) {
                    end = probe
                }
            }
            return Subject(entity: nil, text: document.string(TextRange(document.tokens[start].range.start, document.tokens[end - 1].range.end)),
                           pronoun: false)
        }
        return nil
    }

    /// he/she → the nearest earlier person of compatible gender; they → the nearest organisation or place.
    private func resolvePronoun(_ pronoun: String, gender: Gender?, before index: Int) -> Subject? {
        // "Okafor says she admired Varga's patience through what she calls …": a pronoun in a
        // sentence whose subject is a compatible person refers to that subject, not to the nearest name.
        if pronoun == "he" || pronoun == "she", index < facts.count {
            let sentence = document.sentences[facts.sentenceOf[index]].tokens
            if let subject = firstActor(in: sentence.lowerBound..<index), entities[subject].type == .person,
               entities[subject].gender == nil || entities[subject].gender == gender {
                return Subject(entity: subject, text: nil, pronoun: true)
            }
        }
        // "Okafor's campaign is seeking … what they call …": a sentence opened by a possessor and a
        // speaking body is what "they" refers to.
        if pronoun == "they", index < facts.count {
            let start = document.sentences[facts.sentenceOf[index]].tokens.lowerBound
            if let owner = entityAt[start], entities[owner].type != .place {
                var end = start
                while end < index, entityAt[end] == owner { end += 1 }
                if end + 1 < index, facts.kinds[end] == .possessive, Self.sourceNouns.contains(facts.folded[end + 1]) {
                    let phrase = document.string(TextRange(document.tokens[start].range.start, document.tokens[end + 1].range.end))
                    return Subject(entity: nil, text: phrase, pronoun: true)
                }
            }
        }
        if let entity = document.antecedent(of: pronoun, before: index, entityAt: entityAt),
           pronoun != "they" || entities[entity].type != .place {
            return Subject(entity: entity, text: nil, pronoun: true)
        }
        return Subject(entity: nil, text: pronoun, pronoun: true)
    }

    /// The role word right after an organisation's mention ending at `index` ("the Labour leader",
    /// "Republican nominee"): the body is the role holder's affiliation, not the actor.
    private func roleAfterModifier(_ entity: Int, at index: Int, limit: Int) -> Int? {
        let next = index + 1
        guard entities[entity].type == .organization, next < limit, entityAt[next] == nil, !facts.capitalized[next],
              lexicon.isTitle(folded: facts.folded[next]) else { return nil }
        return next
    }

    /// The person whose roles include `role` (`minister` → Foreign Minister Lavrov), when unique.
    private func entityWithRole(_ token: Int, before: Int) -> Int? {
        guard lexicon.isTitle(folded: facts.folded[token]) else { return nil }
        let role = facts.lower[token]
        let matches = entities.filter { entity in
            entity.type == .person && entity.roles.contains { $0.lowercased() == role || $0.lowercased().hasSuffix(" " + role) }
        }
        return matches.count == 1 ? matches[0].index : nil
    }

    /// The first person or organisation mentioned in a token range (a sentence's subject).
    private func firstActor(in range: Range<Int>) -> Int? {
        var governedEntity: Int?
        for index in range {
            // A name governed by a preposition ("of the Brenner Bank claims") is no subject.
            if let entity = entityAt[index], index > range.lowerBound, entityAt[index - 1] != entity, isGoverned(index, floor: range.lowerBound) {
                governedEntity = entity
            }
            // A name inside quotation marks is a title or a quoted word ("on “Face the Nation”"), not a subject.
            if let entity = entityAt[index], entities[entity].type != .place, entity != governedEntity, !quoted[index] {
                // "The Labour leader also outlined …": a body naming a role is the role holder's
                // affiliation; the holder acts, if the role tells who that is.
                var last = index
                while last + 1 < range.upperBound, entityAt[last + 1] == entity { last += 1 }
                if let role = roleAfterModifier(entity, at: last, limit: range.upperBound) {
                    if let holder = entityWithRole(role, before: range.upperBound) { return holder }
                    governedEntity = entity
                    continue
                }
                return entity
            }
            if let gender = Self.pronouns[facts.folded[index]], index == range.lowerBound {
                return resolvePronoun(facts.lower[index], gender: gender, before: index)?.entity
            }
        }
        return nil
    }

    /// True when a preposition (optionally followed by `the`) comes right before `index`; a passive
    /// agent (`shared by X`) still acts.
    private func isGoverned(_ index: Int, floor: Int) -> Bool {
        var previous = index - 1
        if previous > floor, facts.lower.equals(previous, "the") { previous -= 1 }
        return previous >= floor && !facts.lower.equals(previous, "by") && Self.prepositions.contains(facts.folded[previous])
    }

    // MARK: - Helpers

    /// A reporting verb; a word inside a name ("United States", "Says Media") is never one.
    private func isSpeechVerb(_ index: Int) -> Bool {
        guard facts.kinds[index] == .word, entityAt[index] == nil else { return false }
        return lexicon.isSpeechVerb(folded: facts.folded[index]) || isPutIt(index)
    }

    /// `as a memo put it`, `as she puts it in her book`: "put it" reports words, when nothing but
    /// punctuation, an adverb or a short adverbial follows "it".
    private func isPutIt(_ index: Int) -> Bool {
        guard facts.lower.equals(index, "put") || facts.lower.equals(index, "puts"), index + 1 < facts.count, facts.lower.equals(index + 1, "it") else {
            return false
        }
        let next = index + 2
        guard next < facts.count, facts.kinds[next] == .word else { return true }
        return Self.putItFollowers.contains(facts.folded[next]) || (facts.lower.hasSuffix(next, "ly") && facts.length[next] > 4)
    }

    /// Words that may follow `put it` when it reports words (`put it in a statement`, `put it this way`).
    static let putItFollowers: TokenSet = ["in", "this", "that", "on", "at", "to", "during", "when", "after", "last", "recently"]

    private func paragraphIndex(of token: Int) -> Int {
        let start = document.tokens[min(token, facts.count - 1)].range.start
        var low = 0, high = document.paragraphs.count
        while low < high {
            let mid = (low + high) / 2
            if document.paragraphs[mid].range.end <= start { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// True when the quote covers nearly all of its paragraph (no reporting clause there).
    private func isQuoteOnlyParagraph(_ span: QuoteSpan) -> Bool {
        let paragraph = document.paragraphs[paragraphIndex(of: span.open)].range
        let outside = paragraph.length - span.range.length
        return outside <= 12
    }
}

extension QuoteAttributor.Attribution {
    init(rule: String) {
        self.init(speaker: nil, speakerText: nil, cue: nil, cueToken: nil, rule: rule)
    }
}
