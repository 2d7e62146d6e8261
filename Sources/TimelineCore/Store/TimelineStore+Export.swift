import SQLiteStorage

extension TimelineStore {
    /// The whole database — schema, data and migration history — as SQL text for the sqlite3 shell.
    /// `sqlite3 new.db < dump.sql` gives a database that opens without migrating and lists the same.
    public func exportSQL(to output: TextOutput) throws {
        do {
            try database.transaction(.deferred) {
                try database.dumpSQL { try output.write($0) }
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
        try output.finish()
    }
}
