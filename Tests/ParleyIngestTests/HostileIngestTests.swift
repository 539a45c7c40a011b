@testable import ParleyIngest
import ParleyModel
import Testing

/// Hostile inputs at the ingestion layer: each case names the exact outcome (a document with
/// a given text/encoding/warning, or an error code). The CLI-level table is in
/// `Tests/EndToEndTests/HostileInputTests.swift`.
@Suite struct HostileIngestTests {
    enum Expected: Sendable {
        case error(String)
        /// Text contains this, and the warnings include this code (nil: no warning required).
        case document(contains: String, warning: String?)
    }

    static func read(_ bytes: [UInt8], ext: String?) -> Result<Document, ParleyError> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ParleyError) in try ArticleReader().read(bytes: buffer, id: "t", pathExtension: ext) }
        }
    }

    static let said = Array("The minister said the talks went well.".utf8)
    static let cases: [(String, [UInt8], String?, Expected)] = [
        ("empty", [], "txt", .error("empty-input")),
        ("whitespace only", Array(" \n\t\r\n ".utf8), "txt", .error("empty-input")),
        ("UTF-8 BOM then whitespace as html", [0xEF, 0xBB, 0xBF, 0x20, 0x0A], "html", .error("empty-input")),
        ("stray NULs in text", Array("The minister\0 said the talks went well.".utf8) + Array(repeating: 0x20, count: 80), "txt",
         .document(contains: "The minister  said", warning: "control-characters-replaced")),
        ("invalid UTF-8", Array("The minister said ".utf8) + [0xFF, 0xFE, 0x80] + Array(" the talks went well.".utf8), "txt",
         .document(contains: "The minister said", warning: nil)),
        ("overlong UTF-8 slash", Array("A ".utf8) + [0xC0, 0xAF] + said, "txt", .document(contains: "The minister said", warning: nil)),
        ("UTF-16LE with a lone high surrogate", [0xFF, 0xFE] + Array("Hi ".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            + [0x00, 0xD8] + Array(" there".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "txt",
         .document(contains: "\u{FFFD} there", warning: "invalid-utf16-repaired")),
        ("UTF-8 BOM contradicting a latin-1 meta", [0xEF, 0xBB, 0xBF]
            + Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u{E9} owners said the talks went well.</p></body></html>".utf8),
         "html", .document(contains: "Café owners", warning: nil)),
        ("latin-1 bytes labelled utf-8", Array("<html><head><meta charset=\"utf-8\"></head><body><p>Caf".utf8) + [0xE9]
            + Array(" owners said the talks went well.</p></body></html>".utf8), "html",
         .document(contains: "Café owners", warning: nil)),
        ("ELF as .txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1] + Array(repeating: 0, count: 57), "txt", .error("binary-input")),
        ("PNG as .html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], "html", .error("binary-input")),
        ("gzip as .txt", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3] + said, "txt", .error("binary-input")),
    ]

    @Test(arguments: cases)
    func outcome(label: String, bytes: [UInt8], ext: String?, expected: Expected) {
        let result = Self.read(bytes, ext: ext)
        switch (expected, result) {
        case (.error(let code), .failure(let error)):
            #expect(error.code == code, "\(label)")
            #expect(!error.message.isEmpty)
        case (.document(let needle, let warning), .success(let document)):
            #expect(document.text.contains(needle), "\(label): \(document.text.prefix(200))")
            if let warning { #expect(document.warnings.map(\.code).contains(warning), "\(label): \(document.warnings)") }
        default:
            Issue.record("\(label): expected \(expected), got \(result)")
        }
    }

    /// Regression: libxml2 compares every attribute with every earlier one of its element, so
    /// one element with 100,000 attributes took 36 s to parse. Attributes are now capped per tag.
    @Test func elementWithHundredThousandAttributes() throws {
        let attributes = (0..<100_000).map { "a\($0)=\"v\"" }.joined(separator: " ")
        let html = "<html><body><article><p \(attributes)>The minister said the talks went well.</p></article></body></html>"
        let document = try HTMLTestSupport.read(html)
        #expect(document.text == "The minister said the talks went well.")
        let warning = try #require(document.warnings.first { $0.code == "attributes-dropped" })
        #expect(warning.message.hasPrefix("\(100_000 - HTMLAttributeLimiter.maxAttributes) attributes"))
    }

    @Test func attributeLimiterKeepsTheFirstAttributesAndQuotedBrackets() {
        let many = (0..<200).map { "x\($0)='a>b'" }.joined(separator: " ")
        let (text, dropped) = HTMLAttributeLimiter.limited("<p class=\"k\" \(many)>Text <b>bold</b></p>")
        #expect(dropped == 201 - HTMLAttributeLimiter.maxAttributes)
        #expect(text.hasPrefix("<p class=\"k\" x0='a>b'"))
        #expect(text.hasSuffix(">Text <b>bold</b></p>"))
        #expect(!text.contains("x127="))
        #expect(text.contains("x126="))
        let ordinary = "<a href=x title='t'>link</a> 3 < 4 <br/>"
        #expect(HTMLAttributeLimiter.limited(ordinary) == (ordinary, 0))
    }

    @Test func unclosedTagsEverywhereStillYieldText() throws {
        let html = "<html><body>" + (0..<5_000).map { "<div><p><b><i><span>Minister \($0) said the talks went well" }.joined()
        let document = try HTMLTestSupport.read(html)
        #expect(document.source.format == .html)
        #expect(document.text.contains("Minister 0 said") || document.warnings.map(\.code) == ["no-main-content"])
    }

    @Test func quoteThatNeverClosesOverTenThousandLines() throws {
        let text = "The minister said \"this begins\n" + String(repeating: "and it goes on without closing\n", count: 10_000)
        let result = Self.read(Array(text.utf8), ext: "txt")
        let document = try result.get()
        #expect(document.paragraphs.count >= 1)
        #expect(document.text.hasPrefix("The minister said \"this begins"))
    }
}
