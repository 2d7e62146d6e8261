import SQLiteStorage

extension TimelineStore {
    /// Calls `body` with each matching event, in order, reading one at a time.
    public func forEachEvent(matching query: EventQuery, _ body: (Event) throws -> Void) throws {
        try validate(query)
        let entityIDs = try resolveEntities(query.entities)
        let (sql, arguments) = query.selectSQL(entityIDs: entityIDs)
        let reader = EventReader(database: database)
        do {
            let statement = try database.prepare(sql)
            try statement.forEachRow(arguments) { row in
                try body(try reader.event(id: row.int64(at: 0)))
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }

    /// Every matching event, in order.
    public func events(matching query: EventQuery) throws -> [Event] {
        var events: [Event] = []
        try forEachEvent(matching: query) { events.append($0) }
        return events
    }

    /// The event with this uid, or nil.
    public func event(uid: String) throws -> Event? {
        let reader = EventReader(database: database)
        guard case .integer(let id)? = try database.scalar("SELECT id FROM events WHERE uid = ?1", [.text(uid)]) else {
            return nil
        }
        return try reader.event(id: id)
    }

    /// The names of the event kinds, sorted.
    public func eventKinds() throws -> [String] {
        try database.prepare("SELECT name FROM event_kinds ORDER BY name").map { $0.text(at: 0) }
    }

    /// Every entity, by slug.
    public func entities() throws -> [Entity] {
        try database.prepare("SELECT id, slug, name, type, description FROM entities ORDER BY slug").map { row in
            let aliases = try database.cachedStatement("SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY alias")
                .map([.integer(row.int64(at: 0))]) { $0.text(at: 0) }
            return Entity(slug: row.text(at: 1), name: row.text(at: 2), type: row.text(at: 3),
                          description: row.optionalText(at: 4), aliases: aliases)
        }
    }

    /// Unknown kinds are a usage error that lists the known ones.
    private func validate(_ query: EventQuery) throws {
        if !query.kinds.isEmpty {
            let known = try eventKinds()
            if let unknown = query.kinds.first(where: { !known.contains($0) }) {
                throw TimelineError(.usage, "unknown kind '\(unknown)' in --kind; known kinds: \(known.joined(separator: ", ")).")
            }
        }
        if let from = query.from, let to = query.to, from > to {
            throw TimelineError(.usage, "the range is empty: --from \(from.iso) is after --to \(to.iso).")
        }
    }

    /// Entity slugs, names or aliases (any case) to ids; an unknown one is a usage error listing the known slugs.
    func resolveEntities(_ names: [String]) throws -> [Int64] {
        var ids: [Int64] = []
        for name in names {
            let matches = try database.cachedStatement(
                """
                SELECT id FROM entities WHERE slug = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE
                UNION SELECT entity_id FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE
                """
            ).map([.text(name)]) { $0.int64(at: 0) }
            if matches.isEmpty {
                let known = try database.prepare("SELECT slug FROM entities ORDER BY slug").map { $0.text(at: 0) }
                throw TimelineError(.usage, "unknown entity '\(name)' in --entity; known entities: \(known.joined(separator: ", ")).")
            }
            ids += matches
        }
        return ids
    }
}
