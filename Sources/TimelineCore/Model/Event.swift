/// Something that happened (or was planned, considered, cancelled), with its dates, the entities
/// involved, its figures and the sources that back it.
public struct Event: Sendable, Equatable {
    public var uid: String
    public var kind: String
    public var status: EventStatus
    public var title: String
    public var summary: String?
    /// When it happens (may be an interval, such as a service's life).
    public var when: TimelineDate
    /// When it was made public, where known.
    public var announced: TimelineDate?
    public var entities: [EventEntity]
    public var tags: [String]
    public var measures: [Measure]
    public var citations: [Citation]
    /// When the event row was recorded (UTC, ISO 8601).
    public var recordedAt: String

    public init(
        uid: String, kind: String, status: EventStatus, title: String, summary: String? = nil,
        when: TimelineDate, announced: TimelineDate? = nil, entities: [EventEntity] = [], tags: [String] = [],
        measures: [Measure] = [], citations: [Citation] = [], recordedAt: String = ""
    ) {
        self.uid = uid
        self.kind = kind
        self.status = status
        self.title = title
        self.summary = summary
        self.when = when
        self.announced = announced
        self.entities = entities
        self.tags = tags
        self.measures = measures
        self.citations = citations
        self.recordedAt = recordedAt
    }
}

/// Whether an event took place, or was only planned, considered, or called off.
public enum EventStatus: String, Sendable, CaseIterable, Equatable {
    case occurred, planned, considered, cancelled
}

/// An entity's part in an event.
public struct EventEntity: Sendable, Equatable {
    public var slug: String
    public var name: String
    public var role: String

    public init(slug: String, name: String, role: String) {
        self.slug = slug
        self.name = name
        self.role = role
    }
}
