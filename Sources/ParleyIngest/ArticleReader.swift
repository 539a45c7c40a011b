import ParleyModel

/// How the caller says an input should be read.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Sniff the content (and use the file extension as a hint).
    case auto
    /// Plain text.
    case text
    /// HTML.
    case html
}

/// The entry point of ingestion: checks limits, rejects binary files, picks the reader.
public struct ArticleReader: Sendable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    private let plainText = PlainTextReader()
    private let html = HTMLReader()

    /// The default size limit: far above any real article, low enough to bound memory per worker.
    public static let defaultMaxBytes = 32 * 1024 * 1024

    /// Creates a reader that rejects inputs above `maxBytes`.
    public init(maxBytes: Int = ArticleReader.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// Reads one article.
    /// - Parameters:
    ///   - bytes: the raw input.
    ///   - id: the identifier reports will carry.
    ///   - format: `auto` to sniff, or a forced format.
    ///   - pathExtension: the file extension, a hint for `auto` (lower case, without the dot).
    /// - Throws: ``ParleyError`` with codes `too-large`, `empty-input`, `binary-input`, `malformed-html`.
    public func read(bytes: UnsafeBufferPointer<UInt8>, id: String, format: InputFormat = .auto,
                     pathExtension: String? = nil) throws(ParleyError) -> Document {
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        guard bytes.contains(where: { !Self.isASCIIWhitespace($0) }) else {
            throw .emptyInput(bytes.isEmpty ? "the input is empty" : "the input holds only whitespace")
        }
        if let kind = BinarySniffer.binaryKind(bytes) {
            throw .binaryInput("the input looks like \(kind), not text or HTML")
        }
        let resolved: InputFormat
        switch format {
        case .auto:
            let hintedHTML = ["html", "htm", "xhtml"].contains(pathExtension ?? "")
            resolved = hintedHTML || Self.looksLikeHTML(bytes) ? .html : .text
        default:
            resolved = format
        }
        return resolved == .html ? try html.read(bytes: bytes, id: id) : try plainText.read(bytes: bytes, id: id)
    }

    /// True when the first kilobyte looks like markup: a doctype, `<html>`, `<head>`, `<body>`,
    /// or several common block tags.
    public static func looksLikeHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if let (_, length) = TextDecoding.byteOrderMark(bytes) { start = length }
        while start < bytes.count, isASCIIWhitespace(bytes[start]) { start += 1 }
        // Every test below needs markup first; plain text is told at once, without copying the window.
        guard start < bytes.count, bytes[start] == UInt8(ascii: "<") else { return false }
        let window = Array(bytes[start..<min(bytes.count, start + 1024)]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func hasPrefix(_ text: String) -> Bool { window.starts(with: text.utf8) }
        if hasPrefix("<!doctype html") || hasPrefix("<html") || hasPrefix("<head") || hasPrefix("<body") { return true }
        if hasPrefix("<?xml"), contains(window, "<html") { return true }
        guard window.first == UInt8(ascii: "<") else { return false }
        let tags = ["<p>", "<p ", "<div", "<br", "<span", "<article", "<meta", "<title", "<h1", "<a href", "<table"]
        return tags.filter { contains(window, $0) }.count >= 2
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard haystack.count >= pattern.count else { return false }
        for index in 0...(haystack.count - pattern.count) where haystack[index] == pattern[0] {
            if haystack[index..<index + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }

    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x0B
    }
}
