/// Counts of events, and exact sums of one measure, grouped by kind, period or entity, or by two
/// of them (each entity's sums by year).
public struct TimelineStatistics: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        case kind, year, quarter, month, entity
    }

    /// One group (and, with a sum, one unit within it).
    public struct Row: Sendable, Equatable {
        /// The group's key in each grouping: `layoff`, `2022`, `2022-Q2`, `2022-12`, an entity
        /// slug; a date's own EDTF when it spans several periods.
        public var groups: [String]
        /// The key in the first grouping.
        public var group: String { groups[0] }
        public var events: Int
        /// The exact sum of the measure in `unit`, or nil when no sum was asked or none was found.
        public var sum: String?
        public var unit: String?
        /// How many figures were added.
        public var measures: Int
        /// Some figure in the sum was approximate ("about"), or figures bounded from below and
        /// from above were added together: so is the sum.
        public var approximate: Bool = false
        /// The sum is a bound, as the figures bounded one way make it: `more-than` or `at-least`
        /// (some figure was "more than"/"at least", none bounded from above), `less-than` or
        /// `up-to`; nil for a sum bounded neither way or both. With `approximate` too, the bound
        /// is an estimate: more than about the sum.
        public var qualifier: String? = nil
    }

    /// What the figures added into one sum were: exact, approximate, or bounds one way.
    struct SumBounds: Sendable {
        var approximate = false
        var lower = false, lowerStrict = false
        var upper = false, upperStrict = false

        mutating func add(_ measure: Measure) {
            if measure.approximate { approximate = true }
            switch measure.qualifier {
            case nil: break
            case "at-least": lower = true
            case "more-than": lower = true; lowerStrict = true
            case "up-to": upper = true
            case "less-than": upper = true; upperStrict = true
            default: approximate = true
            }
        }

        /// The sum's `approximate` and `qualifier`: a lower bound plus an upper bound bounds
        /// nothing; a bound plus an estimate is a bound that is an estimate.
        var sumQuality: (approximate: Bool, qualifier: String?) {
            if lower && upper { return (true, nil) }
            if lower { return (approximate, lowerStrict ? "more-than" : "at-least") }
            if upper { return (approximate, upperStrict ? "less-than" : "up-to") }
            return (approximate, nil)
        }
    }

    /// The groupings, outermost first (one or two).
    public let groupings: [Grouping]
    public var grouping: Grouping { groupings[0] }
    public let quantity: String?
    public private(set) var rows: [Row] = []
    /// Events that give more than one figure of the summed quantity for one entity and unit, of
    /// which one counted.
    public private(set) var eventsWithSeveralFigures: [String] = []
    /// The names of the entities grouped by, by slug, for the tables people read.
    public private(set) var entityNames: [String: String] = [:]

    /// By a group's keys joined with NUL (one key for one grouping).
    private var eventCounts: [String: Int] = [:]
    private var sums: [String: [String: (ExactDecimal, Int)]] = [:]
    private var bounds: [String: SumBounds] = [:]
    private var order: [String] = []
    /// A group's sort key in each grouping: periods sort by their first day, so a season or a
    /// whole year sits among the quarters it spans.
    private var sortKeys: [[String: String]]
    private let dateField: EventQuery.DateField

    public init(grouping: Grouping, quantity: String?, dateField: EventQuery.DateField = .when) {
        self.init(groupings: [grouping], quantity: quantity, dateField: dateField)
    }

    /// - Parameter groupings: one, or two for groups within groups (`[.entity, .year]`).
    public init(groupings: [Grouping], quantity: String?, dateField: EventQuery.DateField = .when) {
        precondition(!groupings.isEmpty, "a grouping is needed")
        self.groupings = groupings
        self.quantity = quantity
        self.dateField = dateField
        sortKeys = Array(repeating: [:], count: groupings.count)
    }

    /// The lists `add` reads: an event's entities when grouping by entity, its figures, entities
    /// and citations when summing one; counting by kind or period needs none.
    public var neededDetails: EventDetails {
        var details: EventDetails = []
        if groupings.contains(.entity) { details.insert(.entities) }
        // Citations say which source of several figures corrects the others.
        if quantity != nil { details.formUnion([.entities, .measures, .citations]) }
        return details
    }

    /// Counts one event into its groups, and adds up its figure.
    public mutating func add(_ event: Event) throws {
        let (keys, groups) = count(1, kind: event.kind, date: groupedDate(of: event), entities: event.entities.map { ($0.slug, $0.name) })
        try addFigures(of: event, keys: keys, groups: groups)
    }

    /// Adds up the figure of an event counted already (`add(events:kind:date:entity:)`), as `add(_:)` does.
    mutating func addFigures(of event: Event) throws {
        let (keys, groups) = groupsOf(kind: event.kind, date: groupedDate(of: event), entities: event.entities.map { ($0.slug, $0.name) })
        try addFigures(of: event, keys: keys, groups: groups)
    }

    /// The event's date that periods group by (`dateField`).
    private func groupedDate(of event: Event) -> TimelineDate? {
        dateField == .when ? event.when : event.announced
    }

    /// Adds up the event's figures of `quantity` into its groups (`keys` and `groups`, from its
    /// kind, date and entities), or into its measured entity's.
    private mutating func addFigures(of event: Event, keys: [[String]], groups: [String]) throws {
        guard let quantity else { return }
        for measure in counted(event.measures.filter { $0.quantity == quantity }, of: event) {
            guard let value = ExactDecimal(measure.value) else {
                throw TimelineError(.badData, "event \(event.uid) has a \(quantity) value '\(measure.value)' that is not an exact decimal.")
            }
            // A figure that names no entity counts toward the event's first, as an import attaches it.
            let measureGroups = groupings.contains(.entity)
                ? Self.combinations(zip(groupings, keys).map { grouping, keys in
                    grouping == .entity ? [measure.entity ?? event.entities.first?.slug ?? "(none)"] : keys
                })
                : groups
            for group in measureGroups {
                if eventCounts[group] == nil {
                    order.append(group)
                    eventCounts[group] = 0
                }
                let (total, count) = sums[group, default: [:]][measure.unit] ?? (.zero, 0)
                sums[group, default: [:]][measure.unit] = (total + value, count + 1)
                if measure.approximate || measure.qualifier != nil { bounds[group + "\u{0}" + measure.unit, default: SumBounds()].add(measure) }
            }
        }
    }

    /// Counts `events` events that share a kind, a date (of `dateField`) and an entity into their
    /// groups, as `add(_:)` counts each of them: what SQL counted, grouped by what the groupings
    /// read (`TimelineStore.addEvents`). `entity` is nil for events with no entity; an event with
    /// several is counted once with each. Only what the groupings read needs to be given.
    mutating func add(events: Int, kind: String, date: TimelineDate?, entity: (slug: String, name: String)?) {
        _ = count(events, kind: kind, date: date, entities: entity.map { [$0] } ?? [])
    }

    /// Counts `events` events of this kind, date and entities into their groups: each grouping's
    /// keys, and the groups they make.
    private mutating func count(_ events: Int, kind: String, date: TimelineDate?,
                                entities: [(slug: String, name: String)]) -> (keys: [[String]], groups: [String]) {
        let (keys, groups) = groupsOf(kind: kind, date: date, entities: entities)
        for group in groups {
            if eventCounts[group] == nil { order.append(group) }
            eventCounts[group, default: 0] += events
        }
        return (keys, groups)
    }

    /// The groups of events of this kind, date and entities: each grouping's keys, and the groups
    /// they make. The entities' names and the periods' sort keys are noted.
    private mutating func groupsOf(kind: String, date: TimelineDate?,
                                   entities: [(slug: String, name: String)]) -> (keys: [[String]], groups: [String]) {
        let slugs = entities.map(\.slug)
        let keys = groupings.map { groupKeys(kind: kind, date: date, entitySlugs: slugs, by: $0) }
        if groupings.contains(.entity) {
            for entity in entities where entityNames[entity.slug] == nil { entityNames[entity.slug] = entity.name }
        }
        for (dimension, grouping) in groupings.enumerated()
        where (grouping == .year || grouping == .quarter || grouping == .month) && keys[dimension].count == 1 {
            // The same for every event in the group: worked out once.
            if let earliest = date?.earliest, sortKeys[dimension][keys[dimension][0]] == nil {
                // A regular period sorts by its own first day; a spanning date by its earliest day.
                let key = keys[dimension][0]
                let start = periodKey(earliest, by: grouping) == key ? periodStart(earliest, by: grouping) : earliest
                sortKeys[dimension][key] = start.iso + " " + key
            }
        }
        return (keys, Self.combinations(keys))
    }

    /// The figures of one event that count: one for each entity and unit. Several for one
    /// entity and unit are sources that disagree, a correction, or counts at different times,
    /// never parts to add up: the one from a source the event cites as correcting counts, else
    /// the first listed not from a source that contradicts the event, else the first listed; the
    /// event is named in `eventsWithSeveralFigures`.
    private mutating func counted(_ figures: [Measure], of event: Event) -> [Measure] {
        guard figures.count > 1 else { return figures }
        let first = event.entities.first?.slug
        // A source's standing: 2 correcting, 0 contradicting, 1 otherwise (or no source); cited
        // both ways, the more trusted.
        var standing: [String: Int] = [:]
        for citation in event.citations {
            let rank = citation.stance == .corrects ? 2 : citation.stance == .contradicts ? 0 : 1
            standing[citation.source.key] = max(standing[citation.source.key] ?? 0, rank)
        }
        func rank(_ figure: Measure) -> Int { figure.source.flatMap { standing[$0] } ?? 1 }
        var kept: [Measure] = []
        var setAside = false
        for figure in figures {
            let entity = figure.entity ?? first
            guard let index = kept.firstIndex(where: { ($0.entity ?? first) == entity && $0.unit == figure.unit }) else {
                kept.append(figure)
                continue
            }
            setAside = true
            if rank(figure) > rank(kept[index]) { kept[index] = figure }
        }
        if setAside { eventsWithSeveralFigures.append(event.uid) }
        return kept
    }

    /// Every group an event is in: one key from each grouping's (`[["acme", "beta"], ["2022"]]`
    /// gives `acme␀2022` and `beta␀2022`).
    private static func combinations(_ keys: [[String]]) -> [String] {
        keys.dropFirst().reduce(keys[0]) { groups, next in groups.flatMap { group in next.map { group + "\u{0}" + $0 } } }
    }

    /// The rows, groups in order (periods chronologically, kinds and entities by name), by the
    /// first grouping, then within it by the second.
    public func finished() -> [Row] {
        let split = Dictionary(uniqueKeysWithValues: order.map { ($0, $0.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)) })
        // Each group's sort key made once, not at every comparison.
        let groups = order.map { group in
            (group, split[group]!.enumerated().map { dimension, key in sortKeys[dimension][key] ?? key })
        }.sorted { $0.1.lexicographicallyPrecedes($1.1) }.map(\.0)
        var rows: [Row] = []
        for group in groups {
            let events = eventCounts[group] ?? 0
            let units = sums[group] ?? [:]
            if quantity == nil || units.isEmpty {
                rows.append(Row(groups: split[group]!, events: events, sum: nil, unit: nil, measures: 0))
            } else {
                for unit in units.keys.sorted() {
                    let (total, count) = units[unit]!
                    let quality = bounds[group + "\u{0}" + unit]?.sumQuality ?? (approximate: false, qualifier: nil)
                    rows.append(Row(groups: split[group]!, events: events, sum: total.trimmingTrailingZeros.description, unit: unit, measures: count,
                                    approximate: quality.approximate, qualifier: quality.qualifier))
                }
            }
        }
        return rows
    }

    private func groupKeys(kind: String, date: TimelineDate?, entitySlugs: [String], by grouping: Grouping) -> [String] {
        switch grouping {
        case .kind: return [kind]
        case .entity: return entitySlugs.isEmpty ? ["(none)"] : entitySlugs.count == 1 ? entitySlugs : Array(Set(entitySlugs)).sorted()
        case .year, .quarter, .month:
            guard let date else { return ["(none)"] }
            guard let earliest = date.earliest, let latest = date.latest else { return [date.edtf] }
            let first = periodKey(earliest, by: grouping)
            // A date less precise than the period (2022 when grouping by month) is its own group.
            return first == periodKey(latest, by: grouping) ? [first] : [date.edtf]
        }
    }

    private func periodStart(_ day: CalendarDay, by grouping: Grouping) -> CalendarDay {
        switch grouping {
        case .quarter: return CalendarDay(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1) ?? day
        case .month: return CalendarDay(year: day.year, month: day.month, day: 1) ?? day
        default: return CalendarDay(year: day.year, month: 1, day: 1) ?? day
        }
    }

    private func periodKey(_ day: CalendarDay, by grouping: Grouping) -> String {
        // Four digits, as EDTF and `list` write years, so that keys sort as text (0099 before 2022).
        let year = String(day.iso.prefix(4))
        switch grouping {
        case .quarter: return "\(year)-Q\((day.month - 1) / 3 + 1)"
        case .month: return "\(year)-\(day.month < 10 ? "0" : "")\(day.month)"
        default: return year
        }
    }
}
