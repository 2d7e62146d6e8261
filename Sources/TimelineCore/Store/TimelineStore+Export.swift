import SQLiteStorage

extension TimelineStore {
    /// The whole database — schema, data and migration history — as SQL text for the sqlite3 shell.
    /// `sqlite3 new.db < dump.sql` gives a database that opens without migrating and lists the same.
    public func exportSQL(to output: TextOutput) throws {
        do {
            try database.transaction(.deferred) {
                // The search index is rebuilt from the rows rather than copied from its internal tables.
                let rebuild = try database.tableExists("event_search") ? [Self.searchIndexRebuild] : []
                try database.dumpSQL(rebuildStatements: rebuild) { try output.write($0) }
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
        try output.finish()
    }

    static let searchIndexRebuild = """
        INSERT INTO event_search (rowid, title, summary, quotes, names)
        SELECT id, title, summary, quotes, names FROM event_search_documents
        """
}

extension TimelineStore {
    /// Schema and data as SQL that `psql` loads into an empty PostgreSQL database.
    public func exportPostgreSQL(to output: TextOutput) throws {
        throw TimelineError(.internalError, "the PostgreSQL dialect is not written yet.")
    }
}
