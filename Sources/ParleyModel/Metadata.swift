/// Facts about an article that are not its text: what a reader finds in a page's header.
public struct Metadata: Hashable, Sendable {
    /// Headline, without a site-name suffix.
    public var title: String?
    /// Author(s) as written.
    public var byline: String?
    /// Publication date and time, ISO 8601.
    public var published: String?
    /// Canonical URL.
    public var url: String?
    /// BCP 47 language tag, such as `en` or `en-GB`.
    public var language: String?
    /// Name of the publication.
    public var siteName: String?
    /// A dateline such as `NAIROBI (AP) —`, as written.
    public var dateline: String?

    /// Creates a value from its parts.
    public init(title: String? = nil, byline: String? = nil, published: String? = nil, url: String? = nil,
                language: String? = nil, siteName: String? = nil, dateline: String? = nil) {
        self.title = title
        self.byline = byline
        self.published = published
        self.url = url
        self.language = language
        self.siteName = siteName
        self.dateline = dateline
    }
}

/// The input format an article arrived in.
public enum SourceFormat: String, Hashable, Sendable {
    case text, html
}

/// Where the text came from and how its bytes were decoded.
public struct SourceInfo: Hashable, Sendable {
    /// Plain text or HTML.
    public var format: SourceFormat
    /// Size of the raw input in bytes.
    public var bytes: Int
    /// Canonical name of the encoding used to decode the input (`utf-8`, `windows-1252`, `utf-16le` …).
    public var encoding: String
    /// Why that encoding was chosen (`bom`, `meta-charset`, `http-equiv`, `utf8-valid`, `fallback` …).
    public var encodingReason: String

    /// Creates a value from its parts.
    public init(format: SourceFormat, bytes: Int, encoding: String, encodingReason: String) {
        self.format = format
        self.bytes = bytes
        self.encoding = encoding
        self.encodingReason = encodingReason
    }
}

/// Something a stage could work around but the user should know (repaired bytes, a guessed encoding).
public struct DocumentWarning: Hashable, Sendable {
    /// Stable machine-readable code, such as `invalid-utf8-repaired`.
    public var code: String
    /// A sentence for humans.
    public var message: String

    /// Creates a value from its parts.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
