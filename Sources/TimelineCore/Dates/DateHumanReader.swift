/// Reads the date forms people write, in English or French, into a `TimelineDate`.
struct DateHumanReader {
    let text: String
    let context: DateParsingContext

    static let notUnderstoodReason =
        "it is not a date form this tool reads (try 2022-12-01, 2022-12, Q2 2022, December 2022 or 1 Dec 2022)"

    /// The date, nil when the text is no form this reader knows, or an error when it is one but
    /// names a day that does not exist or lacks what it needs (a year, the current date).
    func read() throws(TimelineDateError) -> TimelineDate? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        var year: Int?
        var quarter: Int?
        for word in words {
            if word.count == 4, let value = Int(word) { year = value; continue }
            if word.count == 2, word.hasPrefix("q"), let value = Int(word.dropFirst()) { quarter = value; continue }
            if word.count == 7, word.dropFirst(4).hasPrefix("-q"), let value = Int(word.prefix(4)),
               let number = Int(word.dropFirst(6)) {
                year = value
                quarter = number
                continue
            }
            return nil
        }
        guard let year, let quarter else { return nil }
        let period = TimelineDate.Period.quarter(year: year, quarter: quarter)
        if let problem = period.problem { throw TimelineDateError(input: text, reason: problem) }
        return TimelineDate(period: period)
    }
}
