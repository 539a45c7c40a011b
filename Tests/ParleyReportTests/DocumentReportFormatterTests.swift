import FoundationEssentials
import ParleyModel
import ParleyReport
import ParleyTestSupport
import Testing

@Suite struct DocumentReportFormatterTests {
    /// Parses a report back with JSONSerialization-free decoding through Codable-less inspection.
    func decode(_ bytes: [UInt8]) throws -> Report {
        try JSONDecoder().decode(Report.self, from: Data(bytes))
    }

    struct Report: Decodable {
        struct Entity: Decodable { var id: String; var name: String; var mentions: [Mention] }
        struct Mention: Decodable { var start: Int; var end: Int; var text: String }
        struct Quote: Decodable { var text: String; var start: Int; var end: Int; var speaker: String?; var speakerName: String? }
        var schema: String
        var id: String
        var entities: [Entity]
        var quotes: [Quote]
    }

    @Test func offsetsCountUnicodeScalarsAndSliceTheText() throws {
        // Multi-byte characters before the spans make byte and scalar offsets differ.
        let text = "Señor “Ñúñez” said 😀: “We are ready.”"
        var document = DocumentBuilder.plain(text)
        let bytes = Array(text.utf8)
        func range(of needle: String) -> TextRange {
            let pattern = Array(needle.utf8)
            let start = (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<$0 + pattern.count]) == pattern }!
            return TextRange(start, start + pattern.count)
        }
        document.entities = [Entity(index: 0, type: .person, name: "Ñúñez", mentions: [Mention(range: range(of: "Ñúñez"), rule: "test")])]
        document.quotes = [Quote(range: range(of: "We are ready."), speaker: 0, cue: "said", kind: .direct, rule: "test")]
        let report = try decode(DocumentReportFormatter().format(document))
        let scalars = Array(text.unicodeScalars)
        func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
        #expect(report.schema == "parley.document/1")
        let mention = try #require(report.entities.first?.mentions.first)
        #expect(slice(mention.start, mention.end) == "Ñúñez")
        #expect(mention.text == "Ñúñez")
        let quote = try #require(report.quotes.first)
        #expect(slice(quote.start, quote.end) == "We are ready.")
        #expect(quote.speaker == "e0")
        #expect(quote.speakerName == "Ñúñez")
    }

    @Test func errorRecordCarriesCodeAndMessage() {
        let bytes = DocumentReportFormatter().formatError(id: "a/b.txt", error: .emptyInput())
        #expect(String(decoding: bytes, as: UTF8.self)
                == #"{"schema":"parley.document/1","id":"a/b.txt","error":{"code":"empty-input","message":"the input is empty"}}"#)
    }
}
