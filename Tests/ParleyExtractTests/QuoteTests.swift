import ParleyExtract
import ParleyModel
import ParleyTestSupport
import ParleyText
import Testing

@Suite struct QuoteTests {
    /// (text, quoted words, speaker name or nil, rule prefix, kind)
    static let attribution: [(String, String, String?, String, QuoteKind)] = [
        ("\u{201C}We are ready to sign,\u{201D} Anneke Visser said.", "We are ready to sign,", "Anneke Visser", "trailing", .direct),
        ("\"The port will reopen,\" said Lindqvist, the harbour master.", "The port will reopen,", "Lindqvist", "trailing", .direct),
        ("Maria Okafor arrived. \"It is over,\" she told reporters.", "It is over,", "Maria Okafor", "trailing+pronoun", .direct),
        ("Sergei Lavrov said: \"Amendments would change everything.\"", "Amendments would change everything.", "Sergei Lavrov", "lead-in", .direct),
        ("Donald Trump stressed the deal without a deadline, stating, \"the deadline for me is when it's over.\"",
         "the deadline for me is when it's over.", "Donald Trump", "lead-in", .direct),
        ("Donald Trump called the plan \u{201C}dead on arrival\u{201D} on Monday.", "dead on arrival", "Donald Trump", "lead-in", .partial),
        ("\u{201C}Prices will fall,\u{201D} according to Wendelin Quastorf.", "Prices will fall,", "Wendelin Quastorf", "according-to", .direct),
        ("Kofi Mensah, a dock worker, said \"nobody asked us\".", "nobody asked us", "Kofi Mensah", "lead-in", .partial),
        ("\u{201C}Nothing is agreed,\u{201D} Okafor, 54, said.", "Nothing is agreed,", "Okafor", "trailing", .direct),
        ("\u{201C}Nothing is agreed until everything is agreed.\u{201D}", "Nothing is agreed until everything is agreed.", nil, "none", .direct),
        ("\u{201E}Wir sind bereit\u{201C}, sagte er. Helmut Braun agreed.", "Wir sind bereit", nil, "none", .direct),
        ("\u{00AB}Nous sommes pr\u{00EA}ts\u{00BB}, said Claire Dubois.", "Nous sommes pr\u{00EA}ts", "Claire Dubois", "trailing", .direct),
        ("\u{2018}We will not be moved,\u{2019} said Tom Hale.", "We will not be moved,", "Tom Hale", "trailing", .direct),
        // Regressions from PolNeAR dev review.
        ("\"We win,\" Mr. King said.", "We win,", "King", "trailing", .direct),
        ("\u{201C}It is an invasion,\u{201D} Scott Pruitt, the attorney general of one of the states suing, said in a statement.",
         "It is an invasion,", "Scott Pruitt", "trailing", .direct),
        ("\u{201C}I am so ashamed.\u{201D} \u{2015} Pamela Padilla", "I am so ashamed.", "Pamela Padilla", "dash", .direct),
        ("Caddell continued:\n\n\"The health issue is a partisan issue.\"", "The health issue is a partisan issue.", "Caddell", "colon-paragraph", .direct),
        ("\u{201C}The veto will be overridden,\u{201D} Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.",
         "The veto will be overridden,", "Mitch McConnell", "trailing", .direct),
        ("Research director Raj Shah spoke. \u{201C}That is opining,\u{201D} Shah told reporters.", "That is opining,", "Raj Shah", "trailing", .direct),
        ("\"Start talking about real issues,\" Bernie Sanders said, suggesting questions, including, \"Do billionaires need a tax break?\"",
         "Do billionaires need a tax break?", "Bernie Sanders", "lead-in", .direct),
        ("Shadow minister Michael Ancram said: \"We fought a positive campaign.\" Jack Straw said on Monday that the election would be close and hard.",
         "We fought a positive campaign.", "Michael Ancram", "lead-in", .direct),
        ("\u{201C}How many times must we see this?\u{201D} Hillary Clinton said.", "How many times must we see this?", "Hillary Clinton", "trailing", .direct),
        ("The talks may stall, Adam Schiff said. \"The other factor is timing.\"", "The other factor is timing.", "Adam Schiff", "previous-sentence", .direct),
    ]

