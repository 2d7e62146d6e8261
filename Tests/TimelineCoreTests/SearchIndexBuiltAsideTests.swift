#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// A large load builds its search index on another thread, into a temporary database, and then
/// makes the timeline's index a copy of it: the index must be the one the timeline's connection
/// would have built (the same entries, found by the same searches), sound by FTS5's own check,
/// and go on working through the triggers afterwards; when the build aside fails, the load
/// builds the index itself.
@Suite struct SearchIndexBuiltAsideTests {
    /// Options that take the way aside whatever the number of events (or never, with nil).
    static func options(asideFrom threshold: Int64?) -> ImportOptions {
        var options = ImportOptions()
        options.searchIndexAsideFrom = threshold
        return options
    }

    /// FTS5's own check of the index against its documents; throws when they disagree.
    static func checkIndex(of store: TimelineStore) throws {
        try store.database.execute("INSERT INTO event_search (event_search) VALUES ('integrity-check')")
    }

    static func settings(of store: TimelineStore) throws -> [String] {
        try store.database.prepare("SELECT k, v FROM event_search_config ORDER BY k").map { "\($0.text(at: 0))=\($0.value(at: 1))" }
    }

    /// `count` events with words of their own and shared ones, entities, quotes and summaries.
    static func csv(count: Int, in folder: URL, name: String = "events.csv") throws -> String {
        var lines = ["uid,kind,title,when,summary,entities,sources"]
        for index in 0..<count {
            let entities = index % 4 == 0 ? "[]" : #"[{"name":"Société \#(index % 13)"},{"slug":"amazon","role":"parent"}]"#
            let sources = index % 3 == 0 ? "[]" : #"[{"url":"https://example.org/\#(index % 50)","publisher":"Exemple","language":"fr","quote":"« mot\#(index) » cité","translation":"word\#(index) quoted"}]"#
            lines.append(DelimitedText.csvLine([
                "e\(index)", index % 2 == 0 ? "launch" : "layoff", "Ouverture \(index) à Lyon, éclair", "20\(10 + index % 15)-0\(1 + index % 9)",
                index % 5 == 0 ? "" : "Résumé numéro \(index) sur la santé", entities, sources,
            ]))
        }
        let path = folder.appendingPathComponent(name).path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What a set of searches finds, by uid.
    static func found(in store: TimelineStore) throws -> [String] {
        let searches: [String] = ["ouverture", "lyon", "eclair", "société", "societe 3", "amazon", "mot7*", "word12 OR word13",
                                  "\"numéro 42\"", "santé", "sante", "résumé -société", "quoted"]
        return try searches.map { search in
            "\(search): " + (try store.events(matching: EventQuery(search: search)).map(\.uid).sorted().joined(separator: " "))
        }
    }

    @Test func theIndexBuiltAsideIsTheOneBuiltInTheTimeline() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.csv(count: 600, in: folder)
        var stores: [TimelineStore] = []
        for (name, threshold) in [("plain", nil), ("aside", Int64(0))] as [(String, Int64?)] {
            let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("\(name).sqlite").path)
            // A setting of the timeline's own index, kept through the replacement.
            try store.database.execute("INSERT INTO event_search (event_search, rank) VALUES ('automerge', 5)")
            let before = try Self.settings(of: store)
            let importer = try Importer(store: store, path: csv, options: Self.options(asideFrom: threshold))
            #expect(try importer.run().inserted == 600)
            #expect(importer.builtSearchIndexAside == (threshold != nil), "\(name)")
            #expect(try Self.settings(of: store) == before, "\(name): the index's settings as they were")
            try Self.checkIndex(of: store)
            #expect(try store.staleSearchEntries().isEmpty)
            let (entries, documents) = try NewEventsSearchIndexingTests.entriesAndDocuments(in: store, after: 0)
            #expect(entries.count == 600)
            #expect(entries == documents)
            stores.append(store)
        }
        // The same entries, with the same token counts, found by the same searches.
        for table in ["event_search_content", "event_search_docsize"] {
            let rows = try stores.map { store in
                try store.database.prepare("SELECT * FROM \(table) ORDER BY id").map { row in
                    (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: " | ")
                }
            }
            #expect(rows[0] == rows[1], "\(table)")
            #expect(rows[0].count == 600)
        }
        let found = try stores.map(Self.found(in:))
        #expect(found[0] == found[1])
        #expect(found[1].contains("mot7*: e7 e70 e71 e73 e74 e76 e77 e79"))
    }

    /// The timeline's connection had used its index before the load (the sample timeline loaded
    /// into it as it was opened): the index is replaced whole, held events updated by the file
    /// with it, and the triggers write to the new one afterwards as to any.
    @Test func anIndexUsedBeforeInTheSameConnectionIsReplacedSoundly() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TimelineStore(path: folder.appendingPathComponent("t.sqlite").path)
        let held = try store.events(matching: EventQuery())
        let renamed = try #require(held.first)
        #expect(try store.events(matching: EventQuery(search: "pilot")).isEmpty == false, "the index was read before the load")
        // The new events, and a held one given a new title by its uid.
        let csv = try Self.csv(count: 60, in: folder)
        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text += DelimitedText.csvLine([renamed.uid, renamed.kind, "Zyxword renamed", renamed.when.edtf, "", "[]", "[]"]) + "\n"
        try text.write(toFile: csv, atomically: true, encoding: .utf8)

        let importer = try Importer(store: store, path: csv, options: Self.options(asideFrom: 0))
        importer.largeLoadShare = 0
        let summary = try importer.run()
        #expect(summary.inserted == 60)
        #expect(summary.updated == 1)
        #expect(importer.builtSearchIndexAside)
        try Self.checkIndex(of: store)
        #expect(try store.staleSearchEntries().isEmpty)
        let (entries, documents) = try NewEventsSearchIndexingTests.entriesAndDocuments(in: store, after: 0)
        #expect(entries.count == held.count + 60)
        #expect(entries == documents)
        #expect(try store.events(matching: EventQuery(search: "zyxword")).map(\.uid) == [renamed.uid])

        // Written to through the triggers afterwards: a new event, an edited one, a deleted one.
        var added = try #require(try store.events(matching: EventQuery(search: "ouverture")).first)
        added.uid = ""
        added.title = "Quuxword opening"
        _ = try store.save(added)
        _ = try store.save({ var event = renamed; event.title = "Zyxword renamed again"; return event }())
        try Self.checkIndex(of: store)
        #expect(try store.staleSearchEntries().isEmpty)
        #expect(try store.events(matching: EventQuery(search: "quuxword")).count == 1)
        #expect(try store.events(matching: EventQuery(search: "again")).map(\.uid) == [renamed.uid])
    }

    /// The build aside stopped part way (its connection interrupted, as a full disk for its
    /// temporary files would stop it): the load indexes every event itself, and says so.
    @Test func aBuildAsideThatFailsLeavesTheIndexToTheLoad() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough events for the build's connection to ask whether to stop (every 10,000 steps).
        let csv = try Self.csv(count: 3_000, in: folder)
        // Stop asked of every thread but this one: only the build aside stops.
        let this = pthread_self()
        let store = try TimelineStore(path: folder.appendingPathComponent("t.sqlite").path, migrations: .none,
                                      stoppingWhen: { pthread_equal(pthread_self(), this) == 0 })
        _ = try store.migrate(skippingSeeds: true)
        let importer = try Importer(store: store, path: csv, options: Self.options(asideFrom: 0))
        #expect(try importer.run().inserted == 3_000)
        #expect(importer.builtSearchIndexAside == false)
        try Self.checkIndex(of: store)
        let (entries, documents) = try NewEventsSearchIndexingTests.entriesAndDocuments(in: store, after: 0)
        #expect(entries.count == 3_000)
        #expect(entries == documents)
        #expect(try store.events(matching: EventQuery(search: "mot2999")).map(\.uid) == ["e2999"])
    }
}
