import Dispatch

// MARK: - Loading

extension LexiconSet {
    /// Loads the bundled lexicons with some files replaced or extended by in-memory texts.
    ///
    /// A key equal to a bundled file name (`places.tsv`) replaces that file; a key `<base>.extra.tsv`
    /// (or `.extra.txt`) is read after the file it extends. See `Lexicons/README.md` for how later rows
    /// merge with earlier ones.
    ///
    /// - Parameter files: file name → UTF-8 text.
    /// - Returns: the validated, frozen lexicons.
    /// - Throws: ``LexiconError`` for an unknown file name or the first malformed row.
    public static func load(overrides files: [String: String]) throws(LexiconError) -> LexiconSet {
        var loader = Loader(overrides: [:], extras: [:])
        let extraNames = Dictionary(uniqueKeysWithValues: LexiconFile.allCases.map { ($0.extraName, $0) })
        for name in files.keys.sorted() {
            if let file = LexiconFile(rawValue: name) {
                loader.overrides[file] = files[name]
            } else if let file = extraNames[name] {
                loader.extras[file] = files[name]
            } else {
                throw LexiconError(file: name, line: 0, message: "unknown lexicon file; expected one of "
                    + fileNames.joined(separator: ", ") + ", or <base>.extra.tsv / <base>.extra.txt to extend one")
            }
        }
        return try loader.load()
    }
}

/// Reads every lexicon file in order and builds the tables.
private struct Loader {
    var overrides: [LexiconFile: String]
    var extras: [LexiconFile: String]

    /// The texts to read for `file`: the bundled (or replacing) file, then its `.extra` file.
    func sources(_ file: LexiconFile) -> [(name: String, text: String)] {
        var result = [(name: file.rawValue, text: overrides[file] ?? BundledLexicons.text(of: file.rawValue) ?? "")]
        if let extra = extras[file] { result.append((file.extraName, extra)) }
        return result
    }

    func read(_ file: LexiconFile, _ body: (Row) -> LexiconError?) throws(LexiconError) {
        for source in sources(file) {
            if let error = readRows(of: source.text, file: source.name, columns: file.columns,
                                    required: file.requiredColumns, body) {
                throw error
            }
        }
    }

