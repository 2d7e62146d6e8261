/// What an event's date may take a year or a current day from: the publication date of a source
/// it cites, a source cited without one, or no source.
public enum PublicationReference: Sendable {
    case published(TimelineDate)
    case citedUndated
    case none
}

extension TimelineDate {
    /// Why this date cannot be a source's publication date, if it cannot: a source came out on a
    /// day, in a month or year, or between two such; `2022/..` would leave `--as-of` and the
    /// years it gives to dates without one nothing to count from.
    public var publicationProblem: String? {
        earliest == nil || latest == nil
            ? "is open at one end, and a source was published on a day, in a month or year, or between two of them"
            : nil
    }
}
