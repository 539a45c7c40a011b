import ParleyLexicon
import ParleyModel

/// Merges mention candidates into entities: aliases (`Trump` = `Donald Trump`), canonical names,
/// roles and affiliations, and finds the later bare-surname mentions the matcher could not
/// classify on their own.
///
/// Conflict resolution is deterministic: candidates are ordered by start, then longer first; an
/// overlapping later candidate is dropped.
struct EntityResolver {
    let facts: TokenFacts
    let document: Document

    /// What makes two candidates the same entity before aliases are considered.
    private struct DraftKey: Hashable {
        let type: EntityType
        let name: String
    }

    /// An entity being assembled.
    private struct Draft {
        var type: EntityType
        var name: String
        var nameTokens: [String]
        var forms: [String] = []
        var roles: [String] = []
        var affiliation: String?
        var honorific: String?
        var gender: Gender?
        var mentions: [(tokens: Range<Int>, rule: String)] = []
    }

    func resolve(_ candidates: [MentionCandidate]) -> [Entity] {
        // A guessed organisation that is the surname of a person named in full is that person.
        let surnames = Set(candidates.filter { $0.type == .person && $0.tokens.count >= 2 }.map { facts.text[$0.tokens.upperBound - 1] })
        // …and one that is elsewhere a place ("the town of Velmira", "in Velmira") is that place.
        let places = Set(candidates.filter { $0.type == .place && $0.tokens.count == 1 }.map { facts.text[$0.tokens.lowerBound] })
        // A name that stands for a team once ("Surrey 429-7") is that team throughout the article
        // ("title rivals Essex and Surrey"), except as a venue ("in Surrey", "at Chicago").
        let teams = Set(candidates.filter { $0.rule == "team" }.map { written($0.tokens) })
        let candidates = candidates.map { candidate -> MentionCandidate in
            if !teams.isEmpty, candidate.type != .organization, candidate.roles.isEmpty, candidate.honorific == nil,
               teams.contains(written(candidate.tokens)), !isVenue(candidate.tokens.lowerBound) {
                return MentionCandidate(tokens: candidate.tokens, type: .organization, rule: "team")
            }
            guard candidate.rule == "unknown-capitalised" else { return candidate }
            var resolved = candidate
            if surnames.contains(facts.text[candidate.tokens.lowerBound]) {
                resolved.type = .person
                resolved.rule = "alias"
            } else if places.contains(facts.text[candidate.tokens.lowerBound]) {
                resolved.type = .place
                resolved.rule = "place-context"
            }
            return resolved
        }
        let ordered = candidates.sorted {
            $0.tokens.lowerBound != $1.tokens.lowerBound ? $0.tokens.lowerBound < $1.tokens.lowerBound : $0.tokens.count > $1.tokens.count
        }
        var covered = [Bool](repeating: false, count: facts.count)
        var accepted: [MentionCandidate] = []
        for candidate in ordered where !candidate.tokens.contains(where: { covered[$0] }) {
            accepted.append(candidate)
            for index in candidate.tokens { covered[index] = true }
        }

        var drafts: [Draft] = []
        var byKey: [DraftKey: Int] = [:]        // type and canonical name → draft
        var bySurname: [String: Int] = [:]      // person surname → draft
        var byNameToken: [String: Int] = [:]    // any word of a person's name → the last draft with it
        for candidate in accepted {
            let tokens = candidate.tokens.map { facts.text[$0] }
            let written = tokens.count == 1 ? tokens[0] : tokens.joined(separator: " ")
            let surface = document.string(TextRange(document.tokens[candidate.tokens.lowerBound].range.start,
                                                    document.tokens[candidate.tokens.upperBound - 1].range.end))
            let key = DraftKey(type: candidate.type, name: candidate.type == .person ? written : candidate.canonical ?? written)
            var draftIndex = byKey[key]
            if candidate.type == .person {
                if draftIndex == nil, let last = tokens.last { draftIndex = bySurname[last] }
                // "Visser spoke first. … Anneke Visser left": the full name of a surname seen alone earlier.
                if draftIndex == nil, tokens.count >= 2, let last = tokens.last,
                   let lone = byKey[DraftKey(type: .person, name: last)], drafts[lone].nameTokens.count == 1 {
                    draftIndex = lone
                }
                // A single token may be the given name or surname of a known person.
                if draftIndex == nil, tokens.count == 1 { draftIndex = byNameToken[tokens[0]] }
            }
            let index: Int
            if let existing = draftIndex {
                index = existing
            } else {
                drafts.append(Draft(type: candidate.type, name: candidate.canonical ?? surface, nameTokens: tokens))
                index = drafts.count - 1
            }
            // Mutated in place: copying a draft out and back would copy its growing mention list on
            // every mention (quadratic for a name repeated thousands of times).
            if candidate.type == .person, tokens.count > drafts[index].nameTokens.count,
               tokens.last == drafts[index].nameTokens.last || drafts[index].nameTokens.count == 1 {
                // The longest full form names a person ("Trump" seen first, "Donald Trump" later).
                drafts[index].name = surface
                drafts[index].nameTokens = tokens
            }
            if !drafts[index].forms.contains(surface) { drafts[index].forms.append(surface) }
            for role in candidate.roles where !drafts[index].roles.contains(role) { drafts[index].roles.append(role) }
            if drafts[index].affiliation == nil, let affiliation = candidate.affiliation, affiliation != drafts[index].name {
                drafts[index].affiliation = affiliation
            }
            if drafts[index].honorific == nil { drafts[index].honorific = candidate.honorific }
            if drafts[index].gender == nil { drafts[index].gender = candidate.gender }
            drafts[index].mentions.append((candidate.tokens, candidate.rule))
            byKey[key] = index
            if candidate.type == .person {
                for token in drafts[index].nameTokens { byNameToken[token] = max(byNameToken[token] ?? index, index) }
                if tokens.count >= 2, let last = tokens.last {
                    bySurname[last] = index
                    byKey[DraftKey(type: .person, name: drafts[index].nameTokens.joined(separator: " "))] = index
                }
            }
        }

        addBareSurnames(&drafts, bySurname: bySurname, covered: &covered)
        addBareTeams(&drafts, teams: teams, byKey: byKey, covered: &covered)
        addBareOrganizations(&drafts, covered: &covered)
        return finish(drafts)
    }

