import SQLiteStorage

extension TimelineStore {
    /// Counts the matching events into `statistics`, and adds up its measure when it has one.
    ///
    /// The counting is done by SQLite: the events are grouped by what the groupings read (the
    /// kind, the date's EDTF, each entity), and each distinct group is then keyed as
    /// `TimelineStatistics.add(_:)` keys one event, so the rows are the same. A sum reads, one by
    /// one and in order, only the events that give a figure of its quantity. Reading every event
    /// took seconds on a million of them; the kind's index alone answers `--by kind`. With `asOf`
    /// (past versions are matched whole) or a limit or an offset (which pick events by their
    /// order), every event is read.
    public func addEvents(matching query: EventQuery, to statistics: inout TimelineStatistics) throws {
        try addEvents(matching: query, to: &statistics, countingInSQL: true)
    }

    /// `countingInSQL: false` reads the events one by one whatever the query (tests compare the two).
    func addEvents(matching query: EventQuery, to statistics: inout TimelineStatistics, countingInSQL: Bool) throws {
        func readOneByOne() throws {
            try forEachEvent(matching: query, details: statistics.neededDetails) { try statistics.add($0) }
        }
        guard countingInSQL, query.asOf == nil, query.limit == nil, query.offset == 0 else { return try readOneByOne() }
        // One snapshot for the counts and the figures, as reading every event reads one.
        func countAndAdd() throws {
            var counted = statistics
            do {
                try count(matching: query, into: &counted)
            } catch is UnreadableStoredDate {
                // Read one by one, the event whose date cannot be read is named in the error.
                return try readOneByOne()
            }
            if let quantity = counted.quantity {
                var measured = query
                measured.measuredQuantity = quantity
                try forEachEvent(matching: measured, details: counted.neededDetails) { try counted.addFigures(of: $0) }
            }
            statistics = counted
        }
        if database.isInTransaction { try countAndAdd() } else { try database.transaction(.deferred, countAndAdd) }
    }

    /// Counts the matching events into `statistics` in SQL, grouped by what its groupings read.
    private func count(matching query: EventQuery, into statistics: inout TimelineStatistics) throws {
        try reading(query) { query, entities in
            let (sql, arguments) = Self.countingSQL(groupings: statistics.groupings, dateField: query.dateField,
                                                    matching: query.matchingCondition(entities: entities))
            // A date read once for all the rows that give it.
            var dates: [String: TimelineDate] = [:]
            try database.prepare(sql).forEachRow(arguments) { row in
                let events = row.int(at: 4)
                guard events > 0 else { return }  // no event without entities, counted without GROUP BY
                var date: TimelineDate?
                if let edtf = row.optionalText(at: 1) {
                    if let known = dates[edtf] {
                        date = known
                    } else {
                        guard let parsed = try? TimelineDate(edtf: edtf) else { throw UnreadableStoredDate() }
                        dates[edtf] = parsed
                        date = parsed
                    }
                }
                statistics.add(events: events, kind: row.optionalText(at: 0) ?? "", date: date,
                               entity: row.optionalText(at: 2).map { ($0, row.text(at: 3)) })
            }
        }
    }

    /// A stored date `TimelineDate` cannot read, met while counting in SQL.
    private struct UnreadableStoredDate: Error {}

    /// The statement that counts the matching events grouped by what `groupings` read. Its rows:
    /// the kind, the date's EDTF, the entity's slug and name (each NULL when not grouped by), and
    /// how many events. With entities, an event counts once for each of its entities (linked in
    /// several roles, still once), and events with none in rows of their own.
    static func countingSQL(groupings: [TimelineStatistics.Grouping], dateField: EventQuery.DateField,
                            matching: (sql: String, arguments: [SQLValue])?) -> (sql: String, arguments: [SQLValue]) {
        let kind = groupings.contains(.kind) ? "e.kind" : nil
        let date = groupings.contains { $0 == .year || $0 == .quarter || $0 == .month } ? "e.\(dateField.rawValue)_edtf" : nil
        let columns = EventQuery.joined([kind, date].compactMap { $0 }, by: ", ")
        let selected = "\(kind ?? "NULL"), \(date ?? "NULL")"
        let groupBy = columns.isEmpty ? "" : " GROUP BY " + columns
        guard groupings.contains(.entity) else {
            let sql = "SELECT \(selected), NULL, NULL, count(*) FROM events AS e"
                + (matching.map { " WHERE \($0.sql)" } ?? "") + groupBy
            return (sql, matching?.arguments ?? [])
        }
        // The events' rows are read only when a condition or another grouping needs them, and then
        // first, in their own order, each one's links found by its id: the other way round, a link
        // at a time, read the events in no order (a million events by entity and year: 6 s, not 3).
        let readsEvents = matching != nil || !columns.isEmpty
        let withEntities = """
            SELECT \(selected), en.slug, en.name, count(DISTINCT ee.event_id)
            FROM \(readsEvents ? "events AS e CROSS JOIN event_entities AS ee ON ee.event_id = e.id CROSS JOIN" : "event_entities AS ee JOIN")
                entities AS en ON en.id = ee.entity_id
            \(matching.map { "WHERE \($0.sql) " } ?? "")GROUP BY en.id\(columns.isEmpty ? "" : ", " + columns)
            """
        let withoutEntities = """
            SELECT \(selected), NULL, NULL, count(*) FROM events AS e
            WHERE NOT EXISTS (SELECT 1 FROM event_entities AS ee WHERE ee.event_id = e.id)\(matching.map { " AND \($0.sql)" } ?? "")\(groupBy)
            """
        return (withEntities + "\nUNION ALL\n" + withoutEntities, matching?.arguments ?? [])
    }
}
