@testable import ParleyLexicon
import ParleyTestSupport
import Testing

/// The prebuilt tables compiled into the binary: current, complete, and safe to read when damaged.
@Suite struct LexiconSnapshotTests {
    static let regenerate = "run `swift run -c release parley-lexicon-snapshot` (or `python3 scripts/embed-lexicons.py`)"

    /// A small lexicon set (every file replaced) whose snapshot is a few kilobytes, for the damage tests.
    static let small: LexiconSet = {
        var files: [String: String] = [:]
        for file in LexiconFile.allCases {
            files[file.rawValue] = file.isList ? "" : file.columns.joined(separator: "\t") + "\n"
        }
        files["places.tsv"] = """
            name\tkind\tcountry\tpopulation\tambiguous\taliases\tdemonyms
            Ukraine\tcountry\tUkraine\t41000000\tno\tUkrainia\tUkrainian|Ukrainians
            Kyiv\tcapital\tUkraine\t2900000\tno\tKiev
            Georgia\tcountry\tGeorgia\t3700000\tyes\t\tGeorgian
            Georgia\tstate\t\t10700000\tyes
            Black Sea\twater

            """
        files["organizations.tsv"] = "name\taliases\tkind\tcountry\nVerkhovna Rada\tRada\tlegislature\tUkraine\n"
        files["given-names.tsv"] = "name\tgender\tambiguous\nOlena\tf\tno\nWill\tm\tyes\n"
        files["surnames.tsv"] = "name\tambiguous\nvon der Leyen\tno\n"
        files["titles.tsv"] = "title\tkind\nForeign Minister\tminister\nSecretary of State\tminister\n"
        files["speech-verbs.tsv"] = "form\tlemma\tkind\nsaid\tsay\tspeech\naccording to\taccording to\tsource\n"
        files["optimism.tsv"] = "term\tweight\tkind\nhopeful\t1.25\tadj\n"
        files["hedges.tsv"] = "term\tmultiplier\nperhaps\t0.5\n"
        files["negators.txt"] = "not\nn't\n"
        return try! LexiconSet.load(overrides: files)
    }()

    static let smallSizes: [UInt64] = [1, 2, 3]

    /// Decodes an array (a closure with typed throws passed to `withUnsafeBytes` crashes the compiler).
    static func decode(_ bytes: some Collection<UInt8>, fileSizes: [UInt64] = smallSizes) throws(LexiconSnapshot.Failure) -> LexiconSet {
        let array = Array(bytes)
        var result: Result<LexiconSet, LexiconSnapshot.Failure>?
        array.withUnsafeBytes { raw in
            result = Result { () throws(LexiconSnapshot.Failure) in try LexiconSnapshot.decode(raw, fileSizes: fileSizes) }
        }
        return try result!.get()
    }

    @Test func embeddedSnapshotIsCurrent() throws {
        let built = try LexiconSet.load(overrides: [:]).snapshot()
        let embedded = [UInt8](LexiconSnapshot.embedded)
        #expect(embedded.count == built.count, "the embedded snapshot is stale: \(Self.regenerate)")
        #expect(embedded == built, "the embedded snapshot is stale: \(Self.regenerate)")
    }

    /// Decoding keeps everything encoding wrote: encoding the decoded set gives the same bytes.
    @Test func embeddedSnapshotRoundTrips() throws {
        let embedded = LexiconSnapshot.embedded
        let decoded = try LexiconSnapshot.decode(embedded)
        #expect(LexiconSnapshot.encode(decoded) == [UInt8](embedded))
    }

    /// The compiled-in snapshot's indexes are used where they lie, and answer like copies that were
    /// checked slot by slot.
    @Test func embeddedIndexesAreReadInPlace() throws {
        let embedded = LexiconSnapshot.embedded
        let inPlace = try LexiconSnapshot.decode(embedded, permanent: true)
        let copied = try LexiconSnapshot.decode(embedded)
        let start = UInt(bitPattern: embedded.baseAddress!)
        let bytes = start ..< start + UInt(embedded.count)
        #expect(bytes.contains(UInt(bitPattern: inPlace.places.names.exactIndex.slots.base)))
        #expect(bytes.contains(UInt(bitPattern: inPlace.hedges.foldedIndex.filter.base)))
        #expect(!bytes.contains(UInt(bitPattern: copied.places.names.exactIndex.slots.base)))
        for phrase in ["Kyiv", "United States", "Paris", "Black Sea", "Nowhereville"] {
            #expect(Array(inPlace.places.names.lookup(phrase)) == Array(copied.places.names.lookup(phrase)), "\(phrase)")
        }
        #expect(LexiconSnapshot.encode(inPlace) == [UInt8](embedded))
    }

