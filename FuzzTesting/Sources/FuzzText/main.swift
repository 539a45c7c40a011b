import ParleyKit

/// Plain-text ingestion (decoding, line ends, paragraphs, dateline) followed by the whole
/// pipeline, which starts with segmentation; checks that tokens and sentences are ordered,
/// inside the text and that every token belongs to exactly one sentence.
let parley = Parley(maxBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let document = try? parley.analyze(ArticleInput(id: "fuzz", bytes: bytes, format: .text)) else { return 0 }
    let length = document.text.utf8.count
    var previousEnd = 0
    for token in document.tokens {
        precondition(token.range.start >= previousEnd && token.range.start < token.range.end && token.range.end <= length,
                     "tokens must be non-empty, ordered and inside the text")
        previousEnd = token.range.end
    }
    var nextToken = 0
    for sentence in document.sentences {
        precondition(sentence.tokens.lowerBound == nextToken && !sentence.tokens.isEmpty, "sentences must tile the tokens")
        nextToken = sentence.tokens.upperBound
    }
    precondition(nextToken == document.tokens.count, "every token is in a sentence")
    return 0
}
