import ParleyLexicon

/// Fixed word and punctuation lists the extraction rules test single tokens against, as token-hash
/// sets probed with ``TokenFacts/folded``: no array is built per call and no `String` is hashed or
/// compared (each `[…].contains(word)` in a rule used to allocate its array on every call).
enum Words {
    /// Punctuation after a team name in a fixture or results line.
    static let afterTeamName: TokenSet = [",", "(", ";", ".", "-", ")"]
    /// Words before the second team of a fixture.
    static let beforeOpponent: TokenSet = ["and", "v", "v.", "vs", "vs.", "beat", "over"]
    /// Lower-case words that may stand between a role and its name.
    static let betweenRoleAndName: TokenSet = ["the", "a", "an", "and", ",", "former", "then", "acting", "deputy", "senior", "chief", "top", "new",
                "his", "her", "its", "their", "son-in-law", "daughter-in-law", "longtime", "veteran"]
    /// `of` and `for`, which join a head word to the rest of a name.
    static let ofOrFor: TokenSet = ["of", "for"]
    /// Words before an opponent.
    static let beforeOpponentVerb: TokenSet = ["beat", "beating", "defeated", "against", "versus", "vs", "vs."]
    /// Words before a place name that can also be a common word or a name.
    static let beforeAmbiguousPlace: TokenSet = ["in", "to", "from", "of", "near", "across", "into", "through", "via", "visit", "visited", "and", ",", "outside", "inside"]
    /// Words between a name and its reporting verb.
    static let beforeSpeechVerb: TokenSet = ["has", "had", "also", "later", "previously", "then"]
    /// Words that open an apposition after a name and a comma.
    static let appositionOpeners: TokenSet = ["a", "an", "the", "his", "her", "its", "their"]
    /// Prepositions of a venue (`in Surrey`).
    static let venueWords: TokenSet = ["in", "at", "near"]
    /// Punctuation that ends a reporting clause.
    static let clauseBreaks: TokenSet = [":", ";", "(", "—", "–"]
    /// Separators between a quote and a trailing attribution.
    static let trailingSeparators: TokenSet = [",", "—", "–", "-", "―", "--"]
    /// Dashes that introduce a quote's source.
    static let dashes: TokenSet = ["—", "–", "―", "-", "--"]
    /// Marks that end a sentence or clause.
    static let sentenceEnds: TokenSet = [".", "?", "!", ";"]
    /// Words and marks that join a new clause.
    static let clauseJoins: TokenSet = [",", "and", "but", "—", "–"]
    /// Relative pronouns.
    static let relativePronouns: TokenSet = ["who", "which", "that"]
    /// Words that open a sentence without naming anyone.
    static let demonstratives: TokenSet = ["this", "that", "these", "those", "it", "there", "here"]
    /// A comma or a full stop.
    static let commaOrStop: TokenSet = [",", "."]
    /// Marks that end an inverted subject (`said X,`).
    static let afterInvertedSubject: TokenSet = [":", ",", ".", "—", "("]
    /// Words that open a described speaker after an inverted verb.
    static let descriptionOpeners: TokenSet = ["the", "a", "an", "one", "another"]
    /// Words that end the head of a described speaker.
    static let descriptionEnds: TokenSet = ["for", "of", "at", "in", "on", "who", "and"]
    /// Prepositions of a phrase that closes a described speaker.
    static let closingPrepositions: TokenSet = ["for", "of", "at", "in", "on"]
    /// Punctuation that ends a clause.
    static let clauseEndMarks: TokenSet = [",", ".", ";", ":"]
    /// Marks that end a sentence.
    static let terminalMarks: TokenSet = [".", "?", "!"]
    /// A question or exclamation mark.
    static let questionOrExclamation: TokenSet = ["?", "!"]
    /// Marks after which a quote reads as speech, not a title.
    static let beforeQuotedSpeech: TokenSet = [":", ",", "—", "–", "-", "(", "\""]
}
