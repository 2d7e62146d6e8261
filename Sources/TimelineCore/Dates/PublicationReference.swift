/// What an event's date may take a year or a current day from: the publication date of a source
/// it cites, a source cited without one, or no source.
public enum PublicationReference: Sendable {
    case published(TimelineDate)
    case citedUndated
    case none
}
