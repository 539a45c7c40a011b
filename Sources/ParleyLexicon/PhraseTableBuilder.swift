/// Builds a ``PhraseTable``: add values and their phrases, then `build()`.
///
/// Internally an open-addressing table that grows by doubling, with per-key linked lists of postings
/// that `build()` compacts into contiguous ranges (in insertion order, or in `order` when given).
struct PhraseTableBuilder<Value: Sendable> {
    private(set) var values: [Value] = []
    private var exact = IndexBuilder()
    private var folded = IndexBuilder()
    private var maxTokens = 0
    private var phraseCount = 0

    init(capacity: Int = 16) {
        exact = IndexBuilder(capacity: capacity)
        folded = IndexBuilder(capacity: capacity)
    }

    /// Starts a table over existing values (a second index over the same entries, such as demonyms).
    init(values: [Value], capacity: Int = 16) {
        self.init(capacity: capacity)
        self.values = values
    }

    /// The first value stored under an exact token-sequence hash, if any (for last-row-wins replacement).
    func existingValue(exactSequence hash: UInt64) -> Int32? {
        exact.firstValue(for: hash)
    }

    /// Appends a value and returns its index, to be named by ``addPhrase(_:_:value:)``.
    mutating func append(_ value: Value) -> Int32 {
        values.append(value)
        return Int32(values.count - 1)
    }

    /// Replaces a value already appended (used when a later row merges into an earlier entry).
    mutating func replace(_ index: Int32, with value: Value) {
        values[Int(index)] = value
    }

    /// Makes the phrase `bytes[range]` name the value at `value`.
    /// - Returns: false when the phrase has no tokens.
    @discardableResult
    mutating func addPhrase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: Int32) -> Bool {
        var exactHash = TokenHash.sequenceSeed
        var foldedHash = TokenHash.sequenceSeed
        var previousExact: UInt64 = 0
        var previousFolded: UInt64 = 0
        var tokens = 0
        PhraseSplitter.forEachToken(in: bytes, range) { e, f in
            if tokens > 0 {
                exact.insertPrefix(previousExact)
                folded.insertPrefix(previousFolded)
            }
            exactHash = TokenHash.combine(exactHash, e)
            foldedHash = TokenHash.combine(foldedHash, f)
            previousExact = exactHash
            previousFolded = foldedHash
            tokens += 1
        }
        guard tokens > 0 else { return false }
        if exact.insert(exactHash, value: value) { phraseCount += 1 }
        folded.insert(foldedHash, value: value)
        maxTokens = max(maxTokens, tokens)
        return true
    }

    /// Freezes the table. `order`, when given, sorts the entries of each phrase (best first).
    func build(order: ((Value, Value) -> Bool)? = nil) -> PhraseTable<Value> {
        PhraseTable(values: values,
                    exactIndex: exact.freeze(values: values, order: order),
                    foldedIndex: folded.freeze(values: values, order: order),
                    maxTokens: maxTokens, phraseCount: phraseCount)
    }
}

/// The growable half of a ``HashIndex``.
private struct IndexBuilder {
    var keys: [UInt64]
    var heads: [Int32]
    var tails: [Int32]
    var count = 0
    var linkValue: [Int32] = []
    var linkNext: [Int32] = []

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        heads = Array(repeating: -1, count: size)
        tails = Array(repeating: -1, count: size)
    }

    private mutating func slot(claiming key: UInt64) -> Int {
        if (count + 1) * 2 > keys.count { grow() }
        let key = HashIndex.storedKey(key)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[slot]
            if k == key { return slot }
            if k == 0 {
                keys[slot] = key
                count += 1
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldHeads = heads, oldTails = tails
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        heads = Array(repeating: -1, count: size)
        tails = Array(repeating: -1, count: size)
        let mask = size - 1
        for i in oldKeys.indices where oldKeys[i] != 0 {
            var slot = Int(truncatingIfNeeded: oldKeys[i]) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[i]
            heads[slot] = oldHeads[i]
            tails[slot] = oldTails[i]
        }
    }

    func firstValue(for key: UInt64) -> Int32? {
        let key = HashIndex.storedKey(key)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[slot]
            if k == key { return heads[slot] >= 0 ? linkValue[Int(heads[slot])] : nil }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    mutating func insertPrefix(_ key: UInt64) {
        _ = slot(claiming: key)
    }

    /// Adds `value` under `key` unless it is already there. - Returns: true when the key had no values before.
    @discardableResult
    mutating func insert(_ key: UInt64, value: Int32) -> Bool {
        let slot = slot(claiming: key)
        let wasEmpty = heads[slot] < 0
        var link = heads[slot]
        while link >= 0 {
            if linkValue[Int(link)] == value { return false }
            link = linkNext[Int(link)]
        }
        let newLink = Int32(linkValue.count)
        linkValue.append(value)
        linkNext.append(-1)
        if tails[slot] >= 0 { linkNext[Int(tails[slot])] = newLink } else { heads[slot] = newLink }
        tails[slot] = newLink
        return wasEmpty
    }

    func freeze<Value>(values: [Value], order: ((Value, Value) -> Bool)?) -> HashIndex {
        var starts = Array(repeating: Int32(0), count: keys.count)
        var ends = Array(repeating: Int32(0), count: keys.count)
        var postings: [Int32] = []
        postings.reserveCapacity(linkValue.count)
        for slot in keys.indices where keys[slot] != 0 {
            let start = postings.count
            var link = heads[slot]
            while link >= 0 {
                postings.append(linkValue[Int(link)])
                link = linkNext[Int(link)]
            }
            if let order, postings.count - start > 1 {
                postings[start...].sort { a, b in   // ties keep file order, so the result is deterministic
                    order(values[Int(a)], values[Int(b)]) || (!order(values[Int(b)], values[Int(a)]) && a < b)
                }
            }
            starts[slot] = Int32(start)
            ends[slot] = Int32(postings.count)
        }
        return HashIndex(keys: keys, starts: starts, ends: ends, postings: postings)
    }
}
