import ParleyExtract
import ParleyModel
import Testing

@Suite struct EntityTests {
    /// (text, name, type, roles, affiliation) — names absent from the lexicon included.
    static let people: [(String, String, EntityType, [String], String?)] = [
        ("Foreign Minister Sergei Lavrov cautioned against haste.", "Sergei Lavrov", .person, ["Foreign Minister"], nil),
        ("The visit was confirmed by Russian aide Yuri Ushakov on Monday.", "Yuri Ushakov", .person, ["aide"], "Russia"),
        ("US Secretary of the Army Dan Driscoll flew to Kyiv.", "Dan Driscoll", .person, ["Secretary of the Army"], "United States"),
        ("French President Emmanuel Macron hesitated.", "Emmanuel Macron", .person, ["President"], "France"),
        ("UK Prime Minister Sir Keir Starmer spoke.", "Keir Starmer", .person, ["Prime Minister"], "United Kingdom"),
        ("The strike was called, said Lindqvist, by the union.", "Lindqvist", .person, [], nil),
        ("Okafor told reporters the plan had failed.", "Okafor", .person, [], nil),
        ("Talks stalled, according to Baptiste Ndongo-Mirabeau, who chairs the panel.", "Baptiste Ndongo-Mirabeau", .person, [], nil),
        ("Wendelin Quastorf, an economist at the bank, disagreed.", "Wendelin Quastorf", .person, [], nil),
        ("Mr Tuvaluga arrived late.", "Tuvaluga", .person, [], nil),
        ("The Ministry of Coastal Affairs denied the report.", "Ministry of Coastal Affairs", .organization, [], nil),
        ("Shares of Tarvane Aerosystems Inc rose.", "Tarvane Aerosystems Inc", .organization, [], nil),
        ("Ships waited in the South China Sea for days.", "South China Sea", .place, [], nil),
        ("Shares of Douglas & Tarvane fell.", "Douglas & Tarvane", .organization, [], nil),
        // An initial before a capitalised word is a name, opening a sentence or in a results line
        // (whose numbers keep it from reading as a Title Case headline).
        ("England won. M. Baker scored 40 for Surrey.", "M. Baker", .person, [], nil),
        // An epithet or a party noun before a given name is no part of the name.
        ("The crowd chanted about Crooked Anneke Visser all night.", "Anneke Visser", .person, [], nil),
        ("On Monday, Democrat Anneke Visser won the seat.", "Anneke Visser", .person, [], nil),
        ("Harbourside 429-7 (C. Visser 80, M. Hale 70, G. Okafor 63, J. Lindqvist 12, D. Baker 55).", "M. Hale", .person, [], nil),
    ]

    @Test(arguments: people)
    func findsEntities(text: String, name: String, type: EntityType, roles: [String], affiliation: String?) throws {
        let document = try extract(text)
        let entity = try #require(document.entity(named: name), "entities: \(document.entities.map(\.name))")
        #expect(entity.type == type)
        #expect(entity.roles == roles)
        #expect(entity.affiliation == affiliation)
    }

    @Test func aliasesMergeIntoTheLongestForm() throws {
        let document = try extract("Donald Trump spoke first. Later, Mr Trump said more, and Trump's aides agreed. Trump left.")
        let trump = try #require(document.entity(named: "Donald Trump"))
        #expect(document.mentionTexts(trump) == ["Donald Trump", "Trump", "Trump", "Trump"])
        #expect(trump.aliases == ["Trump"])
        #expect(trump.honorific == "Mr")
        #expect(document.entities.filter { $0.type == .person }.count == 1)
    }

    /// A surname seen alone before the full name merges into it.
    @Test func fullNameAfterALoneSurnameIsTheSamePerson() throws {
        let document = try extract("Visser spoke first. Later, Anneke Visser left the hall, and Visser did not return.")
        let visser = try #require(document.entity(named: "Anneke Visser"), "entities: \(document.entities.map(\.name))")
        #expect(visser.mentions.count == 3)
        #expect(document.entities.filter { $0.type == .person }.count == 1)
    }

    @Test func honorificIsKeptOutOfTheName() throws {
        let document = try extract("Sir Keir Starmer met Starmer's cabinet.")
        let starmer = try #require(document.entity(named: "Keir Starmer"))
        #expect(starmer.honorific == "Sir")
        #expect(starmer.gender == .male)
    }

