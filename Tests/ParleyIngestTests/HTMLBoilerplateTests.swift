import ParleyIngest
import ParleyModel
import Testing

/// Boilerplate around (and inside) an article is dropped; the article's own structure is kept.
@Suite("HTML main-content extraction")
struct HTMLBoilerplateTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var before: String = ""
        var inside: String = ""
        var after: String = ""
        /// Text that must not appear in the output.
        var marker: String
        var testDescription: String { name }
    }

    static let dropped: [Case] = [
        Case(name: "navigation", before: #"<nav><ul><li><a href="/">Home</a></li><li><a href="/w">World NAVMARK news</a></li></ul></nav>"#,
             marker: "NAVMARK"),
        Case(name: "cookie banner", before: #"<div class="cookie-banner"><p>We use cookies COOKIEMARK to improve your experience on our website, as described in our policy.</p><button>Accept</button></div>"#,
             marker: "COOKIEMARK"),
        Case(name: "comments", after: #"<section id="comments"><h3>12 Comments</h3><div class="comment"><p>This is a long reader comment COMMENTMARK that says many things about the bus network, at length.</p></div></section>"#,
             marker: "COMMENTMARK"),
        Case(name: "related links", inside: #"<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Trams are back RELATEDMARK</a></li><li><a href="/b">Bike lanes open</a></li></ul></div>"#,
             marker: "RELATEDMARK"),
        Case(name: "footer", after: #"<footer><p>Copyright 2024 City News FOOTERMARK. All rights reserved, including the right to reproduce.</p></footer>"#,
             marker: "FOOTERMARK"),
        Case(name: "share bar", inside: ##"<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet SHAREMARK</a></div>"##,
             marker: "SHAREMARK"),
        Case(name: "newsletter box", inside: #"<div class="newsletter-signup"><p>Get the best stories NEWSMARK in your inbox every morning, for free, from our editors.</p><form><input type="email"></form></div>"#,
             marker: "NEWSMARK"),
        Case(name: "aside", after: #"<aside><p>Most read today: an unrelated story ASIDEMARK about something else entirely, with many words.</p></aside>"#,
             marker: "ASIDEMARK"),
        Case(name: "script and style", inside: "<script>var SCRIPTMARK = 1;</script><style>.STYLEMARK{}</style>", marker: "MARK"),
        Case(name: "hidden element", inside: #"<div style="display: none"><p>Hidden text HIDDENMARK that a reader never sees on the page at all.</p></div>"#,
             marker: "HIDDENMARK"),
        Case(name: "figure caption", inside: #"<figure><img src="bus.jpg"><figcaption>A new bus CAPTIONMARK. Photo: Agency</figcaption></figure>"#,
             marker: "CAPTIONMARK"),
        Case(name: "byline", inside: #"<div class="byline">By Jane BYLINEMARK Doe</div>"#, marker: "BYLINEMARK"),
        Case(name: "advertisement label", inside: "<div><p>Advertisement</p></div>", marker: "Advertisement"),
        Case(name: "share prompt line", inside: "<p>Sharing is caring! SHAREPROMPT</p>", marker: "SHAREPROMPT"),
        Case(name: "timestamp line", inside: "<p>Published November 20th, 2019 - 07:29 GMT</p>", marker: "07:29"),
        Case(name: "newsletter promo line", inside: "<p>Subscribe to our newsletters PROMOLINE for more.</p>", marker: "PROMOLINE"),
        Case(name: "link-only line", inside: #"<p><a href="/x">Trams are back LINKLINE</a></p>"#, marker: "LINKLINE"),
    ]

    @Test("boilerplate is dropped and the article kept", arguments: dropped)
    func dropsBoilerplate(_ testCase: Case) throws {
        let html = HTMLTestSupport.page(beforeArticle: testCase.before, insideArticle: testCase.inside,
                                        afterArticle: testCase.after)
        let document = try HTMLTestSupport.read(html)
        #expect(!document.text.contains(testCase.marker))
        for paragraph in HTMLTestSupport.articleParagraphs {
            #expect(document.text.contains(paragraph))
        }
    }

    struct Kept: CustomTestStringConvertible, Sendable {
        var name: String
        var inside: String
        var text: String
        var kind: ParagraphKind
        var tag: String
        var testDescription: String { name }
    }

    static let kept: [Kept] = [
        Kept(name: "subheading", inside: "<h2>What happens next</h2>", text: "What happens next", kind: .heading, tag: "h2"),
        Kept(name: "list", inside: "<ul><li>Route 12 to the hospital</li><li>Route 14 to the harbour</li></ul>",
             text: "Route 14 to the harbour", kind: .listItem, tag: "li"),
        Kept(name: "blockquote", inside: "<blockquote><p>This is the best news for commuters in a decade, honestly.</p></blockquote>",
             text: "This is the best news for commuters in a decade, honestly.", kind: .blockquote, tag: "blockquote"),
        Kept(name: "table", inside: "<table><tr><th>Route</th><th>Opens</th></tr><tr><td>12</td><td>March</td></tr></table>",
             text: "12 March", kind: .tableRow, tag: "tr"),
        Kept(name: "preformatted", inside: "<pre>line one\nline two</pre>", text: "line one\nline two", kind: .preformatted, tag: "pre"),
    ]

    @Test("article structure is kept with its paragraph kind and markup", arguments: kept)
    func keepsStructure(_ testCase: Kept) throws {
        let document = try HTMLTestSupport.read(HTMLTestSupport.page(insideArticle: testCase.inside))
        let paragraph = try #require(document.paragraphs.first { document.string($0.range) == testCase.text })
        #expect(paragraph.kind == testCase.kind)
        #expect(document.markup.contains { $0.tag == testCase.tag && $0.range.contains(paragraph.range) })
    }

    @Test("a link that is a whole sentence of the article is kept")
    func linkSentence() throws {
        let sentence = "The council will publish the full timetable for all four routes on its website next week."
        let document = try HTMLTestSupport.read(HTMLTestSupport.page(insideArticle: #"<p><a href="/t">\#(sentence)</a></p>"#))
        #expect(document.text.hasSuffix(sentence))
    }

    @Test("a wrapper whose class says sidebar but which holds the article is not pruned")
    func protectsMisnamedWrapper() throws {
        let html = "<html><body><div class=\"layout-with-sidebar\"><div>"
            + HTMLTestSupport.articleParagraphs.map { "<p>\($0)</p>" }.joined()
            + "</div></div><div class=\"sidebar\"><p>Short sidebar text here.</p></div></body></html>"
        let document = try HTMLTestSupport.read(html)
        #expect(document.text == HTMLTestSupport.articleParagraphs.joined(separator: "\n\n"))
    }

    @Test("an article split into sibling containers is read in full")
    func splitArticle() throws {
        let more = [
            "In a second section, separated by an advertisement slot, the reporter describes the new depot in detail, with its charging bays.",
            "The depot, built on a former rail yard, will house forty electric buses, and it should be finished before the winter timetable starts.",
            "Residents near the depot said they welcomed the project, although several asked for a noise barrier along the northern fence.",
        ]
        let html = "<html><body><div class=\"story\"><div class=\"story-part\">"
            + HTMLTestSupport.articleParagraphs.map { "<p>\($0)</p>" }.joined()
            + "</div><div class=\"ad-slot\">Advertisement</div><div class=\"story-part\">"
            + more.map { "<p>\($0)</p>" }.joined() + "</div></div></body></html>"
        let document = try HTMLTestSupport.read(html)
        #expect(document.text == (HTMLTestSupport.articleParagraphs + more).joined(separator: "\n\n"))
    }

    @Test("text is the article blocks joined by blank lines, without the headline")
    func joinsBlocks() throws {
        let document = try HTMLTestSupport.read(HTMLTestSupport.page())
        #expect(document.text == HTMLTestSupport.articleParagraphs.joined(separator: "\n\n"))
        #expect(document.paragraphs.count == 3)
        #expect(document.paragraphs.allSatisfy { $0.kind == .body })
        #expect(document.markup.filter { $0.tag == "p" }.map { document.string($0.range) } == HTMLTestSupport.articleParagraphs)
        #expect(document.metadata.title == "Bus network grows")
    }

    @Test("inline quotes and links become markup spans over the extracted text")
    func inlineMarkup() throws {
        let html = HTMLTestSupport.page(insideArticle: #"<p>The mayor said <q>we listened to riders</q> and <a href="/plan">published the plan</a> online, in full detail.</p>"#)
        let document = try HTMLTestSupport.read(html)
        let quote = try #require(document.markup.first { $0.tag == "q" })
        #expect(document.string(quote.range) == "we listened to riders")
        let link = try #require(document.markup.first { $0.tag == "a" })
        #expect(document.string(link.range) == "published the plan")
    }

    @Test("whitespace collapses inside a block and <br> becomes a newline")
    func whitespaceAndBreaks() throws {
        let html = HTMLTestSupport.page(insideArticle: "<p>First   line of the\n poem,&nbsp;here<br>second line of the poem, there</p>")
        let document = try HTMLTestSupport.read(html)
        #expect(document.text.contains("First line of the poem, here\nsecond line of the poem, there"))
    }
}
