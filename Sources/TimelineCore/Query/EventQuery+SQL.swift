import SQLiteStorage

extension EventQuery {
    /// The SQL (with its arguments) that reads the matching events in order: the row id, then
    /// `columns` (of `events AS e`).
    ///
    /// An event matches a range when its [earliest, latest] overlaps it; NULL ends are open, i.e.
    /// -infinity for earliest and +infinity for latest. With `within`, both ends must be known and inside.
    ///
    /// A date range and nothing else is ordered from the R*Tree's day numbers, without reading an
    /// event's row to sort it (`EventSelection.TieBreak`); `orderingFromSpans: false` sorts it
    /// like any other selection (tests compare the two).
    func selection(entities: EntityScope, columns: String = EventReader.eventColumns,
                   excludingUIDsWithHistory: Bool = false, orderingFromSpans: Bool = true) -> EventSelection {
        let column = dateField.rawValue
        let direction = reverse ? "DESC" : "ASC"
        var filter = filter(entities: entities, excludingUIDsWithHistory: excludingUIDsWithHistory)
        if let spanSelection = filter.spanSelection, orderingFromSpans, filter.conditions.count == 1, search == nil {
            // Day numbers order as the ISO days do (open ends are far-away days: an open start
            // first, an open end last), so the R*Tree gives the order up to ties, which the uid breaks.
            return EventSelection(
                sql: "SELECT id, earliest_day, latest_day \(spanSelection) ORDER BY earliest_day \(direction), latest_day \(direction)",
                arguments: filter.arguments, rowsSQL: EventSelection.rowsSQL(columns: columns),
                tieBreak: EventSelection.TieBreak(
                    sql: "SELECT e.id FROM events AS e WHERE e.id IN (SELECT value FROM json_each(?1)) ORDER BY e.uid \(direction)",
                    descending: reverse, offset: offset, limit: limit))
        }
        var from = "events AS e"
        if let search {
            let match = filter.argument(.text(SearchQuery.ftsExpression(search)))
            if rank {
                from += " JOIN event_search AS s ON s.rowid = e.id"
                filter.conditions.append("event_search MATCH \(match)")
            } else {
                filter.conditions.append(Self.searchMembership(match))
            }
        }
        // Chronological: earliest day (open start first), then latest day (the more precise first,
        // open end last), then uid. SQLite sorts NULL first ascending and last descending, which is
        // where an open start belongs either way; so the first term is the bare column, and the
        // (earliest, latest) index gives that order without sorting the whole table.
        let order = """
            ORDER BY \(search != nil && rank ? "s.rank \(direction), " : "")e.\(column)_earliest \(direction),
                     e.\(column)_latest IS NULL \(direction), e.\(column)_latest \(direction), e.uid \(direction)
            """
        var limitClause = ""
        if limit != nil || offset > 0 {
            limitClause = "\nLIMIT \(filter.argument(.integer(Int64(limit ?? -1)))) OFFSET \(filter.argument(.integer(Int64(offset))))"
        }
        guard !filter.conditions.isEmpty else {
            return EventSelection(sql: "SELECT e.id, \(columns) FROM \(from)\n\(order)\(limitClause)", arguments: filter.arguments)
        }
        let sql = """
            SELECT e.id FROM \(from)
            WHERE \(Self.joined(filter.conditions, by: " AND "))
            \(order)\(limitClause)
            """
        return EventSelection(sql: sql, arguments: filter.arguments, rowsSQL: EventSelection.rowsSQL(columns: columns))
    }

    /// The conditions on `events AS e` that a matching event meets, all of them (none: every event),
    /// with their arguments (`?1` on). A date range on `when` is answered by the R*Tree:
    /// `spanSelection` is its `FROM event_spans WHERE …`.
    struct Filter {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        var spanSelection: String?

        /// Adds `value` to the arguments and returns its placeholder (`?N`).
        mutating func argument(_ value: SQLValue) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
    }

    /// The search's condition in the form that needs no join: the events whose documents match
    /// the FTS expression bound at `match`.
    private static func searchMembership(_ match: String) -> String {
        "e.id IN (SELECT rowid FROM event_search WHERE event_search MATCH \(match))"
    }

