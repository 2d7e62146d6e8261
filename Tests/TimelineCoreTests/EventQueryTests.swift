import Testing
@testable import TimelineCore

@Suite struct EventQueryTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
    }

    func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    func uids(_ query: EventQuery) throws -> [String] {
        try store.events(matching: query).map(\.uid)
    }

    @Test func listIsChronologicalByEarliestThenLatestThenUID() throws {
        let events = try store.events(matching: EventQuery())
        for (a, b) in zip(events, events.dropFirst()) {
            let aKey = (a.when.earliest?.iso ?? "", a.when.latest?.iso ?? "9999", a.uid)
            let bKey = (b.when.earliest?.iso ?? "", b.when.latest?.iso ?? "9999", b.uid)
            #expect(aKey <= bKey, "\(a.uid) before \(b.uid)")
        }
        #expect(events.first?.uid == "amazon-care-launch-2019-09")
    }

    @Test func rangeMatchesOverlappingEvents() throws {
        // Q2 2022 (April–June) overlaps a range starting in June; 2022 (the whole year) too.
        let matched = try uids(EventQuery(from: day("2022-06-15"), to: day("2022-07-20")))
        #expect(matched.contains("amazon-headcount-change-2022-q2"))
        #expect(matched.contains("amazon-care-expansion-2022"))
        #expect(matched.contains("amazon-one-medical-acquisition-agreement-2022-07-20"), "both ends inclusive")
        #expect(!matched.contains("amazon-care-layoff-2022-12-01"))
    }

    @Test func withinKeepsOnlyEventsWhollyInside() throws {
        let matched = try uids(EventQuery(from: day("2022-06-15"), to: day("2022-07-20"), within: true))
        #expect(matched == ["amazon-one-medical-acquisition-agreement-2022-07-20"])
    }

    @Test func secondHalfOf2022() throws {
        let matched = try uids(EventQuery(from: day("2022-07-01"), to: day("2022-12-31"), kinds: ["layoff", "shutdown"]))
        #expect(matched == ["amazon-care-layoff-2022-12-01", "care-medical-layoff-2022-12-01", "amazon-care-shutdown-2022-12-31"])
    }

    @Test func byAnnouncementDate() throws {
        let matched = try uids(EventQuery(from: day("2022-08-24"), to: day("2022-08-24"), dateField: .announced))
        #expect(matched == ["amazon-care-shutdown-2022-12-31"])
    }

    @Test func entityBySlugNameOrAliasIgnoringCase() throws {
        let bySlug = try uids(EventQuery(entities: ["care-medical"]))
        #expect(bySlug == ["care-medical-layoff-2022-12-01"])
        #expect(try uids(EventQuery(entities: ["CARE MEDICAL"])) == bySlug)
        #expect(try uids(EventQuery(entities: ["1life healthcare"])) == uids(EventQuery(entities: ["one-medical"])))
    }

    @Test func unknownKindIsAUsageErrorListingTheKnownOnes() throws {
        let error = try #require(throws: TimelineError.self) { try store.events(matching: EventQuery(kinds: ["layof"])) }
        #expect(error.category == .usage)
        #expect(error.message.contains("'layof'"))
        #expect(error.message.contains("layoff"))
    }

    @Test func unknownEntityIsAUsageErrorListingTheKnownOnes() throws {
        let error = try #require(throws: TimelineError.self) { try store.events(matching: EventQuery(entities: ["Amazin"])) }
        #expect(error.category == .usage)
        #expect(error.message.contains("amazon-care"))
    }

    @Test func limitOffsetAndReverse() throws {
        let all = try uids(EventQuery())
        #expect(try uids(EventQuery(limit: 3)) == Array(all.prefix(3)))
        #expect(try uids(EventQuery(limit: 2, offset: 1)) == Array(all[1...2]))
        #expect(try uids(EventQuery(reverse: true)) == all.reversed())
    }

    @Test func emptyRangeIsAUsageError() throws {
        #expect(throws: TimelineError.self) { try store.events(matching: EventQuery(from: day("2023-01-01"), to: day("2022-01-01"))) }
    }
}
