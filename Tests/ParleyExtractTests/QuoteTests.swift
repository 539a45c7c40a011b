@testable import ParleyExtract
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
        // Regressions from the third PolNeAR dev review (invented sentences).
        // A party between a name and its verb is skipped, and a quoted show title is no subject.
        ("On ITV's \"Harbour Tonight,\" Senate leader Anneke Visser (D-Ore.) said the long list of closures demands \"more listening\" now.",
         "more listening", "Anneke Visser", "lead-in", .partial),
        // The pronoun of a clause under a named subject is that subject, even when a lone surname is also a given name.
        ("Port officer Mary Hale fined the crew. Clinton also asserted she could speak directly to \u{201C}the dockers\u{201D} about it.",
         "the dockers", "Clinton", "lead-in+outer-clause", .partial),
        // Whoever issues a statement speaks through it.
        ("After a long meeting, the Harbour Board issued a statement calling the strike \u{201C}a clear breach\u{201D} of the deal.",
         "a clear breach", "Harbour Board", "lead-in", .partial),
        ("The Ministry of Coastal Affairs put out a statement saying it was \u{201C}deeply concerned\u{201D} by the spill.",
         "deeply concerned", "Ministry of Coastal Affairs", "lead-in", .partial),
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

    /// (text, quoted words, speaker as reported — entity name or the words that describe the speaker, rule prefix)
    static let speakerPhrases: [(String, String, String, String)] = [
        // A pronoun under an earlier reporting clause refers to that clause's subject.
        ("Farmers said they want \u{201C}a fair price,\u{201D} not charity.", "a fair price,", "Farmers", "lead-in+outer-clause"),
        ("The retired admiral said she wanted to speak \u{201C}directly to the sailors\u{201D} this week.", "directly to the sailors",
         "The retired admiral", "lead-in+outer-clause"),
        // A long sentence after the quote still opens with its reporting clause.
        ("\u{201C}Who could have known this would happen?\u{201D} Anneke Visser said, looking out over the crowded square below.",
         "Who could have known this would happen?", "Anneke Visser", "trailing"),
        // A possessor and a role: the description is the speaker.
        ("\u{201C}We will rebuild the harbour,\u{201D} Visser's former campaign spokesman said.", "We will rebuild the harbour,",
         "Visser's former campaign spokesman", "trailing"),
        // Documents speak through "reads".
        ("\u{201C}Prices must come down this winter,\u{201D} the letter reads.", "Prices must come down this winter,", "the letter", "trailing"),
        // The owner of a speech noun, with no reporting verb before it.
        ("Anneke Visser spoke on Monday. Critics seized on Visser's claim that the harbour had \u{201C}thousands of rats\u{201D} this year.",
         "thousands of rats", "Anneke Visser", "lead-in+possessor"),
        // "several questions" is a noun, not the verb of the quote.
        ("Anneke Visser said, raising several questions, including, \u{201C}Who pays for the dredging?\u{201D}", "Who pays for the dredging?",
         "Anneke Visser", "lead-in"),
        // The same when the sentence starts inside the earlier quote.
        ("\u{201C}We will not move. The owners never listen to Tom Hale,\u{201D} Anneke Visser said, raising several questions, including, \u{201C}Who pays for the dredging?\u{201D}",
         "Who pays for the dredging?", "Anneke Visser", "lead-in"),
        // A participle with a name of its own right before it.
        ("The advert ends with footage of Anneke Visser saying, \u{201C}That makes me careful,\u{201D} in a debate.", "That makes me careful,",
         "Anneke Visser", "lead-in"),
        // An opening participial clause belongs to the subject after its comma.
        ("Anneke Visser spoke first. After saying the pier was \u{201C}too old to save,\u{201D} she left the hall.", "too old to save,",
         "Anneke Visser", "lead-in+pronoun"),
        // A person "of" an organisation speaks, not the organisation.
        ("\u{201C}It was the least bad outcome,\u{201D} Mr. Halvorsen of the Brenner Bank said.", "It was the least bad outcome,",
         "Halvorsen", "trailing"),
        // A relative clause hangs on the person before it.
        ("The doubt was shared by Anneke Visser, leader of the dockers, who said her members would judge the owners \u{201C}by their deeds.\u{201D}",
         "by their deeds.", "Anneke Visser", "lead-in"),
        // "it" speaks for an organisation.
        ("The Kelvar Shipping Company issued a warning about what it called \u{201C}a reckless strike.\u{201D}", "a reckless strike.",
         "Kelvar Shipping Company", "lead-in+pronoun"),
        // A thing inside an earlier reporting clause is not the speaker.
        ("Anneke Visser said the long list of closures demands \u{201C}a real answer\u{201D} from the council.", "a real answer",
         "Anneke Visser", "lead-in+outer-clause"),
        // A country opening the sentence with a verb in -ed.
        ("Norway accused the shipping firm of \u{201C}gross negligence\u{201D} on Friday.", "gross negligence", "Norway", "sentence-subject"),
        // A quote that continues the reporter's sentence belongs to its subject.
        ("In a speech on Monday, Anneke Visser attacked \u{201C}the greed of the owners, who never once came to the docks.\u{201D}",
         "the greed of the owners, who never once came to the docks.", "Anneke Visser", "sentence-subject"),
        // A phrase opened by a number is a speaker ("63 percent said").
        ("In the survey, 63 percent said the harbour plan was \u{201C}a waste of money\u{201D} and should stop.", "a waste of money",
         "63 percent", "lead-in"),
        // A verb form inside a name ("United States") is no reporting verb.
        ("Anneke Visser is telling farmers that the United States harvest is \u{201C}ruined\u{201D} this year.", "ruined",
         "Anneke Visser", "lead-in"),
        // Verbs of complaint, chanting and naming report speech too.
        ("Anneke Visser spoke last. Bemoaning the \u{201C}endless delays,\u{201D} Visser left the hall.", "endless delays,",
         "Anneke Visser", "lead-in"),
        ("The old mayor branded the scheme \u{201C}a folly\u{201D} in his column.", "a folly", "The old mayor", "lead-in"),
        // "as X put it" reports words, before or after the quote.
        ("The scheme needs a \u{201C}reliable source of funds,\u{201D} as a harbour board memo put it.", "reliable source of funds,",
         "a harbour board memo", "trailing"),
        ("Anneke Visser was seen, as the Harbour Gazette put it in a long profile, as \u{201C}the fixer.\u{201D}", "the fixer.",
         "Harbour Gazette", "lead-in"),
        ("The Harbour Gazette ruled that the claim about \u{201C}thousands of rats\u{201D} was false.", "thousands of rats",
         "Harbour Gazette", "lead-in"),
        // A clause opened by a conjunction and a name of its own ends the search for a reporting verb.
        ("\u{201C}Are we winning?\u{201D} she said, but Tom Hale was asleep, and as Anneke Visser went on about \u{201C}the stolen harbour\u{201D} the crowd cheered.",
         "the stolen harbour", "Anneke Visser", "clause-subject"),
        // "they" after a sentence opened by a possessor and a speaking body.
        ("Anneke Visser's campaign wants to contrast her plan with what they call Tom Hale's \u{201C}lazy harbour.\u{201D}",
         "lazy harbour.", "Anneke Visser's campaign", "lead-in+pronoun"),
        // "campaign message" is a noun; after its colon, the sentence's subject speaks.
        ("Anneke Visser is rolling out a new and more personal campaign message: \u{201C}It's about me.\u{201D}", "It's about me.",
         "Anneke Visser", "sentence-subject"),
        // A relative pronoun right after a name.
        ("They turned to the Harbour Police Department which reported \u{201C}2,521 incidents\u{201D} last year.", "2,521 incidents",
         "Harbour Police Department", "lead-in"),
        // An owned document speaks: "per the union's rules".
        ("Proxies are barred when voting \u{201C}to fill a vacancy on the board,\u{201D} per the union's rules.",
         "to fill a vacancy on the board,", "the union's rules", "trailing"),
        // "my", "our", "its" open a described speaker.
        ("\u{201C}We sail at dawn,\u{201D} my grandfather often said.", "We sail at dawn,", "my grandfather", "trailing"),
        // A named speaker of a reporting verb in the sentence before a quote that stands alone.
        ("Her old business partner, Tom Hale, called her a genius at logistics. \u{201C}She saw problems nobody else saw.\u{201D}",
         "She saw problems nobody else saw.", "Tom Hale", "previous-sentence"),
        ("\u{201C}Keep your head up,\u{201D} Anneke Visser sings in the chorus.", "Keep your head up,", "Anneke Visser", "trailing"),
        // A bare capitalised noun opening the sentence, before a participle and its preposition.
        ("Dockers marching through the old town chanted \u{201C}Fair pay now!\u{201D} until dawn.", "Fair pay now!", "Dockers", "lead-in"),
        // A description after an inverted verb keeps its closing prepositional phrase.
        ("\u{201C}The board is in a frenzy,\u{201D} said one Labour source on the panel.", "The board is in a frenzy,",
         "one Labour source on the panel", "trailing"),
        // A party before a role is the holder's affiliation; with no single holder, the role phrase speaks.
        ("The Labour nominee also outlined a harbour plan and vowed to punish \u{201C}those who dump waste.\u{201D}",
         "those who dump waste.", "The Labour nominee", "sentence-subject"),
        // The same when the body's name has several words.
        ("The Labour Party leader also outlined a harbour plan and vowed to punish \u{201C}those who dump waste.\u{201D}",
         "those who dump waste.", "The Labour Party leader", "sentence-subject"),
    ]

    @Test(arguments: speakerPhrases)
    func reportsTheSpeakerAsDescribed(text: String, quoted: String, speaker: String, rule: String) throws {
        let document = try extract(text)
        let quote = try #require(document.quotes.first { document.string($0.range) == quoted },
                                 "quotes: \(document.quotes.map { document.string($0.range) })")
        let name = quote.speaker.map { document.entities[$0].name } ?? quote.speakerText
        #expect(name == speaker, "rule \(quote.rule)")
        #expect(quote.rule.hasPrefix(rule), "rule \(quote.rule)")
    }

    /// A parenthetical clause (`, as Tom Hale knows,`) does not take the quote from the reporting verb.
    @Test func parentheticalClauseIsNoSpeaker() throws {
        let document = try extract("Anneke Visser said the dockers, as Tom Hale knows, want \u{201C}a fair deal\u{201D} this year.")
        let quote = try #require(document.quotes.first)
        #expect(quote.speaker.map { document.entities[$0].name } == "Anneke Visser", "rule \(quote.rule)")
    }

    /// A name governed by a preposition is not the subject of the verb after it.
    @Test func nameAfterPrepositionIsNoSpeaker() throws {
        let document = try extract("The review rated most of the Brenner Bank claims as follows: \u{201C}Misleading, every one of them.\u{201D}")
        #expect(document.quotes.allSatisfy { quote in quote.speaker.map { document.entities[$0].name } != "Brenner Bank" })
    }

    /// "No 10" is part of a name, not a number opening the speaker's description.
    @Test func numberInsideANameOpensNoPhrase() throws {
        let document = try extract("A Harbour Street No 10 spokeswoman said the talks went \u{201C}closely and calmly\u{201D} today.")
        #expect(document.quotes.allSatisfy { $0.speakerText != "10 spokeswoman" })
    }

    /// A name inside a subordinate clause is not the sentence's subject.
    @Test func subordinateClauseNameIsNoSentenceSubject() throws {
        let document = try extract("Most dockers agreed that Anneke Visser is in \u{201C}good enough shape\u{201D} to lead.")
        #expect(document.quotes.allSatisfy { quote in quote.speaker.map { document.entities[$0].name } != "Anneke Visser" })
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
        let document = try extract("She appeared on \u{201C}The Morning Kettle Show,\u{201D} and watched \u{201C}Dragon Valley\u{201D} later.")
        #expect(document.quotes.isEmpty, "\(document.quotes.map { document.string($0.range) })")
    }

    /// A capitalised name given by a reporting verb is a quote; a show owned by a broadcaster is not.
    @Test func namesGivenByAReportingVerbAreQuotes() throws {
        let document = try extract("Anneke Visser called the harbour master \u{201C}Captain Chaos\u{201D} and \u{201C}Lord Delay\u{201D} on Monday.")
        #expect(document.quotes.map { document.string($0.range) } == ["Captain Chaos", "Lord Delay"])
        #expect(document.quotes.allSatisfy { quote in quote.speaker.map { document.entities[$0].name } == "Anneke Visser" })
        let show = try extract("Anneke Visser told Harbour Radio's \u{201C}Morning Tide\u{201D} that the strike would go on.")
        #expect(show.quotes.isEmpty, "\(show.quotes.map { show.string($0.range) })")
    }

    /// Speech that happens to be capitalised is no title: "I", or two utterances in one quote.
    @Test func capitalisedSpeechIsNotATitle() throws {
        let document = try extract("\u{201C}Who reads the harbour plan?\u{201D} Anneke Visser asked. \u{201C}Neither do I.\u{201D}\n\n"
                                   + "\u{201C}Here comes the Boss,\u{201D} Tom Hale said. \u{201C}The Boss. Big Man.\u{201D}")
        #expect(document.quotes.map { document.string($0.range) }
                == ["Who reads the harbour plan?", "Neither do I.", "Here comes the Boss,", "The Boss. Big Man."])
    }

    /// A closing mark that opens a paragraph opens a quote, even before an ellipsis.
    @Test func closingMarkAtParagraphStartOpensAQuote() throws {
        let document = try extract("Anneke Visser spoke.\n\n\u{201D}\u{2026} what we learned is that nobody listens,\u{201D} Visser said.")
        #expect(document.quotes.map { document.string($0.range) } == ["\u{2026} what we learned is that nobody listens,"])
        #expect(document.quotes.first.flatMap { $0.speaker }.map { document.entities[$0].name } == "Anneke Visser")
    }

    /// A headline's quote that the article repeats is the body's quote only; one the headline alone
    /// carries stays, and a first paragraph that is running text is no headline.
    @Test(arguments: [
        ("Visser calls harbour plan \u{2018}dead on arrival\u{2019}.\n\nAnneke Visser called the plan \u{201C}dead on arrival\u{201D} on Monday.",
         ["dead on arrival"], 1),
        ("Visser calls harbour plan \u{2018}a folly\u{2019}.\n\nAnneke Visser attacked the plan on Monday.", ["a folly"], 0),
        ("Anneke Visser called the harbour plan \u{201C}dead on arrival\u{201D} on Monday, and she said more than that in a long and angry speech to the dockers, who cheered her on from the back of the hall for most of an hour.\n\nLater she repeated it: \u{201C}dead on arrival.\u{201D}",
         ["dead on arrival", "dead on arrival."], 0),
    ] as [(String, [String], Int)])
    func repeatedHeadlineQuotesAreDropped(text: String, quoted: [String], firstQuoteParagraph: Int) throws {
        let document = try extract(text)
        #expect(document.quotes.map { document.string($0.range) } == quoted)
        let first = try #require(document.quotes.first)
        #expect(document.paragraphs.firstIndex { $0.range.contains(first.range) } == firstQuoteParagraph)
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

/// The quotation marks `QuoteFinder` tells from their bytes: every mark it knows, and near misses.
@Suite struct QuoteCharacterTests {
    @Test(arguments: [
        ("\"", QuoteFinder.QuoteCharacter.straightDouble), ("'", .straightSingle),
        ("“", .leftDouble), ("”", .rightDouble), ("„", .lowDouble), ("‘", .leftSingle), ("’", .rightSingle),
        ("«", .leftGuillemet), ("»", .rightGuillemet), ("‹", .leftSingleGuillemet), ("›", .rightSingleGuillemet),
    ])
    func recognisesEachMark(text: String, expected: QuoteFinder.QuoteCharacter) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { QuoteFinder.QuoteCharacter(bytes: $0) } == expected)
    }

    @Test(arguments: ["", "a", "\"\"", "“a", "—", "…", "‚", "¡", "\u{201F}", "\u{2039}\u{0301}"])
    func refusesOtherText(text: String) {
        #expect(Array(text.utf8).withUnsafeBufferPointer { QuoteFinder.QuoteCharacter(bytes: $0) } == nil)
    }
}
