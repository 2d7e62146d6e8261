import SQLiteStorage

/// Reads whole events (with entities, tags, measures and citations), a batch at a time.
///
/// The event rows come from the selection (`EventReader.eventColumns` after the id); the details of
/// a batch are read from the tables with one statement per child table over all its ids, merged by
/// event id: four statements per `batchSize` events instead of five per event. (The copy of the
/// lists kept in an event's row serves the machine formats, `StoredEventTextReader`; this reader
/// also answers `--as-of`, which filters citations, so it reads the tables.)
struct EventReader {
    let database: Database
    /// When set, only citations (and figures) from sources published on or before this day.
    var asOf: CalendarDay?
    /// The lists read from the tables; the others are left empty.
    var details: EventDetails = .all

    /// Events whose details are read together; the child statements take this many ids.
    static let batchSize = 128

    /// The columns a selecting query returns after `e.id`, in the order `eventRow(_:)` reads them.
    static let eventColumns = "e.uid, e.kind, e.status, e.title, e.summary, e.when_edtf, e.announced_edtf, e.recorded_at"

    init(database: Database, asOf: CalendarDay? = nil, details: EventDetails = .all) {
        self.database = database
        self.asOf = asOf
        self.details = details
    }

    /// The event with this row id.
    func event(id: Int64) throws -> Event {
        let selection = EventSelection(
            sql: "SELECT e.id, \(Self.eventColumns) FROM events AS e WHERE e.id = ?1", arguments: [.integer(id)])
        var event: Event? = nil
        try forEachEvent(in: selection) { event = $0 }
        guard let event else {
            throw TimelineError(.internalError, "event \(id) disappeared while it was being read.")
        }
        return event
    }

    /// Reads the selected events (`e.id` then `eventColumns`) and calls `body` with each, whole,
    /// in the selection's order.
    func forEachEvent(in selection: EventSelection, _ body: (Event) throws -> Void) throws {
        var ids = [Int64](repeating: 0, count: Self.batchSize)
        var slots = [Event?](repeating: nil, count: Self.batchSize)
        var shared = SharedDetails()
        try selection.forEachRow(in: database, batchSize: Self.batchSize) { row, place in
            ids[place] = row.int64(at: 0)
            slots[place] = try eventRow(row)
        } endBatch: { count, order in
            try readDetails(of: &slots, ids: ids[0..<count], shared: &shared)
            // Each event is moved out of its slot, not copied: no count is taken on its strings.
            if let order {
                for place in order { try body(slots[place].take()!) }
            } else {
                for place in 0..<count { try body(slots[place].take()!) }
            }
        }
    }

    /// The event's own columns (from column 1 on); its lists are filled by `readDetails`.
    private func eventRow(_ row: Statement) throws -> Event {
        let uid = row.text(at: 1)
        let when = try storedDate(row.text(at: 6), uid: uid)
        let announced = try row.optionalText(at: 7).map { try storedDate($0, uid: uid) }
        return Event(
            uid: uid, kind: row.text(at: 2), status: row.withTextBytes(at: 3) { EventStatus.storedNames.value(named: $0) } ?? .occurred,
            title: row.text(at: 4), summary: row.optionalText(at: 5), when: when, announced: announced,
            recordedAt: row.text(at: 8))
    }

    private func storedDate(_ edtf: String, uid: String) throws -> TimelineDate {
        do {
            return try TimelineDate(edtf: edtf)
        } catch {
            throw TimelineError(.badData, "event \(uid) has a stored date that cannot be read: \(error.description)")
        }
    }

