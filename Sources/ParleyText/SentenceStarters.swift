/// Capitalised words that commonly open an English sentence.
///
/// After a *general* abbreviation (`U.S.`, `Inc.`, `a.m.`, `etc.`) or an initial, a capitalised
/// word is ambiguous: `in the U.S. The plan …` starts a sentence, `the U.S. Senate` does not.
/// Function words, pronouns and sentence adverbs rarely continue a name, so the splitter breaks
/// only before one of these; before anything else (a name, a noun) it assumes the sentence goes on.
enum SentenceStarters {
    /// The words, in their capitalised form.
    static let english = ShortKeySet([
        "The", "A", "An", "And", "But", "Or", "So", "Yet", "Nor", "For",
        "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
        "This", "That", "These", "Those", "There", "Here", "Then", "Now", "Today", "Yesterday", "Tomorrow",
        "Earlier", "Later", "Meanwhile", "However", "Still", "Also", "Even", "Only", "Thus", "Hence",
        "Therefore", "Moreover", "Furthermore", "Nevertheless", "Nonetheless", "Instead", "Indeed",
        "Overall", "Finally", "First", "Last", "Next", "In", "On", "At", "As", "By", "From", "With",
        "Without", "After", "Before", "During", "Since", "While", "When", "Where", "What", "Why", "How",
        "Who", "Which", "If", "Although", "Though", "Because", "Despite", "Under", "Over", "Of", "To",
        "Some", "Many", "Most", "Much", "More", "Few", "Several", "All", "Both", "Each", "Every", "Other",
        "Others", "Another", "One", "No", "Not", "Neither", "None", "Nothing", "Such", "According", "Asked",
    ].compactMap { ShortKey($0) })
}
