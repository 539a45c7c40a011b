import ParleyModel

/// Finds the article in a converted page and returns its blocks in document order.
///
/// The method follows the ideas of readability and trafilatura, with general signals only:
/// 1. prune boilerplate subtrees (scripts, navigation, asides, forms, footers, hidden elements,
///    and class/id/role vocabulary such as comment, cookie, newsletter, related, share), but never a
///    subtree that holds most of the page's paragraph text, so a misnamed wrapper cannot erase the article;
/// 2. cut the rest into blocks and score each prose block (length, commas) into its ancestors,
///    weighted by tag and class/id vocabulary and discounted by link density;
/// 3. take the best container, widen it to siblings that look like article text, and drop
///    link lists, image galleries and other boilerplate inside it.
enum HTMLMainContentExtractor {
    /// The article's blocks, plus the root elements they were taken from.
    struct Result {
        var blocks: [HTMLBlock]
        var roots: [Int32]
    }

    static func extract(_ tree: HTMLTree) -> Result {
        var trace: [String]? = nil
        return extract(tree, trace: &trace)
    }

    /// As ``extract(_:)``, appending a description of the top candidates to `trace`.
    static func extract(_ tree: HTMLTree, trace: inout [String]) -> Result {
        var optional: [String]? = []
        let result = extract(tree, trace: &optional)
        trace = optional ?? []
        return result
    }

    private static func extract(_ tree: HTMLTree, trace: inout [String]?) -> Result {
        let nodes = tree.nodes
        let count = nodes.count
        guard count > 0 else { return Result(blocks: [], roots: []) }
        let start = tree.body >= 0 ? Int(tree.body) : 0

        // Inherited context, forward pass (parents precede children).
        var inLink = [Bool](repeating: false, count: count)
        var inBlockquote = [Bool](repeating: false, count: count)
        var inPre = [Bool](repeating: false, count: count)
        var inParagraph = [Bool](repeating: false, count: count)
        for i in 0..<count {
            let node = nodes[i]
            let parent = Int(node.parent)
            let p = parent >= 0
            inLink[i] = node.flags.contains(.link) || (p && inLink[parent])
            inBlockquote[i] = node.tag == .blockquote || node.tag == .q || (p && inBlockquote[parent])
            inPre[i] = node.tag == .pre || (p && inPre[parent])
            inParagraph[i] = node.tag == .p || (p && inParagraph[parent])
        }

        // Paragraph text per subtree, bottom-up, to protect the article from over-eager pruning.
        var paragraphText = [Int](repeating: 0, count: count)
        var proseText = [Int](repeating: 0, count: count)
        var subtreeText = [Int](repeating: 0, count: count)
        for i in stride(from: count - 1, through: 0, by: -1) {
            let node = nodes[i]
            if node.tag == .text {
                let length = Int(node.textEnd - node.textStart)
                subtreeText[i] = length
                if !inLink[i] {
                    proseText[i] = length
                    if inParagraph[i] { paragraphText[i] = length }
                }
            }
            let parent = Int(node.parent)
            if parent >= 0 {
                paragraphText[parent] += paragraphText[i]
                proseText[parent] += proseText[i]
                subtreeText[parent] += subtreeText[i]
            }
        }
        let totalParagraphText = max(paragraphText[start], 1)
        let totalProseText = max(proseText[start], 1)

        // Pruning decisions.
        var keep = [Bool](repeating: true, count: count)
        for i in start..<count {
            let node = nodes[i]
            let parent = Int(node.parent)
            if parent >= 0, !keep[parent] { keep[i] = false; continue }
            guard node.tag != .text else { continue }
            let protected = paragraphText[i] * 2 > totalParagraphText || proseText[i] * 2 > totalProseText
            if isAlwaysDropped(node.tag) { keep[i] = false; continue }
            if protected { continue }
            if isBoilerplate(node, text: subtreeText[i]) { keep[i] = false }
        }

        var blocks = HTMLBlockSegmenter.blocks(tree, from: start, keep: keep, inLink: inLink,
                                               inBlockquote: inBlockquote, inPre: inPre)
        guard !blocks.isEmpty else { return Result(blocks: [], roots: []) }

        // Kept text and link text per subtree (for link density of candidates).
        // Each block is added to its owner, then owners' totals flow up in one bottom-up pass
        // (children follow parents), so the cost is O(nodes + blocks) however deep the tree is;
        // walking every block's ancestors was O(blocks × depth), quadratic for unclosed tags.
        var keptText = [Int](repeating: 0, count: count)
        var keptLink = [Int](repeating: 0, count: count)
        var keptCommas = [Int](repeating: 0, count: count)
        for block in blocks {
            let node = Int(block.owner)
            keptText[node] += block.bytes.count
            keptLink[node] += block.linkBytes
            keptCommas[node] += block.commas
        }
        for i in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(nodes[i].parent)
            guard parent >= 0 else { continue }
            keptText[parent] += keptText[i]
            keptLink[parent] += keptLink[i]
            keptCommas[parent] += keptCommas[i]
        }

