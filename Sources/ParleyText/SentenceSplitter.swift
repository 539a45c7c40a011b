import ParleyModel

/// Groups one paragraph's tokens into ``Sentence``s.
///
/// A sentence ends after a *terminator* — `.` `?` `!` `...` `…` (or `。！？`), or a word that ends
/// in an abbreviation period — together with any terminators, closing quotes and closing
/// brackets right after it (`?!`, `."`, `.)`). Whether it ends there depends on the next word:
///
/// | terminator | next: lower case, `,;:%`, dash | next: digit | next: capitalised |
/// |---|---|---|---|
/// | `.` `?` `!` ellipsis | continue | break | break |
/// | prefix abbreviation (`Mr.`, `e.g.`) | continue | continue | continue |
/// | general abbreviation, initialism, initial | continue | continue | break only before a ``SentenceStarters`` word |
///
/// Opening quotes and brackets before the next word are looked through (`He left. "Now …`).
/// A straight quote counts as closing only when it touches the terminator. The paragraph's end
/// always ends its sentence (headlines, list items), `1.` opening a paragraph is a list number,
/// and a forced break (a dateline's end) starts a new sentence.
///
/// **Length limit.** A sentence never holds more than ``maxTokens`` tokens: a run without any
/// terminator (a 20 MB line of words, a scraped table) is cut every ``maxTokens`` tokens. Later
/// stages (cue matching, attribution, evidence rendering the whole sentence) do work per token
/// *per sentence*, so an unbounded sentence makes the pipeline quadratic in document length;
/// with the cap it stays linear. Real news sentences are far shorter (rarely above 120 tokens).
struct SentenceSplitter: Sendable {
    /// The most tokens one sentence may hold; longer runs are cut at this length.
    static let maxTokens = 400

    /// Abbreviation behaviours (prefix or general).
    let abbreviations: Abbreviations

    /// How a token can end a sentence.
    private enum Terminator {
        case none, hard, prefix, general, initial
    }

    /// Appends the sentences of one paragraph.
    /// - Parameters:
    ///   - bytes: the document text.
    ///   - tokens: the document's tokens so far.
    ///   - paragraph: indices of the paragraph's tokens in `tokens`.
    ///   - forcedBreaks: ascending byte offsets inside the paragraph before which a sentence must end.
    ///   - sentences: the document's sentence array, appended to.
    func split(_ bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, paragraph: Range<Int>,
               forcedBreaks: ArraySlice<Int>, into sentences: inout [Sentence]) {
        guard !paragraph.isEmpty else { return }
        let last = paragraph.upperBound
        var pendingBreaks = forcedBreaks.makeIterator()
        var nextForced = pendingBreaks.next() ?? Int.max
        var sentenceStart = paragraph.lowerBound
        func emit(_ upper: Int) {
            sentences.append(Sentence(range: TextRange(tokens[sentenceStart].range.start, tokens[upper - 1].range.end),
                                      tokens: sentenceStart..<upper))
            sentenceStart = upper
        }
        var index = paragraph.lowerBound
        while index < last {
            let token = tokens[index]
            if token.range.start >= nextForced {
                if index > sentenceStart { emit(index) }
                while nextForced <= token.range.start { nextForced = pendingBreaks.next() ?? Int.max }
            }
            if index - sentenceStart >= Self.maxTokens { emit(index) }
            let terminator = kind(of: token, bytes)
            if terminator == .none || terminator == .prefix || (index == paragraph.lowerBound + 1 && isListNumber(tokens[index - 1], bytes)) {
                index += 1
                continue
            }
            var closing = index
            while closing + 1 < last && closes(tokens[closing + 1], after: tokens[closing], bytes) { closing += 1 }
            if closing + 1 < last && breaks(after: terminator, next: closing + 1, last: last, tokens, bytes) {
                emit(closing + 1)
            }
            index = closing + 1
        }
        if sentenceStart < last { emit(last) }
    }

    // MARK: - Token tests

