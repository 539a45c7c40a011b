import ParleyModel
import ParleyTestSupport
import ParleyText
import Testing

/// An input and the tokens it must yield, written as `text/kind` words.
struct TokenCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: [TokenPair]
    init(_ input: String, _ expected: [(String, TokenKind)]) {
        self.input = input
        self.expected = expected.map { TokenPair($0.0, $0.1) }
    }
    var testDescription: String { input }
}

@Suite struct TokenizerTests {
    static let cases: [TokenCase] = [
        // Words, hyphens, contractions.
        TokenCase("well-known al-Assad", [("well-known", .word), ("al-Assad", .word)]),
        TokenCase("don't I'm O'Brien can't", [("don't", .word), ("I'm", .word), ("O'Brien", .word), ("can't", .word)]),
        TokenCase("don’t O’Neill", [("don’t", .word), ("O’Neill", .word)]),
        TokenCase("end - start -- dash", [("end", .word), ("-", .punctuation), ("start", .word), ("--", .punctuation), ("dash", .word)]),
        TokenCase("G7 MP3 1990s 24-year-old", [("G7", .word), ("MP3", .word), ("1990s", .word), ("24-year-old", .word)]),
        // Non-ASCII letters.
        TokenCase("Łukasz Wałęsa, Zoë Élodie", [("Łukasz", .word), ("Wałęsa", .word), (",", .punctuation), ("Zoë", .word), ("Élodie", .word)]),
        TokenCase("Владимир Путин", [("Владимир", .word), ("Путин", .word)]),
        TokenCase("東京 café naïve", [("東京", .word), ("café", .word), ("naïve", .word)]),
        TokenCase("e\u{301}te\u{301}", [("e\u{301}te\u{301}", .word)]),
        TokenCase("Jean‑Luc Mélenchon", [("Jean‑Luc", .word), ("Mélenchon", .word)]),
        TokenCase("a\u{00A0}b", [("a", .word), ("b", .word)]),
        // Abbreviations, initialisms, initials.
        TokenCase("U.S. U.K. e.g. a.m. Ph.D.", [("U.S.", .word), ("U.K.", .word), ("e.g.", .word), ("a.m.", .word), ("Ph.D.", .word)]),
        TokenCase("Mr. Dr. Inc. etc.", [("Mr.", .word), ("Dr.", .word), ("Inc.", .word), ("etc.", .word)]),
        TokenCase("J. K. Rowling", [("J.", .word), ("K.", .word), ("Rowling", .word)]),
        TokenCase("the end. I.", [("the", .word), ("end", .word), (".", .punctuation), ("I", .word), (".", .punctuation)]),
        TokenCase("U.S.-led U.S.'s", [("U.S.-led", .word), ("U.S.", .word), ("'s", .possessive)]),
        TokenCase("Amazon.com bbc.co.uk.", [("Amazon.com", .word), ("bbc.co.uk", .word), (".", .punctuation)]),
        TokenCase("Inc.The", [("Inc.", .word), ("The", .word)]),
        TokenCase("May. etc...", [("May", .word), (".", .punctuation), ("etc", .word), ("...", .punctuation)]),
        // Numbers.
        TokenCase("3.5 1,200 10:30 2024-01-05 9/11", [("3.5", .number), ("1,200", .number), ("10:30", .number), ("2024-01-05", .number), ("9/11", .number)]),
        TokenCase("$5 5% £4.5bn", [("$", .punctuation), ("5", .number), ("5", .number), ("%", .punctuation), ("£", .punctuation), ("4.5bn", .word)]),
        TokenCase("in 2003. Then", [("in", .word), ("2003", .number), (".", .punctuation), ("Then", .word)]),
        TokenCase("the 1990's", [("the", .word), ("1990", .number), ("'s", .possessive)]),
        // Possessives and pronoun contractions.
        TokenCase("Britain's leaders' plans", [("Britain", .word), ("'s", .possessive), ("leaders", .word), ("'", .possessive), ("plans", .word)]),
        TokenCase("Macron’s allies’ view", [("Macron", .word), ("’s", .possessive), ("allies", .word), ("’", .possessive), ("view", .word)]),
        TokenCase("it's that's there's he's she's what's who's here's let's",
                  [("it's", .word), ("that's", .word), ("there's", .word), ("he's", .word), ("she's", .word),
                   ("what's", .word), ("who's", .word), ("here's", .word), ("let's", .word)]),
        TokenCase("It’s O'Brien's", [("It’s", .word), ("O'Brien", .word), ("'s", .possessive)]),
        TokenCase("Zoë’s", [("Zoë", .word), ("’s", .possessive)]),
        // Quotes.
        TokenCase("\"Stop,\" he said", [("\"", .quote), ("Stop", .word), (",", .punctuation), ("\"", .quote), ("he", .word), ("said", .word)]),
        TokenCase("“Yes” «non» „ja“ ‹a›", [("“", .quote), ("Yes", .word), ("”", .quote), ("«", .quote), ("non", .word), ("»", .quote),
                                           ("„", .quote), ("ja", .word), ("“", .quote), ("‹", .quote), ("a", .word), ("›", .quote)]),
        TokenCase("‘the leaders’ view", [("‘", .quote), ("the", .word), ("leaders", .word), ("’", .quote), ("view", .word)]),
        TokenCase("'the leaders' view", [("'", .quote), ("the", .word), ("leaders", .word), ("'", .quote), ("view", .word)]),
        TokenCase("'Go' now", [("'", .quote), ("Go", .word), ("'", .quote), ("now", .word)]),
        // URLs and e-mail.
        TokenCase("see https://www.bbc.co.uk/news/a-1?x=2.", [("see", .word), ("https://www.bbc.co.uk/news/a-1?x=2", .url), (".", .punctuation)]),
        TokenCase("(http://example.com/a_(b)) www.example.org", [("(", .punctuation), ("http://example.com/a_(b)", .url), (")", .punctuation), ("www.example.org", .url)]),
        TokenCase("mail john.smith@bbc.co.uk, or a_b+c@x.org.", [("mail", .word), ("john.smith@bbc.co.uk", .email), (",", .punctuation), ("or", .word),
                                                              ("a_b+c@x.org", .email), (".", .punctuation)]),
        TokenCase("@handle a@b", [("@", .punctuation), ("handle", .word), ("a", .word), ("@", .punctuation), ("b", .word)]),
        // Where a plain word ends (scanned without the word rules) and where the rules take over.
        TokenCase("note: http: HTTP://EXAMPLE.COM/A end", [("note", .word), (":", .punctuation), ("http", .word), (":", .punctuation),
                                                           ("HTTP://EXAMPLE.COM/A", .url), ("end", .word)]),
        TokenCase("word@ x@y.org A1B2\"ok\"(c)tail", [("word", .word), ("@", .punctuation), ("x@y.org", .email), ("A1B2", .word),
                                                  ("\"", .quote), ("ok", .word), ("\"", .quote), ("(", .punctuation), ("c", .word),
                                                  (")", .punctuation), ("tail", .word)]),
        // Punctuation.
        TokenCase("Wait... What? No!", [("Wait", .word), ("...", .punctuation), ("What", .word), ("?", .punctuation), ("No", .word), ("!", .punctuation)]),
        TokenCase("wait… yes — no – maybe", [("wait", .word), ("…", .punctuation), ("yes", .word), ("—", .punctuation), ("no", .word), ("–", .punctuation), ("maybe", .word)]),
        TokenCase("?! (a) [b];", [("?", .punctuation), ("!", .punctuation), ("(", .punctuation), ("a", .word), (")", .punctuation),
                                 ("[", .punctuation), ("b", .word), ("]", .punctuation), (";", .punctuation)]),
        TokenCase("ok 👍🏽 ❤️ 👩‍🚀", [("ok", .word), ("👍🏽", .punctuation), ("❤️", .punctuation), ("👩‍🚀", .punctuation)]),
    ]

    @Test(arguments: cases)
    func tokens(_ testCase: TokenCase) throws {
        #expect(try tokenPairs(testCase.input) == testCase.expected)
    }
}
