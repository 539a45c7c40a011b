import ParleyModel

/// One evidence item as a corpus report keeps it: enough to show and to rank.
public struct CorpusEvidence: Sendable, Hashable, Codable {
    /// The document it comes from.
    public var document: String
    /// The sentence quoted as evidence.
    public var sentence: String
    /// The cue that matched.
    public var cue: String
    /// optimism or skepticism.
    public var polarity: String
    /// Weight after modifiers.
    public var weight: Double
    /// Attribution rule.
    public var rule: String
    /// Scalar offset of the sentence in its document's text.
    public var start: Int

    /// Ranking: heavier first, then document id, then position, so merges pick the same items.
    static func precedes(_ a: CorpusEvidence, _ b: CorpusEvidence) -> Bool {
        if a.weight != b.weight { return a.weight > b.weight }
        if a.document != b.document { return a.document < b.document }
        if a.start != b.start { return a.start < b.start }
        return a.cue < b.cue
    }
}

/// Per-date tallies for an actor.
public struct DateTally: Sendable, Hashable, Codable {
    /// Documents published that day mentioning the actor.
    public var documents: Int
    /// Summed optimism weight, in ten-thousandths (integers keep sums exact whatever the order).
    public var optimismUnits: Int
    /// Summed skepticism weight, in ten-thousandths.
    public var skepticismUnits: Int
}

/// Everything known about one actor name of one type across documents: the unit that merges.
public struct ActorForm: Sendable, Hashable, Codable {
    /// The actor name as a document gave it (canonical within that document).
    public var name: String
    /// person, place or organization.
    public var type: String
    /// Documents the name appears in.
    public var documents: Int = 0
    /// Mentions over those documents.
    public var mentions: Int = 0
    /// Quotes attributed to it.
    public var quotes: Int = 0
    /// Summed weights in ten-thousandths (exact under any summation order).
    public var optimismUnits: Int = 0
    /// Summed skepticism weight, in ten-thousandths.
    public var skepticismUnits: Int = 0
    /// Other forms of the name seen.
    public var aliases: [String] = []
    /// Titles and roles seen.
    public var roles: [String] = []
    /// The country or body it speaks for, when known.
    public var affiliation: String?
    /// The strongest evidence, at most ``CorpusAggregator/evidenceLimit`` items.
    public var evidence: [CorpusEvidence] = []
    /// Per publication date (`YYYY-MM-DD`).
    public var byDate: [String: DateTally] = [:]

    /// Creates a value from its parts.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// Adds another form's tallies (same name and type).
    mutating func absorb(_ other: ActorForm) {
        documents += other.documents
        mentions += other.mentions
        quotes += other.quotes
        optimismUnits += other.optimismUnits
        skepticismUnits += other.skepticismUnits
        for alias in other.aliases where !aliases.contains(alias) { aliases.append(alias) }
        for role in other.roles where !roles.contains(role) { roles.append(role) }
        roles.sort()
        // The smallest name wins, so the result does not depend on the order forms arrive in.
        affiliation = [affiliation, other.affiliation].compactMap { $0 }.min()
        evidence = Array((evidence + other.evidence).sorted(by: CorpusEvidence.precedes).prefix(CorpusAggregator.evidenceLimit))
        for (date, tally) in other.byDate {
            var current = byDate[date] ?? DateTally(documents: 0, optimismUnits: 0, skepticismUnits: 0)
            current.documents += tally.documents
            current.optimismUnits += tally.optimismUnits
            current.skepticismUnits += tally.skepticismUnits
            byDate[date] = current
        }
        aliases.sort()
    }
}

/// An actor of the corpus report: one or more forms merged by canonical name and aliases.
public struct CorpusActor: Sendable {
    /// The forms it merges, the longest name first.
    public var forms: [ActorForm]
    /// All forms' tallies together.
    public var total: ActorForm

    /// Optimism and skepticism from the summed weights (``StanceFormula``).
    public var scores: (optimism: Double, skepticism: Double) {
        StanceFormula.scores(optimismWeight: Double(total.optimismUnits) / 10_000, skepticismWeight: Double(total.skepticismUnits) / 10_000)
    }
}

/// Accumulates document reports into a corpus report. Adding documents in any order, or merging
/// partial aggregators built on shards, gives the same report: tallies are integer sums, evidence
/// lists are ranked by a total order, and actors are grouped from their forms only at the end.
public struct CorpusAggregator: Sendable {
    /// Evidence items kept per actor form.
    public static let evidenceLimit = 5
    /// Forms by "type|name".
    public private(set) var forms: [String: ActorForm] = [:]
    /// Documents analysed successfully.
    public private(set) var documents = 0
    /// Documents that failed.
    public private(set) var failed = 0

    /// Creates an empty aggregate.
    public init() {}

    /// Counts a failed document.
    public mutating func addFailure() { failed += 1 }

