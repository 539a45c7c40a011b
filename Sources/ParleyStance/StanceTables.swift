import ParleyLexicon
import ParleyModel

/// A ``StanceLexicon`` compiled for matching: every lookup is by ASCII-folded token hash, so scanning a
/// document for cues never builds or hashes a string.
struct StanceTables: Sendable {
    /// What a cue-table slot says about a token sequence: a whole cue, the start of a longer one, or both.
    struct CueSlot: Sendable {
        var cue: CueEntry?
        var isPrefix = false
    }

    /// Sequence hash (``TokenHash/combine(_:_:)`` over folded token hashes) → index in ``cueSlots``.
    /// The map holds small indices, not the slots, so the probe every word makes stays in cache.
    let cues: UInt64Map<Int32>
    let cueSlots: [CueSlot]
    /// A bit per folded hash (low 13 bits) of every word that starts a cue: most words start none,
    /// and this kilobyte answers them before the sequence hash is mixed and the map probed.
    let cueStarts: [UInt64]
    let maxCueTokens: Int
    let negators: TokenSet
    let modifiers: TokenMap<Double>
    let hedges: TokenMap<Double>
    let reportingVerbs: TokenSet

    init(_ lexicon: StanceLexicon) {
        var cues = UInt64Map<Int32>(capacity: lexicon.cues.count + lexicon.cuePrefixes.count)
        var cueSlots: [CueSlot] = []
        func slot(_ phrase: String) -> Int {
            let key = Self.sequenceHash(phrase)
            if let index = cues[key] { return Int(index) }
            cues[key] = Int32(cueSlots.count)
            cueSlots.append(CueSlot())
            return cueSlots.count - 1
        }
        var cueStarts = [UInt64](repeating: 0, count: Self.cueStartWords)
        for phrase in lexicon.cues.keys {
            guard let first = phrase.split(separator: " ").first else { continue }
            let bit = Self.cueStartBit(TokenHash.folded(String(first)))
            cueStarts[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.cueStarts = cueStarts
        for (phrase, cue) in lexicon.cues { cueSlots[slot(phrase)].cue = cue }
        for prefix in lexicon.cuePrefixes { cueSlots[slot(prefix)].isPrefix = true }
        self.cues = cues
        self.cueSlots = cueSlots
        maxCueTokens = lexicon.maxCueTokens
        negators = TokenSet(lexicon.negators)
        modifiers = TokenMap(lexicon.modifiers.map { ($0.key, $0.value) })
        hedges = TokenMap(lexicon.hedges.map { ($0.key, $0.value) })
        reportingVerbs = TokenSet(lexicon.reportingVerbs)
    }

    static let cueStartWords = 128    // 8,192 bits

    /// The bit of a word's folded hash in ``cueStarts``.
    static func cueStartBit(_ folded: UInt64) -> Int { Int(truncatingIfNeeded: folded) & (cueStartWords * 64 - 1) }

    /// Whether a word with this folded hash may start a cue (false: it surely starts none).
    func mayStartCue(_ folded: UInt64) -> Bool {
        let bit = Self.cueStartBit(folded)
        return cueStarts[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The hash of a space-separated phrase as the matcher computes it over document tokens.
    static func sequenceHash(_ phrase: String) -> UInt64 {
        // Over the phrase's bytes, word by word: splitting into strings cost thousands of instructions a
        // cue at start-up.
        var phrase = phrase
        return phrase.withUTF8 { bytes in
            var hash = TokenHash.sequenceSeed
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if end > start { hash = TokenHash.combine(hash, TokenHash.exactAndFolded(bytes, start..<end).folded) }
                start = end + 1
            }
            return hash
        }
    }

    /// One folded hash per token of `document`, the only per-token data the stance rules read.
    static func foldedHashes(of document: Document) -> [UInt64] {
        if let hashes = document.foldedTokenHashes, hashes.count == document.tokens.count { return hashes }
        return document.withUTF8 { bytes in
            document.tokens.map { TokenHash.folded(UnsafeBufferPointer(rebasing: bytes[$0.range.start..<$0.range.end])) }
        }
    }
}

/// Folded hashes of the single words the stance rules test for.
enum Word {
    static let questionMark = TokenHash.folded("?")
    static let comma = TokenHash.folded(",")
    static let whether = TokenHash.folded("whether")
    static let and = TokenHash.folded("and")
    static let according = TokenHash.folded("according")
    static let to = TokenHash.folded("to")
    static let the = TokenHash.folded("the")
}
