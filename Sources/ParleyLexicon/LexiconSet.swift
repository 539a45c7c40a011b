import ParleyModel

/// The gazetteer: places by name and alias, and by demonym.
public struct PlaceLexicon: Sendable {
    /// Names and aliases (`Kyiv`, `Kiev`, `U.S.`, `South China Sea`) → places, most likely first.
    public let names: PhraseTable<Place>
    /// Demonyms and adjectives (`Ukrainian`, `French`, `Texan`) → the place whose people they name.
    public let demonyms: PhraseTable<Place>
    /// Countries and territories by canonical name.
    public let countries: [String: Place]

    /// The country or territory with this canonical name (`Ukraine`), if any.
    ///
    /// - Parameter name: a canonical name, as in ``Place/country``.
    /// - Returns: the country's entry.
    public func country(named name: String) -> Place? { countries[name] }
}

/// All lexicons Parley uses, loaded once and shared read-only between threads.
///
/// ``bundled`` is compiled into the binary; ``load(overrides:)-(String)`` replaces or extends any file
/// from a directory given with `--lexicons DIR` (see `Lexicons/README.md`). Every table is a
/// ``PhraseTable``, matched by token hashes without allocation.
public struct LexiconSet: Sendable {
    /// Countries, territories, regions, cities, water bodies and landmarks.
    public let places: PlaceLexicon
    /// Institutions with the country they stand for (`Kremlin` → Russia).
    public let organizations: PhraseTable<Organization>
    /// Given names with gender (`Volodymyr` → m).
    public let givenNames: PhraseTable<GivenName>
    /// Surnames (`Okafor`, `von der Leyen`).
    public let surnames: PhraseTable<Surname>
    /// Honorifics (`Mr`, `Dame`, `Sheikh`).
    public let honorifics: PhraseTable<Honorific>
    /// Titles and roles, multi-word (`Secretary of the Army`, `Gen.`, `spokeswoman`).
    public let titles: PhraseTable<Title>
    /// Name particles (`van`, `von der`, `al-`, `bin`).
    public let particles: PhraseTable<Term>
    /// Speech and cognition verb forms and reporting phrases (`said` → say, `according to`).
    public let speechVerbs: PhraseTable<SpeechVerb>
    /// Capitalised words that are never person names (`Monday`, `However`).
    public let nonNames: PhraseTable<Term>
    /// Optimism cues with weights.
    public let optimism: PhraseTable<StanceCue>
    /// Skepticism cues with weights.
    public let skepticism: PhraseTable<StanceCue>
    /// Negators (`not`, `n't`, `lack of`).
    public let negators: PhraseTable<Term>
    /// Intensifiers (> 1) and downtoners (< 1).
    public let intensifiers: PhraseTable<Modifier>
    /// Hedges (≤ 1).
    public let hedges: PhraseTable<Modifier>

    init(places: PlaceLexicon, organizations: PhraseTable<Organization>, givenNames: PhraseTable<GivenName>,
         surnames: PhraseTable<Surname>, honorifics: PhraseTable<Honorific>, titles: PhraseTable<Title>,
         particles: PhraseTable<Term>, speechVerbs: PhraseTable<SpeechVerb>, nonNames: PhraseTable<Term>,
         optimism: PhraseTable<StanceCue>, skepticism: PhraseTable<StanceCue>, negators: PhraseTable<Term>,
         intensifiers: PhraseTable<Modifier>, hedges: PhraseTable<Modifier>) {
        self.places = places
        self.organizations = organizations
        self.givenNames = givenNames
        self.surnames = surnames
        self.honorifics = honorifics
        self.titles = titles
        self.particles = particles
        self.speechVerbs = speechVerbs
        self.nonNames = nonNames
        self.optimism = optimism
        self.skepticism = skepticism
        self.negators = negators
        self.intensifiers = intensifiers
        self.hedges = hedges
    }

    /// The lexicons compiled into the binary, read on first use from their prebuilt tables (a few
    /// milliseconds) and then shared.
    ///
    /// Without a current snapshot (see `LexiconSnapshot`) the tables are built from the bundled TSV
    /// text instead, with the same result. The bundled files are validated by the test suite, so a
    /// failure here is a build defect and stops the process with the file and line at fault.
    public static let bundled: LexiconSet = {
        if let lexicons = try? LexiconSnapshot.decode(LexiconSnapshot.embedded, permanent: true) { return lexicons }
        do {
            return try load(overrides: [String: String]())
        } catch {
            fatalError("the bundled lexicons are invalid: \(error) (run `swift test --filter ParleyLexiconTests`)")
        }
    }()

    /// The names of the bundled lexicon files, in load order (`cities.tsv`, `places.tsv`, …).
    public static var fileNames: [String] { LexiconFile.allCases.map(\.rawValue) }

    /// The text of a bundled lexicon file, exactly as in the repository's `Lexicons/` directory.
    ///
    /// - Parameter name: a file name from ``fileNames``.
    /// - Returns: the embedded text, or nil for an unknown name.
    public static func bundledText(of name: String) -> String? {
        BundledLexicons.text(of: name)
    }
}
