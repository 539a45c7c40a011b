import ParleyModel

// MARK: - Places

/// What sort of place a gazetteer entry is.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable {
    case country, territory, state, province, region, capital, city, continent, water, landmark

    /// Lower is more likely meant when one name has several entries (the country Georgia before the
    /// US state; a capital before a town of the same name).
    public var priority: Int {
        switch self {
        case .country: 0
        case .territory: 1
        case .capital: 2
        case .state, .province: 3
        case .region, .continent: 4
        case .water: 5
        case .landmark: 6
        case .city: 7
        }
    }
}

/// One place from `places.tsv`, `cities.tsv` or an override, with everything its row says.
public struct Place: Sendable, Hashable {
    /// The canonical name (`Kyiv`, `United States`).
    public var name: String
    /// Country, city, region …
    public var kind: PlaceKind
    /// The canonical name of the country it belongs to (itself for a country), or nil (`Europe`).
    public var country: String?
    /// The population when known (cities and countries), for ranking same-named places.
    public var population: Int?
    /// Also a common word or person name (`Jordan`, `Reading`): extraction should require context.
    public var isAmbiguous: Bool
    /// Other names that refer to it (`Kiev`; `US`, `U.S.`, `America`).
    public var aliases: [String]
    /// Adjectives and nouns for its people (`Ukrainian`, `Ukrainians`).
    public var demonyms: [String]

    /// Creates a place.
    public init(name: String, kind: PlaceKind, country: String?, population: Int?, isAmbiguous: Bool,
                aliases: [String], demonyms: [String]) {
        self.name = name
        self.kind = kind
        self.country = country
        self.population = population
        self.isAmbiguous = isAmbiguous
        self.aliases = aliases
        self.demonyms = demonyms
    }

    /// The rank used to order same-named places: the kind's priority, except that a city of a million
    /// or more ranks with states (São Paulo the city before the state; Kharkiv the city before the oblast).
    public var rank: Int {
        kind == .city && (population ?? 0) >= 1_000_000 ? PlaceKind.state.priority : kind.priority
    }

    /// The order of same-named places: ``rank``, then the larger population.
    public static func isMoreLikely(_ a: Place, than b: Place) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        return (a.population ?? 0) > (b.population ?? 0)
    }
}

// MARK: - Organisations

/// What sort of body an organisation is.
public enum OrganizationKind: String, Sendable, Hashable, CaseIterable {
    case government, ministry, legislature, party, intergovernmental, centralBank = "central-bank", court,
         military, agency, media, company, militant, ngo, university, sport, religious
}

/// One organisation or institution, with the country it stands for (`Kremlin` → Russia).
public struct Organization: Sendable, Hashable {
    /// The canonical name (`White House`, `European Union`).
    public var name: String
    /// Other names (`EU`, `E.U.`).
    public var aliases: [String]
    /// Government, party, media …
    public var kind: OrganizationKind
    /// The canonical country name it stands for, or nil for international bodies.
    public var country: String?

    /// Creates an organisation.
    public init(name: String, aliases: [String], kind: OrganizationKind, country: String?) {
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.country = country
    }
}

// MARK: - People

/// The gender a given name or honorific suggests: `m`, `f` or `u` (unisex or unknown) in the files.
public enum NameGender: String, Sendable, Hashable, CaseIterable {
    case male = "m", female = "f", unknown = "u"

    /// The model's ``Gender``, or nil when unknown.
    public var gender: Gender? {
        switch self {
        case .male: .male
        case .female: .female
        case .unknown: nil
        }
    }
}

/// A given name from `given-names.tsv` or `given-names-bulk.tsv`.
public struct GivenName: Sendable, Hashable {
    /// The name as listed (`Volodymyr`).
    public var name: String
    /// The gender it usually indicates.
    public var gender: NameGender
    /// Also a common word, place or surname (`May`, `Will`, `Paris`): require more evidence.
    public var isAmbiguous: Bool

    /// Creates a given name.
    public init(name: String, gender: NameGender, isAmbiguous: Bool) {
        self.name = name
        self.gender = gender
        self.isAmbiguous = isAmbiguous
    }
}

