import SQLiteStorage

extension EventQuery {
    /// The SELECT over `events` (with its arguments) that returns the matching events in order: the
    /// row id, then `columns` (of `events AS e`).
    ///
    /// An event matches a range when its [earliest, latest] overlaps it; NULL ends are open, i.e.
    /// -infinity for earliest and +infinity for latest. With `within`, both ends must be known and inside.
    func selectSQL(entityIDs: [Int64], columns: String = EventReader.eventColumns,
                   excludingUIDsWithHistory: Bool = false) -> (sql: String, arguments: [SQLValue]) {
        let column = dateField.rawValue
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        func argument(_ value: SQLValue) -> String {
            arguments.append(value)
            return "?\(arguments.count)"
        }
        if dateField == .announced {
            conditions.append("e.announced_edtf IS NOT NULL")
        }
        if dateField == .when && (from != nil || to != nil) {
            // The R*Tree over day numbers answers the overlap (or containment) test exactly, visiting
            // only events near the range; open ends are stored there as far-away days.
            var spanConditions: [String] = []
            if within {
                if let from { spanConditions.append("earliest_day >= \(argument(.integer(Int64(from.dayNumber))))") }
                if let to { spanConditions.append("latest_day <= \(argument(.integer(Int64(to.dayNumber))))") }
            } else {
                if let to { spanConditions.append("earliest_day <= \(argument(.integer(Int64(to.dayNumber))))") }
                if let from { spanConditions.append("latest_day >= \(argument(.integer(Int64(from.dayNumber))))") }
            }
            conditions.append("e.id IN (SELECT id FROM event_spans WHERE \(spanConditions.joined(separator: " AND ")))")
        } else if within {
            if let from {
                conditions.append("e.\(column)_earliest >= \(argument(.text(from.iso)))")
            }
            if let to {
                conditions.append("e.\(column)_latest <= \(argument(.text(to.iso)))")
            }
        } else {
            if let to {
                conditions.append("(e.\(column)_earliest IS NULL OR e.\(column)_earliest <= \(argument(.text(to.iso))))")
            }
            if let from {
                conditions.append("(e.\(column)_latest IS NULL OR e.\(column)_latest >= \(argument(.text(from.iso))))")
            }
        }
        if !kinds.isEmpty {
            conditions.append("e.kind IN (" + kinds.map { argument(.text($0)) }.joined(separator: ", ") + ")")
        }
        if !entityIDs.isEmpty {
            let list = entityIDs.map { argument(.integer($0)) }.joined(separator: ", ")
            conditions.append("e.id IN (SELECT event_id FROM event_entities WHERE entity_id IN (\(list)))")
        }
        if !statuses.isEmpty {
            conditions.append("e.status IN (" + statuses.map { argument(.text($0.rawValue)) }.joined(separator: ", ") + ")")
        }
        if !tags.isEmpty {
            let list = tags.map { argument(.text($0)) }.joined(separator: ", ")
            conditions.append("e.id IN (SELECT event_id FROM event_tags WHERE tag COLLATE NOCASE IN (\(list)))")
        }
        if let asOf {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM citations AS c JOIN sources AS s ON s.id = c.source_id
                        WHERE c.event_id = e.id AND s.published_latest <= \(argument(.text(asOf.iso))))
                """)
        }
        if excludingUIDsWithHistory {
            conditions.append("e.uid NOT IN (SELECT uid FROM event_history)")
        }
        var from = "events AS e"
        if let search {
            let match = argument(.text(SearchQuery.ftsExpression(search)))
            if rank {
                from += " JOIN event_search AS s ON s.rowid = e.id"
                conditions.append("event_search MATCH \(match)")
            } else {
                conditions.append("e.id IN (SELECT rowid FROM event_search WHERE event_search MATCH \(match))")
            }
        }
        let direction = reverse ? "DESC" : "ASC"
        // Chronological: earliest day (open start first), then latest day (the more precise first,
        // open end last), then uid. SQLite sorts NULL first ascending and last descending, which is
        // where an open start belongs either way; so the first term is the bare column, and the
        // (earliest, latest) index gives that order without sorting the whole table.
        var sql = """
            SELECT e.id, \(columns) FROM \(from)
            \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
            ORDER BY \(search != nil && rank ? "s.rank \(direction), " : "")e.\(column)_earliest \(direction),
                     e.\(column)_latest IS NULL \(direction), e.\(column)_latest \(direction), e.uid \(direction)
            """
        if limit != nil || offset > 0 {
            sql += "\nLIMIT \(argument(.integer(Int64(limit ?? -1)))) OFFSET \(argument(.integer(Int64(offset))))"
        }
        return (sql, arguments)
    }
}