        // Score prose blocks into their ancestors.
        var score = [Double](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)
        var candidates: [Int] = []
        for block in blocks where block.kind == .body || block.kind == .blockquote || block.kind == .preformatted {
            let length = block.bytes.count
            guard length >= 25, block.linkDensity < 0.5 else { continue }
            let value = 1 + Double(block.commas) + min(Double(length) / 100, 3)
            var node = Int(nodes[Int(block.owner)].parent)
            if nodes[Int(block.owner)].tag != .p && nodes[Int(block.owner)].tag != .pre
                && nodes[Int(block.owner)].tag != .blockquote {
                node = Int(block.owner)  // text directly in a div-like container: the container is the paragraph's parent
            }
            var level = 0
            while node >= 0, level < 5, node >= start {
                if !scored[node] {
                    scored[node] = true
                    score[node] = initialScore(nodes[node])
                    candidates.append(node)
                }
                let divider: Double = level == 0 ? 1 : (level == 1 ? 2 : Double(level) * 3)
                score[node] += value / divider
                node = Int(nodes[node].parent)
                level += 1
            }
        }
        guard !candidates.isEmpty else {
            return Result(blocks: filterBlocks(blocks, nodes: nodes), roots: [Int32(start)])
        }
        func linkDensity(_ i: Int) -> Double { keptText[i] == 0 ? 0 : Double(keptLink[i]) / Double(keptText[i]) }
        for node in candidates { score[node] *= 1 - linkDensity(node) }
        candidates.sort { score[$0] > score[$1] }
        if trace != nil {
            for c in candidates.prefix(8) {
                trace?.append("candidate \(c) \(nodes[c].tag) flags=\(String(nodes[c].flags.rawValue, radix: 2)) score=\(Int(score[c])) text=\(keptText[c]) link=\(keptLink[c]) parent=\(nodes[c].parent)")
            }
        }
        var best = candidates[0]
        let topCandidate = best
        let bestScore = score[best]

        // Several strong candidates under one ancestor: the article is that ancestor.
        let strong = candidates.prefix(6).dropFirst().filter { score[$0] >= bestScore * 0.75 }
        if strong.count >= 2 {
            var ancestor = Int(nodes[best].parent)
            while ancestor >= start {
                let holding = strong.filter { isAncestor(ancestor, of: $0, nodes) }.count
                if holding >= min(strong.count, 2) { best = ancestor; break }
                ancestor = Int(nodes[ancestor].parent)
            }
        }
        // Scores rising again a few levels up mean more of the article lives beside the candidate.
        do {
            var ancestor = Int(nodes[best].parent)
            var lastScore = score[best]
            let floor = lastScore / 3
            while ancestor > start {
                if scored[ancestor] {
                    if score[ancestor] < floor { break }
                    if score[ancestor] > lastScore { best = ancestor; break }
                    lastScore = score[ancestor]
                }
                ancestor = Int(nodes[ancestor].parent)
            }
        }
        // A lone child: its parent is the real container.
        while best > start, Int(nodes[best].parent) >= start, elementChildren(of: Int(nodes[best].parent), nodes, keep).count == 1 {
            best = Int(nodes[best].parent)
        }

