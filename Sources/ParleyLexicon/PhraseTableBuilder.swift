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

    /// Appends a value and returns its index, to be named by ``addPhrase(_:_:value:)``.
    mutating func append(_ value: Value) -> Int32 {
        values.append(value)
        return Int32(values.count - 1)
    }

    /// Replaces a value already appended (used when a later row merges into an earlier entry).
    mutating func replace(_ index: Int32, with value: Value) {
        values[Int(index)] = value
    }

    /// The first value named by an exact token-sequence hash that satisfies `predicate`, if any.
    func firstValue(exactSequence hash: UInt64, where predicate: (Value) -> Bool) -> Int32? {
        var found: Int32?
        exact.forEachValue(of: hash) { index in
            if found == nil, predicate(values[Int(index)]) { found = index }
        }
        return found
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

    /// Adds `value` under the phrase `bytes[range]`, or, when the exact phrase already names a value,
    /// replaces that value (a later row for the same phrase wins). Costs one probe per index.
    mutating func addOrReplace(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: Value) {
        var exactHash = TokenHash.sequenceSeed
        var foldedHash = TokenHash.sequenceSeed
        var tokens = 0
        var prefixes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        var extraPrefixes: [(UInt64, UInt64)] = []
        PhraseSplitter.forEachToken(in: bytes, range) { e, f in
            if tokens > 0 {
                switch tokens {
                case 1: prefixes.0 = exactHash; prefixes.1 = foldedHash
                case 2: prefixes.2 = exactHash; prefixes.3 = foldedHash
                case 3: prefixes.4 = exactHash; prefixes.5 = foldedHash
                default: extraPrefixes.append((exactHash, foldedHash))
                }
            }
            exactHash = TokenHash.combine(exactHash, e)
            foldedHash = TokenHash.combine(foldedHash, f)
            tokens += 1
        }
        guard tokens > 0 else { return }
        let index = Int32(values.count)
        if let existing = exact.insertUnlessPresent(exactHash, value: index) {
            values[Int(existing)] = value
            return
        }
        values.append(value)
        phraseCount += 1
        folded.insert(foldedHash, value: index)
        if tokens > 1 {
            exact.insertPrefix(prefixes.0); folded.insertPrefix(prefixes.1)
            if tokens > 2 { exact.insertPrefix(prefixes.2); folded.insertPrefix(prefixes.3) }
            if tokens > 3 { exact.insertPrefix(prefixes.4); folded.insertPrefix(prefixes.5) }
            for (e, f) in extraPrefixes {
                exact.insertPrefix(e)
                folded.insertPrefix(f)
            }
        }
        maxTokens = max(maxTokens, tokens)
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
///
/// Each slot keeps its key, its first value inline and the head of an overflow list for further values,
/// so the common single-valued insert touches one cache line.
private struct IndexBuilder {
    struct Slot {
        var key: UInt64 = 0
        var first: Int32 = -1          // the first value, or -1 (prefix only)
        var overflow: Int32 = -1       // head of the list of further values (newest first), or -1
    }

    var slots: [Slot]
    var count = 0
    var valueCount = 0
    var linkValue: [Int32] = []
    var linkNext: [Int32] = []

    init(capacity: Int = 16) {
        var size = 16
        while size * 2 < capacity * 3 { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
    }

    private mutating func claim(_ key: UInt64) -> Int {
        if (count + 1) * 3 > slots.count * 2 { grow() }   // load factor ≤ 2/3
        let key = HashIndex.storedKey(key)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = slots[index].key
            if k == key { return index }
            if k == 0 {
                slots[index].key = key
                count += 1
                return index
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.key != 0 {
            var index = Int(truncatingIfNeeded: slot.key) & mask
            while slots[index].key != 0 { index = (index + 1) & mask }
            slots[index] = slot
        }
    }

    mutating func insertPrefix(_ key: UInt64) {
        _ = claim(key)
    }

    /// Calls `body` with each value stored under `key` (first value, then the overflow list).
    func forEachValue(of key: UInt64, _ body: (Int32) -> Void) {
        let key = HashIndex.storedKey(key)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: key) & mask
        while slots[index].key != key {
            if slots[index].key == 0 { return }
            index = (index + 1) & mask
        }
        guard slots[index].first >= 0 else { return }
        body(slots[index].first)
        var link = slots[index].overflow
        while link >= 0 {
            body(linkValue[Int(link)])
            link = linkNext[Int(link)]
        }
    }

    /// Stores `value` as the key's first value, unless the key already has one, which is returned instead.
    mutating func insertUnlessPresent(_ key: UInt64, value: Int32) -> Int32? {
        let index = claim(key)
        let first = slots[index].first
        if first >= 0 { return first }
        slots[index].first = value
        valueCount += 1
        return nil
    }

    /// Adds `value` under `key` unless it is already there. - Returns: true when the key had no values before.
    @discardableResult
    mutating func insert(_ key: UInt64, value: Int32) -> Bool {
        let index = claim(key)
        let first = slots[index].first
        if first < 0 {
            slots[index].first = value
            valueCount += 1
            return true
        }
        if first == value { return false }
        var link = slots[index].overflow
        while link >= 0 {
            if linkValue[Int(link)] == value { return false }
            link = linkNext[Int(link)]
        }
        linkValue.append(value)
        linkNext.append(slots[index].overflow)
        slots[index].overflow = Int32(linkValue.count - 1)
        valueCount += 1
        return false
    }

    func freeze<Value>(values: [Value], order: ((Value, Value) -> Bool)?) -> HashIndex {
        var frozen = [IndexSlot](repeating: IndexSlot(key: 0, start: 0, end: 0), count: slots.count)
        var postings: [Int32] = []
        postings.reserveCapacity(valueCount)
        var overflow: [Int32] = []
        for index in slots.indices {
            let slot = slots[index]
            guard slot.key != 0 else { continue }
            let start = postings.count
            if slot.first >= 0 {
                postings.append(slot.first)
                if slot.overflow >= 0 {
                    overflow.removeAll(keepingCapacity: true)
                    var link = slot.overflow
                    while link >= 0 {
                        overflow.append(linkValue[Int(link)])
                        link = linkNext[Int(link)]
                    }
                    postings.append(contentsOf: overflow.reversed())   // insertion order
                    if let order {
                        postings[start...].sort { a, b in   // ties keep file order, so the result is deterministic
                            order(values[Int(a)], values[Int(b)]) || (!order(values[Int(b)], values[Int(a)]) && a < b)
                        }
                    }
                }
            }
            frozen[index] = IndexSlot(key: slot.key, start: Int32(start), end: Int32(postings.count))
        }
        return HashIndex(slots: frozen, postings: postings)
    }
}