    /// Unclaimed one-word mentions of a one-word organisation named elsewhere, such as a sentence's
    /// first word, which the matcher leaves alone ("Pirelli rose. … Pirelli said").
    private func addBareOrganizations(_ drafts: inout [Draft], covered: inout [Bool]) {
        var byName: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() where draft.type == .organization && draft.nameTokens.count == 1 {
            for form in draft.forms where !form.contains(" ") && byName[form] == nil { byName[form] = index }
        }
        guard !byName.isEmpty else { return }
        let names = byName.keys.map(TokenHash.exact)
        for index in 0..<facts.count where !covered[index] && facts.capitalized[index] && names.contains(facts.exact[index]) {
            guard let draft = byName[facts.text[index]] else { continue }
            if index + 1 < facts.count, facts.capitalized[index + 1], facts.sentenceOf[index + 1] == facts.sentenceOf[index] { continue }
            drafts[draft].mentions.append((index..<index + 1, "alias"))
            covered[index] = true
        }
    }

    /// The candidate's tokens joined by spaces.
    private func written(_ tokens: Range<Int>) -> String {
        tokens.map { facts.text[$0] }.joined(separator: " ")
    }

    /// `in X`, `at X`: a place where something happens, not a team.
    private func isVenue(_ index: Int) -> Bool {
        index > 0 && Words.venueWords.contains(facts.folded[index - 1])
    }

    /// Unclaimed one-word mentions of a team named elsewhere in the article ("reducing Worcestershire to 133").
    private func addBareTeams(_ drafts: inout [Draft], teams: Set<String>, byKey: [DraftKey: Int], covered: inout [Bool]) {
        guard !teams.isEmpty else { return }
        for index in 0..<facts.count where !covered[index] && facts.capitalized[index] {
            guard teams.contains(facts.text[index]), let draft = byKey[DraftKey(type: .organization, name: facts.text[index])],
                  !isVenue(index) else { continue }
            if index + 1 < facts.count, facts.capitalized[index + 1], facts.sentenceOf[index + 1] == facts.sentenceOf[index] { continue }
            if index > 0, facts.capitalized[index - 1], facts.sentenceOf[index - 1] == facts.sentenceOf[index] { continue }
            drafts[draft].mentions.append((index..<index + 1, "team"))
            covered[index] = true
        }
    }

    /// Capitalised tokens nobody claimed that equal a known person's surname are that person.
    private func addBareSurnames(_ drafts: inout [Draft], bySurname: [String: Int], covered: inout [Bool]) {
        guard !bySurname.isEmpty else { return }
        // Token hashes first: a token whose hash is no surname's cannot be one (most tokens).
        let surnames = bySurname.keys.map(TokenHash.exact)
        for index in 0..<facts.count where !covered[index] && facts.capitalized[index] && surnames.contains(facts.exact[index]) {
            guard let draft = bySurname[facts.text[index]] else { continue }
            // "May 22": a date, even in an article about Theresa May.
            if EntityMatcher.months.contains(facts.folded[index]), index + 1 < facts.count, facts.kinds[index + 1] == .number,
               facts.sentenceOf[index + 1] == facts.sentenceOf[index] { continue }
            // Not inside a longer capitalised name ("Trump Tower").
            if index + 1 < facts.count, facts.capitalized[index + 1], facts.sentenceOf[index + 1] == facts.sentenceOf[index] { continue }
            drafts[draft].mentions.append((index..<index + 1, "alias"))
            let form = facts.text[index]
            if !drafts[draft].forms.contains(form) { drafts[draft].forms.append(form) }
            covered[index] = true
        }
    }

    private func finish(_ drafts: [Draft]) -> [Entity] {
        // Entities are numbered in order of first mention.
        let firstMention = drafts.map { draft in draft.mentions.lazy.map(\.tokens.lowerBound).min() ?? 0 }
        let order = drafts.indices.sorted { firstMention[$0] < firstMention[$1] }
        var entities: [Entity] = []
        for draftIndex in order {
            let draft = drafts[draftIndex]
            let mentions = draft.mentions.sorted { $0.tokens.lowerBound < $1.tokens.lowerBound }.map { mention in
                Mention(range: TextRange(document.tokens[mention.tokens.lowerBound].range.start,
                                         document.tokens[mention.tokens.upperBound - 1].range.end), rule: mention.rule)
            }
            var aliases: [String] = []
            for form in draft.forms where form != draft.name && !aliases.contains(form) { aliases.append(form) }
            entities.append(Entity(index: entities.count, type: draft.type, name: draft.name, aliases: aliases, roles: draft.roles,
                                   affiliation: draft.affiliation, honorific: draft.honorific, gender: draft.gender,
                                   mentions: mentions))
        }
        return entities
    }
}
