import ParleyModel

/// Reads a plain-text article: decodes its bytes, normalises line ends, finds paragraphs,
/// a headline and a dateline.
///
/// The text is kept as written (only CRLF/CR become LF, and C0 control characters become
/// spaces), so report offsets point into the article exactly as the user gave it, as a Python
/// `str` read with universal newlines sees it. Paragraphs are ranges over that text:
/// blank-line-separated blocks; inside a block, lines that look hard-wrapped (every line but the
/// last at most ``wrapWidth`` bytes) form one paragraph, otherwise each line is a paragraph of its
/// own, which is how many feeds and copy-pastes lay articles out.
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
        let text = Self.normalised(decoded.text, warnings: &warnings)
        let utf8 = Array(text.utf8)
        let blocks = Self.blocks(Self.lines(utf8))
        guard !blocks.isEmpty else { throw .emptyInput("the input holds only whitespace") }

        var paragraphs: [Paragraph] = []
        var markup: [MarkupSpan] = []
        var metadata = Metadata()
        func string(_ range: TextRange) -> String { String(decoding: utf8[range.start..<range.end], as: UTF8.self) }
        var rest = blocks[...]
        if let first = rest.first, blocks.count > 1, first.count == 1, isTitleLine(string(first[0])) {
            paragraphs.append(Paragraph(range: first[0], kind: .heading))
            markup.append(MarkupSpan(range: first[0], tag: "title"))
            metadata.title = string(first[0])
            rest = rest.dropFirst()
        }
        // A dateline opens the first or, after a kicker line, the second body paragraph.
        var bodyParagraphs = 0
        for block in rest {
            for range in paragraphsOf(block) {
                paragraphs.append(Paragraph(range: range, kind: .body))
                bodyParagraphs += 1
                if bodyParagraphs <= 2, metadata.dateline == nil, let length = Dateline.length(inUTF8: utf8[range.start..<range.end]) {
                    let dateline = TextRange(range.start, range.start + length)
                    markup.append(MarkupSpan(range: dateline, tag: "dateline"))
                    metadata.dateline = string(dateline)
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

    /// The text with CRLF and CR turned into LF and C0 controls (but tab and LF) into spaces, so
    /// every later offset still lines up with the input.
    static func normalised(_ text: String, warnings: inout [DocumentWarning]) -> String {
        var text = text
        var replaced = 0
        // Scan the contiguous UTF-8 storage (String.UTF8View's iterator is several times slower).
        let repaired: [UInt8]? = text.withUTF8 { source in
            // Line feeds and tabs stay; the scan skips from one control byte to the next.
            var control = ControlByteScan.firstControl(in: source, from: 0)
            while control < source.count, source[control] == 0x0A || source[control] == 0x09 {
                control = ControlByteScan.firstControl(in: source, from: control + 1)
            }
            guard control < source.count else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var previousWasCR = false
            for byte in source {
                defer { previousWasCR = byte == 0x0D }
                switch byte {
                case 0x0D: bytes.append(0x0A)
                case 0x0A: if !previousWasCR { bytes.append(0x0A) }
                case 0x09: bytes.append(byte)
                case 0x00..<0x20, 0x7F: bytes.append(0x20); replaced += 1
                default: bytes.append(byte)
                }
            }
            return bytes
        }
        guard let repaired else { return text }
        if replaced > 0 {
            warnings.append(DocumentWarning(code: "control-characters-replaced",
                message: "\(replaced) control character\(replaced == 1 ? " was" : "s were") replaced with a space (NUL or other C0 controls)"))
        }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// Each line's range with leading and trailing spaces and tabs left out; blank lines are empty ranges.
    static func lines(_ bytes: [UInt8]) -> [TextRange] {
        bytes.withUnsafeBufferPointer { bytes in
            var lines: [TextRange] = []
            var start = 0
            while start <= bytes.count {
                // The next line feed: only tabs and line feeds are left below 0x20 by `normalised`.
                var index = ControlByteScan.firstControl(in: bytes, from: start)
                while index < bytes.count, bytes[index] != 0x0A { index = ControlByteScan.firstControl(in: bytes, from: index + 1) }
                var low = start, high = index
                while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
                while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
                lines.append(TextRange(low, high))
                start = index + 1
            }
            return lines
        }
    }

    /// Groups non-blank lines into blank-line-separated blocks.
    static func blocks(_ lines: [TextRange]) -> [[TextRange]] {
        var blocks: [[TextRange]] = []
        var current: [TextRange] = []
        for line in lines {
            if line.isEmpty {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// The paragraphs of one block: the whole block when hard-wrapped, one per line otherwise.
    func paragraphsOf(_ block: [TextRange]) -> [TextRange] {
        guard block.count > 1 else { return block }
        let wrapped = block.dropLast().allSatisfy { $0.length <= wrapWidth }
        return wrapped ? [TextRange(block[0].start, block[block.count - 1].end)] : block
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
