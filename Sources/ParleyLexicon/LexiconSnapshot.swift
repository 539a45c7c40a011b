import CParleyLexiconSnapshot
import Dispatch

/// The bundled lexicons' frozen tables as bytes, compiled into the binary so a run starts without
/// parsing and hashing 160,000 TSV rows.
///
/// Building the tables from the embedded TSV files costs ~300 M instructions (~20 ms on two threads);
/// reading the snapshot decodes the entries and uses the hash indexes (slots, postings and Bloom
/// filters, 12 MB) where they lie in the binary, without copying them. The TSV files stay the source
/// of truth: the snapshot is regenerated from them by `swift run -c release parley-lexicon-snapshot`
/// (which `scripts/embed-lexicons.py` runs), and the test suite fails when it differs from a fresh
/// build of the bundled files, so it cannot silently go stale. At run time a snapshot whose format
/// version or recorded file sizes do not match the embedded files is ignored and the tables are
/// built from the TSV text instead (slower, never wrong).
///
/// Format (little-endian, unaligned but for the raw arrays): magic, format version, the byte count
/// of every bundled file, the gazetteer behind its length (place names, demonyms, and the countries
/// as positions among the names' entries; it starts on a 16-byte boundary), then the other tables of
/// ``LexiconSet`` in declaration order. A table is its entries (unless it shares another table's),
/// then for each of its two indexes: the slot, posting and filter counts and the shift, then the
/// slots (16-byte aligned), the postings and the filter words (8-byte aligned) as they are in memory;
/// then `maxTokens` and `phraseCount`. Raw arrays are little-endian memory, which every platform
/// Swift targets is; alignment counts from the start of the snapshot, which the assembler aligns.
enum LexiconSnapshot {
    /// "PRLXSNAP", little-endian.
    static let magic: UInt64 = 0x5041_4E53_584C_5250
    /// Bumped whenever the layout of the bytes changes.
    static let formatVersion: UInt32 = 3

    /// Why a snapshot could not be read.
    enum Failure: Error, Equatable {
        /// Missing, cut short or not a snapshot at all.
        case malformed(String)
        /// Written by another format version or from other lexicon files.
        case stale(String)
    }

    /// The byte count of every bundled file, in ``LexiconFile`` order: a cheap check that the snapshot
    /// was made from the files compiled into this binary (the test suite compares the whole tables).
    static var bundledFileSizes: [UInt64] {
        LexiconFile.allCases.map { UInt64(BundledLexicons.text(of: $0.rawValue)?.utf8.count ?? 0) }
    }

