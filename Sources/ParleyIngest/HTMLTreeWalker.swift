internal import CLibXML2
import ParleyModel

/// Parses UTF-8 HTML with libxml2 and converts the tree into an ``HTMLTree`` inside one call.
///
/// This is the only file that sees libxml2. Every pointer stays inside ``parse(utf8:)``: the
/// document is created, walked iteratively (no recursion, so hostile nesting cannot overflow the
/// stack) and freed before the function returns.
enum HTMLTreeWalker {
    /// RECOVER|NOERROR|NOWARNING|NONET|COMPACT: tolerate broken markup, stay silent, never fetch.
    /// XML_PARSE_HUGE lifts libxml2's 256-level depth limit, which otherwise *halts* the parse and
    /// silently drops the rest of a deeply nested page; input size is bounded by the caller, and
    /// the conversion below is iterative, so depth costs only heap.
    static let parseOptions: Int32 = Int32(bitPattern:
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
        | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)

    /// `xmlInitParser` exactly once, thread-safely (Swift runs a `static let` initialiser once).
    private static let initialized: Void = {
        xmlInitParser()
    }()

    /// Parses `utf8` (already decoded to UTF-8 by Parley) and converts it.
    /// - Throws: `malformed-html` when libxml2 yields no document or no root element, `too-large`
    ///   when the input does not fit libxml2's `Int32` length.
    static func parse(utf8: UnsafeBufferPointer<UInt8>) throws(ParleyError) -> HTMLTree {
        guard utf8.count <= Int(Int32.max) else { throw ParleyError.tooLarge(bytes: utf8.count, limit: Int(Int32.max)) }
        guard let doc = readDocument(utf8) else { throw ParleyError.malformedHTML("libxml2 produced no document") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            throw ParleyError.malformedHTML("the page has no root element")
        }
        return convert(root: root, sizeHint: utf8.count)
    }

