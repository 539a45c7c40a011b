import ParleyModel

/// A character encoding Parley can decode itself, so libxml2 and every later stage see only UTF-8.
public enum TextEncoding: String, Hashable, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case latin1 = "iso-8859-1"

    /// Maps a charset label from a `<meta>` tag or HTTP header to an encoding, following the
    /// WHATWG Encoding Standard's label table for the labels Parley supports. Latin-1 labels map
    /// to windows-1252, as browsers do, because real pages labelled Latin-1 use 0x80–0x9F as
    /// windows-1252 punctuation. Returns nil for labels Parley does not decode.
    public init?(label: String) {
        let key = label.trimmingASCIIWhitespace().lowercased()
        switch key {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            self = .utf8
        case "utf-16le", "utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff":
            self = .utf16LE
        case "utf-16be", "unicodefffe":
            self = .utf16BE
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1",
             "ascii", "us-ascii", "iso-ir-100", "csisolatin1", "ibm819", "cp819", "iso88591", "iso_8859-1:1987",
             "ansi_x3.4-1968", "iso-8859-15", "iso8859-15", "latin9", "latin-9", "iso_8859-15":
            self = .windows1252
        default:
            return nil
        }
    }
}

/// The outcome of decoding raw bytes: the text and how it was obtained.
public struct DecodedText: Sendable {
    /// The decoded text, with invalid sequences replaced by U+FFFD.
    public var text: String
    /// The encoding used.
    public var encoding: TextEncoding
    /// Why it was chosen: `bom`, `declared`, `utf8-valid`, `windows-1252-fallback`, `utf8-repaired`.
    public var reason: String
    /// Problems found while decoding.
    public var warnings: [DocumentWarning]
}

/// Byte-level decoding shared by the plain-text and HTML readers.
public enum TextDecoding {
    /// Detects a byte-order mark; returns the encoding and the BOM's length.
    public static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (TextEncoding, Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        invalidUTF8Count(bytes, stopAfter: 1) == 0
    }

