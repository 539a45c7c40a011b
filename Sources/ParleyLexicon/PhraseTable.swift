/// Which token hashes a lookup compares: case-sensitive or ASCII-case-folded.
public enum LetterCase: Sendable, Hashable {
    /// Compare ``TokenHash/exact(_:)-(UnsafeBufferPointer<UInt8>)`` hashes: `Will` ≠ `will`, `WHO` ≠ `who`.
    case exact
    /// Compare ``TokenHash/folded(_:)-(UnsafeBufferPointer<UInt8>)`` hashes: `KYIV`, `Kyiv`, `kyiv` are alike.
    case folded
}

/// A successful phrase lookup: how many tokens matched and which lexicon entries the phrase names.
///
/// Read the entries with ``PhraseTable/values(of:)``; a match holds only indices, so it is cheap to keep.
public struct PhraseMatch: Hashable, Sendable {
    /// The number of tokens the phrase spans (at least 1).
    public var length: Int
    /// Positions in the table's postings list; an internal detail exposed only for ``PhraseTable/values(of:)``.
    public var postings: Range<Int32>
    /// Which hash variant matched.
    public var letterCase: LetterCase

    /// Creates a match; normally only ``PhraseTable`` does this.
    @inlinable
    public init(length: Int, postings: Range<Int32>, letterCase: LetterCase) {
        self.length = length
        self.postings = postings
        self.letterCase = letterCase
    }
}

/// The entries a phrase names, in lexicon priority order, without copying them.
public struct PhraseValues<Value>: RandomAccessCollection {
    @usableFromInline let values: [Value]
    @usableFromInline let postings: FrozenBuffer<Int32>
    @usableFromInline let range: Range<Int>

    @inlinable init(values: [Value], postings: FrozenBuffer<Int32>, range: Range<Int>) {
        self.values = values
        self.postings = postings
        self.range = range
    }

    /// The first position (always 0).
    @inlinable public var startIndex: Int { 0 }
    /// One past the last position.
    @inlinable public var endIndex: Int { range.count }
    /// The entry at `position`.
    @inlinable public subscript(position: Int) -> Value {
        precondition(position >= 0 && position < range.count, "phrase value index out of range")
        return values[Int(postings[range.lowerBound + position])]
    }
}

extension PhraseValues: Sendable where Value: Sendable {}

/// One slot of a ``HashIndex``: a sequence hash and its posting range, in one 16-byte cache-friendly cell.
@usableFromInline
struct IndexSlot: Sendable, BitwiseCopyable {
    /// The stored key (0 = empty slot).
    @usableFromInline var key: UInt64
    /// The first posting.
    @usableFromInline var start: Int32
    /// One past the last posting; equal to `start` for a prefix-only slot.
    @usableFromInline var end: Int32

    @inlinable init(key: UInt64, start: Int32, end: Int32) {
        self.key = key
        self.start = start
        self.end = end
    }
}

/// An immutable open-addressing hash index from sequence hashes to posting ranges.
///
/// A slot whose range is empty marks a phrase prefix: longer phrases start with it, so a longest-match
/// scan must go on. Key 0 is reserved for empty slots (a real key 0 is stored as 1; collisions between
/// distinct 64-bit keys are ignored: with 10^5 keys the chance is about 10^-9).
///
/// Most probes ask for a key that is not there (a capitalised word that is no place, no given name, …),
/// and the slot arrays of the large tables are megabytes, so such a probe used to miss the cache. A
/// blocked Bloom filter of 8 bits per key (two bits in one 64-bit word, about 5 % false positives) sits
/// in front: small enough to stay in cache, it answers most misses without touching the slots.
///
/// The three arrays are ``FrozenBuffer``s: the bundled tables' are read in place from the snapshot
/// compiled into the binary.
@usableFromInline
struct HashIndex: Sendable {
    @usableFromInline let slots: FrozenBuffer<IndexSlot>
    @usableFromInline let postings: FrozenBuffer<Int32>
    @usableFromInline let mask: Int
    /// A key's home slot is its top bits: `key >> shift` (so building can insert in slot order).
    @usableFromInline let shift: UInt64
    /// The Bloom filter: a key may be present only if both of its bits are set in its word.
    @usableFromInline let filter: FrozenBuffer<UInt64>
    @usableFromInline let filterMask: Int

    /// The filter's size in 64-bit words for `keys` keys: a power of two, 8 bits a key.
    static func filterWords(keys: Int) -> Int {
        var words = 1
        while words * 8 < keys { words <<= 1 }
        return words
    }

