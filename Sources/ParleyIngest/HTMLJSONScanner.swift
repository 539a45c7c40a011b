/// A small, tolerant JSON reader for `<script type="application/ld+json">` blocks.
///
/// It accepts what real pages ship (trailing commas, stray control characters in strings, HTML
/// comment wrappers) and gives up quietly on anything else; metadata is best-effort.
enum HTMLJSONValue: Sendable {
    case object([(String, HTMLJSONValue)])
    case array([HTMLJSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// The member `key` of an object.
    subscript(key: String) -> HTMLJSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value as a string, when it is one.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// Elements of an array, or the value itself as a one-element list.
    var list: [HTMLJSONValue] {
        if case .array(let values) = self { return values }
        return [self]
    }

    /// Parses `text`; nil when it is not JSON.
    static func parse(_ text: String) -> HTMLJSONValue? {
        var scanner = Scanner(bytes: Array(text.utf8))
        scanner.skipNoise()
        let value = scanner.value(depth: 0)
        return value
    }

    private struct Scanner {
        let bytes: [UInt8]
        var i = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipNoise() {
            skipSpace()
            // `<!--` wrappers and `//<![CDATA[` survive in some pages.
            while i < bytes.count, bytes[i] != UInt8(ascii: "{"), bytes[i] != UInt8(ascii: "[") { i += 1 }
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] <= 0x20 { i += 1 }
        }

        mutating func value(depth: Int) -> HTMLJSONValue? {
            guard depth < 64 else { return nil }
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(String, HTMLJSONValue)] = []
                while true {
                    skipSpace()
                    guard i < bytes.count else { return .object(members) }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let member = value(depth: depth + 1) else { return nil }
                    members.append((key, member))
                }
            case UInt8(ascii: "["):
                i += 1
                var values: [HTMLJSONValue] = []
                while true {
                    skipSpace()
                    guard i < bytes.count else { return .array(values) }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(values) }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard let element = value(depth: depth + 1) else { return nil }
                    values.append(element)
                }
            case UInt8(ascii: "\""):
                return string().map { .string($0) }
            default:
                let start = i
                while i < bytes.count, !",}] \n\r\t".utf8.contains(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                case "": return nil
                default: return .number(word)
                }
            }
        }

        mutating func string() -> String? {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if byte == UInt8(ascii: "\\"), i + 1 < bytes.count {
                    let escaped = bytes[i + 1]
                    i += 2
                    switch escaped {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(0x20)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { continue }
                        if scalar >= 0xD800, scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                           bytes[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            if let low = hex4(), low >= 0xDC00, low < 0xE000 {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            }
                        }
                        TextDecoding.appendUTF8(Unicode.Scalar(scalar) == nil ? 0xFFFD : scalar, to: &out)
                    default: out.append(escaped)
                    }
                    continue
                }
                out.append(byte < 0x20 ? 0x20 : byte)
                i += 1
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
                i += 1
            }
            return value
        }
    }
}