    /// Builds every table on two threads: the gazetteer on one; the name lists, the organisations and
    /// the small tables on the other, which keeps the two about equally busy (the gazetteer is the
    /// largest). The organisations' countries are checked against the gazetteer afterwards, and errors
    /// are reported in the order a sequential load would meet them.
    func load() throws(LexiconError) -> LexiconSet {
        typealias Rest = (givenNames: PhraseTable<GivenName>, surnames: PhraseTable<Surname>,
                          organizations: UncheckedOrganizations, small: Result<SmallTables, LexiconError>)
        nonisolated(unsafe) var places: Result<(lexicon: PlaceLexicon, countryHashes: Set<UInt64>), LexiconError>?
        nonisolated(unsafe) var rest: Result<Rest, LexiconError>?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                places = Result { () throws(LexiconError) in try loadPlaces() }
            } else {
                rest = Result { () throws(LexiconError) in
                    (try loadGivenNames(), try loadSurnames(), loadOrganizations(),
                     Result { () throws(LexiconError) in try loadSmallTables() })
                }
            }
        }
        let gazetteer = try places!.get()
        let names = try rest!.get()
        let organizations = try names.organizations.checked(countries: gazetteer.countryHashes)
        let small = try names.small.get()
        return LexiconSet(
            places: gazetteer.lexicon, organizations: organizations, givenNames: names.givenNames, surnames: names.surnames,
            honorifics: small.honorifics, titles: small.titles, particles: small.particles, speechVerbs: small.speechVerbs,
            nonNames: small.nonNames, optimism: small.optimism, skepticism: small.skepticism, negators: small.negators,
            intensifiers: small.intensifiers, hedges: small.hedges)
    }

    /// The tables of the short files.
    struct SmallTables {
        var honorifics: PhraseTable<Honorific>
        var titles: PhraseTable<Title>
        var particles: PhraseTable<Term>
        var speechVerbs: PhraseTable<SpeechVerb>
        var nonNames: PhraseTable<Term>
        var optimism: PhraseTable<StanceCue>
        var skepticism: PhraseTable<StanceCue>
        var negators: PhraseTable<Term>
        var intensifiers: PhraseTable<Modifier>
        var hedges: PhraseTable<Modifier>
    }

    /// Loads the short files in this order; the first malformed row stops the load.
    private func loadSmallTables() throws(LexiconError) -> SmallTables {
        SmallTables(
            honorifics: try loadKeyed([.honorifics]) { row in
                guard let gender = row.enumValue(1, NameGender.self) else { return .failure(row.badEnum(1, NameGender.self)) }
                return .success(Honorific(term: row.string(0), gender: gender))
            },
            titles: try loadKeyed([.titles], capacity: 1_000) { row in
                guard let kind = row.enumValue(1, TitleKind.self) else { return .failure(row.badEnum(1, TitleKind.self)) }
                return .success(Title(title: row.string(0), kind: kind))
            },
            particles: try loadKeyed([.nameParticles]) { row in .success(Term(term: row.string(0))) },
            speechVerbs: try loadKeyed([.speechVerbs], capacity: 800) { row in
                guard let kind = row.enumValue(2, SpeechVerbKind.self) else { return .failure(row.badEnum(2, SpeechVerbKind.self)) }
                return .success(SpeechVerb(form: row.string(0), lemma: row.string(1), kind: kind))
            },
            nonNames: try loadKeyed([.nonNames], capacity: 500) { row in .success(Term(term: row.string(0))) },
            optimism: try loadKeyed([.optimism], capacity: 300, makeCue),
            skepticism: try loadKeyed([.skepticism], capacity: 300, makeCue),
            negators: try loadKeyed([.negators]) { row in .success(Term(term: row.string(0))) },
            intensifiers: try loadKeyed([.intensifiers]) { row in
                row.number(1, in: 0 ... 3, excludingZero: true).map { Modifier(term: row.string(0), multiplier: $0) }
            },
            hedges: try loadKeyed([.hedges]) { row in
                row.number(1, in: 0 ... 1, excludingZero: true).map { Modifier(term: row.string(0), multiplier: $0) }
            })
    }

    private func loadGivenNames() throws(LexiconError) -> PhraseTable<GivenName> {
        try loadKeyed([.givenNamesBulk, .givenNames], capacity: 64_000) { row in
            guard let gender = row.enumValue(1, NameGender.self) else { return .failure(row.badEnum(1, NameGender.self)) }
            return row.flag(2).map { GivenName(name: row.string(0), gender: gender, isAmbiguous: $0) }
        }
    }

    private func loadSurnames() throws(LexiconError) -> PhraseTable<Surname> {
        try loadKeyed([.surnames, .surnamesWorld], capacity: 32_000) { row in
            row.flag(1).map { Surname(name: row.string(0), isAmbiguous: $0) }
        }
    }

    private func makeCue(_ row: Row) -> Result<StanceCue, LexiconError> {
        guard let kind = row.enumValue(2, CueKind.self) else { return .failure(row.badEnum(2, CueKind.self)) }
        return row.number(1, in: 0 ... 2, excludingZero: true).map { StanceCue(term: row.string(0), weight: $0, kind: kind) }
    }

    /// A table where the first column is the phrase and a later row for the same exact phrase replaces
    /// the earlier one (so curated files and `.extra` files can correct generated or bundled rows).
    private func loadKeyed<Value: Sendable>(_ files: [LexiconFile], capacity: Int = 64,
                                            _ make: (Row) -> Result<Value, LexiconError>) throws(LexiconError) -> PhraseTable<Value> {
        var builder = PhraseTableBuilder<Value>(policy: .replace, capacity: capacity)
        for file in files {
            try read(file) { row in
                let value: Value
                switch make(row) {
                case .success(let made): value = made
                case .failure(let error): return error
                }
                builder.add(row.bytes, row.field(0), value: value)
                return nil
            }
        }
        return builder.build()
    }

    // MARK: Places

    private func loadPlaces() throws(LexiconError) -> (lexicon: PlaceLexicon, countryHashes: Set<UInt64>) {
        var builder = PhraseTableBuilder<Place>(policy: .accumulate, capacity: 60_000)
        var merged = MergeIndex(slots: 1 << 16)
        var countryStrings = UInt64Map<String>(capacity: 512)
        var countryIndex: [UInt64: Int32] = [:]
        // The first row naming each country, checked once the countries are known: every city names
        // one, and keeping (and later looking up) all 33,000 references cost more than the check.
        var references: [(hash: UInt64, name: String, file: String, line: Int)] = []
        var demonyms: [(phrase: String, value: Int32)] = []
        for file in [LexiconFile.cities, .places] {
            try read(file) { row in
                guard let kind = row.enumValue(1, PlaceKind.self) else { return row.badEnum(1, PlaceKind.self) }
                var country: String?
                var countryHash: UInt64 = 0
                if !row.isEmpty(2) {
                    countryHash = TokenHash.exactAndFolded(row.bytes, row.field(2)).exact
                    // Keyed through `TokenMap.key`: a raw token hash's top bits are not spread enough to index by.
                    let countryKey = TokenMap<String>.key(countryHash)
                    if let name = countryStrings[countryKey] {
                        country = name
                    } else {
                        let name = row.string(2)
                        countryStrings[countryKey] = name
                        country = name
                        references.append((countryHash, name, row.file, row.line))
                    }
                }
                var population: Int?
                if !row.isEmpty(3) {
                    guard let value = row.wholeNumber(3) else {
                        return row.error("population must be a whole number ≥ 0, found \"\(row.string(3))\"")
                    }
                    population = value
                }
                let ambiguous: Bool
                switch row.flag(4) {
                case .success(let flag): ambiguous = flag
                case .failure(let error): return error
                }
                let nameRange = row.field(0)
                // A row with the same name, kind and country as an earlier one merges into it.
                let index: Int32
                let kindCode = UInt64(PlaceKind.byteTable.firstIndex { $0.1 == kind }!) + 1
                let mergeKey = TokenHash.combine(TokenHash.combine(row.sequenceHash(nameRange), kindCode), countryHash)
                if let existing = merged.value(for: mergeKey) {
                    index = existing
                    var place = builder.values[Int(existing)]
                    if let population { place.population = population }
                    if !row.isEmpty(4) { place.isAmbiguous = ambiguous }
                    row.forEachValue(5) { place.aliases.append(row.string($0)) }
                    row.forEachValue(6) { place.demonyms.append(row.string($0)) }
                    builder.replace(existing, with: place)
                } else {
                    var place = Place(name: row.string(0), kind: kind, country: country, population: population,
                                      isAmbiguous: ambiguous, aliases: [], demonyms: [])
                    row.forEachValue(5) { place.aliases.append(row.string($0)) }
                    row.forEachValue(6) { place.demonyms.append(row.string($0)) }
                    index = builder.append(place)
                    merged.insert(mergeKey, index)
                    builder.addPhrase(row.bytes, nameRange, value: index)
                }
                row.forEachValue(5) { builder.addPhrase(row.bytes, $0, value: index) }
                row.forEachValue(6) { demonyms.append((row.string($0), index)) }
                if kind == .country || kind == .territory {
                    countryIndex[TokenHash.exactAndFolded(row.bytes, nameRange).exact] = index
                }
                return nil
            }
        }
        for reference in references where countryIndex[reference.hash] == nil {
            throw LexiconError(file: reference.file, line: reference.line,
                               message: "unknown country \"\(reference.name)\": the country column must name a country or territory row of places.tsv")
        }
        let names = builder.build(order: Place.isMoreLikely)
        var demonymBuilder = PhraseTableBuilder<Place>(values: names.entries, policy: .accumulate, capacity: demonyms.count)
        for var demonym in demonyms {
            demonym.phrase.withUTF8 { _ = demonymBuilder.addPhrase($0, 0 ..< $0.count, value: demonym.value) }
        }
        var countries: [String: Place] = [:]
        for index in countryIndex.values {
            let place = names.entries[Int(index)]
            countries[place.name] = place
        }
        let lexicon = PlaceLexicon(names: names, demonyms: demonymBuilder.build(order: Place.isMoreLikely), countries: countries)
        return (lexicon, Set(countryIndex.keys))
    }

    // MARK: Organisations

    /// The organisations as read, before their countries are checked against the gazetteer (which
    /// another thread is building meanwhile).
    struct UncheckedOrganizations {
        /// The table, or the first malformed row other than an unknown country.
        var table: Result<PhraseTable<Organization>, LexiconError>
        /// Every country named, in file order, up to the row that failed.
        var countries: [(hash: UInt64, name: String, file: String, line: Int)]

        /// The table, or the first error in file order: an unknown country before `table`'s error.
        func checked(countries known: Set<UInt64>) throws(LexiconError) -> PhraseTable<Organization> {
            if let unknown = countries.first(where: { !known.contains($0.hash) }) {
                throw LexiconError(file: unknown.file, line: unknown.line, message: "unknown country \"\(unknown.name)\": "
                    + "the country column must name a country or territory row of places.tsv")
            }
            return try table.get()
        }
    }

    private func loadOrganizations() -> UncheckedOrganizations {
        var builder = PhraseTableBuilder<Organization>(policy: .accumulate, capacity: 1_000)
        var countries: [(hash: UInt64, name: String, file: String, line: Int)] = []
        let table = Result { () throws(LexiconError) in
            try read(.organizations) { row in
                var kind = OrganizationKind.government
                if !row.isEmpty(2) {
                    guard let parsed = row.enumValue(2, OrganizationKind.self) else { return row.badEnum(2, OrganizationKind.self) }
                    kind = parsed
                } else {
                    return row.error("the column \"kind\" is empty")
                }
                var country: String?
                if !row.isEmpty(3) {
                    country = row.string(3)
                    countries.append((TokenHash.exactAndFolded(row.bytes, row.field(3)).exact, country!, row.file, row.line))
                }
                var organization = Organization(name: row.string(0), aliases: [], kind: kind, country: country)
                row.forEachValue(1) { organization.aliases.append(row.string($0)) }
                let index = builder.append(organization)
                builder.addPhrase(row.bytes, row.field(0), value: index)
                row.forEachValue(1) { builder.addPhrase(row.bytes, $0, value: index) }
                return nil
            }
            return builder.build()
        }
        return UncheckedOrganizations(table: table, countries: countries)
    }
}