        // Widen to siblings that look like article text.
        var roots: [Int] = [best]
        let parent = Int(nodes[best].parent)
        if parent >= start {
            let threshold = max(10, score[best] * 0.2)
            roots = []
            for sibling in elementChildren(of: parent, nodes, keep) {
                if sibling == best { roots.append(sibling); continue }
                if scored[sibling], score[sibling] >= threshold { roots.append(sibling); continue }
                let density = linkDensity(sibling)
                // Styled like the article, or holding a comparable mass of prose: the article continues there.
                if nodes[best].classHash != 0, nodes[sibling].classHash == nodes[best].classHash, density < 0.4,
                   keptText[sibling] > 0 { roots.append(sibling); continue }
                if keptText[sibling] - keptLink[sibling] >= (keptText[best] - keptLink[best]) / 3, density < 0.25 {
                    roots.append(sibling); continue
                }
                if nodes[sibling].tag == .p {
                    let length = keptText[sibling]
                    if length > 80, density < 0.25 { roots.append(sibling); continue }
                }
            }
        }

        // What each subtree holds (bottom-up, one pass), for conditional cleaning.
        var contents = [Contents](repeating: Contents(), count: count)
        for i in stride(from: count - 1, through: start + 1, by: -1) {
            let tag = nodes[i].tag
            var own = contents[i]
            if keep[i] {
                switch tag {
                case .p: own.paragraphs += 1
                case .li: own.listItems += 1
                case .input, .select, .textarea, .button: own.inputs += 1
                case .h1, .h2, .h3, .h4, .h5, .h6: own.headings += 1
                default: break
                }
            }
            if tag == .img || tag == .picture { own.images += 1 }
            let parent = Int(nodes[i].parent)
            if parent >= 0 {
                contents[parent].paragraphs += own.paragraphs
                contents[parent].images += own.images
                contents[parent].listItems += own.listItems
                contents[parent].inputs += own.inputs
                contents[parent].headings += own.headings
            }
        }

