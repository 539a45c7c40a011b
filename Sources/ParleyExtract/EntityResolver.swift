import ParleyLexicon
import ParleyModel

/// Merges mention candidates into entities: aliases (`Trump` = `Donald Trump`), canonical names,
/// roles and affiliations, and finds the later bare-surname mentions the matcher could not
/// classify on their own.
///
/// Conflict resolution is deterministic: candidates are ordered by start, then longer first; an
/// overlapping later candidate is dropped.
///
/// A class, not a struct: the closures that build names and forms capture `self`, and capturing a
/// struct holding a `Document` copied it (a retain of each of its arrays) on every mention.
final class EntityResolver {
    let facts: TokenFacts
    let document: Document

    init(facts: TokenFacts, document: Document) {
        self.facts = facts
        self.document = document
    }

    /// What makes two candidates the same entity before aliases are considered: the type and the
    /// name's bytes, as one well-mixed 64-bit key for a ``UInt64Map``. Names compare by their UTF-8
    /// bytes (`String` equality would also equate canonically equivalent spellings); the lookups
    /// this replaces hashed each `String` with SipHash, a large share of resolving.
    private static func draftKey(_ type: EntityType, _ name: UInt64) -> UInt64 {
        // A number per type, without `allCases` (an array built on every call).
        let number: UInt64 = switch type {
        case .person: 1
        case .place: 2
        case .organization: 3
        }
        return TokenHash.combine(name, number)
    }

    /// The key of a name: its bytes hashed (FNV-1a, no folding: unlike ``TokenHash``, `’` and `'`
    /// differ, as they did when names were compared as strings) and mixed for a ``UInt64Map``.
    private static func nameKey(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { mixed(fnv(fnvBasis, $0)) }
    }

