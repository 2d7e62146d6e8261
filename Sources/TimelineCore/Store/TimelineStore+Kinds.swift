import SQLiteStorage

/// A kind of the vocabulary, with how many events are of it.
public struct KindListing: Sendable, Equatable {
    public var name: String
    public var description: String
    public var events: Int
}

/// What a change to the kinds vocabulary did.
public enum KindChange: Sendable, Equatable {
    case added, updated, unchanged
}

extension TimelineStore {
    /// Every kind, by name, with the number of events of it. All from one snapshot of the file.
    public func kindListings() throws -> [KindListing] {
        func run() throws -> [KindListing] {
            try database.prepare(
                """
                SELECT k.name, k.description, (SELECT count(*) FROM events AS e WHERE e.kind = k.name)
                FROM event_kinds AS k ORDER BY k.name
                """
            ).map { KindListing(name: $0.text(at: 0), description: $0.text(at: 1), events: Int($0.int64(at: 2))) }
        }
        return try readingSnapshot(run)
    }

    /// Adds a kind. The same kind with the same description again changes nothing (a script's
    /// retry); with another description it is refused, as `add` never overwrites.
    public func addKind(_ name: String, description: String) throws -> KindChange {
        try writing { saver in try saver.addKind(name, description: description) }
    }

    /// Changes a kind's description.
    public func describeKind(_ name: String, as description: String) throws -> KindChange {
        try writing { saver in try saver.describeKind(name, as: description) }
    }

    /// Removes a kind no event is of.
    public func removeKind(_ name: String) throws {
        try writing { saver in try saver.removeKind(name) }
    }
}
