/// The case of a token's first letter, as the sentence splitter needs it.
enum LetterCase {
    /// `a`, `é`, `ж`: a lower-case start continues a sentence.
    case lower
    /// `A`, `É`, `Ж` (title case counts as upper).
    case upper
    /// A letter of a script without case (CJK, Arabic …).
    case uncased
    /// Not a letter.
    case none
}
