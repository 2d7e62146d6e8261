extension TimelineDate {
    /// One end of an interval while it is being built.
    enum IntervalSide: Hashable, Sendable {
        case date(TimelineDate)
        case open
        case unknown

        var date: TimelineDate? {
            if case .date(let date) = self { date } else { nil }
        }

        var kind: IntervalEnd {
            switch self {
            case .date: .date
            case .open: .open
            case .unknown: .unknown
            }
        }

        /// The side's EDTF text: the date's, `..` or empty.
        var edtf: String {
            switch self {
            case .date(let date): date.edtf
            case .open: ".."
            case .unknown: ""
            }
        }
    }

    /// An interval after checking it has a date and does not end before it starts.
    ///
    /// "Before" means the end's last day is earlier than the start's first day: `2022/2022-06`
    /// (an end inside the start) is allowed, `2022-12/2022-06` is not.
    static func checkedInterval(from start: IntervalSide, to end: IntervalSide,
                                edtf: String? = nil, input: String) throws(TimelineDateError) -> TimelineDate {
        guard start.date != nil || end.date != nil else {
            throw TimelineDateError(input: input, reason: "an interval needs a date at one end at least")
        }
        if let first = start.date?.earliest, let last = end.date?.latest, last < first {
            throw TimelineDateError(
                input: input, reason: "its end (\(end.edtf)) is before its start (\(start.edtf))")
        }
        return TimelineDate(intervalFrom: start, to: end, edtf: edtf)
    }
}