    /// Counts maximal invalid UTF-8 subsequences, stopping early once `stopAfter` are found.
    public static func invalidUTF8Count(_ bytes: UnsafeBufferPointer<UInt8>, stopAfter: Int = .max) -> Int {
        var index = 0
        var invalid = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index = asciiRunEnd(bytes, from: index + 1)
                continue
            }
            var needed = 0
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: needed = 1
            case 0xE0: needed = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: needed = 2
            case 0xED: needed = 2; upper = 0x9F
            case 0xF0: needed = 3; lower = 0x90
            case 0xF1...0xF3: needed = 3
            case 0xF4: needed = 3; upper = 0x8F
            default:
                invalid += 1
                if invalid >= stopAfter { return invalid }
                index += 1
                continue
            }
            var next = index + 1
            var ok = true
            for position in 0..<needed {
                guard next < count else { ok = false; break }
                let byte = bytes[next]
                let low: UInt8 = position == 0 ? lower : 0x80
                let high: UInt8 = position == 0 ? upper : 0xBF
                guard byte >= low && byte <= high else { ok = false; break }
                next += 1
            }
            if !ok {
                invalid += 1
                if invalid >= stopAfter { return invalid }
            }
            index = next
        }
        return invalid
    }

    /// Decodes `bytes` (without any BOM) as `encoding`. Invalid sequences become U+FFFD.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, as encoding: TextEncoding) -> String {
        switch encoding {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 0
            while index + 1 < bytes.count {
                let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(encoding == .utf16LE ? a | b << 8 : a << 8 | b)
                index += 2
            }
            var text = String(decoding: units, as: UTF16.self)
            if index < bytes.count { text.unicodeScalars.append("\u{FFFD}") }
            return text
        case .windows1252, .latin1:
            var utf8: [UInt8] = []
            utf8.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 { utf8.append(byte); continue }
                let scalar = encoding == .windows1252 ? windows1252Scalar(byte) : UInt32(byte)
                appendUTF8(scalar, to: &utf8)
            }
            return String(decoding: utf8, as: UTF8.self)
        }
    }

    /// Decodes text whose encoding is unknown: BOM, then a declared encoding when given, then UTF-8
    /// when valid, then windows-1252 when the bytes look like it, otherwise UTF-8 with repairs.
    public static func decodeUnknown(_ bytes: UnsafeBufferPointer<UInt8>, declared: TextEncoding? = nil,
                                     declaredReason: String = "declared") -> DecodedText {
        if let (encoding, length) = byteOrderMark(bytes) {
            let body = UnsafeBufferPointer(rebasing: bytes[length...])
            var warnings: [DocumentWarning] = []
            if let declared, declared != encoding {
                warnings.append(DocumentWarning(code: "bom-contradicts-declaration",
                    message: "the byte-order mark says \(encoding.rawValue) but the document declares \(declared.rawValue); the byte-order mark wins"))
            }
            var text = decode(body, as: encoding)
            if encoding == .utf8, !isValidUTF8(body) {
                warnings.append(invalidUTF8Warning(invalidUTF8Count(body)))
            } else if encoding != .utf8, text.unicodeScalars.contains("\u{FFFD}") {
                warnings.append(DocumentWarning(code: "invalid-utf16-repaired",
                    message: "lone surrogates or a truncated code unit were replaced with U+FFFD"))
            }
            text.makeContiguousUTF8()
            return DecodedText(text: text, encoding: encoding, reason: "bom", warnings: warnings)
        }
        if let declared, declared != .utf8 {
            // A declaration of a single-byte charset is trusted unless the bytes are clearly UTF-8:
            // mislabelled UTF-8 pages are common, and UTF-8 is never valid by accident.
            if declared == .windows1252 || declared == .latin1, !isASCII(bytes), isValidUTF8(bytes) {
                return DecodedText(text: decode(bytes, as: .utf8), encoding: .utf8, reason: "utf8-valid-despite-declaration",
                    warnings: [DocumentWarning(code: "mislabelled-encoding",
                        message: "the document declares \(declared.rawValue) but its bytes are valid UTF-8; decoded as UTF-8")]) }
            if declared == .utf16LE || declared == .utf16BE {
                // Without a BOM, a UTF-16 label on an ASCII-compatible page is a mistake (WHATWG treats it as UTF-8).
                return decodeUnknown(bytes, declared: nil)
            }
            return DecodedText(text: decode(bytes, as: declared), encoding: declared, reason: declaredReason, warnings: [])
        }
        // The common case in one pass: the standard library validates while it copies.
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8, reason: declared == nil ? "utf8-valid" : declaredReason, warnings: [])
        }
        let invalid = invalidUTF8Count(bytes)
        if looksLikeWindows1252(bytes) {
            return DecodedText(text: decode(bytes, as: .windows1252), encoding: .windows1252,
                               reason: "windows-1252-fallback",
                               warnings: [DocumentWarning(code: "encoding-guessed",
                                   message: "the bytes are not valid UTF-8; decoded as windows-1252")])
        }
        return DecodedText(text: decode(bytes, as: .utf8), encoding: .utf8, reason: "utf8-repaired",
                           warnings: [invalidUTF8Warning(invalid)])
    }

    /// True when every byte is below 0x80.
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        asciiRunEnd(bytes, from: 0) == bytes.count
    }

    /// The index of the first byte at or after `start` that is not ASCII (or `bytes.count`).
    /// Pages are mostly ASCII, so this tests eight bytes per step (it is the inner loop of validation).
    static func asciiRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        let count = bytes.count
        while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < count, bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// Heuristic: invalid UTF-8 whose high bytes are mostly isolated (one high byte between ASCII
    /// letters or spaces), as windows-1252 text is, rather than broken multi-byte sequences.
    static func looksLikeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var isolated = 0
        var clustered = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x80 else { index += 1; continue }
            var end = index + 1
            while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
            // windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined.
            if end - index == 1, ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) { isolated += 1 } else { clustered += 1 }
            index = end
        }
        return isolated > 0 && isolated >= clustered * 3
    }

    private static func invalidUTF8Warning(_ count: Int) -> DocumentWarning {
        DocumentWarning(code: "invalid-utf8-repaired",
                        message: "\(count) invalid UTF-8 sequence\(count == 1 ? " was" : "s were") replaced with U+FFFD")
    }

    /// The Unicode scalar windows-1252 assigns to `byte` (0x80–0x9F differ from Latin-1).
    static func windows1252Scalar(_ byte: UInt8) -> UInt32 {
        guard byte >= 0x80 && byte <= 0x9F else { return UInt32(byte) }
        let table: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        return table[Int(byte) - 0x80]
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80: out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6)); out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12)); out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18)); out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F)); out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
