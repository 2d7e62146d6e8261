import SQLiteStorage
import Testing
@testable import TimelineCore

/// How a reference typed by a user, or written in an imported file, finds an entity or a source:
/// each way of matching tried in its order, the first that finds one winning.
@Suite struct ReferenceLookupTests {
    /// A timeline with no events whose entities make every way of matching compete with the next.
    static func storeWithCompetingEntities() throws -> TimelineStore {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        try store.database.execute("DELETE FROM events; DELETE FROM entity_aliases; DELETE FROM entities")
        try store.database.execute(
            """
            INSERT INTO entities (slug, name, type) VALUES
                ('alpha', 'Beta Corp', 'organisation'),
                ('beta-corp', 'Alpha', 'organisation'),
                ('gamma', 'Gamma', 'organisation'),
                ('delta', 'Alpha Inc', 'organisation'),
                ('omega-ltd', 'Omega', 'organisation');
            INSERT INTO entity_aliases (entity_id, alias) SELECT id, 'Alpha Inc' FROM entities WHERE slug = 'gamma';
            INSERT INTO entity_aliases (entity_id, alias) SELECT id, 'Omega Ltd' FROM entities WHERE slug = 'gamma';
            INSERT INTO entity_aliases (entity_id, alias) SELECT id, 'Société Générale' FROM entities WHERE slug = 'gamma';
            """)
        return store
    }

    @Test(arguments: [
        ("alpha", "alpha", EventSaver.EntityMatchKind.slug),          // not the entity named Alpha
        ("ALPHA", "alpha", .slugIgnoringCase),                         // the slug in another case, before a name
        ("beta corp", "alpha", .name),                                 // a name, before the slug it would derive
        ("ALPHA INC", "delta", .name),                                 // a name, before another's alias
        ("omega ltd", "gamma", .alias),                                // an alias, before the slug it would derive
        ("SOCIÉTÉ GÉNÉRALE", "gamma", .alias),                         // an alias beyond ASCII case
        ("OMEGA-LTD", "omega-ltd", .slugIgnoringCase),
        ("Omega  LTD.", "omega-ltd", .derivedSlug),                    // only the slug it would derive
    ])
    func anEntityIsFoundTheFirstWayThatFindsOne(reference: String, slug: String, kind: EventSaver.EntityMatchKind) throws {
        let store = try Self.storeWithCompetingEntities()
        let saver = try EventSaver(database: store.database, recordedAt: nil)
        let match = try #require(try saver.entityMatch(reference))
        #expect(match.slug == slug)
        #expect(match.kind == kind)
    }

    @Test func aReferenceThatNamesNoEntityFindsNone() throws {
        let store = try Self.storeWithCompetingEntities()
        let saver = try EventSaver(database: store.database, recordedAt: nil)
        #expect(try saver.entityMatch("epsilon") == nil)
        #expect(try saver.entityMatch("—") == nil)
    }

    /// A URL is free text, so one source's URL may be another's key: the key wins.
    @Test func aSourceReferenceFindsTheKeyBeforeAURL() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        try store.database.execute(
            """
            INSERT INTO sources (key, url, publisher, language, type) VALUES
                ('first', 'second', 'A', 'en', 'news'),
                ('second', NULL, 'B', 'en', 'news');
            """)
        #expect(try store.sourceKey(matching: "second") == "second")
        #expect(try store.sourceKey(matching: "first") == "first")
        #expect(try store.sourceKey(matching: "third") == nil)
        try store.database.execute("DELETE FROM sources WHERE key = 'second'")
        #expect(try store.sourceKey(matching: "second") == "first")
    }
}
