/// The element names the HTML reader distinguishes; everything else is `.other`.
///
/// Element names are mapped once, from libxml2's bytes, so later passes compare small integers
/// instead of strings.
enum HTMLTag: UInt8, Sendable {
    case text, other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, iframe, svg, math, canvas, object, embed, video, audio, picture, img
    case form, input, button, select, textarea, label, option, fieldset, dialog
    case nav, aside, footer, header, menu, figure, figcaption, address, details, summary
    case p, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd, blockquote, q, pre, code
    case table, thead, tbody, tfoot, tr, td, th, caption
    case div, section, article, main, center, span, a, br, hr, b, strong, i, em, time, small, sup, sub, cite

    /// True for elements that start a new block of text (a paragraph boundary).
    var isBlock: Bool {
        switch self {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .ul, .ol, .dl, .dt, .dd, .blockquote, .pre, .table, .thead,
             .tbody, .tfoot, .tr, .caption, .div, .section, .article, .main, .center, .html, .body, .header,
             .footer, .nav, .aside, .menu, .figure, .figcaption, .address, .details, .summary, .form, .fieldset,
             .dialog, .hr, .title, .head, .noscript, .option, .select, .textarea, .iframe, .video, .audio, .object,
             .canvas, .svg, .math, .img, .picture, .embed:
            return true
        default:
            return false
        }
    }

    /// True for headings `h1`–`h6`.
    var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }

    /// The element name used in the markup layer, for the tags that layer records.
    var markupName: String? {
        switch self {
        case .p: "p"
        case .h1: "h1"
        case .h2: "h2"
        case .h3: "h3"
        case .h4: "h4"
        case .h5: "h5"
        case .h6: "h6"
        case .li: "li"
        case .ul: "ul"
        case .ol: "ol"
        case .blockquote: "blockquote"
        case .q: "q"
        case .a: "a"
        case .pre: "pre"
        case .table: "table"
        case .tr: "tr"
        case .b: "b"
        case .strong: "strong"
        case .i: "i"
        case .em: "em"
        case .cite: "cite"
        case .dt: "dt"
        case .dd: "dd"
        default: nil
        }
    }
}

/// Bit flags computed for each node while the libxml2 tree is converted.
struct HTMLNodeFlags: OptionSet, Sendable {
    let rawValue: UInt32
    /// The element is hidden (`hidden`, `aria-hidden=true`, `display:none`, `visibility:hidden`).
    static let hidden = HTMLNodeFlags(rawValue: 1 << 0)
    /// class/id carry article vocabulary (content, article, story, body, entry, post …).
    static let positiveClass = HTMLNodeFlags(rawValue: 1 << 1)
    /// class/id carry boilerplate vocabulary (nav, footer, sidebar, related, share …).
    static let negativeClass = HTMLNodeFlags(rawValue: 1 << 2)
    /// class/id carry vocabulary that is never article text (comment, cookie, newsletter, promo, ad …).
    static let boilerplateClass = HTMLNodeFlags(rawValue: 1 << 3)
    /// `itemprop="articleBody"` (or `articleBody`-like microdata).
    static let articleBody = HTMLNodeFlags(rawValue: 1 << 4)
    /// class/id mention a byline or author.
    static let bylineClass = HTMLNodeFlags(rawValue: 1 << 5)
    /// class/id mention a caption, credit or photo.
    static let captionClass = HTMLNodeFlags(rawValue: 1 << 6)
    /// `role` is navigation, banner, contentinfo, complementary, dialog, alert or search.
    static let boilerplateRole = HTMLNodeFlags(rawValue: 1 << 7)
    /// `role="main"` or `role="article"`.
    static let mainRole = HTMLNodeFlags(rawValue: 1 << 8)
    /// An `<a>` with an `href`.
    static let link = HTMLNodeFlags(rawValue: 1 << 9)
    /// `rel="author"` on a link.
    static let relAuthor = HTMLNodeFlags(rawValue: 1 << 10)
    /// class/id mention a headline/title.
    static let titleClass = HTMLNodeFlags(rawValue: 1 << 11)
    /// class/id carry vocabulary that is never article text, whatever else they say (cookie, newsletter, disqus …).
    static let hardBoilerplateClass = HTMLNodeFlags(rawValue: 1 << 13)
    /// class/id mention a date or timestamp.
    static let dateClass = HTMLNodeFlags(rawValue: 1 << 12)
}

