import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// Two of the seed's events, by id, in the statements below.
private let layoffID = "(SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')"
private let launchID = "(SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09')"

/// The copy of each event's lists kept in its row (`entities_json` … `sources_json`): written by
/// every way of saving an event, equal to what its rows in the tables give, cleared by any other
/// change to those rows, and found by `check` when it is stale.
@Suite struct StoredListsTests {
    /// The uids of events whose stored lists differ from their tables.
    static func staleEvents(in store: TimelineStore) throws -> [String] {
        var uids: [String] = []
        try StoredEventTextReader(database: store.database).forEachEventWithStaleLists { uids.append($0) }
        return uids
    }

    /// The uids of events with stored lists whose figures label is missing or not their figures'.
    static func wrongFiguresLabels(in store: TimelineStore) throws -> [String] {
        var uids: [String] = []
        try store.forEachFiguresLabel(.all) { _, uid, stored, label in
            if stored != label { uids.append(uid) }
        }
        return uids
    }

    static func eventsWithoutLists(in store: TimelineStore) throws -> SQLValue? {
        try store.database.scalar("SELECT count(*) FROM events WHERE entities_json IS NULL")
    }

    /// The machine formats, written from the stored rows, are what the `Event` path writes.
    static func expectFastPathMatchesEvents(_ store: TimelineStore, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for format in [OutputFormat.csv, .json] {
            let fast = try EventReadingPathTests.written(store, format: format, query: EventQuery(), storedText: true)
            let plain = try EventReadingPathTests.written(store, format: format, query: EventQuery(), storedText: false)
            let fastLines = String(decoding: fast, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let plainLines = String(decoding: plain, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let differing = zip(fastLines, plainLines).first { $0.0 != $0.1 }
            let same = fast == plain
            #expect(same, "\(format): fast \(differing?.0 ?? "") vs events \(differing?.1 ?? "")", sourceLocation: sourceLocation)
        }
    }

    @Test func theSeedAndSavedEventsStoreTheListsTheirTablesGive() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        #expect(try Self.staleEvents(in: store) == [])
        var event = try #require(try store.event(uid: "amazon-care-layoff-2022-12-01"))
        event.uid = "copy-of-the-layoff"
        event.tags = ["z", "e\u{301}", "É", "a"]
        _ = try store.save(event)
        event.title = "Edited"
        event.entities.removeLast()
        _ = try store.save(event)
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        #expect(try Self.staleEvents(in: store) == [])
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        try Self.expectFastPathMatchesEvents(store)
    }

    /// The import writes each event's lists from the event itself (the triggers are suspended),
    /// rendered as the file is read where saving leaves them as read (the exported rows), else
    /// from the saved event (the sample's unsorted tags, entity named by name, source by URL):
    /// they must be exactly what its rows give, for new events and for updated ones.
    @Test func importedEventsStoreTheListsTheirTablesGive() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every kind of awkward text and list, exported by `list` and imported back.
        let awkward = try EventReadingPathTests()
        var extra = try #require(try awkward.store.event(uid: "event-5"))
        extra.uid = "tags-in-byte-order"
        extra.tags = ["z", "e\u{301}", "É", "a", "é", "Zz"]
        _ = try awkward.store.save(extra)
        let csv = folder.appendingPathComponent("awkward.csv").path
        let output = try TextOutput.file(csv)
        try awkward.store.writeEvents(matching: EventQuery(), to: EventListWriter(format: .csv, output: output))
        try output.finish()

        let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("db.sqlite").path)
        let summary = try Importer(store: store, path: csv, options: ImportOptions()).run()
        #expect(summary.inserted > EventReader.batchSize * 2)
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        #expect(try Self.staleEvents(in: store) == [])
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        try Self.expectFastPathMatchesEvents(store)

        // Into a timeline that has events: some updated, the sample's rows added.
        var changed = try String(contentsOfFile: csv, encoding: .utf8)
        changed = changed.replacingOccurrences(of: "Summary q", with: "Changed summary q")
        changed = changed.replacingOccurrences(of: #"["tag-0","tag-1"]"#, with: #"["tag-1","new-tag"]"#)
        try changed.write(toFile: csv, atomically: true, encoding: .utf8)
        store.recordingTime = "2026-02-03T04:05:06.789Z"
        let again = try Importer(store: store, path: csv, options: ImportOptions()).run()
        #expect(again.updated > 0)
        let sample = try ImportFastPathTests.sampleCSV(in: folder)
        let sampleSummary = try Importer(store: store, path: sample, options: ImportOptions()).run()
        // The awkward timeline had the seed in it already: only the sample's own three rows are new.
        #expect(sampleSummary.inserted == 3 && sampleSummary.unchanged == 15, "\(sampleSummary)")
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        #expect(try Self.staleEvents(in: store) == [])
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        try Self.expectFastPathMatchesEvents(store)
    }

