@testable import ParleyIngest
import ParleyTestSupport
import Testing

/// The word-at-a-time control scan must stop exactly where a byte-by-byte scan would, for every
/// byte value at every offset of a word.
@Suite struct ControlByteScanTests {
    static func naiveFirstControl(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] != 0x7F { index += 1 }
        return index
    }

    @Test func everyByteValueAtEveryOffset() {
        for value in 0...255 {
            for offset in 0..<20 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[offset] = UInt8(value)
                for start in [0, 1, 7, 8, 9] {
                    let found = bytes.withUnsafeBufferPointer { ControlByteScan.firstControl(in: $0, from: start) }
                    #expect(found == Self.naiveFirstControl(bytes, from: start), "byte \(value) at \(offset) from \(start)")
                }
            }
        }
    }

    @Test func randomTextAgrees() {
        var generator = SplitMix64(state: 11)
        for _ in 0..<200 {
            let length = Int.random(in: 0..<120, using: &generator)
            // Mostly printable, sometimes high bytes and controls.
            let bytes = (0..<length).map { _ -> UInt8 in
                switch Int.random(in: 0..<20, using: &generator) {
                case 0: UInt8.random(in: 0..<0x20, using: &generator)
                case 1: 0x7F
                case 2...4: UInt8.random(in: 0x80...0xFF, using: &generator)
                default: UInt8.random(in: 0x20..<0x7F, using: &generator)
                }
            }
            var start = 0
            while start <= bytes.count {
                let found = bytes.withUnsafeBufferPointer { ControlByteScan.firstControl(in: $0, from: start) }
                #expect(found == Self.naiveFirstControl(bytes, from: start))
                start = found + 1
            }
        }
    }

    /// Lines split at line feeds only, trimmed of spaces and tabs, as before the scan was added.
    @Test(arguments: [("a\nb", 2), ("a\n\nb\n", 4), ("", 1), ("\t x \t\n\u{0C}y", 2), ("no newline at all, but long enough to span words", 1)])
    func linesSplitAtLineFeeds(text: String, count: Int) {
        let lines = PlainTextReader.lines(Array(text.utf8))
        #expect(lines.count == count)
        let bytes = Array(text.utf8)
        for line in lines where !line.isEmpty {
            #expect(bytes[line.start] != 0x20 && bytes[line.start] != 0x09 && bytes[line.end - 1] != 0x20 && bytes[line.end - 1] != 0x09)
        }
    }
}
