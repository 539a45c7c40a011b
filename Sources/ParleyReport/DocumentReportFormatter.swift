import ParleyModel

/// Renders a ``Document`` as a DocumentReport (`parley.document/1`), the per-article JSON that
/// `parley analyze` writes. The field order is fixed so identical input gives identical bytes.
///
/// Offsets in the report count Unicode scalars into the extracted text (Python `str` indexing);
/// this is the only place byte offsets are converted.
public struct DocumentReportFormatter: Sendable {
    /// Indent the JSON (`--pretty`).
    public var pretty: Bool
    /// Add the covered text to every mention, quote and evidence item and the article text itself (`--include-text`).
    public var includeText: Bool

    /// Creates a formatter.
    public init(pretty: Bool = false, includeText: Bool = false) {
        self.pretty = pretty
        self.includeText = includeText
    }

    /// The report for `document`, as UTF-8 JSON without a trailing newline.
    public func format(_ document: Document) -> [UInt8] {
        var json = JSONWriter(pretty: pretty, reservingCapacity: 4096 + document.byteCount * 4)  // reports run about 3× the text
        let offsets = ScalarOffsetMap(document.text)
        json.beginObject()
        json.field("schema", ReportSchema.document)
        json.field("id", document.id)
        json.key("source")
        json.beginObject()
        json.field("format", document.source.format.rawValue)
        json.field("bytes", document.source.bytes)
        json.field("encoding", document.source.encoding)
        json.field("encodingReason", document.source.encodingReason)
        json.endObject()
        json.key("metadata")
        writeMetadata(document.metadata, into: &json)
        json.key("stats")
        json.beginObject()
        json.field("characters", offsets.scalarOffset(document.byteCount))
        json.field("paragraphs", document.paragraphs.count)
        json.field("sentences", document.sentences.count)
        json.field("tokens", document.tokens.count)
        json.field("words", document.tokens.reduce(0) { $0 + ($1.kind == .word ? 1 : 0) })
        json.endObject()
        if includeText { json.field("text", document.text) }
        json.key("entities")
        writeEntities(document, offsets, into: &json)
        json.key("quotes")
        writeQuotes(document, offsets, into: &json)
        json.key("stance")
        writeStance(document, offsets, into: &json)
        json.key("warnings")
        json.beginArray()
        for warning in document.warnings {
            json.beginObject()
            json.field("code", warning.code)
            json.field("message", warning.message)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        return json.bytes
    }

    /// The error record written in place of a report for an article that failed.
    public func formatError(id: String, error: ParleyError) -> [UInt8] {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("schema", ReportSchema.document)
        json.field("id", id)
        json.key("error")
        json.beginObject()
        json.field("code", error.code)
        json.field("message", error.message)
        json.endObject()
        json.endObject()
        return json.bytes
    }

    // MARK: - Sections

    func writeMetadata(_ metadata: Metadata, into json: inout JSONWriter) {
        json.beginObject()
        json.field("title", metadata.title)
        json.field("byline", metadata.byline)
        json.field("published", metadata.published)
        json.field("url", metadata.url)
        json.field("language", metadata.language)
        json.field("siteName", metadata.siteName)
        json.field("dateline", metadata.dateline)
        json.endObject()
    }

    func writeRange(_ range: TextRange, _ offsets: ScalarOffsetMap, _ document: Document,
                    keys: (start: StaticString, end: StaticString, text: StaticString?) = ("start", "end", "text"),
                    into json: inout JSONWriter) {
        json.field(keys.start, offsets.scalarOffset(range.start))
        json.field(keys.end, offsets.scalarOffset(range.end))
        if let textKey = keys.text { writeText(range, document, key: textKey, into: &json) }
    }

    /// Writes `"key": "<the text of range>"`, escaped straight from the document's bytes.
    func writeText(_ range: TextRange, _ document: Document, key: StaticString, into json: inout JSONWriter) {
        json.key(key)
        document.withUTF8 { json.string(utf8: UnsafeBufferPointer(rebasing: $0[range.start..<range.end])) }
    }

    func writeEntities(_ document: Document, _ offsets: ScalarOffsetMap, into json: inout JSONWriter) {
        json.beginArray()
        for entity in document.entities {
            json.beginObject()
            json.key("id"); json.identifier("e", entity.index)
            json.field("type", entity.type.rawValue)
            json.field("name", entity.name)
            json.key("aliases"); json.strings(entity.aliases)
            json.key("roles"); json.strings(entity.roles)
            json.field("affiliation", entity.affiliation)
            if let honorific = entity.honorific { json.field("honorific", honorific) }
            json.key("mentions")
            json.beginArray()
            for mention in entity.mentions {
                json.beginObject()
                writeRange(mention.range, offsets, document, into: &json)
                json.field("rule", mention.rule)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }

    func writeQuotes(_ document: Document, _ offsets: ScalarOffsetMap, into json: inout JSONWriter) {
        json.beginArray()
        for (index, quote) in document.quotes.enumerated() {
            json.beginObject()
            json.key("id"); json.identifier("q", index + 1)
            writeText(quote.range, document, key: "text", into: &json)
            writeRange(quote.range, offsets, document, keys: ("start", "end", nil), into: &json)
            json.key("speaker"); if let speaker = quote.speaker { json.identifier("e", speaker) } else { json.null() }
            let speakerName = quote.speaker.flatMap { $0 < document.entities.count ? document.entities[$0].name : nil }
            json.field("speakerName", speakerName ?? quote.speakerText)
            json.field("cue", quote.cue)
            json.field("kind", quote.kind.rawValue)
            json.field("rule", quote.rule)
            json.endObject()
        }
        json.endArray()
    }

    func writeStance(_ document: Document, _ offsets: ScalarOffsetMap, into json: inout JSONWriter) {
        json.beginArray()
        for actor in document.stance {
            let entity = actor.entity < document.entities.count ? document.entities[actor.entity] : nil
            json.beginObject()
            json.key("actor"); json.identifier("e", actor.entity)
            json.field("name", entity?.name)
            json.field("type", entity?.type.rawValue)
            json.field("optimism", actor.optimism)
            json.field("skepticism", actor.skepticism)
            json.field("net", actor.net)
            json.key("evidence")
            json.beginArray()
            for evidence in actor.evidence {
                json.beginObject()
                writeText(evidence.sentence, document, key: "sentence", into: &json)
                writeRange(evidence.sentence, offsets, document, keys: ("start", "end", nil), into: &json)
                json.field("cue", evidence.cue)
                writeRange(evidence.cueRange, offsets, document, keys: ("cueStart", "cueEnd", "cueText"), into: &json)
                json.field("polarity", evidence.polarity.rawValue)
                json.field("weight", evidence.weight)
                json.field("rule", evidence.rule)
                json.field("negated", evidence.negated)
                json.endObject()
            }
            json.endArray()
            json.endObject()
        }
        json.endArray()
    }
}
