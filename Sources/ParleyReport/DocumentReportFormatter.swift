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
        // The text's bytes once for every section: each mention, quote and evidence item slices them.
        document.withUTF8 { text in
            let sections = Sections(document: document, text: text, offsets: offsets)
            json.key("entities")
            sections.writeEntities(into: &json)
            json.key("quotes")
            sections.writeQuotes(into: &json)
            json.key("stance")
            sections.writeStance(into: &json)
        }
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
}

extension DocumentReportFormatter {
    /// The entities, quotes and stance sections of one document's report, over the text's bytes.
    ///
    /// Entities, mentions, quotes and evidence are read in place by index: a `for … in` loop copied
    /// each value out, retaining its strings and arrays.
    struct Sections {
        let document: Document
        let text: UnsafeBufferPointer<UInt8>
        let offsets: ScalarOffsetMap

        func writeEntities(into json: inout JSONWriter) {
            json.beginArray()
            let entities = document.entities
            for index in entities.indices {
                json.beginObject()
                json.key("id"); json.identifier("e", entities[index].index)
                json.field("type", entities[index].type.rawValue)
                json.field("name", entities[index].name)
                json.key("aliases"); json.strings(entities[index].aliases)
                json.key("roles"); json.strings(entities[index].roles)
                json.field("affiliation", entities[index].affiliation)
                if let honorific = entities[index].honorific { json.field("honorific", honorific) }
                json.key("mentions")
                json.beginArray()
                for mention in entities[index].mentions.indices {
                    json.beginObject()
                    writeRange(entities[index].mentions[mention].range, into: &json)
                    json.field("rule", entities[index].mentions[mention].rule)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
        }

        func writeQuotes(into json: inout JSONWriter) {
            json.beginArray()
            let quotes = document.quotes
            for index in quotes.indices {
                json.beginObject()
                json.key("id"); json.identifier("q", index + 1)
                writeText(quotes[index].range, key: "text", into: &json)
                writeRange(quotes[index].range, keys: ("start", "end", nil), into: &json)
                let speaker = quotes[index].speaker
                json.key("speaker"); if let speaker { json.identifier("e", speaker) } else { json.null() }
                let speakerName = speaker.flatMap { $0 < document.entities.count ? document.entities[$0].name : nil }
                json.field("speakerName", speakerName ?? quotes[index].speakerText)
                json.field("cue", quotes[index].cue)
                json.field("kind", quotes[index].kind.rawValue)
                json.field("rule", quotes[index].rule)
                json.endObject()
            }
            json.endArray()
        }

        func writeStance(into json: inout JSONWriter) {
            json.beginArray()
            let stance = document.stance
            for index in stance.indices {
                let entity = stance[index].entity
                let known = entity < document.entities.count
                json.beginObject()
                json.key("actor"); json.identifier("e", entity)
                json.field("name", known ? document.entities[entity].name : nil)
                json.field("type", known ? document.entities[entity].type.rawValue : nil)
                json.field("optimism", stance[index].optimism)
                json.field("skepticism", stance[index].skepticism)
                json.field("net", stance[index].net)
                json.key("evidence")
                json.beginArray()
                let evidence = stance[index].evidence
                for item in evidence.indices {
                    json.beginObject()
                    writeText(evidence[item].sentence, key: "sentence", into: &json)
                    writeRange(evidence[item].sentence, keys: ("start", "end", nil), into: &json)
                    json.field("cue", evidence[item].cue)
                    writeRange(evidence[item].cueRange, keys: ("cueStart", "cueEnd", "cueText"), into: &json)
                    json.field("polarity", evidence[item].polarity.rawValue)
                    json.field("weight", evidence[item].weight)
                    json.field("rule", evidence[item].rule)
                    json.field("negated", evidence[item].negated)
                    json.endObject()
                }
                json.endArray()
                json.endObject()
            }
            json.endArray()
        }

        func writeRange(_ range: TextRange, keys: (start: StaticString, end: StaticString, text: StaticString?) = ("start", "end", "text"),
                        into json: inout JSONWriter) {
            json.field(keys.start, offsets.scalarOffset(range.start))
            json.field(keys.end, offsets.scalarOffset(range.end))
            if let textKey = keys.text { writeText(range, key: textKey, into: &json) }
        }

        /// Writes `"key": "<the text of range>"`, escaped straight from the document's bytes.
        func writeText(_ range: TextRange, key: StaticString, into json: inout JSONWriter) {
            json.key(key)
            json.string(utf8: UnsafeBufferPointer(rebasing: text[range.start..<range.end]))
        }
    }
}