    private static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }

    private static func fnv(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = fnv(hash, byte) }
        return hash
    }

    private static func mixed(_ hash: UInt64) -> UInt64 { TokenHash.combine(TokenHash.sequenceSeed, hash) }

    /// The key of the name token `index` is, without making a `String` of it.
    private func nameKey(token index: Int) -> UInt64 { nameKey(range: document.tokens[index].range) }

    /// The key of the document text in `range`.
    private func nameKey(range: TextRange) -> UInt64 {
        Self.mixed(Self.fnv(Self.fnvBasis, facts.bytes.of(range)))
    }

    /// The key of tokens joined by single spaces (what ``written(_:)`` makes), without making it.
    private func nameKey(tokens: Range<Int>) -> UInt64 {
        guard tokens.count > 1 else { return nameKey(token: tokens.lowerBound) }
        var hash = Self.fnvBasis
        for index in tokens {
            if index > tokens.lowerBound { hash = Self.fnv(hash, 0x20) }
            hash = Self.fnv(hash, facts.bytes.of(document.tokens[index].range))
        }
        return Self.mixed(hash)
    }

    /// An entity being assembled. Name words and forms carry their byte keys (`nameKey`), so a
    /// repeated mention is matched and merged without building its strings again.
    ///
    /// Most entities have a one-word or two-word name and one form: the name's tokens and the first
    /// form are held inline, and only further forms go to arrays (each draft used to allocate three
    /// small arrays, and freeing them was a tenth of resolving).
    private struct Draft {
        var type: EntityType
        var name: String
        /// The tokens of the longest name seen; their keys are compared (the number and the last one)
        /// and indexed, and are computed again from the tokens when needed.
        var nameTokens: Range<Int>
        /// The key of the name's last word.
        var lastNameKey: UInt64
        /// The key of the name words joined by spaces.
        var fullNameKey: UInt64
        /// The first form as written and its key; nil until the first mention.
        var firstForm: (key: UInt64, text: String)?
        var moreForms: [String] = []
        var moreFormKeys: [UInt64] = []
        var roles: [String] = []
        var affiliation: String?
        var honorific: String?
        var gender: Gender?
        /// Its mentions as the entity will hold them (ranges of text, in the order found).
        var mentions: [Mention] = []

        /// Adds a form unless one with the same bytes is there; `form` is built only when it is new.
        mutating func addForm(key: UInt64, _ form: () -> String) {
            guard let first = firstForm else {
                firstForm = (key, form())
                return
            }
            guard key != first.key, !moreFormKeys.contains(key) else { return }
            moreForms.append(form())
            moreFormKeys.append(key)
        }

        /// `body` over every form (its key and text), in the order first seen.
        func forEachForm(_ body: (UInt64, String) -> Void) {
            guard let first = firstForm else { return }
            body(first.key, first.text)
            for index in moreForms.indices { body(moreFormKeys[index], moreForms[index]) }
        }
    }

    /// - Parameter candidates: consumed, so the reclassification below changes the caller's array in
    ///   place instead of copying every candidate first.
    func resolve(_ candidates: consuming [MentionCandidate]) -> [Entity] {
        // A guessed organisation that is the surname of a person named in full is that person.
        var surnames = UInt64Map<Bool>(capacity: 8)
        // …and one that is elsewhere a place ("the town of Velmira", "in Velmira") is that place.
        var places = UInt64Map<Bool>(capacity: 8)
        // A name that stands for a team once ("Surrey 429-7") is that team throughout the article
        // ("title rivals Essex and Surrey"), except as a venue ("in Surrey", "at Chicago").
        var teams: Set<String> = []
        for index in candidates.indices {
            let (type, tokens) = (candidates[index].type, candidates[index].tokens)
            if type == .person && tokens.count >= 2 { surnames[nameKey(token: tokens.upperBound - 1)] = true }
            if type == .place && tokens.count == 1 { places[nameKey(token: tokens.lowerBound)] = true }
            if candidates[index].rule == "team" { teams.insert(written(tokens)) }
        }
        // Changed in place and visited through sorted indices: a candidate is a large value, and
        // mapping and sorting copies of them dominated resolving.
        // Fields are read in place throughout: a candidate copied out retains its strings and arrays.
        for index in candidates.indices {
            let tokens = candidates[index].tokens
            if !teams.isEmpty, candidates[index].type != .organization, candidates[index].roles.isEmpty,
               candidates[index].honorific == nil, teams.contains(written(tokens)), !isVenue(tokens.lowerBound) {
                candidates[index] = MentionCandidate(tokens: tokens, type: .organization, rule: "team")
                continue
            }
            guard candidates[index].rule == "unknown-capitalised" else { continue }
            let first = nameKey(token: tokens.lowerBound)
            if surnames[first] != nil {
                candidates[index].type = .person
                candidates[index].rule = "alias"
            } else if places[first] != nil {
                candidates[index].type = .place
                candidates[index].rule = "place-context"
            }
        }
        let ordered = candidates.indices.sorted {
            let a = candidates[$0].tokens, b = candidates[$1].tokens
            return a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.count > b.count
        }
        var covered = [Bool](repeating: false, count: facts.count)
        var accepted: [Int] = []
        for index in ordered where !candidates[index].tokens.contains(where: { covered[$0] }) {
            accepted.append(index)
            for token in candidates[index].tokens { covered[token] = true }
        }

        var drafts: [Draft] = []
        var byKey = UInt64Map<Int>(capacity: 32)        // type and canonical name → draft
        var bySurname = UInt64Map<Int>(capacity: 8)     // person surname → draft
        var surnameHashes: [UInt64] = []                // their exact token hashes, to skip other tokens cheaply
        var byNameToken = UInt64Map<Int>(capacity: 16)  // any word of a person's name → the last draft with it
        for candidateIndex in accepted {
            let tokens = candidates[candidateIndex].tokens
            let type = candidates[candidateIndex].type
            let count = tokens.count
            let lastToken = tokens.upperBound - 1
            let surfaceRange = TextRange(document.tokens[tokens.lowerBound].range.start, document.tokens[lastToken].range.end)
            // Keys from the bytes; the strings are made only for a new draft, a longer name or a new form.
            let writtenKey = nameKey(tokens: tokens)
            let key = Self.draftKey(type, type == .person ? writtenKey : candidates[candidateIndex].canonical.map(Self.nameKey) ?? writtenKey)
            let lastKey = nameKey(token: lastToken)
            var draftIndex = byKey[key]
            if type == .person {
                if draftIndex == nil { draftIndex = bySurname[lastKey] }
                // "Visser spoke first. … Anneke Visser left": the full name of a surname seen alone earlier.
                if draftIndex == nil, count >= 2,
                   let lone = byKey[Self.draftKey(.person, lastKey)], drafts[lone].nameTokens.count == 1 {
                    draftIndex = lone
                }
                // A single token may be the given name or surname of a known person.
                if draftIndex == nil, count == 1 { draftIndex = byNameToken[lastKey] }
            }
            let index: Int
            if let existing = draftIndex {
                index = existing
            } else {
                drafts.append(Draft(type: type, name: candidates[candidateIndex].canonical ?? document.string(surfaceRange),
                                    nameTokens: tokens, lastNameKey: lastKey, fullNameKey: writtenKey))
                index = drafts.count - 1
                // Room for two mentions at once (entities average two in news text; growing from one
                // reallocated).
                drafts[index].mentions.reserveCapacity(2)
            }
            // Mutated in place: copying a draft out and back would copy its growing mention list on
            // every mention (quadratic for a name repeated thousands of times).
            if type == .person, count > drafts[index].nameTokens.count,
               lastKey == drafts[index].lastNameKey || drafts[index].nameTokens.count == 1 {
                // The longest full form names a person ("Trump" seen first, "Donald Trump" later).
                drafts[index].name = document.string(surfaceRange)
                drafts[index].nameTokens = tokens
                drafts[index].lastNameKey = lastKey
                drafts[index].fullNameKey = writtenKey
            }
            drafts[index].addForm(key: nameKey(range: surfaceRange)) { document.string(surfaceRange) }
            for role in candidates[candidateIndex].roles where !drafts[index].roles.contains(role) { drafts[index].roles.append(role) }
            if drafts[index].affiliation == nil, let affiliation = candidates[candidateIndex].affiliation, affiliation != drafts[index].name {
                drafts[index].affiliation = affiliation
            }
            if drafts[index].honorific == nil { drafts[index].honorific = candidates[candidateIndex].honorific }
            if drafts[index].gender == nil { drafts[index].gender = candidates[candidateIndex].gender }
            drafts[index].mentions.append(Mention(range: surfaceRange, rule: candidates[candidateIndex].rule))
            byKey[key] = index
            if type == .person {
                for token in drafts[index].nameTokens {
                    let tokenKey = token == drafts[index].nameTokens.upperBound - 1 ? drafts[index].lastNameKey : nameKey(token: token)
                    byNameToken[tokenKey] = max(byNameToken[tokenKey] ?? index, index)
                }
                if count >= 2 {
                    // Once per surname: the list is scanned for every capitalised token later.
                    if bySurname[lastKey] == nil { surnameHashes.append(facts.exact[lastToken]) }
                    bySurname[lastKey] = index
                    byKey[Self.draftKey(.person, drafts[index].fullNameKey)] = index
                }
            }
        }

        let organizations = bareOrganizationNames(drafts)
        // One pass over the unclaimed capitalised tokens tries the three kinds of bare mention in
        // order (surname, team, organisation): each claims only the token it tests, so this is the
        // same as three passes, one per kind, and a third of the work.
        for index in 0..<facts.count where !covered[index] && facts.capitalized[index] {
            if !bySurname.isEmpty, surnameHashes.contains(facts.exact[index]),
               addBareSurname(index, &drafts, bySurname: bySurname) { continue }
            if !teams.isEmpty, addBareTeam(index, &drafts, teams: teams, byKey: byKey) { continue }
            if !organizations.hashes.isEmpty, organizations.hashes.contains(facts.exact[index]),
               addBareOrganization(index, &drafts, byName: organizations.byName) { continue }
        }
        return finish(consume drafts)
    }

    /// The one-word names of one-word organisations: their keys, and their exact token hashes to skip
    /// other tokens cheaply.
    private func bareOrganizationNames(_ drafts: [Draft]) -> (byName: UInt64Map<Int>, hashes: [UInt64]) {
        var byName = UInt64Map<Int>(capacity: 8)
        var hashes: [UInt64] = []
        for index in drafts.indices where drafts[index].type == .organization && drafts[index].nameTokens.count == 1 {
            // A form's key is the name key of its text (both hash the same bytes).
            drafts[index].forEachForm { key, form in
                guard !form.contains(" "), byName[key] == nil else { return }
                byName[key] = index
                hashes.append(TokenHash.exact(form))
            }
        }
        return (byName, hashes)
    }

    /// An unclaimed one-word mention of a one-word organisation named elsewhere, such as a sentence's
    /// first word, which the matcher leaves alone ("Pirelli rose. … Pirelli said").
    private func addBareOrganization(_ index: Int, _ drafts: inout [Draft], byName: UInt64Map<Int>) -> Bool {
        guard let draft = byName[nameKey(token: index)] else { return false }
        if isCapitalizedInSentence(index + 1, with: index) { return false }
        drafts[draft].mentions.append(Mention(range: document.tokens[index].range, rule: "alias"))
        return true
    }

    /// Whether token `neighbour` exists, is capitalised and is in token `index`'s sentence: a bare
    /// mention next to one is part of a longer name ("Trump Tower"), not the entity alone.
    private func isCapitalizedInSentence(_ neighbour: Int, with index: Int) -> Bool {
        neighbour >= 0 && neighbour < facts.count && facts.capitalized[neighbour] && facts.sentenceOf[neighbour] == facts.sentenceOf[index]
    }

    /// The candidate's tokens joined by spaces.
    private func written(_ tokens: Range<Int>) -> String {
        tokens.map { facts.text[$0] }.joined(separator: " ")
    }

    /// `in X`, `at X`: a place where something happens, not a team.
    private func isVenue(_ index: Int) -> Bool {
        index > 0 && Words.venueWords.contains(facts.folded[index - 1])
    }

    /// An unclaimed one-word mention of a team named elsewhere in the article ("reducing Worcestershire to 133").
    private func addBareTeam(_ index: Int, _ drafts: inout [Draft], teams: Set<String>, byKey: UInt64Map<Int>) -> Bool {
        guard teams.contains(facts.text[index]), let draft = byKey[Self.draftKey(.organization, nameKey(token: index))],
              !isVenue(index) else { return false }
        if isCapitalizedInSentence(index + 1, with: index) { return false }
        if isCapitalizedInSentence(index - 1, with: index) { return false }
        drafts[draft].mentions.append(Mention(range: document.tokens[index].range, rule: "team"))
        return true
    }

    /// An unclaimed capitalised token that equals a known person's surname is that person.
    private func addBareSurname(_ index: Int, _ drafts: inout [Draft], bySurname: UInt64Map<Int>) -> Bool {
        guard let draft = bySurname[nameKey(token: index)] else { return false }
        // "May 22": a date, even in an article about Theresa May.
        if EntityMatcher.months.contains(facts.folded[index]), index + 1 < facts.count, facts.kinds[index + 1] == .number,
           facts.sentenceOf[index + 1] == facts.sentenceOf[index] { return false }
        // Not inside a longer capitalised name ("Trump Tower").
        if isCapitalizedInSentence(index + 1, with: index) { return false }
        drafts[draft].mentions.append(Mention(range: document.tokens[index].range, rule: "alias"))
        drafts[draft].addForm(key: nameKey(token: index)) { facts.text[index] }
        return true
    }

    private func finish(_ drafts: consuming [Draft]) -> [Entity] {
        // Entities are numbered in order of first mention.
        // (Mentions never share a token, so text order is token order.)
        let firstMention = drafts.indices.map { drafts[$0].mentions.lazy.map(\.range.start).min() ?? 0 }
        let order = drafts.indices.sorted { firstMention[$0] < firstMention[$1] }
        var entities: [Entity] = []
        entities.reserveCapacity(drafts.count)
        for draftIndex in order {
            // Moved out, not copied: the entity takes over the draft's strings and arrays.
            var draft = Draft(type: .person, name: "", nameTokens: 0 ..< 0, lastNameKey: 0, fullNameKey: 0)
            swap(&draft, &drafts[draftIndex])
            // Mostly in order already (bare mentions are added after the others).
            if zip(draft.mentions, draft.mentions.dropFirst()).contains(where: { $0.range.start > $1.range.start }) {
                draft.mentions.sort { $0.range.start < $1.range.start }
            }
            var aliases: [String] = []
            draft.forEachForm { _, form in
                if form != draft.name && !aliases.contains(form) { aliases.append(form) }
            }
            entities.append(Entity(index: entities.count, type: draft.type, name: draft.name, aliases: aliases, roles: draft.roles,
                                   affiliation: draft.affiliation, honorific: draft.honorific, gender: draft.gender,
                                   mentions: draft.mentions))
        }
        return entities
    }
}
