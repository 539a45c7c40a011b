/// The class of one UTF-8 byte, for the tokenizer's ASCII fast path.
///
/// A 256-entry table answers "what is this byte?" with one load, so ASCII text never pays for
/// Unicode property lookups. Every byte ≥ 0x80 maps to ``high``; only those bytes make the
/// tokenizer decode a scalar and ask ``ScalarClass``.
enum ByteClass {
    /// Any ASCII punctuation or symbol without a rule of its own (`,` `;` `(` `$` `%` …).
    static let other: UInt8 = 0
    /// ASCII whitespace and control characters: skipped between tokens.
    static let space: UInt8 = 1
    /// `A`–`Z`.
    static let upper: UInt8 = 2
    /// `a`–`z`.
    static let lower: UInt8 = 3
    /// `0`–`9`. Kept adjacent to the letters so `upper...digit` is one range check.
    static let digit: UInt8 = 4
    /// `.`: decimals, abbreviations, initialisms, ellipses or a full stop.
    static let period: UInt8 = 5
    /// `'`: apostrophe, possessive or single quotation mark.
    static let apostrophe: UInt8 = 6
    /// `"`.
    static let doubleQuote: UInt8 = 7
    /// `-`: inner hyphen, number separator or dash.
    static let hyphen: UInt8 = 8
    /// `@`: may turn the preceding characters into an e-mail address.
    static let at: UInt8 = 9
    /// A byte of a multi-byte UTF-8 sequence.
    static let high: UInt8 = 10

    /// The table, indexed by byte value.
    static let table: [UInt8] = {
        var table = [UInt8](repeating: other, count: 256)
        for byte in 0...0x20 { table[byte] = space }
        table[0x7F] = space
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = upper }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = lower }
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = digit }
        table[Int(UInt8(ascii: "."))] = period
        table[Int(UInt8(ascii: "'"))] = apostrophe
        table[Int(UInt8(ascii: "\""))] = doubleQuote
        table[Int(UInt8(ascii: "-"))] = hyphen
        table[Int(UInt8(ascii: "@"))] = at
        for byte in 0x80...0xFF { table[byte] = high }
        return table
    }()
}