    /// The query's filter but for the search, which the selection joins or tests as its order needs.
    func filter(entities: EntityScope, excludingUIDsWithHistory: Bool = false) -> Filter {
        let column = dateField.rawValue
        var filter = Filter()
        if dateField == .announced {
            filter.conditions.append("e.announced_edtf IS NOT NULL")
        }
        if dateField == .when && (from != nil || to != nil) {
            // The R*Tree over day numbers answers the overlap (or containment) test exactly, visiting
            // only events near the range; open ends are stored there as far-away days.
            var spanConditions: [String] = []
            if within {
                if let from { spanConditions.append("earliest_day >= \(filter.argument(.integer(Int64(from.dayNumber))))") }
                if let to { spanConditions.append("latest_day <= \(filter.argument(.integer(Int64(to.dayNumber))))") }
            } else {
                if let to { spanConditions.append("earliest_day <= \(filter.argument(.integer(Int64(to.dayNumber))))") }
                if let from { spanConditions.append("latest_day >= \(filter.argument(.integer(Int64(from.dayNumber))))") }
            }
            filter.spanSelection = "FROM event_spans WHERE \(Self.joined(spanConditions, by: " AND "))"
            filter.conditions.append("e.id IN (SELECT id \(filter.spanSelection!))")
        } else if within {
            if let from {
                filter.conditions.append("e.\(column)_earliest >= \(filter.argument(.text(from.iso)))")
            }
            if let to {
                filter.conditions.append("e.\(column)_latest <= \(filter.argument(.text(to.iso)))")
            }
        } else {
            if let to {
                filter.conditions.append("(e.\(column)_earliest IS NULL OR e.\(column)_earliest <= \(filter.argument(.text(to.iso))))")
            }
            if let from {
                filter.conditions.append("(e.\(column)_latest IS NULL OR e.\(column)_latest >= \(filter.argument(.text(from.iso))))")
            }
        }
        if !kinds.isEmpty {
            filter.conditions.append("e.kind IN (" + Self.joined(kinds.map { filter.argument(.text($0)) }, by: ", ") + ")")
        }
        if !entities.isEmpty {
            // An entity named counts for all its events; one reached by relations only for events
            // whose own dates (`when`, whatever `dateField` is) meet the days its relations held.
            // The windows go in as one JSON argument, whatever their number: a term each would
            // pass SQLite's limit on an expression's depth at a thousand dated relations.
            var alternatives: [String] = []
            let always = entities.members.filter(\.isAlways)
            if always.count > 64 {
                let list = "[" + Self.joined(always.map { String($0.id) }, by: ",") + "]"
                alternatives.append("e.id IN (SELECT event_id FROM event_entities WHERE entity_id IN (SELECT value FROM json_each(\(filter.argument(.text(list))))))")
            } else if !always.isEmpty {
                let list = Self.joined(always.map { filter.argument(.integer($0.id)) }, by: ", ")
                alternatives.append("e.id IN (SELECT event_id FROM event_entities WHERE entity_id IN (\(list)))")
            }
            let windowed = entities.members.filter { !$0.isAlways }.flatMap { member in
                member.windows.map { "[\(member.id),\(Self.jsonDay($0.earliest)),\(Self.jsonDay($0.latest))]" }
            }
            if !windowed.isEmpty {
                // Not correlated with `e`: SQLite works the set of ids out once, visiting each
                // window's entity's events (by the entity index), not every event for every window.
                alternatives.append(
                    """
                    e.id IN (SELECT ee.event_id FROM json_each(\(filter.argument(.text("[" + Self.joined(windowed, by: ",") + "]")))) AS w
                             JOIN event_entities AS ee ON ee.entity_id = json_extract(w.value, '$[0]')
                             JOIN events AS x ON x.id = ee.event_id
                             WHERE (json_extract(w.value, '$[2]') IS NULL OR x.when_earliest IS NULL OR x.when_earliest <= json_extract(w.value, '$[2]'))
                               AND (json_extract(w.value, '$[1]') IS NULL OR x.when_latest IS NULL OR x.when_latest >= json_extract(w.value, '$[1]')))
                    """)
            }
            filter.conditions.append(alternatives.count == 1 ? alternatives[0] : "(" + Self.joined(alternatives, by: " OR ") + ")")
        }
        if !statuses.isEmpty {
            filter.conditions.append("e.status IN (" + Self.joined(statuses.map { filter.argument(.text($0.rawValue)) }, by: ", ") + ")")
        }
        if !tags.isEmpty {
            let list = Self.joined(tags.map { filter.argument(.text($0)) }, by: ", ")
            filter.conditions.append("e.id IN (SELECT event_id FROM event_tags WHERE tag IN (\(list)))")
        }
        if let asOf {
            filter.conditions.append(
                """
                EXISTS (SELECT 1 FROM citations AS c JOIN sources AS s ON s.id = c.source_id
                        WHERE c.event_id = e.id AND s.published_latest <= \(filter.argument(.text(asOf.iso))))
                """)
        }
        if let measuredQuantity {
            filter.conditions.append("e.id IN (SELECT event_id FROM measures WHERE quantity = \(filter.argument(.text(measuredQuantity))))")
        }
        if excludingUIDsWithHistory {
            filter.conditions.append("e.uid NOT IN (SELECT uid FROM event_history)")
        }
        return filter
    }

    /// The matching events as one condition on `events AS e` (the search too, whatever the order
    /// asked), with its arguments; nil when every event matches. Limit, offset and order are left
    /// out: what the matching events add up to does not depend on them.
    func matchingCondition(entities: EntityScope) -> (sql: String, arguments: [SQLValue])? {
        var filter = filter(entities: entities)
        if let search {
            filter.conditions.append(Self.searchMembership(filter.argument(.text(SearchQuery.ftsExpression(search)))))
        }
        guard !filter.conditions.isEmpty else { return nil }
        return (Self.joined(filter.conditions, by: " AND "), filter.arguments)
    }

    /// A day as a JSON value: `"2022-12-31"`, or `null` for an open end.
    static func jsonDay(_ day: CalendarDay?) -> String {
        day.map { "\"\($0.iso)\"" } ?? "null"
    }

    /// `parts` with `separator` between them. The standard library's `joined(separator:)` is not
    /// specialised for arrays of strings; its first call looks up an associated type at run time,
    /// which in a static binary scans every protocol conformance (2% of a small `list`).
    static func joined(_ parts: [String], by separator: String) -> String {
        var result = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}
