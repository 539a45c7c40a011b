import Foundation
@testable import ParleyLexicon
import ParleyTestSupport
import Testing

/// Validation, overrides and the embedded copy.
@Suite struct LexiconLoadingTests {
    /// The repository's `Lexicons/` directory.
    static let lexiconDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Lexicons")

    @Test func everyBundledFileLoads() {
        let lexicons = LexiconSet.bundled
        #expect(lexicons.places.names.entries.count > 30_000)
        #expect(lexicons.givenNames.entries.count > 20_000)
        #expect(lexicons.organizations.entries.count > 300)
        #expect(lexicons.titles.entries.count > 300)
        #expect(lexicons.optimism.entries.count + lexicons.skepticism.entries.count > 300)
    }

    @Test func bundledCopyMatchesFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.lexiconDirectory.path)
            .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }.sorted()
        #expect(names == BundledLexicons.names,
                "Lexicons/ and the embedded copy list different files: run `python3 scripts/embed-lexicons.py`")
        #expect(Set(names) == Set(LexiconSet.fileNames),
                "every file in Lexicons/ must be a known lexicon (LexiconFile) and vice versa")
        for name in names {
            let text = try String(contentsOf: Self.lexiconDirectory.appendingPathComponent(name), encoding: .utf8)
            #expect(LexiconSet.bundledText(of: name) == text,
                    "\(name) differs from its embedded copy: run `python3 scripts/embed-lexicons.py`")
        }
    }

    @Test(arguments: [
        // (file, text, expected description)
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t1.0\tadj\nupbeat\tlots\tadj\n",
         "optimism.tsv:3: expected a number in column 2, found \"lots\""),
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t2.5\tadj\n", "optimism.tsv:2: the number 2.5 is outside (0.0, 2.0]"),
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t0\tadj\n", "optimism.tsv:2: the number 0 is outside (0.0, 2.0]"),
        ("optimism.tsv", "# comment\n\nterm\tweight\tkind\nhopeful\t1\tadj\textra\n",
         "optimism.tsv:4: expected 3 columns (term, weight, kind), found 4"),
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t1\n", "optimism.tsv:2: expected 3 columns (term, weight, kind), found 2"),
        // More fields than the reader keeps room for are still counted and named.
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t1\tadj\ta\tb\tc\td\n",
         "optimism.tsv:2: expected 3 columns (term, weight, kind), found 7"),
        ("optimism.tsv", "term\tweight\tkind\tx\ty\tz\n",
         "optimism.tsv:1: the header must name the columns term<TAB>weight<TAB>kind (trailing optional ones may be left out), found term<TAB>weight<TAB>kind<TAB>x<TAB>y<TAB>z"),
        ("optimism.tsv", "term\tweight\tkind\nhopeful\t1\tnoun-ish\n",
         "optimism.tsv:2: unknown value \"noun-ish\" in column 3; expected one of verb, noun, adj, adv, phrase"),
        ("optimism.tsv", "term\tkind\tweight\n",
         "optimism.tsv:1: the header must name the columns term<TAB>weight<TAB>kind (trailing optional ones may be left out), found term<TAB>kind<TAB>weight"),
        ("places.tsv", "name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms\nAtlantis\ttown\n",
         "places.tsv:2: unknown value \"town\" in column 2; expected one of country, territory, state, province, region, capital, city, continent, water, landmark"),
        ("places.tsv", "name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms\n\tcity\n",
         "places.tsv:2: the required column \"name\" is empty"),
        ("places.extra.tsv", "name\tkind\tcountry\nUkraine\tcountry\tUkraine\nOdesa\tcity\tUkrain\n",
         "places.extra.tsv:3: unknown country \"Ukrain\": the country column must name a country or territory row of places.tsv"),
        // The first row naming an unknown country is reported, however many name it.
        ("places.extra.tsv", "name\tkind\tcountry\nOdesa\tcity\tNarnia\nKyiv\tcity\tUkraine\nLviv\tcity\tNarnia\nCair Paravel\tcity\tArchenland\n",
         "places.extra.tsv:2: unknown country \"Narnia\": the country column must name a country or territory row of places.tsv"),
        ("places.tsv", "name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms\nUkraine\tcountry\tUkraine\t-5\n",
         "places.tsv:2: population must be a whole number ≥ 0, found \"-5\""),
        ("places.tsv", "name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms\nUkraine\tcountry\tUkraine\t\tmaybe\n",
         "places.tsv:2: column 5 must be yes or no, found \"maybe\""),
        ("given-names.tsv", "name\tgender\tambiguous\nAlex\tx\n",
         "given-names.tsv:2: unknown value \"x\" in column 2; expected one of m, f, u"),
        ("hedges.tsv", "term\tmultiplier\nmaybe\t1.5\n", "hedges.tsv:2: the number 1.5 is outside (0.0, 1.0]"),
        ("negators.txt", "not\nno\tnever\n", "negators.txt:2: expected one entry a line, found 2 tab-separated fields"),
        ("organizations.tsv", "name\taliases\tkind\tcountry\nKremlin\t\tgovernment\tRussiaa\n",
         "organizations.tsv:2: unknown country \"Russiaa\": the country column must name a country or territory row of places.tsv"),
        ("speech-verbs.tsv", "form\tlemma\tkind\nsaid\tsay\tshouting\n",
         "speech-verbs.tsv:2: unknown value \"shouting\" in column 3; expected one of speech, cognition, source"),
        ("titles.tsv", "", "titles.tsv: the file has no header line (title<TAB>kind)"),
        ("surnames.txt", "Smith\n", "surnames.txt: unknown lexicon file; expected one of " + LexiconSet.fileNames.joined(separator: ", ")
            + ", or <base>.extra.tsv / <base>.extra.txt to extend one"),
    ])
    func malformedRowsReportFileAndLine(file: String, text: String, expected: String) {
        do {
            _ = try LexiconSet.load(overrides: [file: text])
            Issue.record("\(file) should not load")
        } catch {
            #expect(error.description == expected)
        }
    }

    /// The tables load on two threads and organisations check their countries after the gazetteer is
    /// built; errors still come out in the order a sequential load meets them.
    @Test(arguments: [
        // An unknown country on an earlier row than another error is the one reported …
        (["organizations.tsv": "name\taliases\tkind\tcountry\nKremlin\t\tgovernment\tRussiaa\nNATO\t\tclub\t\n"],
         "organizations.tsv:2: unknown country \"Russiaa\": the country column must name a country or territory row of places.tsv"),
        // … and not one on a later row.
        (["organizations.tsv": "name\taliases\tkind\tcountry\nNATO\t\tclub\t\nKremlin\t\tgovernment\tRussiaa\n"],
         "organizations.tsv:2: unknown value \"club\" in column 3; expected one of " + OrganizationKind.allCases.map(\.rawValue).joined(separator: ", ")),
        // A gazetteer error comes before any error in the files loaded beside it.
        (["places.tsv": "name\tkind\n\tcity\n", "given-names.tsv": "name\tgender\nAlex\tx\n"],
         "places.tsv:2: the required column \"name\" is empty"),
        // Names before organisations, organisations before the short files.
        (["given-names.tsv": "name\tgender\nAlex\tx\n", "organizations.tsv": "name\taliases\tkind\tcountry\nK\t\tgovernment\tRussiaa\n"],
         "given-names.tsv:2: unknown value \"x\" in column 2; expected one of m, f, u"),
        (["hedges.tsv": "term\tmultiplier\nmaybe\t1.5\n", "organizations.tsv": "name\taliases\tkind\tcountry\nK\t\tgovernment\tRussiaa\n"],
         "organizations.tsv:2: unknown country \"Russiaa\": the country column must name a country or territory row of places.tsv"),
    ])
    func errorsComeInLoadOrder(files: [String: String], expected: String) {
        do {
            _ = try LexiconSet.load(overrides: files)
            Issue.record("should not load")
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func replacingAFileDropsTheBundledEntries() throws {
        let lexicons = try LexiconSet.load(overrides: ["optimism.tsv": "term\tweight\tkind\nsunny\t1.5\tadj\n"])
        #expect(lexicons.optimism.lookup("sunny").first?.weight == 1.5)
        #expect(lexicons.optimism.lookup("hopeful").isEmpty)
        #expect(lexicons.optimism.entries.count == 1)
        #expect(lexicons.skepticism.contains("doubts"))
    }

    @Test func extraFilesExtendAndReweight() throws {
        let lexicons = try LexiconSet.load(overrides: [
            "optimism.extra.tsv": "term\tweight\tkind\nsunny uplands\t1.2\tphrase\nhopeful\t1.9\tadj\n",
            "places.extra.tsv": "name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms\n"
                + "Kyiv\tcapital\tUkraine\t\t\tKyjiw\nNew Atlantis\tcity\tUkraine\t5\n",
            "negators.extra.txt": "nary\n",
        ])
        #expect(lexicons.optimism.lookup("sunny uplands").first?.weight == 1.2)
        #expect(lexicons.optimism.lookup("hopeful").first?.weight == 1.9)
        #expect(lexicons.optimism.lookup("hopeful").count == 1)
        #expect(lexicons.optimism.contains("breakthrough"))
        let kyiv = try #require(lexicons.places.names.lookup("Kyjiw").first)
        #expect(kyiv.name == "Kyiv")
        #expect(kyiv.aliases.contains("Kiev") && kyiv.aliases.contains("Kyjiw"))
        #expect(kyiv.population ?? 0 > 1_000_000)
        #expect(lexicons.places.names.lookup("New Atlantis").first?.country == "Ukraine")
        #expect(lexicons.negators.contains("nary") && lexicons.negators.contains("not"))
    }

    @Test func theRepositoryDirectoryAsOverridesGivesTheBundledSet() throws {
        let lexicons = try LexiconSet.load(overrides: Self.lexiconDirectory.path)
        #expect(lexicons.places.names.entries.count == LexiconSet.bundled.places.names.entries.count)
        #expect(lexicons.givenNames.entries.count == LexiconSet.bundled.givenNames.entries.count)
    }

    @Test func directoryOverrides() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-lexicons-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "term\tweight\tkind\nrosy\t1\tadj\n".write(to: directory.appendingPathComponent("optimism.extra.tsv"),
                                                     atomically: true, encoding: .utf8)
        try "notes".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        let lexicons = try LexiconSet.load(overrides: directory.path)
        #expect(lexicons.optimism.contains("rosy") && lexicons.optimism.contains("hopeful"))

        try "x".write(to: directory.appendingPathComponent("stray.csv"), atomically: true, encoding: .utf8)
        #expect(throws: LexiconError.self) { try LexiconSet.load(overrides: directory.path) }
        #expect(throws: LexiconError.self) { try LexiconSet.load(overrides: directory.path + "/missing") }
    }

    /// A gazetteer row with the same name, kind and country as an earlier one merges into it (its
    /// aliases join the entry); a different country makes a place of its own.
    @Test func gazetteerRowsMergeByNameKindAndCountry() throws {
        let lexicons = try LexiconSet.load(overrides: ["places.extra.tsv": """
            name\tkind\tcountry\tpopulation\tambiguous\taliases
            Velmira\tcity\tUkraine\t1200\tno\tVelmyra
            Velmira\tcity\tUkraine\t\t\tWelmira
            Velmira\tcity\tPoland\t300\tno\t
            """])
        let velmira = lexicons.places.names.lookup("Velmira").filter { $0.name == "Velmira" }
        #expect(velmira.count == 2)
        let ukrainian = try #require(velmira.first { $0.country == "Ukraine" })
        #expect(ukrainian.aliases == ["Velmyra", "Welmira"])
        #expect(ukrainian.population == 1200)
        #expect(lexicons.places.names.lookup("Welmira").map(\.country) == ["Ukraine"])
    }

    /// The merge table grows past its first size and keeps every key (the bundled gazetteer fits in
    /// the first size, so loading alone never grows it).
    @Test func mergeIndexKeepsEveryKeyAsItGrows() {
        var index = MergeIndex(slots: 4)
        var random = SplitMix64(state: 3)
        let keys = (0..<5_000).map { _ in random.next() } + [0]
        for (value, key) in keys.enumerated() where index.value(for: key) == nil { index.insert(key, Int32(value)) }
        for (value, key) in keys.enumerated() { #expect(index.value(for: key) == Int32(value)) }
        #expect(index.value(for: 42) == nil)
    }
}
