/// Converts UTF-8 byte offsets into Unicode-scalar offsets (what Python's `str` indexing counts).
///
/// Reports promise scalar offsets while everything inside Parley uses byte offsets; this is the
/// single conversion point. It keeps one checkpoint every ``stride`` bytes, so a lookup costs
/// at most `stride` byte inspections and memory stays at `8 / stride` bytes per text byte.
public struct ScalarOffsetMap: Sendable {
    /// Bytes between checkpoints.
    public static let stride = 64
    private let checkpoints: [Int]
    private let text: String

    /// Builds the map for `text` (which it shares, not copies).
    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var marks: [Int] = []
        let bytes = text.utf8
        marks.reserveCapacity(bytes.count / Self.stride + 1)
        var scalars = 0
        text.utf8.withContiguousStorageIfAvailable { buffer in
            for offset in 0..<buffer.count {
                if offset % Self.stride == 0 { marks.append(scalars) }
                if buffer[offset] & 0xC0 != 0x80 { scalars += 1 }
            }
        }
        if bytes.count % Self.stride == 0 { marks.append(scalars) }
        checkpoints = marks
    }

    /// The scalar offset of byte offset `offset` (which should lie on a scalar boundary).
    public func scalarOffset(_ offset: Int) -> Int {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            let clamped = min(max(offset, 0), bytes.count)
            let block = clamped / Self.stride
            var scalars = checkpoints[block]
            var index = block * Self.stride
            while index < clamped {
                if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
                index += 1
            }
            return scalars
        }!
    }
}
