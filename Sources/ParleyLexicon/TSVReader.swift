#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One row of a lexicon file, as byte ranges into the file's UTF-8 text.
///
/// The reader reuses one `Row` for a whole file, so reading allocates nothing per row. Field ranges
/// live in a buffer the reader owns (an array here paid a uniqueness check on every field of every
/// row, and emptying it for each row went through the generic `replaceSubrange`).
struct Row {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var line = 0
    /// Room for the fields of one row; the first ``fieldCount`` are this row's.
    let fieldStorage: UnsafeMutableBufferPointer<Range<Int>>
    var fieldCount = 0

    /// The field at `index`, or an empty range past the row's end when the row leaves it out.
    func field(_ index: Int) -> Range<Int> {
        index < fieldCount ? fieldStorage[index] : bytes.count ..< bytes.count
    }


    func isEmpty(_ index: Int) -> Bool { field(index).isEmpty }

    func string(_ index: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[field(index)]), as: UTF8.self)
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    func error(_ message: String) -> LexiconError {
        LexiconError(file: file, line: line, message: message)
    }

    /// Whether the field holds exactly `text` (ASCII).
    func field(_ index: Int, equals text: StaticString) -> Bool {
        let range = field(index)
        guard range.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for offset in 0 ..< range.count where bytes[range.lowerBound + offset] != other[offset] { return false }
        return true
    }

    /// The `|`-separated values of a multi-value field, trimmed, empty ones skipped.
    func forEachValue(_ index: Int, _ body: (Range<Int>) -> Void) {
        let range = field(index)
        var start = range.lowerBound
        var i = start
        while i <= range.upperBound {
            if i == range.upperBound || bytes[i] == 0x7C {
                let value = trim(start ..< i)
                if !value.isEmpty { body(value) }
                start = i + 1
            }
            i += 1
        }
    }

    /// The exact token-sequence hash of a phrase (for duplicate and merge detection).
    func sequenceHash(_ range: Range<Int>) -> UInt64 {
        var hash = TokenHash.sequenceSeed
        PhraseSplitter.forEachToken(in: bytes, range) { exact, _ in hash = TokenHash.combine(hash, exact) }
        return hash
    }

    /// Calls `body` with each tab-separated field of the line `bytes[start..<end]`, trimmed of spaces.
    func forEachField(from start: Int, to end: Int, _ body: (Range<Int>) -> Void) {
        var fieldStart = start
        while true {
            let tab = offset(of: 0x09, in: bytes, from: fieldStart, to: end)
            body(trim(fieldStart ..< tab))
            if tab == end { return }
            fieldStart = tab + 1
        }
    }

    func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        return lower ..< upper
    }
}

/// Reads one lexicon file's text: skips blank lines and `#` comments, checks the header and the column
/// count of every row, and calls `body` for each data row. Stops at the first error.
///
/// - Returns: the first error, from the reader or from `body`, or nil.
/// The offset of the first `byte` in `bytes[start..<end]`, or `end`.
private func offset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, Int32(byte), end - start) else { return end }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
}

func readRows(of text: String, file: String, columns: [String], required: Int,
              _ body: (Row) -> LexiconError?) -> LexiconError? {
    var text = text
    return text.withUTF8 { bytes -> LexiconError? in
        // One field more than any valid row has, so a row with too many is still counted as such.
        let fieldStorage = UnsafeMutableBufferPointer<Range<Int>>.allocate(capacity: max(columns.count, 1) + 2)
        defer { fieldStorage.deallocate() }
        var row = Row(bytes: bytes, file: file, fieldStorage: fieldStorage)
        var sawHeader = columns.isEmpty
        var allowed = max(columns.count, 1)
        var lineStart = 0
        var lineNumber = 0
        let n = bytes.count
        while lineStart < n {
            // memchr scans a word at a time; the lexicons are megabytes of short lines.
            let lineEnd = offset(of: 0x0A, in: bytes, from: lineStart, to: n)
            lineNumber += 1
            let next = lineEnd + 1
            var end = lineEnd
            if end > lineStart, bytes[end - 1] == 0x0D { end -= 1 }
            var first = lineStart
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            if first == end || bytes[first] == 0x23 {            // blank or # comment
                lineStart = next
                continue
            }
            row.line = lineNumber
            var kept = 0
            var tooMany = 0
            row.forEachField(from: lineStart, to: end) { field in
                if kept < fieldStorage.count {
                    fieldStorage[kept] = field
                    kept += 1
                } else {
                    tooMany += 1
                }
            }
            row.fieldCount = kept
            if !sawHeader {
                sawHeader = true
                // The header names the columns in order; trailing optional columns may be left out.
                // Split again rather than from the field buffer, which holds no more fields than a valid row.
                var names: [String] = []
                row.forEachField(from: lineStart, to: end) { names.append(row.string($0)) }
                if names.count < required || names.count > columns.count || Array(columns.prefix(names.count)) != names {
                    return row.error("the header must name the columns \(columns.joined(separator: "<TAB>")) "
                        + "(trailing optional ones may be left out), found \(names.joined(separator: "<TAB>"))")
                }
                allowed = names.count
                lineStart = next
                continue
            }
            let found = row.fieldCount + tooMany
            if found > allowed || found < required {
                return row.error(columns.isEmpty
                    ? "expected one entry a line, found \(found) tab-separated fields"
                    : "expected \(required == allowed ? "\(allowed)" : "\(required) to \(allowed)") columns "
                        + "(\(columns.joined(separator: ", "))), found \(found)")
            }
            for index in 0 ..< required where row.field(index).isEmpty {
                return row.error("the required column \"\(columns.isEmpty ? "entry" : columns[index])\" is empty")
            }
            if let error = body(row) { return error }
            lineStart = next
        }
        if !sawHeader {
            return LexiconError(file: file, line: 0, message: "the file has no header line (\(columns.joined(separator: "<TAB>")))")
        }
        return nil
    }
}
