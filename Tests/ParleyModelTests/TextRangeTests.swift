import ParleyModel
import ParleyTestSupport
import Testing

@Suite struct TextRangeTests {
    @Test func orderingAndContainment() {
        let a = TextRange(0, 5), b = TextRange(2, 4), c = TextRange(5, 6)
        #expect(a.contains(b))
        #expect(!a.overlaps(c))
        #expect([c, b, a].sorted() == [a, b, c])
    }

    @Test(arguments: [
        ("abc", 2, 2), ("é", 2, 1), ("aé€😀b", 10, 4), ("aé€😀b", 11, 5), ("", 0, 0),
    ])
    func scalarOffsets(text: String, byte: Int, scalar: Int) {
        #expect(ScalarOffsetMap(text).scalarOffset(byte) == scalar)
    }

    @Test func scalarOffsetsAcrossCheckpoints() {
        let text = String(repeating: "é", count: 200) + "x"
        let map = ScalarOffsetMap(text)
        for byte in stride(from: 0, through: 400, by: 2) {
            #expect(map.scalarOffset(byte) == byte / 2)
        }
        #expect(map.scalarOffset(401) == 201)
    }

    /// ASCII stretches before, between and after non-ASCII ones, across block boundaries: every
    /// scalar boundary maps to the count of scalars before it.
    @Test(arguments: [0, 1, 63, 64, 65, 127, 128, 200, 1_000])
    func scalarOffsetsMatchACountOfScalars(asciiPrefix: Int) {
        let pieces = ["a", "bc", "é", "€", "😀", "\u{1F44D}\u{1F3FD}", "xyz1234"]
        var text = String(repeating: "q", count: asciiPrefix)
        var random = SplitMix64(state: UInt64(asciiPrefix) &+ 7)
        for _ in 0..<150 { text += pieces[Int(random.next() % UInt64(pieces.count))] }
        text += String(repeating: "z", count: 70)
        let map = ScalarOffsetMap(text)
        var byte = 0
        for (scalarIndex, scalar) in text.unicodeScalars.enumerated() {
            #expect(map.scalarOffset(byte) == scalarIndex)
            byte += String(scalar).utf8.count
        }
        #expect(map.scalarOffset(byte) == text.unicodeScalars.count)
    }
}