// MARK: - Field parsing

extension Row {
    /// The `yes`/`no` flag in column `index` (empty or missing means no).
    func flag(_ index: Int) -> Result<Bool, LexiconError> {
        if isEmpty(index) || field(index, equals: "no") { return .success(false) }
        if field(index, equals: "yes") { return .success(true) }
        return .failure(error("column \(index + 1) must be yes or no, found \"\(string(index))\""))
    }

    /// A number in `range` (and above 0 when `excludingZero`).
    func number(_ index: Int, in range: ClosedRange<Double>, excludingZero: Bool) -> Result<Double, LexiconError> {
        let text = string(index)
        guard let value = Double(text), value.isFinite else {
            return .failure(error("expected a number in column \(index + 1), found \"\(text)\""))
        }
        guard range.contains(value), !(excludingZero && value == 0) else {
            let lower = excludingZero ? "(\(range.lowerBound)" : "[\(range.lowerBound)"
            return .failure(error("the number \(text) is outside \(lower), \(range.upperBound)]"))
        }
        return .success(value)
    }

    /// The non-negative whole number in column `index`, or nil.
    func wholeNumber(_ index: Int) -> Int? {
        let range = field(index)
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for i in range {
            let digit = Int(bytes[i]) - 0x30
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// The enum case whose raw value is the text of column `index`.
    func enumValue<E: LexiconEnum>(_ index: Int, _ type: E.Type) -> E? {
        let range = field(index)
        for (raw, value) in E.byteTable where raw.count == range.count {
            var equal = true
            for offset in 0 ..< raw.count where raw[offset] != bytes[range.lowerBound + offset] {
                equal = false
                break
            }
            if equal { return value }
        }
        return nil
    }

    /// The error for an unknown enum value in column `index`.
    func badEnum<E: LexiconEnum>(_ index: Int, _ type: E.Type) -> LexiconError {
        error("unknown value \"\(string(index))\" in column \(index + 1); expected one of "
            + E.allCases.map(\.rawValue).joined(separator: ", "))
    }
}

/// A kind column's enum, with its raw values as bytes computed once (`allCases` allocates on every call).
protocol LexiconEnum: RawRepresentable, CaseIterable where RawValue == String {
    /// Each case's raw value as UTF-8 bytes, with the case.
    static var byteTable: [([UInt8], Self)] { get }
}

extension LexiconEnum {
    /// Builds a ``byteTable`` (for the conformances' stored `static let`s).
    static func makeByteTable() -> [([UInt8], Self)] { allCases.map { (Array($0.rawValue.utf8), $0) } }
}

extension PlaceKind: LexiconEnum { static let byteTable = makeByteTable() }
extension OrganizationKind: LexiconEnum { static let byteTable = makeByteTable() }
extension NameGender: LexiconEnum { static let byteTable = makeByteTable() }
extension TitleKind: LexiconEnum { static let byteTable = makeByteTable() }
extension SpeechVerbKind: LexiconEnum { static let byteTable = makeByteTable() }
extension CueKind: LexiconEnum { static let byteTable = makeByteTable() }

/// The gazetteer's merge table (name, kind and country → the row's entry), probed once per row of a
/// 33,000-row file where nearly every probe misses. Keys and values in separate arrays, sized to a
/// load of up to three quarters: the keys fit in half a megabyte, which stays in the core's cache,
/// where a ``UInt64Map`` (16-byte slots, at most half full) took two megabytes and missed it on every row.
struct MergeIndex {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0

    init(slots: Int) {
        keys = [UInt64](repeating: 0, count: slots)
        values = [Int32](repeating: 0, count: slots)
    }

    private func slot(_ key: UInt64) -> Int {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var index = Int(truncatingIfNeeded: key >> UInt64(64 - keys.count.trailingZeroBitCount))
            while keys[index] != key, keys[index] != 0 { index = (index + 1) & mask }
            return index
        }
    }

    /// The value stored under `key`, if any.
    func value(for key: UInt64) -> Int32? {
        let key = key == 0 ? 1 : key
        let index = slot(key)
        return keys[index] == key ? values[index] : nil
    }

    /// Stores a key not stored yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let key = key == 0 ? 1 : key
        let index = slot(key)
        keys[index] = key
        values[index] = value
        count += 1
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where key != 0 {
            let index = slot(key)
            keys[index] = key
            values[index] = value
        }
    }
}
