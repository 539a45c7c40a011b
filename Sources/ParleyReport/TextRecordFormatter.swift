import ParleyModel

/// Renders the `parley text --format jsonl` record: an article's metadata and extracted text.
public struct TextRecordFormatter: Sendable {
    /// Creates a formatter.
    public init() {}

    /// `{"id", "title", "byline", "published", "url", "language", "text"}` as one compact JSON line (no newline).
    public func format(_ document: Document) -> [UInt8] {
        var json = JSONWriter(reservingCapacity: document.byteCount + 512)
        json.beginObject()
        json.field("id", document.id)
        json.field("title", document.metadata.title)
        json.field("byline", document.metadata.byline)
        json.field("published", document.metadata.published)
        json.field("url", document.metadata.url)
        json.field("language", document.metadata.language)
        json.field("siteName", document.metadata.siteName)
        json.field("encoding", document.source.encoding)
        json.field("text", document.renderedText())
        json.endObject()
        return json.bytes
    }
}
