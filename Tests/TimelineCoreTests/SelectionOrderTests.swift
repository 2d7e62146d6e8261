import Foundation
import Testing
@testable import TimelineCore

/// The order of a selection does not depend on how it is read: a date range ordered from the
/// R*Tree's day numbers (ties broken by uid) is the order SQL's ORDER BY gives, and both are
/// chronological; sorted ids read back a batch at a time keep their order.
@Suite struct SelectionOrderTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        // Many events on the same days (runs of ties longer than a batch), months, years, open
        // intervals, and uids that sort differently from the order they are saved in; then short
        // runs (a few events a day in March) and single events (a day each in May), several of
        // them to a batch.
        let dates = ["2021-03-05", "2021-03-05", "2021-03", "2021", "2021-03-05/2021-03-09", "../2021-03-06", "2021-03-04/..",
                     "2020/2022", "2021-21", "2021-03-06", "2021-03-31", "2021-04-01", "2019", "202X"]
        for index in 0..<1000 {
            let edtf = index < 300 ? "2021-03-05"
                : index < 700 ? dates[index % dates.count]
                : index % 4 == 0 ? String(format: "2021-05-%02d", 1 + index % 31) : String(format: "2021-03-%02d", 1 + (index * 37) % 28)
            let event = Event(
                uid: String(format: "e-%03d-%@", (index * 7919) % 1000, index % 2 == 0 ? "b" : "a"), kind: index % 3 == 0 ? "layoff" : "launch", status: .occurred,
                title: "Event \(index)", when: try TimelineDate(edtf: edtf))
            _ = try store.save(event)
        }
    }

    func uids(_ selection: EventSelection) throws -> [String] {
        var uids: [String] = []
        try EventReader(database: store.database).forEachEvent(in: selection) { uids.append($0.uid) }
        return uids
    }

    /// The uids as the machine formats read them (`StoredEventTextReader`).
    func storedTextUIDs(_ query: EventQuery) throws -> [String] {
        var uids: [String] = []
        let selection = query.selection(entities: EntityScope(named: []), columns: StoredEventText.selectedColumns)
        try StoredEventTextReader(database: store.database).forEachEvent(in: selection) { event in
            uids.append(event.withColumn(.uid) { String(decoding: $0!, as: UTF8.self) })
        }
        return uids
    }

    static func isChronological(_ events: [Event], reverse: Bool) -> Bool {
        func key(_ event: Event) -> (String, Int, String, String) {
            (event.when.earliest?.iso ?? "", event.when.latest == nil ? 1 : 0, event.when.latest?.iso ?? "", event.uid)
        }
        return zip(events, events.dropFirst()).allSatisfy { reverse ? key($0) >= key($1) : key($0) <= key($1) }
    }

    @Test func aRangeOrderedFromTheSpansIsOrderedAsSQLOrdersIt() throws {
        let day = { (iso: String) in CalendarDay(iso: iso)! }
        var checked = 0
        for (from, to) in [(day("2021-03-05"), day("2021-03-05")), (day("2021-03-01"), day("2021-03-31")), (day("2021-03-06"), day("2021-12-31")),
                           (day("1900-01-01"), day("2100-12-31")), (day("2021-03-07"), day("2021-03-07")),
                           (day("2021-03-10"), day("2021-05-31")), (day("2021-05-01"), day("2021-05-31"))] {
            for within in [false, true] {
                for reverse in [false, true] {
                    for (limit, offset) in [(nil, 0), (10, 0), (5, 295), (150, 140), (nil, 310), (1, 0), (3, 371), (40, 350), (nil, 389),
                                                    (7, 3), (130, 1), (2, 129), (300, 20), (nil, 127)] as [(Int?, Int)] {
                        var query = EventQuery(from: from, to: to, within: within)
                        query.reverse = reverse
                        query.limit = limit
                        query.offset = offset
                        let fromSpans = query.selection(entities: EntityScope(named: []))
                        let fromSQL = query.selection(entities: EntityScope(named: []), orderingFromSpans: false)
                        #expect(fromSpans.tieBreak != nil && fromSQL.tieBreak == nil)
                        let expected = try uids(fromSQL)
                        #expect(try uids(fromSpans) == expected, "\(query)")
                        let events = try store.events(matching: query)
                        #expect(events.map(\.uid) == expected)
                        #expect(try storedTextUIDs(query) == expected, "\(query)")
                        #expect(Self.isChronological(events, reverse: reverse), "\(query)")
                        checked += expected.count
                    }
                }
            }
        }
        #expect(checked > 10_000)
    }

    @Test func sortedSelectionsReadInBatchesKeepTheirOrder() throws {
        for query in [EventQuery(kinds: ["layoff"]), EventQuery(from: CalendarDay(iso: "2021-03-01"), to: CalendarDay(iso: "2021-03-31"), kinds: ["launch"]),
                      EventQuery(search: "event", reverse: true)] {
            let selection = query.selection(entities: EntityScope(named: []))
            #expect(selection.rowsSQL != nil && selection.tieBreak == nil)
            let events = try store.events(matching: query)
            #expect(events.count > EventReader.batchSize)
            #expect(Self.isChronological(events, reverse: query.reverse), "\(query)")
            var written = 0
            try store.writeEvents(matching: query, to: CountingWriter { written += 1 })
            #expect(written == events.count)
        }
    }

    /// A run read whole is put in the order SQLite's ORDER BY gives its uids (bytes, not Swift's
    /// string order, which reads a decomposed é as the composed one).
    @Test func aRunReadWholeIsInTheOrderSQLiteGivesItsUIDs() throws {
        let uids = ["b", "a", "ab", "é", "e\u{301}", "z", "A", "a-10", "a-9", "😀", "\u{FFFD}", "e", "É"]
        for descending in [false, true] {
            let expected = try store.database.prepare(
                "SELECT value FROM json_each(?1) ORDER BY value \(descending ? "DESC" : "ASC")"
            ).map([.text(String(decoding: try JSONSerialization.data(withJSONObject: uids), as: UTF8.self))]) { $0.text(at: 0) }
            let places = EventSelection.places(inOrderOf: uids.map { Array($0.utf8) }, descending: descending)
            #expect(places.map { uids[$0] } == expected, "descending: \(descending)")
        }
    }
}

/// Counts the events written.
private final class CountingWriter: EventStreamWriter {
    let counted: () -> Void
    init(_ counted: @escaping () -> Void) { self.counted = counted }
    func begin() throws {}
    func write(_ event: Event) throws { counted() }
    func end() throws {}
}
