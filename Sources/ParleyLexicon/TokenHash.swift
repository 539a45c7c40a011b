/// 64-bit FNV-1a hashes of tokens and of token sequences, shared by the lexicon loader and the matchers.
///
/// The extraction code hashes every token of a document once (both variants) and then looks phrases up
/// by hash sequence in a ``PhraseTable``, so matching never compares or allocates strings.
///
/// Both variants treat the typographic apostrophes `’` (U+2019) and `‘` (U+2018) as `'`, so `d’Ivoire`
/// and `d'Ivoire` hash alike. ``folded(_:)-(UnsafeBufferPointer<UInt8>)`` also maps ASCII `A`–`Z` to
/// `a`–`z`; other letters keep their case (`É` ≠ `é`).
public enum TokenHash {
    /// The FNV-1a 64-bit offset basis.
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The seed of a token-sequence hash; see ``combine(_:_:)``.
    public static let sequenceSeed: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// The case-sensitive hash of one token's UTF-8 bytes.
    ///
    /// - Parameter bytes: the token's bytes, without surrounding whitespace.
    /// - Returns: the FNV-1a 64 hash, with typographic apostrophes read as `'`.
    @inlinable
    public static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(bytes, fold: false)
    }

    /// The ASCII-case-insensitive hash of one token's UTF-8 bytes (`US`, `Us` and `us` hash alike).
    ///
    /// - Parameter bytes: the token's bytes, without surrounding whitespace.
    /// - Returns: the FNV-1a 64 hash of the bytes with `A`–`Z` lowered and typographic apostrophes read as `'`.
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
        var exact = offsetBasis
        var folded = offsetBasis
        forEachByte(bytes) { byte in
            exact = (exact ^ UInt64(byte)) &* prime
            folded = (folded ^ UInt64(lowered(byte))) &* prime
        }
        return (exact, folded)
    }

    @inlinable
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> UInt64 {
        var h = offsetBasis
        forEachByte(bytes) { byte in h = (h ^ UInt64(fold ? lowered(byte) : byte)) &* prime }
        return h
    }

    /// Calls `body` with each byte, a typographic apostrophe (`’`, `‘`: three bytes) as one `'`.
    @inlinable
    static func forEachByte(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            var b = bytes[i]
            if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                b = 0x27
                i += 2
            }
            body(b)
            i += 1
        }
    }

    /// ASCII `A`–`Z` lowered; every other byte as it is.
    @inlinable
    static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
