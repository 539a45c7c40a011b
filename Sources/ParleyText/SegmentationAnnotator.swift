import ParleyModel

/// Splits a document's paragraphs into tokens and sentences (layers `tokens` and `sentences`).
///
/// Each paragraph is tokenized (``Tokenizer``) and then split into sentences
/// (``SentenceSplitter``); sentences never cross a paragraph boundary, and a paragraph that ends
/// without final punctuation (a headline, a list item) still ends its sentence.
///
/// **Datelines.** When the `markup` layer holds a span tagged `dateline` (`NAIROBI (AP) —`),
/// the dateline is its own sentence: the sentence after it starts with the story's first word.
/// Keeping it as a sentence (rather than dropping its tokens) means every token belongs to
/// exactly one sentence, and later stages can still skip it by its markup span.
///
/// Everything runs on the UTF-8 bytes of the text, without `Character` iteration, regular
/// expressions or per-token allocation, so segmentation stays a small part of pipeline time.
public struct SegmentationAnnotator: Stage {
    /// `segmentation`, as named in pipeline errors.
    public let name = "segmentation"
    /// Only paragraphs are needed; `markup` is used for datelines when present.
    public let requires: Set<LayerKey> = [.paragraphs]
    /// Tokens and sentences.
    public let produces: Set<LayerKey> = [.tokens, .sentences]

    private let tokenizer: Tokenizer
    private let splitter: SentenceSplitter

    /// Creates the annotator.
    /// - Parameter abbreviations: abbreviations whose period belongs to the word (default: English news).
    public init(abbreviations: Abbreviations = .english) {
        tokenizer = Tokenizer(abbreviations: abbreviations)
        splitter = SentenceSplitter(abbreviations: abbreviations)
    }

    /// Returns `document` with its `tokens` and `sentences` layers filled (replacing any earlier ones).
    /// - Parameter document: a document with paragraphs.
    /// - Returns: the document with tokens and sentences in text order.
    /// - Throws: never at present; the signature follows ``Stage``.
    public func annotate(_ document: Document) throws(ParleyError) -> Document {
        var document = document
        let (tokens, sentences) = segment(document)
        document.tokens = tokens
        document.sentences = sentences
        return document
    }

    /// Tokens and sentences for every paragraph, in text order.
    private func segment(_ document: Document) -> ([Token], [Sentence]) {
        // Ends of datelines, ascending: the sentence splitter breaks before the first token after each.
        let datelineEnds = document.markup.lazy.filter { $0.tag == "dateline" }.map(\.range.end).sorted()
        // Paragraphs are normally sorted and disjoint already; sorting and clamping below makes the
        // layers sorted and non-overlapping even if they are not.
        var paragraphs = document.paragraphs
        if !paragraphs.isEmpty && !zip(paragraphs, paragraphs.dropFirst()).allSatisfy({ $0.range <= $1.range }) {
            paragraphs.sort { $0.range < $1.range }
        }
        return document.withUTF8 { bytes in
            var tokens: [Token] = []
            var sentences: [Sentence] = []
            // News English averages about six bytes per word plus punctuation.
            tokens.reserveCapacity(bytes.count / 5 + 16)
            sentences.reserveCapacity(bytes.count / 120 + 4)
            var covered = 0
            var datelineIndex = datelineEnds.startIndex
            for paragraph in paragraphs {
                let lower = min(max(paragraph.range.start, covered), bytes.count)
                let upper = min(max(paragraph.range.end, lower), bytes.count)
                covered = upper
                let firstToken = tokens.count
                tokenizer.tokenize(bytes, range: lower..<upper, into: &tokens)
                while datelineIndex < datelineEnds.endIndex && datelineEnds[datelineIndex] <= lower { datelineIndex += 1 }
                var datelineStop = datelineIndex
                while datelineStop < datelineEnds.endIndex && datelineEnds[datelineStop] < upper { datelineStop += 1 }
                tokens.withUnsafeBufferPointer { tokenBuffer in
                    splitter.split(bytes, tokens: tokenBuffer, paragraph: firstToken..<tokenBuffer.count,
                                   forcedBreaks: datelineEnds[datelineIndex..<datelineStop], into: &sentences)
                }
            }
            return (tokens, sentences)
        }
    }
}
