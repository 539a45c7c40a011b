import ParleyExtract
import ParleyLexicon
import ParleyModel
import ParleyTestSupport
import ParleyText

/// Runs segmentation and extraction over plain text with the test lexicon.
func extract(_ text: String, lexicon: ExtractionLexicon = bundledLexicon) throws -> Document {
    let document = try SegmentationAnnotator().annotate(DocumentBuilder.plain(text))
    return try ExtractionAnnotator(lexicon: lexicon).annotate(document)
}

extension Document {
    /// The entity whose canonical name is `name`.
    func entity(named name: String) -> Entity? { entities.first { $0.name == name } }
    /// The texts of an entity's mentions.
    func mentionTexts(_ entity: Entity) -> [String] { entity.mentions.map { string($0.range) } }
}

/// The lexicons the binary ships with, built once for all tests.
let bundledLexicon = ExtractionLexicon(LexiconSet.bundled)
