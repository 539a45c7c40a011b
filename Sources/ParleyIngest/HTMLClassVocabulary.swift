/// Classifies an element's `class` and `id` values by the words page authors use for article
/// text versus boilerplate. Works on bytes: no `String` per element.
///
/// Long words match as substrings of the lower-cased value (so `articleBody` and `post-content`
/// both match), short words only as whole tokens split at non-alphanumerics (so `ad` matches
/// `ad-slot` but not `header`).
enum HTMLClassVocabulary {
    /// Article vocabulary (substring match).
    static let positive: [[UInt8]] = words([
        "article", "content", "story", "entry", "hentry", "post-body", "postbody", "post-text", "main", "text",
        "body", "blog", "prose", "rich-text", "richtext", "embed",
    ])
    /// Vocabulary of elements that are never article text (substring match).
    static let boilerplate: [[UInt8]] = words([
        "comment", "subscribe", "subscription", "signup", "sign-up", "promo", "sponsor", "advert", "social", "sharing", "share-", "-share", "sharebar",
        "related", "recommend", "popup", "breadcrumb", "sidebar",
        "footer", "navigation", "navbar", "menu", "masthead", "skip-link", "tag-list", "taglist", "trending",
        "most-popular", "mostpopular", "most-read", "mostread", "read-more", "readmore", "more-stories",
        "author-bio", "authorbio", "about-the-author", "pagination", "paywall-promo", "banner",
        "toolbar", "print-only", "inline-ad", "adslot", "ad-slot", "ad-container", "ad-wrapper", "dfp",
        "further-reading", "see-also", "jump-link", "follow-us", "app-download",
    ])
    /// Vocabulary of elements that are never article text, even when the value also has article words.
    static let hardBoilerplate: [[UInt8]] = words([
        "disqus", "cookie", "consent", "gdpr", "newsletter", "outbrain", "taboola", "onetrust", "paywall-promo",
    ])
    /// Whole-token boilerplate words.
    static let boilerplateTokens: [[UInt8]] = words([
        "ad", "ads", "nav", "share", "tags", "tag", "aside", "promo", "related", "social",
        "sr", "visually", "pager", "offscreen", "newsletter", "comments", "meta", "tools", "utility",
    ])
    /// Vocabulary that lowers an element's score without removing it (substring match).
    static let negative: [[UInt8]] = words([
        "header", "media", "extra", "supplement", "contact", "email", "shopping", "scroll", "caption",
        "credit", "byline", "author", "date", "timestamp", "dateline", "headline", "title", "intro-meta",
        "photo", "image", "video", "gallery", "lede-art", "widget", "rail",
    ])
    static let bylineWords: [[UInt8]] = words(["byline", "author", "writer", "contributor"])
    static let captionWords: [[UInt8]] = words(["caption", "credit", "photo-", "image-", "img-", "figure"])
    static let titleWords: [[UInt8]] = words(["headline", "title"])
    static let dateWords: [[UInt8]] = words(["date", "time", "published", "updated", "dateline"])

    private static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }

    /// Flags for one `class` or `id` value.
    static func classify(_ value: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> HTMLNodeFlags {
        guard !value.isEmpty, value.count < 512 else { return [] }
        scratch.removeAll(keepingCapacity: true)
        for byte in value { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return scratch.withUnsafeBufferPointer { lower in
            var flags: HTMLNodeFlags = []
            // One pass over the value; at each position only the words starting with that byte are tried.
            let count = lower.count
            for i in 0..<count {
                let entries = index[Int(lower[i])]
                if entries.isEmpty { continue }
                for entry in entries where !flags.contains(entry.flags) && entry.word.count <= count - i {
                    var j = 1
                    let word = entry.word
                    while j < word.count && lower[i + j] == word[j] { j += 1 }
                    if j == word.count { flags.formUnion(entry.flags) }
                }
            }
            if !flags.contains(.boilerplateClass), containsToken(lower, boilerplateTokens) {
                flags.insert(.boilerplateClass)
            }
            return flags
        }
    }

    /// Every substring word with the flag it sets, bucketed by first byte.
    static let index: [[(word: [UInt8], flags: HTMLNodeFlags)]] = {
        var table = [[(word: [UInt8], flags: HTMLNodeFlags)]](repeating: [], count: 256)
        let lists: [([[UInt8]], HTMLNodeFlags)] = [
            (boilerplate, .boilerplateClass), (positive, .positiveClass), (hardBoilerplate, .hardBoilerplateClass),
            (negative, .negativeClass), (bylineWords, .bylineClass), (captionWords, .captionClass),
            (titleWords, .titleClass), (dateWords, .dateClass),
        ]
        for (words, flag) in lists {
            for word in words { table[Int(word[0])].append((word, flag)) }
        }
        return table
    }()

    static func containsAny(_ haystack: UnsafeBufferPointer<UInt8>, _ needles: [[UInt8]]) -> Bool {
        for needle in needles where contains(haystack, needle) { return true }
        return false
    }

    @inline(__always)
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = needle.count
        guard n <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - n
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < n && haystack[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    /// True when one of the alphanumeric tokens of `haystack` equals one of `tokens`.
    static func containsToken(_ haystack: UnsafeBufferPointer<UInt8>, _ tokens: [[UInt8]]) -> Bool {
        var start = 0
        let count = haystack.count
        while start < count {
            while start < count && !isAlnum(haystack[start]) { start += 1 }
            var end = start
            while end < count && isAlnum(haystack[end]) { end += 1 }
            let length = end - start
            if length > 0 {
                for token in tokens where token.count == length {
                    var j = 0
                    while j < length && haystack[start + j] == token[j] { j += 1 }
                    if j == length { return true }
                }
            }
            start = end
        }
        return false
    }

    @inline(__always)
    static func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
}
