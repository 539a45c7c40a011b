/// 64-bit hashes of tokens and of token sequences, shared by the lexicon loader and the matchers.
///
/// The extraction code hashes every token of a document once (both variants) and then looks phrases up
/// by hash sequence in a ``PhraseTable``, so matching never compares or allocates strings.
///
/// A token hashes eight bytes at a time (little-endian words, the last one zero-padded, then its length),
/// so the common token, ASCII and at most eight bytes long, costs one load and one multiply, and its
/// case-folded twin is the same word with the capitals' `0x20` bits set in parallel (byte-at-a-time
/// FNV-1a spent a dependent multiply on every byte, twice). Token hashes are not finalised: tables
/// index by ``combine(_:_:)`` of them (see ``finish(_:count:)``).
///
/// Both variants treat the typographic apostrophes `’` (U+2019) and `‘` (U+2018) as `'`, so `d’Ivoire`
/// and `d'Ivoire` hash alike. ``folded(_:)-(UnsafeBufferPointer<UInt8>)`` also maps ASCII `A`–`Z` to
/// `a`–`z`; other letters keep their case (`É` ≠ `é`).
public enum TokenHash {
    /// Where every token hash starts.
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The odd multiplier of the word-mixing step.
    @usableFromInline static let multiplier: UInt64 = 0x9fb2_1c65_1e98_df25
    /// The high bit of every byte of a word: a word is ASCII when none is set.
    public static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The seed of a token-sequence hash; see ``combine(_:_:)``.
    public static let sequenceSeed: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// The case-sensitive hash of one token's UTF-8 bytes.
    ///
    /// - Parameter bytes: the token's bytes, without surrounding whitespace.
    /// - Returns: the hash, with typographic apostrophes read as `'`.
    @inlinable
    public static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(bytes, fold: false)
    }

    /// The ASCII-case-insensitive hash of one token's UTF-8 bytes (`US`, `Us` and `us` hash alike).
    ///
    /// - Parameter bytes: the token's bytes, without surrounding whitespace.
    /// - Returns: the hash of the bytes with `A`–`Z` lowered and typographic apostrophes read as `'`.
    @inlinable
    public static func folded(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(bytes, fold: true)
    }

    /// The case-sensitive hash of a token given as a string (convenience for tests and tools).
    ///
    /// - Parameter token: one token.
    /// - Returns: the same value as ``exact(_:)-(UnsafeBufferPointer<UInt8>)`` on its UTF-8 bytes.
    public static func exact(_ token: String) -> UInt64 {
        var token = token
        return token.withUTF8 { exact($0) }
    }

    /// The ASCII-case-insensitive hash of a token given as a string (convenience for tests and tools).
    ///
    /// - Parameter token: one token.
    /// - Returns: the same value as ``folded(_:)-(UnsafeBufferPointer<UInt8>)`` on its UTF-8 bytes.
    public static func folded(_ token: String) -> UInt64 {
        var token = token
        return token.withUTF8 { folded($0) }
    }

    /// Extends a token-sequence hash by one token hash.
    ///
    /// A sequence `t1 t2 … tn` hashes as `combine(…combine(combine(sequenceSeed, h1), h2)…, hn)`.
    /// The mixing step is a 64-bit finaliser (murmur3 `fmix64`), so prefixes and permutations differ.
    ///
    /// - Parameters:
    ///   - sequence: the hash of the tokens so far (start with ``sequenceSeed``).
    ///   - token: the next token's hash, exact or folded.
    /// - Returns: the hash of the longer sequence.
    @inlinable
    public static func combine(_ sequence: UInt64, _ token: UInt64) -> UInt64 {
        var h = (sequence &* 0x9e37_79b9_7f4a_7c15) ^ token
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    /// Both hashes of one token in one pass over its bytes: what hashing every token of a document needs.
    ///
    /// - Parameter bytes: the token's bytes, without surrounding whitespace.
    /// - Returns: ``exact(_:)-(UnsafeBufferPointer<UInt8>)`` and ``folded(_:)-(UnsafeBufferPointer<UInt8>)`` of the bytes.
    @inlinable
    public static func exactAndFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> (exact: UInt64, folded: UInt64) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return (finish(offsetBasis, count: 0), finish(offsetBasis, count: 0)) }
        let count = bytes.count
        var exact = offsetBasis
        var folded = offsetBasis
        var offset = 0
        // Whole ASCII words straight from memory (no apostrophe to fold in them).
        while offset + 8 <= count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            guard word & highBits == 0 else { break }
            exact = mix(exact, word)
            folded = mix(folded, foldedWord(word))
            offset += 8
        }
        if offset == count { return (finish(exact, count: count), finish(folded, count: count)) }
        // An ASCII tail of a token of eight bytes or more: the last eight bytes, shifted down.
        if count >= 8, count - offset < 8, case let tail = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self) >> UInt64(8 * (8 - (count - offset))),
           tail & highBits == 0 {
            return (finish(mix(exact, tail), count: count), finish(mix(folded, foldedWord(tail)), count: count))
        }
        // The rest byte by byte, typographic apostrophes read as one `'`.
        var word: UInt64 = 0
        var filled = 0
        var length = offset
        var index = offset
        while index < count {
            var byte = base[index]
            if byte == 0xE2, index + 2 < count, base[index + 1] == 0x80, base[index + 2] == 0x99 || base[index + 2] == 0x98 {
                byte = 0x27
                index += 2
            }
            word |= UInt64(byte) << UInt64(filled * 8)
            filled += 1
            length += 1
            index += 1
            if filled == 8 {
                exact = mix(exact, word)
                folded = mix(folded, foldedWord(word))
                word = 0
                filled = 0
            }
        }
        if filled > 0 {
            exact = mix(exact, word)
            folded = mix(folded, foldedWord(word))
        }
        return (finish(exact, count: length), finish(folded, count: length))
    }

    /// Both hashes of the token `bytes[range]`, where all of `bytes` may be read: a token of at most
    /// eight ASCII bytes is hashed from one word load (the lexicon loader's and the document's tokens
    /// are nearly all such).
    ///
    /// - Parameters:
    ///   - bytes: the text the token lies in.
    ///   - range: the token's bytes.
    /// - Returns: the same values as ``exactAndFolded(_:)`` on `bytes[range]`.
    @inlinable @inline(__always)
    public static func exactAndFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (exact: UInt64, folded: UInt64) {
        if let word = asciiWord(bytes, range) { return exactAndFolded(asciiWord: word, count: range.count) }
        return exactAndFolded(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// The bytes of `bytes[range]` as one little-endian word (zero above them) when there are one to
    /// eight, all ASCII, and eight bytes can be read from the range's start; nil otherwise.
    @inlinable @inline(__always)
    public static func asciiWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        let count = range.count
        guard count > 0, count <= 8, range.lowerBound >= 0, range.lowerBound + 8 <= bytes.count, let base = bytes.baseAddress else { return nil }
        let word = UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self) & (~0 >> UInt64(64 - 8 * count))
        return word & highBits == 0 ? word : nil
    }

    /// Both hashes of an ASCII token of one to eight bytes given as a little-endian word (zero above
    /// its bytes): the same values ``exactAndFolded(_:)`` gives for those bytes, for callers that
    /// already hold the word.
    ///
    /// - Parameters:
    ///   - word: the token's bytes, first byte lowest, every byte below `0x80`, unused bytes zero.
    ///   - count: how many bytes the token has (1...8).
    /// - Returns: the exact and the folded hash.
    @inlinable @inline(__always)
    public static func exactAndFolded(asciiWord word: UInt64, count: Int) -> (exact: UInt64, folded: UInt64) {
        (finish(mix(offsetBasis, word), count: count), finish(mix(offsetBasis, foldedWord(word)), count: count))
    }

    /// Masks with the high bit set in each byte of an ASCII `word` that is an upper-case (`A`–`Z`)
    /// or a lower-case (`a`–`z`) letter.
    ///
    /// - Parameter word: up to eight ASCII bytes (every byte below `0x80`).
    @inlinable
    public static func letterMasks(_ word: UInt64) -> (upper: UInt64, lower: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        // Adding 0x80 - c sets a byte's high bit exactly when the byte is at least c; bytes below 0x80
        // never carry into their neighbour.
        let atLeastA = word &+ ones &* (0x80 - 0x41)
        let pastZ = word &+ ones &* (0x80 - 0x5B)
        let atLeastLowerA = word &+ ones &* (0x80 - 0x61)
        let pastLowerZ = word &+ ones &* (0x80 - 0x7B)
        return (atLeastA & ~pastZ & highBits, atLeastLowerA & ~pastLowerZ & highBits)
    }

    /// An ASCII word with its capitals lowered; bytes of `0x80` and above are left alone.
    @inlinable
    static func foldedWord(_ word: UInt64) -> UInt64 {
        // Only the ASCII bytes are tested (high bits cleared first, then those bytes excluded).
        let upper = letterMasks(word & ~highBits).upper & ~word
        return word | (upper >> 2)
    }

    /// Adds one word to a token hash; the rotation carries the product's high bits (where the
    /// multiply pushed the word's influence) back down, so two words cannot cancel out.
    @inlinable
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* multiplier
        return (product << 31) | (product >> 33)
    }

    /// Finishes a token hash with its length, so trailing zero bytes count.
    ///
    /// No finaliser: every table key is a token hash passed through ``combine(_:_:)``, which mixes
    /// fully, and the rotation in ``mix(_:_:)`` already brings the product's well-mixed high bits
    /// down for the one use of raw bits (the stance cue-start bitmap); a second finaliser per token
    /// was a chain of dependent multiplies on every token of every document.
    @inlinable
    static func finish(_ hash: UInt64, count: Int) -> UInt64 {
        hash ^ UInt64(truncatingIfNeeded: count)
    }

    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> UInt64 {
        let (exact, folded) = exactAndFolded(bytes)
        return fold ? folded : exact
    }
}