    /// Any change to the rows an event's lists are made of, by any client, clears them (and only
    /// theirs); reading then gives the changed lists.
    @Test(arguments: [
        "INSERT INTO event_tags (event_id, tag) VALUES ((SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01'), 'added')",
        "UPDATE event_tags SET tag = tag || '-renamed' WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "DELETE FROM event_entities WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01') AND position > 0",
        "UPDATE event_entities SET role = 'other' WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "UPDATE measures SET value = '1' WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "DELETE FROM measures WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "UPDATE citations SET quote = 'changed' WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "DELETE FROM citations WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')",
        "UPDATE entities SET name = 'Renamed' WHERE slug = 'amazon-care'",
        "UPDATE sources SET title = 'Retitled' WHERE id IN (SELECT source_id FROM citations WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01'))",
    ])
    func aChangeToTheTablesClearsTheListsItTouches(sql: String) throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let before = try EventReadingPathTests.written(store, format: .csv, query: EventQuery(), storedText: true)
        try store.database.execute(sql)
        #expect(store.database.changes > 0)
        let cleared = try store.database.prepare("SELECT uid FROM events WHERE entities_json IS NULL").map { $0.text(at: 0) }
        #expect(cleared.contains("amazon-care-layoff-2022-12-01") || sql.contains("slug = 'amazon-care'"))
        #expect(!cleared.isEmpty && cleared.count < 15, "\(cleared)")
        #expect(try Self.staleEvents(in: store) == [])
        let after = try EventReadingPathTests.written(store, format: .csv, query: EventQuery(), storedText: true)
        #expect(after != before)
        try Self.expectFastPathMatchesEvents(store)
    }

    /// Every kind of change another client makes to the rows an event's lists or search entry are
    /// made of (each table, insert, update and delete) goes through `event_refreshes`: afterwards
    /// no event's lists are stale and every search entry is what its rows give, as `check` finds.
    @Test(arguments: [
        ("INSERT INTO events (uid, kind, title, when_edtf, when_precision) VALUES ('by-hand', 'launch', 'Zorblax opens', '2023', 'year')", true),
        ("UPDATE events SET title = 'Zorblax closes', summary = 'Quuxly' WHERE uid = 'amazon-care-layoff-2022-12-01'", true),
        ("DELETE FROM events WHERE uid = 'amazon-care-layoff-2022-12-01'", true),
        ("INSERT INTO citations (event_id, source_id, quote) SELECT \(launchID), id, 'Zorblax' FROM sources LIMIT 1", true),
        ("UPDATE citations SET event_id = \(launchID) WHERE id = (SELECT min(id) FROM citations WHERE event_id = \(layoffID))", true),
        ("INSERT INTO event_entities (event_id, entity_id, position) SELECT \(launchID), id, 9 FROM entities WHERE slug = 'hilton'", true),
        ("UPDATE event_entities SET entity_id = (SELECT id FROM entities WHERE slug = 'hilton') WHERE event_id = \(launchID) AND position = 1", true),
        ("DELETE FROM event_tags WHERE event_id = \(layoffID)", false),
        ("INSERT INTO measures (event_id, quantity, value, unit) VALUES (\(launchID), 'clinics', '3', 'clinic')", false),
        ("INSERT INTO entity_aliases (entity_id, alias) SELECT id, 'Zorblax' FROM entities WHERE slug = 'amazon-care'", true),
        ("UPDATE entity_aliases SET alias = 'Zorblax' WHERE id = (SELECT min(id) FROM entity_aliases)", true),
        ("DELETE FROM entity_aliases WHERE id = (SELECT min(id) FROM entity_aliases)", true),
        ("UPDATE entities SET slug = 'zorblax' WHERE slug = 'amazon-care'", true),
        // As the sqlite3 shell does by default, with the foreign keys off (they would refuse these).
        ("PRAGMA foreign_keys = OFF; DELETE FROM entities WHERE slug = 'hilton'", true),
        // Deleted and inserted again: its events' entries get its name back.
        ("PRAGMA foreign_keys = OFF; UPDATE entities SET name = 'Hilton Quokka' WHERE slug = 'hilton'; "
            + "CREATE TEMP TABLE kept AS SELECT * FROM entities WHERE slug = 'hilton'; DELETE FROM entities WHERE slug = 'hilton'; "
            + "INSERT INTO entities SELECT * FROM kept", true),
        ("PRAGMA foreign_keys = OFF; DELETE FROM sources WHERE id = (SELECT source_id FROM citations WHERE event_id = \(layoffID) LIMIT 1)", false),
    ])
    func everyChangeByAnotherClientKeepsListsAndSearchCurrent(sql: String, changesSearch: Bool) throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let entries = "SELECT group_concat(rowid || title || summary || quotes || names, '|') FROM (SELECT rowid, * FROM event_search ORDER BY rowid)"
        let before = try store.database.scalar(entries)
        let lists = try store.database.scalar("SELECT group_concat(uid) FROM events WHERE entities_json IS NOT NULL")
        try store.database.execute(sql)
        #expect(store.database.changes > 0)
        #expect(try store.database.scalar(entries) != before || !changesSearch, "the search index took the change")
        #expect(try store.database.scalar("SELECT group_concat(uid) FROM events WHERE entities_json IS NOT NULL") != lists
                || sql.hasPrefix("UPDATE events") || sql.hasPrefix("INSERT INTO events") || sql.contains("alias"), "the lists it touched were cleared")
        #expect(try Self.staleEvents(in: store) == [])
        let findings = try store.check().filter { ["stored-lists", "search-index"].contains($0.check) }
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    /// A row inserted into `event_refreshes` clears that event's lists, rebuilds its search entry,
    /// or both, as its flags say (both when left out); the view itself stays empty.
    @Test func insertingIntoEventRefreshesRefreshesOneEvent() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let id = "(SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01')"
        try store.database.execute("DROP TRIGGER event_refresh_after_event_update")
        try store.database.execute("UPDATE events SET title = 'Zorblax' WHERE id = \(id)")
        #expect(try store.check().contains { $0.check == "search-index" })
        try store.database.execute("INSERT INTO event_refreshes VALUES (\(id), 0, 1)")
        #expect(try store.check().allSatisfy { $0.check != "search-index" })
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        try store.database.execute("INSERT INTO event_refreshes VALUES (\(id), 1, 0)")
        #expect(try store.database.prepare("SELECT uid FROM events WHERE entities_json IS NULL").map { $0.text(at: 0) }
                == ["amazon-care-layoff-2022-12-01"])
        #expect(try store.database.scalar("SELECT count(*) FROM event_refreshes") == .integer(0))
        // An id alone refreshes both.
        try store.rewriteStoredLists()
        try store.database.execute("UPDATE events SET summary = 'Quuxly' WHERE id = \(id)")
        #expect(try store.check().contains { $0.check == "search-index" })
        try store.database.execute("INSERT INTO event_refreshes (event_id) VALUES (\(id))")
        #expect(try store.check().allSatisfy { $0.check != "search-index" })
        #expect(try Self.eventsWithoutLists(in: store) == .integer(1))
    }

    /// With the triggers dropped, a change leaves the copy stale: `check` says which event, and
    /// rewriting the lists repairs it.
    @Test func checkFindsStaleListsAndRewritingRepairsThem() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        try store.database.execute("DROP TRIGGER event_refresh_after_tag_insert")
        try store.database.execute(
            "INSERT INTO event_tags (event_id, tag) VALUES ((SELECT id FROM events WHERE uid = 'amazon-care-layoff-2022-12-01'), 'added')")
        #expect(try Self.staleEvents(in: store) == ["amazon-care-layoff-2022-12-01"])
        #expect(try store.check().contains { $0.check == "stored-lists" && $0.message.hasPrefix("event amazon-care-layoff-2022-12-01:") })
        try store.rewriteStoredLists()
        #expect(try Self.staleEvents(in: store) == [])
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        try Self.expectFastPathMatchesEvents(store)
    }

    /// A database from before the stored lists gets them for all its events when it is migrated.
    @Test func migratingAnOlderDatabaseStoresTheListsOfItsEvents() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        do {
            // The seeded database as the version before migration 0007 left it (0008 only replaces
            // a view, so it is applied again as it was; 0009's and 0010's labels go too, and the
            // triggers 0014 made of 0007's and 0011's).
            let store = try TimelineStore(path: path)
            try Self.undoEventRefreshesAndSQLDateLabels(store)
            try store.database.execute("DROP TRIGGER event_labels_after_date_update")
            for column in ["when_label", "announced_label", "figures_label"] {
                try store.database.execute("ALTER TABLE events DROP COLUMN \(column)")
            }
            for column in ["entities_json", "tags_json", "measures_json", "sources_json"] {
                try store.database.execute("ALTER TABLE events DROP COLUMN \(column)")
            }
            try Self.undoRelationsHeldFromTheirDate(store)  // 0013's
            try store.database.execute("DELETE FROM schema_migrations WHERE kind = 'migration' AND version >= 7")
            try store.database.execute("PRAGMA user_version = 6")
        }
        let store = try TimelineStore(path: path)
        #expect(try Self.eventsWithoutLists(in: store) == .integer(0))
        #expect(try store.database.scalar("SELECT count(*) FROM events") == .integer(15))
        #expect(try Self.staleEvents(in: store) == [])
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        try Self.expectFastPathMatchesEvents(store)
        // Every date got its label, as list shows it.
        #expect(try store.database.scalar("SELECT count(*) FROM events WHERE when_label IS NULL OR (announced_edtf IS NOT NULL AND announced_label IS NULL)")
                == .integer(0))
        #expect(try store.database.scalar("SELECT \"when\" FROM timeline_events WHERE uid = 'amazon-care-launch-2019-09'") == .text("Sep 2019"))
        #expect(try store.check().allSatisfy { $0.check != "date-labels" })
    }

    /// A database from before the figures labels (migration 0010) gets them for all its events
    /// when it is migrated, and the view shows them.
    @Test func migratingADatabaseWithoutFiguresLabelsStoresThem() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        do {
            let store = try TimelineStore(path: path)
            try Self.undoEventRefreshesAndSQLDateLabels(store)
            try store.database.execute("ALTER TABLE events DROP COLUMN figures_label")
            try Self.undoRelationsHeldFromTheirDate(store)  // 0013's
            try store.database.execute("DELETE FROM schema_migrations WHERE kind = 'migration' AND version >= 10")
            try store.database.execute("PRAGMA user_version = 9")
        }
        let store = try TimelineStore(path: path)
        #expect(try store.database.scalar("SELECT count(*) FROM events WHERE figures_label IS NULL") == .integer(0))
        #expect(try store.database.scalar("SELECT count(*) FROM events WHERE figures_label = ''") == .integer(5))
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        #expect(try store.database.scalar("SELECT figures FROM timeline_events WHERE uid = 'amazon-care-layoff-2022-12-01'")
                == .text("employees laid off: 159 people"))
        #expect(try store.database.scalar("SELECT figures FROM timeline_events WHERE uid = 'amazon-care-launch-2019-09'") == .null)
        #expect(try store.check().allSatisfy { $0.check != "figures-labels" })
    }

    /// A figure both bounded and approximate was labelled with its bound alone before migration
    /// 0016 ("more than 159 people"): migrating labels it with both words, and the view, naming
    /// figures in SQL for an event without its lists, puts the bound first.
    @Test func migratingLabelsBoundsThatAreEstimatesWithBothWords() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("db.sqlite").path
        let layoff = "uid = 'amazon-care-layoff-2022-12-01'"
        do {
            let store = try TimelineStore(path: path)
            try store.database.execute("UPDATE measures SET approximate = 1, qualifier = 'more-than' WHERE event_id = (SELECT id FROM events WHERE \(layoff))")
            _ = try store.rewriteStoredLists()
            // As 0015 left it: the label naming the bound alone, the view naming "about" first.
            try store.database.execute("UPDATE events SET figures_label = 'employees laid off: more than 159 people' WHERE \(layoff)")
            try store.database.execute("DELETE FROM schema_migrations WHERE kind = 'migration' AND version >= 16")
            try store.database.execute("PRAGMA user_version = 15")
            #expect(try Self.wrongFiguresLabels(in: store) == ["amazon-care-layoff-2022-12-01"])
        }
        let store = try TimelineStore(path: path)
        #expect(try Self.wrongFiguresLabels(in: store) == [])
        #expect(try store.database.scalar("SELECT figures FROM timeline_events WHERE \(layoff)")
                == .text("employees laid off: more than about 159 people"))
        #expect(try store.check().allSatisfy { $0.check != "figures-labels" })
        try store.database.execute("UPDATE events SET measures_json = NULL WHERE \(layoff)")
        #expect(try store.database.scalar("SELECT figures FROM timeline_events WHERE \(layoff)")
                == .text("employees-laid-off: more than about 159 person"))
    }

    /// Takes back migration 0013, so a test's older database can be migrated again.
    /// Undoes migrations 0014 and 0015: their triggers and views go, and timeline_events is left
    /// a stub for the migrations that replace it. The earlier triggers 0014 replaced are not made
    /// again: 0007 and 0011 make theirs when they run again, and 0014 drops only those there are.
    static func undoEventRefreshesAndSQLDateLabels(_ store: TimelineStore) throws {
        let triggers = try store.database.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'event_refresh%'")
            .map { $0.text(at: 0) }
        #expect(triggers.count == 24)
        for trigger in triggers { try store.database.execute("DROP TRIGGER \(trigger)") }
        for view in ["event_refreshes", "timeline_events", "event_sql_date_labels"] {
            try store.database.execute("DROP VIEW \(view)")
        }
        try store.database.execute("CREATE VIEW timeline_events AS SELECT uid FROM events")
    }

    static func undoRelationsHeldFromTheirDate(_ store: TimelineStore) throws {
        try store.database.execute("ALTER TABLE relation_types DROP COLUMN holds_from_date")
        try store.database.execute("UPDATE relation_types SET transitive = 0 WHERE name = 'acquired-by'")
    }
}
