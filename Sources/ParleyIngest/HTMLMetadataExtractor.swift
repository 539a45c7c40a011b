import ParleyModel

/// Reads title, byline, date, canonical URL, language and site name from a converted page.
///
/// Sources are tried in a fixed order of reliability: Open Graph / article meta tags, then
/// JSON-LD (`NewsArticle`, `Article`, `BlogPosting` … including `@graph`), then the page itself
/// (`<h1>`, `<title>`, `rel=author`, byline classes, `<time datetime>`).
enum HTMLMetadataExtractor {
    static func extract(_ tree: HTMLTree) -> Metadata {
        var metas: [String: String] = [:]
        for meta in tree.head.metas {
            let content = collapse(meta.content)
            guard !content.isEmpty else { continue }
            for key in [meta.property, meta.name, meta.itemprop, meta.httpEquiv].compactMap({ $0 }) {
                let lowered = key.lowercased().trimmingASCIIWhitespace()
                if metas[lowered] == nil { metas[lowered] = content }
            }
        }
        let article = jsonLDArticle(tree.head.jsonLD)
        var metadata = Metadata()

        metadata.siteName = metas["og:site_name"] ?? article?["publisher"].flatMap(name(of:))
            ?? metas["application-name"]
        let h1 = firstText(tree, where: { $0.tag == .h1 })
        if let og = metas["og:title"] ?? metas["twitter:title"] {
            metadata.title = stripSiteSuffix(og, siteName: metadata.siteName, aggressive: false)
        } else if let headline = article?["headline"]?.string.map(collapse), !headline.isEmpty {
            metadata.title = headline
        } else if let h1, !h1.isEmpty {
            metadata.title = h1
        } else if let title = tree.head.title.map(collapse), !title.isEmpty {
            metadata.title = stripSiteSuffix(title, siteName: metadata.siteName, aggressive: true)
        }

        var byline = metas["author"] ?? metas["article:author"].flatMap { $0.contains("://") ? nil : $0 }
            ?? metas["parsely-author"] ?? metas["sailthru.author"] ?? metas["dc.creator"]
        if byline == nil, let authors = article?["author"] {
            let names = authors.list.compactMap(name(of:))
            if !names.isEmpty { byline = names.joined(separator: ", ") }
        }
        if byline == nil, let link = tree.head.authorLinks.first {
            byline = tree.collapsedText(of: Int(link), limit: 200)
        }
        if byline == nil {
            byline = firstText(tree, where: { $0.flags.contains(.bylineClass) && $0.tag != .text && $0.tag != .body })
        }
        metadata.byline = byline.map(cleanByline).flatMap { $0.isEmpty || $0.utf8.count > 200 ? nil : $0 }

        let dateCandidates: [String?] = [
            metas["article:published_time"], metas["og:published_time"], article?["datePublished"]?.string,
            metas["datepublished"], metas["date"], metas["pubdate"], metas["publishdate"], metas["publish-date"],
            metas["dc.date"], metas["dc.date.issued"], metas["dcterms.created"], metas["sailthru.date"],
            metas["parsely-pub-date"], tree.head.times.first?.datetime,
        ]
        // A machine-readable date anywhere beats a date in words (which keeps only the day).
        metadata.published = dateCandidates.lazy.compactMap { $0.flatMap(normalizeDate) }.first
            ?? dateCandidates.lazy.compactMap { $0.flatMap(TextualDate.parse) }.first
            ?? visibleDate(tree)

        let canonical = tree.head.links.first { $0.rel.lowercased().split(separator: " ").contains("canonical") }?.href
        metadata.url = [canonical, metas["og:url"], article?["url"]?.string].lazy
            .compactMap { $0?.trimmingASCIIWhitespace() }.first { !$0.isEmpty }

        let language = tree.head.htmlLang ?? metas["content-language"] ?? metas["language"]
            ?? metas["og:locale"]
        metadata.language = language.map { $0.trimmingASCIIWhitespace().replacing("_", with: "-") }
            .flatMap { $0.isEmpty ? nil : $0 }
        return metadata
    }

    // MARK: - JSON-LD

    /// The first JSON-LD object that describes an article (or has a headline).
    static func jsonLDArticle(_ scripts: [String]) -> HTMLJSONValue? {
        var fallback: HTMLJSONValue?
        for script in scripts {
            guard let value = HTMLJSONValue.parse(script) else { continue }
            var queue: [HTMLJSONValue] = value.list
            var visited = 0
            while !queue.isEmpty, visited < 256 {
                let item = queue.removeFirst()
                visited += 1
                if let graph = item["@graph"] { queue.append(contentsOf: graph.list) }
                guard case .object = item else {
                    if case .array(let values) = item { queue.append(contentsOf: values) }
                    continue
                }
                let types = (item["@type"]?.list ?? []).compactMap(\.string)
                if types.contains(where: { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report"
                    || $0 == "LiveBlogPosting" || $0 == "ReportageNewsArticle" }) {
                    return item
                }
                if fallback == nil, item["headline"] != nil { fallback = item }
            }
        }
        return fallback
    }