    @Test func institutionsAreNotPeople() throws {
        let document = try extract("Steve Witkoff will visit the Kremlin, and the White House said the US Army agreed. Sir, he said.")
        let people = document.entities.filter { $0.type == .person }.map(\.name)
        #expect(people == ["Steve Witkoff"])
        #expect(document.entity(named: "Kremlin")?.type == .organization)
        #expect(document.entity(named: "Kremlin")?.affiliation == "Russia")
    }

    /// (text, name, expected type or nil when it must not be an entity at all)
    static let ambiguity: [(String, String, EntityType?)] = [
        ("Officials met in Jordan on Monday.", "Jordan", .place),
        ("Michael Jordan said he was retiring.", "Michael Jordan", .person),
        ("The delegation flew to Paris for talks.", "Paris", .place),
        ("Meanwhile the talks resumed.", "Meanwhile", nil),
        ("Moscow has not yet received the draft.", "Moscow", .place),
        // Regressions found while reviewing Corpus and BBC output.
        ("Russian President Vladimir Putin spoke.", "Vladimir Putin", .person),
        ("The Central Bank of Iceland kept rates on hold.", "Central Bank of Iceland", .organization),
        ("The Lib Dem spokesman questioned the plan.", "Liberal Democrats", .organization),
        ("The Tory co-chairman attacked the pledges.", "Conservative Party", .organization),
        ("The Green Harbour spokesman declined to comment.", "Green Harbour", .organization),
        ("Delegates of the Alliance of Ocean States left.", "Alliance of Ocean States", .organization),
        ("Shelling hit Velmira again. Residents in Velmira fled, and aid reached Velmira late.", "Velmira", .place),
        ("Nobody believes the plan will work, Okafor said.", "Nobody", nil),
        ("Analysts said the plan would fail.", "Analysts", nil),
        ("She is a Spanish-born engineer.", "Spanish-born", nil),
        ("Leaders of the Kurdistan Democratic Party met.", "Kurdistan Democratic Party", .organization),
        // Religions and their adherents are never people; party adjectives are never names.
        ("The mayor said Islam and Christianity share the old square.", "Islam", nil),
        ("\u{201C}We pray together,\u{201D} the Muslim families said.", "Muslim", nil),
        ("Tom Hale described Democratic candidate Anneke Visser as a \u{201C}fixer\u{201D} today.", "Democratic", nil),
        // A party adjective before a role names the party.
        ("Republican nominee Anneke Visser spoke.", "Republican Party", .organization),
        ("Fighting in the Democratic Republic of Congo went on.", "Democratic Republic of the Congo", .place),
        ("I’m sure, and I've said so.", "I’m", nil),
        ("Arab ministers met in Cairo.", "Arab", nil),
        // A dateline in capitals inside the first paragraph.
        ("LISBON (Reuters) \u{2013} Dockers walked out of the port talks on Friday.", "Lisbon", .place),
        ("HE'S BEEN CALLED OUT BY FELLOW DOCTORS \u{2014} He has been dragged before a council.\n\nFELLOW DOCTORS DON\u{2019}T WANT TO WORK WITH HIM \u{2014} Hale may hit ratings gold, but his fellow doctors do not respect him.",
         "DOCTORS DON\u{2019}T WANT TO WORK WITH HIM", nil),
    ]

    /// (text, name, type or nil, number of mentions) for sports results.
    static let teams: [(String, String, EntityType?, Int)] = [
        // A name followed by a score in a results line is a team, known place or not.
        ("Kelvarshire 231 and 140-6, Brennock 402 (A. Dunmore 88, T. Ashgrove 51).", "Kelvarshire", .organization, 1),
        ("Kelvarshire 231 and 140-6, Brennock 402 (A. Dunmore 88, T. Ashgrove 51).", "Brennock", .organization, 1),
        ("Kelvarshire 231 and 140-6, Brennock 402 (A. Dunmore 88, T. Ashgrove 51).", "A. Dunmore", .person, 1),
        // Once a team, a team throughout the article, even where nothing marks it.
        ("Kelvarshire 231, Brennock 402.\n\nTitle rivals Kelvarshire closed in, while Brennock took the day off.", "Kelvarshire",
         .organization, 2),
        // National sides are places; months and bowlers are no teams.
        ("Israel 2, Bulgaria 0 (halftime 0-0).", "Israel", .place, 1),
        ("England 245, Scotland 201 in the final.", "Scotland", .place, 1),
        ("Prices peaked on May 22, 1996, and fell on May 23.", "May", nil, 0),
        ("The vote was set for May 22 after talks with Theresa May. May said she would stay.", "Theresa May", .person, 2),
        ("Tarrant c Dunmore b Ashgrove 2, Pellow not out 14.", "Ashgrove", nil, 0),
    ]

