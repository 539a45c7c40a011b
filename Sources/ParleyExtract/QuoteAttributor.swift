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
    }

    /// Who said it, and how we know.
    struct Attribution {
        var speaker: Int?
        var speakerText: String?
        var cue: String?
        var cueToken: Int?
        var rule: String
    }

    static let determiners: Set<String> = ["the", "a", "an", "one", "another", "two", "several", "some", "many", "other", "his", "her", "their"]
    /// Words that cannot end a speaker noun phrase ("the course of their", "a way to").
    static let nonNounHeads: Set<String> = ["of", "to", "in", "on", "at", "for", "with", "by", "and", "or", "but", "that", "which",
                                            "who", "the", "a", "an", "their", "his", "her", "its", "very", "also", "not"]
    static let pronouns: [String: Gender?] = ["he": .male, "she": .female, "they": nil, "we": nil, "i": nil]
    static let skippableBeforeVerb: Set<String> = ["also", "later", "has", "had", "have", "then", "previously", "repeatedly",
                                                   "once", "again", "publicly", "privately", "recently", "earlier", "further",
                                                   "quickly", "simply", "only", "just", "reportedly", "would", "will", "had",
                                                   "has", "was", "were", "is", "would", "could", "may", "might", "often", "never"]

    func attribute(_ spans: [QuoteSpan]) -> [Quote] {
        var quotes: [Quote] = []
        var previous: (speaker: Int?, text: String?, paragraphEnd: Int)?
        for span in spans {
            var attribution = transcript(span)
                ?? (span.kind == .partial ? leadIn(span) ?? trailing(span) : trailing(span) ?? leadIn(span))
                ?? accordingTo(span) ?? colonParagraph(span) ?? previousSentence(span)
                ?? (span.kind == .partial ? sentenceSubject(span) : nil)
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


    // MARK: - Indirect speech

    /// Reporting verbs that introduce reported speech, and words that may sit between the verb and
    /// the reported clause (`told reporters that`, `said on Monday that`).
    static let clauseOpeners: Set<String> = ["that"]

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
                guard isSpeechVerb(index), !isNounUse(index), !facts.lower[index].hasSuffix("ing"),
                      let subject = subjectBefore(verb: index, floor: tokens.lowerBound), subject.entity != nil else { continue }
                // The clause: skip an object and adverbials up to "that" within five tokens.
                var start = index + 1
                var probe = start
                while probe < min(tokens.upperBound, index + 6), !Self.clauseOpeners.contains(facts.lower[probe]) { probe += 1 }
                if probe < tokens.upperBound, Self.clauseOpeners.contains(facts.lower[probe]) { start = probe + 1 }
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
        while index < facts.count, facts.kinds[index] == .punctuation, [",", "—", "–", "-", "―", "--"].contains(facts.text[index]) { index += 1 }
        guard index < facts.count, paragraphIndex(of: index) == paragraphIndex(of: span.close) else { return nil }
        // After `…?"` or `…."` a new sentence starts. It is the quote's reporting clause only when it
        // is short (`Clinton said.`, `he added on Friday.`); a longer one ("Jack Straw said about
        // Michael Howard that …") reports something else.
        if facts.sentenceOf[index] != facts.sentenceOf[span.close - 1] {
            let next = document.sentences[facts.sentenceOf[index]].tokens
            if next.count > 9 { return nil }
        }
        // "…” ― Pamela Padilla": a dash and a name, as under a letter or a pull quote.
        if index > span.close + 1, ["—", "–", "―", "-", "--"].contains(facts.text[index - 1]) {
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
                if isSpeechVerb(probe), facts.text[probe - 1] == "," || entityAt[probe - 1] == entity {
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
            if facts.text[verb] == "(" {
                // "Rep. Gwen Moore (D-Wis.) said": a parenthetical does not end the clause.
                var close = verb + 1
                while close < min(facts.count, verb + 8), facts.text[close] != ")" { close += 1 }
                if close < facts.count, facts.text[close] == ")" { limit2 = min(facts.count, limit2 + (close - verb)); verb = close + 1; continue }
            }
            // "Mitch McConnell, R-Ky., said": an abbreviation's period before a comma ends nothing.
            let abbreviationPeriod = facts.text[verb] == "." && verb + 1 < facts.count && facts.text[verb + 1] == ","
            if facts.kinds[verb] == .quote || ([".", "?", "!", ";"].contains(facts.text[verb]) && !abbreviationPeriod) { return nil }
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
        if index >= 0, facts.text[index] == ":", index - 1 >= 0, let entity = entityAt[index - 1] {
            return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "colon")
        }
        var insideEarlierQuote = false
        while index >= 0, facts.sentenceOf[index] == sentence {
            // Skip over earlier quotes of the same sentence ("called it “x” and “y”").
            if facts.kinds[index] == .quote { insideEarlierQuote.toggle(); index -= 1; continue }
            if !insideEarlierQuote, isSpeechVerb(index), !isNounUse(index) {
                let sentenceStart = document.sentences[sentence].tokens.lowerBound
                // "…," Sanders said, suggesting a few questions, including, "…": a participle
                // continues the clause of the sentence's earlier reporting verb.
                if facts.lower[index].hasSuffix("ing"), let main = mainSpeaker(in: sentenceStart..<index) {
                    return Attribution(speaker: main.entity, speakerText: main.text, cue: lexicon.speechVerbLemma(folded: facts.folded[index]),
                                       cueToken: index, rule: "lead-in")
                }
                if let subject = subjectBefore(verb: index, floor: sentenceStart) ?? invertedSubject(verb: index) {
                    return make(subject, verb: index, rule: "lead-in")
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

    /// Transcripts: a quote that opens with a speaker label in capitals, `"PENCE: Well, look …"`.
    private func transcript(_ span: QuoteSpan) -> Attribution? {
        var index = span.open + 1
        var label: [String] = []
        while index < span.close, index < span.open + 4, facts.allCaps[index] { label.append(facts.text[index]); index += 1 }
        guard !label.isEmpty, index < span.close, facts.text[index] == ":" else { return nil }
        let name = label.joined(separator: " ")
        let entity = entities.firstIndex { entity in
            entity.type == .person && (entity.name.uppercased() == name || entity.name.uppercased().hasSuffix(" " + name))
        }
        return Attribution(speaker: entity, speakerText: entity == nil ? name : nil, cue: nil, cueToken: nil, rule: "transcript")
    }

    /// A quote opening a paragraph after one that ends with a colon: `The New York Times reports:`.
    private func colonParagraph(_ span: QuoteSpan) -> Attribution? {
        let colon = span.open - 1
        guard colon >= 0, facts.text[colon] == ":", paragraphIndex(of: colon) < paragraphIndex(of: span.open) else { return nil }
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
    /// subject (`Trump openly admires Putin as a “strong leader”`).
    private func sentenceSubject(_ span: QuoteSpan) -> Attribution? {
        let sentence = document.sentences[facts.sentenceOf[span.open]].tokens
        var index = sentence.lowerBound
        while index < span.open {
            if let entity = entityAt[index] {
                let previous = index - 1
                let governed = previous >= sentence.lowerBound && Self.prepositions.contains(facts.lower[previous])
                var end = index
                while end < span.open, entityAt[end] == entity { end += 1 }
                let possessor = end < facts.count && facts.kinds[end] == .possessive
                if !governed, !possessor, entities[entity].type != .place {
                    return Attribution(speaker: entity, speakerText: nil, cue: nil, cueToken: nil, rule: "sentence-subject")
                }
                index = end
                continue
            }
            if Self.pronouns[facts.lower[index]] != nil, index == sentence.lowerBound,
               let subject = resolvePronoun(facts.lower[index], gender: nil, before: index), subject.entity != nil {
                return Attribution(speaker: subject.entity, speakerText: nil, cue: nil, cueToken: nil, rule: "sentence-subject+pronoun")
            }
            index += 1
        }
        return nil
    }

    static let prepositions: Set<String> = ["in", "for", "of", "to", "with", "from", "over", "about", "on", "at", "by", "against",
                                            "between", "among", "into", "as", "than", "like", "after", "before", "under", "during"]

    /// A quote opening the sentence right after `…, Schiff said.` continues that reporting clause.
    private func previousSentence(_ span: QuoteSpan) -> Attribution? {
        let sentence = facts.sentenceOf[span.open]
        guard sentence > 0, document.sentences[sentence].tokens.lowerBound == span.open,
              paragraphIndex(of: span.open) == paragraphIndex(of: document.sentences[sentence - 1].tokens.lowerBound) else { return nil }
        let previous = document.sentences[sentence - 1].tokens
        var end = previous.upperBound - 1
        while end > previous.lowerBound, facts.kinds[end] == .punctuation { end -= 1 }
        // The previous sentence must end with its reporting verb and hold no quote of its own.
        guard isSpeechVerb(end), !previous.contains(where: { facts.kinds[$0] == .quote }),
              let subject = subjectBefore(verb: end, floor: previous.lowerBound) else { return nil }
        return make(subject, verb: end, rule: "previous-sentence")
    }

    /// `according to X` in the quote's sentence (before or after it).
    private func accordingTo(_ span: QuoteSpan) -> Attribution? {
        let sentence = document.sentences[facts.sentenceOf[span.open]].tokens
        let closeSentence = document.sentences[facts.sentenceOf[min(span.close, facts.count - 1)]].tokens
        for index in sentence.lowerBound..<max(sentence.upperBound, closeSentence.upperBound) - 1
        where facts.lower[index] == "according" && facts.lower[index + 1] == "to" {
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
    }

    private func make(_ subject: Subject, verb: Int, rule: String) -> Attribution {
        Attribution(speaker: subject.entity, speakerText: subject.text, cue: lexicon.speechVerbLemma(folded: facts.folded[verb]) ?? facts.lower[verb],
                    cueToken: verb, rule: rule + (subject.pronoun ? "+pronoun" : ""))
    }

    /// The subject right before a verb: a mention, a pronoun, or a noun phrase (`a source`).
    private func subjectBefore(verb: Int, floor: Int) -> Subject? {
        var index = verb - 1
        while index >= floor {
            if Self.skippableBeforeVerb.contains(facts.lower[index]) || (facts.lower[index].hasSuffix("ly") && facts.lower[index].count > 4) {
                index -= 1
            } else if facts.text[index] == ")" {
                // "Rep. Gwen Moore (D-Wis.) said": skip a short parenthetical.
                var open = index - 1
                while open >= floor, open > index - 8, facts.text[open] != "(" { open -= 1 }
                guard open >= floor, facts.text[open] == "(" else { break }
                index = open - 1
            } else {
                break
            }
        }
        guard index >= floor else { return nil }
        if let entity = entityAt[index] { return Subject(entity: entity, text: nil, pronoun: false) }
        if facts.kinds[index] == .possessive, index - 1 >= floor, entityAt[index - 1] == nil { return nil }
        if let gender = Self.pronouns[facts.lower[index]] { return resolvePronoun(facts.lower[index], gender: gender, before: index) }
        // "Police say …", "Protesters chanted …": a bare capitalised noun opening the sentence.
        if index == floor, facts.kinds[index] == .word, facts.capitalized[index], Self.pronouns[facts.lower[index]] == nil,
           !Self.determiners.contains(facts.lower[index]), !["this", "that", "these", "those", "it", "there", "here"].contains(facts.lower[index]) {
            return Subject(entity: nil, text: facts.text[index], pronoun: false)
        }
        // "X, a doctor, said" / "X, 45, said": jump over one comma-delimited apposition.
        if facts.text[index] == "," {
            var back = index - 1
            while back >= floor, back >= index - 24, facts.text[back] != "," { back -= 1 }
            if back - 1 >= floor, facts.text[back] == ",", let entity = entityAt[back - 1] {
                return Subject(entity: entity, text: nil, pronoun: false)
            }
            return nil
        }
        // A noun phrase that starts with a determiner: "a source", "the campaign", "one official".
        var start = index
        while start > floor, start > index - 5, facts.kinds[start - 1] == .word || facts.kinds[start - 1] == .possessive,
              !isSpeechVerb(start - 1), !Self.determiners.contains(facts.lower[start]) {
            start -= 1
        }
        let headIsNoun = !Self.nonNounHeads.contains(facts.lower[index]) && facts.kinds[index] == .word
        if !Self.determiners.contains(facts.lower[start]), lexicon.isTitle(folded: facts.folded[index]) {
            // "the former secretary of state and current Democratic presidential nominee said": a role
            // noun phrase may be long; look further back for its determiner.
            var back = start
            while back > floor, back > index - 12, !Self.determiners.contains(facts.lower[back]), facts.kinds[back - 1] == .word,
                  !isSpeechVerb(back - 1) { back -= 1 }
            if Self.determiners.contains(facts.lower[back]) { start = back }
        }
        if Self.determiners.contains(facts.lower[start]), start < index, headIsNoun {
            // A role that names a known person ("the minister" → the entity with that role).
            let phrase = (start...index).map { facts.text[$0] }.joined(separator: " ")
            if let entity = entityWithRole(index, before: verb) { return Subject(entity: entity, text: nil, pronoun: false) }
            return Subject(entity: nil, text: phrase, pronoun: false)
        }
        return nil
    }

    /// `X said: "…"`: the lead-in decides before anything after the quote.
    private func opensAfterColon(_ span: QuoteSpan) -> Bool {
        span.open > 0 && facts.text[span.open - 1] == ":"
    }

    /// A verb form used as a noun ("The answers to …", "his remarks"): after a determiner.
    private func isNounUse(_ index: Int) -> Bool {
        index > 0 && ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that"].contains(facts.lower[index - 1])
    }

    /// The subject of the first reporting verb (not a participle) in `range`.
    private func mainSpeaker(in range: Range<Int>) -> Subject? {
        var insideQuote = false
        for index in range {
            if facts.kinds[index] == .quote { insideQuote.toggle(); continue }
            guard !insideQuote, isSpeechVerb(index), !facts.lower[index].hasSuffix("ing"), !isNounUse(index) else { continue }
            if let subject = subjectBefore(verb: index, floor: range.lowerBound) ?? invertedSubject(verb: index) { return subject }
        }
        return nil
    }

    /// `said X:` / `said X,` — an inverted subject directly followed by punctuation, not an object.
    private func invertedSubject(verb: Int) -> Subject? {
        guard let subject = subjectAfter(verb: verb) else { return nil }
        var end = verb + 1
        while end < facts.count, entityAt[end] != nil || facts.capitalized[end] { end += 1 }
        guard end < facts.count, [":", ",", ".", "—", "("].contains(facts.text[end]) else { return nil }
        return subject
    }

    /// The subject right after an inverted verb: `said X`, `said Maria Okafor, a …`, `said he`.
    private func subjectAfter(verb: Int) -> Subject? {
        var index = verb + 1
        guard index < facts.count else { return nil }
        // "said Rep. G.K. Butterfield", "said Foreign Minister Lavrov": titles before the name.
        var probe = index
        while probe < min(facts.count, index + 5), entityAt[probe] == nil,
              facts.kinds[probe] == .word || facts.kinds[probe] == .number || facts.text[probe] == "." { probe += 1 }
        if probe < facts.count, probe > index, let entity = entityAt[probe] { return Subject(entity: entity, text: nil, pronoun: false) }
        if let entity = entityAt[index] { return Subject(entity: entity, text: nil, pronoun: false) }
        if let gender = Self.pronouns[facts.lower[index]] { return resolvePronoun(facts.lower[index], gender: gender, before: verb) }
        // "said the minister" / "said a spokesman for X"
        if ["the", "a", "an"].contains(facts.lower[index]) {
            let start = index
            index += 1
            while index < facts.count, index < start + 5, facts.kinds[index] == .word, entityAt[index] == nil,
                  !["for", "of", "at", "in", "on", "who", "and"].contains(facts.lower[index]) { index += 1 }
            if index < facts.count, let entity = entityAt[index] { return Subject(entity: entity, text: nil, pronoun: false) }
            guard index > start + 1 else { return nil }
            if let entity = entityWithRole(index - 1, before: verb) { return Subject(entity: entity, text: nil, pronoun: false) }
            return Subject(entity: nil, text: (start..<index).map { facts.text[$0] }.joined(separator: " "), pronoun: false)
        }
        return nil
    }

    /// he/she → the nearest earlier person of compatible gender; they → the nearest organisation or place.
    private func resolvePronoun(_ pronoun: String, gender: Gender?, before index: Int) -> Subject? {
        // "Clinton says she appreciated Machado's courage through what she calls …": a pronoun in a
        // sentence whose subject is a compatible person refers to that subject, not to the nearest name.
        if ["he", "she"].contains(pronoun), index < facts.count {
            let sentence = document.sentences[facts.sentenceOf[index]].tokens
            if let subject = firstActor(in: sentence.lowerBound..<index), entities[subject].type == .person,
               entities[subject].gender == nil || entities[subject].gender == gender {
                return Subject(entity: subject, text: nil, pronoun: true)
            }
        }
        if let entity = document.antecedent(of: pronoun, before: index, entityAt: entityAt) {
            return Subject(entity: entity, text: nil, pronoun: true)
        }
        return Subject(entity: nil, text: pronoun, pronoun: true)
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
        for index in range {
            if let entity = entityAt[index], entities[entity].type != .place { return entity }
            if let gender = Self.pronouns[facts.lower[index]], index == range.lowerBound {
                return resolvePronoun(facts.lower[index], gender: gender, before: index)?.entity
            }
        }
        return nil
    }

    // MARK: - Helpers

    private func isSpeechVerb(_ index: Int) -> Bool {
        facts.kinds[index] == .word && lexicon.speechVerbLemma(folded: facts.folded[index]) != nil
    }

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
