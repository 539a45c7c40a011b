import ParleyLexicon
import ParleyModel

/// A proposed mention before aliases are merged: a token span, a type and what was learnt about it.
struct MentionCandidate {
    /// Token indices of the name itself (titles and possessive excluded).
    var tokens: Range<Int>
    var type: EntityType
    /// Canonical name from a lexicon (`United States` for `US`); nil to use the text.
    var canonical: String?
    var roles: [String] = []
    var honorific: String?
    var affiliation: String?
    var gender: Gender?
    /// The rule that proposed it.
    var rule: String
}

/// Proposes people, places and organisations from capitalised token runs, lexicons and context.
///
/// Rules, in the order they are tried inside a run of capitalised words:
/// 1. a title or role (`Foreign Minister`, `aide`) attaches to the name that follows;
/// 2. an honorific (`Mr`, `Sir`) attaches to the name that follows and implies gender;
/// 3. an organisation from the lexicon (longest match), then a place from the gazetteer;
/// 4. a demonym before a title or name gives the affiliation (`French President …`);
/// 5. the remaining capitalised words form a name, classified by its context: after a title or
///    honorific, starting with a given name, next to a speech verb, or followed by an apposition
///    it is a person; ending in an organisation word (`Bank`, `Party`) it is an organisation;
///    ending in a place word (`Road`, `River`) it is a place.
final class EntityMatcher {
    let lexicon: ExtractionLexicon
    let facts: TokenFacts
    let document: Document

    // A class, not a struct: the many closures passed to the phrase dictionaries capture `self`,
    // and capturing a struct of a dozen collections copied (retained) all of them each time.
    init(lexicon: ExtractionLexicon, facts: TokenFacts, document: Document) {
        self.lexicon = lexicon
        self.facts = facts
        self.document = document
    }

    /// How often each capitalised word occurs in mid-sentence, for the unknown-word guess.
    private lazy var midSentenceCounts: UInt64Map<Int> = {
        var counts = UInt64Map<Int>(capacity: 128)
        for sentence in document.sentences where sentence.tokens.count > 1 {
            for index in sentence.tokens.dropFirst() where facts.capitalized[index] && !facts.allCaps[index] {
                counts.add(1, to: TokenMap<Int>.key(facts.exact[index]))
            }
        }
        return counts
    }()

    /// Words that make a capitalised name an organisation when they end it (`Zeehaven Logistiek` is
    /// found by other rules) or start it before `of` (`Ministry of Defence`).
    static let organizationHeads = TokenSet(organizationHeadWords, case: .exact)
    private static let organizationHeadWords = [
        "Bank", "Party", "Council", "Commission", "Ministry", "University", "Institute", "Agency", "Association",
        "Union", "Committee", "Corporation", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "Group",
        "Company", "Co.", "Foundation", "Fund", "Organisation", "Organization", "Authority", "Court", "Parliament",
        "Assembly", "Congress", "Senate", "Office", "Department", "Service", "Services", "Police", "Army", "Navy",
        "Forces", "Federation", "League", "Club", "Airlines", "Airways", "Times", "Post", "News", "Bureau", "Board",
        "College", "School", "Hospital", "Church", "Front", "Movement", "Alliance", "Coalition", "Network", "Reserve",
        "Exchange", "Trust", "Holdings", "Industries", "Motors", "Systems", "Technologies", "Logistics", "Partners",
        "Capital", "Securities", "Insurance", "Pharmaceuticals", "Energy", "Telecom", "Media", "Press", "Journal",
        "Guardian", "Herald", "Tribune", "Gazette", "Broadcasting", "Television", "Radio", "Cabinet", "Government",
        "Administration", "Secretariat", "Directorate", "Tribunal", "Chamber", "Society", "Institution", "Academy",
        "Centre", "Center", "Laboratory", "Labs", "Research", "Group", "Brigade", "Battalion", "Guard", "Command",
        "Regiment", "Corps", "Monitor", "Watch", "Initiative", "Project", "Programme", "Program", "Conference",
        "Summit", "Forum", "Review", "Magazine", "Studios", "Records", "Entertainment", "Sports", "United", "City",
        "Rovers", "Wanderers", "Athletic", "Olympic", "Airport", "Desk", "Bureau",
    ]

    /// Words that make a capitalised name a place when they end it.
    static let placeHeads = TokenSet(placeHeadWords, case: .exact)
    private static let placeHeadWords = [
        "Road", "Street", "Avenue", "Square", "Park", "River", "Mountain", "Mountains", "Lake", "Island", "Islands",
        "Bay", "Valley", "Province", "Region", "County", "District", "Bridge", "Port", "Sea", "Ocean", "Gulf", "Strait",
        "Peninsula", "Desert", "Coast", "Canal", "Harbour", "Harbor", "Hill", "Hills", "Heights", "Plain", "Plains",
        "Forest", "Falls", "Delta", "Basin", "Highlands", "Oblast", "Governorate", "Prefecture", "Territory",
        "Village", "Town", "Township", "Borough", "Quarter", "Field", "Fields", "Beach", "Cape", "Point",
    ]

    /// Plural nouns that make a demonym a collective actor (`European leaders`).
    static let groupNouns: TokenSet = [
        "leaders", "officials", "diplomats", "negotiators", "government", "authorities", "forces", "troops", "lawmakers",
        "politicians", "allies", "counterparts", "ministers", "delegation", "delegates", "investors", "military", "side",
        "media", "voters", "regulators", "envoys", "partners", "capitals", "nations", "countries", "governments", "officers",
        "commanders", "analysts", "economists", "businesses", "banks", "companies", "firms", "markets", "public",
    ]

    /// Name particles that may sit inside a person's name (`Ludwig van Beethoven`, `Osama bin Laden`).
    static let nameParticles: TokenSet = ["de", "van", "von", "der", "den", "du", "da", "dos", "das", "del", "della", "di",
                                             "la", "le", "al", "el", "bin", "ibn", "ben", "y", "ter", "ten", "zu"]

