import SQLiteStorage

/// Reads whole events (with entities, tags, measures and citations) through cached statements.
struct EventReader {
    let database: Database
    /// When set, only citations (and figures) from sources published on or before this day.
    var asOf: CalendarDay?

    func event(id: Int64) throws -> Event {
        let row = try database.statement(
            """
            SELECT uid, kind, status, title, summary, when_edtf, announced_edtf, recorded_at
            FROM events WHERE id = ?1
            """)
        row.reset()
        try row.bind(id, at: 1)
        defer { row.reset() }
        guard try row.step() else {
            throw TimelineError(.internalError, "event \(id) disappeared while it was being read.")
        }
        let uid = row.text(at: 0)
        let when = try storedDate(row.text(at: 5), uid: uid)
        let announced = try row.optionalText(at: 6).map { try storedDate($0, uid: uid) }
        return Event(
            uid: uid, kind: row.text(at: 1), status: EventStatus(rawValue: row.text(at: 2)) ?? .occurred,
            title: row.text(at: 3), summary: row.optionalText(at: 4), when: when, announced: announced,
            entities: try entities(eventID: id), tags: try tags(eventID: id), measures: try measures(eventID: id),
            citations: try citations(eventID: id), recordedAt: row.text(at: 7))
    }

    private func storedDate(_ edtf: String, uid: String) throws -> TimelineDate {
        do {
            return try TimelineDate(edtf: edtf)
        } catch {
            throw TimelineError(.badData, "event \(uid) has a stored date that cannot be read: \(error.description)")
        }
    }

    private func entities(eventID: Int64) throws -> [EventEntity] {
        try database.statement(
            """
            SELECT en.slug, en.name, ee.role FROM event_entities AS ee JOIN entities AS en ON en.id = ee.entity_id
            WHERE ee.event_id = ?1 ORDER BY ee.position, en.slug, ee.role
            """
        ).map([.integer(eventID)]) { EventEntity(slug: $0.text(at: 0), name: $0.text(at: 1), role: $0.text(at: 2)) }
    }

    private func tags(eventID: Int64) throws -> [String] {
        try database.statement("SELECT tag FROM event_tags WHERE event_id = ?1 ORDER BY tag")
            .map([.integer(eventID)]) { $0.text(at: 0) }
    }

    private func measures(eventID: Int64) throws -> [Measure] {
        try database.statement(
            """
            SELECT m.quantity, m.value, m.unit, en.slug, m.approximate, m.qualifier, s.key, m.note
            FROM measures AS m LEFT JOIN entities AS en ON en.id = m.entity_id LEFT JOIN sources AS s ON s.id = m.source_id
            WHERE m.event_id = ?1 AND (?2 IS NULL OR s.published_latest <= ?2) ORDER BY m.id
            """
        ).map([.integer(eventID), .text(asOf?.iso)]) { row in
            Measure(quantity: row.text(at: 0), value: row.text(at: 1), unit: row.text(at: 2), entity: row.optionalText(at: 3),
                    approximate: row.bool(at: 4), qualifier: row.optionalText(at: 5), source: row.optionalText(at: 6),
                    note: row.optionalText(at: 7))
        }
    }

    private func citations(eventID: Int64) throws -> [Citation] {
        try database.statement(
            """
            SELECT s.key, s.url, s.title, s.publisher, s.published_edtf, s.language, s.type, s.note,
                   c.stance, c.quote, c.quote_language, c.translation, c.note
            FROM citations AS c JOIN sources AS s ON s.id = c.source_id
            WHERE c.event_id = ?1 AND (?2 IS NULL OR s.published_latest <= ?2) ORDER BY c.id
            """
        ).map([.integer(eventID), .text(asOf?.iso)]) { row in
            let source = Source(
                key: row.text(at: 0), url: row.optionalText(at: 1), title: row.optionalText(at: 2), publisher: row.text(at: 3),
                published: try row.optionalText(at: 4).map { try TimelineDate(edtf: $0) }, language: row.text(at: 5),
                type: row.text(at: 6), note: row.optionalText(at: 7))
            return Citation(source: source, stance: Citation.Stance(rawValue: row.text(at: 8)) ?? .supports,
                            quote: row.optionalText(at: 9), quoteLanguage: row.optionalText(at: 10),
                            translation: row.optionalText(at: 11), note: row.optionalText(at: 12))
        }
    }
}
