import SQLiteStorage

/// Prepares the database for a bulk write inside one transaction, and puts it back after.
///
/// The triggers that keep the search index and the span R*Tree current rebuild an event's search
/// row on every entity and citation added to it, and each makes SQLite open a statement journal:
/// right for one edit, wasteful for a million-row import. They are dropped; when the import is done
/// the rows of the events it added or changed are built once each, set-wise, and the triggers put
/// back. Loading into an empty timeline, the secondary indexes are dropped too and built after the
/// load, sorted once, instead of being kept up to date row by row. A failed import rolls all of it back.
struct BulkLoad {
    private let database: Database
    private let triggers: [(name: String, sql: String)]
    private let indexes: [(name: String, sql: String)]
    /// Events with an id above this one were added during the suspension.
    private let lastIDBefore: Int64

    /// Tables whose secondary indexes only serve reads, never the import's own lookups.
    private static let indexedTables = ["events", "event_entities", "event_tags", "measures", "citations"]

    init(database: Database) throws {
        self.database = database
        triggers = try database.prepare(
            """
            SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'
            AND (name LIKE 'event\\_search\\_%' ESCAPE '\\' OR name LIKE 'event\\_spans\\_%' ESCAPE '\\') ORDER BY rowid
            """
        ).map { ($0.text(at: 0), $0.text(at: 1)) }
        if case .integer(let id)? = try database.scalar("SELECT coalesce(max(id), 0) FROM events") {
            lastIDBefore = id
        } else {
            lastIDBefore = 0
        }
        for trigger in triggers {
            try database.execute("DROP TRIGGER \(SQLLiteral.identifier(trigger.name))")
        }
        if lastIDBefore == 0 {
            let tables = Self.indexedTables.map(SQLLiteral.string).joined(separator: ", ")
            indexes = try database.prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables)) ORDER BY rowid"
            ).map { ($0.text(at: 0), $0.text(at: 1)) }
            for index in indexes {
                try database.execute("DROP INDEX \(SQLLiteral.identifier(index.name))")
            }
        } else {
            indexes = []
        }
    }

    /// Builds the dropped indexes, indexes the added and `updated` events, and restores the triggers.
    func finish(updated: [Int64]) throws {
        for index in indexes {
            try database.execute(index.sql)
        }
        guard !triggers.isEmpty else { return }
        let refresh = [
            try database.prepare("DELETE FROM event_search WHERE rowid = ?1"),
            try database.prepare(
                "INSERT INTO event_search (rowid, title, summary, quotes, names) SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = ?1"),
            try database.prepare("DELETE FROM event_spans WHERE id = ?1"),
            try database.prepare(
                "INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id = ?1"),
        ]
        for id in updated where id <= lastIDBefore {
            for statement in refresh { try statement.run([.integer(id)]) }
        }
        try database.execute(
            """
            INSERT INTO event_search (rowid, title, summary, quotes, names)
            SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id > ?1
            """, [.integer(lastIDBefore)])
        try database.execute(
            "INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id > ?1",
            [.integer(lastIDBefore)])
        for trigger in triggers {
            try database.execute(trigger.sql)
        }
    }
}
