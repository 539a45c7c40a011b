/// A streaming JSON writer into a byte buffer: no intermediate dictionaries, no reflection.
///
/// Reports are written field by field in a fixed order, which keeps output byte-identical from
/// run to run and cheap to produce. `pretty` indents by two spaces like `--pretty` promises.
public struct JSONWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    private var needsComma = false

    /// Creates an empty writer.
    public init(pretty: Bool = false, reservingCapacity capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Structure

    /// Opens an object (as a value: call after ``key(_:)`` or inside an array).
    public mutating func beginObject() { beginValue(); bytes.append(UInt8(ascii: "{")); depth += 1; needsComma = false }
    /// Closes the innermost object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array.
    public mutating func beginArray() { beginValue(); bytes.append(UInt8(ascii: "[")); depth += 1; needsComma = false }
    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: String) {
        separator()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        needsComma = false
        pendingKey = true
    }

    // MARK: - Values

    /// Writes a string value, escaped per RFC 8259.
    public mutating func string(_ value: String) { beginValue(); appendString(value) }
    /// Writes a string or `null`.
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    /// Writes an integer.
    public mutating func int(_ value: Int) { beginValue(); bytes.append(contentsOf: String(value).utf8) }
    /// Writes a number rounded to four decimals, the precision scores carry.
    public mutating func double(_ value: Double) {
        beginValue()
        let rounded = (value * 10_000).rounded() / 10_000
        let clean = rounded == 0 ? 0 : rounded  // never print -0.0
        bytes.append(contentsOf: (clean == clean.rounded() ? String(Int(clean)) : String(clean)).utf8)
    }
    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) { beginValue(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    /// Writes `null`.
    public mutating func null() { beginValue(); bytes.append(contentsOf: "null".utf8) }
    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Convenience

    /// Writes `"name": value` for a string or `null`.
    public mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    /// Writes `"name": value` for an integer.
    public mutating func field(_ name: String, _ value: Int) { key(name); int(value) }
    /// Writes `"name": value` for a number.
    public mutating func field(_ name: String, _ value: Double) { key(name); double(value) }
    /// Writes `"name": value` for a boolean.
    public mutating func field(_ name: String, _ value: Bool) { key(name); bool(value) }

    /// Appends a newline (JSON Lines record separator).
    public mutating func newline() { bytes.append(0x0A) }

    // MARK: - Internals

    private var pendingKey = false

    private mutating func beginValue() {
        if pendingKey { pendingKey = false } else { separator() }
        needsComma = true
    }

    private mutating func separator() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newlineAndIndent() }
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = !needsComma
        depth -= 1
        if pretty && !wasEmpty { newlineAndIndent() }
        bytes.append(bracket)
        needsComma = true
    }

    private mutating func newlineAndIndent() {
        bytes.append(0x0A)
        for _ in 0..<(depth * 2) { bytes.append(0x20) }
    }

    private mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        // Fast path: most strings need no escaping and are copied in one go.
        var value = value
        let clean = value.withUTF8 { utf8 -> Bool in
            for byte in utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if clean {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x00..<0x20, 0x7F:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
