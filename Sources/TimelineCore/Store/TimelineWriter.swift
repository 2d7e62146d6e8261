import SQLiteStorage

/// Writes entities, sources and events. Callers hold the transaction.
struct TimelineWriter {
    let database: Database
    /// When the rows written now are recorded (UTC, ISO 8601 with milliseconds).
    let recordedAt: String

    init(database: Database, recordedAt: String? = nil) throws {
        self.database = database
        if let recordedAt {
            self.recordedAt = recordedAt
        } else if case .text(let now)? = try database.scalar("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") {
            self.recordedAt = now
        } else {
            throw TimelineError(.internalError, "SQLite did not give the current time.")
        }
    }

    func insert(_ entity: Entity, aliasLanguages: [String?]? = nil) throws -> Int64 {
        try database.statement(
            "INSERT INTO entities (slug, name, type, description, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)").run(
            [.text(entity.slug), .text(entity.name), .text(entity.type), .text(entity.description), .text(recordedAt)])
        let id = database.lastInsertRowID
        for (index, alias) in entity.aliases.enumerated() {
            let language = aliasLanguages?[index] ?? nil
            try database.statement(
                "INSERT INTO entity_aliases (entity_id, alias, language, recorded_at) VALUES (?1, ?2, ?3, ?4)").run(
                [.integer(id), .text(alias), .text(language), .text(recordedAt)])
        }
        return id
    }

    func insertRelation(entity: String, relation: String, other: String, valid: TimelineDate?, source: String?) throws {
        try database.statement(
            """
            INSERT INTO entity_relations (entity_id, relation, other_id, valid_edtf, valid_earliest, valid_latest,
                                          valid_precision, source_id, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            """).run(
            [.integer(try entityID(entity)), .text(relation), .integer(try entityID(other)),
             .text(valid?.edtf), .text(valid?.earliest?.iso), .text(valid?.latest?.iso),
             .text(valid?.precision.rawValue), .integer(try source.map(sourceID)), .text(recordedAt)])
    }

    func insert(_ source: Source) throws -> Int64 {
        try database.statement(
            """
            INSERT INTO sources (key, url, title, publisher, published_edtf, published_earliest, published_latest,
                                 published_precision, language, type, note, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            """).run(
            [.text(source.key), .text(source.url), .text(source.title), .text(source.publisher),
             .text(source.published?.edtf), .text(source.published?.earliest?.iso),
             .text(source.published?.latest?.iso), .text(source.published?.precision.rawValue),
             .text(source.language), .text(source.type), .text(source.note), .text(recordedAt)])
        return database.lastInsertRowID
    }

    /// Inserts an event with its entities, tags, measures and citations (entities and sources must exist).
    func insert(_ event: Event) throws -> Int64 {
        try database.statement(
            """
            INSERT INTO events (uid, kind, status, title, summary,
                                when_edtf, when_earliest, when_latest, when_precision, when_approximate, when_uncertain,
                                announced_edtf, announced_earliest, announced_latest, announced_precision,
                                announced_approximate, announced_uncertain, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
            """).run(
            [.text(event.uid), .text(event.kind), .text(event.status.rawValue), .text(event.title), .text(event.summary),
             .text(event.when.edtf), .text(event.when.earliest?.iso), .text(event.when.latest?.iso),
             .text(event.when.precision.rawValue), .bool(event.when.approximate), .bool(event.when.uncertain),
             .text(event.announced?.edtf), .text(event.announced?.earliest?.iso), .text(event.announced?.latest?.iso),
             .text(event.announced?.precision.rawValue), .bool(event.announced?.approximate ?? false),
             .bool(event.announced?.uncertain ?? false), .text(recordedAt)])
        let eventID = database.lastInsertRowID
        try insertDetails(of: event, eventID: eventID)
        return eventID
    }

