/// Splits a lexicon phrase into tokens the way the document tokenizer does, and hashes each token.
///
/// Tokens are separated by spaces. A trailing possessive `'s` / `’s`, a trailing `'` / `’` after an `s`
/// (`Workers'`) and a trailing comma become tokens of their own; inner hyphens, apostrophes and periods stay
/// inside the token (`U.S.`, `al-Assad`, `d'Ivoire`, `St.`).
enum PhraseSplitter {
    /// Calls `body(exactHash, foldedHash)` once per token of `bytes[range]`, left to right.
    /// - Returns: the number of tokens.
    @discardableResult
    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                             _ body: (UInt64, UInt64) -> Void) -> Int {
        var count = 0
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, bytes[i] == 0x20 { i += 1 }
            if i >= end { break }
            var j = i
            while j < end, bytes[j] != 0x20 { j += 1 }
            // [i, j) is one whitespace-separated chunk; peel trailing pieces off it.
            var coreEnd = j
            var tail: [Range<Int>] = []
            // Only a chunk ending in `,`, `s`/`S` or an apostrophe (`'`, or `’`'s last byte) can have a
            // piece to peel off; most end in another letter and skip the tests below.
            let last = bytes[j - 1]
            let mayPeel = last == 0x2C || last == 0x73 || last == 0x53 || last == 0x27 || last == 0x99
            while mayPeel, coreEnd - i > 1 {
                if bytes[coreEnd - 1] == 0x2C {                               // ,
                    tail.append(coreEnd - 1 ..< coreEnd); coreEnd -= 1; continue
                }
                if coreEnd - i > 2, bytes[coreEnd - 1] == 0x73 || bytes[coreEnd - 1] == 0x53, bytes[coreEnd - 2] == 0x27 {
                    tail.append(coreEnd - 2 ..< coreEnd); coreEnd -= 2; continue  // 's
                }
                if coreEnd - i > 4, bytes[coreEnd - 1] == 0x73 || bytes[coreEnd - 1] == 0x53,
                   bytes[coreEnd - 4] == 0xE2, bytes[coreEnd - 3] == 0x80, bytes[coreEnd - 2] == 0x99 {
                    tail.append(coreEnd - 4 ..< coreEnd); coreEnd -= 4; continue  // ’s
                }
                if coreEnd - i > 2, bytes[coreEnd - 1] == 0x27, bytes[coreEnd - 2] == 0x73 {
                    tail.append(coreEnd - 1 ..< coreEnd); coreEnd -= 1; continue  // s'
                }
                if coreEnd - i > 4, bytes[coreEnd - 3] == 0xE2, bytes[coreEnd - 2] == 0x80, bytes[coreEnd - 1] == 0x99,
                   bytes[coreEnd - 4] == 0x73 {
                    tail.append(coreEnd - 3 ..< coreEnd); coreEnd -= 3; continue  // s’
                }
                break
            }
            emit(bytes, i ..< coreEnd, body)
            count += 1
            for piece in tail.reversed() {
                emit(bytes, piece, body)
                count += 1
            }
            i = j
        }
        return count
    }

    private static func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ body: (UInt64, UInt64) -> Void) {
        let (exact, folded) = TokenHash.exactAndFolded(bytes, range)
        body(exact, folded)
    }

    /// The exact and folded token hashes of a phrase given as a string.
    static func hashes(of phrase: String) -> (exact: [UInt64], folded: [UInt64]) {
        var phrase = phrase
        var exact: [UInt64] = []
        var folded: [UInt64] = []
        _ = phrase.withUTF8 { bytes in
            forEachToken(in: bytes, 0 ..< bytes.count) { e, f in
                exact.append(e)
                folded.append(f)
            }
        }
        return (exact, folded)
    }
}
