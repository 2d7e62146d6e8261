/// What a parse may need besides the text: dates to complete partial or relative forms.
public struct DateParsingContext: Sendable {
    /// The day a text was written (a source's publication date, `--ref`): gives a year to a day or
    /// month written without one, taking the occurrence nearest to it.
    public var reference: CalendarDay?

    /// The last day of the reference when it is a period, not a day (a source published `2022`
    /// was written some day of it): the nearest occurrence is the nearest to any of its days.
    public var referenceEnd: CalendarDay?

    /// For an announcement, which the text reporting it follows: the latest occurrence begun by
    /// the reference's last day (`September` in an article of 12 September 2022 is Sep 2022), and
    /// a day of the week named alone the last one up to today (`Tuesday`).
    public var latestBeforeReference = false

    /// The current day, for relative forms (`today`, `last quarter`, `30 days ago`). The library
    /// reads no clock, so a relative form without it is an error; the CLI always passes it.
    public var today: CalendarDay?

    /// Why `today` is missing, said when a relative form needs it (`TIMELINE_TODAY 'x' is not a
    /// day`): a bad setting fails only what depends on it.
    public var missingTodayReason: String?

    /// Whether `today` was given for the purpose (`--today`): relative event dates then count from
    /// it, not from their source's publication day.
    public var todayGiven = false

    /// Takes a date's days as the reference (a day, or a period: a source published `2022` was
    /// written some day of it; an open end is left out). False, and nothing set, for a date with
    /// no day at either end.
    public mutating func setReference(_ date: TimelineDate) -> Bool {
        guard let first = date.earliest ?? date.latest else { return false }
        reference = first
        referenceEnd = date.latest ?? first
        return true
    }

    public init(reference: CalendarDay? = nil, today: CalendarDay? = nil, missingTodayReason: String? = nil) {
        self.reference = reference
        self.today = today
        self.missingTodayReason = missingTodayReason
    }
}