        // Conditional cleaning inside the chosen roots.
        for root in roots { cleanConditionally(root: root, nodes: nodes, keep: &keep, keptText: keptText,
                                               keptLink: keptLink, keptCommas: keptCommas, score: score, scored: scored,
                                               contents: contents, protect: { i in
            i == topCandidate || isAncestor(i, of: topCandidate, nodes) || (scored[i] && score[i] >= bestScore * 0.3)
        }) }
        let rootRanges = roots.map { $0..<Int(nodes[$0].end) }
        // keptUpToRoot[i]: i and every ancestor up to (and including) the nearest enclosing root
        // are kept. One forward pass (parents precede children) instead of a walk up per block,
        // which was O(blocks × depth).
        let rootStarts = Set(roots)
        var keptUpToRoot = [Bool](repeating: false, count: count)
        for i in 0..<count {
            let parent = Int(nodes[i].parent)
            keptUpToRoot[i] = keep[i] && (rootStarts.contains(i) || parent < 0 || keptUpToRoot[parent])
        }
        blocks = blocks.filter { block in
            guard let first = block.pieces.first?.node else { return false }
            let current = Int(first)
            guard rootRanges.contains(where: { $0.contains(current) }) else { return false }
            return keptUpToRoot[current]  // dropped by conditional cleaning?
        }
        return Result(blocks: filterBlocks(blocks, nodes: nodes), roots: roots.map { Int32($0) })
    }

    /// Counts of telling elements inside a subtree.
    struct Contents {
        var paragraphs = 0, images = 0, listItems = 0, inputs = 0, headings = 0
    }

    // MARK: - Signals

    /// Elements that never carry article text.
    static func isAlwaysDropped(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .noscript, .template, .iframe, .svg, .math, .canvas, .object, .embed, .video,
             .audio, .select, .textarea, .button, .input, .option, .dialog, .head, .title, .meta, .link, .figcaption,
             .label:
            return true
        default:
            return false
        }
    }

    /// Boilerplate by element, role or class/id vocabulary.
    static func isBoilerplate(_ node: HTMLNode, text: Int) -> Bool {
        if node.flags.contains(.hidden) { return true }
        switch node.tag {
        case .nav, .aside, .footer, .header, .menu, .form, .figure, .fieldset:
            return true
        default:
            break
        }
        if node.flags.contains(.boilerplateRole) { return true }
        if node.flags.contains(.hardBoilerplateClass) { return true }
        if node.flags.contains(.boilerplateClass), node.tag != .body, node.tag != .html, node.tag != .article,
           !node.flags.contains(.articleBody), !node.flags.contains(.positiveClass) {
            return true
        }
        if node.flags.contains(.bylineClass), text < 200 { return true }
        if node.flags.contains(.captionClass), text < 300, node.tag != .p { return true }
        if node.flags.contains(.dateClass), text < 80 { return true }
        return false
    }

    /// Readability-style starting score from the tag and class/id vocabulary.
    static func initialScore(_ node: HTMLNode) -> Double {
        var value: Double
        switch node.tag {
        case .div, .article, .main, .section: value = 5
        case .pre, .td, .blockquote: value = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: value = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: value = -5
        default: value = 0
        }
        if node.flags.contains(.positiveClass) { value += 25 }
        if node.flags.contains(.negativeClass) || node.flags.contains(.boilerplateClass) { value -= 25 }
        if node.flags.contains(.articleBody) { value += 30 }
        if node.tag == .article || node.tag == .main || node.flags.contains(.mainRole) { value += 10 }
        return value
    }

    private static func classWeight(_ node: HTMLNode) -> Int {
        var weight = 0
        if node.flags.contains(.positiveClass) || node.flags.contains(.articleBody) { weight += 25 }
        if node.flags.contains(.boilerplateClass) { weight -= 25 }
        return weight
    }

    static func isAncestor(_ ancestor: Int, of node: Int, _ nodes: [HTMLNode]) -> Bool {
        ancestor < node && node < Int(nodes[ancestor].end)
    }

    /// Kept element children of `parent`, in order.
    static func elementChildren(of parent: Int, _ nodes: [HTMLNode], _ keep: [Bool]) -> [Int] {
        var children: [Int] = []
        var i = parent + 1
        let end = Int(nodes[parent].end)
        while i < end {
            if nodes[i].tag != .text, keep[i] { children.append(i) }
            i = Int(nodes[i].end)
        }
        return children
    }

    /// Readability's `_cleanConditionally`: inside the article, drop lists, tables and divs that look
    /// like link lists, galleries or widgets.
    private static func cleanConditionally(root: Int, nodes: [HTMLNode], keep: inout [Bool], keptText: [Int],
                                           keptLink: [Int], keptCommas: [Int], score: [Double], scored: [Bool],
                                           contents: [Contents], protect: (Int) -> Bool) {
        let end = Int(nodes[root].end)
        var i = root + 1
        while i < end {
            let node = nodes[i]
            guard keep[i], node.tag != .text else { i += 1; continue }
            switch node.tag {
            case .div, .section, .ul, .ol, .table, .dl, .center:
                break
            default:
                i += 1
                continue
            }
            if protect(i) { i += 1; continue }
            let weight = classWeight(node)
            let held = contents[i]
            let paragraphs = held.paragraphs, images = held.images, listItems = held.listItems
            let inputs = held.inputs, headings = held.headings
            let text = keptText[i]
            let density = text == 0 ? 0 : Double(keptLink[i]) / Double(text)
            let commas = keptCommas[i]
            let isList = node.tag == .ul || node.tag == .ol || node.tag == .dl
            let contentScore = scored[i] ? score[i] : 0
            var remove = false
            if Double(weight) + contentScore < 0 { remove = true }
            if !remove, commas < 10 {
                if images > 1, Double(paragraphs) / Double(images) < 0.5, text < 200 { remove = true }
                else if !isList, listItems - 100 > paragraphs { remove = true }
                else if inputs > paragraphs / 3 && inputs > 0 { remove = true }
                else if text < 25, paragraphs == 0, headings == 0, !isList, node.tag != .table { remove = true }
                else if weight < 25, density > 0.2, text > 0, !(isList && density < 0.5 && text > 200) { remove = true }
                else if weight >= 25, density > 0.5 { remove = true }
            }
            if remove {
                keep[i] = false
                i = Int(node.end)
            } else {
                i += 1
            }
        }
    }

    /// At least ten words and closing punctuation: running prose even when it is a link.
    static func isSentence(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last(where: { $0 != 0x20 }) else { return false }
        let closes = last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: "\"") || last == 0x9D  // … or the last byte of ” (E2 80 9D)
        guard closes else { return false }
        var words = 0
        var inWord = false
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x0A
            if !space, !inWord { words += 1 }
            inWord = !space
        }
        return words >= 10
    }

    /// Per-block filters: link-only lines, short boilerplate phrases, the headline.
    private static func filterBlocks(_ blocks: [HTMLBlock], nodes: [HTMLNode]) -> [HTMLBlock] {
        var result: [HTMLBlock] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            let tag = nodes[Int(block.owner)].tag
            if tag == .h1 { continue }
            if block.linkDensity > 0.5, block.kind != .heading || block.linkDensity > 0.9, !isSentence(block.bytes) { continue }
            if block.bytes.count < 40, HTMLBoilerplatePhrases.matches(block.bytes) { continue }
            if block.bytes.count < 120, HTMLBoilerplatePhrases.startsWithPromo(block.bytes) { continue }
            if block.kind == .body, HTMLBoilerplatePhrases.isDateLine(block.bytes) { continue }
            result.append(block)
        }
        return result
    }
}

