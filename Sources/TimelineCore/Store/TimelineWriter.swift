import SQLiteStorage

/// Writes entities, sources and events. Callers hold the transaction.
struct TimelineWriter {
    let database: Database
    /// When the rows written now are recorded (UTC, ISO 8601 with milliseconds).
    let recordedAt: String
    /// Ids of entities and sources already looked up or written by this writer.
    private let knownIDs = KnownRowIDs()
    /// How each saved event's stored lists (`entities_json` … `sources_json`) are made.
    var storedLists: StoredListsSource = .tables

    /// Where the copy of an event's lists kept in its row comes from.
    enum StoredListsSource {
        /// Read back from the tables once the event's rows are written: right for any event, and
        /// written after the triggers that clear the lists have fired.
        case tables
        /// Rendered from the event as given, and written with its row: only for events exactly as
        /// the database holds them (`EventSaver.normalised`), while the triggers that clear the
        /// lists are suspended (`BulkLoad`). Tests hold it equal to `tables`.
        case event
    }

    /// Entity slugs and source keys to their row ids, so that each is looked up once per writer
    /// instead of once per row that points at it. Slugs and keys never change and rows are never
    /// deleted through a writer, so an id stays right for the writer's transaction, unless a
    /// savepoint rolls back the rows it was learnt from: `forgetRowIDs()` then.
    final class KnownRowIDs {
        var entities: [String: Int64] = [:]
        var sources: [String: Int64] = [:]
        /// Bounded like the saver's caches, so memory stays flat.
        static let limit = 50_000

        func remember(entity slug: String, id: Int64) {
            if entities.count >= Self.limit { entities.removeAll(keepingCapacity: true) }
            entities[slug] = id
        }

        func remember(source key: String, id: Int64) {
            if sources.count >= Self.limit { sources.removeAll(keepingCapacity: true) }
            sources[key] = id
        }
    }

    /// Whether `recordedAt` was given (a script's fixed time) rather than read from the clock.
    private let recordedAtGiven: Bool

    init(database: Database, recordedAt: String? = nil) throws {
        self.database = database
        recordedAtGiven = recordedAt != nil
        if let recordedAt {
            self.recordedAt = recordedAt
        } else if case .text(let now)? = try database.scalar("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')") {
            self.recordedAt = now
        } else {
            throw TimelineError(.internalError, "SQLite did not give the current time.")
        }
    }

    func insert(_ entity: Entity) throws -> Int64 {
        try database.statement(
            "INSERT INTO entities (slug, name, type, description, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)").run(
            [.text(entity.slug), .text(entity.name), .text(entity.type), .text(entity.description), .text(recordedAt)])
        let id = database.lastInsertRowID
        knownIDs.remember(entity: entity.slug, id: id)
        for alias in entity.aliases {
            try database.statement(
                "INSERT INTO entity_aliases (entity_id, alias, language, recorded_at) VALUES (?1, ?2, ?3, ?4)").run(
                [.integer(id), .text(alias.name), .text(alias.language), .text(recordedAt)])
        }
        return id
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
        let id = database.lastInsertRowID
        knownIDs.remember(source: source.key, id: id)
        return id
    }

