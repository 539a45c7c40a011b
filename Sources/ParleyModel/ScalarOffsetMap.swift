/// Converts UTF-8 byte offsets into Unicode-scalar offsets (what Python's `str` indexing counts).
///
/// Reports promise scalar offsets while everything inside Parley uses byte offsets; this is the
/// single conversion point. An ASCII text (most English news) needs no table: byte and scalar
/// offsets are equal. Otherwise it keeps one checkpoint every ``stride`` bytes, so a lookup costs
/// at most `stride` byte inspections and memory stays at `8 / stride` bytes per text byte.
public struct ScalarOffsetMap: Sendable {
    /// Bytes between checkpoints.
    public static let stride = 64
    /// Scalars before each checkpoint; empty when the text is ASCII.
    private let checkpoints: [Int]
    private let text: String
    private let isASCII: Bool

    /// Builds the map for `text` (which it shares, not copies).
    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var marks: [Int] = []
        var ascii = true
        text.utf8.withContiguousStorageIfAvailable { buffer in
            let count = buffer.count
            guard let base = buffer.baseAddress else { return }
            // Continuation bytes (10xxxxxx) are not scalars; counted eight bytes at a time per block.
            var scalars = 0
            var blockStart = 0
            while blockStart < count {
                if ascii {
                    // Stay table-free until the first non-ASCII block.
                    var word = 0
                    var orBits: UInt64 = 0
                    let end = min(blockStart + Self.stride, count)
                    while blockStart + word * 8 + 8 <= end {
                        orBits |= UnsafeRawPointer(base + blockStart + word * 8).loadUnaligned(as: UInt64.self)
                        word += 1
                    }
                    var tail = blockStart + word * 8
                    while tail < end { orBits |= UInt64(base[tail]); tail += 1 }
                    if orBits & 0x8080_8080_8080_8080 == 0 {
                        scalars += end - blockStart
                        blockStart = end
                        continue
                    }
                    // The first non-ASCII block: every earlier block was ASCII.
                    ascii = false
                    marks.reserveCapacity(count / Self.stride + 2)
                    for block in 0..<(blockStart / Self.stride) { marks.append(block * Self.stride) }
                }
                marks.append(scalars)
                let end = min(blockStart + Self.stride, count)
                var index = blockStart
                while index + 8 <= end {
                    scalars += 8 - Self.continuationBytes(in: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    index += 8
                }
                while index < end {
                    if base[index] & 0xC0 != 0x80 { scalars += 1 }
                    index += 1
                }
                blockStart = end
            }
            if !ascii, count % Self.stride == 0 { marks.append(scalars) }
        }
        isASCII = ascii
        checkpoints = marks
    }

    /// The scalar offset of byte offset `offset` (which should lie on a scalar boundary).
    public func scalarOffset(_ offset: Int) -> Int {
        if isASCII { return min(max(offset, 0), text.utf8.count) }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            let clamped = min(max(offset, 0), bytes.count)
            let block = clamped / Self.stride
            var scalars = checkpoints[block]
            var index = block * Self.stride
            // Eight bytes at a time, as the checkpoints were counted: reports look up two offsets per
            // mention, each up to 63 bytes past its checkpoint.
            if let base = bytes.baseAddress {
                while index + 8 <= clamped {
                    scalars += 8 - Self.continuationBytes(in: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                    index += 8
                }
            }
            while index < clamped {
                if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                index += 1
            }
            return scalars
        }!
    }

    /// How many of the eight bytes of `word` are UTF-8 continuation bytes (`10xxxxxx`).
    @inline(__always)
    private static func continuationBytes(in word: UInt64) -> Int {
        // A continuation byte has its top bit set and the next bit clear; the marks are summed into the
        // top byte by a multiply (`nonzeroBitCount` is a software popcount on baseline x86-64).
        let marks = word & 0x8080_8080_8080_8080 & ~(word << 1)
        return Int(((marks >> 7) &* 0x0101_0101_0101_0101) >> 56)
    }
}
