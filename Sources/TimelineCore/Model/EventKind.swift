/// A word of the kinds vocabulary (the `event_kinds` table, which users may add to), as a
/// timeline document carries it so that an event of a kind added by hand travels with it.
public struct EventKind: Sendable, Equatable {
    public var name: String
    /// What the kind means; a new kind needs one, an existing one keeps its own.
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}