    /// Inserts an event with its entities, tags, measures and citations (entities and sources must
    /// exist); `renderedLists`, when given, are this event's lists already rendered.
    func insert(_ event: Event, renderedLists: RenderedLists? = nil) throws -> Int64 {
        // An event added again under a removed one's uid follows its history (a time given by
        // hand only: the clock's steps back are clamped as before).
        if recordedAtGiven, case .text(let removedAt)? = try database.scalar(
            "SELECT max(superseded_at) FROM event_history WHERE uid = ?1", [.text(event.uid)]) {
            try checkRecordingTime(after: removedAt, of: event.uid)
        }
        let statement = try database.statement(
            """
            INSERT INTO events (uid, kind, status, title, summary,
                                when_edtf, when_earliest, when_latest, when_precision, when_approximate, when_uncertain,
                                announced_edtf, announced_earliest, announced_latest, announced_precision,
                                announced_approximate, announced_uncertain, recorded_at,
                                entities_json, tags_json, measures_json, sources_json, figures_label, when_label,
                                announced_label)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)
            """)
        // Bound one by one rather than through an array of values: this runs once per imported row.
        try statement.bind(event.uid, at: 1)
        try statement.bind(event.kind, at: 2)
        try statement.bind(event.status.rawValue, at: 3)
        try statement.bind(event.title, at: 4)
        try Self.bind(event.summary, at: 5, in: statement)
        try statement.bind(event.when.edtf, at: 6)
        try Self.bind(event.when.earliest?.iso, at: 7, in: statement)
        try Self.bind(event.when.latest?.iso, at: 8, in: statement)
        try statement.bind(event.when.precision.rawValue, at: 9)
        try statement.bind(event.when.approximate ? 1 : 0, at: 10)
        try statement.bind(event.when.uncertain ? 1 : 0, at: 11)
        try Self.bind(event.announced?.edtf, at: 12, in: statement)
        try Self.bind(event.announced?.earliest?.iso, at: 13, in: statement)
        try Self.bind(event.announced?.latest?.iso, at: 14, in: statement)
        try Self.bind(event.announced?.precision.rawValue, at: 15, in: statement)
        try statement.bind(event.announced?.approximate == true ? 1 : 0, at: 16)
        try statement.bind(event.announced?.uncertain == true ? 1 : 0, at: 17)
        try statement.bind(recordedAt, at: 18)
        try bindStoredLists(of: event, rendered: renderedLists, from: 19, in: statement)
        try statement.bind(event.when.display(), at: 24)
        try Self.bind(event.announced?.display(), at: 25, in: statement)
        try Self.runOnce(statement)
        let eventID = database.lastInsertRowID
        try insertDetails(of: event, eventID: eventID)
        if storedLists == .tables { try storeListsFromTables(eventID: eventID) }
        return eventID
    }

    /// An event's four lists rendered as the stored JSON, and its figures as the timeline_events
    /// view names them, so that it can be done ahead, on another thread (an import renders them as
    /// it reads, and the writer uses them when saving left the lists as they were read).
    struct RenderedLists: Sendable, Equatable {
        let entities: [UInt8]
        let tags: [UInt8]
        let measures: [UInt8]
        let sources: [UInt8]
        let figuresLabel: String

        init(rendering event: Event) {
            var json = JSONText()
            EventJSON.appendEntities(event, to: &json)
            entities = json.bytes
            json.removeAll()
            EventJSON.appendTags(event, to: &json)
            tags = json.bytes
            json.removeAll()
            EventJSON.appendMeasures(event, to: &json)
            measures = json.bytes
            json.removeAll()
            EventJSON.appendSources(event, to: &json)
            sources = json.bytes
            figuresLabel = Measure.labelledList(event.measures)
        }
    }

    /// Binds the event's four lists as JSON at `first` … `first + 3` and its figures label at
    /// `first + 4` (`.event`: `rendered`, which must be of this event's lists, else rendered now),
    /// or NULL (`.tables`: they are read back once the rows exist).
    private func bindStoredLists(of event: Event, rendered: RenderedLists?, from first: Int32, in statement: Statement) throws {
        guard storedLists == .event else {
            for offset in 0..<Int32(5) { try statement.bindNull(at: first + offset) }
            return
        }
        let lists = rendered ?? RenderedLists(rendering: event)
        try statement.bindText(lists.entities, at: first)
        try statement.bindText(lists.tags, at: first + 1)
        try statement.bindText(lists.measures, at: first + 2)
        try statement.bindText(lists.sources, at: first + 3)
        try statement.bind(lists.figuresLabel, at: first + 4)
    }

    /// Renders the event's lists and figures label from its rows in the tables, as reading does,
    /// into its row.
    func storeListsFromTables(eventID: Int64) throws {
        let lists = try StoredEventTextReader(database: database).lists(ofEventID: eventID)
        let figures = try database.statement(
            "SELECT quantity, value, unit, approximate, qualifier FROM measures WHERE event_id = ?1 ORDER BY id"
        ).map([.integer(eventID)]) { Measure(labelledFrom: $0, at: 0) }
        let statement = try database.statement(
            """
            UPDATE events SET entities_json = ?2, tags_json = ?3, measures_json = ?4, sources_json = ?5, figures_label = ?6
            WHERE id = ?1
            """)
        try statement.bind(eventID, at: 1)
        try statement.bindText(lists.list(.entities), at: 2)
        try statement.bindText(lists.list(.tags), at: 3)
        try statement.bindText(lists.list(.measures), at: 4)
        try statement.bindText(lists.list(.sources), at: 5)
        try statement.bind(Measure.labelledList(figures), at: 6)
        try Self.runOnce(statement)
    }