    /// Fills the entities, tags, measures and citations of `events` (those in `details`), whose
    /// row ids are `ids`, in the same order.
    private func readDetails(of events: inout [Event?], ids: ArraySlice<Int64>, shared: inout SharedDetails) throws {
        var position = RowIDTable<Int>()
        position.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() { position.set(index, for: id) }
        // One list for the four statements of the batch.
        let idList = EventSelection.jsonArray(of: ids)

        if details.contains(.entities) {
            try forEachDetail(.entities, idList: idList) { row in
                let entity = shared.entity(row, id: 4, slug: 1, name: 2)
                events[position[row.int64(at: 0)]!]!.entities.append(
                    EventEntity(slug: entity.slug, name: entity.name, role: row.text(at: 3)))
            }
        }
        if details.contains(.tags) {
            try forEachDetail(.tags, idList: idList) { row in
                events[position[row.int64(at: 0)]!]!.tags.append(row.text(at: 1))
            }
        }
        if details.contains(.measures) {
            try forEachDetail(.measures, idList: idList) { row in
                events[position[row.int64(at: 0)]!]!.measures.append(
                    Measure(quantity: row.text(at: 1), value: row.text(at: 2), unit: row.text(at: 3),
                            entity: shared.entitySlug(row, id: 9, slug: 4),
                            approximate: row.bool(at: 5), qualifier: row.optionalText(at: 6),
                            source: shared.sourceKey(row, id: 10, key: 7), note: row.optionalText(at: 8)))
            }
        }
        guard details.contains(.citations) else { return }
        try forEachDetail(.citations, idList: idList) { row in
            let source = try shared.source(row, id: 14) {
                Source(
                    key: row.text(at: 1), url: row.optionalText(at: 2), title: row.optionalText(at: 3), publisher: row.text(at: 4),
                    published: try row.optionalText(at: 5).map { try TimelineDate(edtf: $0) }, language: row.text(at: 6),
                    type: row.text(at: 7), note: row.optionalText(at: 8))
            }
            events[position[row.int64(at: 0)]!]!.citations.append(
                Citation(source: source, stance: row.withTextBytes(at: 9) { Citation.Stance.storedNames.value(named: $0) } ?? .supports,
                         quote: row.optionalText(at: 10), quoteLanguage: row.optionalText(at: 11),
                         translation: row.optionalText(at: 12), note: row.optionalText(at: 13)))
        }
    }

    /// Runs a child table's statement over the events of `idList` (a JSON array of their ids)
    /// and calls `body` with each row; column 0 is the event id.
    func forEachDetail(_ table: DetailTable, idList: [UInt8], _ body: (Statement) throws -> Void) throws {
        let statement = try database.statement(table.sql)
        defer { statement.reset() }
        try statement.bindText(idList, at: 1)
        if let asOf, statement.parameterCount > 1 {
            try statement.bind(asOf.iso, at: 2)
        }
        while try statement.step() {
            try body(statement)
        }
    }

    /// The tables that hang off an event, and the statements that read them for a batch of events:
    /// `?1` the events' ids as a JSON array, `?2` the `asOf` day or NULL.
    enum DetailTable {
        case entities, tags, measures, citations

        var sql: StaticString {
            switch self {
            case .entities:
                return """
                    SELECT ee.event_id, en.slug, en.name, ee.role, ee.entity_id FROM event_entities AS ee JOIN entities AS en ON en.id = ee.entity_id
                    WHERE ee.event_id IN (SELECT value FROM json_each(?1)) ORDER BY ee.event_id, ee.position, en.slug, ee.role
                    """
            case .tags:
                return "SELECT event_id, tag FROM event_tags WHERE event_id IN (SELECT value FROM json_each(?1)) ORDER BY event_id, tag"
            case .measures:
                return """
                    SELECT m.event_id, m.quantity, m.value, m.unit, en.slug, m.approximate, m.qualifier, s.key, m.note,
                           m.entity_id, m.source_id
                    FROM measures AS m LEFT JOIN entities AS en ON en.id = m.entity_id LEFT JOIN sources AS s ON s.id = m.source_id
                    WHERE m.event_id IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR s.published_latest <= ?2)
                    ORDER BY m.event_id, m.id
                    """
            case .citations:
                return """
                    SELECT c.event_id, s.key, s.url, s.title, s.publisher, s.published_edtf, s.language, s.type, s.note,
                           c.stance, c.quote, c.quote_language, c.translation, c.note, c.source_id
                    FROM citations AS c JOIN sources AS s ON s.id = c.source_id
                    WHERE c.event_id IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR s.published_latest <= ?2)
                    ORDER BY c.event_id, c.id
                    """
            }
        }
    }
}
