#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SQLiteStorage

/// Prepares the database for a bulk write inside one transaction, and puts it back after.
///
/// The triggers that keep the search index and the span R*Tree current rebuild an event's search
/// row on every entity and citation added to it, and each makes SQLite open a statement journal:
/// right for one edit, wasteful for a million-row import. They are dropped (the same triggers clear
/// an event's stored lists when its rows change: the writer writes the lists with the row; the one
/// on `event_refreshes` they all insert into stays); when the import is done
/// the rows of the events it added or changed are built once each, set-wise, and the triggers put
/// back. Loading into an empty timeline, the secondary indexes are dropped too and built after the
/// load, sorted once, instead of being kept up to date row by row, the span index is packed, and
/// CHECK constraints may be left to one pass over the tables at the end. A load large beside a
/// timeline that has events does the same, but for the indexes that find an event's figures and
/// citations and the events of a span: a file that updates its events, or names them without
/// their uids, needs them as it goes. A failed import rolls all of it back.
struct BulkLoad {
    private let database: Database
    private let triggers: [(name: String, sql: String)]
    private let indexes: [(name: String, sql: String, leadsWithEventID: Bool)]
    /// How many new events make the search index worth building aside; nil for never.
    private let searchIndexAsideFrom: Int64?
    private let shouldStop: (() -> Bool)?
    /// Events with an id above this one were added during the suspension (0: the timeline had none).
    let lastIDBefore: Int64
    /// Whether CHECK constraints are off during the load and checked by `finish`: asked for,
    /// and the timeline has no events yet or the load rebuilds its indexes.
    let checksConstraintsAtTheEnd: Bool
    /// Whether the load drops indexes and builds them after: into a timeline with no events, or
    /// asked for.
    let rebuildsIndexes: Bool

    /// A row written during the load breaks a CHECK constraint (found by `finish`).
    struct ConstraintViolated: Error, CustomStringConvertible {
        let description: String
    }

    /// Tables whose secondary indexes serve no lookup of the import's that a load into an empty
    /// timeline cannot do without: those it does there (a quantity's units, a source's
    /// citations) are each made once for a few of the rows, and a load large beside the timeline
    /// meets at most a few times as many rows there.
    private static let indexedTables = ["events", "event_entities", "event_tags", "measures", "citations"]

