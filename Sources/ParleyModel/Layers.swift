/// The named annotation layers a ``Document`` can carry; stages declare which they need and add.
public enum LayerKey: String, Hashable, Sendable, CaseIterable, Comparable {
    case paragraphs, markup, sentences, tokens, entities, quotes, stance

    /// The key's bit in a document's record of filled layers.
    var bit: UInt8 {
        switch self {
        case .paragraphs: 1
        case .markup: 2
        case .sentences: 4
        case .tokens: 8
        case .entities: 16
        case .quotes: 32
        case .stance: 64
        }
    }

    /// Orders keys in declaration order.
    public static func < (lhs: LayerKey, rhs: LayerKey) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// What a paragraph is, as far as ingestion could tell.
public enum ParagraphKind: String, Hashable, Sendable {
    /// Ordinary running text.
    case body
    /// A heading inside the article (HTML `h1`–`h6`, or a short title line in plain text).
    case heading
    /// An item of a list.
    case listItem
    /// A block quotation.
    case blockquote
    /// A table row rendered as text.
    case tableRow
    /// Preformatted text.
    case preformatted
}

/// A paragraph of the extracted text: the unit that separates blocks in `parley text` output.
public struct Paragraph: Hashable, Sendable {
    /// The bytes of the paragraph, without the separating blank line.
    public var range: TextRange
    /// Structural role.
    public var kind: ParagraphKind

    /// Creates a value from its parts.
    public init(range: TextRange, kind: ParagraphKind = .body) {
        self.range = range
        self.kind = kind
    }
}

/// A span that records markup seen in the source (HTML element names such as `p`, `h2`,
/// `blockquote`, `q`, `a`, `li`; `title` and `dateline` for plain text), so later stages can use it.
public struct MarkupSpan: Hashable, Sendable {
    /// Text covered by the element.
    public var range: TextRange
    /// Lower-case element name or plain-text structure name.
    public var tag: String

    /// Creates a value from its parts.
    public init(range: TextRange, tag: String) {
        self.range = range
        self.tag = tag
    }
}

/// The lexical class of a token.
public enum TokenKind: UInt8, Hashable, Sendable {
    /// Letters, possibly with inner hyphens, apostrophes or periods (`well-known`, `U.S.`, `don't`).
    case word
    /// Digits with optional separators (`3.5`, `1,200`, `10:30`, `2024-01-05`).
    case number
    /// Any other punctuation or symbol.
    case punctuation
    /// A quotation mark, straight or typographic, alone.
    case quote
    /// A possessive clitic split from its word (`'s`, `’s`, or a lone `'` after a plural).
    case possessive
    /// A web address.
    case url
    /// An e-mail address.
    case email
}

/// One token: a byte range and its kind.
public struct Token: Hashable, Sendable {
    /// The bytes of the token.
    public var range: TextRange
    /// Its lexical class.
    public var kind: TokenKind

    /// Creates a value from its parts.
    public init(range: TextRange, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }
}

/// One sentence: its byte range and the tokens it holds.
public struct Sentence: Hashable, Sendable {
    /// The bytes of the sentence, from its first to its last token.
    public var range: TextRange
    /// Indices into ``Document/tokens`` of the tokens it holds.
    public var tokens: Range<Int>

    /// Creates a value from its parts.
    public init(range: TextRange, tokens: Range<Int>) {
        self.range = range
        self.tokens = tokens
    }
}