    /// A one-word organisation named mid-sentence is the same organisation at a sentence start.
    @Test func oneWordOrganisationAtSentenceStart() throws {
        let document = try extract("Investors bought Tarvello on Monday, and shares of Tarvello rose. Tarvello shares fell later.")
        let entity = try #require(document.entity(named: "Tarvello"))
        #expect(entity.type == .organization)
        #expect(entity.mentions.count == 3)
    }

    @Test(arguments: teams)
    func sportsTeams(text: String, name: String, type: EntityType?, mentions: Int) throws {
        let document = try extract(text)
        let entity = document.entity(named: name)
        #expect(entity?.type == type, "entities: \(document.entities.map { "\($0.name):\($0.type)" })")
        #expect((entity?.mentions.count ?? 0) == mentions)
    }

    @Test(arguments: ambiguity)
    func resolvesAmbiguityByContext(text: String, name: String, type: EntityType?) throws {
        let document = try extract(text)
        #expect(document.entity(named: name)?.type == type, "entities: \(document.entities.map { "\($0.name):\($0.type)" })")
    }

    @Test func headlinesInCapitalsUseTheGazetteer() throws {
        let document = try extract("RUSSIA AND UKRAINE RESUME TALKS IN MOSCOW\n\nThe talks resumed.")
        #expect(Set(document.entities.map(\.name)) == ["Russia", "Ukraine", "Moscow"])
    }

    /// A dateline line in capitals ("LISBON 2024-03-02") reads as a headline even when no full stop
    /// separates it from the text below.
    @Test(arguments: ["HARBOUR STRIKE ENDS.\nLISBON 2024-03-02\nDockers went back to work.",
                      "HARBOUR STRIKE ENDS\nLISBON 2024-03-02\nDockers went back to work.",
                      "LISBON 2024-03-02\nDockers went back to work."])
    func capitalisedDatelinesArePlaces(text: String) throws {
        let document = try extract(text)
        #expect(document.entity(named: "Lisbon")?.type == .place, "entities: \(document.entities.map(\.name))")
    }

    /// Former states still named in news archives.
    @Test func formerStatesArePlaces() throws {
        let document = try extract("Trade between Yugoslavia and the Soviet Union collapsed, and Czechoslovakia split.")
        for name in ["Yugoslavia", "Soviet Union", "Czechoslovakia"] {
            #expect(document.entity(named: name)?.type == .place, "\(name): \(document.entities.map(\.name))")
        }
    }

    /// Folding drops accents, so a function word in capitals must not find a town ("TO" → Tô).
    @Test func functionWordsInCapitalsAreNoPlaces() throws {
        let document = try extract("HARBOUR WORKERS DON'T WANT TO GO BACK\n\nThe strike went on.")
        #expect(document.entities.allSatisfy { $0.type != .place }, "entities: \(document.entities.map(\.name))")
    }

    /// A lone word that is also a given name ("Clinton", "Morgan") may be a surname: it gives no gender.
    @Test func aLoneGivenNameGivesNoGender() throws {
        let clinton = try #require(try extract("On Tuesday, Clinton criticized the harbour board.").entity(named: "Clinton"))
        #expect(clinton.gender == nil)
        let mary = try #require(try extract("On Tuesday, Mary Hale criticized the harbour board.").entity(named: "Mary Hale"))
        #expect(mary.gender == .female)
    }

    @Test func mentionOffsetsSliceTheName() throws {
        let document = try extract("Ukrainian President Volodymyr Zelensky thanked Trump's envoy, Steve Witkoff.")
        for entity in document.entities {
            for mention in entity.mentions {
                let text = document.string(mention.range)
                #expect(entity.name == text || entity.aliases.contains(text) || entity.type != .person)
            }
        }
    }
}

@Suite struct ExtractionScalingTests {
    /// Regression: merging mentions copied each entity's growing mention list per mention, so a name
    /// repeated tens of thousands of times took minutes (found on a 16 MB single-line document).
    @Test func aNameRepeatedManyTimesMergesInLinearWork() throws {
        let sentence = "Maria Okafor spoke in Kyiv, and Okafor said the talks would go on. "
        let small = try extract(String(repeating: sentence, count: 500))
        let large = try extract(String(repeating: sentence, count: 20_000))
        let okafor = try #require(large.entity(named: "Maria Okafor"))
        #expect(okafor.mentions.count == 40_000)
        #expect(large.entities.count == small.entities.count)
        #expect(large.quotes.count == small.quotes.count * 40)
    }
}
