import ParleyKit

/// HTML ingestion: encoding detection, libxml2 parse, tree walk, main-content extraction,
/// metadata. Any input must give a document whose layers lie inside its text, or a ParleyError.
/// `-parse-as-library` keeps this file from emitting `main`; libFuzzer's runtime supplies it.
let reader = Parley(lexicons: nil, maxBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let document = try? reader.analyze(ArticleInput(id: "fuzz", bytes: bytes, format: .html), depth: .ingest) else { return 0 }
    let length = document.text.utf8.count
    for paragraph in document.paragraphs {
        precondition(paragraph.range.start <= paragraph.range.end && paragraph.range.end <= length, "paragraph outside the text")
    }
    for span in document.markup { precondition(span.range.end <= length, "markup outside the text") }
    return 0
}
