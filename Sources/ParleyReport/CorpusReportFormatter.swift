import FoundationEssentials
import ParleyModel

/// Writes and reads CorpusReports (`parley.corpus/1`): JSON with merged actors and, under each,
/// the per-name forms that make `--merge` exact; or CSV with one row per actor.
public struct CorpusReportFormatter: Sendable {
    /// Options for which actors to show.
    public var top: Int?
    /// Only actors of this type.
    public var type: EntityType?
    /// Indent the JSON.
    public var pretty: Bool

    /// Creates a formatter.
    public init(top: Int? = nil, type: EntityType? = nil, pretty: Bool = true) {
        self.top = top
        self.type = type
        self.pretty = pretty
    }

    private func selected(_ aggregator: CorpusAggregator) -> [CorpusActor] {
        var actors = aggregator.actors()
        if let type { actors = actors.filter { $0.total.type == type.rawValue } }
        if let top { actors = Array(actors.prefix(top)) }
        return actors
    }

    /// The JSON report.
    public func json(_ aggregator: CorpusAggregator) -> [UInt8] {
        var json = JSONWriter(pretty: pretty)
        json.beginObject()
        json.field("schema", ReportSchema.corpus)
        json.field("documents", aggregator.documents)
        json.field("failed", aggregator.failed)
        json.key("actors")
        json.beginArray()
        for actor in selected(aggregator) {
            let total = actor.total
            let scores = actor.scores
            json.beginObject()
            json.field("name", total.name)
            json.field("type", total.type)
            json.key("aliases"); json.strings(total.aliases)
            json.key("roles"); json.strings(total.roles)
            json.field("affiliation", total.affiliation)
            json.field("documents", total.documents)
            json.field("mentions", total.mentions)
            json.field("quotes", total.quotes)
            json.field("optimism", scores.optimism)
            json.field("skepticism", scores.skepticism)
            json.field("net", scores.optimism - scores.skepticism)
            json.key("evidence")
            writeEvidence(total.evidence, into: &json)
            json.key("byDate")
            json.beginArray()
            for date in total.byDate.keys.sorted() {
                let tally = total.byDate[date]!
                let day = StanceFormula.scores(optimismWeight: Double(tally.optimismUnits) / 10_000,
                                               skepticismWeight: Double(tally.skepticismUnits) / 10_000)
                json.beginObject()
                json.field("date", date)
                json.field("documents", tally.documents)
                json.field("optimism", day.optimism)
                json.field("skepticism", day.skepticism)
                json.endObject()
            }
            json.endArray()
            json.key("forms")
            json.beginArray()
            for form in actor.forms { writeForm(form, into: &json) }
            json.endArray()
            json.endObject()
        }
        json.endArray()
        json.endObject()
        json.newline()
        return json.bytes
    }

    private func writeEvidence(_ evidence: [CorpusEvidence], into json: inout JSONWriter) {
        json.beginArray()
        for item in evidence {
            json.beginObject()
            json.field("document", item.document)
            json.field("sentence", item.sentence)
            json.field("start", item.start)
            json.field("cue", item.cue)
            json.field("polarity", item.polarity)
            json.field("weight", item.weight)
            json.field("rule", item.rule)
            json.endObject()
        }
        json.endArray()
    }

    /// The raw tallies of one form, read back by ``CorpusReportReader`` for `--merge`.
    private func writeForm(_ form: ActorForm, into json: inout JSONWriter) {
        json.beginObject()
        json.field("name", form.name)
        json.field("type", form.type)
        json.field("documents", form.documents)
        json.field("mentions", form.mentions)
        json.field("quotes", form.quotes)
        json.field("optimismUnits", form.optimismUnits)
        json.field("skepticismUnits", form.skepticismUnits)
        json.key("aliases"); json.strings(form.aliases)
        json.key("roles"); json.strings(form.roles)
        json.field("affiliation", form.affiliation)
        json.key("evidence")
        writeEvidence(form.evidence, into: &json)
        json.key("byDate")
        json.beginObject()
        for date in form.byDate.keys.sorted() {
            let tally = form.byDate[date]!
            json.dynamicKey(date)
            json.beginObject()
            json.field("documents", tally.documents)
            json.field("optimismUnits", tally.optimismUnits)
            json.field("skepticismUnits", tally.skepticismUnits)
            json.endObject()
        }
        json.endObject()
        json.endObject()
    }

