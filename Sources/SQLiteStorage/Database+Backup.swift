import CSQLite

extension Database {
    /// Copies the main database into `destination` with SQLite's online backup API: a consistent
    /// snapshot even while other connections write, and one that finishes however often they do.
    ///
    /// In WAL mode one read transaction is held across the copy: it pins one snapshot, so the copy
    /// never restarts, and writers go on into the log. Otherwise each step takes the shared lock
    /// anew and a write between steps restarts the copy; after `restartsBeforeOneStep` restarts the
    /// rest is copied in one step holding the lock (writers wait, up to their busy timeout), since
    /// a steady writer would otherwise restart it for ever.
    /// - Parameter pagesPerStep: pages copied between lock releases, so writers are not held up long.
    /// - Parameter shouldStop: asked between steps; true stops the copy with SQLITE_INTERRUPT.
    /// - Parameter waitingForLocks: false to throw SQLITE_BUSY once the destination's busy
    ///   handler gave up, rather than try again (a destination other processes write).
    public func backup(to destination: Database, pagesPerStep: Int32 = 1024, restartsBeforeOneStep: Int = 3,
                       waitingForLocks: Bool = true, stoppingWhen shouldStop: (() -> Bool)? = nil) throws {
        let holdsSnapshot = try isInTransaction ? false : scalar("PRAGMA journal_mode") == .text("wal")
        if holdsSnapshot {
            try execute("BEGIN DEFERRED")
            do {
                _ = try scalar("SELECT count(*) FROM sqlite_schema")  // starts the read transaction
            } catch {
                try? execute("ROLLBACK")
                throw error
            }
        }
        defer { if holdsSnapshot { try? execute("ROLLBACK") } }
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError(connection: destination.handle, resultCode: sqlite3_errcode(destination.handle))
        }
        var code: Int32
        var pages = pagesPerStep
        var restarts = 0
        var remaining = Int32.max
        repeat {
            if shouldStop?() == true {
                sqlite3_backup_finish(backup)
                throw SQLiteError(code: SQLITE_INTERRUPT)
            }
            code = sqlite3_backup_step(backup, pages)
            let left = sqlite3_backup_remaining(backup)
            if left > remaining {
                restarts += 1
                if restarts >= restartsBeforeOneStep { pages = -1 }
            }
            remaining = left
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                guard waitingForLocks else { break }
                sqlite3_sleep(10)
            }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(connection: destination.handle, resultCode: code == SQLITE_DONE ? finish : code)
        }
    }
}
