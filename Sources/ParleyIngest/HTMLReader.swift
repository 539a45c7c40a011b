import ParleyModel

/// Reads an HTML page into a ``Document`` holding only the article's own text and metadata.
///
/// Steps: decide the encoding from the raw bytes (BOM, `<meta>` prescan, UTF-8 validity,
/// windows-1252 fallback) and decode to UTF-8 ourselves; parse with libxml2 and convert the tree
/// (``HTMLTreeWalker``); find the article (``HTMLMainContentExtractor``); read metadata
/// (``HTMLMetadataExtractor``). The text is the article's blocks joined by a blank line; inside a
/// block whitespace is collapsed and `<br>` becomes a newline. The headline is not part of the text:
/// it goes to ``Metadata/title``.
public struct HTMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Parses `bytes` as HTML and returns the article text with paragraphs, markup and metadata.
    /// - Parameters:
    ///   - bytes: the raw page, in any encoding the reader can detect.
    ///   - id: the document identifier for reports.
    /// - Returns: the document; its text is empty (with a `no-main-content` warning) when the page has no article text.
    /// - Throws: ``ParleyError`` `empty-input` for empty or whitespace-only input, `malformed-html` when
    ///   libxml2 finds no document, `too-large` above libxml2's 2 GiB limit.
    /// The page without a DOCTYPE internal subset (`<!DOCTYPE html [ <!ENTITY …> ]>`): libxml2's HTML
    /// parser never expands its entities (good) but reads its declarations as page text (bad).
    static func withoutInternalSubset(_ text: String) -> String {
        let bytes = Array(text.utf8.prefix(4096))
        guard let doctype = find(Array("<!doctype".utf8), in: bytes, caseInsensitive: true) else { return text }
        var index = doctype + 9
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "[") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return text }
        // The subset ends at "]>"; it may be longer than the prefix we scanned.
        let all = Array(text.utf8)
        guard let close = find(Array("]>".utf8), in: all, from: index) else { return text }
        return String(decoding: all[..<index] + [UInt8(ascii: ">")] + all[(close + 2)...], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0, caseInsensitive: Bool = false) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for offset in start...(haystack.count - needle.count) {
            var matches = true
            for (position, byte) in needle.enumerated() {
                var candidate = haystack[offset + position]
                if caseInsensitive, candidate >= 0x41, candidate <= 0x5A { candidate |= 0x20 }
                if candidate != byte { matches = false; break }
            }
            if matches { return offset }
        }
        return nil
    }

    /// Reads `bytes` as an HTML page (see the type’s documentation).
    public func read(bytes: UnsafeBufferPointer<UInt8>, id: String) throws(ParleyError) -> Document {
        guard bytes.contains(where: { !HTMLText.isSpace($0) }) else {
            throw ParleyError.emptyInput("the HTML input is empty or only whitespace")
        }
        let decoded = Self.decode(bytes)
        guard decoded.text.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }) else {
            throw ParleyError.emptyInput("the HTML input holds only a byte-order mark and whitespace")
        }
        var warnings = decoded.warnings
        var (utf8, droppedAttributes) = HTMLAttributeLimiter.limited(Self.withoutInternalSubset(decoded.text))
        if droppedAttributes > 0 {
            warnings.append(DocumentWarning(code: "attributes-dropped",
                message: "\(droppedAttributes) attributes beyond \(HTMLAttributeLimiter.maxAttributes) per element were ignored"))
        }
        let parsed: Result<HTMLTree, ParleyError> = utf8.withUTF8 { buffer in
            Result { () throws(ParleyError) in try HTMLTreeWalker.parse(utf8: buffer) }
        }
        let tree = try parsed.get()
        let metadata = HTMLMetadataExtractor.extract(tree)
        let content = HTMLMainContentExtractor.extract(tree)
        let assembled = HTMLDocumentAssembler.assemble(content.blocks, tree: tree, roots: content.roots,
                                                       title: metadata.title)
        if assembled.text.isEmpty {
            warnings.append(DocumentWarning(code: "no-main-content", message: "no article text was found in the page"))
        }
        var document = Document(id: id, text: assembled.text,
                                source: SourceInfo(format: .html, bytes: bytes.count, encoding: decoded.encoding.rawValue,
                                                   encodingReason: decoded.reason),
                                metadata: metadata, warnings: warnings)
        document.paragraphs = assembled.paragraphs
        document.markup = assembled.markup
        return document
    }

    /// BOM, then the `<meta>` prescan, then UTF-8 validity, then windows-1252.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> DecodedText {
        if TextDecoding.byteOrderMark(bytes) != nil { return TextDecoding.decodeUnknown(bytes) }
        if let declaration = HTMLCharsetSniffer.prescan(bytes) {
            if let encoding = TextEncoding(label: declaration.label) {
                return TextDecoding.decodeUnknown(bytes, declared: encoding, declaredReason: declaration.reason)
            }
            var decoded = TextDecoding.decodeUnknown(bytes)
            decoded.warnings.append(DocumentWarning(code: "unsupported-charset",
                message: "the page declares charset \(declaration.label), which Parley does not decode; detected \(decoded.encoding.rawValue) instead"))
            return decoded
        }
        return TextDecoding.decodeUnknown(bytes)
    }
}