    /// The snapshot compiled into the binary (empty when none was generated).
    static var embedded: UnsafeRawBufferPointer {
        var count = 0
        guard let start = parley_lexicon_snapshot(&count), count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: start, count: count)
    }

    /// The bytes of `lexicons`, tagged with `fileSizes` (the bundled files they were built from).
    static func encode(_ lexicons: LexiconSet, fileSizes: [UInt64] = bundledFileSizes) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.u64(magic)
        writer.u32(formatVersion)
        writer.u32(UInt32(fileSizes.count))
        for size in fileSizes { writer.u64(size) }
        // The gazetteer first, behind its length, so a reader can start on the rest at once.
        var places = SnapshotWriter()
        places.table(lexicons.places.names)
        places.table(lexicons.places.demonyms, sharingValues: true)
        // Countries are entries of the names table: stored as their positions there.
        let names = lexicons.places.names.entries
        let position = Dictionary(names.indices.map { (names[$0], $0) }, uniquingKeysWith: { first, _ in first })
        let countries = lexicons.places.countries.keys.sorted()
        places.u32(UInt32(countries.count))
        for name in countries { places.u32(UInt32(position[lexicons.places.countries[name]!]!)) }
        writer.u64(UInt64(places.bytes.count))
        // The gazetteer's raw arrays are aligned within it, so it starts aligned.
        writer.align(16)
        writer.append(places)
        writer.table(lexicons.organizations)
        writer.table(lexicons.givenNames)
        writer.table(lexicons.surnames)
        writer.table(lexicons.honorifics)
        writer.table(lexicons.titles)
        writer.table(lexicons.particles)
        writer.table(lexicons.speechVerbs)
        writer.table(lexicons.nonNames)
        writer.table(lexicons.optimism)
        writer.table(lexicons.skepticism)
        writer.table(lexicons.negators)
        writer.table(lexicons.intensifiers)
        writer.table(lexicons.hedges)
        return writer.bytes
    }

    /// The lexicons stored in `bytes`, which must have been made from files of `fileSizes` bytes.
    ///
    /// The gazetteer is decoded on a second thread while this one decodes the other tables (as
    /// building them from text does): most of the time goes to first touches of fresh memory.
    ///
    /// - Throws: ``Failure`` for anything but a complete, current snapshot; never traps on bad bytes.
    static func decode(_ bytes: UnsafeRawBufferPointer, fileSizes: [UInt64] = bundledFileSizes,
                       permanent: Bool = false) throws(Failure) -> LexiconSet {
        var reader = SnapshotReader(bytes, permanent: permanent)
        guard try reader.u64() == magic else { throw .malformed("not a lexicon snapshot") }
        let version = try reader.u32()
        guard version == formatVersion else { throw .stale("format version \(version), expected \(formatVersion)") }
        let count = try reader.count(elementSize: 8)
        var sizes: [UInt64] = []
        for _ in 0 ..< count { sizes.append(try reader.u64()) }
        guard sizes == fileSizes else { throw .stale("made from other lexicon files") }
        let placesLength = try reader.u64()
        try reader.align(16)
        guard placesLength <= UInt64(reader.remaining) else { throw .malformed("gazetteer length \(placesLength) exceeds the data") }
        // Raw buffers are not Sendable; each thread reads its own part of the immutable bytes.
        nonisolated(unsafe) let placesPart = try reader.part(Int(placesLength))
        nonisolated(unsafe) let restPart = reader
        nonisolated(unsafe) var places: Result<PlaceLexicon, Failure>?
        // The other tables, waiting for the gazetteer.
        nonisolated(unsafe) var rest: Result<(PlaceLexicon) -> LexiconSet, Failure>?
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var reader = placesPart
                places = Result { () throws(Failure) in try reader.places() }
            } else {
                var reader = restPart
                rest = Result { () throws(Failure) in
                    let organizations: PhraseTable<Organization> = try reader.table()
                    let givenNames: PhraseTable<GivenName> = try reader.table()
                    let surnames: PhraseTable<Surname> = try reader.table()
                    let honorifics: PhraseTable<Honorific> = try reader.table()
                    let titles: PhraseTable<Title> = try reader.table()
                    let particles: PhraseTable<Term> = try reader.table()
                    let speechVerbs: PhraseTable<SpeechVerb> = try reader.table()
                    let nonNames: PhraseTable<Term> = try reader.table()
                    let optimism: PhraseTable<StanceCue> = try reader.table()
                    let skepticism: PhraseTable<StanceCue> = try reader.table()
                    let negators: PhraseTable<Term> = try reader.table()
                    let intensifiers: PhraseTable<Modifier> = try reader.table()
                    let hedges: PhraseTable<Modifier> = try reader.table()
                    guard reader.isAtEnd else { throw .malformed("\(reader.remaining) bytes after the last table") }
                    return { places in
                        LexiconSet(places: places, organizations: organizations, givenNames: givenNames, surnames: surnames,
                                   honorifics: honorifics, titles: titles, particles: particles, speechVerbs: speechVerbs,
                                   nonNames: nonNames, optimism: optimism, skepticism: skepticism, negators: negators,
                                   intensifiers: intensifiers, hedges: hedges)
                    }
                }
            }
        }
        return try rest!.get()(try places!.get())
    }
}

// MARK: - Bytes

