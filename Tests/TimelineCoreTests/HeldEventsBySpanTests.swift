import SQLiteStorage
import Testing
@testable import TimelineCore

/// The events a record without a uid may be are read a span at a time and kept: read once,
/// read again once forgotten or once the kept events pass the bound, and found however many
/// events the span holds.
@Suite struct HeldEventsBySpanTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
    }

    private func event(_ uid: String, title: String, edtf: String = "1990") throws -> Event {
        Event(uid: uid, kind: "launch", status: .occurred, title: title, when: try TimelineDate(edtf: edtf),
              entities: [EventEntity(slug: "", name: "Acme", role: "subject")])
    }

    private func span(_ edtf: String) throws -> HeldEventsBySpan.Span {
        let date = try TimelineDate(edtf: edtf)
        return HeldEventsBySpan.Span(earliest: date.earliest?.iso, latest: date.latest?.iso)
    }

    private func ids(_ held: inout HeldEventsBySpan, title: String, edtf: String) throws -> [Int64] {
        try held.ids(ofKind: "launch", title: title, edtf: edtf, in: span(edtf), upTo: .max, database: store.database)
    }

    @Test func aSpanIsReadOnceUntilForgotten() throws {
        try store.save(event("opening-1", title: "Opening"))
        var held = HeldEventsBySpan()
        #expect(try ids(&held, title: "Opening", edtf: "1990").count == 1)
        #expect(try ids(&held, title: "Closing", edtf: "1990").isEmpty, "another title is another key")
        try store.save(event("opening-2", title: "Opening"))
        #expect(try ids(&held, title: "Opening", edtf: "1990").count == 1, "the span as first read")
        held.forget(try span("1990"))
        #expect(try ids(&held, title: "Opening", edtf: "1990").count == 2, "read again once forgotten")
    }

    /// An update puts the event under its new title in what was read, which stays: the span is
    /// not read again (an event saved since is not seen).
    @Test func anUpdatedEventIsFoundUnderItsNewTitleInWhatWasRead() throws {
        try store.save(event("opening-1", title: "Opening"))
        var held = HeldEventsBySpan()
        let id = try #require(try ids(&held, title: "Opening", edtf: "1990").first)
        try store.save(event("other", title: "Renamed"))
        held.update(id, in: try span("1990"), kind: "launch", title: "Renamed", edtf: "1990", upTo: .max)
        #expect(try ids(&held, title: "Renamed", edtf: "1990") == [id], "the update, not the event saved since")
        held.update(id, in: try span("1990"), kind: "launch", title: "Later", edtf: "1990", upTo: id - 1)
        #expect(try ids(&held, title: "Later", edtf: "1990").isEmpty, "past the bound the span was read with")
    }

    @Test func keptEventsPastTheBoundAreReadAgain() throws {
        try store.save(event("a", title: "A"))
        try store.save(event("b", title: "B", edtf: "1991"))
        try store.save(event("c", title: "C", edtf: "1991"))
        var held = HeldEventsBySpan(limit: 2)
        #expect(try ids(&held, title: "A", edtf: "1990").count == 1)
        // 1991's two events pass the bound of two with 1990's one: what was kept goes.
        #expect(try ids(&held, title: "B", edtf: "1991").count == 1)
        try store.save(event("a-2", title: "A"))
        #expect(try ids(&held, title: "A", edtf: "1990").count == 2, "1990 read again, with the event saved since")
    }

    /// A record without a uid names the typed-in event it is, past the first 10,000 events of
    /// its span (a bound an earlier reading had).
    @Test func aRecordFindsItsEventInASpanOfMoreThanTenThousand() throws {
        let count = 10_050
        try store.readingAndWriting {
            for number in 1...count { try store.save(event("event-\(number)", title: "Event \(number)")) }
        }
        let before = try store.countEvents(matching: EventQuery())
        let record = try event("", title: "Event \(count)")
        let saved = try store.save(record, uidPolicy: .contentHash)
        #expect(saved.uid == "event-\(count)" && saved.outcome == .unchanged)
        #expect(try store.countEvents(matching: EventQuery()) == before, "nothing added beside it")
    }
}
