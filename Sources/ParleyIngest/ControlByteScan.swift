/// Finds C0 control bytes eight bytes at a time: plain text has a line feed every paragraph and
/// other controls almost never, so the readers' byte-by-byte checks spent most of their time
/// confirming that ordinary letters were not controls.
enum ControlByteScan {
    /// The offset of the first byte at or after `start` that is below 0x20 (a C0 control, including
    /// tab and line feed) or is DEL (0x7F); `bytes.count` when there is none.
    static func firstControl(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if mayHoldControl(word) { break }
                index += 8
            }
        }
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] != 0x7F { index += 1 }
        return index
    }

    /// False only when no byte of `word` is below 0x20 or equal to 0x7F. (The classic "has a byte
    /// less than n" test is exact for whether any byte qualifies, though not for which one.)
    @inline(__always)
    static func mayHoldControl(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let below20 = (word &- ones &* 0x20) & ~word & high
        let del = word ^ (ones &* 0x7F)
        let isDEL = (del &- ones) & ~del & high
        return below20 | isDEL != 0
    }
}