    private static func bind(_ text: String?, at index: Int32, in statement: Statement) throws {
        if let text { try statement.bind(text, at: index) } else { try statement.bindNull(at: index) }
    }

    private static func bind(_ integer: Int64?, at index: Int32, in statement: Statement) throws {
        if let integer { try statement.bind(integer, at: index) } else { try statement.bindNull(at: index) }
    }

    /// Steps a bound statement that returns no rows, then rewinds it for the next use.
    private static func runOnce(_ statement: Statement) throws {
        defer { statement.reset() }
        while try statement.step() {}
    }

    /// The rows that hang off an event: entities, tags, measures, citations.
    private func insertDetails(of event: Event, eventID: Int64) throws {
        for (position, entity) in event.entities.enumerated() {
            let entityID = try entityID(entity.slug)
            let statement = try database.statement(
                "INSERT INTO event_entities (event_id, entity_id, role, position) VALUES (?1, ?2, ?3, ?4)")
            try statement.bind(eventID, at: 1)
            try statement.bind(entityID, at: 2)
            try statement.bind(entity.role, at: 3)
            try statement.bind(position, at: 4)
            try Self.runOnce(statement)
        }
        for tag in event.tags {
            let statement = try database.statement("INSERT INTO event_tags (event_id, tag) VALUES (?1, ?2)")
            try statement.bind(eventID, at: 1)
            try statement.bind(tag, at: 2)
            try Self.runOnce(statement)
        }
        for measure in event.measures {
            let entityID = try measure.entity.map(entityID)
            let sourceID = try measure.source.map(sourceID)
            let statement = try database.statement(
                """
                INSERT INTO measures (event_id, quantity, value, unit, entity_id, approximate, qualifier, source_id, note,
                                      recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """)
            try statement.bind(eventID, at: 1)
            try statement.bind(measure.quantity, at: 2)
            try statement.bind(measure.value, at: 3)
            try statement.bind(measure.unit, at: 4)
            try Self.bind(entityID, at: 5, in: statement)
            try statement.bind(measure.approximate ? 1 : 0, at: 6)
            try Self.bind(measure.qualifier, at: 7, in: statement)
            try Self.bind(sourceID, at: 8, in: statement)
            try Self.bind(measure.note, at: 9, in: statement)
            try statement.bind(recordedAt, at: 10)
            try Self.runOnce(statement)
        }
        for citation in event.citations {
            let sourceID = try sourceID(citation.source.key)
            let statement = try database.statement(
                """
                INSERT INTO citations (event_id, source_id, stance, quote, quote_language, translation, note, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                """)
            try statement.bind(eventID, at: 1)
            try statement.bind(sourceID, at: 2)
            try statement.bind(citation.stance.rawValue, at: 3)
            try Self.bind(citation.quote, at: 4, in: statement)
            try Self.bind(citation.quoteLanguage, at: 5, in: statement)
            try Self.bind(citation.translation, at: 6, in: statement)
            try Self.bind(citation.note, at: 7, in: statement)
            try statement.bind(recordedAt, at: 8)
            try Self.runOnce(statement)
        }
    }

