import ParleyModel
import ParleyTestSupport
import ParleyText

/// Runs the segmentation stage on blank-line-separated paragraphs.
func segment(_ text: String) throws -> Document {
    try SegmentationAnnotator().annotate(DocumentBuilder.plain(text))
}

/// The sentences of `text`, as strings.
func sentenceStrings(_ text: String) throws -> [String] {
    let document = try segment(text)
    return document.sentences.map { document.string($0.range) }
}

/// The tokens of `text`, as (text, kind) pairs that print readably in failure messages.
func tokenPairs(_ text: String) throws -> [TokenPair] {
    let document = try segment(text)
    return document.tokens.map { TokenPair(document.string($0.range), $0.kind) }
}

/// One expected or actual token.
struct TokenPair: Equatable, Sendable, CustomStringConvertible {
    let text: String
    let kind: TokenKind
    init(_ text: String, _ kind: TokenKind) {
        self.text = text
        self.kind = kind
    }
    var description: String { "\(text)/\(kind)" }
}
