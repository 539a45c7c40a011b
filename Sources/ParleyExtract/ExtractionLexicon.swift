import ParleyLexicon
import ParleyModel

/// A place in the gazetteer, as the matchers test it: the facts they test on every lookup, and where
/// to read its names (``ExtractionLexicon/name(of:)``, ``ExtractionLexicon/country(of:)``) for the few
/// places that become mentions. Copying the names out on every lookup retained two strings each time.
struct PlaceInfo: Sendable, Hashable {
    /// The entry's position in the gazetteer.
    var entry: Int
    /// Country, territory, state, province, region, capital, city, continent, water, landmark.
    var kind: PlaceKind
    /// Also a common name or word: needs context to count as a place.
    var ambiguous: Bool
    /// Population when known, to tell cities that make news from villages named like words.
    var population: Int
}

/// An organisation or institution, as the matchers use it.
struct OrganizationInfo: Sendable, Hashable {
    /// Canonical name.
    var name: String
    /// The country it stands for (`Kremlin` → Russia), if any.
    var country: String?
}

/// The lookups the entity and quote matchers need, answered by the lexicons' phrase tables over
/// per-token hashes: one hash probe per token, no string hashing, no tables rebuilt at start-up.
public struct ExtractionLexicon: Sendable {
    /// The tables behind one reference: `LexiconSet` is a large struct of arrays, and the matchers
    /// call these lookups ~10⁵ times per thousand articles; held inline, every call copied it and
    /// retained each of its arrays (callgrind: 1.6 % of all instructions in memcpy alone).
    private final class Storage: Sendable {
        let lexicons: LexiconSet
        init(_ lexicons: LexiconSet) { self.lexicons = lexicons }
    }

    private let storage: Storage

    /// Wraps loaded lexicons.
    public init(_ lexicons: LexiconSet) { storage = Storage(lexicons) }

    /// The longest place name starting at `start`; `folded` compares ASCII case-insensitively
    /// (headlines in capitals).
    func place(_ hashes: ArraySlice<UInt64>, at start: Int, folded: Bool = false) -> (length: Int, place: PlaceInfo)? {
        guard let match = storage.lexicons.places.names.longestMatch(in: hashes, from: start, case: folded ? .folded : .exact),
              !match.postings.isEmpty else { return nil }
        let entry = storage.lexicons.places.names.firstEntryIndex(of: match)
        return storage.lexicons.places.names.withEntries { places in
            (match.length, PlaceInfo(entry: entry, kind: places[entry].kind, ambiguous: places[entry].isAmbiguous,
                                     population: places[entry].population ?? 0))
        }
    }

    /// A place's canonical name (`United States` for `U.S.`).
    func name(of place: PlaceInfo) -> String { storage.lexicons.places.names.entries[place.entry].name }

    /// The country a place belongs to (its own name for a country).
    func country(of place: PlaceInfo) -> String? { storage.lexicons.places.names.entries[place.entry].country }

    /// The longest organisation name starting at `start`. Folded matching skips acronyms (`WHO`, `AP`).
    func organization(_ hashes: ArraySlice<UInt64>, at start: Int, folded: Bool = false) -> (length: Int, organization: OrganizationInfo)? {
        guard let match = storage.lexicons.organizations.longestMatch(in: hashes, from: start, case: folded ? .folded : .exact),
              let organization = storage.lexicons.organizations.values(of: match).first else { return nil }
        return (match.length, OrganizationInfo(name: organization.name, country: organization.country))
    }

    /// The party a one-word adjective names when "<adjective> Party" is a lexicon organisation
    /// (`Republican` → Republican Party, `Labour` → Labour Party), so "Republican nominee X" is
    /// affiliated with the party itself.
    func party(adjective hash: UInt64) -> OrganizationInfo? {
        guard let (length, organization) = organization([hash, Self.partyHash][...], at: 0), length == 2 else { return nil }
        return organization
    }

    private static let partyHash = TokenHash.exact("Party")

    /// The longest title or role starting at `start`, matched case-insensitively.
    func titleLength(_ foldedHashes: ArraySlice<UInt64>, at start: Int) -> Int? {
        storage.lexicons.titles.longestMatch(in: foldedHashes, from: start, case: .folded)?.length
    }

    /// True when a single token is a title or role (`minister`).
    func isTitle(folded hash: UInt64) -> Bool { storage.lexicons.titles.match(token: hash, case: .folded) != nil }

    /// The country a demonym names (`Russian` → Russia).
    func demonymCountry(_ hash: UInt64) -> String? {
        guard let match = storage.lexicons.places.demonyms.match(token: hash, case: .exact),
              let place = storage.lexicons.places.demonyms.values(of: match).first else { return nil }
        return place.country ?? place.name
    }

    /// A given name: its gender (nil when unknown) and whether it is also a common word.
    func givenName(_ hash: UInt64) -> (gender: Gender?, ambiguous: Bool)? {
        guard let match = storage.lexicons.givenNames.match(token: hash, case: .exact) else { return nil }
        // The fields read in place, as in every lookup below: copying the entry retained its strings.
        let entry = storage.lexicons.givenNames.firstEntryIndex(of: match)
        return storage.lexicons.givenNames.withEntries { ($0[entry].gender.gender, $0[entry].isAmbiguous) }
    }

    /// True for surnames that are not also common words.
    func isSurname(_ hash: UInt64) -> Bool {
        guard let match = storage.lexicons.surnames.match(token: hash, case: .exact) else { return false }
        return storage.lexicons.surnames.withEntries { surnames in
            (0..<match.postings.count).contains { !surnames[storage.lexicons.surnames.entryIndex(of: match, at: $0)].isAmbiguous }
        }
    }

    /// An honorific's implied gender (`Mr` → male), nil-wrapped when the honorific implies none.
    func honorific(_ hash: UInt64) -> Gender?? {
        guard let match = storage.lexicons.honorifics.match(token: hash, case: .exact) else { return nil }
        let entry = storage.lexicons.honorifics.firstEntryIndex(of: match)
        return .some(storage.lexicons.honorifics.withEntries { $0[entry].gender.gender })
    }

    /// True for a one-word speech or reporting verb (`said`, `told`), without reading its lemma.
    func isSpeechVerb(folded hash: UInt64) -> Bool {
        storage.lexicons.speechVerbs.match(token: hash, case: .folded) != nil
    }

    /// The lemma of a one-word speech or reporting verb (`said` → say).
    func speechVerbLemma(folded hash: UInt64) -> String? {
        guard let match = storage.lexicons.speechVerbs.match(token: hash, case: .folded),
              let verb = storage.lexicons.speechVerbs.values(of: match).first else { return nil }
        return verb.lemma
    }

    /// True for capitalised words that are never names (`Monday`, `However`).
    func isNonName(_ hash: UInt64) -> Bool { storage.lexicons.nonNames.match(token: hash, case: .exact) != nil }
}