/// One node of the converted tree. Nodes are stored in document (pre-)order, so the descendants
/// of node `i` are exactly the nodes `i+1 ..< end`, and a parent always precedes its children.
struct HTMLNode: Sendable {
    /// Element name (or `.text` for a text node).
    var tag: HTMLTag
    /// Flags from the element's attributes.
    var flags: HTMLNodeFlags
    /// Index of the parent node, or -1 for the root.
    var parent: Int32
    /// One past the index of the last descendant.
    var end: Int32
    /// FNV-1a hash of the `class` attribute (0 when absent), to spot siblings styled like the article.
    var classHash: UInt32 = 0
    /// For text nodes: the byte range of the text in ``HTMLTree/textBytes``.
    var textStart: Int32
    /// For text nodes: end of the byte range in ``HTMLTree/textBytes``.
    var textEnd: Int32
}

/// A `<meta>` element's interesting attributes.
struct HTMLMetaTag: Sendable {
    var name: String?
    var property: String?
    var httpEquiv: String?
    var itemprop: String?
    var content: String
}

/// Page facts that metadata extraction needs, gathered during the same walk as the tree.
struct HTMLHeadFacts: Sendable {
    var metas: [HTMLMetaTag] = []
    /// `(rel, href)` of every `<link>`.
    var links: [(rel: String, href: String)] = []
    /// Raw text of every `<script type="application/ld+json">`.
    var jsonLD: [String] = []
    /// Text of the first `<title>`.
    var title: String?
    /// `lang` of the `<html>` element.
    var htmlLang: String?
    /// `datetime` of each `<time>` element with the node index of that element.
    var times: [(node: Int32, datetime: String)] = []
    /// `href` of links marked `rel="author"`, with the node index.
    var authorLinks: [Int32] = []
}

/// A libxml2 document converted to Swift values: a flat pre-order node array, the bytes of all
/// text nodes (UTF-8, as libxml2 decoded entities), and head facts for metadata.
struct HTMLTree: Sendable {
    var nodes: [HTMLNode] = []
    var textBytes: [UInt8] = []
    var head = HTMLHeadFacts()
    /// Index of the `<body>` element, if any.
    var body: Int32 = -1

    /// The raw (not collapsed) text of the subtree at `index`, whitespace collapsed to single spaces.
    func collapsedText(of index: Int, limit: Int = 4096) -> String {
        var out: [UInt8] = []
        var pendingSpace = false
        let end = Int(nodes[index].end)
        var i = index
        while i < end, out.count < limit {
            let node = nodes[i]
            if node.tag == .text {
                HTMLText.appendCollapsed(textBytes, Int(node.textStart)..<Int(node.textEnd), to: &out,
                                         pendingSpace: &pendingSpace)
            } else if node.tag.isBlock || node.tag == .br || node.tag == .td || node.tag == .th {
                pendingSpace = true
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Whitespace handling shared by the tree and the extractor.
enum HTMLText {
    /// True for ASCII whitespace bytes.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    /// Appends `bytes[range]` to `out`, turning every run of whitespace (and NBSP) into one space,
    /// never leading with a space. Returns the offset in `out` of the first byte appended, if any.
    @discardableResult
    static func appendCollapsed(_ bytes: [UInt8], _ range: Range<Int>, to out: inout [UInt8],
                                pendingSpace: inout Bool) -> Int? {
        var first: Int?
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let byte = bytes[i]
            if isSpace(byte) { pendingSpace = true; i += 1; continue }
            if byte == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }
            if pendingSpace {
                if let last = out.last, last != 0x0A { out.append(0x20) }
                pendingSpace = false
            }
            if first == nil { first = out.count }
            out.append(byte)
            i += 1
        }
        return first
    }
}