    /// - Parameters:
    ///   - checksConstraintsAtTheEnd: leave CHECK constraints to `finish` when the load rebuilds
    ///     the indexes: it checks every table once and throws `ConstraintViolated` if a row breaks
    ///     one (the caller then runs the load again with them checked row by row, to say which row).
    ///   - rebuildsIndexes: rebuild the secondary indexes (but those by event or span) and the span index
    ///     after the load also when the timeline has events (a load large beside it); always
    ///     done into a timeline without.
    init(database: Database, checkingConstraintsAtTheEnd checksConstraintsAtTheEnd: Bool = false,
         rebuildingIndexes rebuildsIndexes: Bool = false, buildingSearchIndexAsideFrom searchIndexAsideFrom: Int64? = nil,
         stoppingWhen shouldStop: (() -> Bool)? = nil) throws {
        self.database = database
        self.searchIndexAsideFrom = searchIndexAsideFrom
        self.shouldStop = shouldStop
        triggers = try database.prepare(
            """
            SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'
            AND (name LIKE 'event\\_refresh\\_after\\_%' ESCAPE '\\' OR name LIKE 'event\\_spans\\_%' ESCAPE '\\') ORDER BY rowid
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
        self.rebuildsIndexes = rebuildsIndexes || lastIDBefore == 0
        // The check at the end reads whole tables: worth it only when the load writes a large
        // share of their rows.
        self.checksConstraintsAtTheEnd = checksConstraintsAtTheEnd && self.rebuildsIndexes
        if self.checksConstraintsAtTheEnd {
            try database.execute("PRAGMA ignore_check_constraints = ON")
        }
        if self.rebuildsIndexes {
            let tables = Self.indexedTables.map(SQLLiteral.string).joined(separator: ", ")
            // With events there before, a record may update one, or be one without its uid: the
            // indexes that find an event's figures and citations (by `event_id` first) and the
            // events of a span (by `when_earliest` first: `HeldEventsBySpan`) are kept, or each
            // lookup would read a whole table (an export imported again without its uids, 20,000
            // events: 30 s with them, 112 s without).
            indexes = try database.prepare(
                """
                SELECT name, sql, leading = 'event_id' FROM (
                    SELECT name, sql, rowid, (SELECT name FROM pragma_index_info(s.name) WHERE seqno = 0) AS leading
                    FROM sqlite_schema AS s WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(tables)))
                WHERE ?1 OR leading NOT IN ('event_id', 'when_earliest')
                ORDER BY rowid
                """
            ).map([.bool(lastIDBefore == 0)]) { ($0.text(at: 0), $0.text(at: 1), $0.bool(at: 2)) }
            for index in indexes {
                try database.execute("DROP INDEX \(SQLLiteral.identifier(index.name))")
            }
        } else {
            indexes = []
        }
    }

    /// Builds the dropped indexes, indexes the added and `updated` events, and restores the
    /// triggers; returns whether the search index was built aside.
    @discardableResult
    func finish(updated: [Int64]) throws -> Bool {
        defer { restoreSettings() }
        let newEvents = try Self.newEvents(in: database, after: lastIDBefore)
        // Packing takes an empty R*Tree: the entries of the events there before are deleted
        // first, one at a time, which is worth it when they are fewer than the new ones.
        let packsSpans = lastIDBefore == 0 || (rebuildsIndexes && newEvents >= lastIDBefore)
        // The whole search index built aside when the new events are the most of it: every
        // event's document goes to it, and it replaces the timeline's.
        var aside = try searchIndexBuiltAside(whenPacking: packsSpans, newEvents: newEvents)
        defer { aside?.cancel() }
        var searchIndexEmptied = false
        do {
            // Each index build sorts a whole table; with helper threads SQLite sorts the runs that
            // do not fit in the cache in parallel (at 1M events, 0.8 s -> 0.55 s an index).
            try database.execute("PRAGMA threads = \(Self.sortingThreads)")
            defer { try? database.execute("PRAGMA threads = 0") }
            var built = Set<String>()
            if let building = aside {
                // The documents for the index built aside are read first (through the indexes
                // that find an event's citations, by `event_id`), so that it is built while the
                // constraints are checked and the other indexes built.
                for index in indexes where index.leadsWithEventID {
                    try database.execute(index.sql)
                    built.insert(index.name)
                }
                try building.emptyIndex(in: database)
                searchIndexEmptied = true
                if !spoolDocuments(to: building) { aside = nil }
            }
            if checksConstraintsAtTheEnd {
                try database.execute("PRAGMA ignore_check_constraints = OFF")
                try checkConstraints()
            }
            for index in indexes where !built.contains(index.name) {
                try database.execute(index.sql)
            }
        }
        guard !triggers.isEmpty else { return false }
        var builtAside = false
        if let building = aside {
            aside = nil
            // An index that could not be built aside (no room for its files, say) is built here
            // as it would have been; an interruption stops the first statement of that too.
            if (try? building.finish()) != nil {
                try building.copyIndex(into: database)
                builtAside = true
            }
        }
        if searchIndexEmptied && !builtAside {
            // Every event's, the text written so far taken out first.
            try database.execute("DELETE FROM event_search_content")
            try withLargeSearchIndexBuffer {
                var indexing = try NewEventsSearchIndexing(database: database)
                try indexing.indexEvents(after: 0)
            }
        } else if !builtAside {
            try indexSearch(newEvents: newEvents, updated: updated)
        }
        if packsSpans {
            if lastIDBefore > 0 { try database.execute("DELETE FROM event_spans") }
            // Every event: the R*Tree is packed from the span rows in order of start, each length
            // class apart (1M events: 0.9 s instead of 6.0 s inserting one at a time, with range
            // queries as fast). The rows come from the (earliest, latest) index just built, a few
            // bytes an event, instead of the events table itself.
            try database.packRTree(
                "event_spans", rows: "SELECT id, earliest_day, latest_day FROM event_span_rows ORDER BY earliest_day, latest_day",
                group: Self.lengthClass)
        } else {
            try refreshHeldEvents(updated, [
                "DELETE FROM event_spans WHERE id = ?1",
                "INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id = ?1",
            ])
            try database.execute(
                "INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id > ?1",
                [.integer(lastIDBefore)])
        }
        for trigger in triggers {
            try database.execute(trigger.sql)
        }
        return builtAside
    }

    /// Runs `statements` (each taking an event's id as `?1`) for every event of `updated` that was
    /// held before the load: its entry in an index taken out, then written again from its rows.
    private func refreshHeldEvents(_ updated: [Int64], _ statements: [String]) throws {
        let prepared = try statements.map { try database.prepare($0) }
        for id in updated where id <= lastIDBefore {
            for statement in prepared { try statement.run([.integer(id)]) }
        }
    }

    /// Indexes the added and `updated` events for search through the timeline's connection.
    private func indexSearch(newEvents: Int64, updated: [Int64]) throws {
        try refreshHeldEvents(updated, [
            "DELETE FROM event_search WHERE rowid = ?1",
            "INSERT INTO event_search (rowid, title, summary, quotes, names) SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = ?1",
        ])
        let indexNewEvents = {
            var indexing = try NewEventsSearchIndexing(database: database)
            try indexing.indexEvents(after: lastIDBefore)
        }
        if newEvents >= Self.eventsForLargeSearchBuffer {
            try withLargeSearchIndexBuffer(indexNewEvents)
        } else {
            // Few or no new events: the default buffer makes few segments, and the index's
            // settings (and so its file pages) are left untouched.
            try indexNewEvents()
        }
    }

    /// The search index's build aside, started, when the load replaces the whole of it (`packsSpans`)
    /// with at least `searchIndexAsideFrom` new events; nil when it is not worth it or cannot
    /// be started (the index is then built through the timeline's connection).
    private func searchIndexBuiltAside(whenPacking packsSpans: Bool, newEvents: Int64) throws -> SearchIndexBuiltAside? {
        guard packsSpans, !triggers.isEmpty, let threshold = searchIndexAsideFrom, newEvents >= threshold,
              case .text(let createSQL)? = try database.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [.text(SearchIndexBuiltAside.table)])
        else { return nil }
        return try? SearchIndexBuiltAside(createSQL: createSQL, stoppingWhen: shouldStop)
    }

    /// Writes every event's search document to the build aside, and its text into the emptied
    /// index's content table; false when that failed (the build is then cancelled), so that the
    /// index is built here instead.
    private func spoolDocuments(to aside: SearchIndexBuiltAside) -> Bool {
        do {
            var indexing = try NewEventsSearchIndexing(database: database)
            let contentWriter = try SearchIndexBuiltAside.contentWriter(in: database)
            try indexing.forEachDocument(after: 0) { id, fields in try aside.writeDocument(id, fields, with: contentWriter) }
            try aside.spool.finishWriting()
            return true
        } catch {
            aside.cancel()
            return false
        }
    }

    /// How many events at most were added after `lastIDBefore`. New events have ids above the old
    /// largest one: the largest id bounds their number, one index lookup where counting them would
    /// read the whole table.
    private static func newEvents(in database: Database, after lastIDBefore: Int64) throws -> Int64 {
        guard case .integer(let largest)? = try database.scalar("SELECT max(id) FROM events") else { return 0 }
        return largest - lastIDBefore
    }

    /// A span's order of magnitude of length, in powers of two of days: spans of one class fill
    /// R*Tree leaves of their own (days with days, years with years, open ends with open ends).
    static func lengthClass(_ earliest: Int32, _ latest: Int32) -> Int {
        let days = Int64(latest) - Int64(earliest) + 1
        return Int64.bitWidth - 1 - days.leadingZeroBitCount
    }

    /// How many new events make the search index worth building with a large buffer.
    static let eventsForLargeSearchBuffer: Int64 = 10_000

    /// How many new events make the search index worth building aside, when the process can use
    /// more than one processor (`ProcessorCount`): on one, the two builds would take turns, and
    /// the copy be a loss.
    static var defaultSearchIndexAsideFrom: Int64? {
        ProcessorCount.available > 1 ? 10_000 : nil
    }

    /// Runs `body` with the search index's buffer of pending terms at 8 MiB instead of FTS5's
    /// 1 MiB, then puts the setting back as it was.
    ///
    /// FTS5 writes a new segment each time the buffer fills, and merges segments as they pile
    /// up: at a million events the default buffer made many more segments to merge (the search
    /// index took 7.4 s to build instead of 4.6). Past 8 MiB nothing more was gained (a million
    /// events' documents indexed from the sqlite3 shell: 12.0 s with 1 MiB, 10.2 s with 8 or 16)
    /// but memory: the buffer is freed at the end of the statement, and the import's peak
    /// memory grows by its size, and more (16 MiB took the shell's peak 10 MiB above 8's).
    private func withLargeSearchIndexBuffer(_ body: () throws -> Void) throws {
        let setting = try database.scalar("SELECT v FROM event_search_config WHERE k = 'hashsize'")
        try database.execute("INSERT INTO event_search (event_search, rank) VALUES ('hashsize', \(8 << 20))")
        defer {
            // The setting is a row of the index's config table: put back as it was, the table
            // is as before. After a failure the rollback undoes it; and once SQLite has rolled
            // the transaction back itself (an interrupted statement), a write here would be a
            // transaction of its own, committed.
            if database.isInTransaction {
                if let setting {
                    try? database.execute("INSERT INTO event_search (event_search, rank) VALUES ('hashsize', ?1)", [setting])
                } else {
                    try? database.execute("INSERT INTO event_search (event_search, rank) VALUES ('hashsize', \(1 << 20))")
                    try? database.execute("DELETE FROM event_search_config WHERE k = 'hashsize'")
                }
            }
        }
        try body()
    }

    /// SQLite's helper threads for sorting: one for each processor the process can use, up to
    /// four; none when it can use one, where they would only take turns with the sort itself.
    private static var sortingThreads: Int {
        ProcessorCount.available > 1 ? min(ProcessorCount.available, 4) : 0
    }

    /// Checks the CHECK constraints of every table that has any, with one query a table that
    /// looks for a row breaking any of them (the IN lists and patterns prepared once, not once a
    /// row); where the constraints cannot be read from the schema with certainty, with SQLite's
    /// `quick_check`, which evaluates them as an insert would.
    private func checkConstraints() throws {
        let tables = try database.prepare(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%CHECK%' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        ).map { ($0.text(at: 0), $0.text(at: 1)) }
        for (table, sql) in tables {
            if let expressions = CheckConstraintText.expressions(inCreateTable: sql), !expressions.isEmpty {
                let broken = expressions.map { "NOT (\($0))" }.joined(separator: " OR ")
                let statement = try database.prepare("SELECT 1 FROM \(SQLLiteral.identifier(table)) WHERE \(broken) LIMIT 1")
                if try statement.step() {
                    throw ConstraintViolated(description: "a row of \(table) breaks a CHECK constraint")
                }
            } else {
                let problems = try database.prepare("PRAGMA quick_check(\(SQLLiteral.identifier(table)))").map { $0.text(at: 0) }
                if problems != ["ok"] {
                    throw ConstraintViolated(description: problems.joined(separator: "; "))
                }
            }
        }
    }

    /// Checks constraints again as they were before the load (also when the load fails).
    func restoreSettings() {
        if checksConstraintsAtTheEnd {
            try? database.execute("PRAGMA ignore_check_constraints = OFF")
        }
    }
}
