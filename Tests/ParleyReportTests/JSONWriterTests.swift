import ParleyReport
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

    /// (number, expected text)
    static let numbers: [(Double, String)] = [(0, "0"), (-0.0, "0"), (0.62, "0.62"), (1, "1"), (-0.123456, "-0.1235"), (0.00001, "0")]

    @Test(arguments: numbers)
    func roundsNumbersToFourDecimals(value: Double, expected: String) {
        var json = JSONWriter()
        json.double(value)
        #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
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
