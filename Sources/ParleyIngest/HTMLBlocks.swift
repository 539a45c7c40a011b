import ParleyModel

/// One block of text (a paragraph, heading, list item, table row …) cut from the tree in
/// document order, with the text already whitespace-collapsed.
struct HTMLBlock: Sendable {
    /// The UTF-8 bytes of the block.
    var bytes: [UInt8]
    /// The innermost block-level element that owns the text.
    var owner: Int32
    /// Structural role.
    var kind: ParagraphKind
    /// Bytes of the block that sit inside links.
    var linkBytes: Int
    /// Commas in the block (a sign of running prose).
    var commas: Int
    /// The text nodes that make up the block: node index and byte range inside ``bytes``.
    var pieces: [(node: Int32, range: Range<Int>)]

    /// Link bytes over all bytes.
    var linkDensity: Double { bytes.isEmpty ? 0 : Double(linkBytes) / Double(bytes.count) }
}

/// Cuts a tree into ``HTMLBlock``s: text accumulates into the innermost open block element, and
/// every block-level boundary (opening or closing) ends the current block. `<br>` becomes a
/// newline inside a block. Subtrees for which `keep` is false are skipped entirely.
enum HTMLBlockSegmenter {
    static func blocks(_ tree: HTMLTree, from start: Int, keep: [Bool], inLink: [Bool], inBlockquote: [Bool],
                       inPre: [Bool]) -> [HTMLBlock] {
        var blocks: [HTMLBlock] = []
        let nodes = tree.nodes
        guard start >= 0, start < nodes.count else { return blocks }
        let end = Int(nodes[start].end)
        var openBlocks: [(index: Int32, end: Int32)] = []
        var current: [UInt8] = []
        var pieces: [(node: Int32, range: Range<Int>)] = []
        var linkBytes = 0
        var commas = 0
        var pendingSpace = false
        var pendingNewline = false

        func flush() {
            if !current.isEmpty {
                let owner = openBlocks.last?.index ?? Int32(start)
                blocks.append(HTMLBlock(bytes: current, owner: owner,
                                        kind: kind(of: owner), linkBytes: linkBytes, commas: commas, pieces: pieces))
            }
            current = []
            pieces = []
            linkBytes = 0
            commas = 0
            pendingSpace = false
            pendingNewline = false
        }
        func kind(of owner: Int32) -> ParagraphKind {
            let tag = nodes[Int(owner)].tag
            if tag.isHeading { return .heading }
            switch tag {
            case .li, .dt, .dd: return .listItem
            case .tr, .table, .thead, .tbody, .tfoot: return .tableRow
            case .pre: return .preformatted
            case .blockquote: return .blockquote
            default: return inBlockquote[Int(owner)] ? .blockquote : .body
            }
        }

        func record(i: Int, first: Int) {
            let range = first..<current.count
            pieces.append((Int32(i), range))
            if inLink[i] { linkBytes += range.count }
            for byte in current[range] where byte == UInt8(ascii: ",") { commas += 1 }
        }
        func appendPre(_ bytes: [UInt8], _ range: Range<Int>, i: Int) {
            var first: Int?
            for index in range {
                let byte = bytes[index]
                if byte == 0x0A {
                    pendingNewline = true
                    continue
                }
                if HTMLText.isSpace(byte) { pendingSpace = true; continue }
                if pendingNewline, !current.isEmpty { current.append(0x0A); pendingSpace = false }
                else if pendingSpace, !current.isEmpty { current.append(0x20); pendingSpace = false }
                pendingNewline = false
                pendingSpace = false
                if first == nil { first = current.count }
                current.append(byte)
            }
            if let first { record(i: i, first: first) }
        }

        func hasContent(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
            for index in range where !HTMLText.isSpace(bytes[index]) { return true }
            return false
        }

        var i = start
        while i < end {
            while let top = openBlocks.last, top.end <= Int32(i) {
                flush()
                openBlocks.removeLast()
            }
            let node = nodes[i]
            if !keep[i] {
                if node.tag != .text, node.tag.isBlock { flush() } else { pendingSpace = true }
                i = Int(node.end)
                continue
            }
            switch node.tag {
            case .text:
                if inPre[i] {
                    appendPre(tree.textBytes, Int(node.textStart)..<Int(node.textEnd), i: i)
                } else {
                    let range = Int(node.textStart)..<Int(node.textEnd)
                    if pendingNewline, hasContent(tree.textBytes, range) {
                        if !current.isEmpty, current.last != 0x0A { current.append(0x0A) }
                        pendingSpace = false
                        pendingNewline = false
                    }
                    if let first = HTMLText.appendCollapsed(tree.textBytes, Int(node.textStart)..<Int(node.textEnd),
                                                            to: &current, pendingSpace: &pendingSpace) {
                        record(i: i, first: first)
                    }
                }
            case .br:
                pendingNewline = true
            case .td, .th:
                pendingSpace = true
            default:
                if node.tag.isBlock {
                    flush()
                    if node.end > Int32(i + 1) { openBlocks.append((Int32(i), node.end)) }
                } else if !current.isEmpty {
                    // Inline element: no space unless the source has one.
                }
            }
            i += 1
        }
        while !openBlocks.isEmpty { flush(); openBlocks.removeLast() }
        flush()
        return blocks
    }
}
