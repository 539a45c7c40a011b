import ParleyModel

/// The tokenizer's state while it walks one paragraph, and its rules.
///
/// Rules, in the order a token's first byte selects them:
/// - **Words** start with a letter and take letters, digits and combining marks; an inner hyphen
///   (`well-known`) or apostrophe (`don't`, `O'Brien`) joins when a letter or digit follows.
///   A period joins when a letter follows and either that letter is lower case or the part before
///   has at most two letters (`U.S`, `e.g`, `Amazon.com`), so `end.Next` (a missing space) splits.
///   A final period belongs to the word for an initialism with inner periods whose parts have at
///   most two letters (`U.S.`, `Ph.D.`), a single capital initial (`J.`, never `I.`) and a known
///   abbreviation (``Abbreviations``); otherwise it is punctuation.
/// - **Possessives**: `'s`/`’s` ending a word is split off as `.possessive`, except after the
///   pronouns of ``contractionPronouns`` (`it's` stays whole); a lone `'`/`’` after a word ending in
///   `s` is a possessive too, unless a single-quoted passage is open (then it closes it).
/// - **Numbers** are digits with single inner `.` `,` `:` `-` `/` between digits (`3.5`, `1,200`,
///   `10:30`, `2024-01-05`); digits running into letters make a word (`1990s`, `24-year-old`).
/// - **URLs** start with `http://`, `https://` or `www.` and run to whitespace or a quote, minus
///   trailing punctuation; **e-mail addresses** are found at `@` by looking back over the local part.
/// - **Quotes**: every quotation mark is its own `.quote` token.
/// - Everything else is `.punctuation`: one token per symbol, except runs of periods (`...`) and
///   of hyphens (`--`), which are one token each.
struct TokenScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let table: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let abbreviations: Abbreviations
    /// True after an opening single quote and until the next closing one, so that `’` after
    /// `leaders` closes the quote instead of becoming a possessive.
    var openSingleQuote = false

    /// Pronouns whose `'s` is a contraction of *is*/*has*/*us*, kept inside the word (case-folded).
    static let contractionPronouns = ShortKeySet(
        ["it", "that", "there", "he", "she", "what", "who", "here", "let", "where", "how"].compactMap { ShortKey($0) })

    // MARK: - Driver

    /// Appends every token of the paragraph to `tokens`.
    mutating func run(into tokens: inout [Token]) {
        var index = start
        while index < end {
            switch table[Int(bytes[index])] {
            case ByteClass.space:
                index += 1
            case ByteClass.upper, ByteClass.lower:
                // Most words are plain ASCII letters and digits ending at a space or a punctuation
                // mark that no word rule looks at: taken here in one tight scan. A word running into
                // a period, hyphen, apostrophe or non-ASCII letter, or one that may open a URL
                // (`http:`), goes through the full rules in `word`.
                var stop = index &+ 1
                while stop < end {
                    let byteClass = table[Int(bytes[stop])]
                    guard byteClass >= ByteClass.upper && byteClass <= ByteClass.digit else { break }
                    stop &+= 1
                }
                if stop == end || Self.endsPlainWord(table[Int(bytes[stop])]) && bytes[stop] != UInt8(ascii: ":") {
                    append(index, stop, .word, to: &tokens)
                    index = stop
                } else {
                    index = word(from: index, resumingAt: index, into: &tokens)
                }
            case ByteClass.digit:
                index = number(from: index, into: &tokens)
            case ByteClass.period:
                var stop = index + 1
                while stop < end && bytes[stop] == UInt8(ascii: ".") { stop += 1 }
                append(index, stop, .punctuation, to: &tokens)
                index = stop
            case ByteClass.apostrophe:
                index = singleQuote(at: index, length: 1, opening: nil, into: &tokens)
            case ByteClass.doubleQuote:
                append(index, index + 1, .quote, to: &tokens)
                index += 1
            case ByteClass.hyphen:
                var stop = index + 1
                while stop < end && bytes[stop] == UInt8(ascii: "-") { stop += 1 }
                append(index, stop, .punctuation, to: &tokens)
                index = stop
            case ByteClass.at:
                index = email(at: index, into: &tokens)
            case ByteClass.high:
                index = nonASCII(at: index, into: &tokens)
            default:
                append(index, index + 1, .punctuation, to: &tokens)
                index += 1
            }
        }
    }

    /// Whether a byte of this class ends a word without any word rule looking at it: whitespace, a
    /// double quote, `@` (the driver handles addresses) or other ASCII punctuation.
    @inline(__always)
    private static func endsPlainWord(_ byteClass: UInt8) -> Bool {
        byteClass == ByteClass.space || byteClass == ByteClass.other || byteClass == ByteClass.doubleQuote
            || byteClass == ByteClass.at
    }

    @inline(__always)
    private func append(_ lower: Int, _ upper: Int, _ kind: TokenKind, to tokens: inout [Token]) {
        tokens.append(Token(range: TextRange(lower, upper), kind: kind))
    }

    // MARK: - Character tests

    /// Byte length of the letter, digit or combining mark at `index`, or 0 if there is none.
    @inline(__always)
    private func wordCharacterLength(_ index: Int) -> Int {
        guard index < end else { return 0 }
        let byteClass = table[Int(bytes[index])]
        if byteClass >= ByteClass.upper && byteClass <= ByteClass.digit { return 1 }
        if byteClass == ByteClass.high {
            let (scalarClass, length) = ScalarClass.at(bytes, index, end: end)
            if scalarClass == .letter || scalarClass == .mark { return length }
        }
        return 0
    }

    /// True when a letter (not a digit) starts at `index`.
    @inline(__always)
    private func isLetter(_ index: Int) -> Bool {
        guard index < end else { return false }
        let byteClass = table[Int(bytes[index])]
        if byteClass == ByteClass.upper || byteClass == ByteClass.lower { return true }
        return byteClass == ByteClass.high && ScalarClass.at(bytes, index, end: end).0 == .letter
    }

    /// True when `'`/`’` at `index` (of `length` bytes) is followed by `s` and then no word character.
    @inline(__always)
    private func isApostropheS(_ index: Int, length: Int) -> Bool {
        let letter = index + length
        return letter < end && bytes[letter] | 0x20 == UInt8(ascii: "s") && wordCharacterLength(letter + 1) == 0
    }

    // MARK: - Words

    /// Scans a word that starts at `start`, continuing from `resume` (later than `start` when a
    /// number turned out to run into letters), appends it (and a split-off possessive) and returns
    /// the offset after it.
    private mutating func word(from start: Int, resumingAt resume: Int, into tokens: inout [Token]) -> Int {
        if resume == start, let urlEnd = urlEnd(from: start) {
            append(start, urlEnd, .url, to: &tokens)
            return urlEnd
        }
        var index = resume
        var segment = 0  // letters in the current period-separated part
        var longestSegment = 0
        var innerPeriod = false
        scan: while true {
            while index < end {
                let byteClass = table[Int(bytes[index])]
                if byteClass >= ByteClass.upper && byteClass <= ByteClass.digit {
                    index += 1
                    segment += 1
                    continue
                }
                guard byteClass == ByteClass.high else { break }
                let (scalarClass, length) = ScalarClass.at(bytes, index, end: end)
                switch scalarClass {
                case .letter, .mark:
                    index += length
                    segment += 1
                    continue
                case .joiner where wordCharacterLength(index + length) > 0:
                    index += length
                    continue
                case .hyphen where wordCharacterLength(index + length) > 0:
                    index += length
                    segment = 0
                    continue
                case .rightSingleQuote:
                    switch apostrophe(wordStart: start, at: index, length: length) {
                    case .continueAt(let next): index = next; continue
                    case .stop: break scan
                    case .possessive(let stop):
                        append(start, index, .word, to: &tokens)
                        append(index, stop, .possessive, to: &tokens)
                        return stop
                    }
                default:
                    break scan
                }
            }
            guard index < end else { break }
            switch table[Int(bytes[index])] {
            case ByteClass.hyphen:
                guard wordCharacterLength(index + 1) > 0 else { break scan }
                index += 1
                segment = 0
            case ByteClass.apostrophe:
                switch apostrophe(wordStart: start, at: index, length: 1) {
                case .continueAt(let next): index = next
                case .stop: break scan
                case .possessive(let stop):
                    append(start, index, .word, to: &tokens)
                    append(index, stop, .possessive, to: &tokens)
                    return stop
                }
            case ByteClass.period:
                let next = index + 1
                if isLetter(next) {
                    let lowerNext = table[Int(bytes[next])] == ByteClass.lower
                        || (bytes[next] >= 0x80 && ScalarClass.letterCase(bytes, next, end: end) == .lower)
                    if lowerNext || segment <= 2 {
                        innerPeriod = true
                        longestSegment = max(longestSegment, segment)
                        segment = 0
                        index = next
                        continue scan
                    }
                }
                // A following period makes an ellipsis, which keeps all its periods.
                if next < end && bytes[next] == UInt8(ascii: ".") { break scan }
                longestSegment = max(longestSegment, segment)
                let absorbs = innerPeriod
                    ? longestSegment <= 2
                    : isInitial(start, index) || abbreviations.contains(bytes, start..<next)
                guard absorbs else { break scan }
                index = next
                // `Inc.The` (missing space): the period ends the word, the letters start a new one.
                if wordCharacterLength(index) > 0 { break scan }
            default:
                break scan
            }
        }
        append(start, index, .word, to: &tokens)
        return index
    }

    /// What an apostrophe inside or after a word does.
    private enum ApostropheRole {
        /// Part of the word (`don't`, `O'Brien`, `it's`); scanning goes on at the offset.
        case continueAt(Int)
        /// Not part of the word: a closing quote, handled by the driver.
        case stop
        /// A possessive clitic ending at the offset (`'s`, or a lone `'` after a plural).
        case possessive(Int)
    }

    private func apostrophe(wordStart start: Int, at index: Int, length: Int) -> ApostropheRole {
        let next = index + length
        if isLetter(next) {
            guard isApostropheS(index, length: length) else { return .continueAt(next) }
            if let key = ShortKey(bytes, start..<index, foldCase: true), Self.contractionPronouns.contains(key) {
                return .continueAt(next + 1)
            }
            return .possessive(next + 1)
        }
        if index > start, bytes[index - 1] | 0x20 == UInt8(ascii: "s"), !openSingleQuote,
           wordCharacterLength(next) == 0 {
            return .possessive(next)
        }
        return .stop
    }

    /// True when `bytes[start..<stop]` is one capital letter other than `I` (an initial like `J.`)
    /// that stands alone: the `T` of `AT&T.` is glued to what precedes it and is no initial.
    private func isInitial(_ start: Int, _ stop: Int) -> Bool {
        if start > self.start {
            let before = bytes[start - 1]
            let standsAlone = table[Int(before)] == ByteClass.space || before >= 0x80 || before == UInt8(ascii: "(")
                || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'")
            guard standsAlone else { return false }
        }
        if stop - start == 1 { return table[Int(bytes[start])] == ByteClass.upper && bytes[start] != UInt8(ascii: "I") }
        guard bytes[start] >= 0x80, let (_, length) = ScalarClass.decode(bytes, start, end: end),
              length == stop - start else { return false }
        return ScalarClass.letterCase(bytes, start, end: end) == .upper
    }

    // MARK: - Numbers

    /// Scans digits with inner separators; hands over to ``word(from:resumingAt:into:)`` when
    /// letters follow, and splits a possessive (`1990's`).
    private mutating func number(from start: Int, into tokens: inout [Token]) -> Int {
        var index = start
        while true {
            while index < end && table[Int(bytes[index])] == ByteClass.digit { index += 1 }
            if index + 1 < end, table[Int(bytes[index + 1])] == ByteClass.digit {
                switch bytes[index] {
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                    index += 1
                    continue
                default: break
                }
            }
            break
        }
        if index < end {
            if isLetter(index) || (bytes[index] == UInt8(ascii: "-") && isLetter(index + 1)) {
                return word(from: start, resumingAt: index, into: &tokens)
            }
            let apostropheLength = bytes[index] == UInt8(ascii: "'") ? 1 : (isRightSingleQuote(index) ? 3 : 0)
            if apostropheLength > 0 && isApostropheS(index, length: apostropheLength) {
                append(start, index, .number, to: &tokens)
                append(index, index + apostropheLength + 1, .possessive, to: &tokens)
                return index + apostropheLength + 1
            }
        }
        append(start, index, .number, to: &tokens)
        return index
    }

    @inline(__always)
    private func isRightSingleQuote(_ index: Int) -> Bool {
        index + 2 < end && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99
    }

    // MARK: - Quotes, non-ASCII

    /// Appends a single quotation mark (`'`, `‘`, `’`) that is not inside a word and tracks whether
    /// a single-quoted passage is open. `opening` is known for typographic marks; a straight `'`
    /// opens when nothing is attached before it.
    private mutating func singleQuote(at index: Int, length: Int, opening: Bool?, into tokens: inout [Token]) -> Int {
        let attached = index > start && table[Int(bytes[index - 1])] != ByteClass.space
        openSingleQuote = opening ?? !attached
        append(index, index + length, .quote, to: &tokens)
        return index + length
    }

    /// Handles a token that starts with a non-ASCII scalar.
    private mutating func nonASCII(at index: Int, into tokens: inout [Token]) -> Int {
        let (scalarClass, length) = ScalarClass.at(bytes, index, end: end)
        switch scalarClass {
        case .space:
            return index + length
        case .joiner:
            // A zero-width joiner between two symbols (an emoji sequence) keeps them one token.
            let next = index + length
            if let last = tokens.last, last.range.end == index, next < end, bytes[next] >= 0x80 {
                let (nextClass, nextLength) = ScalarClass.at(bytes, next, end: end)
                if nextClass == .other {
                    tokens[tokens.count - 1].range.end = next + nextLength
                    return next + nextLength
                }
            }
            return next
        case .letter:
            return word(from: index, resumingAt: index, into: &tokens)
        case .mark:
            // A stray mark (an emoji variation selector, say) extends the symbol it follows.
            if let last = tokens.last, last.range.end == index {
                tokens[tokens.count - 1].range.end = index + length
            } else {
                append(index, index + length, .punctuation, to: &tokens)
            }
            return index + length
        case .leftSingleQuote:
            return singleQuote(at: index, length: length, opening: true, into: &tokens)
        case .rightSingleQuote:
            return singleQuote(at: index, length: length, opening: false, into: &tokens)
        case .quote:
            append(index, index + length, .quote, to: &tokens)
            return index + length
        case .hyphen, .other:
            append(index, index + length, .punctuation, to: &tokens)
            return index + length
        }
    }

    // MARK: - URLs and e-mail

    /// The end of a URL starting at `start` (`http://`, `https://` or `www.`), or `nil`.
    private func urlEnd(from start: Int) -> Int? {
        // Every word start comes through here, so reject on the first two bytes before comparing more.
        guard start + 4 < end else { return nil }
        let first = bytes[start] | 0x20, second = bytes[start + 1] | 0x20
        let isWeb: Bool
        if first == UInt8(ascii: "h") && second == UInt8(ascii: "t") {
            isWeb = hasPrefix("http://", at: start) || hasPrefix("https://", at: start)
        } else if first == UInt8(ascii: "w") && second == UInt8(ascii: "w") {
            isWeb = hasPrefix("www.", at: start)
        } else {
            return nil
        }
        guard isWeb else { return nil }
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
                    break
                }
                index += 1
            } else {
                let (scalarClass, length) = ScalarClass.at(bytes, index, end: end)
                if scalarClass == .space || scalarClass == .quote || scalarClass == .leftSingleQuote
                    || scalarClass == .rightSingleQuote { break }
                index += length
            }
        }
        // Trailing sentence punctuation and an unbalanced closing bracket belong to the prose.
        var opened = 0, closed = 0
        for offset in start..<index {
            if bytes[offset] == UInt8(ascii: "(") { opened += 1 } else if bytes[offset] == UInt8(ascii: ")") { closed += 1 }
        }
        while index > start + 4 {
            let last = bytes[index - 1]
            switch last {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                 UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                index -= 1
            case UInt8(ascii: ")") where closed > opened:
                closed -= 1
                index -= 1
            default:
                return index
            }
        }
        return index
    }

    /// True when the ASCII-case-folded bytes at `start` spell `prefix` (lower case) and more follows.
    private func hasPrefix(_ prefix: StaticString, at start: Int) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard start + count < end else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<count where bytes[start + offset] | 0x20 != pointer[offset] { return false }
        return true
    }

    /// At `@`: if an address's local part precedes and a dotted domain follows, replaces the tokens
    /// of the local part with one `.email` token; otherwise appends `@` as punctuation.
    private func email(at index: Int, into tokens: inout [Token]) -> Int {
        func isLocal(_ byte: UInt8) -> Bool {
            let byteClass = table[Int(byte)]
            return (byteClass >= ByteClass.upper && byteClass <= ByteClass.digit) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-")
        }
        func isDomain(_ byte: UInt8) -> Bool {
            let byteClass = table[Int(byte)]
            return (byteClass >= ByteClass.upper && byteClass <= ByteClass.digit) || byte == UInt8(ascii: "-")
        }
        var local = index
        while local > start && isLocal(bytes[local - 1]) { local -= 1 }
        while local < index && bytes[local] == UInt8(ascii: ".") { local += 1 }
        var stop = index + 1
        var dots = 0
        while stop < end {
            if isDomain(bytes[stop]) {
                stop += 1
            } else if bytes[stop] == UInt8(ascii: "."), stop + 1 < end, isDomain(bytes[stop + 1]), stop > index + 1 {
                dots += 1
                stop += 1
            } else {
                break
            }
        }
        // The local part must be whole tokens: none may straddle its start.
        var keep = tokens.count
        while keep > 0 && tokens[keep - 1].range.start >= local { keep -= 1 }
        let straddles = keep > 0 && tokens[keep - 1].range.end > local
        guard local < index, dots > 0, !straddles else {
            append(index, index + 1, .punctuation, to: &tokens)
            return index + 1
        }
        tokens.removeSubrange(keep...)
        append(local, stop, .email, to: &tokens)
        return stop
    }
}
