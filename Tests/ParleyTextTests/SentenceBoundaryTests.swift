import ParleyModel
import ParleyTestSupport
import ParleyText
import Testing

/// One paragraph (or several, blank-line separated) and the sentences it must yield.
struct SentenceCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: [String]
    init(_ input: String, _ expected: [String]) {
        self.input = input
        self.expected = expected
    }
    var testDescription: String { input }
}

@Suite struct SentenceBoundaryTests {
    static let cases: [SentenceCase] = [
        // Plain terminators.
        SentenceCase("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
        SentenceCase("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"]),
        SentenceCase("Really?! Yes.", ["Really?!", "Yes."]),
        SentenceCase("It rose in 2004. 2005 was worse.", ["It rose in 2004.", "2005 was worse."]),
        // Titles never end a sentence.
        SentenceCase("Mr. Smith met Dr. Jones.", ["Mr. Smith met Dr. Jones."]),
        SentenceCase("Gen. Mark Milley and Sen. Warren spoke.", ["Gen. Mark Milley and Sen. Warren spoke."]),
        SentenceCase("Prof. Ng and Mrs. Ito met Gov. Hochul.", ["Prof. Ng and Mrs. Ito met Gov. Hochul."]),
        SentenceCase("Lt. Col. Vindman testified. He was calm.", ["Lt. Col. Vindman testified.", "He was calm."]),
        SentenceCase("He spoke to Mr. The judge objected.", ["He spoke to Mr. The judge objected."]),
        // General abbreviations: break only before a sentence starter.
        SentenceCase("He moved to the U.S. The move was costly.", ["He moved to the U.S.", "The move was costly."]),
        SentenceCase("The U.S. Senate voted.", ["The U.S. Senate voted."]),
        SentenceCase("Shares in Apple Inc. rose.", ["Shares in Apple Inc. rose."]),
        SentenceCase("He works for Acme Inc. But he wants out.", ["He works for Acme Inc.", "But he wants out."]),
        SentenceCase("They sold fruit, bread, etc. Then they left.", ["They sold fruit, bread, etc.", "Then they left."]),
        SentenceCase("It starts at 9 a.m. Tuesday in Paris.", ["It starts at 9 a.m. Tuesday in Paris."]),
        SentenceCase("It starts at 9 a.m. It ends at 5 p.m.", ["It starts at 9 a.m.", "It ends at 5 p.m."]),
        SentenceCase("The U.N. Security Council met in the U.K. on Monday.", ["The U.N. Security Council met in the U.K. on Monday."]),
        SentenceCase("Talks resume Jan. 5 in Geneva.", ["Talks resume Jan. 5 in Geneva."]),
        SentenceCase("He lives at No. 10 Downing St. with his family.", ["He lives at No. 10 Downing St. with his family."]),
        SentenceCase("Smith & Co. Ltd. was fined. It paid.", ["Smith & Co. Ltd. was fined.", "It paid."]),
        SentenceCase("Use a known example, e.g. The Times, or i.e. Reuters.", ["Use a known example, e.g. The Times, or i.e. Reuters."]),
        SentenceCase("Arsenal vs. Chelsea ended 2-1.", ["Arsenal vs. Chelsea ended 2-1."]),
        SentenceCase("Martin Luther King Jr. He changed history.", ["Martin Luther King Jr.", "He changed history."]),
        // Initials.
        SentenceCase("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        SentenceCase("George W. Bush visited. Crowds gathered.", ["George W. Bush visited.", "Crowds gathered."]),
        SentenceCase("They chose plan B. It failed.", ["They chose plan B.", "It failed."]),
        SentenceCase("J. A. Smith arrived.", ["J. A. Smith arrived."]),
        SentenceCase("It is second after AT&T. Consolidation followed.", ["It is second after AT&T.", "Consolidation followed."]),
        // Decimals and times.
        SentenceCase("Growth was 3.5% in the year. It slowed.", ["Growth was 3.5% in the year.", "It slowed."]),
        SentenceCase("The train left at 10.30 and arrived late.", ["The train left at 10.30 and arrived late."]),
        // Ellipses.
        SentenceCase("He paused... and then went on.", ["He paused... and then went on."]),
        SentenceCase("He paused... Then he left.", ["He paused...", "Then he left."]),
        SentenceCase("Wait… Nothing happened.", ["Wait…", "Nothing happened."]),
        // Quotes.
        SentenceCase("He said, \"Stop.\" Then he left.", ["He said, \"Stop.\"", "Then he left."]),
        SentenceCase("\"Stop,\" he said.", ["\"Stop,\" he said."]),
        SentenceCase("\"Is it over?\" she asked.", ["\"Is it over?\" she asked."]),
        SentenceCase("“We will win.” The crowd cheered.", ["“We will win.”", "The crowd cheered."]),
        SentenceCase("“Never!” he shouted.", ["“Never!” he shouted."]),
        SentenceCase("She left. \"I'm done,\" she said.", ["She left.", "\"I'm done,\" she said."]),
        SentenceCase("He called it ‘absurd.’ Others agreed.", ["He called it ‘absurd.’", "Others agreed."]),
        SentenceCase("« C'est fini. » Il est parti.", ["« C'est fini. »", "Il est parti."]),
        // Brackets.
        SentenceCase("(He declined to comment.) The firm did not.", ["(He declined to comment.)", "The firm did not."]),
        SentenceCase("Sales fell (see chart.) and profits too.", ["Sales fell (see chart.) and profits too."]),
        // Paragraph structure.
        SentenceCase("Talks collapse in Geneva\n\nThe talks collapsed on Monday.", ["Talks collapse in Geneva", "The talks collapsed on Monday."]),
        SentenceCase("1. Open the box.\n\n2. Remove the cable", ["1. Open the box.", "2. Remove the cable"]),
        SentenceCase("It ended. In\n\nthe end", ["It ended.", "In", "the end"]),
        // Non-ASCII.
        SentenceCase("Łukasz wygrał. Élodie przegrała.", ["Łukasz wygrał.", "Élodie przegrała."]),
        SentenceCase("Путин выступил. Зеленский ответил.", ["Путин выступил.", "Зеленский ответил."]),
        SentenceCase("会谈结束了。双方离开。", ["会谈结束了。", "双方离开。"]),
        // Lower-case continuation and URLs.
        SentenceCase("See www.bbc.co.uk. It has more.", ["See www.bbc.co.uk.", "It has more."]),
        SentenceCase("Write to news@example.com. We reply.", ["Write to news@example.com.", "We reply."]),
        SentenceCase("The vote was 52-48. the rest abstained.", ["The vote was 52-48. the rest abstained."]),
        SentenceCase("Whitespace only\n\n   \n\nends here", ["Whitespace only", "ends here"]),
    ]

    @Test(arguments: cases)
    func sentences(_ testCase: SentenceCase) throws {
        #expect(try sentenceStrings(testCase.input) == testCase.expected)
    }

    @Test func tableHasAtLeastFortyCases() {
        #expect(Self.cases.count >= 40)
    }

    /// The dateline is its own sentence; the story's first sentence starts after it.
    @Test(arguments: [
        ("NAIROBI (AP) — Kenya's president said on Monday. He left.", "NAIROBI (AP) —",
         ["NAIROBI (AP) —", "Kenya's president said on Monday.", "He left."]),
        ("TOKYO — Markets fell. Yields rose.", "TOKYO —", ["TOKYO —", "Markets fell.", "Yields rose."]),
    ])
    func datelineIsOwnSentence(text: String, dateline: String, expected: [String]) throws {
        var document = DocumentBuilder.plain(text)
        let end = dateline.utf8.count
        document.markup = [MarkupSpan(range: TextRange(0, end), tag: "dateline")]
        let result = try SegmentationAnnotator().annotate(document)
        #expect(result.sentences.map { result.string($0.range) } == expected)
    }

    /// Without the markup span the same text is one sentence: the break comes from the layer.
    @Test func datelineNeedsMarkup() throws {
        #expect(try sentenceStrings("TOKYO — Markets fell.") == ["TOKYO — Markets fell."])
    }

    /// Every token lies in exactly one sentence, and sentences never cross paragraphs.
    @Test func sentencesPartitionTokensWithinParagraphs() throws {
        let document = try segment("First one. Second Mr. Smith.\n\nHeadline without stop\n\nThird? Yes!")
        var next = 0
        for sentence in document.sentences {
            #expect(sentence.tokens.lowerBound == next)
            next = sentence.tokens.upperBound
            #expect(sentence.range.start == document.tokens[sentence.tokens.lowerBound].range.start)
            #expect(sentence.range.end == document.tokens[sentence.tokens.upperBound - 1].range.end)
            #expect(document.paragraphs.contains { $0.range.contains(sentence.range) })
        }
        #expect(next == document.tokens.count)
    }

    /// User abbreviations take effect without code changes.
    @Test func extraAbbreviations() throws {
        let abbreviations = Abbreviations.english.adding(prefixes: ["Supt"], general: ["Intl"])
        let annotator = SegmentationAnnotator(abbreviations: abbreviations.adding(prefixes: ["Cllr"]))
        let document = try annotator.annotate(DocumentBuilder.plain("Cllr. Jones met Acme Intl. staff."))
        #expect(document.sentences.count == 1)
        #expect(try sentenceStrings("Cllr. Jones met Acme Intl. staff.").count == 2)
    }
}
