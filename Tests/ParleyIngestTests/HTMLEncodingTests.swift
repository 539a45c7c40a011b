import ParleyIngest
import ParleyModel
import Testing

/// The reader decides the encoding itself: BOM, then `<meta>` prescan, then UTF-8 validity, then windows-1252.
@Suite("HTML encoding decisions")
struct HTMLEncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var encoding: String
        var reason: String
        var testDescription: String { name }
    }

    static let sentence = "Le café du port a rouvert ses portes mardi, après trois mois de travaux importants."

    static func page(meta: String, body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(meta)<title>t</title></head><body><article><p>".utf8) + body
            + Array("</p></article></body></html>".utf8)
    }

    static let utf8Body = Array(sentence.utf8)
    /// The sentence in windows-1252: é is the single byte 0xE9.
    static let cp1252Body: [UInt8] = sentence.unicodeScalars.map { UInt8($0.value) }

    static let cases: [Case] = [
        Case(name: "UTF-8 BOM beats a Latin-1 meta", bytes: [0xEF, 0xBB, 0xBF] + page(meta: #"<meta charset="iso-8859-1">"#, body: utf8Body),
             encoding: "utf-8", reason: "bom"),
        Case(name: "meta charset windows-1252", bytes: page(meta: #"<meta charset="windows-1252">"#, body: cp1252Body),
             encoding: "windows-1252", reason: "meta-charset"),
        Case(name: "unquoted meta charset, upper case", bytes: page(meta: "<META CHARSET=ISO-8859-1>", body: cp1252Body),
             encoding: "windows-1252", reason: "meta-charset"),
        Case(name: "http-equiv, content before http-equiv, single quotes",
             bytes: page(meta: #"<meta content='text/html; charset=iso-8859-1' http-equiv='Content-Type'>"#, body: cp1252Body),
             encoding: "windows-1252", reason: "http-equiv"),
        Case(name: "no declaration, valid UTF-8", bytes: page(meta: "", body: utf8Body), encoding: "utf-8", reason: "utf8-valid"),
        Case(name: "no declaration, invalid UTF-8 falls back to windows-1252", bytes: page(meta: "", body: cp1252Body),
             encoding: "windows-1252", reason: "windows-1252-fallback"),
        Case(name: "UTF-8 bytes mislabelled as Latin-1", bytes: page(meta: #"<meta charset="iso-8859-1">"#, body: utf8Body),
             encoding: "utf-8", reason: "utf8-valid-despite-declaration"),
        Case(name: "meta utf-8 on valid UTF-8", bytes: page(meta: #"<meta charset="utf-8">"#, body: utf8Body),
             encoding: "utf-8", reason: "meta-charset"),
    ]

    @Test("encoding and reason are recorded, text decodes to the same sentence", arguments: cases)
    func decides(_ testCase: Case) throws {
        let document = try HTMLTestSupport.read(bytes: testCase.bytes)
        #expect(document.source.encoding == testCase.encoding)
        #expect(document.source.encodingReason == testCase.reason)
        #expect(document.text == Self.sentence)
    }

    @Test("a windows-1252 fallback is reported as a warning")
    func fallbackWarns() throws {
        let document = try HTMLTestSupport.read(bytes: Self.page(meta: "", body: Self.cp1252Body))
        #expect(document.warnings.contains { $0.code == "encoding-guessed" })
    }

    @Test("a declaration after the first 1024 bytes is ignored")
    func prescanWindow() {
        let padding = "<!-- " + String(repeating: "x", count: 1100) + " -->"
        let bytes = Array((padding + #"<meta charset="windows-1252">"#).utf8)
        let found = bytes.withUnsafeBufferPointer { HTMLCharsetSniffer.prescan($0) }
        #expect(found == nil)
    }

    @Test("a charset inside a comment is ignored")
    func commentSkipped() {
        let bytes = Array(#"<!-- <meta charset="koi8-r"> --><meta charset="utf-8">"#.utf8)
        let found = bytes.withUnsafeBufferPointer { HTMLCharsetSniffer.prescan($0) }
        #expect(found?.label == "utf-8")
        #expect(found?.reason == "meta-charset")
    }
}
