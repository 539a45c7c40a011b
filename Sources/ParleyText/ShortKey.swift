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
