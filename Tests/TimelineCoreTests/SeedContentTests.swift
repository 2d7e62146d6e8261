import Testing
@testable import TimelineCore

/// The Amazon Care seed carries the checked facts, with their sources.
@Suite struct SeedContentTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
    }

    func event(_ uid: String) throws -> Event {
        try #require(try store.event(uid: uid), "the seed has \(uid)")
    }

    @Test func layoffsCarryTheirFiguresAndSources() throws {
        let amazonCare = try event("amazon-care-layoff-2022-12-01")
        #expect(amazonCare.kind == "layoff")
        #expect(amazonCare.when.edtf == "2022-12-01")
        #expect(amazonCare.announced?.edtf == "2022-09-08")
        let employees = try #require(amazonCare.measures.first { $0.quantity == "employees-laid-off" })
        #expect(employees.value == "159")
        #expect(employees.unit == "person")
        #expect(employees.entity == "amazon-care")
        #expect(employees.source != nil)
        #expect(amazonCare.citations.contains { $0.source.publisher == "CNBC" })
        #expect(amazonCare.citations.contains { $0.source.language == "fr" && $0.quoteLanguage == "fr" })

        let careMedical = try event("care-medical-layoff-2022-12-01")
        let positions = try #require(careMedical.measures.first { $0.quantity == "positions-cut" })
        #expect(positions.value == "236")
        #expect(positions.unit == "position")
        #expect(positions.entity == "care-medical")
        #expect(careMedical.when.edtf == "2022-12-01")
        #expect(careMedical.announced?.edtf == "2022-09-08")
    }

    @Test func datesKeepTheirStatedPrecision() throws {
        let launch = try event("amazon-care-launch-2019-09")
        #expect(launch.when.edtf == "2019-09")
        #expect(launch.when.precision == .month)
        #expect(launch.when.earliest?.iso == "2019-09-01")
        #expect(launch.when.latest?.iso == "2019-09-30")

        let summer = try #require(try store.events(matching: EventQuery(kinds: ["expansion"])).first { $0.when.edtf == "2021-22" })
        #expect(summer.when.precision == .season)
        #expect(summer.when.earliest?.iso == "2021-06-01")
        #expect(summer.when.latest?.iso == "2021-08-31")

        let shutdown = try #require(try store.events(matching: EventQuery(kinds: ["shutdown"])).first)
        #expect(shutdown.when.edtf == "2022-12-31")
        #expect(shutdown.announced?.edtf == "2022-08-24")
        #expect(shutdown.status == .planned)

        let headcount = try #require(try store.events(matching: EventQuery(kinds: ["headcount-change"])).first)
        #expect(headcount.when.edtf == "2022-34")
        #expect(headcount.when.precision == .quarter)
        #expect(headcount.announced?.edtf == "2022-07-28")
        #expect(headcount.measures.contains { $0.quantity == "headcount-change" && $0.value == "-99000" && $0.unit == "person" && $0.entity == "amazon" })
    }

    @Test func dealValueIsExactMoney() throws {
        let deal = try #require(try store.events(matching: EventQuery(kinds: ["acquisition"])).first { event in
            event.measures.contains { $0.quantity == "deal-value" && $0.entity == "one-medical" }
        })
        let value = try #require(deal.measures.first { $0.quantity == "deal-value" })
        #expect(value.value == "3900000000")
        #expect(value.unit == "USD")
    }

    @Test func theFrenchArticleIsCitedWithItsOwnWords() throws {
        let shutdown = try #require(try store.events(matching: EventQuery(kinds: ["shutdown"])).first)
        let article = try #require(shutdown.citations.first { $0.source.language == "fr" })
        #expect(article.source.publisher == "Siècle Digital")
        #expect(article.quote?.contains("n'était pas la bonne solution à long terme") == true)
        #expect(article.translation != nil)
    }

    @Test func conflictingSourcesAreKeptAndMarked() throws {
        let all = try store.events(matching: EventQuery())
        let contradicting = all.flatMap { event in event.citations.filter { $0.stance == .contradicts }.map { (event, $0) } }
        #expect(contradicting.contains { $0.0.when.edtf == "2021-22" && $0.1.source.publisher == "CNBC" })
    }

    @Test func everyEventIsCitedAndEveryRowOfTheFactSheetIsThere() throws {
        let all = try store.events(matching: EventQuery())
        #expect(all.count == 15)
        #expect(all.allSatisfy { !$0.citations.isEmpty })
        let kinds = Set(all.map(\.kind))
        #expect(kinds == ["launch", "expansion", "customer", "shutdown", "layoff", "headcount-change", "acquisition", "regulatory"])
        #expect(all.contains { $0.status == .considered && $0.entities.contains { $0.slug == "signify-health" } })
    }

    @Test func entitiesAndRelationsAreThere() throws {
        let slugs = Set(try store.entities().map(\.slug))
        for slug in ["amazon", "amazon-health-services", "amazon-care", "care-medical", "one-medical", "signify-health",
                     "cvs-health", "hilton", "neil-lindsay"] {
            #expect(slugs.contains(slug), "entity \(slug)")
        }
        let relations = try store.database.prepare(
            """
            SELECT a.slug || ' ' || r.relation || ' ' || b.slug FROM entity_relations r
            JOIN entities a ON a.id = r.entity_id JOIN entities b ON b.id = r.other_id
            """
        ).map { $0.text(at: 0) }
        for relation in ["amazon-care product-of amazon", "amazon-health-services part-of amazon",
                         "care-medical contractor-of amazon-care", "one-medical acquired-by amazon",
                         "signify-health acquired-by cvs-health"] {
            #expect(relations.contains(relation), "relation \(relation)")
        }
    }
}
