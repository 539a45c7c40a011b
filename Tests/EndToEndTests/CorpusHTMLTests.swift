import Foundation
import Testing

/// The Corpus HTML pages through the built binary: metadata right, boilerplate gone.
@Suite struct CorpusHTMLTests {
    struct Expected: Sendable {
        var file: String
        var title: String
        var byline: String
        var published: String
        var url: String
    }

    static let pages: [Expected] = [
        Expected(file: "Corpus/election-night.html", title: "Cifuentes-Larraín claims narrow victory in Valparaíso governor race",
                 byline: "Tomasz Wróblewski-Oyelaran", published: "2026-03-14T21:05:00Z",
                 url: "https://www.dailyledger.example/world/americas/2026/03/14/valparaiso-governor-election-result"),
        Expected(file: "Corpus/ceasefire-messy.html", title: "Ceasefire holds in Dravonia's Kessarin valley as Oslo talks resume",
                 byline: "Leontyne Abara-Sørlie", published: "2026-04-02T06:40:00+02:00",
                 url: "https://www.meridianworld.example/news/world-europe-71942205"),
        Expected(file: "Corpus/alpine-rail.html", title: "Gotthard night trains halted after rockfall near Göschenen",
                 byline: "Mathilde Oberholzer-Quaye", published: "2026-02-19T07:30:00+01:00",
                 url: "https://www.alpinecourier.example/verkehr/2026/02/19/gotthard-rockfall"),
    ]

    @Test(arguments: pages)
    func metadata(expected: Expected) throws {
        let outcome = try CLIRunner.run(["text", "--format", "jsonl", expected.file])
        let record = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(record["title"] as? String == expected.title)
        #expect(record["byline"] as? String == expected.byline)
        #expect(record["published"] as? String == expected.published)
        #expect(record["url"] as? String == expected.url)
    }

    static let boilerplate = ["Accept all cookies", "We use cookies", "Advertisement", "Sponsored", "Share on Facebook", "Sign in",
                              "Related stories", "Meridian Morning Briefing", "Subscribe now", "reader", "KestrelWatcher_77",
                              "Most-read sidebar", "More on this story", "Copyright", "Terms of Use", "Footer script prose",
                              "Link copied", "Noscript notice", "Read more"]

    @Test func messyPageKeepsOnlyTheArticle() throws {
        let text = try CLIRunner.run(["text", "Corpus/ceasefire-messy.html"]).stdout
        for marker in Self.boilerplate { #expect(!text.contains(marker), "boilerplate: \(marker)") }
        #expect(text.contains("Brekkeflåt"))
        #expect(text.contains("The talks are expected to continue until Friday."))
    }

    @Test func windows1252PageDecodesAccents() throws {
        let outcome = try CLIRunner.run(["analyze", "Corpus/alpine-rail.html", "--include-text"])
        let report = try #require(JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let source = report["source"] as? [String: Any]
        #expect(source?["encoding"] as? String == "windows-1252")
        let text = report["text"] as? String ?? ""
        for word in ["Zürich", "Genève", "Françoise", "Núñez", "\u{201C}"] { #expect(text.contains(word), "\(word)") }
        #expect(!text.contains("\u{FFFD}"))
    }
}
