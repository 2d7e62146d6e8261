import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// The page cache a store is opened with: the size SQLite is given, and the same results whichever.
@Suite struct PageCacheTests {
    @Test func eachPageCacheSetsItsSize() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        #expect(try TimelineStore(path: path).database.scalar("PRAGMA cache_size") == .integer(-8192))
        #expect(try TimelineStore(path: path, pageCache: .smallRecycled).database.scalar("PRAGMA cache_size") == .integer(32))
    }

    /// A timeline of many more pages than the small cache holds reads the same with either cache.
    @Test func aListingIsTheSameWithEitherCache() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let filler = String(repeating: "Réorganisation annoncée, effectifs réduits. ", count: 40)
        do {
            let store = try TimelineStore(path: path)
            for index in 0..<(EventReader.batchSize * 3 + 5) {
                _ = try store.save(Event(
                    uid: "event-\(index)", kind: "layoff", status: .occurred, title: "Event \(index)", summary: filler,
                    when: try TimelineDate(edtf: "20\(10 + index % 12)-0\(index % 9 + 1)"),
                    entities: [EventEntity(slug: "unit-\(index % 7)", name: "Unit \(index % 7)", role: "employer")],
                    tags: ["tag-\(index % 5)"]))
            }
        }
        let standard = try TimelineStore(path: path)
        let small = try TimelineStore(path: path, pageCache: .smallRecycled)
        guard case .integer(let pages)? = try small.database.scalar("PRAGMA page_count") else {
            Issue.record("no page count")
            return
        }
        #expect(pages > 32 * 4, "the events span many more pages than the small cache holds")
        for query in [EventQuery(), EventQuery(from: CalendarDay(iso: "2013-01-01"), to: CalendarDay(iso: "2016-06-30")),
                      EventQuery(search: "effectifs", reverse: true), EventQuery(entities: ["unit-3"])] {
            for format in [OutputFormat.csv, .json] {
                let expected = try EventReadingPathTests.written(standard, format: format, query: query, storedText: true)
                #expect(expected.count > 1_000)
                #expect(try EventReadingPathTests.written(small, format: format, query: query, storedText: true) == expected,
                        "\(format) of \(query)")
            }
        }
    }

    /// Setting the cache reads the schema, so it meets a lock another process holds: the store
    /// reports it there (busy), rather than ignore it and wait again at its first query.
    @Test func aLockMetWhileSettingTheCacheIsReported() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        do {
            let store = try TimelineStore(path: path)
            _ = try store.database.scalar("PRAGMA journal_mode = DELETE")
        }
        let holder = try Database(path: path)
        try holder.execute("BEGIN EXCLUSIVE")
        try holder.execute("DELETE FROM event_tags WHERE 0")
        // Without the migration check, the cache is the first read: its error was dropped.
        let error = try #require(throws: TimelineError.self) { try TimelineStore(path: path, migrations: .none, busyTimeout: 0) }
        #expect(error.category == .busy, "\(error)")
        try holder.execute("ROLLBACK")
        #expect(try TimelineStore(path: path, busyTimeout: 0).database.scalar("PRAGMA cache_size") == .integer(-8192))
    }
}