/// Short lines that are interface text rather than article text ("Advertisement", "Share this article" …).
enum HTMLBoilerplatePhrases {
    static let phrases: Set<String> = [
        "advertisement", "advertisements", "sponsored", "sponsored content", "share", "share this", "share this article",
        "share this story", "share on facebook", "share on twitter", "tweet", "email", "print", "comments",
        "read more", "related", "related articles", "related stories", "related content", "recommended",
        "more stories", "most popular", "most read", "continue reading", "skip to content", "skip to main content",
        "subscribe", "sign up", "log in", "login", "follow us", "story continues below advertisement",
        "article continues below advertisement", "continue reading below", "scroll to continue with content",
        "ad", "back to top", "loading", "loading...", "close", "menu", "search", "next", "previous",
    ]

    /// Openings of promotional or navigational lines.
    static let promoPrefixes: [[UInt8]] = [
        "related:", "related post", "related article", "related stories", "related story", "related content",
        "you may also like", "you might also like", "popular on", "don't miss", "don’t miss", "sharing is caring",
        "like this story", "share your thoughts", "share this", "tell us what you think", "follow me on", "follow us",
        "filed under", "copyright", "©", "this slideshow requires", "subscribe to", "sign up for", "get the latest",
        "click here to", "read more", "see also", "more:", "also read", "read also", "recommended for you",
        "all rights reserved", "get our newsletter", "join our newsletter",
    ].map { Array($0.utf8) }

    /// True when a short block opens like a promotion, share prompt, copyright or "related" line.
    static func startsWithPromo(_ bytes: [UInt8]) -> Bool {
        let lowered = bytes.prefix(40).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return promoPrefixes.contains { prefix in lowered.count >= prefix.count && Array(lowered[0..<prefix.count]) == prefix }
    }

    /// True for a short line of at most eight words that holds a year or a clock time: a timestamp,
    /// not prose ("Published November 20th, 2019 - 07:29 GMT", "Updated at 1:23 p.m.").
    static func isDateLine(_ bytes: [UInt8]) -> Bool {
        guard bytes.count < 70 else { return false }
        var words = 0
        var inWord = false
        var digitRun = 0
        var hasYearOrTime = false
        for (index, byte) in bytes.enumerated() {
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isDigit {
                digitRun += 1
            } else {
                if digitRun == 4, index >= 4, bytes[index - 4] == 0x31 || bytes[index - 4] == 0x32 { hasYearOrTime = true }
                if byte == UInt8(ascii: ":"), digitRun >= 1, digitRun <= 2, index + 2 < bytes.count,
                   bytes[index + 1] >= 0x30, bytes[index + 1] <= 0x39 { hasYearOrTime = true }
                digitRun = 0
            }
            let isSpace = byte == 0x20 || byte == 0x0A
            if !isSpace, !inWord { words += 1 }
            inWord = !isSpace
        }
        if digitRun == 4 { hasYearOrTime = true }
        return hasYearOrTime && words <= 8
    }

    /// True when the block (lower-cased, trimmed of punctuation) is one of the phrases.
    static func matches(_ bytes: [UInt8]) -> Bool {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(bytes.count)
        for byte in bytes {
            let b = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            lowered.append(b == 0x0A ? 0x20 : b)
        }
        while let last = lowered.last, last == 0x20 || last == UInt8(ascii: ":") || last == UInt8(ascii: ".") { lowered.removeLast() }
        return phrases.contains(String(decoding: lowered, as: UTF8.self))
    }
}
