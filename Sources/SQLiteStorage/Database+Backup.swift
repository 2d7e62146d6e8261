import CSQLite

extension Database {
    /// Copies the main database into `destination` with SQLite's online backup API: a consistent
    /// snapshot even while other connections write (the copy restarts when they change it).
    /// - Parameter pagesPerStep: pages copied between lock releases, so writers are not held up long.
    public func backup(to destination: Database, pagesPerStep: Int32 = 1024) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw SQLiteError(connection: destination.handle, resultCode: sqlite3_errcode(destination.handle))
        }
        var code: Int32
        repeat {
            code = sqlite3_backup_step(backup, pagesPerStep)
            if code == SQLITE_BUSY || code == SQLITE_LOCKED {
                sqlite3_sleep(10)
            }
        } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE, finish == SQLITE_OK else {
            throw SQLiteError(connection: destination.handle, resultCode: code == SQLITE_DONE ? finish : code)
        }
    }
}
