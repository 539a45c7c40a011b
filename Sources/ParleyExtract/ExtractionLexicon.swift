import ParleyModel

/// A dictionary of multi-token phrases, matched longest-first over a document's tokens.
///
/// Keys are the phrase's tokens joined by single spaces. `prefixes` holds every proper prefix,
/// so a lookup stops as soon as no longer phrase can match; most tokens cost one hash probe.
public struct PhraseDictionary<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    private var prefixes: Set<String> = []
    /// Longest phrase, in tokens.
    public private(set) var maxTokens = 0

    /// Creates an empty dictionary.
    public init() {}

    /// Number of phrases.
    public var count: Int { entries.count }

    /// Adds a phrase given as its tokens; an earlier value for the same phrase is kept.
    public mutating func insert(tokens: [String], value: Value) {
        guard !tokens.isEmpty else { return }
        let key = tokens.joined(separator: " ")
        if entries[key] == nil { entries[key] = value }
        var prefix = ""
        for token in tokens.dropLast() {
            prefix = prefix.isEmpty ? token : prefix + " " + token
            prefixes.insert(prefix)
        }
        maxTokens = max(maxTokens, tokens.count)
    }

    /// The value of a single-token phrase.
    public func value(_ token: String) -> Value? { entries[token] }

    /// The longest phrase starting at `start` among `tokens[start..<limit]`, via `text(i)`.
    public func longestMatch(from start: Int, limit: Int, text: (Int) -> String) -> (length: Int, value: Value)? {
        var best: (Int, Value)?
        var key = ""
        var index = start
        while index < limit, index - start < maxTokens {
            key = key.isEmpty ? text(index) : key + " " + text(index)
            if let value = entries[key] { best = (index - start + 1, value) }
            guard prefixes.contains(key) else { break }
            index += 1
        }
        return best
    }
}

/// A place in the gazetteer.
public struct PlaceInfo: Sendable, Hashable {
    /// Canonical name (`United States` for `U.S.`).
    public var name: String
    /// country, territory, state, province, region, city, continent, water, landmark.
    public var kind: String
    /// The country it belongs to (its own name for a country).
    public var country: String?
    /// Also a common name or word: needs context to count as a place.
    public var ambiguous: Bool

    public init(name: String, kind: String, country: String?, ambiguous: Bool) {
        self.name = name
        self.kind = kind
        self.country = country
        self.ambiguous = ambiguous
    }
}

/// An organisation or institution in the lexicon.
public struct OrganizationInfo: Sendable, Hashable {
    /// Canonical name.
    public var name: String
    /// government, party, media, company …
    public var kind: String
    /// The country it stands for (`Kremlin` → Russia), if any.
    public var country: String?

    public init(name: String, kind: String, country: String?) {
        self.name = name
        self.kind = kind
        self.country = country
    }
}

/// The lookups the entity and quote matchers need, built once from the lexicon files.
///
/// It is a plain value of dictionaries, so tests can build a tiny one by hand and the bundled one
/// is shared read-only across threads.
public struct ExtractionLexicon: Sendable {
    /// Places by exact-case phrase.
    public var places = PhraseDictionary<PlaceInfo>()
    /// Places by lower-cased phrase, for ALL-CAPS headlines.
    public var foldedPlaces = PhraseDictionary<PlaceInfo>()
    /// Organisations by exact-case phrase.
    public var organizations = PhraseDictionary<OrganizationInfo>()
    /// Organisations by lower-cased phrase, for ALL-CAPS headlines (acronyms excluded).
    public var foldedOrganizations = PhraseDictionary<OrganizationInfo>()
    /// Titles and roles by lower-cased phrase → canonical form (`foreign minister` → `Foreign Minister`).
    public var titles = PhraseDictionary<String>()
    /// Demonyms and adjectives → country (`Russian` → Russia).
    public var demonyms: [String: String] = [:]
    /// Given names → gender (nil when unknown or either).
    public var givenNames: [String: Gender?] = [:]
    /// Given names that are also common words or places (need more evidence).
    public var ambiguousGivenNames: Set<String> = []
    /// Surnames.
    public var surnames: Set<String> = []
    /// Honorifics (`Mr`, `Mr.`, `Sir`) → gender.
    public var honorifics: [String: Gender?] = [:]
    /// Name particles (`van`, `de`, `al`, `bin`).
    public var particles: Set<String> = []
    /// Speech and reporting verb forms (lower case) → lemma.
    public var speechVerbs: [String: String] = [:]
    /// Capitalised words that are never names (`The`, `Monday`, `However`).
    public var nonNames: Set<String> = []

    /// Creates an empty lexicon.
    public init() {}

    /// Splits a lexicon phrase into tokens the way the tokenizer splits text: on spaces, with a
    /// possessive `'s` as its own token.
    public static func tokens(of phrase: String) -> [String] {
        var result: [String] = []
        for word in phrase.split(separator: " ") {
            if word.count > 2, word.hasSuffix("'s") || word.hasSuffix("’s") {
                result.append(String(word.dropLast(2)))
                result.append(String(word.suffix(2)))
            } else {
                result.append(String(word))
            }
        }
        return result
    }

    /// Adds a place under its name and each alias.
    public mutating func addPlace(_ info: PlaceInfo, forms: [String]) {
        for form in forms {
            let tokens = Self.tokens(of: form)
            places.insert(tokens: tokens, value: info)
            if !Self.isAcronym(form) { foldedPlaces.insert(tokens: tokens.map { $0.lowercased() }, value: info) }
        }
    }

    /// Adds an organisation under its name and each alias.
    public mutating func addOrganization(_ info: OrganizationInfo, forms: [String]) {
        for form in forms {
            let tokens = Self.tokens(of: form)
            organizations.insert(tokens: tokens, value: info)
            if !Self.isAcronym(form) { foldedOrganizations.insert(tokens: tokens.map { $0.lowercased() }, value: info) }
        }
    }

    /// Adds a title or role (matched case-insensitively).
    public mutating func addTitle(_ title: String) {
        titles.insert(tokens: Self.tokens(of: title.lowercased()), value: title)
    }

    /// Short all-capital forms (`US`, `WHO`, `AP`) are matched only as written: folded they are words.
    static func isAcronym(_ form: String) -> Bool {
        form.count <= 5 && form.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }
}
