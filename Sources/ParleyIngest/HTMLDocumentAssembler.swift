import ParleyModel

/// Joins extracted blocks into the document text and builds the paragraph and markup layers.
enum HTMLDocumentAssembler {
    struct Output {
        var text: String
        var paragraphs: [Paragraph]
        var markup: [MarkupSpan]
    }

    /// Joins `blocks` with a blank line. Headings that repeat the title are dropped. Markup spans
    /// cover every element with a ``HTMLTag/markupName`` between a block's text and the article root.
    static func assemble(_ blocks: [HTMLBlock], tree: HTMLTree, roots: [Int32], title: String?) -> Output {
        var out: [UInt8] = []
        var paragraphs: [Paragraph] = []
        var spans: [Int32: (start: Int, end: Int)] = [:]
        let titleKey = title.map { normalizedKey(Array($0.utf8)) }
        let rootSet = Set(roots)
        for block in blocks {
            if block.kind == .heading, let titleKey, normalizedKey(block.bytes) == titleKey { continue }
            if !out.isEmpty { out.append(0x0A); out.append(0x0A) }
            let base = out.count
            out.append(contentsOf: block.bytes)
            paragraphs.append(Paragraph(range: TextRange(base, out.count), kind: block.kind))
            for piece in block.pieces {
                let start = base + piece.range.lowerBound
                let end = base + piece.range.upperBound
                var node = tree.nodes[Int(piece.node)].parent
                var depth = 0
                while node >= 0, depth < 256 {
                    if tree.nodes[Int(node)].tag.markupName != nil {
                        if let existing = spans[node] {
                            spans[node] = (min(existing.start, start), max(existing.end, end))
                        } else {
                            spans[node] = (start, end)
                        }
                    }
                    if rootSet.contains(node) { break }
                    node = tree.nodes[Int(node)].parent
                    depth += 1
                }
            }
        }
        var markup: [MarkupSpan] = spans.compactMap { node, range in
            guard let name = tree.nodes[Int(node)].tag.markupName, range.start < range.end else { return nil }
            return MarkupSpan(range: TextRange(range.start, range.end), tag: name)
        }
        markup.sort { $0.range != $1.range ? $0.range < $1.range : $0.tag < $1.tag }
        return Output(text: String(decoding: out, as: UTF8.self), paragraphs: paragraphs, markup: markup)
    }

    /// Letters and digits only, lower-cased ASCII: for comparing a heading with the title.
    static func normalizedKey(_ bytes: [UInt8]) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) { key.append(byte) }
            else if byte >= 0x41 && byte <= 0x5A { key.append(byte | 0x20) }
            else if byte >= 0x61 && byte <= 0x7A { key.append(byte) }
        }
        return key
    }
}
