import SQLiteStorage

/// Writes entities, sources and events. Callers hold the transaction; the writer only inserts.
struct TimelineWriter {
    let database: Database

    func insert(_ entity: Entity, aliasLanguages: [String?]? = nil) throws -> Int64 {
        try database.execute(
            "INSERT INTO entities (slug, name, type, description) VALUES (?1, ?2, ?3, ?4)",
            [.text(entity.slug), .text(entity.name), .text(entity.type), .text(entity.description)])
        let id = database.lastInsertRowID
        for (index, alias) in entity.aliases.enumerated() {
            let language = aliasLanguages?[index] ?? nil
            try database.execute(
                "INSERT INTO entity_aliases (entity_id, alias, language) VALUES (?1, ?2, ?3)",
                [.integer(id), .text(alias), .text(language)])
        }
        return id
    }

    func insertRelation(entity: String, relation: String, other: String, valid: TimelineDate?, source: String?) throws {
        try database.execute(
            """
            INSERT INTO entity_relations (entity_id, relation, other_id, valid_edtf, valid_earliest, valid_latest,
                                          valid_precision, source_id)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            """,
            [.integer(try entityID(entity)), .text(relation), .integer(try entityID(other)),
             .text(valid?.edtf), .text(valid?.earliest?.iso), .text(valid?.latest?.iso),
             .text(valid?.precision.rawValue), .integer(try source.map(sourceID))])
    }

    func insert(_ source: Source) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO sources (key, url, title, publisher, published_edtf, published_earliest, published_latest,
                                 published_precision, language, type, note)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """,
            [.text(source.key), .text(source.url), .text(source.title), .text(source.publisher),
             .text(source.published?.edtf), .text(source.published?.earliest?.iso),
             .text(source.published?.latest?.iso), .text(source.published?.precision.rawValue),
             .text(source.language), .text(source.type), .text(source.note)])
        return database.lastInsertRowID
    }

    /// Inserts an event with its entities, tags, measures and citations (sources must exist).
    func insert(_ event: Event) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO events (uid, kind, status, title, summary,
                                when_edtf, when_earliest, when_latest, when_precision, when_approximate, when_uncertain,
                                announced_edtf, announced_earliest, announced_latest, announced_precision,
                                announced_approximate, announced_uncertain)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
            """,
            [.text(event.uid), .text(event.kind), .text(event.status.rawValue), .text(event.title), .text(event.summary),
             .text(event.when.edtf), .text(event.when.earliest?.iso), .text(event.when.latest?.iso),
             .text(event.when.precision.rawValue), .bool(event.when.approximate), .bool(event.when.uncertain),
             .text(event.announced?.edtf), .text(event.announced?.earliest?.iso), .text(event.announced?.latest?.iso),
             .text(event.announced?.precision.rawValue), .bool(event.announced?.approximate ?? false),
             .bool(event.announced?.uncertain ?? false)])
        let eventID = database.lastInsertRowID
        for (position, entity) in event.entities.enumerated() {
            try database.execute(
                "INSERT INTO event_entities (event_id, entity_id, role, position) VALUES (?1, ?2, ?3, ?4)",
                [.integer(eventID), .integer(try entityID(entity.slug)), .text(entity.role), .integer(Int64(position))])
        }
        for tag in event.tags {
            try database.execute("INSERT INTO event_tags (event_id, tag) VALUES (?1, ?2)", [.integer(eventID), .text(tag)])
        }
        for measure in event.measures {
            try database.execute(
                """
                INSERT INTO measures (event_id, quantity, value, unit, entity_id, approximate, qualifier, source_id, note)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                """,
                [.integer(eventID), .text(measure.quantity), .text(measure.value), .text(measure.unit),
                 .integer(try measure.entity.map(entityID)), .bool(measure.approximate), .text(measure.qualifier),
                 .integer(try measure.source.map(sourceID)), .text(measure.note)])
        }
        for citation in event.citations {
            try database.execute(
                """
                INSERT INTO citations (event_id, source_id, stance, quote, quote_language, translation, note)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """,
                [.integer(eventID), .integer(try sourceID(citation.source.key)), .text(citation.stance.rawValue),
                 .text(citation.quote), .text(citation.quoteLanguage), .text(citation.translation), .text(citation.note)])
        }
        return eventID
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
