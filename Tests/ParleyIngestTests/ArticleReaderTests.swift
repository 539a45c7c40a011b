import ParleyIngest
import ParleyModel
import Testing

@Suite struct ArticleReaderTests {
    func read(_ bytes: [UInt8], format: InputFormat = .auto, ext: String? = nil, maxBytes: Int = 1 << 20) throws(ParleyError) -> Document {
        try bytes.withUnsafeBufferPointer { buffer throws(ParleyError) in
            try ArticleReader(maxBytes: maxBytes).read(bytes: buffer, id: "t", format: format, pathExtension: ext)
        }
    }

    func errorCode(_ bytes: [UInt8], ext: String? = nil, maxBytes: Int = 1 << 20) -> String? {
        do { _ = try read(bytes, ext: ext, maxBytes: maxBytes); return nil } catch { return error.code }
    }

    /// (label, bytes, extension, expected error code)
    static let rejected: [(String, [UInt8], String?, String)] = [
        ("empty", [], nil, "empty-input"),
        ("whitespace only", Array(" \r\n\t ".utf8), nil, "empty-input"),
        ("ELF executable as .txt", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0] + Array(repeating: 0, count: 64), "txt", "binary-input"),
        ("PNG as .html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "html", "binary-input"),
        ("gzip as .txt", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3], "txt", "binary-input"),
        ("random binary", (0..<900).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }, "txt", "binary-input"),
        ("too large", Array(repeating: UInt8(ascii: "a"), count: 2000), nil, "too-large"),
    ]

    @Test(arguments: rejected)
    func rejectsBadInput(label: String, bytes: [UInt8], ext: String?, code: String) {
        #expect(errorCode(bytes, ext: ext, maxBytes: 1000) == code, "\(label)")
    }

    /// (start of input, sniffed as HTML)
    static let sniffing: [(String, Bool)] = [
        ("<!DOCTYPE html><html><body><p>x</p>", true),
        ("\u{FEFF}  <html lang=en><p>x", true),
        ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", true),
        ("<div class=a><p>One</p><p>Two</p></div>", true),
        ("Plain text that mentions <html> in passing.", false),
        ("<Not really markup> just a line", false),
    ]

    @Test(arguments: sniffing)
    func sniffsHTMLByContent(input: String, isHTML: Bool) {
        let bytes = Array(input.utf8)
        #expect(bytes.withUnsafeBufferPointer { ArticleReader.looksLikeHTML($0) } == isHTML)
    }

    @Test func fewStrayNULsAreRemovedWithAWarning() throws {
        let document = try read(Array("Some text\u{0} with a NUL byte in the middle of a sentence.".utf8))
        #expect(document.text == "Some text  with a NUL byte in the middle of a sentence.")
        #expect(document.warnings.map(\.code) == ["control-characters-replaced"])
    }
}
