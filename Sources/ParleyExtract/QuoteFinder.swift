import ParleyModel

/// A quotation found by its marks, before attribution.
struct QuoteSpan {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark (or the last content token + 1 when the paragraph ended).
    var close: Int
    /// The quoted words, without the marks.
    var range: TextRange
    /// Direct or partial.
    var kind: QuoteKind
    /// True when the quote runs over more than one paragraph.
    var multiParagraph: Bool
    /// True when every significant word is capitalised, as in a title ("Dragon Valley"): kept only
    /// when a reporting verb right before it says someone called something that.
    var titleLike: Bool = false
}

/// Finds quotations by their marks: " “ ” „ « » ‹ › and British single quotes, quotes spanning
/// sentences, and multi-paragraph quotes (a paragraph that opens a quote without closing it,
/// continued by the next paragraph's opening mark). Linear in the number of tokens.
struct QuoteFinder {
    let facts: TokenFacts
    let document: Document

    enum Mark { case open, close, either }
    enum Family { case double, single }

    /// The role and family of a quote token, from its character and its neighbours.
    func classify(_ index: Int, bytes: UnsafeBufferPointer<UInt8>) -> (Mark, Family)? {
        let start = document.tokens[index].range.start
        let end = document.tokens[index].range.end
        switch QuoteCharacter(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) {
        case .leftDouble, .lowDouble, .leftGuillemet: return (.open, .double)
        case .rightDouble, .rightGuillemet:
            // A closing mark where an opening one belongs (paragraph start, after a space, before a
            // letter) is a typo for it: `”Fear. I am truly afraid …”`.
            let before: UInt8 = start > 0 ? bytes[start - 1] : 0x0A
            let after: UInt8 = end < bytes.count ? bytes[end] : 0x20
            let letterAfter = after >= 0x41 && (after <= 0x5A || (after >= 0x61 && after <= 0x7A) || after >= 0xC0)
            // At a paragraph's start it can only open (`”… what I learned is …”`).
            if before == 0x0A || before == 0x20 && letterAfter { return (.open, .double) }
            return (.close, .double)
        case .leftSingle, .leftSingleGuillemet: return (.open, .single)
        case .rightSingle, .rightSingleGuillemet: return (.close, .single)
        case .straightDouble, .straightSingle:
            let family: Family = bytes[start] == UInt8(ascii: "\"") ? .double : .single
            let before: UInt8 = start > 0 ? bytes[start - 1] : 0x20
            let after: UInt8 = end < bytes.count ? bytes[end] : 0x20
            let spaceBefore = before == 0x20 || before == 0x0A || before == UInt8(ascii: "(") || before == UInt8(ascii: "[")
            let spaceAfter = after == 0x20 || after == 0x0A || after == UInt8(ascii: ",") || after == UInt8(ascii: ".")
                || after == UInt8(ascii: ")") || after == UInt8(ascii: ";") || after == UInt8(ascii: ":")
            if spaceBefore && !spaceAfter { return (.open, family) }
            if spaceAfter && !spaceBefore { return (.close, family) }
            return (.either, family)
        case nil:
            return nil
        }
    }

    /// The quotation marks a token may be, told from its UTF-8 bytes (a `switch` over the token's
    /// `String` compared it with every mark in turn).
    enum QuoteCharacter {
        case straightDouble, straightSingle
        case leftDouble, rightDouble, lowDouble, leftSingle, rightSingle
        case leftGuillemet, rightGuillemet, leftSingleGuillemet, rightSingleGuillemet

