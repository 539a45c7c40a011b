import ParleyModel

/// Builds hand-made ``Document``s for tests, without running upstream stages.
public enum DocumentBuilder {
    /// A plain-text document whose paragraphs are the blank-line-separated blocks of `text`.
    public static func plain(_ text: String, id: String = "test") -> Document {
        var document = Document(id: id, text: text,
                                source: SourceInfo(format: .text, bytes: text.utf8.count, encoding: "utf-8", encodingReason: "test"))
        var paragraphs: [Paragraph] = []
        let bytes = Array(text.utf8)
        var start = 0
        var index = 0
        while index <= bytes.count {
            let atBreak = index == bytes.count || (bytes[index] == 0x0A && index + 1 < bytes.count && bytes[index + 1] == 0x0A)
            if atBreak {
                if index > start { paragraphs.append(Paragraph(range: TextRange(start, index))) }
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        document.paragraphs = paragraphs
        return document
    }
}
