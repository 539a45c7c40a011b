import ParleyModel
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
}
