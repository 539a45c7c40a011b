/// The bundled lexicon files: their names, columns and load order.
///
/// `.tsv` files start with a header line naming exactly these columns; `.txt` files are plain lists with
/// one entry a line and no header. Trailing optional columns may be left out of a row.
enum LexiconFile: String, CaseIterable, Sendable {
    // Load order matters where later rows merge into or replace earlier ones: generated data first,
    // then the curated file of the same lexicon, then each file's `.extra` override.
    case cities = "cities.tsv"
    case places = "places.tsv"
    case organizations = "organizations.tsv"
    case givenNamesBulk = "given-names-bulk.tsv"
    case givenNames = "given-names.tsv"
    case surnames = "surnames.tsv"
    case surnamesWorld = "surnames-world.tsv"
    case honorifics = "honorifics.tsv"
    case titles = "titles.tsv"
    case nameParticles = "name-particles.txt"
    case speechVerbs = "speech-verbs.tsv"
    case nonNames = "non-names.txt"
    case optimism = "optimism.tsv"
    case skepticism = "skepticism.tsv"
    case negators = "negators.txt"
    case intensifiers = "intensifiers.tsv"
    case hedges = "hedges.tsv"

    /// The header's column names; empty for a `.txt` list.
    var columns: [String] {
        switch self {
        case .cities, .places: ["name", "kind", "country", "population", "ambiguous", "aliases", "demonyms"]
        case .organizations: ["name", "aliases", "kind", "country"]
        case .givenNames, .givenNamesBulk: ["name", "gender", "ambiguous"]
        case .surnames, .surnamesWorld: ["name", "ambiguous"]
        case .honorifics: ["term", "gender"]
        case .titles: ["title", "kind"]
        case .speechVerbs: ["form", "lemma", "kind"]
        case .optimism, .skepticism: ["term", "weight", "kind"]
        case .intensifiers, .hedges: ["term", "multiplier"]
        case .nameParticles, .nonNames, .negators: []
        }
    }

    /// How many leading columns every row must have, non-empty.
    var requiredColumns: Int {
        switch self {
        case .cities, .places: 2
        case .organizations: 1
        case .givenNames, .givenNamesBulk: 2
        case .surnames, .surnamesWorld: 1
        case .honorifics, .titles, .intensifiers, .hedges: 2
        case .speechVerbs, .optimism, .skepticism: 3
        case .nameParticles, .nonNames, .negators: 1
        }
    }

    /// Whether the file is a headerless one-column list.
    var isList: Bool { rawValue.hasSuffix(".txt") }

    /// The name of the file that extends this one under `--lexicons DIR`: `places.extra.tsv`.
    var extraName: String {
        let dot = rawValue.lastIndex(of: ".")!
        return rawValue[..<dot] + ".extra" + rawValue[dot...]
    }
}