    /// Calls libxml2 with the fixed options, after silencing errors and refusing external entities
    /// on this thread (both are thread-local/global settings that must precede the parse).
    static func readDocument(_ utf8: UnsafeBufferPointer<UInt8>) -> htmlDocPtr? {
        _ = initialized
        cxml_silence_errors_on_this_thread()
        cxml_refuse_external_entities()
        guard let base = utf8.baseAddress, utf8.count > 0 else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
            htmlReadMemory(chars, Int32(utf8.count), nil, "UTF-8", parseOptions)
        }
    }

    // MARK: - Conversion

    private static func convert(root: xmlNodePtr, sizeHint: Int) -> HTMLTree {
        var tree = HTMLTree()
        tree.nodes.reserveCapacity(sizeHint / 40)
        tree.textBytes.reserveCapacity(sizeHint / 3)
        var open: [Int32] = []
        var scratch: [UInt8] = []
        scratch.reserveCapacity(128)
        var current: xmlNodePtr? = root
        while let node = current {
            var descend = false
            let type = node.pointee.type
            if type == XML_ELEMENT_NODE {
                let tag: HTMLTag = node.pointee.name.map { HTMLTagNames.tag($0) } ?? .other
                let index = Int32(tree.nodes.count)
                var classHash: UInt32 = 0
                let flags = attributes(of: node, tag: tag, index: index, tree: &tree, scratch: &scratch,
                                       classHash: &classHash)
                tree.nodes.append(HTMLNode(tag: tag, flags: flags, parent: open.last ?? -1, end: index + 1,
                                           classHash: classHash, textStart: 0, textEnd: 0))
                switch tag {
                case .script:
                    if isJSONLD(node) { tree.head.jsonLD.append(childText(node)) }
                case .style, .template, .svg, .math, .iframe, .canvas, .object, .select, .textarea, .button:
                    break
                case .title:
                    if tree.head.title == nil { tree.head.title = childText(node) }
                default:
                    if tag == .body, tree.body < 0 { tree.body = index }
                    descend = node.pointee.children != nil
                }
                if descend {
                    open.append(index)
                    current = node.pointee.children
                    continue
                }
            } else if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = node.pointee.content {
                let length = Int(xmlStrlen(content))
                if length > 0 {
                    let start = Int32(tree.textBytes.count)
                    tree.textBytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
                    let index = Int32(tree.nodes.count)
                    tree.nodes.append(HTMLNode(tag: .text, flags: [], parent: open.last ?? -1, end: index + 1,
                                               textStart: start, textEnd: Int32(tree.textBytes.count)))
                }
            }
            // Advance: next sibling, or climb out of finished elements.
            var cursor = node
            current = nil
            while cursor != root {
                if let next = cursor.pointee.next { current = next; break }
                guard let parent = cursor.pointee.parent, let closed = open.popLast() else { break }
                tree.nodes[Int(closed)].end = Int32(tree.nodes.count)
                cursor = parent
            }
        }
        while let closed = open.popLast() { tree.nodes[Int(closed)].end = Int32(tree.nodes.count) }
        return tree
    }

    /// Reads the attributes the reader uses; records head facts for `meta`, `link`, `html`, `time`, `a`.
    private static func attributes(of node: xmlNodePtr, tag: HTMLTag, index: Int32, tree: inout HTMLTree,
                                   scratch: inout [UInt8], classHash: inout UInt32) -> HTMLNodeFlags {
        var flags: HTMLNodeFlags = []
        var attribute = node.pointee.properties
        var meta = HTMLMetaTag(content: "")
        var hasMetaContent = false
        var rel: String?
        var href: String?
        while let attr = attribute {
            attribute = attr.pointee.next
            guard let name = attr.pointee.name else { continue }
            let value = attr.pointee.children?.pointee.content
            let valueBytes = value.map { UnsafeBufferPointer(start: $0, count: Int(xmlStrlen($0))) }
                ?? UnsafeBufferPointer(start: nil, count: 0)
            switch name[0] | 0x20 {
            case UInt8(ascii: "c"):
                if equals(name, "class") {
                    flags.formUnion(HTMLClassVocabulary.classify(valueBytes, scratch: &scratch))
                    var hash: UInt32 = 2_166_136_261
                    for byte in valueBytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                    classHash = hash
                } else if tag == .meta, equals(name, "content") {
                    meta.content = string(valueBytes); hasMetaContent = true
                }
            case UInt8(ascii: "i"):
                if equals(name, "id") {
                    flags.formUnion(HTMLClassVocabulary.classify(valueBytes, scratch: &scratch))
                } else if equals(name, "itemprop") {
                    if asciiEqualsIgnoringCase(valueBytes, "articlebody") { flags.insert(.articleBody) }
                    if tag == .meta { meta.itemprop = string(valueBytes) }
                }
            case UInt8(ascii: "r"):
                if equals(name, "role") {
                    if asciiEqualsIgnoringCase(valueBytes, "main") || asciiEqualsIgnoringCase(valueBytes, "article") {
                        flags.insert(.mainRole)
                    } else if asciiEqualsIgnoringCase(valueBytes, "navigation") || asciiEqualsIgnoringCase(valueBytes, "banner")
                        || asciiEqualsIgnoringCase(valueBytes, "contentinfo") || asciiEqualsIgnoringCase(valueBytes, "complementary")
                        || asciiEqualsIgnoringCase(valueBytes, "dialog") || asciiEqualsIgnoringCase(valueBytes, "alertdialog")
                        || asciiEqualsIgnoringCase(valueBytes, "search") || asciiEqualsIgnoringCase(valueBytes, "menu")
                        || asciiEqualsIgnoringCase(valueBytes, "menubar") {
                        flags.insert(.boilerplateRole)
                    }
                } else if equals(name, "rel") {
                    rel = string(valueBytes)
                    if containsCaseless(valueBytes, "author") { flags.insert(.relAuthor) }
                }
            case UInt8(ascii: "s"):
                if equals(name, "style"), isHiddenStyle(valueBytes) { flags.insert(.hidden) }
            case UInt8(ascii: "h"):
                if equals(name, "hidden") {
                    flags.insert(.hidden)
                } else if equals(name, "href") {
                    if tag == .a { flags.insert(.link) }
                    if tag == .link || tag == .a { href = string(valueBytes) }
                } else if tag == .meta, equals(name, "http-equiv") {
                    meta.httpEquiv = string(valueBytes)
                }
            case UInt8(ascii: "a"):
                if equals(name, "aria-hidden"), asciiEqualsIgnoringCase(valueBytes, "true") { flags.insert(.hidden) }
            case UInt8(ascii: "n"):
                if tag == .meta, equals(name, "name") { meta.name = string(valueBytes) }
            case UInt8(ascii: "p"):
                if tag == .meta, equals(name, "property") { meta.property = string(valueBytes) }
            case UInt8(ascii: "l"):
                if tag == .html, equals(name, "lang"), tree.head.htmlLang == nil { tree.head.htmlLang = string(valueBytes) }
            case UInt8(ascii: "d"):
                if tag == .time, equals(name, "datetime") { tree.head.times.append((index, string(valueBytes))) }
            default:
                break
            }
        }
        if tag == .meta, hasMetaContent { tree.head.metas.append(meta) }
        if tag == .link, let rel, let href { tree.head.links.append((rel, href)) }
        if tag == .a, flags.contains(.relAuthor) { tree.head.authorLinks.append(index) }
        return flags
    }

    private static func isJSONLD(_ node: xmlNodePtr) -> Bool {
        var attribute = node.pointee.properties
        while let attr = attribute {
            attribute = attr.pointee.next
            if let name = attr.pointee.name, equals(name, "type"), let value = attr.pointee.children?.pointee.content {
                return containsCaseless(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))), "ld+json")
            }
        }
        return false
    }

    /// Concatenated content of a node's direct text/CDATA children.
    private static func childText(_ node: xmlNodePtr) -> String {
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let c = child {
            if (c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE), let content = c.pointee.content {
                bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Byte helpers

    @inline(__always)
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Case-insensitive comparison of a NUL-terminated attribute name with an ASCII literal.
    @inline(__always)
    private static func equals(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        let base = literal.utf8Start
        let count = literal.utf8CodeUnitCount
        for i in 0..<count {
            let byte = name[i]
            if byte == 0 || byte | 0x20 != base[i] | 0x20 { return false }
        }
        return name[count] == 0
    }

    private static func asciiEqualsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        var start = 0
        var end = bytes.count
        while start < end, HTMLText.isSpace(bytes[start]) { start += 1 }
        while end > start, HTMLText.isSpace(bytes[end - 1]) { end -= 1 }
        guard end - start == literal.utf8CodeUnitCount else { return false }
        let base = literal.utf8Start
        for i in 0..<(end - start) where bytes[start + i] | 0x20 != base[i] | 0x20 { return false }
        return true
    }

    private static func containsCaseless(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard n <= bytes.count else { return false }
        let base = literal.utf8Start
        for start in 0...(bytes.count - n) {
            var j = 0
            while j < n && bytes[start + j] | 0x20 == base[j] | 0x20 { j += 1 }
            if j == n { return true }
        }
        return false
    }

    /// `display:none` or `visibility:hidden` in an inline style, ignoring spaces and case.
    private static func isHiddenStyle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count < 2048 else { return false }
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        for byte in bytes where !HTMLText.isSpace(byte) { compact.append(byte | 0x20) }
        return compact.withUnsafeBufferPointer { buffer in
            containsCaseless(buffer, "display:none") || containsCaseless(buffer, "visibility:hidden")
        }
    }
}

/// Raw libxml2 parse speed, as the yardstick for the reader's own throughput (benchmarks only).
///
/// Underscored: not API. It exists so `parley-bench` can time libxml2 on the same bytes in the
/// same run without importing libxml2 itself.
public enum _LibXML2Baseline {
    /// Parses `bytes` as UTF-8 HTML with the reader's libxml2 options and frees the tree.
    /// - Returns: true when libxml2 produced a document.
    public static func parseAndFree(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= Int(Int32.max), let doc = HTMLTreeWalker.readDocument(bytes) else { return false }
        xmlFreeDoc(doc)
        return true
    }
}
