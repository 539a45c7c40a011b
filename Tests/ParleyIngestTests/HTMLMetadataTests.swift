@testable import ParleyIngest
import ParleyModel
import Testing

/// Title, byline, date, URL, language and site name from meta tags, JSON-LD and the page.
@Suite("HTML metadata")
struct HTMLMetadataTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var head: String = ""
        var before: String = ""
        var expected: Metadata
        var testDescription: String { name }
    }

    static let jsonLD = """
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Ignored"},
        {"@type":"NewsArticle","headline":"Buses \\u00e0 gogo","datePublished":"2024-03-05T08:30:00.000+0100",
         "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Tom Berg"}],
         "publisher":{"@type":"Organization","name":"City News"},}]}</script>
        """

    static let cases: [Case] = [
        Case(name: "title tag without site suffix, html lang",
             expected: Metadata(title: "Bus network grows", language: "en")),
        Case(name: "Open Graph",
             head: """
                <meta property="og:title" content="Bus network grows - City News"><meta property="og:site_name" content="City News">
                <meta property="article:published_time" content="2024-03-05T07:30:00Z"><meta name="author" content="Ana Ruiz">
                <link rel="canonical" href="https://news.example/bus"><meta property="og:locale" content="en_GB">
                """,
             expected: Metadata(title: "Bus network grows", byline: "Ana Ruiz", published: "2024-03-05T07:30:00Z",
                                url: "https://news.example/bus", language: "en", siteName: "City News")),
        Case(name: "JSON-LD graph with authors and publisher", head: jsonLD,
             expected: Metadata(title: "Buses à gogo", byline: "Ana Ruiz, Tom Berg", published: "2024-03-05T08:30:00+01:00",
                                language: "en", siteName: "City News")),
        Case(name: "byline class and time element",
             before: #"<div class="article-byline">By Jane Doe</div><time datetime="2024-03-05">5 March</time>"#,
             expected: Metadata(title: "Bus network grows", byline: "Jane Doe", published: "2024-03-05", language: "en")),
        Case(name: "date written in words",
             head: #"<meta name="date" content="Tuesday, March 5th, 2024 8:30 AM ET">"#,
             expected: Metadata(title: "Bus network grows", published: "2024-03-05", language: "en")),
        Case(name: "date printed on the page",
             before: #"<span class="post-date">Updated</span><div class="post-date">Published November 19, 2019</div>"#,
             expected: Metadata(title: "Bus network grows", published: "2019-11-19", language: "en")),
        Case(name: "a machine-readable date wins over words",
             head: #"<meta name="date" content="March 5, 2024"><meta name="dc.date" content="2024-03-06T10:00:00Z">"#,
             expected: Metadata(title: "Bus network grows", published: "2024-03-06T10:00:00Z", language: "en")),
    ]

    /// Dates in words become ISO dates; text that only looks like one gives nil.
    @Test(arguments: [
        ("May 7, 2019", "2019-05-07"),
        ("7 May 2019", "2019-05-07"),
        ("Nov. 19, 2019 11:30 AM ET", "2019-11-19"),
        ("Tuesday 1st October 2024", "2024-10-01"),
        ("SEPT 30 1999", "1999-09-30"),
        ("February 29, 2024", "2024-02-29"),
        ("February 29, 2023", nil),      // no such day
        ("May 2019", nil),               // no day
        ("Updated 2 hours ago", nil),
        ("may be 7 or 2019", nil),       // "may" with no day right after it
    ] as [(String, String?)])
    func textualDates(raw: String, expected: String?) {
        #expect(TextualDate.parse(raw) == expected)
    }

    @Test("metadata sources", arguments: cases)
    func metadata(_ testCase: Case) throws {
        let document = try HTMLTestSupport.read(HTMLTestSupport.page(head: testCase.head, beforeArticle: testCase.before))
        #expect(document.metadata == testCase.expected)
    }
}
