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
    @inline(__always)
    public mutating func beginObject() { beginValue(); append(UInt8(ascii: "{")); depth += 1; needsComma = false }
    /// Closes the innermost object.
    @inline(__always)
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array.
    public mutating func beginArray() { beginValue(); append(UInt8(ascii: "[")); depth += 1; needsComma = false }
    /// Closes the innermost array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes an object key; the next call writes its value.
    ///
    /// Keys are literals of the report schema: they are copied as they are, without escaping, which
    /// matters because a report writes dozens of keys per actor.
    @inline(__always)
    public mutating func key(_ name: StaticString) {
        separator()
        // Room for `"name":` reserved once and the name copied in one go (three appends and a closure
        // cost more than the copy: a report writes a few hundred keys).
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        let start = storage + count
        start[0] = UInt8(ascii: "\"")
        copyShort(from: name.utf8Start, count: length, to: start + 1)
        start[1 + length] = UInt8(ascii: "\"")
        start[2 + length] = UInt8(ascii: ":")
        count += length + 3
        if pretty { append(0x20) }
        needsComma = false
        pendingKey = true
    }

    /// Copies a few bytes without a call to `memcpy`, whose call and dispatch cost more than copying
    /// a key or a short name byte by byte.
    @inline(__always)
    private func copyShort(from source: UnsafePointer<UInt8>, count: Int, to destination: UnsafeMutablePointer<UInt8>) {
        guard count <= 16 else {
            destination.update(from: source, count: count)
            return
        }
        for offset in 0..<count { destination[offset] = source[offset] }
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
    @inline(__always)
    public mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) { beginValue(); appendEscaped(value) }
    /// Writes an identifier string made of an ASCII letter and a number (`"e12"`, `"q3"`), the form
    /// report ids take, without building a `String`.
    @inline(__always)
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
    @inline(__always)
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
        let fraction = Int(magnitude % 10_000)
        guard fraction != 0 else { return }
        // Four digits by constant divisors (a loop over a variable divisor divided in hardware),
        // then cut after the last one that is not zero.
        let digits = (UInt8(fraction / 1_000), UInt8(fraction / 100 % 10), UInt8(fraction / 10 % 10), UInt8(fraction % 10))
        let length = digits.3 != 0 ? 4 : digits.2 != 0 ? 3 : digits.1 != 0 ? 2 : 1
        reserve(5)
        storage[count] = UInt8(ascii: ".")
        storage[count + 1] = UInt8(ascii: "0") + digits.0
        storage[count + 2] = UInt8(ascii: "0") + digits.1
        storage[count + 3] = UInt8(ascii: "0") + digits.2
        storage[count + 4] = UInt8(ascii: "0") + digits.3
        count += 1 + length
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
    @inline(__always)
    public mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    /// Writes `"name": value` for an integer.
    @inline(__always)
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

    /// Appends the decimal digits of `value` (with a minus sign when negative), without a `String`:
    /// written backwards straight into the storage once their number is known.
    private mutating func appendDigits(_ value: Int) {
        reserve(20)  // a sign and up to 19 digits (Int.min has 19)
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var bound: UInt = 10
        while magnitude >= bound && digits < 19 {
            digits += 1
            bound = bound &* 10
        }
        var position = count + digits
        count = position
        repeat {
            position -= 1
            storage[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
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

    @inline(__always)
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

    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // Room for the clean case reserved once: the quotes and the bytes as they are. An escape
        // reserves for itself.
        let length = utf8.count
        reserve(length + 2)
        storage[count] = UInt8(ascii: "\"")
        count += 1
        guard let base = utf8.baseAddress else {
            append(UInt8(ascii: "\""))
            return
        }
        // Clean runs are copied in one go (most strings are one clean run). Eight bytes are tested at
        // a time; only a word holding a byte to escape is looked at byte by byte.
        var runStart = 0
        var index = 0
        while index < length {
            if index + 8 <= length, !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, length)
            while index < end {
                let byte = base[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                    appendRun(base + runStart, index - runStart)
                    appendEscape(byte)
                    runStart = index + 1
                }
                index += 1
            }
        }
        appendRun(base + runStart, length - runStart)
        append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private mutating func appendRun(_ start: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        reserve(length)
        copyShort(from: start, count: length, to: storage + count)
        count += length
    }

    /// Whether any of the eight bytes of `word` must be escaped: a control byte (below 0x20), `"`,
    /// `\\` or DEL. Exact, from the classic tests for a zero byte and a byte below a bound.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0x7F))
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
