@testable import ParleyLexicon
import Testing

/// Lookups of known entries in the bundled lexicons.
@Suite struct LexiconLookupTests {
    let lexicons = LexiconSet.bundled

    @Test(arguments: [
        ("Kyiv", PlaceKind.capital, "Ukraine"),
        ("Kiev", .capital, "Ukraine"),
        ("Moscow", .capital, "Russia"),
        ("U.S.", .country, "United States"),
        ("US", .country, "United States"),
        ("America", .country, "United States"),
        ("United Kingdom", .country, "United Kingdom"),
        ("Britain", .country, "United Kingdom"),
        ("U.K.", .country, "United Kingdom"),
        ("Buenos Aires", .capital, "Argentina"),
        ("Sri Lanka", .country, "Sri Lanka"),
        ("Georgia", .country, "Georgia"),
        ("Texas", .state, "United States"),
        ("Quebec", .province, "Canada"),
        ("Donbas", .region, "Ukraine"),
        ("Crimea", .region, "Ukraine"),
        ("Gaza", .region, "Palestine"),
        ("Côte d'Ivoire", .country, "Côte d'Ivoire"),
        ("Côte d’Ivoire", .country, "Côte d'Ivoire"),
        ("Munich", .city, "Germany"),
        ("São Paulo", .city, "Brazil"),
        ("Sao Paulo", .city, "Brazil"),
    ])
    func placeNames(name: String, kind: PlaceKind, country: String) throws {
        let best = try #require(lexicons.places.names.lookup(name).first, "\(name) is not in the gazetteer")
        #expect(best.kind == kind)
        #expect(best.country == country)
    }

    @Test(arguments: [("Europe", PlaceKind.continent), ("Middle East", .region), ("Black Sea", .water),
                      ("Strait of Hormuz", .water), ("the Balkans", .region), ("Sahel", .region)])
    func regionsAndWater(name: String, kind: PlaceKind) throws {
        let best = try #require(lexicons.places.names.lookup(name).first)
        #expect(best.kind == kind)
    }

    @Test(arguments: [("Ukrainian", "Ukraine"), ("French", "France"), ("Russian", "Russia"), ("American", "United States"),
                      ("British", "United Kingdom"), ("Britons", "United Kingdom"), ("Dutch", "Netherlands"),
                      ("European", "Europe"), ("Texan", "Texas")])
    func demonyms(word: String, place: String) throws {
        let best = try #require(lexicons.places.demonyms.lookup(word).first)
        #expect(best.name == place)
    }

    @Test(arguments: ["Jordan", "Chad", "Paris", "Washington", "Turkey", "Nice", "Reading", "Mobile", "Split", "Bath",
                      "Victoria", "Florence", "Austin", "Orlando", "Sydney", "Aurora"])
    func ambiguousPlacesAreFlagged(name: String) {
        let entries = lexicons.places.names.lookup(name)
        #expect(!entries.isEmpty)
        #expect(entries.contains { $0.isAmbiguous }, "\(name) should be flagged ambiguous")
    }

    @Test func sameNamedPlacesComeMostLikelyFirst() throws {
        let paris = lexicons.places.names.lookup("Paris")
        #expect(paris.count > 1)
        #expect(paris.first?.country == "France")
        #expect(lexicons.places.names.lookup("Georgia").first?.kind == .country)
        #expect(lexicons.places.names.lookup("Georgia").contains { $0.kind == .state })
    }

    @Test func longestMatchPrefersTheLongerPhrase() throws {
        let table = lexicons.places.names
        let tokens = ["tensions", "in", "the", "South", "China", "Sea", "rose"]
        let hashes = tokens.map(TokenHash.exact)
        let match = try #require(table.longestMatch(in: hashes, from: 3, case: .exact))
        #expect(match.length == 3)
        #expect(table.values(of: match).first?.name == "South China Sea")
        let china = try #require(table.longestMatch(in: hashes, from: 4, case: .exact))
        #expect(china.length == 1)
        #expect(table.values(of: china).first?.name == "China")
        #expect(table.longestMatch(in: hashes, from: 0, case: .exact) == nil)
    }

    @Test func foldedMatchingIgnoresAsciiCase() throws {
        let table = lexicons.places.names
        let hashes = ["SOUTH", "CHINA", "SEA"].map(TokenHash.folded)
        let match = try #require(table.longestMatch(in: hashes, from: 0, case: .folded))
        #expect(match.length == 3)
        #expect(table.longestMatch(in: ["SOUTH", "CHINA", "SEA"].map(TokenHash.exact), from: 0, case: .exact) == nil)
    }

    @Test(arguments: [("Kremlin", "Russia"), ("White House", "United States"), ("Downing Street", "United Kingdom"),
                      ("Élysée", "France"), ("Pentagon", "United States"), ("Bundestag", "Germany"), ("Knesset", "Israel")])
    func organizationsStandForCountries(name: String, country: String) throws {
        let org = try #require(lexicons.organizations.lookup(name).first)
        #expect(org.country == country)
    }

    @Test(arguments: ["UN", "U.N.", "NATO", "EU", "European Union", "IMF", "ECB", "WHO", "Reuters", "AFP", "AP", "Hamas"])
    func organizationsWithoutCountryOrWithAliases(name: String) {
        #expect(lexicons.organizations.contains(name), "\(name) should be an organisation")
    }

