/// Which events to list, and in what order.
public struct EventQuery: Sendable, Equatable {
    /// The date an event is filtered and sorted on.
    public enum DateField: String, Sendable, CaseIterable {
        case when, announced
    }

    /// The first day of the range (inclusive); nil for no lower bound.
    public var from: CalendarDay?
    /// The last day of the range (inclusive); nil for no upper bound.
    public var to: CalendarDay?
    /// Only events lying wholly inside the range, instead of overlapping it.
    public var within = false
    public var dateField: DateField = .when
    /// Event kinds to keep (any of them); empty for all.
    public var kinds: [String] = []
    /// Entities (slug, name or alias) to keep events of (any of them); empty for all.
    public var entities: [String] = []
    /// Also events of entities related to those named (part-of, product-of, contractor-of, acquired-by,
    /// transitively), from the days those relations held (see `EntityScope`).
    public var related = false
    /// Statuses to keep (any of them); empty for all.
    public var statuses: [EventStatus] = []
    /// Tags to keep (any of them); empty for all.
    public var tags: [String] = []
    /// Full-text search: words (accents and case ignored), `prefix*`, `"a phrase"`, AND / OR / NOT.
    public var search: String?
    /// With `search`: best matches first instead of chronological order.
    public var rank = false
    /// The timeline as it had been reported by this day: only events cited by a source published
    /// on or before it, with only what such sources said.
    public var asOf: CalendarDay?
    public var limit: Int?
    public var offset: Int = 0
    /// Latest first.
    public var reverse = false
    /// Only events giving a figure of this quantity: the events a sum reads (`TimelineStore.addEvents`).
    var measuredQuantity: String?

    public init(
        from: CalendarDay? = nil, to: CalendarDay? = nil, within: Bool = false, dateField: DateField = .when,
        kinds: [String] = [], entities: [String] = [], related: Bool = false, statuses: [EventStatus] = [],
        tags: [String] = [], search: String? = nil, rank: Bool = false, asOf: CalendarDay? = nil,
        limit: Int? = nil, offset: Int = 0, reverse: Bool = false
    ) {
        self.related = related
        self.statuses = statuses
        self.tags = tags.map { $0.trimmingSpaces() }  // as tags are stored
        self.search = search
        self.rank = rank
        self.asOf = asOf
        self.from = from
        self.to = to
        self.within = within
        self.dateField = dateField
        self.kinds = kinds
        self.entities = entities
        self.limit = limit
        self.offset = offset
        self.reverse = reverse
    }
}
