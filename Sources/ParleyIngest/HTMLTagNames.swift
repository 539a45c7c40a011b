/// Maps element-name bytes (as libxml2 stores them: lower-case ASCII) to ``HTMLTag`` without
/// building a `String` per element.
enum HTMLTagNames {
    /// Packs up to 8 leading bytes and the length into one key; names longer than 12 bytes are never known tags.
    @inline(__always)
    static func key(_ name: UnsafePointer<UInt8>, length: Int) -> UInt64 {
        var packed: UInt64 = 0
        var i = 0
        while i < length && i < 8 {
            packed = packed << 8 | UInt64(name[i] | 0x20)
            i += 1
        }
        // Fold the length in so "blockquo…" and a longer unknown name sharing 8 bytes differ.
        return packed ^ (UInt64(length) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Known tags by packed key.
    static let table: [UInt64: HTMLTag] = {
        let names: [(String, HTMLTag)] = [
            ("html", .html), ("head", .head), ("body", .body), ("title", .title), ("meta", .meta), ("link", .link),
            ("base", .base), ("script", .script), ("style", .style), ("noscript", .noscript),
            ("template", .template), ("iframe", .iframe), ("svg", .svg), ("math", .math), ("canvas", .canvas),
            ("object", .object), ("embed", .embed), ("video", .video), ("audio", .audio), ("picture", .picture),
            ("img", .img), ("form", .form), ("input", .input), ("button", .button), ("select", .select),
            ("textarea", .textarea), ("label", .label), ("option", .option), ("fieldset", .fieldset),
            ("dialog", .dialog), ("nav", .nav), ("aside", .aside), ("footer", .footer), ("header", .header),
            ("menu", .menu), ("figure", .figure), ("figcaption", .figcaption), ("address", .address),
            ("details", .details), ("summary", .summary), ("p", .p), ("h1", .h1), ("h2", .h2), ("h3", .h3),
            ("h4", .h4), ("h5", .h5), ("h6", .h6), ("li", .li), ("ul", .ul), ("ol", .ol), ("dl", .dl),
            ("dt", .dt), ("dd", .dd), ("blockquote", .blockquote), ("q", .q), ("pre", .pre), ("code", .code),
            ("table", .table), ("thead", .thead), ("tbody", .tbody), ("tfoot", .tfoot), ("tr", .tr),
            ("td", .td), ("th", .th), ("caption", .caption), ("div", .div), ("section", .section),
            ("article", .article), ("main", .main), ("center", .center), ("span", .span), ("a", .a),
            ("br", .br), ("hr", .hr), ("b", .b), ("strong", .strong), ("i", .i), ("em", .em), ("time", .time),
            ("small", .small), ("sup", .sup), ("sub", .sub), ("cite", .cite),
        ]
        var table: [UInt64: HTMLTag] = [:]
        for (name, tag) in names {
            let bytes = Array(name.utf8)
            let k = bytes.withUnsafeBufferPointer { key($0.baseAddress!, length: $0.count) }
            precondition(table[k] == nil, "tag key collision for \(name)")
            table[k] = tag
        }
        return table
    }()

    /// The tag for a NUL-terminated element name.
    @inline(__always)
    static func tag(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length > 12 { return .other }
        }
        guard length > 0 else { return .other }
        let candidate = table[key(name, length: length)] ?? .other
        if length > 8, candidate != .other {
            // Verify the tail of long names, which the key does not cover byte by byte.
            let expected: StaticString = candidate == .blockquote ? "blockquote" : "figcaption"
            if candidate == .blockquote || candidate == .figcaption {
                let base = expected.utf8Start
                for i in 0..<length where name[i] | 0x20 != base[i] { return .other }
            }
        }
        return candidate
    }
}