/// A surname from `surnames.tsv` or `surnames-world.tsv`.
public struct Surname: Sendable, Hashable {
    /// The surname (`Okafor`, `von der Leyen`).
    public var name: String
    /// Also a common English word (`Brown`, `Young`).
    public var isAmbiguous: Bool

    /// Creates a surname.
    public init(name: String, isAmbiguous: Bool) {
        self.name = name
        self.isAmbiguous = isAmbiguous
    }
}

/// An honorific before a name (`Mr`, `Dame`, `Sheikh`).
public struct Honorific: Sendable, Hashable {
    /// The honorific as written (`Mr.`).
    public var term: String
    /// The gender it implies.
    public var gender: NameGender

    /// Creates an honorific.
    public init(term: String, gender: NameGender) {
        self.term = term
        self.gender = gender
    }
}

/// The field a title or role belongs to.
public enum TitleKind: String, Sendable, Hashable, CaseIterable {
    case headOfState = "head-of-state", headOfGovernment = "head-of-government", minister, legislator,
         military, judicial, diplomatic, religious, business, expert, official, political, media, sport,
         royal, generic
}

/// A title or role (`Secretary of the Army`, `Gen.`, `spokeswoman`).
public struct Title: Sendable, Hashable {
    /// The title as written.
    public var title: String
    /// Its field.
    public var kind: TitleKind

    /// Creates a title.
    public init(title: String, kind: TitleKind) {
        self.title = title
        self.kind = kind
    }
}

// MARK: - Speech and stance

/// What a reporting expression does.
public enum SpeechVerbKind: String, Sendable, Hashable, CaseIterable {
    /// Introduces speech: `said`, `told`, `warned`.
    case speech
    /// Reports a belief or attitude: `believes`, `hopes`, `fears`.
    case cognition
    /// Names a source: `according to`, `in a statement`.
    case source
}

/// One inflected form of a speech or cognition verb, or a multi-word reporting phrase.
public struct SpeechVerb: Sendable, Hashable {
    /// The form as it appears in text (`said`, `told reporters`).
    public var form: String
    /// Its lemma (`say`, `tell`).
    public var lemma: String
    /// Speech, cognition or source.
    public var kind: SpeechVerbKind

    /// Creates a speech-verb form.
    public init(form: String, lemma: String, kind: SpeechVerbKind) {
        self.form = form
        self.lemma = lemma
        self.kind = kind
    }
}

/// The part of speech of a stance cue, which decides whom it counts for.
public enum CueKind: String, Sendable, Hashable, CaseIterable {
    /// A reporting or attitude verb: counts for its subject (`Lavrov cautioned`).
    case verb
    /// A noun: counts for whoever holds it (`his optimism`, `hesitation from X`).
    case noun
    /// An adjective (`optimistic`, `wary`).
    case adj
    /// An adverb (`hopefully`).
    case adv
    /// A multi-word expression (`sticking point`, `within reach`).
    case phrase
}

/// A weighted optimism or skepticism cue.
public struct StanceCue: Sendable, Hashable {
    /// The cue as written.
    public var term: String
    /// Its strength, in (0, 2].
    public var weight: Double
    /// Its part of speech.
    public var kind: CueKind

    /// Creates a cue.
    public init(term: String, weight: Double, kind: CueKind) {
        self.term = term
        self.weight = weight
        self.kind = kind
    }
}

/// An intensifier, downtoner or hedge and the factor it applies to a cue's weight.
public struct Modifier: Sendable, Hashable {
    /// The word or phrase.
    public var term: String
    /// The factor: above 1 intensifies, below 1 weakens.
    public var multiplier: Double

    /// Creates a modifier.
    public init(term: String, multiplier: Double) {
        self.term = term
        self.multiplier = multiplier
    }
}

/// An entry of a plain word list (`non-names.txt`, `negators.txt`, `name-particles.txt`).
public struct Term: Sendable, Hashable {
    /// The word or phrase.
    public var term: String

    /// Creates a term.
    public init(term: String) {
        self.term = term
    }
}