    /// An index over copies of built arrays.
    init(slots: [IndexSlot], postings: [Int32], shift: UInt64, filter: [UInt64]) {
        self.init(slots: FrozenBuffer(slots), postings: FrozenBuffer(postings), shift: shift, filter: FrozenBuffer(filter))
    }

    /// An index over frozen arrays; `slots` and `filter` have power-of-two sizes, and every slot's
    /// posting range lies within `postings` (the snapshot reader checks this).
    init(slots: FrozenBuffer<IndexSlot>, postings: FrozenBuffer<Int32>, shift: UInt64, filter: FrozenBuffer<UInt64>) {
        self.slots = slots
        self.postings = postings
        self.mask = slots.count - 1
        self.shift = shift
        self.filter = filter
        self.filterMask = filter.count - 1
    }

    @inlinable static func storedKey(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The filter word of a stored key: its low bits (the home slot takes the high ones).
    @inlinable static func filterWord(_ key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: key) & mask }

    /// The two filter bits of a stored key, from bits the word index and the home slot leave alone.
    @inlinable static func filterBits(_ key: UInt64) -> UInt64 {
        (1 << ((key >> 32) & 63)) | (1 << ((key >> 38) & 63))
    }

    /// The slot holding `key`, or nil when no phrase has this hash (nor starts with it).
    @inlinable func slot(for key: UInt64) -> IndexSlot? {
        let key = Self.storedKey(key)
        let bits = Self.filterBits(key)
        guard filter[Self.filterWord(key, mask: filterMask)] & bits == bits else { return nil }
        var index = Int(truncatingIfNeeded: key >> shift)
        while true {
            let slot = slots[index]
            if slot.key == key { return slot }
            if slot.key == 0 { return nil }
            index = (index + 1) & mask
        }
    }
}

extension HashIndex {
    /// The longest phrase of at most `maxTokens` tokens whose sequence hash this index holds,
    /// starting at `start` (see ``PhraseTable/longestMatch(in:from:case:)``).
    @inlinable
    func longestMatch<Hashes: RandomAccessCollection>(
        in hashes: Hashes, from start: Hashes.Index, maxTokens: Int, case letterCase: LetterCase
    ) -> PhraseMatch? where Hashes.Element == UInt64 {
        var sequence = TokenHash.sequenceSeed
        var best: PhraseMatch?
        var position = start
        var length = 0
        while position < hashes.endIndex, length < maxTokens {
            sequence = TokenHash.combine(sequence, hashes[position])
            guard let slot = slot(for: sequence) else { break }
            length += 1
            if slot.start < slot.end {
                best = PhraseMatch(length: length, postings: slot.start ..< slot.end, letterCase: letterCase)
            }
            position = hashes.index(after: position)
        }
        return best
    }
}

/// A dictionary from token sequences to lexicon entries, with longest-match lookup from any token.
///
/// Phrases are split into tokens like document text (see `Lexicons/README.md`), each token is hashed
/// with ``TokenHash``, and the sequence hash (``TokenHash/combine(_:_:)``) of every phrase and of every
/// proper prefix is stored in two open-addressing tables, one for exact and one for ASCII-folded
/// hashes. A lookup therefore costs one probe per token and never allocates. A phrase may name several
/// entries (`Paris` the French capital and `Paris` in Texas); they come back in lexicon priority order.
public struct PhraseTable<Value: Sendable>: Sendable {
    @usableFromInline let values: [Value]
    @usableFromInline let exactIndex: HashIndex
    @usableFromInline let foldedIndex: HashIndex
    /// The number of tokens in the longest phrase (a longest-match scan never looks further).
    public let maxTokens: Int
    /// The number of distinct phrases (exact spelling) in the table.
    public let phraseCount: Int

    init(values: [Value], exactIndex: HashIndex, foldedIndex: HashIndex, maxTokens: Int, phraseCount: Int) {
        self.values = values
        self.exactIndex = exactIndex
        self.foldedIndex = foldedIndex
        self.maxTokens = maxTokens
        self.phraseCount = phraseCount
    }

    /// Every entry of the table, in file order (after merging duplicates and overrides).
    public var entries: [Value] { values }