/// Appends little-endian fields to a byte array.
struct SnapshotWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func append(_ other: SnapshotWriter) { bytes.append(contentsOf: other.bytes) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }
    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }

    /// A case of a lexicon enum, by its position in `byteTable`.
    mutating func enumCase<E: LexiconEnum & Equatable>(_ value: E) {
        u8(UInt8(E.byteTable.firstIndex { $0.1 == value }!))
    }

    /// Zero bytes up to the next multiple of `alignment` (a raw array's element alignment), counted
    /// from the start of this writer's bytes.
    mutating func align(_ alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    /// An index as it lies in memory, so the reader can use it in place: the slot count, the shift,
    /// the posting and filter counts, then the slots (16-byte aligned), the postings and the filter
    /// words.
    mutating func index(_ index: HashIndex) {
        u32(UInt32(index.slots.count))
        u32(UInt32(index.shift))
        u32(UInt32(index.postings.count))
        u32(UInt32(index.filter.count))
        align(16)
        bytes.append(contentsOf: UnsafeRawBufferPointer(index.slots.buffer))
        bytes.append(contentsOf: UnsafeRawBufferPointer(index.postings.buffer))
        align(8)
        bytes.append(contentsOf: UnsafeRawBufferPointer(index.filter.buffer))
    }

    /// A table; `sharingValues` leaves out entries the reader already has (demonyms index the places).
    mutating func table<V: SnapshotValue>(_ table: PhraseTable<V>, sharingValues: Bool = false) {
        u32(UInt32(table.values.count))
        if !sharingValues {
            for value in table.values { value.write(to: &self) }
        }
        index(table.exactIndex)
        index(table.foldedIndex)
        u32(UInt32(table.maxTokens))
        u32(UInt32(table.phraseCount))
    }
}

