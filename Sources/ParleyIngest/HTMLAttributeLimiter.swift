#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds the number of attributes per start tag before libxml2 sees the page.
///
/// libxml2 2.9's HTML parser checks each new attribute against every earlier one of the same
/// element (`htmlParseStartTag`), so one element with 100,000 attributes costs 5·10⁹ string
/// comparisons (about 40 s). Real elements carry a handful of attributes; we keep the first
/// ``maxAttributes`` of each start tag and drop the rest of the tag up to its `>`.
///
/// The scan is a single linear pass that follows start-tag syntax loosely (names, `=`, quoted or
/// bare values). It only has to bound what libxml2 sees, not to agree with it exactly: if it
/// misreads something as a tag, the worst outcome is that attributes past the limit of that
/// "tag" are dropped, which needs over ``maxAttributes`` whitespace-separated runs inside it.
enum HTMLAttributeLimiter {
    /// Attributes kept per start tag.
    static let maxAttributes = 128

    /// `text` with every start tag cut to ``maxAttributes`` attributes, and how many were dropped
    /// (0 when nothing changed; the text is then returned as is).
    static func limited(_ original: String) -> (text: String, dropped: Int) {
        var text = original
        let (rewritten, dropped) = text.withUTF8 { bytes -> (String?, Int) in
            var cuts: [(from: Int, to: Int, dropped: Int)] = []
            var index = 0
            let count = bytes.count
            while index < count {
                // Jump to the next `<` with memchr (vectorised): text, scripts and styles hold no tags.
                guard let found = memchr(bytes.baseAddress! + index, Int32(UInt8(ascii: "<")), count - index) else { break }
                index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress!
                guard index + 1 < count, isLetter(bytes[index + 1]) else {
                    index += 1
                    continue
                }
                index += 1
                while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") {
                    index += 1
                }
                var attributes = 0
                var cutStart: Int?
                while index < count, bytes[index] != UInt8(ascii: ">") {
                    let byte = bytes[index]
                    if isSpace(byte) || byte == UInt8(ascii: "/") { index += 1; continue }
                    if byte == UInt8(ascii: "<") { break }  // a new tag opens before this one closed
                    attributes += 1
                    if attributes == maxAttributes + 1 { cutStart = index }
                    // Name.
                    while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") {
                        index += 1
                    }
                    var look = index
                    while look < count, isSpace(bytes[look]) { look += 1 }
                    guard look < count, bytes[look] == UInt8(ascii: "=") else { continue }
                    // Value: quoted, or bare up to whitespace or `>`.
                    index = look + 1
                    while index < count, isSpace(bytes[index]) { index += 1 }
                    guard index < count else { break }
                    let quote = bytes[index]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        index += 1
                        while index < count, bytes[index] != quote { index += 1 }
                        if index < count { index += 1 }
                    } else {
                        while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    }
                }
                if let cutStart { cuts.append((cutStart, index, attributes - maxAttributes)) }
            }
            guard !cuts.isEmpty else { return (nil, 0) }
            var result: [UInt8] = []
            result.reserveCapacity(count)
            var copied = 0
            for cut in cuts {
                result.append(contentsOf: bytes[copied..<cut.from])
                copied = cut.to
            }
            result.append(contentsOf: bytes[copied..<count])
            return (String(decoding: result, as: UTF8.self), cuts.reduce(0) { $0 + $1.dropped })
        }
        return (rewritten ?? original, dropped)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
    }
}
