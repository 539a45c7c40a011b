import ParleyReport
import ParleyTestSupport
import Testing

@Suite struct JSONWriterTests {
    /// (string, expected JSON literal)
    static let escapes: [(String, String)] = [
        ("plain", #""plain""#), ("quote \" and \\", #""quote \" and \\""#), ("line\nbreak\ttab\r", #""line\nbreak\ttab\r""#),
        ("nul\u{0}bell\u{7}", #""nul\u0000bell\u0007""#), ("é “curly” 😀", "\"é “curly” 😀\""), ("del\u{7F}", #""del\u007f""#),
    ]

    @Test(arguments: escapes)
    func escapesStrings(input: String, expected: String) {
        var json = JSONWriter()
        json.string(input)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    /// Strings are scanned eight bytes at a time: every byte value, at every offset of a word and
    /// across word boundaries, must come out escaped exactly as a byte-by-byte reference says.
    @Test func escapesEveryByteAtEveryOffset() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for byte in bytes {
                switch byte {
                case 0x22, 0x5C: out += [0x5C, byte]
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0..<0x20, 0x7F:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: out.append(byte)
                }
            }
            return out + [0x22]
        }
        for byte in 0...255 {
            for offset in 0..<17 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
                bytes[offset] = UInt8(byte)
                var json = JSONWriter(reservingCapacity: 1)
                bytes.withUnsafeBufferPointer { json.string(utf8: $0) }
                #expect(json.bytes == reference(bytes), "byte \(byte) at \(offset)")
            }
        }
    }

    /// The writer grows its own storage: a tiny reservation, thousands of pieces, one exact result.
    @Test func growsPastItsReservation() {
        var json = JSONWriter(reservingCapacity: 1)
        var expected = "["
        json.beginArray()
        for index in 0..<5_000 {
            json.beginObject()
            json.field("n", index)
            json.field("s", String(repeating: "ab\"", count: index % 7))
            json.endObject()
            expected += (index == 0 ? "" : ",") + "{\"n\":\(index),\"s\":\"" + String(repeating: "ab\\\"", count: index % 7) + "\"}"
        }
        json.endArray()
        expected += "]"
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    /// (number, expected text)
    static let numbers: [(Double, String)] = [(0, "0"), (-0.0, "0"), (0.62, "0.62"), (1, "1"), (-0.123456, "-0.1235"), (0.00001, "0")]

    @Test(arguments: numbers)
    func roundsNumbersToFourDecimals(value: Double, expected: String) {
        var json = JSONWriter()
        json.double(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
    }

    /// Numbers are printed from their digits; the text must equal Swift's shortest form of the
    /// rounded value (what reports printed before), for scores, offsets and counts alike.
    @Test func numbersMatchTheStandardLibrarysText() {
        var random = SplitMix64(state: 0x9E37_79B9_7F4A_7C15)
        for step in 0..<20_000 {
            let scale = [1.0, 10, 1_000, 1e6][step % 4]
            let value = (Double(random.next() >> 11) / Double(1 << 53) - 0.5) * 2 * scale
            let rounded = (value * 10_000).rounded() / 10_000
            let clean = rounded == 0 ? 0 : rounded
            let expected = clean == clean.rounded() ? String(Int(clean)) : String(clean)
            var json = JSONWriter()
            json.double(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == expected, "\(value)")
            let integer = Int(bitPattern: UInt(random.next())) >> Int(random.next() % 60)
            var ints = JSONWriter()
            ints.int(integer)
            #expect(String(decoding: ints.bytes, as: UTF8.self) == String(integer))
        }
        var extremes = JSONWriter()
        extremes.beginArray(); extremes.int(Int.min); extremes.int(Int.max); extremes.int(0); extremes.int(-7); extremes.endArray()
        #expect(String(decoding: extremes.bytes, as: UTF8.self) == "[\(Int.min),\(Int.max),0,-7]")
    }

    @Test func identifiersAreALetterAndANumber() {
        var json = JSONWriter()
        json.beginArray(); json.identifier("e", 0); json.identifier("q", 12); json.identifier("e", 1_234_567); json.endArray()
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"["e0","q12","e1234567"]"#)
    }

    func sample(pretty: Bool) -> String {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("a", 1)
        json.key("list"); json.strings(["x", "y"])
        json.key("empty"); json.beginArray(); json.endArray()
        json.key("nested"); json.beginObject(); json.field("b", nil as String?); json.field("c", true); json.endObject()
        json.endObject()
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func compactAndPretty() {
        #expect(sample(pretty: false) == #"{"a":1,"list":["x","y"],"empty":[],"nested":{"b":null,"c":true}}"#)
        #expect(sample(pretty: true) == """
            {
              "a": 1,
              "list": [
                "x",
                "y"
              ],
              "empty": [],
              "nested": {
                "b": null,
                "c": true
              }
            }
            """)
    }
}
