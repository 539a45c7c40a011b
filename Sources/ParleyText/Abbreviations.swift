/// The abbreviations whose final period belongs to the word, in two behaviours.
///
/// - **Prefixes** qualify what follows them and never end a sentence: titles (`Mr.`, `Dr.`,
///   `Gen.`), `e.g.`, `i.e.`, `vs.`, `approx.`.
/// - **General** abbreviations may end a sentence (`Apple Inc. The company …`): the splitter
///   ends the sentence after one only when the next word is a common sentence starter
///   (see ``SentenceStarters``), and never before a digit or a lower-case word.
///
/// Entries are matched case-sensitively (`No.` is an abbreviation, `no.` is the word *no*) and
/// are ASCII, at most 16 bytes including the period; other entries are ignored. Initialisms with
/// inner periods (`U.S.`, `a.m.`, `Ph.D.`) need no entry: the tokenizer recognises their shape.
public struct Abbreviations: Sendable {
    let prefixes: ShortKeySet
    let general: ShortKeySet

    /// Creates a table; a missing final period is added to each entry.
    /// - Parameters:
    ///   - prefixes: abbreviations that never end a sentence.
    ///   - general: abbreviations that may end one.
    public init(prefixes: some Sequence<String>, general: some Sequence<String>) {
        func keys(_ words: some Sequence<String>) -> ShortKeySet {
            ShortKeySet(words.compactMap { ShortKey($0.hasSuffix(".") ? $0 : $0 + ".") })
        }
        self.prefixes = keys(prefixes)
        self.general = keys(general)
    }

    /// Returns a table with more entries, for a user's lexicon of extra abbreviations.
    /// - Parameters:
    ///   - prefixes: extra abbreviations that never end a sentence.
    ///   - general: extra abbreviations that may end one.
    /// - Returns: the union of this table and the new entries.
    public func adding(prefixes: some Sequence<String> = [String](), general: some Sequence<String> = [String]()) -> Abbreviations {
        let extra = Abbreviations(prefixes: prefixes, general: general)
        return Abbreviations(prefixes: ShortKeySet(self.prefixes.members + extra.prefixes.members),
                             general: ShortKeySet(self.general.members + extra.general.members))
    }

    private init(prefixes: ShortKeySet, general: ShortKeySet) {
        self.prefixes = prefixes
        self.general = general
    }

    /// True when `bytes[range]` (the word *with* its final period) is in either list.
    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let key = ShortKey(bytes, range) else { return false }
        return prefixes.contains(key) || general.contains(key)
    }

    /// True when `bytes[range]` is an abbreviation that never ends a sentence.
    @inline(__always)
    func isPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let key = ShortKey(bytes, range) else { return false }
        return prefixes.contains(key)
    }

    /// English news abbreviations.
    ///
    /// `May.` is left out (it is far more often the month at the end of a sentence), and so are
    /// `Sat.` and `Sun.` (*The Sun.* ends sentences). `St.`, `Mt.`, `Jr.` and `Sr.` are general
    /// because `Main St.` or `King Jr.` can close a sentence.
    public static let english = Abbreviations(
        prefixes: [
            "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mmes", "Mlle", "Dr", "Drs", "Prof", "Gov", "Govs", "Sen", "Sens",
            "Rep", "Reps", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpt", "Adm", "Maj", "Cmdr", "Cdr", "Cpl", "Pvt",
            "Rev", "Revd", "Hon", "Fr", "Pres", "Supt", "Insp", "Det", "Amb", "Atty", "Gens", "Brig",
            "e.g", "i.e", "cf", "vs", "viz", "approx", "ca",
        ],
        general: [
            "Co", "Corp", "Inc", "Ltd", "Bros", "Cos", "No", "Nos", "etc", "al", "St", "Mt", "Ft", "Jr", "Sr",
            "Ave", "Blvd", "Rd", "Dept", "Univ", "Assn", "Est", "est", "Fig", "Vol", "vol", "pp", "Ph.D",
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
            "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
            "U.S", "U.K", "U.N", "E.U", "a.m", "p.m",
        ])
}