    /// What a copied index must satisfy before lookups may trust it (a lookup reads postings
    /// unchecked and walks slots until an empty one).
    @Test(arguments: [
        ([IndexSlot(key: 7, start: 0, end: 2), IndexSlot(key: 0, start: 0, end: 0)], [0, 1] as [Int32], nil as String?),
        ([IndexSlot(key: 7, start: 0, end: 2), IndexSlot(key: 9, start: 2, end: 2)], [0, 1], "index without an empty slot"),
        ([IndexSlot(key: 7, start: 0, end: 3), IndexSlot(key: 0, start: 0, end: 0)], [0, 1], "postings out of range"),
        ([IndexSlot(key: 7, start: 1, end: 2), IndexSlot(key: 0, start: 0, end: 0)], [0, 1], "bad index slot"),
        ([IndexSlot(key: 7, start: 0, end: 2), IndexSlot(key: 0, start: 0, end: 1)], [0, 1], "empty index slot with postings"),
        ([IndexSlot(key: 7, start: 0, end: 2), IndexSlot(key: 0, start: 0, end: 0)], [0, 5], "postings out of range"),
    ])
    func indexChecks(slots: [IndexSlot], postings: [Int32], failure: String?) {
        let result = Result { () throws(LexiconSnapshot.Failure) in
            try SnapshotReader.check(slots: FrozenBuffer(slots), postings: FrozenBuffer(postings), values: 2)
        }
        switch result {
        case .success: #expect(failure == nil)
        case .failure(let error): #expect(error == .malformed(failure ?? "none"))
        }
    }

    @Test func decodedTablesAnswerLikeBuiltOnes() throws {
        let bytes = LexiconSnapshot.encode(Self.small, fileSizes: Self.smallSizes)
        let decoded = try Self.decode(bytes)
        for phrase in ["Kyiv", "Kiev", "Ukraine", "Georgia", "Black Sea", "Black", "Paris"] {
            #expect(Array(decoded.places.names.lookup(phrase)) == Array(Self.small.places.names.lookup(phrase)), "\(phrase)")
            #expect(Array(decoded.places.names.lookup(phrase.uppercased(), case: .folded))
                    == Array(Self.small.places.names.lookup(phrase.uppercased(), case: .folded)), "\(phrase)")
        }
        #expect(decoded.places.names.lookup("Georgia").map(\.kind) == [.country, .state])
        #expect(decoded.places.demonyms.lookup("Ukrainians").first?.name == "Ukraine")
        #expect(decoded.places.country(named: "Georgia")?.population == 3_700_000)
        #expect(decoded.organizations.lookup("Rada").first?.country == "Ukraine")
        #expect(decoded.givenNames.lookup("Will").first == GivenName(name: "Will", gender: .male, isAmbiguous: true))
        #expect(decoded.surnames.contains("von der Leyen"))
        #expect(decoded.titles.lookup("Secretary of State").first?.kind == .minister)
        #expect(decoded.speechVerbs.lookup("according to").first?.kind == .source)
        #expect(decoded.optimism.lookup("hopeful").first?.weight == 1.25)
        #expect(decoded.hedges.lookup("perhaps").first?.multiplier == 0.5)
        #expect(decoded.negators.contains("n't"))
        #expect(decoded.titles.maxTokens == Self.small.titles.maxTokens)
        #expect(decoded.places.names.phraseCount == Self.small.places.names.phraseCount)
    }

    @Test func otherFilesOrVersionsAreStale() {
        var bytes = LexiconSnapshot.encode(Self.small, fileSizes: Self.smallSizes)
        #expect(throws: LexiconSnapshot.Failure.stale("made from other lexicon files")) {
            _ = try Self.decode(bytes, fileSizes: [1, 2, 4])
        }
        bytes[8] &+= 1
        #expect(throws: LexiconSnapshot.Failure.stale("format version \(LexiconSnapshot.formatVersion + 1), expected \(LexiconSnapshot.formatVersion)")) {
            _ = try Self.decode(bytes)
        }
        #expect(throws: LexiconSnapshot.Failure.malformed("not a lexicon snapshot")) {
            _ = try Self.decode([UInt8](repeating: 0, count: 64))
        }
    }

    /// Every cut and a few thousand flipped bytes are reported or read, never a trap.
    @Test func damagedSnapshotsFailCleanly() {
        let bytes = LexiconSnapshot.encode(Self.small, fileSizes: Self.smallSizes)
        for length in 0 ..< bytes.count {
            #expect(throws: LexiconSnapshot.Failure.self) {
                _ = try Self.decode(bytes[..<length])
            }
        }
        var random = SplitMix64(state: 0x5EED)
        for _ in 0 ..< 3_000 {
            var damaged = bytes
            for _ in 0 ... random.next() % 3 {
                damaged[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            // Either outcome is fine; the test is that decoding returns at all.
            _ = try? Self.decode(damaged)
        }
    }
}
