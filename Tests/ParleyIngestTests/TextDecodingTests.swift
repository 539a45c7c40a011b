import ParleyIngest
import Testing

@Suite struct TextDecodingTests {
    /// (bytes, valid UTF-8)
    static let validity: [([UInt8], Bool)] = [
        (Array("plain".utf8), true), (Array("é€😀".utf8), true),
        ([0xC0, 0x80], false), ([0xE0, 0x80, 0x80], false), ([0xED, 0xA0, 0x80], false),  // overlong, overlong, surrogate
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xE2, 0x82], false), ([0xFF], false),          // > U+10FFFF, truncated, never valid
    ]

    @Test(arguments: validity)
    func utf8Validity(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) } == valid)
    }

    /// (label, encoding or nil)
    static let labels: [(String, TextEncoding?)] = [
        ("UTF-8", .utf8), (" utf8 ", .utf8), ("ISO-8859-1", .windows1252), ("windows-1252", .windows1252),
        ("latin1", .windows1252), ("us-ascii", .windows1252), ("utf-16", .utf16LE), ("koi8-r", nil),
    ]

    @Test(arguments: labels)
    func charsetLabels(label: String, encoding: TextEncoding?) {
        #expect(TextEncoding(label: label) == encoding)
    }

    @Test func declaredLatin1ThatIsReallyUTF8IsDecodedAsUTF8() {
        let bytes = Array("Zürich".utf8)
        let decoded = bytes.withUnsafeBufferPointer { TextDecoding.decodeUnknown($0, declared: .windows1252) }
        #expect(decoded.text == "Zürich")
        #expect(decoded.warnings.map(\.code) == ["mislabelled-encoding"])
    }

    @Test func bomWinsOverADeclaration() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Zürich".utf8)
        let decoded = bytes.withUnsafeBufferPointer { TextDecoding.decodeUnknown($0, declared: .windows1252) }
        #expect(decoded.text == "Zürich")
        #expect(decoded.reason == "bom")
        #expect(decoded.warnings.map(\.code) == ["bom-contradicts-declaration"])
    }
}
