import SQLiteStorage
import Testing
@testable import TimelineCore

/// The roles a new link reads as a typo of: another event's roles only, the closest first.
struct RoleTypoTests {
    /// A store with the sample, whose events link entities as `employer` (3 links), `provider`
    /// and `author` (one link each), and so on.
    func sample(linking extra: [(event: Int, entity: Int, role: String)]) throws -> TimelineStore {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        for link in extra {
            try store.database.execute("INSERT INTO event_entities (event_id, entity_id, role) VALUES (?1, ?2, ?3)",
                                       [.integer(Int64(link.event)), .integer(Int64(link.entity)), .text(link.role)])
        }
        return store
    }

    @Test func aNewRoleATypoAwayFromAKnownOneIsNamed() throws {
        let store = try sample(linking: [(1, 1, "emplyer")])
        #expect(try store.rolesReadingAsOthers(["emplyer", "subject"]).map { "\($0.role)>\($0.meant)" } == ["emplyer>employer"])
        // A role in use twice is known, not new, though a typo away from another.
        #expect(try store.rolesReadingAsOthers(["employer"]).isEmpty)
        // Far from every known role: nothing to suggest.
        #expect(try sample(linking: [(1, 1, "sponsor")]).rolesReadingAsOthers(["sponsor"]).isEmpty)
    }

    /// A closer role that one link alone has is itself no known role: passed over for the
    /// closest that others have (`emploer` sorts before `employer` at the same distance).
    @Test func aRoleOnlyOneLinkHasIsPassedOver() throws {
        let store = try sample(linking: [(1, 1, "emplyer"), (2, 1, "emploer")])
        #expect(try store.rolesReadingAsOthers(["emplyer"]).map(\.meant) == ["employer"])
        // `provider` has one link: `provder` reads as nothing known.
        let provider = try sample(linking: [(1, 1, "provder")])
        #expect(try provider.rolesReadingAsOthers(["provder"]).isEmpty)
        // Once a second event has it, it is known.
        try provider.database.execute("INSERT INTO event_entities (event_id, entity_id, role) VALUES (3, 2, 'provider')")
        #expect(try provider.rolesReadingAsOthers(["provder"]).map(\.meant) == ["provider"])
    }
}
