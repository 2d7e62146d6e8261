/// Which of an event's lists a reading fills: a caller that needs only some (`stats` counting by
/// kind or period needs none) is spared the statements that read the others, and the events it
/// gets have the others empty.
public struct EventDetails: OptionSet, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public static let entities = EventDetails(rawValue: 1 << 0)
    public static let tags = EventDetails(rawValue: 1 << 1)
    public static let measures = EventDetails(rawValue: 1 << 2)
    public static let citations = EventDetails(rawValue: 1 << 3)
    public static let all: EventDetails = [.entities, .tags, .measures, .citations]
}