    /// The longest phrase that starts at `start`, given one hash per token.
    ///
    /// - Parameters:
    ///   - hashes: one hash per document token: exact hashes for `.exact`, folded hashes for `.folded`.
    ///   - start: the index of the first token to match.
    ///   - letterCase: which variant `hashes` holds.
    /// - Returns: the longest match, or nil when no phrase starts with the token at `start`.
    @inlinable
    public func longestMatch<Hashes: RandomAccessCollection>(
        in hashes: Hashes, from start: Hashes.Index, case letterCase: LetterCase
    ) -> PhraseMatch? where Hashes.Element == UInt64 {
        // Each index is searched where it is stored: choosing one into a local copied it (retaining
        // its buffers) on every lookup.
        switch letterCase {
        case .exact: exactIndex.longestMatch(in: hashes, from: start, maxTokens: maxTokens, case: .exact)
        case .folded: foldedIndex.longestMatch(in: hashes, from: start, maxTokens: maxTokens, case: .folded)
        }
    }

    /// The entries a single token names (a one-token phrase), without a longest-match scan.
    ///
    /// - Parameters:
    ///   - hash: the token's hash, of the variant `letterCase` names.
    ///   - letterCase: exact or folded.
    /// - Returns: the match, or nil when no one-token phrase has this hash.
    @inlinable @inline(__always)
    public func match(token hash: UInt64, case letterCase: LetterCase) -> PhraseMatch? {
        // Each index is probed where it is stored: choosing one into a local copied it (retaining its
        // buffers) on every lookup.
        let key = TokenHash.combine(TokenHash.sequenceSeed, hash)
        guard let slot = letterCase == .exact ? exactIndex.slot(for: key) : foldedIndex.slot(for: key), slot.start < slot.end else {
            return nil
        }
        return PhraseMatch(length: 1, postings: slot.start ..< slot.end, letterCase: letterCase)
    }

    /// The entries a match names, best first.
    ///
    /// - Parameter match: a match returned by this table.
    /// - Returns: a view of the entries; it does not copy them.
    @inlinable
    public func values(of match: PhraseMatch) -> PhraseValues<Value> {
        PhraseValues(values: values, postings: match.letterCase == .exact ? exactIndex.postings : foldedIndex.postings,
                     range: Int(match.postings.lowerBound) ..< Int(match.postings.upperBound))
    }

    /// The position in ``entries`` of the best entry a match names, so a caller can keep it and read
    /// the entry's fields later without copying the entry (and retaining its strings) on every lookup.
    @inlinable
    public func firstEntryIndex(of match: PhraseMatch) -> Int { entryIndex(of: match, at: 0) }

    /// The position in ``entries`` of the entry at `position` (0 = best) among those a match names.
    @inlinable
    public func entryIndex(of match: PhraseMatch, at position: Int) -> Int {
        let posting = Int(match.postings.lowerBound) + position
        switch match.letterCase {
        case .exact: return Int(exactIndex.postings[posting])
        case .folded: return Int(foldedIndex.postings[posting])
        }
    }

    /// `body` over the entries in place: a caller reads the fields it needs of one entry
    /// (``firstEntryIndex(of:)``) without copying the whole entry and retaining its strings.
    @inlinable
    public func withEntries<Result>(_ body: (UnsafeBufferPointer<Value>) -> Result) -> Result {
        values.withUnsafeBufferPointer(body)
    }

    /// The entries a whole phrase names (convenience for tests and tools; it allocates).
    ///
    /// - Parameters:
    ///   - phrase: the phrase as text, split into tokens like lexicon entries.
    ///   - letterCase: exact or folded comparison.
    /// - Returns: the entries, best first; empty when the phrase is not in the table.
    public func lookup(_ phrase: String, case letterCase: LetterCase = .exact) -> PhraseValues<Value> {
        let (exact, folded) = PhraseSplitter.hashes(of: phrase)
        let hashes = letterCase == .exact ? exact : folded
        guard !hashes.isEmpty, let match = longestMatch(in: hashes, from: 0, case: letterCase),
              match.length == hashes.count else {
            return PhraseValues(values: values, postings: exactIndex.postings, range: 0 ..< 0)
        }
        return values(of: match)
    }

    /// Whether the whole phrase is in the table (convenience; it allocates).
    ///
    /// - Parameters:
    ///   - phrase: the phrase as text.
    ///   - letterCase: exact or folded comparison.
    /// - Returns: true when ``lookup(_:case:)`` finds at least one entry.
    public func contains(_ phrase: String, case letterCase: LetterCase = .exact) -> Bool {
        !lookup(phrase, case: letterCase).isEmpty
    }
}
