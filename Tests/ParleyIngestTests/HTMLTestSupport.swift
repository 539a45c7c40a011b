import ParleyIngest
import ParleyModel

/// Helpers shared by the HTML reader tests.
enum HTMLTestSupport {
    /// Three paragraphs of plausible article prose, long enough to be scored as the main content.
    static let articleParagraphs = [
        "The city council voted on Tuesday to expand the bus network, adding four routes that will connect the eastern suburbs with the hospital district, officials said.",
        "Supporters argued that the plan, which costs about 12 million euros, would cut commuting times by a third, while critics warned that fares could rise next year.",
        "The first new route is expected to open in March, and the remaining three should follow by the end of the summer, according to the transport department.",
    ]

    /// A complete page: the article paragraphs inside `<article>`, with `extra` inserted in the body.
    static func page(head: String = "", beforeArticle: String = "", insideArticle: String = "",
                     afterArticle: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bus network grows | City News</title>\(head)</head>
        <body>\(beforeArticle)<article><h1>Bus network grows</h1>
        \(articleParagraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        \(insideArticle)</article>\(afterArticle)</body></html>
        """
    }

    /// Reads `html` (as UTF-8 bytes) with a default reader.
    static func read(_ html: String) throws(ParleyError) -> Document {
        try read(bytes: Array(html.utf8))
    }

    /// Reads raw bytes with a default reader.
    static func read(bytes: [UInt8]) throws(ParleyError) -> Document {
        let result: Result<Document, ParleyError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(ParleyError) in try HTMLReader().read(bytes: buffer, id: "test") }
        }
        return try result.get()
    }
}
