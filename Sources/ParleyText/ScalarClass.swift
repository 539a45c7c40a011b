/// What a non-ASCII scalar means to the tokenizer.
///
/// Only consulted for bytes ≥ 0x80 (ASCII goes through ``ByteClass``). Letters are whatever
/// Unicode calls alphabetic, so `é`, `ł`, Cyrillic, Greek, Arabic and CJK all form words; a
/// handful of scalars with tokenizer-specific roles (typographic quotes, hyphens, joiners) are
/// listed explicitly before the property lookup.
enum ScalarClass: UInt8 {
    /// Alphabetic (`Unicode.Scalar.Properties.isAlphabetic`) or a decimal digit of any script.
    case letter
    /// A combining mark or emoji modifier: continues the word or symbol before it.
    case mark
    /// Soft hyphen, zero-width (non-)joiner: part of a word when letters follow, else skipped.
    case joiner
    /// Whitespace or an invisible format character: separates tokens.
    case space
    /// `‘` `‚` `‛`: opens a single-quoted passage.
    case leftSingleQuote
    /// `’`: an apostrophe inside a word, a possessive after one, else a closing quote.
    case rightSingleQuote
    /// Any other quotation mark: `“ ” „ ‟ « » ‹ ›`.
    case quote
    /// `‐` `‑`: hyphens that may join a word like `-`.
    case hyphen
    /// Everything else: dashes, `…`, currency and other symbols, emoji.
    case other

    /// Classifies the scalar whose UTF-8 sequence starts at `index`.
    /// - Parameters:
    ///   - bytes: the text.
    ///   - index: offset of a lead byte (≥ 0xC0); a stray continuation byte is `other`, length 1.
    ///   - end: bytes at or after `end` are never read.
    /// - Returns: the class and the sequence's length in bytes.
    @inline(__always)
    static func at(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, end: Int) -> (ScalarClass, Int) {
        guard let (scalar, length) = decode(bytes, index, end: end) else { return (.other, 1) }
        return (of(scalar), length)
    }

    /// Decodes the scalar at `index`, trusting the text to be valid UTF-8 (Swift strings are).
    /// - Returns: the scalar and its byte length, or `nil` when `index` is not a lead byte or the
    ///   sequence would run past `end`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length: Int
        var value: UInt32
        if lead < 0xC0 { return nil } else if lead < 0xE0 { length = 2; value = lead & 0x1F } else if lead < 0xF0 {
            length = 3; value = lead & 0x0F
        } else { length = 4; value = lead & 0x07 }
        guard index + length <= end else { return nil }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Classifies one scalar (explicit roles first, then Unicode properties).
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x2019: return .rightSingleQuote
        case 0x2018, 0x201A, 0x201B: return .leftSingleQuote
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A: return .quote
        case 0x2010, 0x2011: return .hyphen
        case 0x00AD, 0x200C, 0x200D, 0x2060: return .joiner
        case 0x200B, 0xFEFF: return .space
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isAlphabetic { return .letter }
        // Skin-tone modifiers behave like marks: they belong to the emoji before them.
        if properties.isEmojiModifier { return .mark }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .letter
        case .format, .control: return .space
        default: return .other
        }
    }

    /// The letter case of the scalar at `index`, for sentence-boundary decisions.
    static func letterCase(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, end: Int) -> LetterCase {
        guard let (scalar, _) = decode(bytes, index, end: end) else { return .none }
        let properties = scalar.properties
        if properties.isLowercase { return .lower }
        if properties.isUppercase || properties.changesWhenLowercased { return .upper }
        return properties.isAlphabetic ? .uncased : .none
    }
}
