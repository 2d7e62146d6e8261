/// Something that writes events one at a time: list formats, TimelineJS, the Markdown chronology.
public protocol EventStreamWriter: AnyObject {
    func begin() throws
    func write(_ event: Event) throws
    /// Writes what follows the last event and flushes the output.
    func end() throws
}

extension EventListWriter: EventStreamWriter {}

/// A writer that names the entities a figure counts by their names (`Amazon`), those the event
/// does not list among its own too: the store gives it every entity's name before the events.
public protocol NamesEntities: AnyObject {
    var entityNames: [String: String] { get set }
}