    /// The rows that hang off an event: entities, tags, measures, citations.
    private func insertDetails(of event: Event, eventID: Int64) throws {
        for (position, entity) in event.entities.enumerated() {
            try database.statement(
                "INSERT INTO event_entities (event_id, entity_id, role, position) VALUES (?1, ?2, ?3, ?4)").run(
                [.integer(eventID), .integer(try entityID(entity.slug)), .text(entity.role), .integer(Int64(position))])
        }
        for tag in event.tags {
            try database.statement("INSERT INTO event_tags (event_id, tag) VALUES (?1, ?2)").run([.integer(eventID), .text(tag)])
        }
        for measure in event.measures {
            try database.statement(
                """
                INSERT INTO measures (event_id, quantity, value, unit, entity_id, approximate, qualifier, source_id, note,
                                      recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """).run(
                [.integer(eventID), .text(measure.quantity), .text(measure.value), .text(measure.unit),
                 .integer(try measure.entity.map(entityID)), .bool(measure.approximate), .text(measure.qualifier),
                 .integer(try measure.source.map(sourceID)), .text(measure.note), .text(recordedAt)])
        }
        for citation in event.citations {
            try database.statement(
                """
                INSERT INTO citations (event_id, source_id, stance, quote, quote_language, translation, note, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """).run(
                [.integer(eventID), .integer(try sourceID(citation.source.key)), .text(citation.stance.rawValue),
                 .text(citation.quote), .text(citation.quoteLanguage), .text(citation.translation), .text(citation.note),
                 .text(recordedAt)])
        }
    }

    /// Replaces an event's row and details, keeping the version it replaces in `event_history`.
    func replace(_ existing: Event, eventID: Int64, with event: Event) throws {
        try recordHistory(of: existing, change: "edit")
        for table in ["event_entities", "event_tags", "measures", "citations"] {
            try database.execute("DELETE FROM \(table) WHERE event_id = ?1", [.integer(eventID)])
        }
        try database.statement(
            """
            UPDATE events SET kind = ?2, status = ?3, title = ?4, summary = ?5,
                when_edtf = ?6, when_earliest = ?7, when_latest = ?8, when_precision = ?9, when_approximate = ?10,
                when_uncertain = ?11, announced_edtf = ?12, announced_earliest = ?13, announced_latest = ?14,
                announced_precision = ?15, announced_approximate = ?16, announced_uncertain = ?17, recorded_at = ?18
            WHERE id = ?1
            """).run(
            [.integer(eventID), .text(event.kind), .text(event.status.rawValue), .text(event.title), .text(event.summary),
             .text(event.when.edtf), .text(event.when.earliest?.iso), .text(event.when.latest?.iso),
             .text(event.when.precision.rawValue), .bool(event.when.approximate), .bool(event.when.uncertain),
             .text(event.announced?.edtf), .text(event.announced?.earliest?.iso), .text(event.announced?.latest?.iso),
             .text(event.announced?.precision.rawValue), .bool(event.announced?.approximate ?? false),
             .bool(event.announced?.uncertain ?? false), .text(recordedAt)])
        try insertDetails(of: event, eventID: eventID)
    }

    /// Deletes an event, keeping its last version in `event_history`.
    func remove(_ existing: Event, eventID: Int64) throws {
        try recordHistory(of: existing, change: "remove")
        try database.statement("DELETE FROM events WHERE id = ?1").run([.integer(eventID)])
    }

    private func recordHistory(of existing: Event, change: String) throws {
        try database.statement(
            "INSERT INTO event_history (uid, recorded_at, superseded_at, change, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)").run(
            [.text(existing.uid), .text(existing.recordedAt), .text(max(recordedAt, existing.recordedAt)), .text(change),
             .text(EventJSON.object(existing))])
    }

    func entityID(_ slug: String) throws -> Int64 {
        guard case .integer(let id)? = try database.scalar("SELECT id FROM entities WHERE slug = ?1", [.text(slug)]) else {
            throw TimelineError(.badData, "no entity with the slug '\(slug)'.")
        }
        return id
    }

    func sourceID(_ key: String) throws -> Int64 {
        guard case .integer(let id)? = try database.scalar("SELECT id FROM sources WHERE key = ?1", [.text(key)]) else {
            throw TimelineError(.badData, "no source with the key '\(key)'.")
        }
        return id
    }
}
