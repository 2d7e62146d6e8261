import SQLiteStorage
import Testing
@testable import TimelineCore

/// Queries that run on every `add` read an index's range, not the table: their cost follows
/// the answer, not the size of the timeline.
struct QueryPlanTests {
    /// SQLite's plan for `sql`, one line a step (`SEARCH events USING INDEX …`).
    func plan(of sql: String, in store: TimelineStore) throws -> [String] {
        let statement = try store.database.prepare("EXPLAIN QUERY PLAN " + sql)
        let stem = SQLValue.text("acme-launch-2020")
        return try statement.map(Array(repeating: stem, count: Int(statement.parameterCount))) { $0.text(at: 3) }
    }

    @Test(arguments: [TimelineStore.uidsNumberedFromAStem, TimelineStore.uidsHashedFromAStem])
    func aStemsUIDsAreReadFromTheIndex(sql: String) throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let steps = try plan(of: sql, in: store)
        #expect(steps.contains { $0.hasPrefix("SEARCH events USING") && $0.contains("uid>? AND uid<?") }, "\(steps)")
        #expect(!steps.contains { $0.hasPrefix("SCAN") }, "\(steps)")
    }

    /// The range holds every uid numbered from the stem, and none of another stem.
    @Test func theRangeFindsEveryNumberedUID() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        for uid in ["acme-launch-2020", "acme-launch-2020-2", "acme-launch-2020-10", "acme-launch-2020-03", "acme-launch-2020x-2",
                    "acme-launch-2020.1", "acme-launch-202-2", "acme-launch-2020-2-2"] {
            try store.database.execute(
                "INSERT INTO events (uid, kind, title, when_edtf, when_earliest, when_latest, when_precision) VALUES (?1, 'launch', 'T', '2020', '2020-01-01', '2020-12-31', 'year')",
                [.text(uid)])
        }
        let found = try store.database.prepare(TimelineStore.uidsNumberedFromAStem)
            .map([.text("acme-launch-2020"), .text("acme-launch-2020-2")]) { $0.text(at: 0) }
        #expect(found == ["acme-launch-2020", "acme-launch-2020-10", "acme-launch-2020-2-2"])
    }

    /// The possible-duplicates note after an import probes the uid index's range for each event
    /// on the smaller side, the added or the earlier ones: an import of 50,000 records into a
    /// timeline of 200,000 scanned every earlier event for each added one.
    @Test(arguments: [true, false])
    func possibleDuplicatesAreFoundThroughTheIndex(scanningAdded: Bool) throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let steps = try plan(of: Importer.possibleDuplicatesQuery(scanningAdded: scanningAdded), in: store)
        // Each member of the union: the smaller side by id, the other by the uid index's range.
        #expect(steps.filter { $0.hasSuffix("USING INDEX sqlite_autoindex_events_1 (uid>? AND uid<?)") }.count == (scanningAdded ? 2 : 3), "\(steps)")
        #expect(!steps.contains { $0.hasPrefix("SCAN") }, "\(steps)")
    }

    /// Both ways of reading give the same pairs: an added content-hash uid beside earlier events
    /// of its stem, hashed, typed in or numbered, and none of another stem or date.
    @Test func bothWaysFindTheSamePossibleDuplicates() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let earlier = ["acme-layoff-2023-03-07", "acme-layoff-2023-03-07-2", "acme-layoff-2023-03-07-1a2b3c4d", "acme-layoff-2023-03-07x-2",
                       "acme-layoff-2023-03-07-2b", "acme-layoff-2023-03-0", "globex-layoff-2023"]
        let added = ["acme-layoff-2023-03-07-deadbeef", "globex-layoff-2023-0badcafe", "initech-layoff-2023-12345678"]
        var lastEarlierID: Int64 = 0
        // A day's digits read as a number: a day's event is no version of the month's.
        let dates = ["initech-layoff-2023-03-07": ("2023-03-07", "2023-03-07", "2023-03-07", "day"),
                     "initech-layoff-2023-03-9abcdef0": ("2023-03", "2023-03-01", "2023-03-31", "month")]
        for uid in earlier + ["initech-layoff-2023-03-07"] + added + ["initech-layoff-2023-03-9abcdef0"] {
            let date = dates[uid] ?? ("2023", "2023-01-01", "2023-12-31", "year")
            try store.database.execute(
                "INSERT INTO events (uid, kind, title, when_edtf, when_earliest, when_latest, when_precision) VALUES (?1, 'layoff', 'T', ?2, ?3, ?4, ?5)",
                [.text(uid), .text(date.0), .text(date.1), .text(date.2), .text(date.3)])
            if uid == "initech-layoff-2023-03-07" { lastEarlierID = store.database.lastInsertRowID }
        }
        var found: [[String]] = []
        for scanningAdded in [true, false] {
            found.append(try store.database.prepare(Importer.possibleDuplicatesQuery(scanningAdded: scanningAdded))
                .map([.integer(lastEarlierID)]) { $0.text(at: 0) + " " + $0.text(at: 1) })
        }
        #expect(found[0] == ["acme-layoff-2023-03-07-deadbeef acme-layoff-2023-03-07", "acme-layoff-2023-03-07-deadbeef acme-layoff-2023-03-07-1a2b3c4d",
                             "acme-layoff-2023-03-07-deadbeef acme-layoff-2023-03-07-2", "globex-layoff-2023-0badcafe globex-layoff-2023"])
        #expect(found[1] == found[0])
    }
}
