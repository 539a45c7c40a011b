/// A small growable open-addressing map from well-mixed 64-bit hashes to values.
///
/// `Dictionary` hashes its keys again with SipHash; token-sequence hashes (``TokenHash/combine(_:_:)``)
/// are already mixed, so this map indexes by their top bits directly: a lookup is a shift, a load and
/// usually one comparison. Key 0 is stored as 1. The resolver keys its drafts with it and the matchers
/// keep their small word lists in it (see ``TokenSet``).
public struct UInt64Map<Value> {
    /// One slot: a key (0 = empty) and its value side by side, so a probe touches one cache line.
    @usableFromInline struct Entry {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value?

        @inlinable init(key: UInt64, value: Value?) {
            self.key = key
            self.value = value
        }
    }

    @usableFromInline var entries: [Entry]
    @usableFromInline var shift: UInt64
    @usableFromInline var count = 0

    /// Creates an empty map sized for about `capacity` keys (it grows when needed).
    ///
    /// Inlinable, like the lookups, so it is specialised for the value type where it is used: a generic
    /// initialiser filled the slots through value-witness calls (visible in the resolver's profile).
    @inlinable
    public init(capacity: Int) {
        var bits = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        entries = Array(repeating: Entry(key: 0, value: nil), count: 1 << bits)
        shift = UInt64(64 - bits)
    }

    /// Whether no key was ever stored.
    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable func slot(_ key: UInt64) -> Int {
        entries.withUnsafeBufferPointer { entries in
            let mask = entries.count - 1
            var index = Int(truncatingIfNeeded: key >> shift)
            while entries[index].key != key, entries[index].key != 0 { index = (index + 1) & mask }
            return index
        }
    }

    /// The value stored under `key`, or nil; setting nil keeps the slot (the map never shrinks).
    @inlinable public subscript(key: UInt64) -> Value? {
        get {
            entries[slot(key == 0 ? 1 : key)].value
        }
        set {
            let index = claim(key == 0 ? 1 : key)
            entries.withUnsafeMutableBufferPointer { $0[index].value = newValue }
        }
    }

    /// Adds `amount` to the value under `key` (0 when absent) in one probe.
    @inlinable public mutating func add(_ amount: Value, to key: UInt64) where Value: AdditiveArithmetic {
        let index = claim(key == 0 ? 1 : key)
        entries.withUnsafeMutableBufferPointer { $0[index].value = ($0[index].value ?? .zero) + amount }
    }

    /// The slot of stored key `key`, taken (and the map grown first if need be) when it is new.
    @inlinable mutating func claim(_ key: UInt64) -> Int {
        var index = slot(key)
        if entries[index].key == 0 {
            if (count + 1) * 2 > entries.count {
                grow()
                index = slot(key)
            }
            entries.withUnsafeMutableBufferPointer { $0[index].key = key }
            count += 1
        }
        return index
    }

    @inlinable mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(key: 0, value: nil), count: old.count * 2)
        shift -= 1
        for entry in old where entry.key != 0 {
            entries[slot(entry.key)] = entry
        }
    }
}

extension UInt64Map: Sendable where Value: Sendable {}
extension UInt64Map.Entry: Sendable where Value: Sendable {}

/// Single words mapped to values, compared by token hash, for the matchers' closed word lists
/// ("very" → 1.5): looking a document token up costs one probe and builds no string.
///
/// Folded maps (the default) compare ASCII case-insensitively and are probed with folded token
/// hashes; exact maps are probed with exact hashes (`Cup` but not `cup`).
public struct TokenMap<Value: Sendable>: Sendable {
    @usableFromInline var map: UInt64Map<Value>
    /// Which token hashes the map must be probed with.
    public let letterCase: LetterCase