/// Reads what ``SnapshotWriter`` wrote, checking every length against the bytes left.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    /// Whether the bytes live as long as the program (the compiled-in snapshot), so indexes may be
    /// used where they lie.
    let permanent: Bool

    init(_ bytes: UnsafeRawBufferPointer, permanent: Bool = false) {
        self.bytes = bytes
        self.permanent = permanent
    }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    /// A reader of the next `count` bytes, which this one skips.
    mutating func part(_ count: Int) throws(LexiconSnapshot.Failure) -> SnapshotReader {
        let start = try take(count)
        return SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[start ..< start + count]), permanent: permanent)
    }

    /// The gazetteer part: place names, demonyms over the same entries, countries.
    mutating func places() throws(LexiconSnapshot.Failure) -> PlaceLexicon {
        let names: PhraseTable<Place> = try table()
        let demonyms: PhraseTable<Place> = try table(sharing: names.values)
        var countries: [String: Place] = [:]
        for _ in 0 ..< (try count(elementSize: 4)) {
            let position = Int(try u32())
            guard position < names.values.count else { throw .malformed("country entry \(position) out of range") }
            countries[names.values[position].name] = names.values[position]
        }
        guard isAtEnd else { throw .malformed("\(remaining) bytes after the gazetteer") }
        return PlaceLexicon(names: names, demonyms: demonyms, countries: countries)
    }

    @inline(__always)
    private mutating func take(_ count: Int) throws(LexiconSnapshot.Failure) -> Int {
        guard count >= 0, count <= remaining else { throw .malformed("cut short at byte \(offset)") }
        defer { offset += count }
        return offset
    }

    @inline(__always)
    mutating func u8() throws(LexiconSnapshot.Failure) -> UInt8 { bytes[try take(1)] }
    @inline(__always)
    mutating func u32() throws(LexiconSnapshot.Failure) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(4), as: UInt32.self))
    }
    @inline(__always)
    mutating func u64() throws(LexiconSnapshot.Failure) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: try take(8), as: UInt64.self))
    }
    mutating func bool() throws(LexiconSnapshot.Failure) -> Bool { try u8() != 0 }
    mutating func double() throws(LexiconSnapshot.Failure) -> Double { Double(bitPattern: try u64()) }

    /// A count of items of at least `elementSize` bytes each, rejected when the rest cannot hold them
    /// (so a corrupt count never makes the reader reserve gigabytes).
    mutating func count(elementSize: Int) throws(LexiconSnapshot.Failure) -> Int {
        let count = Int(try u32())
        guard count <= remaining / max(elementSize, 1) else { throw .malformed("count \(count) at byte \(offset) exceeds the data") }
        return count
    }

    mutating func string() throws(LexiconSnapshot.Failure) -> String {
        let count = Int(try u32())
        let start = try take(count)
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start ..< start + count]), as: UTF8.self)
    }

    mutating func optionalString() throws(LexiconSnapshot.Failure) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(LexiconSnapshot.Failure) -> [String] {
        let count = try count(elementSize: 4)
        guard count > 0 else { return [] }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count { values.append(try string()) }
        return values
    }

    mutating func enumCase<E: LexiconEnum>(_ type: E.Type) throws(LexiconSnapshot.Failure) -> E {
        let code = Int(try u8())
        guard code < E.byteTable.count else { throw .malformed("unknown \(E.self) code \(code)") }
        return E.byteTable[code].1
    }

    /// Skips the zero bytes ``SnapshotWriter/align(_:)`` wrote.
    mutating func align(_ alignment: Int) throws(LexiconSnapshot.Failure) {
        let padding = (alignment - offset % alignment) % alignment
        _ = try take(padding)
    }

    /// The next `count` values of `T`: in place when this snapshot is permanent and they are aligned,
    /// else a copy.
    mutating func frozen<T: BitwiseCopyable>(_ count: Int, of type: T.Type) throws(LexiconSnapshot.Failure) -> FrozenBuffer<T> {
        guard count >= 0, count <= remaining / MemoryLayout<T>.stride else { throw .malformed("count \(count) at byte \(offset) exceeds the data") }
        let start = try take(count * MemoryLayout<T>.stride)
        let bytes = UnsafeRawBufferPointer(rebasing: self.bytes[start ..< start + count * MemoryLayout<T>.stride])
        if permanent, let base = bytes.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 {
            return FrozenBuffer(permanent: base.bindMemory(to: T.self, capacity: count), count: count)
        }
        return FrozenBuffer(copying: bytes, count: count)
    }

    /// Reads what ``SnapshotWriter/index(_:)`` wrote.
    ///
    /// A snapshot read into copies (anything but the one compiled into the binary) has every slot
    /// and posting checked, so damaged bytes are reported, never read out of bounds. The compiled-in
    /// snapshot is checked whole by the test suite (which reads it into copies); at run time only its
    /// sizes are, so that its 12 MB of slots are not all touched before the first lookup.
    mutating func index(values: Int) throws(LexiconSnapshot.Failure) -> HashIndex {
        let size = Int(try u32())
        let shift = try u32()
        guard size > 0, size.nonzeroBitCount == 1, size <= 1 << 30, UInt64(shift) == UInt64(64 - size.trailingZeroBitCount) else {
            throw .malformed("bad index size \(size) or shift \(shift)")
        }
        let postingCount = Int(try u32())
        let filterCount = Int(try u32())
        guard filterCount > 0, filterCount.nonzeroBitCount == 1 else { throw .malformed("bad filter size \(filterCount)") }
        try align(16)
        let slots = try frozen(size, of: IndexSlot.self)
        let postings = try frozen(postingCount, of: Int32.self)
        try align(8)
        let filter = try frozen(filterCount, of: UInt64.self)
        if !permanent { try Self.check(slots: slots, postings: postings, values: values) }
        return HashIndex(slots: slots, postings: postings, shift: UInt64(shift), filter: filter)
    }

    /// Every occupied slot's postings follow the previous one's, empty slots hold none, at least one
    /// slot is empty (a lookup walks until it meets one) and every posting names an entry.
    static func check(slots: FrozenBuffer<IndexSlot>, postings: FrozenBuffer<Int32>, values: Int) throws(LexiconSnapshot.Failure) {
        var next: Int32 = 0
        var sawEmpty = false
        for slot in slots {
            if slot.key == 0 {
                guard slot.start == 0, slot.end == 0 else { throw .malformed("empty index slot with postings") }
                sawEmpty = true
                continue
            }
            guard slot.start == next, slot.end >= slot.start else { throw .malformed("bad index slot") }
            next = slot.end
        }
        guard sawEmpty else { throw .malformed("index without an empty slot") }
        guard Int(next) == postings.count, postings.allSatisfy({ $0 >= 0 && Int($0) < values }) else {
            throw .malformed("postings out of range")
        }
    }

    /// A table with its own entries.
    mutating func table<V: SnapshotValue>() throws(LexiconSnapshot.Failure) -> PhraseTable<V> {
        let count = try count(elementSize: 1)
        var failure: LexiconSnapshot.Failure?
        let values = [V](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(LexiconSnapshot.Failure) {
                while initialized < count {
                    (buffer.baseAddress! + initialized).initialize(to: try V.read(from: &self))
                    initialized += 1
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return try tableIndexes(values: values)
    }

    /// A table over entries read before (demonyms index the places' entries).
    mutating func table<V: SnapshotValue>(sharing values: [V]) throws(LexiconSnapshot.Failure) -> PhraseTable<V> {
        guard Int(try u32()) == values.count else { throw .malformed("shared entries differ in number") }
        return try tableIndexes(values: values)
    }

    private mutating func tableIndexes<V>(values: [V]) throws(LexiconSnapshot.Failure) -> PhraseTable<V> {
        let exact = try index(values: values.count)
        let folded = try index(values: values.count)
        let maxTokens = Int(try u32())
        let phraseCount = Int(try u32())
        return PhraseTable(values: values, exactIndex: exact, foldedIndex: folded, maxTokens: maxTokens, phraseCount: phraseCount)
    }
}

// MARK: - Entries

/// A lexicon entry that can be stored in a snapshot.
protocol SnapshotValue: Sendable {
    func write(to writer: inout SnapshotWriter)
    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Self
}

extension Place: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(name)
        writer.enumCase(kind)
        writer.optionalString(country)
        writer.bool(population != nil)
        if let population { writer.u64(UInt64(population)) }
        writer.bool(isAmbiguous)
        writer.strings(aliases)
        writer.strings(demonyms)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Place {
        Place(name: try reader.string(), kind: try reader.enumCase(PlaceKind.self), country: try reader.optionalString(),
              population: try reader.bool() ? Int(truncatingIfNeeded: try reader.u64()) : nil,
              isAmbiguous: try reader.bool(), aliases: try reader.strings(), demonyms: try reader.strings())
    }
}

extension Organization: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(name)
        writer.strings(aliases)
        writer.enumCase(kind)
        writer.optionalString(country)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Organization {
        Organization(name: try reader.string(), aliases: try reader.strings(), kind: try reader.enumCase(OrganizationKind.self),
                     country: try reader.optionalString())
    }
}