    /// `name` of a JSON-LD Person/Organization, or the string itself.
    static func name(of value: HTMLJSONValue) -> String? {
        if let string = value.string { return collapse(string).isEmpty ? nil : collapse(string) }
        if let name = value["name"]?.string { return collapse(name).isEmpty ? nil : collapse(name) }
        return nil
    }

    // MARK: - Helpers

    /// Collapsed text of the first body element satisfying `predicate`.
    /// The date printed on the page near the headline ("Published November 19, 2019"): the first of the
    /// first few elements whose class or id names a date that reads as one.
    static func visibleDate(_ tree: HTMLTree) -> String? {
        var tried = 0
        for i in max(Int(tree.body), 0)..<tree.nodes.count where tree.nodes[i].flags.contains(.dateClass) && tree.nodes[i].tag != .text {
            let text = tree.collapsedText(of: i, limit: 120)
            guard !text.isEmpty else { continue }
            if let date = normalizeDate(text) ?? TextualDate.parse(text) { return date }
            tried += 1
            if tried == 8 { break }
        }
        return nil
    }

    static func firstText(_ tree: HTMLTree, where predicate: (HTMLNode) -> Bool) -> String? {
        let start = max(Int(tree.body), 0)
        for i in start..<tree.nodes.count where predicate(tree.nodes[i]) {
            let text = tree.collapsedText(of: i, limit: 300)
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// Whitespace collapsed to single spaces, trimmed.
    static func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        var pending = false
        let bytes = Array(text.utf8)
        HTMLText.appendCollapsed(bytes, 0..<bytes.count, to: &out, pendingSpace: &pending)
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes a " | Site", " - Site", " — Site" suffix. Without `aggressive`, only when the suffix
    /// is the site name; with it, also when the suffix is short and the rest is a longer headline.
    static func stripSiteSuffix(_ title: String, siteName: String?, aggressive: Bool) -> String {
        for separator in [" | ", " - ", " — ", " – ", " :: ", " · ", " » "] {
            guard let (headPart, tailPart) = lastSplit(title, separator) else { continue }
            let head = headPart.trimmingASCIIWhitespace()
            let tail = tailPart.trimmingASCIIWhitespace()
            if let siteName, tail.lowercased() == siteName.lowercased() { return head }
            // A " | Site" tail is nearly always the site; other separators only when asked to guess.
            if aggressive || separator == " | ", tail.split(separator: " ").count <= 4,
               head.split(separator: " ").count >= 3 {
                return stripSiteSuffix(head, siteName: siteName, aggressive: false)
            }
        }
        return title
    }

    /// Splits at the last occurrence of `separator`.
    static func lastSplit(_ text: String, _ separator: String) -> (String, String)? {
        let bytes = Array(text.utf8)
        let sep = Array(separator.utf8)
        guard bytes.count >= sep.count else { return nil }
        var start = bytes.count - sep.count
        while start >= 0 {
            if Array(bytes[start..<(start + sep.count)]) == sep {
                return (String(decoding: bytes[..<start], as: UTF8.self),
                        String(decoding: bytes[(start + sep.count)...], as: UTF8.self))
            }
            start -= 1
        }
        return nil
    }

    static func cleanByline(_ text: String) -> String {
        var value = collapse(text)
        for prefix in ["By ", "by ", "BY "] where value.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count))
        }
        return value
    }

    /// Normalises an ISO-8601-like date (`2019-05-07`, `2019-05-07T10:00:00.000+0000`, `2019/05/07 10:00`)
    /// to `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`. Other forms give nil.
    static func normalizeDate(_ raw: String) -> String? {
        let b = Array(raw.trimmingASCIIWhitespace().utf8)
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var value = 0
            for k in at..<(at + n) {
                guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), b.count >= 10, b[4] == UInt8(ascii: "-") || b[4] == UInt8(ascii: "/"),
              let month = digits(5, 2), b[7] == b[4], let day = digits(8, 2),
              (1...12).contains(month), (1...31).contains(day), year >= 1900 else { return nil }
        func pad(_ v: Int, _ n: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, n - s.count)) + s
        }
        let date = "\(pad(year, 4))-\(pad(month))-\(pad(day))"
        guard b.count > 10, b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "),
              let hour = digits(11, 2), b.count > 13, b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              hour < 24, minute < 60 else { return date }
        var i = 16
        var second = 0
        if i < b.count, b[i] == UInt8(ascii: ":"), let s = digits(i + 1, 2) { second = min(s, 59); i += 3 }
        if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
            i += 1
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
        }
        while i < b.count, b[i] == 0x20 { i += 1 }
        var zone = ""
        if i < b.count {
            if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
                zone = "Z"
            } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let zh = digits(i + 1, 2) {
                var zm = 0
                if let m = digits(i + 3, 2) { zm = m } else if i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let m = digits(i + 4, 2) { zm = m }
                zone = (zh == 0 && zm == 0) ? "Z" : "\(Character(Unicode.Scalar(b[i])))\(pad(zh)):\(pad(zm))"
            }
        }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(zone)"
    }
}