    /// Creates the map; each key is one token.
    ///
    /// Inlinable so it is specialised where it is called: the generic version stored every word
    /// through value-witness calls (~2,500 instructions a word at start-up).
    @inlinable
    public init(_ pairs: some Sequence<(String, Value)>, case letterCase: LetterCase = .folded) {
        self.letterCase = letterCase
        // Sized up front: growing from a few slots rehashed the whole map again and again.
        map = UInt64Map(capacity: max(16, pairs.underestimatedCount))
        for (word, value) in pairs {
            map[Self.key(letterCase == .folded ? TokenHash.folded(word) : TokenHash.exact(word))] = value
        }
    }

    /// The value of the token whose hash (of this map's ``letterCase``) is `hash`, or nil.
    @inlinable public subscript(hash: UInt64) -> Value? { map[Self.key(hash)] }

    /// A well-mixed key for a token hash (its top bits alone are poorly spread: see ``TokenHash``).
    @inlinable public static func key(_ hash: UInt64) -> UInt64 { TokenHash.combine(TokenHash.sequenceSeed, hash) }
}

/// A set of single words compared by token hash ("the", "according", "whether"); see ``TokenMap``.
///
/// Only the keys are stored, eight bytes a slot at most half full: the matchers probe a few dozen of
/// these sets for most tokens, and slots of key and value (sixteen bytes) spread them over twice the
/// cache lines.
public struct TokenSet: Sendable, ExpressibleByArrayLiteral {
    /// Keys (``TokenMap/key(_:)``, 0 stored as 1); 0 marks an empty slot.
    @usableFromInline let keys: [UInt64]
    @usableFromInline let shift: UInt64
    /// A 256-bit filter held in the value itself (a static set's value sits with the other statics,
    /// in cache): a key whose bit is clear is not in the set, and most probed tokens are not, so
    /// most probes never touch the slots on the heap.
    @usableFromInline let filter: (UInt64, UInt64, UInt64, UInt64)
    /// Which token hashes the set must be probed with.
    public let letterCase: LetterCase

    /// Creates the set of `words` (each one token).
    public init(_ words: some Sequence<String>, case letterCase: LetterCase = .folded) {
        self.letterCase = letterCase
        let hashed = words.map { TokenMap<Bool>.key(letterCase == .folded ? TokenHash.folded($0) : TokenHash.exact($0)) }
        var bits = 4
        while (1 << bits) < hashed.count * 2 { bits += 1 }
        var keys = [UInt64](repeating: 0, count: 1 << bits)
        let shift = UInt64(64 - bits)
        for key in hashed {
            let stored = key == 0 ? 1 : key
            var index = Int(truncatingIfNeeded: stored >> shift)
            while keys[index] != 0, keys[index] != stored { index = (index + 1) & (keys.count - 1) }
            keys[index] = stored
        }
        self.keys = keys
        self.shift = shift
        var filter: [UInt64] = [0, 0, 0, 0]
        for key in hashed {
            let bit = Self.filterBit(key == 0 ? 1 : key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.filter = (filter[0], filter[1], filter[2], filter[3])
    }

    /// A stored key's bit in ``filter``: bits the home slot (the top ones) does not use.
    @inlinable static func filterBit(_ stored: UInt64) -> Int { Int(truncatingIfNeeded: (stored >> 8) & 255) }

    /// Creates a folded set from a literal list of words.
    public init(arrayLiteral words: String...) { self.init(words) }

    /// Whether the token with hash `hash` (of the set's ``letterCase``) is one of the words.
    @inlinable public func contains(_ hash: UInt64) -> Bool {
        let key = TokenMap<Bool>.key(hash)
        let stored = key == 0 ? 1 : key
        let bit = Self.filterBit(stored)
        let word = switch bit >> 6 {
        case 0: filter.0
        case 1: filter.1
        case 2: filter.2
        default: filter.3
        }
        guard word & (1 << UInt64(bit & 63)) != 0 else { return false }
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var index = Int(truncatingIfNeeded: stored >> shift)
            while true {
                let slot = keys[index]
                if slot == stored { return true }
                if slot == 0 { return false }
                index = (index + 1) & mask
            }
        }
    }
}
