import SQLiteStorage

extension TimelineStore {
    /// The whole database — schema, data and migration history — as SQL text for the sqlite3 shell.
    /// `sqlite3 new.db < dump.sql` gives a database that opens without migrating and lists the same.
    public func exportSQL(to output: TextOutput) throws {
        do {
            try database.transaction(.deferred) {
                // The search index is rebuilt from the rows rather than copied from its internal tables.
                var rebuild: [String] = []
                if try database.tableExists("event_search") { rebuild.append(Self.searchIndexRebuild) }
                if try database.tableExists("event_spans") { rebuild.append(Self.spanIndexRebuild) }
                try database.dumpSQL(rebuildStatements: rebuild) { try output.write(bytes: $0) }
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
        try output.finish()
    }

    static let spanIndexRebuild = """
        INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows
        """

    static let searchIndexRebuild = """
        INSERT INTO event_search (rowid, title, summary, quotes, names)
        SELECT id, title, summary, quotes, names FROM event_search_documents
        """
}

extension TimelineStore {
    /// Schema and data as SQL that `psql` loads into an empty PostgreSQL database, in one
    /// transaction: every table with its rows, keys, checks and indexes, and the migration history.
    public func exportPostgreSQL(to output: TextOutput) throws {
        do {
            try database.transaction(.deferred) {
                let sqliteOnly = try Self.sqliteOnlyObjects(in: database)
                try database.dumpPostgreSQL(leavingOut: sqliteOnly) { try output.write($0) }
            }
        } catch let error as SQLiteError where error.code == 20 {  // SQLITE_MISMATCH: no PostgreSQL form
            throw TimelineError(.badData, "cannot export \(path) for PostgreSQL: \(error.message).")
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
        try output.finish()
    }

    /// What stays behind in SQLite: the virtual tables (the FTS5 search index and the R*Tree of
    /// event spans, both rebuilt from the events; their shadow tables go with them), and every
    /// view and trigger, whose bodies are SQLite's SQL. The rows they index or show all go to
    /// PostgreSQL in their own tables.
    static func sqliteOnlyObjects(in database: Database) throws -> Set<String> {
        Set(
            try database.prepare(
                """
                SELECT name FROM sqlite_schema
                WHERE (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%') OR type IN ('view', 'trigger')
                """
            ).map { $0.text(at: 0) })
    }
}
