/// A text that is not a valid date, with the text and why.
public struct TimelineDateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text as given (trimmed of surrounding spaces).
    public let input: String
    /// Why it is not a date, as a sentence fragment: "February 2022 has 28 days".
    public let reason: String
    /// Whether the text is a date but for its year (`1er décembre`, `mi-mars`), which a
    /// reference day would give it.
    public let needsYear: Bool
    /// Whether the text is relative (`yesterday`, `last week`) and no current day was given.
    public let needsToday: Bool

    public init(input: String, reason: String, needsYear: Bool = false, needsToday: Bool = false) {
        self.input = input
        self.reason = reason
        self.needsYear = needsYear
        self.needsToday = needsToday
    }

    /// One sentence: `'2022-02-30' is not a valid date: February 2022 has 28 days.`
    public var description: String {
        let end = reason.hasSuffix(".") ? "" : "."
        return "'\(input)' is not a valid date: \(reason)\(end)"
    }
}