    /// Adds one analysed document.
    public mutating func add(_ document: Document) {
        let offsets = ScalarOffsetMap(document.text)
        var quoteCounts = [Int](repeating: 0, count: document.entities.count)
        for quote in document.quotes { if let speaker = quote.speaker, speaker < quoteCounts.count { quoteCounts[speaker] += 1 } }
        var stanceByEntity: [Int: ActorStance] = [:]
        for row in document.stance { stanceByEntity[row.entity] = row }
        let actors = document.entities.map { entity in
            DocumentActor(name: entity.name, type: entity.type.rawValue, mentions: entity.mentions.count, quotes: quoteCounts[entity.index],
                          aliases: entity.aliases, roles: entity.roles, affiliation: entity.affiliation,
                          evidence: (stanceByEntity[entity.index]?.evidence ?? []).map { item in
                              CorpusEvidence(document: document.id, sentence: document.string(item.sentence), cue: item.cue,
                                             polarity: item.polarity.rawValue, weight: item.weight, rule: item.rule,
                                             start: offsets.scalarOffset(item.sentence.start))
                          })
        }
        add(documentPublished: document.metadata.published, actors: actors)
    }

    /// One actor of one document, however the document arrived (analysed here or read from a report).
    struct DocumentActor {
        var name: String
        var type: String
        var mentions: Int
        var quotes: Int
        var aliases: [String]
        var roles: [String]
        var affiliation: String?
        var evidence: [CorpusEvidence]
    }

    /// Adds one document's actors: a form each, with integer weight sums and its strongest evidence.
    mutating func add(documentPublished published: String?, actors: [DocumentActor]) {
        documents += 1
        let date = published.flatMap(Self.day)
        for actor in actors {
            var form = ActorForm(name: actor.name, type: actor.type)
            form.documents = 1
            form.mentions = actor.mentions
            form.quotes = actor.quotes
            form.aliases = actor.aliases.sorted()
            form.roles = actor.roles
            form.affiliation = actor.affiliation
            for item in actor.evidence {
                let units = Int((item.weight * 10_000).rounded())
                if item.polarity == Polarity.optimism.rawValue { form.optimismUnits += units } else { form.skepticismUnits += units }
            }
            form.evidence = Array(actor.evidence.sorted(by: CorpusEvidence.precedes).prefix(Self.evidenceLimit))
            if let date {
                form.byDate[date] = DateTally(documents: 1, optimismUnits: form.optimismUnits, skepticismUnits: form.skepticismUnits)
            }
            add(form)
        }
    }

    /// Adds a form (from a document or from another corpus report).
    public mutating func add(_ form: ActorForm) {
        let key = form.type + "|" + form.name
        if var existing = forms[key] {
            existing.absorb(form)
            forms[key] = existing
        } else {
            var copy = ActorForm(name: form.name, type: form.type)
            copy.absorb(form)
            forms[key] = copy
        }
    }

    /// Adds another aggregate (a shard's report).
    public mutating func merge(documents: Int, failed: Int, forms: [ActorForm]) {
        self.documents += documents
        self.failed += failed
        for form in forms { add(form) }
    }

    /// Actors: a person form named by a single word joins the multi-word person whose last word it
    /// is (`Blair` → `Tony Blair`) when that person is the only one with the surname, or appears in at
    /// least twice as many documents as the next (`Cherie Blair`); other forms stand alone.
    public func actors() -> [CorpusActor] {
        var groups: [String: [ActorForm]] = [:]
        let people = forms.values.filter { $0.type == "person" && $0.name.contains(" ") }
        var bySurname: [String: [ActorForm]] = [:]
        for person in people {
            if let last = person.name.split(separator: " ").last { bySurname[String(last), default: []].append(person) }
        }
        for form in forms.values {
            var groupName = form.name
            if form.type == "person", !form.name.contains(" "), let candidates = bySurname[form.name] {
                let ranked = candidates.sorted { $0.documents != $1.documents ? $0.documents > $1.documents : $0.name < $1.name }
                if ranked.count == 1 || ranked[0].documents >= 2 * ranked[1].documents { groupName = ranked[0].name }
            }
            groups[form.type + "|" + groupName, default: []].append(form)
        }
        var actors: [CorpusActor] = []
        for (key, members) in groups {
            let name = String(key.split(separator: "|", maxSplits: 1)[1])
            let sorted = members.sorted { $0.name.count != $1.name.count ? $0.name.count > $1.name.count : $0.name < $1.name }
            var total = ActorForm(name: name, type: sorted[0].type)
            for member in sorted { total.absorb(member) }
            for member in sorted where member.name != name && !total.aliases.contains(member.name) { total.aliases.append(member.name) }
            total.aliases.sort()
            actors.append(CorpusActor(forms: sorted, total: total))
        }
        return actors.sorted {
            if $0.total.documents != $1.total.documents { return $0.total.documents > $1.total.documents }
            if $0.total.mentions != $1.total.mentions { return $0.total.mentions > $1.total.mentions }
            return ($0.total.type, $0.total.name) < ($1.total.type, $1.total.name)
        }
    }

    /// `YYYY-MM-DD` from an ISO 8601 date or date-time.
    static func day(_ published: String) -> String? {
        let prefix = published.prefix(10)
        guard prefix.count == 10, prefix.dropFirst(4).first == "-" else { return nil }
        return String(prefix)
    }
}