    private func kind(of token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Terminator {
        let first = bytes[token.range.start]
        switch token.kind {
        case .punctuation:
            switch first {
            case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): return .hard
            case 0xE2: return token.range.length == 3 && bytes[token.range.start + 1] == 0x80 && bytes[token.range.start + 2] == 0xA6 ? .hard : .none  // …
            case 0xE3: return token.range.length == 3 && bytes[token.range.start + 1] == 0x80 && bytes[token.range.start + 2] == 0x82 ? .hard : .none  // 。
            case 0xEF:  // ！ ？
                guard token.range.length == 3 else { return .none }
                let second = bytes[token.range.start + 1], third = bytes[token.range.start + 2]
                return second == 0xBC && (third == 0x81 || third == 0x9F) ? .hard : .none
            default: return .none
            }
        case .word:
            guard token.range.length > 1, bytes[token.range.end - 1] == UInt8(ascii: ".") else { return .none }
            if abbreviations.isPrefix(bytes, token.range.bytes) { return .prefix }
            let head = bytes[token.range.start]
            if token.range.length == 2 || (head >= 0xC0 && ScalarClass.decode(bytes, token.range.start, end: token.range.end)?.1 == token.range.length - 1) {
                return .initial
            }
            return .general
        default:
            return .none
        }
    }

    /// A number of at most three digits, the marker of a numbered list item (`1.`).
    private func isListNumber(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        token.kind == .number && token.range.length <= 3
    }

    /// True when `token` extends the terminator group that ends with `previous`.
    private func closes(_ token: Token, after previous: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = bytes[token.range.start]
        switch token.kind {
        case .punctuation:
            if kind(of: token, bytes) == .hard { return true }
            return first == UInt8(ascii: ")") || first == UInt8(ascii: "]") || first == UInt8(ascii: "}")
        case .quote:
            if first < 0x80 { return token.range.start == previous.range.end }  // straight: only if touching
            guard token.range.length >= 2 else { return false }
            let second = bytes[token.range.start + 1]
            let last = bytes[token.range.end - 1]
            if first == 0xE2 && second == 0x80 { return last == 0x99 || last == 0x9D || last == 0xBA }  // ’ ” ›
            return first == 0xC2 && second == 0xBB  // »
        default:
            return false
        }
    }

    /// Decides whether the sentence ends before token `next`.
    private func breaks(after terminator: Terminator, next: Int, last: Int, _ tokens: UnsafeBufferPointer<Token>,
                        _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Look through opening quotes and brackets to the first real token.
        var index = next
        while index < last {
            let token = tokens[index]
            let first = bytes[token.range.start]
            guard token.kind == .quote || (token.kind == .punctuation && (first == UInt8(ascii: "(") || first == UInt8(ascii: "[")))
            else { break }
            index += 1
        }
        guard index < last else { return true }
        let token = tokens[index]
        let hard = terminator == .hard
        let first = bytes[token.range.start]
        switch token.kind {
        case .word:
            let letterCase: LetterCase
            switch first {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): letterCase = .lower
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letterCase = .upper
            case ..<0x80: letterCase = .none
            default: letterCase = ScalarClass.letterCase(bytes, token.range.start, end: token.range.end)
            }
            if letterCase == .lower { return false }
            if hard { return true }
            if letterCase == .none { return false }
            guard let key = ShortKey(bytes, token.range.bytes), SentenceStarters.english.contains(key) else { return false }
            // `J. A. Smith`: a one-letter starter after an initial is another initial.
            return terminator != .initial || token.range.length > 1
        case .number, .url, .email:
            return hard
        case .possessive:
            return false
        case .quote:
            return hard
        case .punctuation:
            switch first {
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "%"), UInt8(ascii: "-"),
                 UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                return false
            case 0xE2 where token.range.length == 3 && bytes[token.range.start + 1] == 0x80
                && (bytes[token.range.start + 2] == 0x93 || bytes[token.range.start + 2] == 0x94):  // – —
                return false
            default:
                return hard
            }
        }
    }
}
