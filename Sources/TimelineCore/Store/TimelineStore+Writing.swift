import SQLiteStorage

extension TimelineStore {
    /// Saves one event by uid in its own transaction: inserted, updated (the old version kept in
    /// history), or left alone when nothing changed. A missing uid is generated.
    /// - Parameter replacingExisting: false to refuse (a usage error) a different event with the
    ///   same uid, as `add` does: adding must not overwrite an event by accident.
    @discardableResult
    public func save(_ event: Event, uidPolicy: UIDPolicy = .readable,
                     replacingExisting: Bool = true) throws -> (uid: String, outcome: SaveOutcome) {
        try writing { saver in try saver.save(event, uidPolicy: uidPolicy, replacingExisting: replacingExisting) }
    }

    /// Removes an event; its last version stays in history, so `--as-of` still answers it.
    public func remove(uid: String) throws {
        try writing { saver in try saver.remove(uid: uid) }
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it is written, or none.
    func writing<T>(_ body: (EventSaver) throws -> T) throws -> T {
        do {
            return try database.transaction(.immediate) {
                try body(try EventSaver(database: database, recordedAt: recordingTime))
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }
}
