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

    /// A uid hashed from the record as written (its entity's name, its role and its URLs as the
    /// file spelt them), as imports made before names and URLs were hashed as held, is found.
    @Test func aUidHashedFromTheRecordAsWrittenIsStillFound() throws {
        var cited = record
        cited.entities = [EventEntity(slug: "", name: "ACME CORP", role: "Employer")]
        cited.citations = [Citation(source: Source(key: "", url: "https://www.example.org/a?utm_source=x", publisher: "Example", language: "en", type: "news"))]
        let saved = try store.save(cited, uidPolicy: .contentHash)
        var written = cited
        written.kind = "layoff"
        written.title = "Acme cuts 40 jobs"
        written.tags = ["a", "b"]
        let legacy = "acme-corp-layoff-2023-03-" + String(SHA256.hexDigest(of: EventJSON.object(written).dropFirst().utf8).prefix(8))
        #expect(legacy != saved.uid, "names and URLs are hashed as held now")
        try store.database.execute("UPDATE events SET uid = ?1 WHERE uid = ?2", [.text(legacy), .text(saved.uid)])
        // Edited since, so that only its uid can find it.
        var edited = try #require(try store.event(uid: legacy))
        edited.title = "Acme cuts 41 jobs"
        #expect(try store.save(edited).outcome == .updated)
        let again = try store.save(cited, uidPolicy: .contentHash)
        #expect(again.uid == legacy && again.outcome == .unchanged)
        #expect(try store.event(uid: legacy)?.title == "Acme cuts 41 jobs", "the edit stays")
    }

    /// Names, roles and URLs spelt otherwise for the same entity and page: the same uid.
    @Test func spellingsOfOneEntityAndPageHashAlike() throws {
        var first = record
        first.citations = [Citation(source: Source(key: "", url: "https://www.example.org/a", publisher: "Example", language: "en", type: "news"))]
        let saved = try store.save(first, uidPolicy: .contentHash)
        var other = first
        other.entities = [EventEntity(slug: "", name: " acme corp", role: "EMPLOYER")]
        other.citations = [Citation(source: Source(key: "", url: "http://example.org/a/?fbclid=1", publisher: "Example", language: "en", type: "news"))]
        let again = try store.save(other, uidPolicy: .contentHash)
        #expect(again.uid == saved.uid && again.outcome == .unchanged)
        var elsewhere = first
        elsewhere.citations = [Citation(source: Source(key: "", url: "https://www.example.org/b", publisher: "Example", language: "en", type: "news"))]
        #expect(try store.save(elsewhere, uidPolicy: .contentHash).outcome == .inserted)
    }

    /// A hash another event holds, one this record never was (history has no such version): the
    /// record is an event of its own under the hash numbered, found there when imported again,
    /// and the other event is left as it is.
    @Test func aHashAnotherEventHoldsIsNumbered() throws {
        let first = try store.save(record, uidPolicy: .contentHash)
        // Another event under that uid: a record of the same stem whose 32-bit hash is the same.
        try store.database.execute("UPDATE events SET title = 'Acme opens a plant' WHERE uid = ?1", [.text(first.uid)])
        let saved = try store.save(record, uidPolicy: .contentHash)
        #expect(saved.uid == first.uid + "-2" && saved.outcome == .inserted)
        #expect(try store.event(uid: first.uid)?.title == "Acme opens a plant")
        let again = try store.save(record, uidPolicy: .contentHash)
        #expect(again.uid == first.uid + "-2" && again.outcome == .unchanged)
    }

    /// Edited with history kept, the event this record made stays as edited, and is found.
    @Test func theEventARecordMadeKeepsItsEdits() throws {
        let first = try store.save(record, uidPolicy: .contentHash)
        var edited = try #require(try store.event(uid: first.uid))
        edited.title = "Acme cuts 41 jobs"
        #expect(try store.save(edited, uidPolicy: .readable).outcome == .updated)
        let again = try store.save(record, uidPolicy: .contentHash)
        #expect(again.uid == first.uid && again.outcome == .unchanged)
        #expect(try store.event(uid: first.uid)?.title == "Acme cuts 41 jobs")
    }
}