    @Test(arguments: [("Volodymyr", NameGender.male), ("Sergei", .male), ("Emmanuel", .male), ("Keir", .male),
                      ("Kamala", .female), ("Fatima", .female), ("Ursula", .female), ("Narendra", .male)])
    func givenNames(name: String, gender: NameGender) throws {
        let entry = try #require(lexicons.givenNames.lookup(name).first)
        #expect(entry.gender == gender)
    }

    @Test func commonWordNamesAreFlagged() throws {
        #expect(try #require(lexicons.givenNames.lookup("May").first).isAmbiguous)
        #expect(try #require(lexicons.givenNames.lookup("Will").first).isAmbiguous)
        #expect(lexicons.givenNames.lookup("The").isEmpty)
        #expect(lexicons.givenNames.lookup("President").isEmpty)
    }

    @Test(arguments: ["Zelensky", "Lavrov", "Smith", "Okafor", "von der Leyen"])
    func surnames(name: String) {
        #expect(lexicons.surnames.contains(name))
    }

    @Test(arguments: [("Secretary of the Army", TitleKind.minister), ("Prime Minister", .headOfGovernment),
                      ("President", .headOfState), ("Foreign Minister", .minister), ("Gen.", .military),
                      ("aide", .expert), ("spokeswoman", .official), ("Sen.", .legislator), ("chief executive", .business)])
    func titles(title: String, kind: TitleKind) throws {
        #expect(try #require(lexicons.titles.lookup(title).first).kind == kind)
    }

    @Test func titleLongestMatch() throws {
        let hashes = ["US", "Secretary", "of", "the", "Army", "Dan", "Driscoll"].map(TokenHash.exact)
        let match = try #require(lexicons.titles.longestMatch(in: hashes, from: 1, case: .exact))
        #expect(match.length == 4)
    }

    @Test(arguments: [("Mr", NameGender.male), ("Sir", .male), ("Dame", .female), ("Mrs.", .female), ("Dr", .unknown)])
    func honorifics(term: String, gender: NameGender) throws {
        #expect(try #require(lexicons.honorifics.lookup(term).first).gender == gender)
    }

    @Test(arguments: [("said", "say", SpeechVerbKind.speech), ("stating", "state", .speech), ("told", "tell", .speech),
                      ("cautioned", "caution", .speech), ("believes", "believe", .cognition),
                      ("according to", "according to", .source), ("told reporters", "tell", .speech)])
    func speechVerbs(form: String, lemma: String, kind: SpeechVerbKind) throws {
        let verb = try #require(lexicons.speechVerbs.lookup(form).first)
        #expect(verb.lemma == lemma)
        #expect(verb.kind == kind)
    }

    @Test(arguments: ["van", "von", "al-", "bin", "ibn", "de"])
    func particles(term: String) { #expect(lexicons.particles.contains(term)) }

    @Test(arguments: ["Monday", "However", "The", "Meanwhile", "January"])
    func nonNames(term: String) { #expect(lexicons.nonNames.contains(term)) }

    @Test func mayIsNotANonName() { #expect(!lexicons.nonNames.contains("May")) }

    @Test(arguments: ["optimism", "optimistic", "hopeful", "breakthrough", "on track", "within reach", "welcomed"])
    func optimismCues(term: String) throws {
        let cue = try #require(lexicons.optimism.lookup(term).first)
        #expect(cue.weight > 0 && cue.weight <= 2)
    }

    @Test(arguments: ["skepticism", "scepticism", "doubts", "cautioned", "sticking point", "overly optimistic", "impasse"])
    func skepticismCues(term: String) throws {
        let cue = try #require(lexicons.skepticism.lookup(term).first)
        #expect(cue.weight > 0 && cue.weight <= 2)
    }

    @Test func overlyOptimisticOutmatchesOptimistic() throws {
        let hashes = ["overly", "optimistic"].map(TokenHash.exact)
        #expect(try #require(lexicons.skepticism.longestMatch(in: hashes, from: 0, case: .exact)).length == 2)
    }

    @Test func modifiers() throws {
        #expect(try #require(lexicons.intensifiers.lookup("very").first).multiplier > 1)
        #expect(try #require(lexicons.intensifiers.lookup("cautiously").first).multiplier < 1)
        #expect(try #require(lexicons.hedges.lookup("reportedly").first).multiplier < 1)
        #expect(lexicons.negators.contains("not") && lexicons.negators.contains("n't") && lexicons.negators.contains("lack of"))
    }

    @Test func singleTokenMatch() throws {
        let match = try #require(lexicons.nonNames.match(token: TokenHash.exact("Tuesday"), case: .exact))
        #expect(match.length == 1)
        #expect(lexicons.nonNames.match(token: TokenHash.exact("Zelensky"), case: .exact) == nil)
    }

    @Test func possessiveSplitsOffInPhrases() {
        let (exact, _) = PhraseSplitter.hashes(of: "People's Liberation Army")
        #expect(exact == ["People", "'s", "Liberation", "Army"].map(TokenHash.exact))
        #expect(PhraseSplitter.hashes(of: "al-Assad U.S. St.").exact.count == 3)
        #expect(TokenHash.exact("d’Ivoire") == TokenHash.exact("d'Ivoire"))
        #expect(TokenHash.folded("KYIV") == TokenHash.folded("kyiv"))
        #expect(TokenHash.exact("KYIV") != TokenHash.exact("Kyiv"))
    }
}