    /// The CSV report: one row per actor, RFC 4180 quoting.
    public func csv(_ aggregator: CorpusAggregator) -> [UInt8] {
        var lines = ["name,type,affiliation,documents,mentions,quotes,optimism,skepticism,net,top_evidence"]
        func cell(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : text
        }
        func number(_ value: Double) -> String {
            var json = JSONWriter()
            json.double(value)
            return String(decoding: json.bytes, as: UTF8.self)
        }
        for actor in selected(aggregator) {
            let total = actor.total
            let scores = actor.scores
            lines.append([cell(total.name), total.type, cell(total.affiliation ?? ""), String(total.documents), String(total.mentions),
                          String(total.quotes), number(scores.optimism), number(scores.skepticism),
                          number(scores.optimism - scores.skepticism), cell(total.evidence.first?.sentence ?? "")].joined(separator: ","))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }
}

/// Reads reports back: DocumentReports (JSON or JSON Lines) into an aggregator, and CorpusReports for `--merge`.
public enum CorpusReportReader {
    private struct CorpusFile: Decodable {
        var schema: String
        var documents: Int
        var failed: Int
        var actors: [ActorRow]
        struct ActorRow: Decodable { var forms: [FormRow] }
        struct FormRow: Decodable {
            var name: String
            var type: String
            var documents: Int
            var mentions: Int
            var quotes: Int
            var optimismUnits: Int
            var skepticismUnits: Int
            var aliases: [String]
            var roles: [String]
            var affiliation: String?
            var evidence: [CorpusEvidence]
            var byDate: [String: DateTally]
        }
    }

    /// Merges a CorpusReport's forms into `aggregator`.
    /// - Throws: ``ParleyError`` `malformed-json` when the bytes are not a `parley.corpus/1` report.
    public static func mergeCorpusReport(_ bytes: [UInt8], name: String, into aggregator: inout CorpusAggregator) throws(ParleyError) {
        let file: CorpusFile
        do {
            file = try JSONDecoder().decode(CorpusFile.self, from: Data(bytes))
        } catch {
            throw .malformedJSON("\(name): not a CorpusReport (\(error))")
        }
        guard file.schema == ReportSchema.corpus else { throw .malformedJSON("\(name): schema \(file.schema), expected \(ReportSchema.corpus)") }
        var forms: [ActorForm] = []
        for actor in file.actors {
            for row in actor.forms {
                var form = ActorForm(name: row.name, type: row.type)
                form.documents = row.documents
                form.mentions = row.mentions
                form.quotes = row.quotes
                form.optimismUnits = row.optimismUnits
                form.skepticismUnits = row.skepticismUnits
                form.aliases = row.aliases
                form.roles = row.roles
                form.affiliation = row.affiliation
                form.evidence = row.evidence
                form.byDate = row.byDate
                forms.append(form)
            }
        }
        aggregator.merge(documents: file.documents, failed: file.failed, forms: forms)
    }

    private struct DocumentFile: Decodable {
        var id: String
        var error: ErrorRow?
        var metadata: MetadataRow?
        var entities: [EntityRow]?
        var quotes: [QuoteRow]?
        var stance: [StanceRow]?
        struct ErrorRow: Decodable { var code: String }
        struct MetadataRow: Decodable { var published: String? }
        struct EntityRow: Decodable {
            var id: String; var type: String; var name: String; var aliases: [String]; var roles: [String]
            var affiliation: String?; var mentions: [MentionRow]
        }
        struct MentionRow: Decodable { var start: Int }
        struct QuoteRow: Decodable { var speaker: String? }
        struct StanceRow: Decodable { var actor: String; var evidence: [EvidenceRow] }
        struct EvidenceRow: Decodable { var sentence: String; var start: Int; var cue: String; var polarity: String; var weight: Double; var rule: String }
    }

    /// Adds one DocumentReport (a JSON object) to `aggregator`.
    /// - Throws: ``ParleyError`` `malformed-json` when it is not a `parley.document/1` report.
    public static func addDocumentReport(_ bytes: [UInt8], name: String, into aggregator: inout CorpusAggregator) throws(ParleyError) {
        let file: DocumentFile
        do {
            file = try JSONDecoder().decode(DocumentFile.self, from: Data(bytes))
        } catch {
            throw .malformedJSON("\(name): not a DocumentReport (\(error))")
        }
        if file.error != nil { aggregator.addFailure(); return }
        var quotes: [String: Int] = [:]
        for quote in file.quotes ?? [] { if let speaker = quote.speaker { quotes[speaker, default: 0] += 1 } }
        var evidence: [String: [DocumentFile.EvidenceRow]] = [:]
        for row in file.stance ?? [] { evidence[row.actor] = row.evidence }
        let actors = (file.entities ?? []).map { entity in
            CorpusAggregator.DocumentActor(
                name: entity.name, type: entity.type, mentions: entity.mentions.count, quotes: quotes[entity.id] ?? 0,
                aliases: entity.aliases, roles: entity.roles, affiliation: entity.affiliation,
                evidence: (evidence[entity.id] ?? []).map { item in
                    CorpusEvidence(document: file.id, sentence: item.sentence, cue: item.cue, polarity: item.polarity,
                                   weight: item.weight, rule: item.rule, start: item.start)
                })
        }
        aggregator.add(documentPublished: file.metadata?.published, actors: actors)
    }
}
