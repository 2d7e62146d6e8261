/// Something that writes events one at a time: list formats, TimelineJS, the Markdown chronology.
public protocol EventStreamWriter: AnyObject {
    func begin() throws
    func write(_ event: Event) throws
    /// Writes what follows the last event and flushes the output.
    func end() throws
}

extension EventListWriter: EventStreamWriter {}
