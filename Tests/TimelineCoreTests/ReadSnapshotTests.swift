import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// A listing reads one snapshot: the sorted ids, and the rows read a batch at a time after them,
/// come from the same state of the file while another connection writes.
@Suite struct ReadSnapshotTests {
    @Test(arguments: [EventQuery(kinds: ["launch"]), EventQuery(from: CalendarDay(iso: "2021-01-01"), to: CalendarDay(iso: "2021-12-31")),
                      EventQuery()])
    func aListingIsOneSnapshotWhileAnotherConnectionWrites(query: EventQuery) throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let store = try TimelineStore(path: path)
        for index in 0..<(EventReader.batchSize * 2 + 40) {
            _ = try store.save(Event(uid: "event-\(index)", kind: "launch", status: .occurred, title: "Event \(index)",
                                     when: try TimelineDate(edtf: "2021-05-\(String(format: "%02d", index % 28 + 1))")))
        }
        let expected = try store.events(matching: query).count
        #expect(expected > EventReader.batchSize * 2)

        // Once the first event is written, another connection deletes every event.
        let other = try Database(path: path)
        var written = 0
        let writer = CallbackWriter { _ in
            if written == 0 { try other.execute("DELETE FROM events") }
            written += 1
        }
        try store.writeEvents(matching: query, to: writer)
        #expect(written == expected)
        #expect(try store.events(matching: query).count == 0, "the deletion did happen")
    }
}

/// Calls back for each event written.
private final class CallbackWriter: EventStreamWriter {
    let wrote: (Event) throws -> Void
    init(_ wrote: @escaping (Event) throws -> Void) { self.wrote = wrote }
    func begin() throws {}
    func write(_ event: Event) throws { try wrote(event) }
    func end() throws {}
}
