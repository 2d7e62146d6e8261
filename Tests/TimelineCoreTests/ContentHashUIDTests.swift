import Foundation
import MigrationRunner
import SQLiteStorage
import Testing
@testable import TimelineCore

/// An imported record without a uid gets its readable stem and a hash of the record as given:
/// renaming an entity it names does not change it, and a uid hashed the earlier way (from the
/// event as resolved against the timeline) is still found.
@Suite struct ContentHashUIDTests {
    let store: TimelineStore
    let record: Event

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        record = Event(uid: "", kind: "layoff", status: .occurred, title: " Acme cuts 40 jobs ", when: try TimelineDate(edtf: "2023-03"),
                       entities: [EventEntity(slug: "", name: "Acme Corp", role: "employer")], tags: ["b", "a"])
    }

    @Test func theHashIsOfTheRecordAsGivenSoARenameKeepsIt() throws {
        let first = try store.save(record, uidPolicy: .contentHash)
        #expect(first.outcome == .inserted && first.uid.hasPrefix("acme-corp-layoff-2023-03-"))
        var rename = EntityEdit()
        rename.name = "Acme Corporation"
        _ = try store.editEntity("acme-corp", rename)
        let again = try store.save(record, uidPolicy: .contentHash)
        #expect(again.uid == first.uid && again.outcome == .unchanged)
    }

    @Test func aUidHashedFromTheResolvedEventIsStillFound() throws {
        let saved = try store.save(record, uidPolicy: .contentHash)
        var resolved = try #require(try store.event(uid: saved.uid))
        resolved.uid = ""
        let legacy = "acme-corp-layoff-2023-03-" + String(SHA256.hexDigest(of: EventJSON.object(resolved).dropFirst().utf8).prefix(8))
        #expect(legacy != saved.uid, "the record as given differs from it as resolved (its title's spaces, its tags' order)")
        try store.database.execute("UPDATE events SET uid = ?1 WHERE uid = ?2", [.text(legacy), .text(saved.uid)])
        let again = try store.save(record, uidPolicy: .contentHash)
        #expect(again.uid == legacy && again.outcome == .unchanged)
    }
}
