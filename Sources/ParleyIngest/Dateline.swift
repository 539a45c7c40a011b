/// Recognises a wire-style dateline at the start of a paragraph:
/// `NAIROBI (AP) -`, `TOKYO —`, `KYIV, Ukraine (Reuters) –`, `WASHINGTON --`.
///
/// The place must start with an upper-case word of at least two letters written in capitals,
/// may continue with capitalised words, commas and periods, may carry an agency in parentheses,
/// and must end in a dash surrounded by spaces (or an em dash) within the first 80 bytes.
enum Dateline {
    /// The byte length of the dateline including its dash, or nil when the paragraph has none.
    ///
    /// Takes the paragraph's UTF-8 bytes (only the first 96 are read), so the reader need not make a
    /// `String` of a whole paragraph to look at its opening.
    static func length(inUTF8 paragraph: some Collection<UInt8>) -> Int? {
        // Most paragraphs do not open with two capitals: told before copying anything.
        var prefix = paragraph.makeIterator()
        guard let first = prefix.next(), let second = prefix.next(),
              first >= 0x80 || (first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")),
              second >= 0x80 || (second >= UInt8(ascii: "A") && second <= UInt8(ascii: "Z")) else { return nil }
        let buffer = Array(paragraph.prefix(96))
        // The first word is in capitals (ASCII or not) and at least two letters long.
        var index = 0
        var capitals = 0
        while index < buffer.count, isCapital(buffer, at: index) {
            index += scalarLength(buffer[index])
            capitals += 1
        }
        guard capitals >= 2 else { return nil }
        var inParentheses = false
        while index < buffer.count, index < 80 {
            let byte = buffer[index]
            if byte == UInt8(ascii: "(") { inParentheses = true }
            if byte == UInt8(ascii: ")") { inParentheses = false }
            if !inParentheses, let dashEnd = dashEnd(buffer, at: index) { return dashEnd }
            // Sentence punctuation or lower-case text right after the place means no dateline.
            if !inParentheses, byte == UInt8(ascii: "."), index + 1 < buffer.count, buffer[index + 1] == 0x20,
               index + 2 < buffer.count, buffer[index + 2] >= UInt8(ascii: "a"), buffer[index + 2] <= UInt8(ascii: "z") {
                return nil
            }
            // Every word of the place is capitalised: a lower-case word means running text.
            if !inParentheses, byte == 0x20, index + 1 < buffer.count,
               buffer[index + 1] >= UInt8(ascii: "a"), buffer[index + 1] <= UInt8(ascii: "z") {
                return nil
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") { return nil }
            index += 1
        }
        return nil
    }

    /// Where a separating dash ends: ` - `, ` -- `, ` – `, ` — ` or `—` directly after the place.
    private static func dashEnd(_ bytes: [UInt8], at index: Int) -> Int? {
        let emDash: [UInt8] = [0xE2, 0x80, 0x94], enDash: [UInt8] = [0xE2, 0x80, 0x93]
        func matches(_ pattern: [UInt8], _ at: Int) -> Bool {
            at + pattern.count <= bytes.count && Array(bytes[at..<at + pattern.count]) == pattern
        }
        guard bytes[index] == 0x20 || matches(emDash, index) else { return nil }
        var position = index
        if bytes[position] == 0x20 { position += 1 }
        var dashFound = false
        if matches(emDash, position) || matches(enDash, position) { position += 3; dashFound = true }
        else if matches([0x2D, 0x2D], position) { position += 2; dashFound = true }
        else if matches([0x2D], position) { position += 1; dashFound = true }
        guard dashFound, position < bytes.count, bytes[position] == 0x20 else { return nil }
        return position
    }

    private static func isCapital(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        let length = scalarLength(byte)
        guard index + length <= bytes.count else { return false }
        guard let scalar = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars.first else { return false }
        return scalar.properties.isUppercase
    }

    private static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
