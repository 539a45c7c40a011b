/// Schema identifiers written into every report; bumped whenever a field is renamed or removed.
public enum ReportSchema {
    /// The DocumentReport schema.
    public static let document = "parley.document/1"
    /// The CorpusReport schema.
    public static let corpus = "parley.corpus/1"
}
