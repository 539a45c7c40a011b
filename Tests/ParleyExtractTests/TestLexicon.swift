import ParleyExtract
import ParleyModel

/// A small hand-built lexicon, so extraction tests do not depend on the bundled data's details.
enum TestLexicon {
    static let shared: ExtractionLexicon = {
        var lexicon = ExtractionLexicon()
        let countries: [(String, [String], [String])] = [
            ("United States", ["US", "U.S.", "USA", "America", "United States"], ["American", "Americans"]),
            ("United Kingdom", ["UK", "U.K.", "Britain", "United Kingdom"], ["British"]),
            ("Russia", ["Russia"], ["Russian", "Russians"]), ("Ukraine", ["Ukraine"], ["Ukrainian", "Ukrainians"]),
            ("France", ["France"], ["French"]), ("Jordan", ["Jordan"], ["Jordanian"]), ("Georgia", ["Georgia"], ["Georgian"]),
            ("Netherlands", ["Netherlands"], ["Dutch"]), ("China", ["China"], ["Chinese"]),
        ]
        for (name, forms, demonyms) in countries {
            lexicon.addPlace(PlaceInfo(name: name, kind: "country", country: name, ambiguous: ["Jordan", "Georgia"].contains(name)), forms: forms)
            for demonym in demonyms { lexicon.demonyms[demonym] = name }
        }
        for (city, country, ambiguous) in [("Moscow", "Russia", false), ("Kyiv", "Ukraine", false), ("Paris", "France", true),
                                           ("Rotterdam", "Netherlands", false), ("Washington", "United States", true)] {
            lexicon.addPlace(PlaceInfo(name: city, kind: "city", country: country, ambiguous: ambiguous), forms: [city])
        }
        lexicon.addPlace(PlaceInfo(name: "Europe", kind: "continent", country: nil, ambiguous: false), forms: ["Europe"])
        lexicon.addPlace(PlaceInfo(name: "South China Sea", kind: "water", country: nil, ambiguous: false), forms: ["South China Sea"])
        for (name, country) in [("Kremlin", "Russia"), ("White House", "United States"), ("Reuters", nil)] as [(String, String?)] {
            lexicon.addOrganization(OrganizationInfo(name: name, kind: "government", country: country), forms: [name])
        }
        lexicon.addOrganization(OrganizationInfo(name: "United Nations", kind: "intergovernmental", country: nil), forms: ["United Nations", "UN", "U.N."])
        for title in ["President", "Prime Minister", "Foreign Minister", "Secretary of the Army", "Secretary of State", "aide",
                      "adviser", "envoy", "economist", "analyst", "spokesman", "minister", "Senator", "Sen.", "Gen.", "Chancellor",
                      "union organiser", "negotiator", "official", "officials"] {
            lexicon.addTitle(title)
        }
        for (name, gender) in [("Donald", Gender.male), ("Steve", .male), ("Yuri", .male), ("Vladimir", .male), ("Dan", .male),
                               ("Jared", .male), ("Sergei", .male), ("Emmanuel", .male), ("Keir", .male), ("Volodymyr", .male),
                               ("Maria", .female), ("Anneke", .female), ("Michael", .male)] {
            lexicon.givenNames[name] = gender
        }
        lexicon.surnames = ["Smith", "Jordan"]
        for (term, gender) in [("Mr", Gender.male), ("Mr.", .male), ("Mrs", .female), ("Ms", .female), ("Sir", .male), ("Dr", nil)] as [(String, Gender?)] {
            lexicon.honorifics[term] = gender
        }
        for (form, lemma) in [("said", "say"), ("says", "say"), ("told", "tell"), ("added", "add"), ("warned", "warn"),
                              ("cautioned", "caution"), ("stating", "state"), ("insisted", "insist"), ("called", "call"),
                              ("asked", "ask"), ("replied", "reply"), ("noted", "note")] {
            lexicon.speechVerbs[form] = lemma
        }
        lexicon.nonNames = ["Monday", "Tuesday", "March", "Meanwhile"]
        return lexicon
    }()
}
