import ParleyModel

/// Reads a plain-text article: decodes its bytes, normalises line ends, finds paragraphs,
/// a headline and a dateline.
///
/// Paragraphs are blank-line-separated blocks. Inside a block, lines that look hard-wrapped
/// (every line but the last shorter than ``wrapWidth``) are joined with a space; otherwise each
/// line is a paragraph of its own, which is how many feeds and copy-pastes lay articles out.
public struct PlainTextReader: Sendable {
    /// Lines at most this long (in bytes) inside a block are taken as hard-wrapped.
    public var wrapWidth = 100
    /// A first line at most this long, followed by a blank line, is the headline.
    public var maxTitleLength = 160

    /// Creates a reader with default settings.
    public init() {}

    /// Decodes and structures `bytes` into a ``Document``.
    /// - Throws: ``ParleyError`` `empty-input` when there is no text after decoding.
    public func read(bytes: UnsafeBufferPointer<UInt8>, id: String) throws(ParleyError) -> Document {
        let decoded = TextDecoding.decodeUnknown(bytes)
        var warnings = decoded.warnings
        let lines = Self.normalisedLines(decoded.text, warnings: &warnings)
        let blocks = Self.blocks(lines)
        guard !blocks.isEmpty else { throw .emptyInput("the input holds only whitespace") }

        // Assemble the text: paragraphs joined by a blank line.
        var text = ""
        text.reserveCapacity(decoded.text.utf8.count)
        var paragraphs: [Paragraph] = []
        var markup: [MarkupSpan] = []
        var metadata = Metadata()
        func append(_ paragraph: String, kind: ParagraphKind) -> TextRange {
            if !text.isEmpty { text += "\n\n" }
            let start = text.utf8.count
            text += paragraph
            let range = TextRange(start, text.utf8.count)
            paragraphs.append(Paragraph(range: range, kind: kind))
            return range
        }
        var rest = blocks[...]
        if let first = rest.first, blocks.count > 1, first.count == 1, isTitleLine(first[0]) {
            let range = append(first[0], kind: .heading)
            markup.append(MarkupSpan(range: range, tag: "title"))
            metadata.title = first[0]
            rest = rest.dropFirst()
        }
        // A dateline opens the first or, after a kicker line, the second body paragraph.
        var bodyParagraphs = 0
        for block in rest {
            for paragraph in paragraphsOf(block) {
                let range = append(paragraph, kind: .body)
                bodyParagraphs += 1
                if bodyParagraphs <= 2, metadata.dateline == nil {
                    if let length = Dateline.length(in: paragraph) {
                        let dateline = TextRange(range.start, range.start + length)
                        markup.append(MarkupSpan(range: dateline, tag: "dateline"))
                        metadata.dateline = String(decoding: paragraph.utf8.prefix(length), as: UTF8.self)
                    }
                }
            }
        }
        var document = Document(id: id, text: text,
                                source: SourceInfo(format: .text, bytes: bytes.count, encoding: decoded.encoding.rawValue,
                                                   encodingReason: decoded.reason),
                                metadata: metadata, warnings: warnings)
        document.paragraphs = paragraphs
        document.markup = markup
        return document
    }

    /// Splits text into lines with CRLF and CR normalised, trailing whitespace trimmed, NUL and
    /// other C0 controls (but tab) removed, tabs and runs of spaces collapsed.
    static func normalisedLines(_ text: String, warnings: inout [DocumentWarning]) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var removedControls = 0
        var previousWasCR = false
        func flush() {
            while let last = current.last, last == 0x20 { current.removeLast() }
            lines.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                if previousWasCR { previousWasCR = false; continue }
                flush()
            case 0x0D:
                flush()
                previousWasCR = true
                continue
            case 0x09, 0x20:
                if let last = current.last, last != 0x20 { current.append(0x20) }
            case 0x00..<0x20, 0x7F:
                removedControls += 1
            default:
                current.append(byte)
            }
            previousWasCR = false
        }
        flush()
        if removedControls > 0 {
            warnings.append(DocumentWarning(code: "control-characters-removed",
                message: "\(removedControls) control character\(removedControls == 1 ? " was" : "s were") removed (NUL or other C0 controls)"))
        }
        return lines
    }

    /// Groups lines into blank-line-separated blocks of non-empty lines.
    static func blocks(_ lines: [String]) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String] = []
        for line in lines {
            let isBlank = line.utf8.allSatisfy { $0 == 0x20 }
            if isBlank {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line.utf8.first == 0x20 ? String(line.drop(while: { $0 == " " })) : line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// The paragraphs of one block: joined when hard-wrapped, one per line otherwise.
    func paragraphsOf(_ block: [String]) -> [String] {
        guard block.count > 1 else { return block }
        let wrapped = block.dropLast().allSatisfy { $0.utf8.count <= wrapWidth }
        return wrapped ? [block.joined(separator: " ")] : block
    }

    func isTitleLine(_ line: String) -> Bool {
        let length = line.utf8.count
        guard length <= maxTitleLength, let last = line.utf8.last else { return false }
        // A line ending like a sentence is the article's first paragraph, not a headline; a
        // question or exclamation headline is still a headline, and so is one ending in an
        // abbreviation ("… to Tarvane Aerosystems Inc.").
        if last == UInt8(ascii: ",") || last == UInt8(ascii: ":") { return false }
        if last == UInt8(ascii: ".") {
            let lastWord = line.split(separator: " ").last.map(String.init) ?? ""
            return Self.headlineFinalAbbreviations.contains(lastWord)
                || lastWord.dropLast().contains(".")  // U.S., U.K., a.m.
        }
        return true
    }

    /// Abbreviations that may end a headline without making it a sentence.
    static let headlineFinalAbbreviations: Set<String> = ["Inc.", "Ltd.", "Corp.", "Co.", "Jr.", "Sr.", "Bros.", "plc.", "LLC.", "St.", "etc."]
}
