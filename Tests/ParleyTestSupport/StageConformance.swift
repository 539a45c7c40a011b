import ParleyModel

/// A reusable conformance checker for pipeline stages (CONVENTIONS.md §14).
///
/// A conforming stage leaves the text and every layer it does not produce untouched, produces only
/// spans that lie inside the text on Unicode-scalar boundaries, and is deterministic.
public enum StageConformance {
    /// Every way `stage` breaks the stage contract on `input`; empty when it conforms.
    public static func violations(of stage: any Stage, on input: Document) -> [String] {
        let first: Document
        let second: Document
        do {
            first = try stage.annotate(input)
            second = try stage.annotate(input)
        } catch {
            return ["\(stage.name) threw \(error) on \(input.id)"]
        }
        var problems: [String] = []
        let label = "\(stage.name) on \(input.id)"
        if first.text != input.text { problems.append("\(label): changed the text") }
        let untouched: [(LayerKey, Bool)] = [
            (.paragraphs, first.paragraphs == input.paragraphs), (.markup, first.markup == input.markup),
            (.tokens, first.tokens == input.tokens), (.sentences, first.sentences == input.sentences),
            (.entities, first.entities == input.entities), (.quotes, first.quotes == input.quotes),
            (.stance, first.stance == input.stance),
        ]
        for (layer, same) in untouched where !stage.produces.contains(layer) && !same {
            problems.append("\(label): changed layer \(layer.rawValue), which it does not produce")
        }
        for layer in stage.produces where !first.layers.contains(layer) {
            problems.append("\(label): declares \(layer.rawValue) but did not fill it")
        }
        let deterministic = first.tokens == second.tokens && first.sentences == second.sentences
            && first.entities == second.entities && first.quotes == second.quotes && first.stance == second.stance
        if !deterministic { problems.append("\(label): two runs gave different layers") }
        problems += rangeViolations(first, label: label)
        return problems
    }

    /// Out-of-bounds or mid-character ranges in any layer.
    static func rangeViolations(_ document: Document, label: String) -> [String] {
        let bytes = Array(document.text.utf8)
        func isBoundary(_ offset: Int) -> Bool { offset == bytes.count || (offset >= 0 && offset < bytes.count && bytes[offset] & 0xC0 != 0x80) }
        var ranges: [(String, TextRange)] = []
        ranges += document.tokens.map { ("token", $0.range) }
        ranges += document.sentences.map { ("sentence", $0.range) }
        ranges += document.entities.flatMap { entity in entity.mentions.map { ("mention of \(entity.name)", $0.range) } }
        ranges += document.quotes.map { ("quote", $0.range) }
        ranges += document.stance.flatMap { row in row.evidence.flatMap { [("evidence sentence", $0.sentence), ("evidence cue", $0.cueRange)] } }
        var problems: [String] = []
        for (name, range) in ranges where range.start < 0 || range.end > bytes.count || !isBoundary(range.start) || !isBoundary(range.end) {
            problems.append("\(label): \(name) \(range) is outside the text or splits a character")
        }
        for entity in document.entities where entity.mentions.isEmpty {
            problems.append("\(label): entity \(entity.name) has no mention")
        }
        for quote in document.quotes {
            if let speaker = quote.speaker, speaker >= document.entities.count { problems.append("\(label): quote speaker e\(speaker) does not exist") }
        }
        return problems
    }
}
