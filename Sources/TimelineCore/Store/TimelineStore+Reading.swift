import SQLiteStorage

extension TimelineStore {
    /// Calls `body` with each matching event, in order, reading one at a time.
    public func forEachEvent(matching query: EventQuery, _ body: (Event) throws -> Void) throws {
        try validate(query)
        var entityIDs = try resolveEntities(query.entities)
        if query.related {
            entityIDs = try relatedEntities(of: entityIDs)
        }
        let (sql, arguments) = query.selectSQL(entityIDs: entityIDs)
        let reader = EventReader(database: database, asOf: query.asOf)
        do {
            let statement = try database.prepare(sql)
            try statement.forEachRow(arguments) { row in
                try body(try reader.event(id: row.int64(at: 0)))
            }
        } catch let error as SQLiteError {
            if let search = query.search, error.message.contains("fts5") {
                throw TimelineError(.usage, "--search '\(search)' is not a search FTS5 understands (\(error.message)); quote phrases and balance parentheses.")
            }
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
    public func event(uid: String, asOf: CalendarDay? = nil) throws -> Event? {
        let reader = EventReader(database: database, asOf: asOf)
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
        if !query.tags.isEmpty {
            let known = try database.prepare("SELECT DISTINCT tag FROM event_tags ORDER BY tag").map { $0.text(at: 0) }
            if let unknown = query.tags.first(where: { !known.contains($0) }) {
                throw TimelineError(.usage, "unknown tag '\(unknown)' in --tag; known tags: \(known.joined(separator: ", ")).")
            }
        }
        if query.related && query.entities.isEmpty {
            throw TimelineError(.usage, "--related widens --entity; name at least one entity with --entity.")
        }
        if query.rank && query.search == nil {
            throw TimelineError(.usage, "--rank orders search results; give --search TEXT too.")
        }
        if let from = query.from, let to = query.to, from > to {
            throw TimelineError(.usage, "the range is empty: --from \(from.iso) is after --to \(to.iso).")
        }
    }

    /// The entities given and, transitively, those that are part of, a product of, or a contractor
    /// of them (relations whose type is marked to be followed).
    func relatedEntities(of ids: [Int64]) throws -> [Int64] {
        var found = Set(ids)
        var frontier = ids
        let statement = try database.cachedStatement(
            """
            SELECT r.entity_id FROM entity_relations AS r JOIN relation_types AS t ON t.name = r.relation
            WHERE t.transitive = 1 AND r.other_id = ?1
            """)
        while let id = frontier.popLast() {
            for next in try statement.map([.integer(id)], { $0.int64(at: 0) }) where found.insert(next).inserted {
                frontier.append(next)
            }
        }
        return found.sorted()
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
