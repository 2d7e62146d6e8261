import Testing
@testable import TimelineCore

/// Suggestions for a mistyped name: the edit distance, its bound, and the order.
struct NameSuggestionsTests {
    @Test(arguments: [
        ("kitten", "sitting", 3), ("amazon", "amazon", 0), ("", "abc", 3), ("abc", "", 3), ("flaw", "lawn", 2),
        ("société", "societe", 2), ("ab", "ba", 1), ("whne", "when", 1), ("tilte", "title", 1), ("abcd", "badc", 2),
        ("ca", "abc", 3),
    ])
    /// Levenshtein's, with a swap of two neighbours one edit (the optimal string alignment distance).
    func editDistanceCountsASwapAsOneEdit(a: String, b: String, distance: Int) {
        #expect(NameSuggestions.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: 10) == distance)
        #expect(NameSuggestions.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: distance) == distance)
        if distance > 0 {
            #expect(NameSuggestions.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: distance - 1) == nil)
        }
    }

    @Test func closestNamesComeFirstAndFarOnesNotAtAll() {
        let known = ["amazon", "amazon-care", "amazon-health", "one-medical", "care-medical", "amazin"]
        #expect(NameSuggestions.closest(to: "amazon-car", among: known) == ["amazon-care"])
        #expect(NameSuggestions.closest(to: "amazn", among: known) == ["amazin", "amazon"])
        #expect(NameSuggestions.closest(to: "amazon-hea", among: known) == ["amazon-health"], "three edits, where amazon-care is four")
        #expect(NameSuggestions.closest(to: "xyz", among: known).isEmpty)
    }
}
