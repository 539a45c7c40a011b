import ParleyLexicon
import ParleyModel

/// A cue occurrence after negation, intensity and hedging.
struct CueOccurrence {
    var cue: CueEntry
    /// Token indices of the cue phrase.
    var tokens: Range<Int>
    var range: TextRange
    var sentence: Int
    /// Polarity after negation.
    var polarity: Polarity
    var weight: Double
    var negated: Bool
}

/// Finds stance cues (longest match over case-folded token hashes) and applies their modifiers.
///
/// - Negation: a negator (`not`, `no`, `never`, `n't`, `without`, `hardly`, `few`) within three
///   tokens before the cue, in the same clause, flips it: a negated optimism cue counts as
///   skepticism at 0.8 of its weight ("not optimistic"), a negated skepticism cue as optimism at
///   0.5 ("no doubt" is weaker reassurance than "doubt" is doubt).
/// - Intensity: an intensifier or downtoner right before the cue multiplies its weight.
/// - Hedges anywhere earlier in the sentence multiply it too (the strongest hedge counts once).
/// - A cue inside an entity's name ("Hope Hicks") is not a cue.
struct CueMatcher {
    let tables: StanceTables
    let document: Document
    /// Folded hash per token (``StanceTables/foldedHashes(of:)``).
    let folded: [UInt64]
    let entityAt: [Int?]

    static let clauseBoundaries: TokenSet = [",", ";", ":", "but", "and", "although", "though", "while", "whereas", "—", "–"]

    func match() -> [CueOccurrence] {
        var cues: [CueOccurrence] = []
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                // The start-word bitmap first: it turns away almost every token from one load of the
                // hash array, before the token and entity arrays are read.
                guard tables.mayStartCue(folded[index]), document.tokens[index].kind == .word, entityAt[index] == nil,
                      let (length, cue) = longestCue(from: index, limit: sentence.tokens.upperBound) else {
                    index += 1
                    continue
                }
                let tokens = index..<index + length
                if !isAsserted(tokens, sentence: sentence.tokens) { index += length; continue }
                cues.append(modified(cue, tokens: tokens, sentence: sentenceIndex, sentenceStart: sentence.tokens.lowerBound))
                index += length
            }
        }
        return cues
    }

    /// Cues in questions ("Are you optimistic?") and in clauses opened by "whether" ("Asked whether
    /// he expected a breakthrough") express no one's stance.
    private func isAsserted(_ tokens: Range<Int>, sentence: Range<Int>) -> Bool {
        var end = sentence.upperBound - 1
        while end > tokens.upperBound, document.tokens[end].kind == .quote { end -= 1 }
        if end >= tokens.upperBound, folded[end] == Word.questionMark { return false }
        var index = tokens.lowerBound - 1
        while index >= sentence.lowerBound, !Self.clauseBoundaries.contains(folded[index]) || folded[index] == Word.and {
            if folded[index] == Word.whether { return false }
            index -= 1
        }
        return true
    }

    /// The longest cue starting at `start`, whose word ``StanceTables/mayStartCue(_:)`` admits.
    private func longestCue(from start: Int, limit: Int) -> (Int, CueEntry)? {
        var best: (Int, CueEntry)?
        var sequence = TokenHash.sequenceSeed
        var index = start
        while index < limit, index - start < tables.maxCueTokens {
            sequence = TokenHash.combine(sequence, folded[index])
            guard let slotIndex = tables.cues[sequence] else { break }
            let slot = tables.cueSlots[Int(slotIndex)]
            if let cue = slot.cue { best = (index - start + 1, cue) }
            guard slot.isPrefix else { break }
            index += 1
        }
        return best
    }

    private func isNegator(_ index: Int) -> Bool {
        tables.negators.contains(folded[index]) || document.tokenEndsWithNegation(index)
    }

    private func modified(_ cue: CueEntry, tokens: Range<Int>, sentence: Int, sentenceStart: Int) -> CueOccurrence {
        var weight = cue.weight
        var negated = false
        var look = tokens.lowerBound - 1
        var steps = 0
        while look >= sentenceStart, steps < 3, !Self.clauseBoundaries.contains(folded[look]) {
            if isNegator(look) { negated.toggle() }
            look -= 1
            steps += 1
        }
        let before = tokens.lowerBound - 1
        if before >= sentenceStart, let multiplier = tables.modifiers[folded[before]] { weight *= multiplier }
        var hedge = 1.0
        for index in sentenceStart..<tokens.lowerBound {
            if let multiplier = tables.hedges[folded[index]] { hedge = min(hedge, multiplier) }
        }
        weight *= hedge
        var polarity = cue.polarity
        if negated {
            polarity = cue.polarity == .optimism ? .skepticism : .optimism
            weight *= cue.polarity == .optimism ? 0.8 : 0.5
        }
        let range = TextRange(document.tokens[tokens.lowerBound].range.start, document.tokens[tokens.upperBound - 1].range.end)
        return CueOccurrence(cue: cue, tokens: tokens, range: range, sentence: sentence, polarity: polarity,
                             weight: (weight * 10_000).rounded() / 10_000, negated: negated)
    }
}

extension Document {
    /// Whether token `index` ends in a contracted negation (`can't`, `won’t`) the tokenizer kept whole.
    func tokenEndsWithNegation(_ index: Int) -> Bool {
        let range = tokens[index].range
        return withUTF8 { bytes in
            let token = bytes[range.start..<range.end]
            return token.suffix(3).elementsEqual("n't".utf8) || token.suffix(5).elementsEqual("n’t".utf8)
        }
    }
}
