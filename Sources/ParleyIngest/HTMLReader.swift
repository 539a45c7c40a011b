internal import CLibXML2
import ParleyModel

/// Reads an HTML page into a ``Document`` holding only the article's own text and metadata.
///
/// (Placeholder: being replaced by the full main-content extractor.)
public struct HTMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Parses `bytes` as HTML and returns the article text with paragraphs and metadata.
    /// - Throws: ``ParleyError`` (`malformed-html`, `empty-input`) when no article text can be found.
    public func read(bytes: UnsafeBufferPointer<UInt8>, id: String) throws(ParleyError) -> Document {
        throw ParleyError.malformedHTML("HTML reading is not implemented yet")
    }
}
