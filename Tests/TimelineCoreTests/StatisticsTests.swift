import Testing
@testable import TimelineCore

@Suite struct StatisticsTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
    }

    /// The rows, from events read with only the lists the statistics need (as `timeline stats`
    /// reads them), or with every list.
    func statistics(_ grouping: TimelineStatistics.Grouping, sum: String? = nil, query: EventQuery = EventQuery(),
                    readingEveryList: Bool = false) throws -> [TimelineStatistics.Row] {
        var statistics = TimelineStatistics(grouping: grouping, quantity: sum)
        try store.forEachEvent(matching: query, details: readingEveryList ? .all : statistics.neededDetails) { try statistics.add($0) }
        return statistics.finished()
    }

    /// Reading only the lists a grouping and a sum need gives what reading every list gives.
    @Test(arguments: TimelineStatistics.Grouping.allCases)
    func theListsReadAreTheListsNeeded(grouping: TimelineStatistics.Grouping) throws {
        for sum in [nil, "positions-cut", "employees-laid-off", "deal-value"] as [String?] {
            for query in [EventQuery(), EventQuery(kinds: ["layoff"]), EventQuery(entities: ["amazon-care"]), EventQuery(tags: ["telehealth"])] {
                let rows = try statistics(grouping, sum: sum, query: query)
                #expect(rows == (try statistics(grouping, sum: sum, query: query, readingEveryList: true)), "\(grouping) \(sum ?? "-") \(query)")
            }
        }
        #expect(TimelineStatistics(grouping: .year, quantity: nil).neededDetails == [])
        #expect(TimelineStatistics(grouping: .entity, quantity: nil).neededDetails == [.entities])
        #expect(TimelineStatistics(grouping: .kind, quantity: "positions-cut").neededDetails == [.entities, .measures, .citations])
    }

    /// The lists left out are empty, and the others whole.
    @Test func eventsReadWithSomeListsHaveOnlyThose() throws {
        var partial: [Event] = []
        try store.forEachEvent(matching: EventQuery(), details: [.measures]) { partial.append($0) }
        let whole = try store.events(matching: EventQuery())
        #expect(partial.count == whole.count)
        #expect(partial.allSatisfy { $0.entities.isEmpty && $0.tags.isEmpty && $0.citations.isEmpty })
        #expect(partial.map(\.measures) == whole.map(\.measures))
        #expect(whole.contains { !$0.measures.isEmpty && !$0.entities.isEmpty && !$0.citations.isEmpty })
    }

    /// Two groupings: each event in every pair of its groups, and the counts of the first
    /// grouping's groups spread over the second's.
    @Test(arguments: TimelineStatistics.Grouping.allCases)
    func groupsWithinGroupsAddUpToTheOuterGroups(outer: TimelineStatistics.Grouping) throws {
        let single = try statistics(outer, sum: "positions-cut")
        for inner in TimelineStatistics.Grouping.allCases where inner != outer {
            var statistics = TimelineStatistics(groupings: [outer, inner], quantity: "positions-cut")
            try store.forEachEvent(matching: EventQuery(), details: statistics.neededDetails) { try statistics.add($0) }
            let rows = statistics.finished()
            #expect(rows.allSatisfy { $0.groups.count == 2 })
            #expect(distinctInOrder(rows.map(\.group)) == distinctInOrder(single.map(\.group)),
                    "outer groups in the one grouping's order: \(outer) then \(inner)")
            if inner != .entity && outer != .entity {
                // Every event is in one group of each (no entity lists): the counts add up.
                for group in Set(single.map(\.group)) {
                    let inside = rows.filter { $0.group == group }
                    #expect(inside.reduce(0) { $0 + $1.events } == single.first { $0.group == group }!.events, "\(outer) \(group) by \(inner)")
                }
            }
        }
    }

    @Test func countsByKind() throws {
        let rows = try statistics(.kind)
        #expect(rows.first { $0.group == "layoff" }?.events == 2)
        #expect(rows.reduce(0) { $0 + $1.events } == 15)
    }

    @Test func sumsByEntityCountTowardTheMeasuredEntity() throws {
        let rows = try statistics(.entity, sum: "positions-cut", query: EventQuery(kinds: ["layoff"]))
        let careMedical = try #require(rows.first { $0.group == "care-medical" })
        #expect(careMedical.sum == "236")
        #expect(careMedical.unit == "position")
        #expect(rows.first { $0.group == "amazon-care" }?.sum == nil)
    }

    /// A sum of figures bounded one way is bounded that way ("at least" and "more than" make
    /// "more than"), and with an approximate figure in it, a bound that is an estimate ("more
    /// than about"); bounds both ways, or approximate figures alone, make an approximate sum.
    @Test(arguments: [
        ([nil], false, nil),
        ([nil, "at-least"], false, "at-least"),
        (["at-least", "more-than", nil], false, "more-than"),
        (["up-to"], false, "up-to"),
        (["up-to", "less-than"], false, "less-than"),
        (["at-least", "up-to"], true, nil),
        (["about", "more-than"], true, "more-than"),
        (["less-than", "about"], true, "less-than"),
        (["about", "at-least", "up-to"], true, nil),
        (["about", nil], true, nil),
    ] as [([String?], Bool, String?)])
    func aSumIsBoundedAsItsFiguresAre(qualifiers: [String?], approximate: Bool, qualifier: String?) {
        var bounds = TimelineStatistics.SumBounds()
        for given in qualifiers {
            bounds.add(Measure(quantity: "q", value: "1", unit: "USD", approximate: given == "about", qualifier: given == "about" ? nil : given))
        }
        #expect(bounds.sumQuality.approximate == approximate)
        #expect(bounds.sumQuality.qualifier == qualifier)
    }

    /// One figure both bounded and approximate ("more than about 350") sums to both.
    @Test func aBoundThatIsAnEstimateSumsToOne() {
        var bounds = TimelineStatistics.SumBounds()
        bounds.add(Measure(quantity: "q", value: "350", unit: "person", approximate: true, qualifier: "more-than"))
        #expect(bounds.sumQuality.approximate && bounds.sumQuality.qualifier == "more-than")
    }

    @Test func sumsNeverMixUnits() throws {
        let rows = try statistics(.kind, sum: "deal-value")
        let acquisitions = rows.filter { $0.group == "acquisition" }
        #expect(acquisitions.count == 1)
        #expect(acquisitions.first?.unit == "USD")
        #expect(acquisitions.first?.sum == "11900000000")
    }

    @Test func lessPreciseDatesKeepAGroupOfTheirOwn() throws {
        let rows = try statistics(.quarter)
        #expect(rows.contains { $0.group == "2021-22" }, "summer 2021 spans Q2 and Q3")
        #expect(rows.contains { $0.group == "2022" })
        #expect(rows.first { $0.group == "2022-Q4" }?.events == 3)
        let groups = rows.map(\.group)
        #expect(groups.firstIndex(of: "2019-Q3")! < groups.firstIndex(of: "2021-22")!)
        #expect(groups.firstIndex(of: "2021-22")! < groups.firstIndex(of: "2021-Q4")!)
    }

    @Test(arguments: [
        ("159", "236", "395"), ("-99000", "1000", "-98000"), ("30.50", "0.5", "31.00"), ("0.1", "0.2", "0.3"),
        ("99999999999999999999", "1", "100000000000000000000"), ("-5", "5", "0"), ("1.005", "-2", "-0.995"),
    ])
    func exactDecimalAddition(a: String, b: String, sum: String) throws {
        let left = try #require(ExactDecimal(a))
        let right = try #require(ExactDecimal(b))
        #expect((left + right).description == sum)
    }

    /// A sum is shown without the zeros that end its fraction; the number is the same.
    @Test(arguments: [("250250.000", "250250"), ("2007.400", "2007.4"), ("31.00", "31"), ("0.0", "0"), ("-0.50", "-0.5"), ("120", "120"), ("1.25", "1.25")])
    func exactDecimalTrimsTrailingZeros(text: String, trimmed: String) throws {
        let number = try #require(ExactDecimal(text))
        #expect(number.trimmingTrailingZeros.description == trimmed)
        #expect(number.trimmingTrailingZeros.isSameNumber(as: number))
    }

    /// Written as SQLite's CHECK on stored values wants them: a digit before any point.
    @Test(arguments: [(".5", "0.5"), ("-.5", "-0.5"), ("+.25", "0.25"), ("-.0", "0.0"), ("007.50", "7.50"), ("-0", "0")])
    func exactDecimalIsWrittenWithADigitBeforeThePoint(text: String, written: String) throws {
        #expect(try #require(ExactDecimal(text)).description == written)
    }

    @Test(arguments: ["", "-", ".", "-.", "1.", "1e5", "1,000", "1.2.3", "abc", "١٢"])
    func exactDecimalRefusesWhatIsNotADecimal(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    /// A JSON number as programs write floats: the exponent applied exactly, a float's trailing
    /// zeros dropped.
    @Test(arguments: [("1.2e9", "1200000000"), ("1200000000.0", "1200000000"), ("0.50", "0.5"), ("1E-3", "0.001"),
                      ("-2.5E+2", "-250"), ("12.345e1", "123.45"), ("5e0", "5"), ("-0.0", "0"), ("100", "100"), ("1.5e-400", "0." + String(repeating: "0", count: 399) + "15")])
    func exactDecimalReadsAJSONNumber(text: String, written: String) throws {
        #expect(try #require(ExactDecimal(jsonNumber: text)).description == written)
    }

    @Test(arguments: ["1e401", "1e", "e5", "1e5e5", "1.2.3e4", "abc"])
    func exactDecimalRefusesWhatIsNoJSONNumberItHolds(_ text: String) {
        #expect(ExactDecimal(jsonNumber: text) == nil)
    }
}

/// The distinct elements of a sequence in the order first met.
private func distinctInOrder(_ groups: [String]) -> [String] {
    groups.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
}
