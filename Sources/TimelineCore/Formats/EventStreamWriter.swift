/// Something that writes events one at a time: list formats, TimelineJS, the Markdown chronology.
public protocol EventStreamWriter: AnyObject {
    func begin() throws
    func write(_ event: Event) throws
    /// Writes what follows the last event and flushes the output.
    func end() throws
    /// The writer itself when it names the entities figures count (`NamesEntities`); nil by default.
    /// A requirement, not an `as?` cast: the first cast to a protocol makes the runtime scan every
    /// conformance in the binary (2% of a small `list`).
    var entityNaming: NamesEntities? { get }
}

extension EventStreamWriter {
    public var entityNaming: NamesEntities? { nil }
}

extension EventListWriter: EventStreamWriter {}

/// A writer that names the entities a figure counts by their names (`Amazon`), those the event
/// does not list among its own too: the store gives it every entity's name before the events.
public protocol NamesEntities: AnyObject {
    var entityNames: [String: String] { get set }
}
