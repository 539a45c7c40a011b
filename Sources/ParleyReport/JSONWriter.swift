/// A streaming JSON writer into a byte buffer: no intermediate dictionaries, no reflection.
///
/// Reports are written field by field in a fixed order, which keeps output byte-identical from
/// run to run and cheap to produce. `pretty` indents by two spaces like `--pretty` promises.
///
/// The writer is noncopyable and owns raw storage: a report writes tens of thousands of small pieces,
/// and appending each to an `Array` paid a uniqueness check and a capacity test per piece.
public struct JSONWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let pretty: Bool
    private var depth = 0
    private var needsComma = false
    private var pendingKey = false

    /// Creates an empty writer.
    public init(pretty: Bool = false, reservingCapacity capacity: Int = 4096) {
        self.pretty = pretty
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    // MARK: - Structure

    /// Opens an object (as a value: call after ``key(_:)`` or inside an array).
    public mutating func beginObject() { beginValue(); append(UInt8(ascii: "{")); depth += 1; needsComma = false }
    /// Closes the innermost object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array.
    public mutating func beginArray() { beginValue(); append(UInt8(ascii: "[")); depth += 1; needsComma = false }
    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    ///
    /// Keys are literals of the report schema: they are copied as they are, without escaping, which
    /// matters because a report writes dozens of keys per actor.
    public mutating func key(_ name: StaticString) {
        separator()
        // Room for `"name":` reserved once and the name copied in one go (three appends and a closure
        // cost more than the copy: a report writes a few hundred keys).
        let length = name.utf8CodeUnitCount
        reserve(length + 3)
        storage[count] = UInt8(ascii: "\"")
        (storage + count + 1).update(from: name.utf8Start, count: length)
        storage[count + 1 + length] = UInt8(ascii: "\"")
        count += length + 2
        finishKey()
    }

    /// Writes a key computed at run time (a date in a tally), escaped like a string value.
    public mutating func dynamicKey(_ name: String) {
        separator()
        var name = name
        name.withUTF8 { appendEscaped($0) }
        finishKey()
    }

    // MARK: - Values

    /// Writes a string value, escaped per RFC 8259.
    public mutating func string(_ value: String) {
        beginValue()
        var value = value
        value.withUTF8 { appendEscaped($0) }
    }
    /// Writes UTF-8 bytes as a string value, escaped per RFC 8259 (a slice of a document, without
    /// making a `String` of it first).
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) { beginValue(); appendEscaped(value) }
    /// Writes an identifier string made of an ASCII letter and a number (`"e12"`, `"q3"`), the form
    /// report ids take, without building a `String`.
    public mutating func identifier(_ prefix: Unicode.Scalar, _ number: Int) {
        beginValue()
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: prefix))
        appendDigits(number)
        append(UInt8(ascii: "\""))
    }
    /// Writes a string or `null`.
    public mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    /// Writes an integer.
    public mutating func int(_ value: Int) { beginValue(); appendDigits(value) }
    /// Writes a number rounded to four decimals, the precision scores carry.
    ///
    /// Printed from the integer count of ten-thousandths, which gives the same text as the shortest
    /// round-trip form of the rounded double (`0.25`, `-1.5`, `3`) without formatting a `Double`.
    public mutating func double(_ value: Double) {
        beginValue()
        let scaled = (value * 10_000).rounded()
        guard abs(scaled) < 1e15 else {
            append(String(scaled / 10_000))
            return
        }
        let units = Int(scaled)
        if units < 0 { append(UInt8(ascii: "-")) }  // never "-0": zero takes the other branch
        let magnitude = units.magnitude
        appendDigits(Int(magnitude / 10_000))
        var fraction = Int(magnitude % 10_000)
        guard fraction != 0 else { return }
        append(UInt8(ascii: "."))
        var divisor = 1_000
        while fraction != 0 {
            append(UInt8(ascii: "0") + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }
    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) { beginValue(); append(value ? "true" : "false") }
    /// Writes `null`.
    public mutating func null() { beginValue(); append("null") }
    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Convenience

    /// Writes `"name": value` for a string or `null`.
    public mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    /// Writes `"name": value` for an integer.
    public mutating func field(_ name: StaticString, _ value: Int) { key(name); int(value) }
    /// Writes `"name": value` for a number.
    public mutating func field(_ name: StaticString, _ value: Double) { key(name); double(value) }
    /// Writes `"name": value` for a boolean.
    public mutating func field(_ name: StaticString, _ value: Bool) { key(name); bool(value) }

    /// Appends a newline (JSON Lines record separator).
    public mutating func newline() { append(0x0A) }

    // MARK: - Internals

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(capacity * 2, needed)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        UnsafeMutableRawPointer(storage + count).copyMemory(from: base, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    private mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends the decimal digits of `value` (with a minus sign when negative), without a `String`.
    private mutating func appendDigits(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude >= 10 else { append(UInt8(ascii: "0") + UInt8(magnitude)); return }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any 64-bit value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[23 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    @inline(__always)
    private mutating func finishKey() {
        append(UInt8(ascii: ":"))
        if pretty { append(0x20) }
        needsComma = false
        pendingKey = true
    }

    @inline(__always)
    private mutating func beginValue() {
        if pendingKey { pendingKey = false } else { separator() }
        needsComma = true
    }

    @inline(__always)
    private mutating func separator() {
        if needsComma { append(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newlineAndIndent() }
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = !needsComma
        depth -= 1
        if pretty && !wasEmpty { newlineAndIndent() }
        append(bracket)
        needsComma = true
    }

    private mutating func newlineAndIndent() {
        append(0x0A)
        for _ in 0..<(depth * 2) { append(0x20) }
    }

    /// Bytes that must be escaped in a JSON string: controls, `"`, `\\` (and DEL, for readable output).
    private static let needsEscape: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        // Copy clean runs in one go; most strings are a single clean run.
        var runStart = 0
        Self.needsEscape.withUnsafeBufferPointer { needsEscape in
            for (index, byte) in utf8.enumerated() where needsEscape[Int(byte)] {
                append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(byte)
                runStart = index + 1
            }
        }
        append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): append(byte)
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0D: append(UInt8(ascii: "r"))
        case 0x09: append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            append("u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