        /// The mark `bytes` spell exactly, or nil.
        init?(bytes: UnsafeBufferPointer<UInt8>) {
            switch bytes.count {
            case 1:
                switch bytes[0] {
                case 0x22: self = .straightDouble
                case 0x27: self = .straightSingle
                default: return nil
                }
            case 2:  // « U+00AB, » U+00BB
                guard bytes[0] == 0xC2 else { return nil }
                switch bytes[1] {
                case 0xAB: self = .leftGuillemet
                case 0xBB: self = .rightGuillemet
                default: return nil
                }
            case 3:  // U+2018 … U+203A: E2 80 xx
                guard bytes[0] == 0xE2, bytes[1] == 0x80 else { return nil }
                switch bytes[2] {
                case 0x98: self = .leftSingle
                case 0x99: self = .rightSingle
                case 0x9C: self = .leftDouble
                case 0x9D: self = .rightDouble
                case 0x9E: self = .lowDouble
                case 0xB9: self = .leftSingleGuillemet
                case 0xBA: self = .rightSingleGuillemet
                default: return nil
                }
            default:
                return nil
            }
        }
    }

    private func isStraight(_ index: Int) -> Bool { facts.text.equals(index, "\"") }

    func find() -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        document.withUTF8 { bytes in
            var paragraphIndex = 0
            let paragraphs = document.paragraphs
            // A double quote left open at the end of a paragraph, waiting for the next one.
            var carried: (open: Int, paragraph: Int)?
            var openDouble: Int?
            var openSingle: Int?
            var nested = 0
            var currentParagraph = -1
            for index in 0..<facts.count {
                let start = document.tokens[index].range.start
                while paragraphIndex + 1 < paragraphs.count, paragraphs[paragraphIndex].range.end <= start { paragraphIndex += 1 }
                if paragraphIndex != currentParagraph {
                    // Entering a new paragraph: an unclosed double quote either continues (next paragraph
                    // opens with a quote mark) or ends with its paragraph.
                    if let open = openDouble {
                        let continues = facts.kinds[index] == .quote && classify(index, bytes: bytes).map { $0.1 == .double && $0.0 != .close } == true
                        if continues {
                            carried = carried ?? (open, currentParagraph)
                            openDouble = nil
                            currentParagraph = paragraphIndex
                            continue  // the continuation mark itself
                        }
                        closeAtParagraphEnd(open: carried?.open ?? open, lastToken: index - 1, into: &spans, multi: carried != nil)
                        carried = nil
                        openDouble = nil
                    } else if let carry = carried {
                        closeAtParagraphEnd(open: carry.open, lastToken: index - 1, into: &spans, multi: true)
                        carried = nil
                    }
                    openSingle = nil
                    nested = 0
                    currentParagraph = paragraphIndex
                }
                guard facts.kinds[index] == .quote, let (mark, family) = classify(index, bytes: bytes) else { continue }
                switch family {
                case .double:
                    // A quote in another style inside an open quote is nested speech
                    // ("The question was: “As you know …” Forty-three said yes.").
                    if let open = openDouble, isStraight(open) != isStraight(index), !facts.text.equals(open, "„") {
                        if mark == .open || (mark == .either && nested == 0) { nested += 1; continue }
                        if nested > 0 { nested -= 1; continue }
                    }
                    if let open = openDouble, mark != .open || facts.text.equals(open, "„") && facts.text.equals(index, "“") {
                        addSpan(open: carried?.open ?? open, close: index, multi: carried != nil, into: &spans)
                        openDouble = nil
                        carried = nil
                        openSingle = nil
                    } else if carried != nil, mark == .close || mark == .either {
                        addSpan(open: carried!.open, close: index, multi: true, into: &spans)
                        carried = nil
                    } else if mark != .close {
                        openDouble = index
                    }
                case .single:
                    // Single quotes inside a double quote are nested speech, part of the outer quote.
                    guard openDouble == nil, carried == nil else { continue }
                    if let open = openSingle, mark != .open {
                        addSpan(open: open, close: index, multi: false, into: &spans)
                        openSingle = nil
                    } else if mark != .close {
                        openSingle = index
                    }
                }
            }
            if let open = openDouble ?? carried?.open {
                closeAtParagraphEnd(open: open, lastToken: facts.count - 1, into: &spans, multi: carried != nil)
            }
        }
        return spans
    }

    private func closeAtParagraphEnd(open: Int, lastToken: Int, into spans: inout [QuoteSpan], multi: Bool) {
        // An unclosed quote is kept only if it holds a real utterance (several words).
        guard lastToken > open + 3 else { return }
        addSpan(open: open, close: lastToken + 1, multi: multi, closedByMark: false, into: &spans)
    }

    private func addSpan(open: Int, close: Int, multi: Bool, closedByMark: Bool = true, into spans: inout [QuoteSpan]) {
        guard close > open + 1 else { return }
        let start = document.tokens[open].range.end
        let end = closedByMark ? document.tokens[close].range.start : document.tokens[close - 1].range.end
        guard start < end else { return }
        var words = 0
        for index in (open + 1)..<close where facts.kinds[index] == .word || facts.kinds[index] == .number { words += 1 }
        guard words > 0, !isCode(open: open, close: close) else { return }
        spans.append(QuoteSpan(open: open, close: close, range: TextRange(start, end), kind: kind(open: open, close: close, words: words),
                               multiParagraph: multi, titleLike: isTitle(open: open, close: close)))
    }

    /// Attribute values in stray markup (`pic="…"`) and quoted numbers or symbols ("13th") are
    /// quoted but nobody says them.
    private func isCode(open: Int, close: Int) -> Bool {
        if open > 0, facts.text.equals(open - 1, "=") { return true }
        for index in (open + 1)..<close where facts.kinds[index] == .word { return false }
        return close - open <= 4
    }

    /// Titles of works and shows ("The Morning Kettle Show", "Dragon Valley") are quoted but
    /// nobody says them: every significant word is capitalised and the quote is short. The same
    /// shape is a name someone gave (`called him “Captain Chaos”`), which the attributor keeps.
    private func isTitle(open: Int, close: Int) -> Bool {
        var significant = 0
        var capitalised = 0
        var letters = false
        for index in (open + 1)..<close {
            // A full stop inside, then more words: two utterances ("The Donald. Big Daddy."), no title.
            if Words.terminalMarks.contains(facts.folded[index]), index + 1 < close, facts.kinds[index + 1] == .word { return false }
            guard facts.kinds[index] == .word else { continue }
            letters = true
            // "of", "the", "and" may stay lower case in a title; "I" is capitalised in any sentence.
            let short = facts.length[index] < 4 && !facts.capitalized[index] || facts.text.equals(index, "I")
            if short { continue }
            significant += 1
            if facts.capitalized[index] { capitalised += 1 }
        }
        if !letters { return false }
        // Short quotes whose every significant word is capitalised, at least two of them: titles
        // ("Dragon Valley", "The Morning Kettle Show"), not speech ("We win," or "Yes.").
        let endsLikeSpeech = close - 1 > open && Words.questionOrExclamation.contains(facts.folded[close - 1])
        return capitalised >= 2 && capitalised == significant && significant <= 6 && !endsLikeSpeech
    }

    /// Direct when the quote is a whole utterance; partial when a few quoted words sit inside
    /// the reporter's own sentence.
    private func kind(open: Int, close: Int, words: Int) -> QuoteKind {
        let first = open + 1
        let before = open - 1
        let startsClause = before < 0 || facts.sentenceOf[before] != facts.sentenceOf[open]
            || Words.beforeQuotedSpeech.contains(facts.folded[before]) || facts.kinds[before] == .quote
        let capitalStart = first < facts.count && (facts.capitalized[first] || facts.text.equals(first, "I"))
        if startsClause && (capitalStart || words >= 6) { return .direct }
        // Ends with sentence punctuation inside the marks: a whole utterance.
        if close - 1 > first, Words.terminalMarks.contains(facts.folded[close - 1]), words >= 5 { return .direct }
        return .partial
    }
}
