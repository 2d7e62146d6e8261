import SQLiteStorage

extension TimelineStore {
    /// Saves one event by uid in its own transaction: inserted, updated (the old version kept in
    /// history), or left alone when nothing changed. A missing uid is generated.
    /// - Parameter replacingExisting: false to refuse (a usage error) a different event with the
    ///   same uid, as `add` does: adding must not overwrite an event by accident.
    @discardableResult
    public func save(_ event: Event, uidPolicy: UIDPolicy = .readable,
                     replacingExisting: Bool = true) throws -> (uid: String, outcome: SaveOutcome) {
        try writing { saver in
            saver.cleansPastedURLs = true
            return try saver.save(event, uidPolicy: uidPolicy, replacingExisting: replacingExisting)
        }
    }

    /// Removes an event; its last version stays in history, so `--as-of` still answers it.
    public func remove(uid: String) throws {
        try writing { saver in try saver.remove(uid: uid) }
    }

    /// Brings a removed event back as it was when removed (`history` shows it added again).
    public func restore(uid: String) throws {
        try writing { saver in try saver.restore(uid: uid) }
    }

    /// Runs `body`, which reads and then writes through this store, in one IMMEDIATE transaction:
    /// no other process writes between what it reads and what it saves (an edit reads the event,
    /// changes it and saves it; another process's edit in between would be lost). All of it is
    /// written, or none.
    public func readingAndWriting<T>(_ body: () throws -> T) throws -> T {
        do {
            let result = try database.transaction(.immediate) {
                let result = try body()
                try stopIfRequested()
                return result
            }
            adoptWriteAheadLog()
            return result
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction (a savepoint within `readingAndWriting`'s): all of
    /// it is written, or none.
    func writing<T>(_ body: (EventSaver) throws -> T) throws -> T {
        guard database.isInTransaction else {
            return try readingAndWriting { try body(try EventSaver(database: database, recordedAt: recordingTime)) }
        }
        do {
            return try database.savepoint { try body(try EventSaver(database: database, recordedAt: recordingTime)) }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs `body` as `writing` does, then rolls back what it wrote: a dry run's answer comes
    /// from the very writes it stands for, so it cannot say other than the real run would.
    func rehearsing<T>(_ body: (EventSaver) throws -> T) throws -> T {
        var result: T?
        do {
            try writing { saver in
                result = try body(saver)
                throw Rehearsed()
            }
        } catch is Rehearsed {}
        return result!
    }

    /// After a write: a database in a rollback journal (one the sqlite3 shell loaded from
    /// `export --format sql`) goes over to the write-ahead log, as every database the store makes
    /// is, so that readers do not wait for writers. (SQLite keeps only WAL in the file: the other
    /// modes last one connection, so none of them can have been chosen for good.) A database that
    /// another connection holds open stays as it is, as the switch needs it alone: it is tried
    /// again at the next write. A failed write does not switch, so that it leaves the file as it was.
    func adoptWriteAheadLog() {
        guard path != ":memory:", !database.isInTransaction,
              case .text(let mode)? = try? database.scalar("PRAGMA journal_mode"), mode != "wal" else { return }
        _ = try? database.enableWriteAheadLog()
    }
}

/// Thrown to roll back a rehearsal's writes once it has its answer.
private struct Rehearsed: Error {}
