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
    public var limit: Int?
    public var offset: Int = 0
    /// Latest first.
    public var reverse = false

    public init(
        from: CalendarDay? = nil, to: CalendarDay? = nil, within: Bool = false, dateField: DateField = .when,
        kinds: [String] = [], entities: [String] = [], limit: Int? = nil, offset: Int = 0, reverse: Bool = false
    ) {
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
