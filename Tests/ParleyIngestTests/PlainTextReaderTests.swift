import ParleyIngest
import ParleyModel
import Testing

/// Reads `bytes` with the plain-text reader.
func readPlain(_ bytes: [UInt8]) throws -> Document {
    try bytes.withUnsafeBufferPointer { buffer throws(ParleyError) in try PlainTextReader().read(bytes: buffer, id: "t") }
}

@Suite struct PlainTextReaderTests {
    static let utf8 = Array("Caf\u{E9} \u{201C}ok\u{201D}".utf8)

    /// (label, bytes, expected text, expected encoding, expected reason, expected warning code or nil)
    static let encodingCases: [(String, [UInt8], String, String, String, String?)] = [
        ("utf-8", utf8, "Caf\u{E9} \u{201C}ok\u{201D}", "utf-8", "utf8-valid", nil),
        ("utf-8 with BOM", [0xEF, 0xBB, 0xBF] + utf8, "Caf\u{E9} \u{201C}ok\u{201D}", "utf-8", "bom", nil),
        ("utf-16le with BOM", [0xFF, 0xFE] + Array("Caf\u{E9}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
         "Caf\u{E9}", "utf-16le", "bom", nil),
        ("utf-16be with BOM", [0xFE, 0xFF] + Array("Caf\u{E9}".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] },
         "Caf\u{E9}", "utf-16be", "bom", nil),
        ("utf-16le lone surrogate", [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], "A\u{FFFD}B", "utf-16le", "bom",
         "invalid-utf16-repaired"),
        ("windows-1252", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94], "Caf\u{E9} \u{201C}ok\u{201D}", "windows-1252",
         "windows-1252-fallback", "encoding-guessed"),
        ("broken utf-8 repaired", [0x61, 0xE2, 0x82, 0xE2, 0x82, 0x62, 0xF0, 0x9F], "a\u{FFFD}\u{FFFD}b\u{FFFD}", "utf-8",
         "utf8-repaired", "invalid-utf8-repaired"),
        ("overlong utf-8 repaired", [0x61, 0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0x62], "a\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}b",
         "utf-8", "utf8-repaired", "invalid-utf8-repaired"),
    ]

    @Test(arguments: encodingCases)
    func encodings(label: String, bytes: [UInt8], text: String, encoding: String, reason: String, warning: String?) throws {
        let document = try readPlain(bytes)
        #expect(document.text == text, "\(label)")
        #expect(document.source.encoding == encoding, "\(label)")
        #expect(document.source.encodingReason == reason, "\(label)")
        #expect(document.warnings.map(\.code).first == warning, "\(label)")
    }

    /// (input, expected paragraphs)
    static let paragraphCases: [(String, [String])] = [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\r\n\r\nTwo.\r\nstill two.", ["One.", "Two. still two."]),
        ("One.\r\rTwo.", ["One.", "Two."]),
        ("Hard\nwrapped\nlines.", ["Hard wrapped lines."]),
        ("  lead spaces\n\n\n\n\ttabs\there  ", ["lead spaces", "tabs here"]),
        // Long lines without blank lines between them are paragraphs of their own.
        (String(repeating: "a", count: 120) + "\n" + String(repeating: "b", count: 120),
         [String(repeating: "a", count: 120), String(repeating: "b", count: 120)]),
        ("nul\u{0}byte", ["nul byte"]),
    ]

    @Test(arguments: paragraphCases)
    func paragraphs(input: String, expected: [String]) throws {
        let document = try readPlain(Array(input.utf8))
        #expect(document.renderedText() == expected.joined(separator: "\n\n"))
    }

    /// The text keeps the input's layout (only line ends change), so offsets match the input.
    @Test func textKeepsTheInputLayout() throws {
        let input = "Title line\r\n\r\n  First   paragraph\r\nwraps here.\r\n\r\nSecond."
        let document = try readPlain(Array(input.utf8))
        #expect(document.text == "Title line\n\n  First   paragraph\nwraps here.\n\nSecond.")
        #expect(document.paragraphs.map { document.string($0.range) } == ["Title line", "First   paragraph\nwraps here.", "Second."])
    }

    @Test func titleLineBecomesHeadingAndMetadata() throws {
        let document = try readPlain(Array("Talks resume in Geneva\n\nThe talks resumed on Monday.\n".utf8))
        #expect(document.metadata.title == "Talks resume in Geneva")
        #expect(document.paragraphs.map(\.kind) == [.heading, .body])
        #expect(document.markup.contains { $0.tag == "title" && document.string($0.range) == "Talks resume in Geneva" })
    }

    /// (first line, is a title) — the line is followed by a blank line and a body paragraph.
    static let titleCases: [(String, Bool)] = [
        ("Talks resume in Geneva", true),
        ("Will the talks resume?", true),
        ("Contract goes to Tarvane Aerosystems Inc.", true),
        ("Drone hub agreed by U.S.", true),
        ("The talks resumed on Monday.", false),
        ("By a reporter,", false),
        (String(repeating: "Long headline ", count: 20), false),
    ]

    @Test(arguments: titleCases)
    func titles(line: String, isTitle: Bool) throws {
        let document = try readPlain(Array((line + "\n\nThe body of the article follows here.").utf8))
        #expect((document.metadata.title != nil) == isTitle)
    }

    @Test func datelineAfterAKickerLine() throws {
        let document = try readPlain(Array("Headline\n\nBRIEFING\n\nWASHINGTON, May 6 (Reuters) - The Senate voted.".utf8))
        #expect(document.metadata.dateline == "WASHINGTON, May 6 (Reuters) -")
    }

    @Test func sentenceFirstLineIsNotATitle() throws {
        let document = try readPlain(Array("The talks resumed on Monday.\n\nMore followed.".utf8))
        #expect(document.metadata.title == nil)
    }

    /// (paragraph, expected dateline or nil)
    static let datelineCases: [(String, String?)] = [
        ("NAIROBI (AP) - Police said on Monday", "NAIROBI (AP) -"),
        ("TOKYO \u{2014} Markets fell", "TOKYO \u{2014}"),
        ("KYIV, Ukraine (Reuters) \u{2013} Officials said", "KYIV, Ukraine (Reuters) \u{2013}"),
        ("WASHINGTON -- The Senate voted", "WASHINGTON --"),
        ("SÃO PAULO (AFP) - Prices rose", "SÃO PAULO (AFP) -"),
        ("NATO allies met on Monday - a rare step", nil),
        ("The talks - long delayed - resumed", nil),
        ("US officials said - again - that", nil),
        ("A - B", nil),
    ]

    @Test(arguments: datelineCases)
    func datelines(paragraph: String, expected: String?) throws {
        let document = try readPlain(Array(("Headline here\n\n" + paragraph + " and more text.").utf8))
        #expect(document.metadata.dateline == expected)
        let span = document.markup.first { $0.tag == "dateline" }
        #expect(span.map { document.string($0.range) } == expected)
    }

    @Test func whitespaceOnlyIsAnError() {
        #expect(throws: ParleyError.self) { try readPlain(Array(" \n\t\n".utf8)) }
    }
}
