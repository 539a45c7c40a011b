/// What a builder does when one exact phrase is given a second value.
enum DuplicatePolicy {
    /// Keep both: the phrase names several entries (`Paris` the city in France and in Texas).
    case accumulate
    /// The later value wins and the earlier one is dropped (re-weighting a cue in an `.extra` file).
    case replace
}

/// Builds a ``PhraseTable``: append values, name them with phrases, then `build()`.
///
/// Phrases are only recorded while loading (sequential appends). `build()` sorts the recorded keys by
/// their home slot and inserts them in that order, so filling the open-addressing tables walks memory
/// almost sequentially instead of missing the cache on every insert; this halves the load time.
struct PhraseTableBuilder<Value: Sendable> {
    private(set) var values: [Value] = []
    private var exact = PendingIndex()
    private var folded = PendingIndex()
    private var maxTokens = 0
    private let policy: DuplicatePolicy

    init(policy: DuplicatePolicy, capacity: Int = 16) {
        self.policy = policy
        exact.reserve(capacity)
        folded.reserve(capacity)
    }

    /// Starts a table over existing values (a second index over the same entries, such as demonyms).
    init(values: [Value], policy: DuplicatePolicy, capacity: Int = 16) {
        self.init(policy: policy, capacity: capacity)
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

    /// Makes the phrase `bytes[range]` name the value at `value`.
    /// - Returns: false when the phrase has no tokens.
    @discardableResult
    mutating func addPhrase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: Int32) -> Bool {
        var exactHash = TokenHash.sequenceSeed
        var foldedHash = TokenHash.sequenceSeed
        var tokens = 0
        PhraseSplitter.forEachToken(in: bytes, range) { e, f in
            if tokens > 0 {
                exact.add(exactHash, value: -1)
                folded.add(foldedHash, value: -1)
            }
            exactHash = TokenHash.combine(exactHash, e)
            foldedHash = TokenHash.combine(foldedHash, f)
            tokens += 1
        }
        guard tokens > 0 else { return false }
        exact.add(exactHash, value: value)
        folded.add(foldedHash, value: value)
        maxTokens = max(maxTokens, tokens)
        return true
    }

    /// Appends `value` and names it with the phrase `bytes[range]`.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, value: Value) {
        let index = append(value)
        if !addPhrase(bytes, range, value: index) { values.removeLast() }
    }

    /// Freezes the table. `order`, when given, sorts the entries of each phrase (best first).
    func build(order: ((Value, Value) -> Bool)? = nil) -> PhraseTable<Value> {
        var dead = [Bool](repeating: false, count: policy == .replace ? values.count : 0)
        let exactIndex = exact.freeze(values: values, policy: policy, dead: &dead, order: order)
        var live = values
        var remap: [Int32] = []
        if dead.contains(true) {
            // Drop replaced values and renumber the postings, so `entries` lists each phrase once.
            remap = [Int32](repeating: -1, count: values.count)
            live = []
            live.reserveCapacity(values.count)
            for index in values.indices where !dead[index] {
                remap[index] = Int32(live.count)
                live.append(values[index])
            }
        }
        let foldedIndex = folded.freeze(values: values, policy: .accumulate, dead: &dead, order: order)
        return PhraseTable(values: live,
                           exactIndex: exactIndex.renumbered(remap),
                           foldedIndex: foldedIndex.renumbered(remap),
                           maxTokens: maxTokens,
                           phraseCount: exactIndex.slots.reduce(0) { $0 + ($1.start < $1.end ? 1 : 0) })
    }
}

extension HashIndex {
    /// The same index with every posting `p` replaced by `remap[p]` (no change when `remap` is empty).
    func renumbered(_ remap: [Int32]) -> HashIndex {
        guard !remap.isEmpty else { return self }
        return HashIndex(slots: slots, postings: FrozenBuffer(postings.map { remap[Int($0)] }), shift: shift, filter: filter)
    }
}

/// The keys and values recorded for one ``HashIndex`` before it is built.
private struct PendingIndex {
    /// One recorded key and its value (-1: a prefix of a longer phrase), side by side so recording
    /// costs one append.
    struct Entry {
        var key: UInt64
        var value: Int32
    }

    var entries: [Entry] = []

    mutating func reserve(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }

    mutating func add(_ key: UInt64, value: Int32) {
        entries.append(Entry(key: HashIndex.storedKey(key), value: value))
    }

