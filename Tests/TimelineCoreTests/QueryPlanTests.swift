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
}