extension GivenName: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(name)
        writer.enumCase(gender)
        writer.bool(isAmbiguous)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> GivenName {
        GivenName(name: try reader.string(), gender: try reader.enumCase(NameGender.self), isAmbiguous: try reader.bool())
    }
}

extension Surname: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(name)
        writer.bool(isAmbiguous)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Surname {
        Surname(name: try reader.string(), isAmbiguous: try reader.bool())
    }
}

extension Honorific: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(term)
        writer.enumCase(gender)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Honorific {
        Honorific(term: try reader.string(), gender: try reader.enumCase(NameGender.self))
    }
}

extension Title: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(title)
        writer.enumCase(kind)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Title {
        Title(title: try reader.string(), kind: try reader.enumCase(TitleKind.self))
    }
}

extension SpeechVerb: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(form)
        writer.string(lemma)
        writer.enumCase(kind)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> SpeechVerb {
        SpeechVerb(form: try reader.string(), lemma: try reader.string(), kind: try reader.enumCase(SpeechVerbKind.self))
    }
}

extension StanceCue: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(term)
        writer.double(weight)
        writer.enumCase(kind)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> StanceCue {
        StanceCue(term: try reader.string(), weight: try reader.double(), kind: try reader.enumCase(CueKind.self))
    }
}

extension Modifier: SnapshotValue {
    func write(to writer: inout SnapshotWriter) {
        writer.string(term)
        writer.double(multiplier)
    }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Modifier {
        Modifier(term: try reader.string(), multiplier: try reader.double())
    }
}

extension Term: SnapshotValue {
    func write(to writer: inout SnapshotWriter) { writer.string(term) }

    static func read(from reader: inout SnapshotReader) throws(LexiconSnapshot.Failure) -> Term {
        Term(term: try reader.string())
    }
}

extension LexiconSet {
    /// These tables as a snapshot, the form in which the bundled lexicons are compiled into the binary
    /// (`parley-lexicon-snapshot` writes it; see `LexiconSnapshot`).
    public func snapshot() -> [UInt8] { LexiconSnapshot.encode(self) }
}
