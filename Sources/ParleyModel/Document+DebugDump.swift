extension Document {
    /// A line-per-span listing of every layer, for golden-file tests and debugging.
    ///
    /// Format: `layer:label @start..<end "covered text" key=value…`, layers in ``LayerKey`` order,
    /// spans in text order. Offsets are UTF-8 bytes. Newlines in covered text print as `\n`.
    public func debugDump() -> String {
        var lines: [String] = []
        func quoted(_ range: TextRange) -> String {
            let raw = string(range)
            var escaped = ""
            for scalar in raw.unicodeScalars {
                switch scalar {
                case "\n": escaped += "\\n"
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return "\"" + escaped + "\""
        }
        func line(_ layer: String, _ label: String, _ range: TextRange, _ extra: String = "") {
            lines.append("\(layer):\(label) @\(range) \(quoted(range))" + (extra.isEmpty ? "" : " " + extra))
        }
        lines.append("document id=\(id) format=\(source.format.rawValue) encoding=\(source.encoding) (\(source.encodingReason)) bytes=\(byteCount)")
        let meta: [(String, String?)] = [("title", metadata.title), ("byline", metadata.byline),
                                          ("published", metadata.published), ("url", metadata.url),
                                          ("language", metadata.language), ("siteName", metadata.siteName),
                                          ("dateline", metadata.dateline)]
        for (key, value) in meta { if let value { lines.append("metadata:\(key) \"\(value)\"") } }
        for warning in warnings { lines.append("warning:\(warning.code) \(warning.message)") }
        for paragraph in paragraphs { line("paragraphs", paragraph.kind.rawValue, paragraph.range) }
        for span in markup { line("markup", span.tag, span.range) }
        for sentence in sentences { line("sentences", "sentence", sentence.range, "tokens=\(sentence.tokens.lowerBound)..<\(sentence.tokens.upperBound)") }
        for token in tokens { line("tokens", "\(token.kind)", token.range) }
        for entity in entities {
            var extra = "e\(entity.index) name=\"\(entity.name)\""
            if !entity.roles.isEmpty { extra += " roles=\(entity.roles)" }
            if let affiliation = entity.affiliation { extra += " affiliation=\"\(affiliation)\"" }
            for mention in entity.mentions { line("entities", entity.type.rawValue, mention.range, extra + " rule=\(mention.rule)") }
        }
        for quote in quotes {
            let speaker = quote.speaker.map { "e\($0)" } ?? "null"
            line("quotes", quote.kind.rawValue, quote.range, "speaker=\(speaker) cue=\(quote.cue ?? "null") rule=\(quote.rule)")
        }
        for actor in stance {
            for evidence in actor.evidence {
                line("stance", evidence.polarity.rawValue, evidence.cueRange,
                     "actor=e\(actor.entity) weight=\(evidence.weight) rule=\(evidence.rule) negated=\(evidence.negated)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
