/// A short ASCII string packed into two integers, for allocation-free lexicon lookups.
///
/// The tokenizer and splitter look words up (abbreviations, sentence starters, pronouns) while
/// scanning raw bytes; building a `String` for each lookup would allocate and hash more than
/// needed. Up to 16 ASCII bytes fit; longer or non-ASCII words have no key and so match nothing,
/// which is correct for every list Parley keeps here.
struct ShortKey: Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Packs `bytes[range]`, folding ASCII letters to lower case when `foldCase` is set.
    /// - Returns: `nil` when the range is empty, longer than 16 bytes or not ASCII.
    @inline(__always)
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, foldCase: Bool = false) {
        guard !range.isEmpty, range.count <= 16 else { return nil }
        for (position, index) in range.enumerated() {
            var byte = bytes[index]
            guard byte < 0x80 else { return nil }
            if foldCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if position < 8 { low |= UInt64(byte) << (8 * UInt64(position)) } else {
                high |= UInt64(byte) << (8 * UInt64(position - 8))
            }
        }
    }

    /// Packs a string literal from a word list (case-folded when `foldCase` is set).
    init?(_ string: String, foldCase: Bool = false) {
        let bytes = Array(string.utf8)
        guard let key = bytes.withUnsafeBufferPointer({ ShortKey($0, 0..<$0.count, foldCase: foldCase) }) else {
            return nil
        }
        self = key
    }
}

extension ShortKey {
    /// A well-mixed 64-bit hash of the packed bytes, for ``ShortKeySet``.
    @inline(__always)
    var mixedHash: UInt64 {
        var hash = (low ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= high &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }
}

/// A fixed set of ``ShortKey``s, probed by the tokenizer and splitter for many tokens of every
/// article: open addressing over a multiply-xor hash of the two packed words, where `Set` hashed
/// each probe with SipHash.
struct ShortKeySet: Sendable {
    private let keys: [ShortKey?]
    private let mask: Int

    /// Creates the set of `members`.
    init(_ members: some Sequence<ShortKey>) {
        let unique = Array(Set(members))
        var capacity = 8
        while capacity < unique.count * 2 { capacity <<= 1 }  // at most half full: short probe runs
        var keys = [ShortKey?](repeating: nil, count: capacity)
        for key in unique {
            var slot = Int(truncatingIfNeeded: key.mixedHash) & (capacity - 1)
            while keys[slot] != nil { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
        }
        self.keys = keys
        self.mask = capacity - 1
    }

    /// Every member, in no particular order.
    var members: [ShortKey] { keys.compactMap { $0 } }

    /// Whether `key` is a member.
    @inline(__always)
    func contains(_ key: ShortKey) -> Bool {
        var slot = Int(truncatingIfNeeded: key.mixedHash) & mask
        while let stored = keys[slot] {
            if stored == key { return true }
            slot = (slot + 1) & mask
        }
        return false
    }
}
