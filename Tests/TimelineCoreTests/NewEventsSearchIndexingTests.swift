import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// A bulk load indexes its new events for search from ordered scans of their rows: each entry
/// must be the document the view `event_search_documents` gives (what updates index through,
/// and what `check` compares entries with), to the byte.
@Suite struct NewEventsSearchIndexingTests {
    /// The search entries of the events above `id`, and the view's documents of the same events.
    static func entriesAndDocuments(in store: TimelineStore, after id: Int64) throws -> (entries: [String], documents: [String]) {
        func rows(_ sql: String) throws -> [String] {
            try store.database.prepare(sql).map([.integer(id)]) { row in
                (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: " | ")
            }
        }
        return (try rows("SELECT rowid, title, summary, quotes, names FROM event_search WHERE rowid > ?1 ORDER BY rowid"),
                try rows("SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id > ?1 ORDER BY id"))
    }

    @Test func theSampleDocumentLoadedInBulkIsIndexedAsTheViewReadsIt() throws {
        // The sample's document imported into an empty timeline: a bulk load, and its entities
        // have aliases.
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TimelineStore(path: folder.appendingPathComponent("t.sqlite").path, migrations: .none)
        _ = try store.migrate(skippingSeeds: true)
        let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Seeds/0001_amazon_care.json").path
        let summary = try Importer(store: store, path: document, options: ImportOptions()).run()
        #expect(summary.inserted > 10)
        let (entries, documents) = try Self.entriesAndDocuments(in: store, after: 0)
        #expect(entries.count == summary.inserted)
        #expect(entries == documents)
        // Aliases follow the names of all the event's entities.
        #expect(entries.contains { $0.contains("Amazon amazon One Medical one-medical Amazon.com, Inc. 1Life Healthcare 1Life Healthcare, Inc.") })
        #expect(try store.staleSearchEntries().isEmpty)
    }

    @Test func newEventsBesideHeldOnesAreIndexedAsTheViewReadsThem() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A timeline with the sample in it (migrated as it is opened).
        let store = try TimelineStore(path: folder.appendingPathComponent("t.sqlite").path)
        guard case .integer(let lastBefore)? = try store.database.scalar("SELECT max(id) FROM events") else {
            Issue.record("the sample timeline has no events")
            return
        }
        var lines = ["kind,title,when,summary,entities,sources"]
        for index in 0..<30 {
            // Entities listed out of id order, one twice in two roles, a new one, one with
            // aliases; citations with a quote and its translation, a quote alone, none at all.
            let entities = [
                #"[{"slug":"one-medical","role":"subject"},{"slug":"amazon","role":"acquirer"},{"slug":"amazon","role":"parent"}]"#,
                #"[{"name":"Entité Nouvelle \#(index % 3)"},{"slug":"federal-trade-commission","role":"regulator"}]"#,
                "[]",
            ][index % 3]
            let sources = [
                #"[{"url":"https://example.org/fr/\#(index)","publisher":"Exemple","language":"fr","quote":"« Citation » n° \#(index)","translation":"Quote \#(index)"},{"url":"https://example.org/b","publisher":"Other","quote":"only a quote","quote_language":"en"},{"url":"https://example.org/c","publisher":"Third"}]"#,
                "[]",
                #"[{"url":"https://example.org/c","publisher":"Third"}]"#,
            ][index % 3]
            let summary = index % 2 == 0 ? "Résumé \(index)" : ""
            lines.append(DelimitedText.csvLine(["layoff", "Event number \(index)", "2023-0\(index % 9 + 1)", summary, entities, sources]))
        }
        let csv = folder.appendingPathComponent("events.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let summary = try Importer(store: store, path: csv, options: ImportOptions()).run()
        #expect(summary.inserted == 30)

        let (entries, documents) = try Self.entriesAndDocuments(in: store, after: lastBefore)
        #expect(entries.count == 30)
        #expect(entries == documents)
        #expect(entries.contains { $0.contains("« Citation » n° 0 Quote 0 only a quote  ") })
        #expect(try store.staleSearchEntries().isEmpty)
        // The new events are found by what only their entries hold.
        var query = EventQuery()
        query.search = "Entité"
        #expect(try store.events(matching: query).count == 10)
    }
}
