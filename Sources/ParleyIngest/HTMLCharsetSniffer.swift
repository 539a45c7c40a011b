/// Finds the character encoding an HTML page declares in its first 1024 bytes, WHATWG style.
///
/// Scans for `<meta charset=…>` and `<meta http-equiv="Content-Type" content="…charset=…">`
/// tolerating attribute order, quoting and case, and skipping comments. Works on bytes only;
/// libxml2 never gets to choose an encoding.
public enum HTMLCharsetSniffer {
    /// A declaration found by the prescan.
    public struct Declaration: Hashable, Sendable {
        /// The charset label as written (trimmed), such as `ISO-8859-1`.
        public var label: String
        /// `meta-charset` or `http-equiv`.
        public var reason: String
    }

    /// Scans the first `limit` bytes for a charset declaration.
    /// - Parameter bytes: the raw page bytes.
    /// - Returns: the first declaration found, or nil.
    public static func prescan(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = 1024) -> Declaration? {
        let end = min(bytes.count, limit)
        var i = 0
        while i < end {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            // Comments: skip to "-->".
            if i + 3 < end, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                var j = i + 4
                while j + 2 < end, !(bytes[j] == UInt8(ascii: "-") && bytes[j + 1] == UInt8(ascii: "-") && bytes[j + 2] == UInt8(ascii: ">")) { j += 1 }
                i = j + 3
                continue
            }
            if i + 5 < end, lower(bytes[i + 1]) == UInt8(ascii: "m"), lower(bytes[i + 2]) == UInt8(ascii: "e"),
               lower(bytes[i + 3]) == UInt8(ascii: "t"), lower(bytes[i + 4]) == UInt8(ascii: "a"),
               HTMLText.isSpace(bytes[i + 5]) || bytes[i + 5] == UInt8(ascii: "/") {
                var j = i + 5
                var attributes: [(String, String)] = []
                while j < end, let (name, value, next) = attribute(bytes, from: j, end: end) {
                    attributes.append((name, value))
                    j = next
                }
                if let declaration = declaration(from: attributes) { return declaration }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    private static func declaration(from attributes: [(String, String)]) -> Declaration? {
        var gotPragma = false
        var contentCharset: String?
        for (name, value) in attributes {
            switch name {
            case "charset":
                let label = value.trimmingASCIIWhitespace()
                if !label.isEmpty { return Declaration(label: label, reason: "meta-charset") }
            case "http-equiv":
                if value.trimmingASCIIWhitespace().lowercased() == "content-type" { gotPragma = true }
            case "content":
                contentCharset = charset(inContent: value)
            default:
                break
            }
        }
        if gotPragma, let contentCharset, !contentCharset.isEmpty {
            return Declaration(label: contentCharset, reason: "http-equiv")
        }
        return nil
    }

    /// The `charset=` value inside a `content` attribute such as `text/html; charset="utf-8"`.
    static func charset(inContent content: String) -> String? {
        let bytes = Array(content.utf8)
        var i = 0
        while i + 7 <= bytes.count {
            if String(decoding: bytes[i..<(i + 7)], as: UTF8.self).lowercased() == "charset" {
                var j = i + 7
                while j < bytes.count, HTMLText.isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { i += 7; continue }
                j += 1
                while j < bytes.count, HTMLText.isSpace(bytes[j]) { j += 1 }
                var quote: UInt8?
                if j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") { quote = bytes[j]; j += 1 }
                var k = j
                while k < bytes.count {
                    let b = bytes[k]
                    if let quote, b == quote { break }
                    if quote == nil, HTMLText.isSpace(b) || b == UInt8(ascii: ";") { break }
                    k += 1
                }
                return String(decoding: bytes[j..<k], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }

    /// Reads one attribute starting at `from`; returns nil at `>` or the end of the window.
    private static func attribute(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> (String, String, Int)? {
        var i = from
        while i < end, HTMLText.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
        guard i < end, bytes[i] != UInt8(ascii: ">") else { return nil }
        let nameStart = i
        while i < end, !HTMLText.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: ">"),
              bytes[i] != UInt8(ascii: "/") || i == nameStart { i += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<i]), as: UTF8.self).lowercased()
        while i < end, HTMLText.isSpace(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "=") else { return (name, "", i) }
        i += 1
        while i < end, HTMLText.isSpace(bytes[i]) { i += 1 }
        guard i < end else { return (name, "", i) }
        if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < end, bytes[i] != quote { i += 1 }
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self)
            return (name, value, min(i + 1, end))
        }
        let valueStart = i
        while i < end, !HTMLText.isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
        return (name, String(decoding: UnsafeBufferPointer(rebasing: bytes[valueStart..<i]), as: UTF8.self), i)
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