    /// Lower-case words that join capitalised words into one institution or place name, but only
    /// after a head word (`Bank of England`, `Ministry of Defence`, `Gulf of Mexico`).
    static let headConnectors: TokenSet = ["of", "for", "on", "&", "and"]

    /// Words after which `of`/`for` continue a name.
    static let connectorHeads = TokenSet(organizationHeadWords + placeHeadWords + [
        "Secretary", "Minister", "Ministry", "Governor", "Duke", "Duchess", "Prince", "Princess", "King", "Queen", "Republic",
        "Kingdom", "Isle", "House", "Chancellor", "Speaker", "Mayor", "President", "Director", "Chairman", "Head", "Chief",
        "Emirates", "States", "Democratic", "People", "Bishop", "Archbishop", "Earl", "Lord", "Lady", "Court", "Hall",
        "Museum", "Library", "Festival", "Cup", "Championship", "Games", "Tower", "Palace", "Cathedral", "Church",
    ], case: .exact)

    /// Pronoun and function words that are capitalised only because they start a sentence.
    static let sentenceFunctionWords = TokenSet(sentenceFunctionWordList, case: .exact)
    /// The same words in any case (`TO`, `The`), for headlines in capitals.
    static let functionWordsAnyCase = TokenSet(sentenceFunctionWordList)
    private static let sentenceFunctionWordList = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "Your", "But", "And", "Or", "So", "Yet", "If", "When", "While", "Although", "Though", "As",
        "At", "In", "On", "Of", "For", "From", "With", "Without", "By", "To", "After", "Before", "During", "Since", "Until",
        "Despite", "However", "Meanwhile", "Moreover", "Still", "Also", "Then", "There", "Here", "What", "Which", "Who",
        "Whom", "Whose", "Why", "How", "Where", "Some", "Many", "Most", "Few", "All", "Both", "Each", "Every", "No", "Not",
        "One", "Two", "Three", "Other", "Another", "Such", "Even", "Only", "Just", "Now", "Today", "Yesterday", "Tomorrow",
        "Last", "Next", "More", "Less", "Asked", "According", "Under", "Over", "Between", "Among", "Against", "Amid",
        "Following", "Earlier", "Later", "Once", "Instead", "Because", "Unlike", "Like", "Overall", "Indeed", "Nor",
        "Mr", "Mrs", "Ms", "Dr", "Sir", "Nobody", "Everybody", "Everyone", "Someone", "Somebody", "Anyone", "Anybody",
        "Nothing", "Everything", "Something", "None", "Neither", "Either", "Whatever", "Whoever", "Yes", "Please", "Thanks",
    ]

    /// Proposes candidates for every sentence.
    func match() -> [MentionCandidate] {
        var candidates: [MentionCandidate] = []
        // About one candidate per 25 tokens in news text: growing from empty moved them all six times.
        candidates.reserveCapacity(facts.count / 16 + 8)
        for sentence in document.sentences {
            var start = sentence.tokens.lowerBound
            // Leading lines in capitals ("LONDON 1996-08-30", a headline without a full stop) read
            // as headlines even when the sentence runs on into the text below them.
            while let end = capitalsLineEnd(from: start, limit: sentence.tokens.upperBound) {
                matchHeadline(start..<end, into: &candidates)
                start = end
            }
            if start < sentence.tokens.upperBound { matchSentence(start..<sentence.tokens.upperBound, into: &candidates) }
        }
        markTeams(&candidates)
        return candidates
    }

    // MARK: - Teams

    /// A number that reads as a score or a tally (`71`, `429-7`, `92-90`), not a year, a date or a time.
    private func isScore(_ index: Int) -> Bool {
        guard facts.kinds[index] == .number else { return false }
        return facts.text.withBytes(of: index) { utf8 in
            var digits = 0
            var dashes = 0
            for byte in utf8 {
                if byte >= 0x30 && byte <= 0x39 { digits += 1; continue }
                if byte == UInt8(ascii: "-") { dashes += 1; continue }
                if byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/") { return false }
            }
            // 1996, 1996-08-30: four leading digits make a year.
            if utf8.count >= 4, utf8.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
            return digits > 0 && dashes <= 1
        }
    }

    /// `Surrey 429-7,`, `CHICAGO 71 64`, `Durham 114 and 81-3`: a score right after the name, then a
    /// break, another number or another name.
    private func scoreFollows(_ end: Int, sentence: Range<Int>) -> Bool {
        guard end < sentence.upperBound, isScore(end) else { return false }
        let next = end + 1
        guard next < sentence.upperBound else { return true }
        return Words.afterTeamName.contains(facts.folded[next]) || facts.lower.equals(next, "and")
            || facts.kinds[next] == .number || facts.capitalized[next]
    }

    /// `Essex v Kent`, `CHICAGO AT TORONTO`: fixture lists.
    private func isFixture(_ tokens: Range<Int>, sentence: Range<Int>) -> Bool {
        let after = tokens.upperBound
        let before = tokens.lowerBound - 1
        if after < sentence.upperBound, isVersus(after) { return true }
        if before >= sentence.lowerBound, isVersus(before) { return true }
        return false
    }

    /// `v`, `v.`, `vs`, `vs.` in any case.
    private func isVersus(_ index: Int) -> Bool {
        facts.lower.equals(index, "v") || facts.lower.equals(index, "v.") || facts.lower.equals(index, "vs")
            || facts.lower.equals(index, "vs.")
    }

    static let months: TokenSet = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                      "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                      "sept", "oct", "nov", "dec"]

    /// Words that never name a team: months, demonyms (`Chilean 6-3` is a player), countries and
    /// home nations (national sides are places in news annotation).
    private func cannotBeTeam(_ tokens: Range<Int>, sentence: Range<Int>) -> Bool {
        if tokens.count == 1, Self.months.contains(facts.folded[tokens.lowerBound]) || lexicon.demonymCountry(facts.exact[tokens.lowerBound]) != nil {
            return true
        }
        if let (length, place) = lexicon.place(facts.folded[..<sentence.upperBound], at: tokens.lowerBound, folded: true),
           length == tokens.count, place.kind == .country || (place.kind == .region && lexicon.country(of: place) == "United Kingdom") {
            // Countries, and the home nations that field their own sides (England, Scotland, Wales).
            return true
        }
        return false
    }

    /// True when a line break separates token `index` from the one before it.
    /// The end of the line starting at `start` when every word of it is in capitals and it is a
    /// dateline (a word and a number) or has two words or more; nil otherwise.
    private func capitalsLineEnd(from start: Int, limit: Int) -> Int? {
        guard start < limit, facts.allCaps[start], facts.kinds[start] == .word else { return nil }
        var words = 0
        var hasNumber = false
        var end = start
        repeat {
            switch facts.kinds[end] {
            case .word:
                guard facts.allCaps[end] else { return nil }
                words += 1
            case .number: hasNumber = true
            default: break
            }
            end += 1
        } while end < limit && !lineBreakBefore(end)
        return words >= 2 || hasNumber ? end : nil
    }

    private func lineBreakBefore(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        let gap = TextRange(document.tokens[index - 1].range.end, document.tokens[index].range.start)
        guard gap.start < gap.end else { return false }
        return facts.bytes.of(gap).contains(0x0A)
    }

    /// A lone name in a results line follows a break, not a word (`c Knight b Hollioake 2` is a bowler).
    private func startsEntry(_ index: Int, sentence: Range<Int>) -> Bool {
        let previous = index - 1
        guard previous >= sentence.lowerBound, !lineBreakBefore(index) else { return true }
        return facts.kinds[previous] != .word || Words.beforeOpponent.contains(facts.folded[previous])
    }

    /// A one-letter initial (`J.`) before `index`: a player in a scorecard, not a team.
    private func followsInitial(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        // On the bytes: two bytes ending in a full stop are an ASCII letter (or digit) and the stop.
        if facts.byteCount(index - 1) == 2 { return facts.text.hasSuffix(index - 1, ".") }
        return facts.text.equals(index - 1, ".") && index > 1 && facts.byteCount(index - 2) == 1
    }

    /// Sports results and tables: places, lone names and unknown capitalised words standing for a
    /// team (`Warwickshire 195, Surrey 429-7`, `CHICAGO 71 64 .526`, `Essex v Kent`) are organisations.
    private func markTeams(_ candidates: inout [MentionCandidate]) {
        var covered = [Bool](repeating: false, count: facts.count)
        // Fields are read in place (a candidate copied out retains its strings and arrays), and the
        // cheap tests of the score or fixture that must follow come before the lexicon lookups.
        for index in candidates.indices {
            let tokens = candidates[index].tokens
            for token in tokens { covered[token] = true }
            let sentence = document.sentences[facts.sentenceOf[tokens.lowerBound]].tokens
            // National sides stay their countries ("Israel 2, Bulgaria 0").
            if candidates[index].rule == "team", cannotBeTeam(tokens, sentence: sentence),
               let (_, place) = lexicon.place(facts.folded[..<sentence.upperBound], at: tokens.lowerBound, folded: true) {
                candidates[index] = MentionCandidate(tokens: tokens, type: .place, canonical: lexicon.name(of: place), rule: "gazetteer")
                continue
            }
            let type = candidates[index].type
            guard type != .organization, candidates[index].roles.isEmpty, candidates[index].honorific == nil,
                  type == .place || tokens.count == 1,
                  scoreFollows(tokens.upperBound, sentence: sentence) || isFixture(tokens, sentence: sentence),
                  !followsInitial(tokens.lowerBound), !cannotBeTeam(tokens, sentence: sentence),
                  startsEntry(tokens.lowerBound, sentence: sentence) else { continue }
            candidates[index] = MentionCandidate(tokens: tokens, type: .organization, rule: "team")
        }
        // Names no other rule claimed ("Middlesex 199 and 426"), in lines holding at least two scores.
        for sentence in document.sentences {
            let tokens = sentence.tokens
            var scores = 0
            // The kind first, inline: this visits every token of every article.
            for index in tokens where facts.kinds[index] == .number && isScore(index) { scores += 1 }
            guard scores >= 2 else { continue }
            var index = tokens.lowerBound
            while index < tokens.upperBound {
                guard facts.capitalized[index], !covered[index] else { index += 1; continue }
                var end = index + 1
                while end < tokens.upperBound, facts.capitalized[end], !covered[end], !lineBreakBefore(end) { end += 1 }
                let run = index..<end
                let plain = run.allSatisfy { !Self.sentenceFunctionWords.contains(facts.exact[$0]) && !lexicon.isNonName(facts.exact[$0])
                    && !facts.text.hasSuffix($0, ".") }
                if plain, run.count <= 3, scoreFollows(end, sentence: tokens) || isFixture(run, sentence: tokens),
                   !followsInitial(index), !cannotBeTeam(run, sentence: tokens), startsEntry(index, sentence: tokens) {
                    candidates.append(MentionCandidate(tokens: run, type: .organization, rule: "team"))
                }
                index = end
            }
        }
    }

    // MARK: - Sentences

    /// Pending context collected before a name: titles, honorific, affiliation.
    private struct Context {
        var roles: [String] = []
        var honorific: String?
        var gender: Gender?
        var affiliation: String?
        var isEmpty: Bool { roles.isEmpty && honorific == nil && affiliation == nil }
    }

    /// How a sentence is cased, in one pass over its tokens.
    ///
    /// - `headline`: mostly words in capitals ("PUTIN MEETS ENVOY").
    /// - `titleCase`: a Title Case headline ("Elizabeth Warren Hammers Wells Fargo"), most words of
    ///   three letters or more capitalised. A results line ("Surrey 429-7 (C. Lewis 80 not out,
    ///   M. Butcher 70 …)") is mostly names too, but its numbers show it is no headline.
    private func casing(of tokens: Range<Int>) -> (headline: Bool, titleCase: Bool) {
        var words = 0
        var caps = 0
        var longWords = 0
        var capitals = 0
        var numbers = 0
        for index in tokens {
            switch facts.kinds[index] {
            case .number:
                numbers += 1
            case .word:
                words += 1
                if facts.allCaps[index] { caps += 1 }
                if facts.length[index] >= 3 {
                    longWords += 1
                    if facts.capitalized[index] { capitals += 1 }
                }
            default:
                break
            }
        }
        return (words >= 2 && caps * 10 >= words * 6, longWords >= 6 && capitals * 10 >= longWords * 8 && numbers < 3)
    }

    private func matchSentence(_ tokens: Range<Int>, into candidates: inout [MentionCandidate]) {
        let (headline, titleCase) = casing(of: tokens)
        if headline {
            matchHeadline(tokens, into: &candidates)
            return
        }
        var context = Context()
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            // A title or role, capitalised or not ("aide", "Foreign Minister").
            if let length = titleMatch(at: index, limit: tokens.upperBound) {
                let title = written(index..<index + length)
                if !context.roles.contains(title) { context.roles.append(title) }
                index += length
                continue
            }
            if facts.capitalized[index] {
                let end = runEnd(from: index, limit: tokens.upperBound)
                index = classifyRun(index..<end, sentence: tokens, titleCase: titleCase, context: &context, into: &candidates)
                continue
            }
            // Context survives determiners and adjectives between a role and a name only briefly.
            if !context.isEmpty, !keepsContext(index) { context = Context() }
            index += 1
        }
    }

    /// Lower-case words that may stand between a role and its name (`his adviser and son-in-law, Jared Kushner`).
    private func keepsContext(_ index: Int) -> Bool {
        Words.betweenRoleAndName.contains(facts.folded[index])
    }

    /// The end of a run of capitalised words: name particles join capitals (`Ludwig van Beethoven`);
    /// `of`, `for`, `and` (optionally followed by `the`) join them only after a head word
    /// (`Bank of England`, `Secretary of the Army`), so `Ushakov on Monday` stays two names.
    private func runEnd(from start: Int, limit: Int) -> Int {
        var end = start + 1
        while end < limit {
            if facts.capitalized[end] { end += 1; continue }
            if Self.nameParticles.contains(facts.folded[end]), end + 1 < limit, facts.capitalized[end + 1], end > start {
                end += 2
                continue
            }
            // "Douglas & Lomason", "Procter & Gamble": an ampersand between capitalised words joins a firm's name.
            if facts.text.equals(end, "&"), end + 1 < limit, facts.capitalized[end + 1] {
                end += 2
                continue
            }
            if Self.headConnectors.contains(facts.folded[end]), Self.connectorHeads.contains(facts.exact[end - 1]) {
                var next = end + 1
                if next < limit, facts.lower.equals(next, "the") { next += 1 }
                if next < limit, facts.capitalized[next] { end = next + 1; continue }
            }
            break
        }
        return end
    }

    /// A role as the article writes it (`Foreign Minister`, `envoy`), tokens joined by spaces.
    private func written(_ tokens: Range<Int>) -> String {
        tokens.map { facts.text[$0] }.joined(separator: " ")
    }

    private func titleMatch(at index: Int, limit: Int) -> Int? {
        guard facts.kinds[index] == .word else { return nil }
        return lexicon.titleLength(facts.folded[..<limit], at: index)
    }

    // MARK: - Runs

    /// Splits a run into titles, honorifics, lexicon entries and names; returns where it ended
    /// (a title may extend it).
    private func classifyRun(_ run: Range<Int>, sentence: Range<Int>, titleCase: Bool, context: inout Context,
                             into candidates: inout [MentionCandidate]) -> Int {
        var nameStart: Int?
        var position = run.lowerBound
        var runEndIndex = run.upperBound
        // "Central Bank of Iceland", "University of Ocean Studies": inside a run shaped like an
        // institution's name, single words are not towns.
        // "U.S. Open", "Hong Kong Open Tennis Championships", "World Cup": events, not entities.
        if run.count >= 2, run.contains(where: { Self.eventHeads.contains(facts.exact[$0]) && $0 > run.lowerBound }),
           lexicon.organization(facts.exact[..<run.upperBound], at: run.lowerBound)?.length != run.count {
            context = Context()
            return run.upperBound
        }
        lazy var endsWithHead = run.count >= 2 && Self.organizationHeads.contains(facts.exact[run.upperBound - 1])
            && !Self.eventHeads.contains(facts.exact[run.upperBound - 1])
        lazy var institutionLike = run.contains { index in
            Self.organizationHeads.contains(facts.exact[index]) && (index == run.upperBound - 1
                || (index + 1 < run.upperBound && Words.ofOrFor.contains(facts.folded[index + 1])))
        }
        func flushName(upTo end: Int) {
            guard let start = nameStart, start < end else { nameStart = nil; return }
            nameStart = nil
            // In a Title Case headline capitals say nothing: only a given name (and the word after it) makes a name.
            var name = start..<end
            if titleCase, !Self.organizationHeads.contains(facts.exact[end - 1]) {
                guard let first = (start..<end).first(where: { lexicon.givenName(facts.exact[$0]).map { !$0.ambiguous } == true }),
                      first + 1 < end else { return }
                name = first..<min(end, first + 2)
            }
            if let candidate = classifyName(name, sentence: sentence, context: context) {
                candidates.append(candidate)
                context = Context()
            }
        }
        while position < runEndIndex {
            let inName = nameStart != nil
            // Right after an honorific a capitalised word is a name even if it is also a title ("Mr. King").
            let afterHonorific = position > run.lowerBound && lexicon.honorific(facts.exact[position - 1]) != nil
                || (position > run.lowerBound + 1 && facts.text.equals(position - 1, ".") && lexicon.honorific(facts.exact[position - 2]) != nil)
            // A one-word title that ends a name is its surname ("Raj Shah said", "Martin Luther King").
            let endsName = inName && position + 1 == runEndIndex
            // The run's first word was just tested for a title by `matchSentence`, with the same limit.
            if !afterHonorific, position != run.lowerBound, let length = titleMatch(at: position, limit: sentence.upperBound),
               !(inName && length == 1 && (!facts.capitalized[position] || endsName)) {
                // Capitalised words right before a title modify it ("Tory co-chairman", "Lib Dem
                // spokesman", "Kremlin aide"): they name the body the person speaks for, not a person.
                if let start = nameStart, start < position {
                    let words = start..<position
                    // Before a lower-case role the words always modify it; before a capitalised title
                    // ("Vladimir President"?) only when they cannot be a person's given name.
                    if !facts.capitalized[position] || lexicon.givenName(facts.exact[start]) == nil || words.count == 1 {
                        appendTitleModifier(words, context: &context, into: &candidates)
                        nameStart = nil
                    }
                }
                flushName(upTo: position)
                let title = written(position..<position + length)
                if !context.roles.contains(title) { context.roles.append(title) }
                position += length
                // A title may run past the capitalised words ("Secretary of the Army"): so does the run.
                if position >= runEndIndex, position < sentence.upperBound, facts.capitalized[position] {
                    runEndIndex = runEnd(from: position, limit: sentence.upperBound)
                }
                continue
            }
            if let gender = lexicon.honorific(facts.exact[position]),
               (lexicon.place(facts.exact[..<runEndIndex], at: position)?.length ?? 0) < 2 {
                flushName(upTo: position)
                let text = facts.text[position]
                context.honorific = text.hasSuffix(".") ? String(text.dropLast()) : text
                context.gender = gender ?? context.gender
                position += 1
                if position < run.upperBound, facts.text.equals(position, ".") { position += 1 }
                continue
            }
            if !inName, let (length, organization) = lexicon.organization(facts.exact[..<runEndIndex], at: position) {
                // An organisation directly before a title is an affiliation ("Kremlin aide Yuri Ushakov").
                candidates.append(MentionCandidate(tokens: position..<position + length, type: .organization,
                                                   canonical: organization.name, affiliation: organization.country,
                                                   rule: "lexicon:organizations"))
                context.affiliation = organization.country ?? organization.name
                position += length
                continue
            }
            if let (length, place) = placeMatch(at: position, limit: runEndIndex),
               !(institutionLike && length == 1 && place.kind == .city && position + 1 < runEndIndex),
               // "Kurdistan Democratic Party", "Chicago Board of Trade": a place opening a run that ends
               // in an institution word is part of the institution's name.
               !(position == run.lowerBound && endsWithHead && position + length < runEndIndex),
               // "Douglas & Lomason": a firm's name, not a place.
               !run.contains(where: { facts.text.equals($0, "&") }),
               acceptPlace(place, at: position..<position + length, inName: inName || !context.roles.isEmpty || context.honorific != nil,
                           sentence: sentence) {
                flushName(upTo: position)
                if isTeamContext(after: position + length, before: position, sentence: sentence) {
                    // "Leicestershire beat Somerset", "Chicago 5 Houston 3": a place standing for its team.
                    candidates.append(MentionCandidate(tokens: position..<position + length, type: .organization, rule: "team"))
                    position += length
                    continue
                }
                candidates.append(MentionCandidate(tokens: position..<position + length, type: .place, canonical: lexicon.name(of: place),
                                                   affiliation: place.kind == .country ? nil : lexicon.country(of: place),
                                                   rule: "gazetteer"))
                context.affiliation = lexicon.country(of: place) ?? lexicon.name(of: place)
                position += length
                continue
            }
            if !inName, let country = lexicon.demonymCountry(facts.exact[position]) {
                context.affiliation = country
                // "European leaders", "Russian officials": a collective actor standing for the place.
                let next = position + 1
                if next < sentence.upperBound, !facts.capitalized[next], Self.groupNouns.contains(facts.folded[next]) {
                    candidates.append(MentionCandidate(tokens: position..<next, type: .place, canonical: country, rule: "demonym-group"))
                }
                position += 1
                continue
            }
            if facts.text.contains(position, byte: UInt8(ascii: "-")),
               facts.text.hasSuffix(position, "-born") || facts.text.hasSuffix(position, "-based")
                || facts.text.hasSuffix(position, "-led") || facts.text.hasSuffix(position, "-backed") {
                flushName(upTo: position)
                position += 1
                continue
            }
            if nameStart == nil {
                // Skip sentence-initial function words and words that are never names.
                if Self.sentenceFunctionWords.contains(facts.exact[position]) || !facts.capitalized[position] {
                    position += 1
                    continue
                }
                nameStart = position
            }
            position += 1
        }
        // "Lib Dem spokesman", "Tory co-chairman": capitalised words before a lower-case role name
        // the body the role belongs to.
        if let start = nameStart, runEndIndex < sentence.upperBound, !facts.capitalized[runEndIndex],
           titleMatch(at: runEndIndex, limit: sentence.upperBound) != nil,
           !(runEndIndex - start >= 2 && lexicon.givenName(facts.exact[start]) != nil) {
            appendTitleModifier(start..<runEndIndex, context: &context, into: &candidates)
            nameStart = nil
        }
        flushName(upTo: runEndIndex)
        return runEndIndex
    }

    /// Capitalised words before a title name the body the person speaks for; a party adjective
    /// ("Republican nominee") names the party.
    private func appendTitleModifier(_ words: Range<Int>, context: inout Context, into candidates: inout [MentionCandidate]) {
        if words.count == 1, let party = lexicon.party(adjective: facts.exact[words.lowerBound]) {
            candidates.append(MentionCandidate(tokens: words, type: .organization, canonical: party.name, affiliation: party.country,
                                               rule: "title-modifier"))
            context.affiliation = party.name
        } else {
            candidates.append(MentionCandidate(tokens: words, type: .organization, rule: "title-modifier"))
            context.affiliation = written(words)
        }
    }

    /// Words that end the names of events, not of entities.
    static let eventHeads = TokenSet(eventHeadWords, case: .exact)
    private static let eventHeadWords = ["Championships", "Championship", "Open", "Cup", "Series", "Games", "Olympics", "Prix",
                                          "Tournament", "Trophy", "Masters", "Classic", "Grand", "Derby", "Marathon", "Rally",
                                          "Festival", "Awards", "Award", "Prize", "War", "Crisis", "Accord", "Accords", "Treaty"]

    static let sportsVerbs: TokenSet = ["beat", "beats", "defeated", "drew", "lost", "won", "thrashed", "routed", "edged",
                                           "trailed", "overcame", "outplayed", "hammered", "crushed", "downed", "blanked", "swept"]

    /// Sports results: a place followed by a result verb, by a score, or listed after "beat".
    private func isTeamContext(after end: Int, before start: Int, sentence: Range<Int>) -> Bool {
        if end < sentence.upperBound, Self.sportsVerbs.contains(facts.folded[end]) { return true }
        if end + 1 < sentence.upperBound, facts.kinds[end] == .number, facts.capitalized[end + 1] || end + 1 == sentence.upperBound - 1 {
            return true
        }
        if start - 1 >= sentence.lowerBound, Words.beforeOpponentVerb.contains(facts.folded[start - 1]) {
            return true
        }
        return false
    }

    static let placePrepositions: TokenSet = ["in", "near", "outside", "around", "from", "to", "at", "into", "across", "via",
                                                 "through", "inside", "towards", "toward"]

    /// "in X", "near X", "X, Kansas": context that makes a capitalised word a place.
    private func hasPlaceContext(before index: Int, after end: Int, sentence: Range<Int>) -> Bool {
        if index - 1 >= sentence.lowerBound, Self.placePrepositions.contains(facts.folded[index - 1]) { return true }
        if index - 2 >= sentence.lowerBound, Self.placePrepositions.contains(facts.folded[index - 2]), facts.lower.equals(index - 1, "the") { return true }
        if end + 1 < sentence.upperBound, facts.text.equals(end, ","), facts.capitalized[end + 1],
           lexicon.place(facts.exact[..<sentence.upperBound], at: end + 1) != nil { return true }
        return false
    }

    /// Ambiguous places (Jordan, Georgia, Paris) need place context and must not continue a name.
    private func acceptPlace(_ place: PlaceInfo, at tokens: Range<Int>, inName: Bool, sentence: Range<Int>) -> Bool {
        if inName { return false }
        // A small town named like a common word ("Police", "Most", "March"): not at a sentence start,
        // and never from a short all-capitals word ("TO") outside a headline.
        if tokens.count == 1, place.kind == .city {
            let index = tokens.lowerBound
            let startsSentence = index == sentence.lowerBound || (index - 1 >= sentence.lowerBound && facts.kinds[index - 1] == .quote)
            if startsSentence || (facts.allCaps[index] && facts.text[index].count <= 3) { return false }
            // Towns under 100,000 people ("Alliance", "Ocean", "University" in the US) need place
            // context: a preposition before them or ", Region" after them.
            if place.population < 100_000, !hasPlaceContext(before: index, after: index + 1, sentence: sentence) { return false }
        }
        let next = tokens.upperBound
        // "Paris said", "Jordan told": a speaker, not a place.
        if next < sentence.upperBound, isSpeechVerb(next), place.ambiguous { return false }
        // "Vladimir Putin", "Georgia Meloni", "Mary Hale": a given name followed by a capitalised word
        // that is no place of note (a small town named Hale does not make Mary a place).
        if next < sentence.upperBound, facts.capitalized[next], tokens.count == 1,
           lexicon.givenName(facts.exact[tokens.lowerBound]) != nil || (place.ambiguous && lexicon.isSurname(facts.exact[next])),
           !isNotablePlace(at: next, limit: sentence.upperBound) {
            return false
        }
        guard place.ambiguous else { return true }
        let previous = tokens.lowerBound - 1
        if previous >= sentence.lowerBound {
            if Words.beforeAmbiguousPlace.contains(facts.folded[previous]) {
                return true
            }
        }
        // Sentence-initial or otherwise unsupported: accept only if it is not also a given name.
        return lexicon.givenName(facts.exact[tokens.lowerBound]) == nil
    }

    private func isSpeechVerb(_ index: Int) -> Bool {
        facts.kinds[index] == .word && lexicon.isSpeechVerb(folded: facts.folded[index])
    }

    /// A place name at `index` that reads as a place without context: several words, a country or
    /// region, or a city of 100,000 people or more that is not also a common word.
    private func isNotablePlace(at index: Int, limit: Int) -> Bool {
        guard let (length, place) = lexicon.place(facts.exact[..<limit], at: index) else { return false }
        return length > 1 || place.kind != .city || (place.population >= 100_000 && !place.ambiguous)
    }

    /// Decides what a leftover run of capitalised words is.
    private func classifyName(_ name: Range<Int>, sentence: Range<Int>, context: Context) -> MentionCandidate? {
        var name = name
        // Trim trailing connectors and leading determiners.
        while name.count > 1, !facts.capitalized[name.upperBound - 1] { name = name.lowerBound..<name.upperBound - 1 }
        // "Crooked Hillary Clinton", "Rival Anneke Visser", "Injecting Clinton …": a word that is neither a
        // given name nor a surname, before a given name that opens the rest of the name, is an epithet
        // or the sentence's first word, not part of the name.
        if name.count >= 2, !facts.allCaps[name.lowerBound], facts.kinds[name.lowerBound] == .word,
           lexicon.givenName(facts.exact[name.lowerBound]) == nil, !lexicon.isSurname(facts.exact[name.lowerBound]),
           lexicon.honorific(facts.exact[name.lowerBound]) == nil,
           let given = lexicon.givenName(facts.exact[name.lowerBound + 1]), !given.ambiguous || name.count >= 3,
           name.count >= 3 || (name.lowerBound == sentence.lowerBound && facts.lower.hasSuffix(name.lowerBound, "ing")) {
            name = name.lowerBound + 1..<name.upperBound
        }
        lazy var first = facts.text[name.lowerBound]
        let hasTitle = !context.roles.isEmpty || context.honorific != nil
        if name.count == 1, !hasTitle {
            // A lone letter ("N", "S") names nobody.
            if facts.length[name.lowerBound] == 1 && first.utf8.count == 1 { return nil }
            // "May 22", "22 May", "on May": a month, not a person.
            if Self.months.contains(facts.folded[name.lowerBound]) {
                let next = name.upperBound
                let previous = name.lowerBound - 1
                if next < sentence.upperBound, facts.kinds[next] == .number { return nil }
                if previous >= sentence.lowerBound,
                   facts.kinds[previous] == .number || ["in", "on", "since", "until", "by", "last", "next", "early", "late", "mid", "of"]
                    .contains(facts.lower[previous]) { return nil }
            }
        }
        let startsSentence = name.lowerBound == sentence.lowerBound
            || (name.lowerBound > sentence.lowerBound && facts.kinds[name.lowerBound - 1] == .quote
                && name.lowerBound - 1 == sentence.lowerBound)
        var person = MentionCandidate(tokens: name, type: .person, roles: context.roles, honorific: context.honorific,
                                      affiliation: context.affiliation, gender: context.gender, rule: "name")
        let headBeforeOf = name.dropLast().contains { index in
            Self.organizationHeads.contains(facts.exact[index]) && Words.ofOrFor.contains(facts.folded[index + 1])
        }
        // Events ("Open Tennis Championships", "World Series") are neither people, places nor bodies.
        if Self.eventHeads.contains(facts.exact[name.upperBound - 1]) { return nil }
        // A shouted phrase ("DOCTORS DON'T WANT TO TALK TO HIM") is no name: names in capitals hold
        // no function words.
        if name.count >= 3, name.contains(where: { facts.allCaps[$0] && isFunctionWord($0) }) { return nil }
        let ampersand = name.contains { facts.text.equals($0, "&") }
        if (Self.organizationHeads.contains(facts.exact[name.upperBound - 1]) && name.count >= 2) || headBeforeOf || ampersand {
            return MentionCandidate(tokens: name, type: .organization, rule: "organization-pattern")
        }
        if name.count > 1, Self.placeHeads.contains(facts.exact[name.upperBound - 1]) {
            return MentionCandidate(tokens: name, type: .place, rule: "place-pattern")
        }
        // Words that are never names (`Monday`, `Ministry`) cannot start or end a person's name.
        var trimmed = name
        while !trimmed.isEmpty, lexicon.isNonName(facts.exact[trimmed.lowerBound]) { trimmed = trimmed.lowerBound + 1..<trimmed.upperBound }
        while !trimmed.isEmpty, lexicon.isNonName(facts.exact[trimmed.upperBound - 1]) { trimmed = trimmed.lowerBound..<trimmed.upperBound - 1 }
        if trimmed != name {
            guard !trimmed.isEmpty, facts.capitalized[trimmed.lowerBound] else { return nil }
            return classifyName(trimmed, sentence: sentence, context: context)
        }
        if hasTitle {
            person.rule = context.honorific != nil && context.roles.isEmpty ? "honorific+name" : "title+name"
            return person
        }
        if facts.allCaps[name.lowerBound] && name.count == 1 {
            // Unknown acronyms are organisations more often than not (NYPD, FBI).
            return first.count >= 2 && first.count <= 6 && !startsSentence ? MentionCandidate(tokens: name, type: .organization, rule: "acronym") : nil
        }
        if let given = lexicon.givenName(facts.exact[name.lowerBound]), name.count >= 2 || !given.ambiguous {
            if name.count >= 2 || !startsSentence {
                person.rule = "given-name"
                // A lone word may be a surname that is also a given name ("Clinton criticized …"):
                // only a given name before a surname tells the gender.
                if name.count >= 2 { person.gender = person.gender ?? given.gender }
                return person
            }
        }
        // "Analysts said": a lone sentence-initial word next to a speech verb is a person only if
        // it looks like a name (a known surname, or not a plural common noun).
        lazy var nextIsParticiple = name.upperBound < sentence.upperBound && facts.lower.hasSuffix(name.upperBound, "ing")
        if hasSpeechContext(name, sentence: sentence),
           !(startsSentence && name.count == 1 && !lexicon.isSurname(facts.exact[name.lowerBound]) && (first.hasSuffix("s") || nextIsParticiple)) {
            person.rule = "speech-verb"
            return person
        }
        if hasApposition(after: name, sentence: sentence) {
            person.rule = "apposition"
            return person
        }
        if name.count >= 2, name.count <= 4, !startsSentence || lexicon.isSurname(facts.exact[name.upperBound - 1]) {
            person.rule = "capitalised-name"
            return person
        }
        // "M. Butcher scored 40": an initial before a capitalised word is a name, even opening a sentence.
        if name.count >= 2, name.count <= 4, isInitial(name.lowerBound), !facts.allCaps[name.lowerBound + 1] {
            person.rule = "initial+name"
            return person
        }
        if name.count == 1, !startsSentence, lexicon.isSurname(facts.exact[name.lowerBound]) {
            person.rule = "surname"
            return person
        }
        // A capitalised word that recurs in mid-sentence, that no lexicon knows and that nothing marks
        // as a person is, in news text, most often a company or body ("Pirelli", "Rabobank"); a full
        // name with it as surname still wins at alias resolution.
        if name.count == 1, !startsSentence, !facts.allCaps[name.lowerBound], lexicon.givenName(facts.exact[name.lowerBound]) == nil,
           hasPlaceContext(before: name.lowerBound, after: name.upperBound, sentence: sentence) {
            return MentionCandidate(tokens: name, type: .place, rule: "place-context")
        }
        if name.count == 1, !startsSentence, !facts.allCaps[name.lowerBound], lexicon.givenName(facts.exact[name.lowerBound]) == nil,
           midSentenceCounts[TokenMap<Int>.key(facts.exact[name.lowerBound])] ?? 0 >= 2,
           name.upperBound < sentence.upperBound, facts.kinds[name.upperBound] != .possessive, first.count > 2 {
            return MentionCandidate(tokens: name, type: .organization, rule: "unknown-capitalised")
        }
        return nil
    }

    /// The gazetteer entry starting at `index`; a name in capitals inside running text ("CHICAGO 5
    /// NEW YORK 3") is looked up case-insensitively, as in headlines, unless it is a function word.
    private func placeMatch(at index: Int, limit: Int) -> (length: Int, place: PlaceInfo)? {
        if let match = lexicon.place(facts.exact[..<limit], at: index) { return match }
        guard facts.allCaps[index], facts.length[index] > 2, !isFunctionWord(index) else { return nil }
        return lexicon.place(facts.folded[..<limit], at: index, folded: true)
    }

    /// One capital letter and a full stop (`M.`).
    private func isInitial(_ index: Int) -> Bool {
        let text = facts.text[index].utf8
        guard text.count == 2, let letter = text.first else { return false }
        return letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "Z") && text.last == UInt8(ascii: ".")
    }

    /// `X said`, `X told`, `said X`, `X, 45, said`.
    private func hasSpeechContext(_ name: Range<Int>, sentence: Range<Int>) -> Bool {
        let next = name.upperBound
        if next < sentence.upperBound, facts.kinds[next] == .possessive { return false }
        if next < sentence.upperBound, isSpeechVerb(next) { return true }
        // "X has said", "X also told".
        if next + 1 < sentence.upperBound, Words.beforeSpeechVerb.contains(facts.folded[next]), isSpeechVerb(next + 1) {
            return true
        }
        // "X, 54, said" / "X, a dock worker, said": one comma-delimited apposition, then the verb.
        if next < sentence.upperBound, facts.text.equals(next, ",") {
            var close = next + 1
            while close < min(sentence.upperBound, next + 10), !facts.text.equals(close, ",") { close += 1 }
            if close + 1 < sentence.upperBound, facts.text.equals(close, ","), isSpeechVerb(close + 1) { return true }
        }
        let previous = name.lowerBound - 1
        if previous >= sentence.lowerBound, isSpeechVerb(previous) { return true }
        // "according to X"
        if previous - 1 >= sentence.lowerBound, facts.lower.equals(previous, "to"), facts.lower.equals(previous - 1, "according") { return true }
        return false
    }

    /// `X, a doctor at …,` / `X, who chairs …` / `X, the spokesman`.
    private func hasApposition(after name: Range<Int>, sentence: Range<Int>) -> Bool {
        let comma = name.upperBound
        guard comma + 1 < sentence.upperBound, facts.text.equals(comma, ",") else { return false }
        let word = facts.lower[comma + 1]
        if word == "who" { return true }
        guard Words.appositionOpeners.contains(facts.folded[comma + 1]) else { return false }
        // A role word within the next few tokens.
        var index = comma + 2
        while index < min(sentence.upperBound, comma + 6) {
            if titleMatch(at: index, limit: sentence.upperBound) != nil { return true }
            index += 1
        }
        return false
    }

    // MARK: - Headlines

    /// ALL-CAPS lines (headlines, wire slugs): only lexicon entries, matched case-insensitively.
    /// A capitalised or upper-case sentence function word (`The`, `TO`).
    private func isFunctionWord(_ index: Int) -> Bool {
        Self.functionWordsAnyCase.contains(facts.folded[index])
    }

    private func matchHeadline(_ tokens: Range<Int>, into candidates: inout [MentionCandidate]) {
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            guard facts.kinds[index] == .word else { index += 1; continue }
            if let (length, organization) = lexicon.organization(facts.exact[..<tokens.upperBound], at: index)
                ?? lexicon.organization(facts.folded[..<tokens.upperBound], at: index, folded: true) {
                candidates.append(MentionCandidate(tokens: index..<index + length, type: .organization, canonical: organization.name,
                                                   affiliation: organization.country, rule: "lexicon:organizations"))
                index += length
                continue
            }
            // Folding drops accents as well as case, so "TO" would find the town "Tô": a function
            // word alone is never a place in a headline.
            if let (length, place) = lexicon.place(facts.folded[..<tokens.upperBound], at: index, folded: true),
               !place.ambiguous || place.kind == .country, length > 1 || !isFunctionWord(index) {
                candidates.append(MentionCandidate(tokens: index..<index + length, type: .place, canonical: lexicon.name(of: place),
                                                   affiliation: place.kind == .country ? nil : lexicon.country(of: place),
                                                   rule: "gazetteer"))
                index += length
                continue
            }
            index += 1
        }
    }
}
