import SQLiteStorage

/// One version of an event: as recorded at `recordedAt`, until `supersededAt` (nil for the version
/// in force), when it was edited or removed.
public struct EventVersion: Sendable {
    public enum Ending: String, Sendable {
        case edit, remove
    }

    public var event: Event
    public var recordedAt: String
    public var supersededAt: String?
    /// How the version ended; nil for the one in force.
    public var ending: Ending?
}

extension TimelineStore {
    /// The error for a uid no event in force has: one that was removed says how to bring it back
    /// (`show`, `edit` of a removed event otherwise read as a mistyped uid).
    public func noEventError(uid: String) throws -> TimelineError {
        if try database.tableExists("event_history"),
           try database.statement("SELECT 1 FROM event_history WHERE uid = ?1 AND change = 'remove' LIMIT 1").first([.text(uid)], { _ in true }) == true {
            return TimelineError(.notFound, "the event '\(uid)' was removed; `timeline restore \(uid)` brings it back, and `timeline history \(uid)` shows it.")
        }
        return TimelineError(.notFound, "no event has the uid '\(uid)'; \(try UIDSuggestions.hint(for: uid, in: database))")
    }

    /// The error for a uid no event has or had (`history`), with the uids it may mean.
    public func noVersionsError(uid: String) throws -> TimelineError {
        let hint = try UIDSuggestions.uids(meantBy: uid, in: database).isEmpty
            ? try UIDSuggestions.hint(for: uid, in: database, place: .history) : try UIDSuggestions.hint(for: uid, in: database)
        return TimelineError(.notFound, "no event has or had the uid '\(uid)'; \(hint)")
    }

    /// Every version of the event `uid`, oldest first: those `edit` and `remove` kept in history,
    /// then the one in force (none when the event was removed). Empty when no event had the uid.
    public func history(of uid: String) throws -> [EventVersion] {
        do {
            return try database.transaction(.deferred) {
                var versions: [EventVersion] = []
                if try database.tableExists("event_history") {
                    let rows = try database.prepare(
                        "SELECT recorded_at, superseded_at, change, snapshot FROM event_history WHERE uid = ?1 ORDER BY recorded_at, id"
                    ).map([.text(uid)]) { ($0.text(at: 0), $0.text(at: 1), $0.text(at: 2), $0.text(at: 3)) }
                    for (recordedAt, supersededAt, change, snapshot) in rows {
                        let event: Event
                        do {
                            event = try EventJSONDecoder.event(from: try JSONParser.parse(snapshot))
                        } catch {
                            throw TimelineError(.badData, "the history of \(uid) recorded at \(recordedAt) cannot be read: \(error).")
                        }
                        versions.append(EventVersion(event: event, recordedAt: recordedAt, supersededAt: supersededAt,
                                                     ending: EventVersion.Ending(rawValue: change) ?? .edit))
                    }
                }
                if let live = try event(uid: uid) {
                    versions.append(EventVersion(event: live, recordedAt: live.recordedAt, supersededAt: nil, ending: nil))
                }
                return versions
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }
}