    /// Builds the frozen index. Keys are bucket-sorted by the high bits that choose their home slot
    /// (a stable counting sort, so equal keys keep their insertion order), then inserted with linear probing.
    ///
    /// - Parameters:
    ///   - policy: `.replace` makes a later value of a key drop the earlier one, marked in `dead`.
    ///   - dead: values dropped so far; dead values are skipped.
    func freeze<Value>(values table: [Value], policy: DuplicatePolicy, dead: inout [Bool],
                       order: ((Value, Value) -> Bool)?) -> HashIndex {
        let n = entries.count
        var bits = 4
        while (1 << bits) * 2 < n * 3 { bits += 1 }     // load factor ≤ 2/3
        let size = 1 << bits
        let shift = UInt64(64 - bits)
        let bucketBits = min(bits, 12)
        let bucketShift = UInt64(64 - bucketBits)

        // Stable counting sort of (key, value) by home bucket. Raw buffers throughout: these loops run
        // once per key of every table at start-up, and array accesses paid bounds and uniqueness checks.
        var counts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        var sorted = [Entry](repeating: Entry(key: 0, value: 0), count: n)
        entries.withUnsafeBufferPointer { entries in
            counts.withUnsafeMutableBufferPointer { counts in
                for entry in entries { counts[Int(entry.key >> bucketShift) + 1] += 1 }
                for b in 1 ..< counts.count { counts[b] += counts[b - 1] }
                sorted.withUnsafeMutableBufferPointer { sorted in
                    for entry in entries {
                        let b = Int(entry.key >> bucketShift)
                        sorted[counts[b]] = entry
                        counts[b] += 1
                    }
                }
            }
        }

        // Insert. While building, a slot's `start` holds the key's first value (or -1) and its `end` the
        // head of an overflow list of further values (or -1); compaction below turns them into ranges.
        var slots = [IndexSlot](repeating: IndexSlot(key: 0, start: -1, end: -1), count: size)
        var linkValue: [Int32] = []
        var linkNext: [Int32] = []
        let mask = size - 1
        var distinctKeys = 0
        slots.withUnsafeMutableBufferPointer { slots in
            for entry in sorted {
                let (key, value) = (entry.key, entry.value)
                var slot = Int(key >> shift)
                while slots[slot].key != key, slots[slot].key != 0 { slot = (slot + 1) & mask }
                if slots[slot].key == 0 { distinctKeys += 1 }
                slots[slot].key = key
                if value < 0 || (!dead.isEmpty && dead[Int(value)]) { continue }
                let first = slots[slot].start
                if first < 0 {
                    slots[slot].start = value
                } else if first != value {
                    if policy == .replace {
                        dead[Int(first)] = true
                        slots[slot].start = value
                        continue
                    }
                    var link = slots[slot].end
                    var seen = false
                    while link >= 0, !seen {
                        seen = linkValue[Int(link)] == value
                        link = linkNext[Int(link)]
                    }
                    if !seen {
                        linkValue.append(value)
                        linkNext.append(slots[slot].end)
                        slots[slot].end = Int32(linkValue.count - 1)
                    }
                }
            }
        }

        // Compact into contiguous posting ranges, in place; empty slots get the empty range 0..<0.
        // There are at most `n` postings (one per recorded value), so they are written into a buffer
        // of that size and cut to length once.
        // The Bloom filter is filled in the same pass.
        var postings = [Int32](repeating: 0, count: n)
        var written = 0
        var filter = [UInt64](repeating: 0, count: HashIndex.filterWords(keys: distinctKeys))
        let filterMask = filter.count - 1
        slots.withUnsafeMutableBufferPointer { slots in
            postings.withUnsafeMutableBufferPointer { postings in
              filter.withUnsafeMutableBufferPointer { filter in
                for slot in 0 ..< size {
                    let key = slots[slot].key
                    guard key != 0 else {
                        slots[slot].start = 0
                        slots[slot].end = 0
                        continue
                    }
                    filter[HashIndex.filterWord(key, mask: filterMask)] |= HashIndex.filterBits(key)
                    let start = written
                    let first = slots[slot].start
                    if first >= 0 {
                        postings[written] = first
                        written += 1
                        if slots[slot].end >= 0 {
                            // The overflow list runs newest first: written backwards to keep insertion order.
                            var extra = 0
                            var link = slots[slot].end
                            while link >= 0 { extra += 1; link = linkNext[Int(link)] }
                            link = slots[slot].end
                            for offset in stride(from: written + extra - 1, through: written, by: -1) {
                                postings[offset] = linkValue[Int(link)]
                                link = linkNext[Int(link)]
                            }
                            written += extra
                            if let order {
                                // Ties keep file order, so the result is deterministic.
                                var run = UnsafeMutableBufferPointer(rebasing: postings[start ..< written])
                                run.sort { (a: Int32, b: Int32) -> Bool in
                                    let first = table[Int(a)], second = table[Int(b)]
                                    if order(first, second) { return true }
                                    return !order(second, first) && a < b
                                }
                            }
                        }
                    }
                    slots[slot].start = Int32(start)
                    slots[slot].end = Int32(written)
                }
              }
            }
        }
        postings.removeLast(n - written)
        return HashIndex(slots: slots, postings: postings, shift: shift, filter: filter)
    }
}