    /// Replaces an event's row and details, keeping the version it replaces in `event_history`.
    func replace(_ existing: Event, eventID: Int64, with event: Event) throws {
        try recordHistory(of: existing, change: "edit")
        for table in ["event_entities", "event_tags", "measures", "citations"] {
            try database.execute("DELETE FROM \(table) WHERE event_id = ?1", [.integer(eventID)])
        }
        let update = try database.statement(
            """
            UPDATE events SET kind = ?2, status = ?3, title = ?4, summary = ?5,
                when_edtf = ?6, when_earliest = ?7, when_latest = ?8, when_precision = ?9, when_approximate = ?10,
                when_uncertain = ?11, announced_edtf = ?12, announced_earliest = ?13, announced_latest = ?14,
                announced_precision = ?15, announced_approximate = ?16, announced_uncertain = ?17, recorded_at = ?18,
                entities_json = ?19, tags_json = ?20, measures_json = ?21, sources_json = ?22, figures_label = ?23,
                when_label = ?24, announced_label = ?25
            WHERE id = ?1
            """)
        let values: [SQLValue] = [.integer(eventID), .text(event.kind), .text(event.status.rawValue), .text(event.title), .text(event.summary),
             .text(event.when.edtf), .text(event.when.earliest?.iso), .text(event.when.latest?.iso),
             .text(event.when.precision.rawValue), .bool(event.when.approximate), .bool(event.when.uncertain),
             .text(event.announced?.edtf), .text(event.announced?.earliest?.iso), .text(event.announced?.latest?.iso),
             .text(event.announced?.precision.rawValue), .bool(event.announced?.approximate ?? false),
             .bool(event.announced?.uncertain ?? false), .text(recordedAt)]
        for (offset, value) in values.enumerated() { try update.bind(value, at: Int32(offset + 1)) }
        try bindStoredLists(of: event, rendered: nil, from: 19, in: update)
        try update.bind(event.when.display(), at: 24)
        try Self.bind(event.announced?.display(), at: 25, in: update)
        try Self.runOnce(update)
        try insertDetails(of: event, eventID: eventID)
        if storedLists == .tables { try storeListsFromTables(eventID: eventID) }
    }

    /// Deletes an event, keeping its last version in `event_history`.
    func remove(_ existing: Event, eventID: Int64) throws {
        try recordHistory(of: existing, change: "remove")
        try database.statement("DELETE FROM events WHERE id = ?1").run([.integer(eventID)])
    }

    /// Refuses a time given by hand before `earlier`, when `uid` was last recorded (or removed):
    /// history would run out of order. Times stored without a fraction compare as with `.000`.
    func checkRecordingTime(after earlier: String, of uid: String) throws {
        guard recordedAtGiven, RecordingTime.sortable(recordedAt) < RecordingTime.sortable(earlier) else { return }
        throw TimelineError(.usage, "the recording time \(recordedAt) is before \(uid) was last recorded (\(earlier)); "
            + "history only runs forward: give a later time.", field: Self.recordingTimeField)
    }

    /// The field a recording-time error names: it is about the command, not a record of a file.
    static let recordingTimeField = "(recording time)"

    private func recordHistory(of existing: Event, change: String) throws {
        // The clock may step back a little (a time server's correction): the version then ends
        // when it began. A time given by hand before it would write history out of order.
        try checkRecordingTime(after: existing.recordedAt, of: existing.uid)
        try database.statement(
            "INSERT INTO event_history (uid, recorded_at, superseded_at, change, snapshot) VALUES (?1, ?2, ?3, ?4, ?5)").run(
            [.text(existing.uid), .text(existing.recordedAt), .text(max(recordedAt, existing.recordedAt)), .text(change),
             .text(EventJSON.object(existing))])
    }

    func entityID(_ slug: String) throws -> Int64 {
        if let id = knownIDs.entities[slug] { return id }
        guard let id = try database.statement("SELECT id FROM entities WHERE slug = ?1").first([.text(slug)], { $0.int64(at: 0) }) else {
            throw TimelineError(.badData, "no entity with the slug '\(slug)'.")
        }
        knownIDs.remember(entity: slug, id: id)
        return id
    }

    func sourceID(_ key: String) throws -> Int64 {
        if let id = knownIDs.sources[key] { return id }
        guard let id = try database.statement("SELECT id FROM sources WHERE key = ?1").first([.text(key)], { $0.int64(at: 0) }) else {
            throw TimelineError(.badData, "no source with the key '\(key)'.")
        }
        knownIDs.remember(source: key, id: id)
        return id
    }

    /// Drops the remembered ids, after a savepoint rolled back rows they may belong to.
    func forgetRowIDs() {
        knownIDs.entities.removeAll()
        knownIDs.sources.removeAll()
    }
}
