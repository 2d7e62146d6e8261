import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// Statistics counted by SQLite (`TimelineStore.addEvents`) are the statistics of the events read
/// one by one: the same rows, entity names and events named for several figures, for every
/// grouping and pair of groupings, with and without a sum, whatever the filters.
@Suite struct StatisticsCountingPathTests {
    let store: TimelineStore

    /// Dates of every precision, intervals within and across periods, open ends, qualifiers.
    static let dates = ["2021", "2021-06", "2021-06-15", "2021-21", "2021-24", "2021-33", "2021-36", "2021-40", "2019/2021",
                        "2020-11/2021-02", "../2020", "2020/..", "2021~", "2021-06?", "202X", "19XX", "2021-06-15%", "0099",
                        "2021-06-15/2021-07-02", "2022-12-31", "2022-01", "2021-12/2022-01"]
    static let kinds = ["launch", "layoff", "expansion", "shutdown"]

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        let correcting = Source(key: "correcting-source", publisher: "Wire", language: "en", type: "news")
        let plain = Source(key: "plain-source", publisher: "Paper", language: "fr", type: "news")
        for index in 0..<160 {
            let names = ["Acme Corp", "Beta Health", "Éclair SA", "Delta Ltd"]
            var entities: [EventEntity] = []
            switch index % 5 {
            case 0: break  // none
            case 1: entities = [EventEntity(slug: "", name: names[index % 4], role: "subject")]
            case 2: entities = [EventEntity(slug: "", name: names[index % 4], role: "subject"),
                                EventEntity(slug: "", name: names[(index + 1) % 4], role: "partner")]
            case 3: entities = [EventEntity(slug: "", name: names[index % 4], role: "subject"),
                                EventEntity(slug: "", name: names[index % 4], role: "employer")]  // one entity, two roles
            default: entities = (0..<3).map { EventEntity(slug: "", name: names[($0 + index) % 4], role: "subject") }
            }
            var measures: [Measure] = []
            if index % 3 != 0 {
                measures.append(Measure(quantity: "positions-cut", value: "\(index * 10)", unit: index % 4 == 0 ? "USD" : "person",
                                        approximate: index % 7 == 0, qualifier: index % 11 == 0 ? "more-than" : nil, source: "plain-source"))
            }
            if index % 6 == 1 {
                // Two figures for one entity and unit: the correcting source's counts.
                measures.append(Measure(quantity: "positions-cut", value: "\(index).5", unit: "person", source: "correcting-source"))
            }
            if index % 4 == 2 {
                measures.append(Measure(quantity: "deal-value", value: "1000", unit: "EUR", source: "plain-source"))
            }
            let event = Event(
                uid: "event-\(index)", kind: Self.kinds[index % 4], status: index % 9 == 0 ? .planned : .occurred,
                title: "Event \(index) \(index % 2 == 0 ? "cuts" : "opens")", when: try TimelineDate(edtf: Self.dates[index % Self.dates.count]),
                announced: index % 3 == 0 ? try TimelineDate(edtf: Self.dates[(index + 5) % Self.dates.count]) : nil,
                entities: entities, tags: index % 2 == 0 ? ["tag-\(index % 3)"] : [], measures: measures,
                citations: [Citation(source: plain)] + (index % 6 == 1 ? [Citation(source: correcting, stance: .corrects)] : []))
            _ = try store.save(event)
        }
    }

    static let groupings: [[TimelineStatistics.Grouping]] =
        TimelineStatistics.Grouping.allCases.map { [$0] }
        + TimelineStatistics.Grouping.allCases.flatMap { outer in
            TimelineStatistics.Grouping.allCases.filter { $0 != outer }.map { [outer, $0] }
        }

    static let queries: [EventQuery] = [
        EventQuery(), EventQuery(kinds: ["layoff", "launch"]), EventQuery(from: CalendarDay(iso: "2021-01-01"), to: CalendarDay(iso: "2021-12-31")),
        EventQuery(from: CalendarDay(iso: "2021-06-01"), to: CalendarDay(iso: "2021-06-30"), within: true),
        EventQuery(from: CalendarDay(iso: "2021-01-01"), dateField: .announced), EventQuery(dateField: .announced),
        EventQuery(entities: ["beta-health"]), EventQuery(entities: ["Eclair SA"], related: true), EventQuery(statuses: [.planned]),
        EventQuery(tags: ["tag-1"]), EventQuery(search: "cuts"), EventQuery(search: "cuts", rank: true, reverse: true),
        EventQuery(kinds: ["regulatory"]), EventQuery(limit: 7, offset: 3),
    ]

    func statistics(_ groupings: [TimelineStatistics.Grouping], sum: String?, query: EventQuery,
                    countingInSQL: Bool) throws -> TimelineStatistics {
        var statistics = TimelineStatistics(groupings: groupings, quantity: sum, dateField: query.dateField)
        try store.addEvents(matching: query, to: &statistics, countingInSQL: countingInSQL)
        return statistics
    }

    @Test(arguments: groupings)
    func countedInSQLIsCountedOneByOne(groupings: [TimelineStatistics.Grouping]) throws {
        for sum in [nil, "positions-cut"] as [String?] {
            for query in Self.queries {
                let counted = try statistics(groupings, sum: sum, query: query, countingInSQL: true)
                let read = try statistics(groupings, sum: sum, query: query, countingInSQL: false)
                let label = "\(groupings) \(sum ?? "-") \(query)"
                #expect(counted.finished() == read.finished(), "\(label)")
                #expect(counted.entityNames == read.entityNames, "\(label)")
                #expect(counted.eventsWithSeveralFigures == read.eventsWithSeveralFigures, "\(label)")
            }
        }
        let all = try statistics(groupings, sum: "positions-cut", query: EventQuery(), countingInSQL: true)
        #expect(all.finished().count > 3 && all.finished().contains { $0.sum != nil })
        #expect(all.eventsWithSeveralFigures.count > 3)
    }

    /// Counting by kind reads the kind alone, from its index: not the events' rows one by one.
    @Test func countingByKindReadsTheKindAlone() throws {
        final class Reads: @unchecked Sendable { var columns: Set<String> = [] }
        let reads = Reads()
        store.database.setAuthorizer { request in
            if request.kind == .read, request.first == "events", let column = request.second { reads.columns.insert(column) }
            return true
        }
        let counted = try statistics([.kind], sum: nil, query: EventQuery(), countingInSQL: true)
        #expect(reads.columns == ["kind"])
        #expect(counted.finished().map(\.events).reduce(0, +) == (try store.countEvents(matching: EventQuery())))
        reads.columns = []
        _ = try statistics([.kind], sum: nil, query: EventQuery(), countingInSQL: false)
        #expect(reads.columns.contains("title"))
    }

    /// A stored date that cannot be read is the same error either way, naming the event.
    @Test func anUnreadableStoredDateNamesItsEvent() throws {
        try store.database.execute("UPDATE events SET when_edtf = 'soon' WHERE uid = 'event-7'")
        for countingInSQL in [true, false] {
            #expect {
                _ = try statistics([.year], sum: nil, query: EventQuery(), countingInSQL: countingInSQL)
            } throws: { error in
                (error as? TimelineError)?.category == .badData && "\(error)".contains("event-7")
            }
        }
        // Counting by kind does not read the date.
        let kinds = try store.database.scalar("SELECT count(DISTINCT kind) FROM events")
        #expect(kinds == .integer(Int64(try statistics([.kind], sum: nil, query: EventQuery(), countingInSQL: true).finished().count)))
    }
}
