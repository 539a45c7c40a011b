import ParleyModel
import ParleyReport
import Testing

@Suite struct JSONLinesArticleTests {
    func parse(_ line: String) throws(ParleyError) -> JSONLinesArticle {
        try Array(line.utf8).withUnsafeBufferPointer { buffer throws(ParleyError) in
            try JSONLinesArticle.parse(buffer, fallbackID: "line 7")
        }
    }

    /// (line, expected id, text, html, url)
    static let valid: [(String, String, String?, String?, String?)] = [
        (#"{"id": "a", "text": "Hello."}"#, "a", "Hello.", nil, nil),
        (#"{"id": 12, "text": "x"}"#, "12", "x", nil, nil),
        (#"{"html": "<p>x</p>", "url": "https://e.org/a"}"#, "line 7", nil, "<p>x</p>", "https://e.org/a"),
        (#"{"id": "u", "text": "caf\u00e9 \ud83d\ude00", "extra": [1, 2]}"#, "u", "café 😀", nil, nil),
    ]

    @Test(arguments: valid)
    func parsesRecords(line: String, id: String, text: String?, html: String?, url: String?) throws {
        let article = try parse(line)
        #expect(article.id == id)
        #expect(article.text == text)
        #expect(article.html == html)
        #expect(article.url == url)
    }

    static let malformed = [#"{"id": "a", "text": "unterminated}"#, "not json", #"["text"]"#, #"{"id": "a"}"#, #"{"text": 5}"#]

    @Test(arguments: malformed)
    func rejectsMalformedLines(line: String) {
        #expect { try parse(line) } throws: { error in
            (error as? ParleyError)?.code == "malformed-json" && (error as? ParleyError)?.message.hasPrefix("line 7") == true
        }
    }
}