    @Test(arguments: attribution)
    func attributesSpeakers(text: String, quoted: String, speaker: String?, rule: String, kind: QuoteKind) throws {
        let document = try extract(text)
        let quote = try #require(document.quotes.first { document.string($0.range) == quoted },
                                 "quotes: \(document.quotes.map { document.string($0.range) })")
        let name = quote.speaker.map { document.entities[$0].name }
        #expect(name == speaker, "rule \(quote.rule)")
        #expect(quote.rule.hasPrefix(rule))
        #expect(quote.kind == kind)
    }

    @Test func multiParagraphQuoteIsOneQuoteWithOneSpeaker() throws {
        let text = """
            Anneke Visser, a union organiser, said the talks had failed.

            \u{201C}We came with an open mind. We leave with nothing.

            \u{201C}Nobody in this room believes the automation plan is about safety,\u{201D} she said.
            """
        let document = try extract(text)
        #expect(document.quotes.count == 1)
        let quote = try #require(document.quotes.first)
        #expect(document.string(quote.range).hasPrefix("We came with an open mind."))
        #expect(document.string(quote.range).hasSuffix("is about safety,"))
        #expect(quote.speaker.map { document.entities[$0].name } == "Anneke Visser")
    }

    @Test func quoteOnlyParagraphContinuesThePreviousSpeaker() throws {
        let text = """
            \u{201C}We will strike again,\u{201D} said Anneke Visser.

            \u{201C}And again, for as long as it takes to be heard by the owners.\u{201D}
            """
        let document = try extract(text)
        #expect(document.quotes.count == 2)
        #expect(document.quotes.last?.rule == "paragraph-continuation")
        #expect(document.quotes.last?.speaker == document.quotes.first?.speaker)
    }

    @Test func nestedSingleQuotesStayInsideTheOuterQuote() throws {
        let document = try extract("\u{201C}They told us \u{2018}wait\u{2019} for a year,\u{201D} said Tom Hale.")
        #expect(document.quotes.count == 1)
    }

    @Test func apostrophesAreNotQuotes() throws {
        let document = try extract("The leaders\u{2019} plan and Russia\u{2019}s answer don\u{2019}t match, O\u{2019}Brien said.")
        #expect(document.quotes.isEmpty)
    }

    @Test func unclosedQuoteEndsWithItsParagraphWithoutRunaway() throws {
        let paragraphs = (0..<2000).map { "Line \($0) of a quote that never \u{201C}closes and goes on for a while" }
        let document = try extract(paragraphs.joined(separator: "\n\n"))
        #expect(document.quotes.count <= paragraphs.count)
        for quote in document.quotes { #expect(quote.range.length < 200) }
    }

    @Test func closingMarkUsedAsOpeningMarkStillOpensAQuote() throws {
        let document = try extract("Readers wrote in.\n\n\u{201D}Fear. I am truly afraid of what comes next.\u{201D} \u{2015} Edwin Monroy")
        #expect(document.quotes.map { document.string($0.range) } == ["Fear. I am truly afraid of what comes next."])
        #expect(document.quotes.first?.speakerText == "Edwin Monroy" || document.quotes.first?.speaker != nil)
    }

    @Test func scareQuotesNobodySaysAreNotQuotes() throws {
        let document = try extract("The so-called \u{201C}peace dividend\u{201D} never arrived in the valley.")
        #expect(document.quotes.isEmpty)
    }

    @Test func titlesOfWorksAreNotQuotes() throws {
        let document = try extract("She appeared on \u{201C}The Steve Harvey Morning Show,\u{201D} and watched \u{201C}Shark Tank\u{201D} later.")
        #expect(document.quotes.isEmpty, "\(document.quotes.map { document.string($0.range) })")
    }

    @Test func quoteOffsetsExcludeTheMarks() throws {
        let document = try extract("He said \u{201C}yes\u{201D} and \"no\" twice, Tom Hale said.")
        #expect(document.quotes.map { document.string($0.range) } == ["yes", "no"])
    }
}

@Suite struct IndirectSpeechTests {
    func extractIndirect(_ text: String) throws -> Document {
        let document = try SegmentationAnnotator().annotate(DocumentBuilder.plain(text))
        return try ExtractionAnnotator(lexicon: bundledLexicon, options: .indirectSpeech).annotate(document)
    }

    /// (text, reported clause or nil, speaker)
    static let cases: [(String, String?, String?)] = [
        ("Foreign Minister Sergei Lavrov cautioned that significant amendments would alter the situation.",
         "significant amendments would alter the situation", "Sergei Lavrov"),
        ("Maria Okafor told reporters on Monday that the port would reopen within a week.", "the port would reopen within a week", "Maria Okafor"),
        ("Maria Okafor arrived. She insisted that nothing had been agreed yet.", "nothing had been agreed yet", "Maria Okafor"),
        ("The statement said little about the port.", nil, nil),          // no named speaker
        ("His remarks were widely reported in the press.", nil, nil),     // no reporting verb with a subject
    ]

    @Test(arguments: cases)
    func reportedSpeechBecomesIndirectQuotes(text: String, clause: String?, speaker: String?) throws {
        let document = try extractIndirect(text)
        let indirect = document.quotes.filter { $0.kind == .indirect }
        #expect(indirect.map { document.string($0.range) } == (clause.map { [$0] } ?? []))
        #expect(indirect.first.flatMap { $0.speaker }.map { document.entities[$0].name } == speaker)
    }

    @Test func offByDefault() throws {
        let document = try extract("Foreign Minister Sergei Lavrov cautioned that significant amendments would alter the situation.")
        #expect(document.quotes.isEmpty)
    }
}
