import ParleyModel

/// Splits the bytes of one paragraph into ``Token``s.
///
/// Works directly on UTF-8 bytes: ASCII is classified with one table load (``ByteClass``) and
/// only bytes ≥ 0x80 decode a scalar (``ScalarClass``). It allocates nothing per token beyond
/// appending to the caller's array. The rules themselves live in ``TokenScanner``.
struct Tokenizer: Sendable {
    /// Abbreviations whose period is part of the word.
    let abbreviations: Abbreviations

    /// Appends the tokens of `bytes[range]` to `tokens`, in text order.
    /// - Parameters:
    ///   - bytes: the whole document text, so ranges stay document offsets.
    ///   - range: the paragraph; it must start and end on scalar boundaries.
    ///   - tokens: the document's token array, appended to.
    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        ByteClass.table.withUnsafeBufferPointer { table in
            var scanner = TokenScanner(bytes: bytes, table: table, start: range.lowerBound, end: range.upperBound,
                                       abbreviations: abbreviations)
            scanner.run(into: &tokens)
        }
    }
}
