import Testing
@testable import TimelineCore

@Suite struct SearchAndHistoryQueryTests {
    let store: TimelineStore

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
    }

    func uids(_ query: EventQuery) throws -> [String] {
        try store.events(matching: query).map(\.uid)
    }

    @Test func searchIgnoresAccentsAndCase() throws {
        let plain = try uids(EventQuery(search: "employes"))
        #expect(plain.contains("amazon-care-layoff-2022-12-01"), "employes finds the French employés")
        #expect(try uids(EventQuery(search: "EMPLOYÉS")) == plain)
    }

    /// German ß and its spelling ss (Swiss, or in capitals) find each other, in every field the
    /// index holds, and after an edit through the triggers: the search looks for both spellings.
    @Test func searchTakesSharpSAsDoubleS() throws {
        try store.database.execute("UPDATE events SET title = 'Schließung der Studios' WHERE uid = 'amazon-care-launch-2019-09'")
        try store.database.execute("UPDATE events SET summary = 'DIE SCHLIESSUNG IST ENDGÜLTIG' WHERE uid = 'amazon-care-customer-hilton-2021-12'")
        for search in ["Schliessung", "schließung", "SCHLIEẞUNG", "schliess*"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09", "amazon-care-customer-hilton-2021-12"], "\(search)")
        }
        #expect(SearchQuery.ftsExpression("Straße OR x") == #"("Strasse" OR "Straße") OR "x""#)
        #expect(SearchQuery.ftsExpression("mass*") == #"("mass"* OR "maß"*)"#)
        // Beside another word, a word of several spellings is ANDed outright (FTS5 takes no
        // implicit AND beside a group).
        #expect(SearchQuery.ftsExpression("Strasse 10") == #"("Strasse" OR "Straße") AND "10""#)
        #expect(SearchQuery.ftsExpression("x (y OR z)") == #""x" AND ( "y" OR "z" )"#)
        #expect(try uids(EventQuery(search: "Schliessung studios")) == ["amazon-care-launch-2019-09"])
        #expect(SearchQuery.sharpSSpellings(of: "Schlossstrasse") == ["Schlossstrasse", "Schloßstrasse", "Schlossstraße", "Schloßstraße"])
    }

    /// Letters no accent comes off (Ł, ø, Đ, œ), which the index keeps as they are, and the
    /// plain letters typed for them find each other, as accents do.
    @Test func searchTakesPlainLettersForLettersWithoutAccents() throws {
        try store.database.execute("UPDATE events SET title = 'Movia quitte Bodø, Łódź et Đakovo' WHERE uid = 'amazon-care-launch-2019-09'")
        try store.database.execute("UPDATE events SET summary = 'Le cœur de l''œuvre' WHERE uid = 'amazon-care-customer-hilton-2021-12'")
        try store.database.execute("UPDATE events SET summary = 'Lodz and Bodo, typed plainly' WHERE uid = 'amazon-care-expansion-2022'")
        for search in ["bodo", "lodz", "LODZ", "lod*"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09", "amazon-care-expansion-2022"], "\(search)")
        }
        for search in ["Bodø", "Łódź", "łódź"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09", "amazon-care-expansion-2022"], "\(search)")
        }
        #expect(try uids(EventQuery(search: "dakovo")) == ["amazon-care-launch-2019-09"])
        for search in ["coeur", "cœur", "oeuvre", "\"coeur de l'oeuvre\""] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-customer-hilton-2021-12"], "\(search)")
        }
        #expect(Array(SearchQuery.letterSpellings(of: "lodz").prefix(5)) == ["lodz", "łodz", "lødz", "lođz", "lodz".replacingOccurrences(of: "d", with: "ð")])
        #expect(SearchQuery.letterSpellings(of: "cœur") == ["cœur", "coeur"])
        #expect(SearchQuery.letterSpellings(of: "xyz") == ["xyz"])
        // However many letters a word has that could be others, its spellings stay few.
        #expect(SearchQuery.letterSpellings(of: String(repeating: "old", count: 40)[...]).count == SearchQuery.maximumSpellings)
    }

    /// Turkish ı, Maltese ħ, Icelandic þ, Russian ё and the Ukrainian apostrophe ʼ (letters to
    /// the index) are found by the letters typed for them, both ways, in any case.
    @Test func searchTakesPlainLettersForTurkishCyrillicAndOthers() throws {
        try store.database.execute("UPDATE events SET title = 'Şirket 200 çalışanı işten çıkardı' WHERE uid = 'amazon-care-launch-2019-09'")
        try store.database.execute("UPDATE events SET title = 'Ёжик Капитал: Мʼясокомбінат у Ħamrun і Þingvellir' WHERE uid = 'amazon-care-customer-hilton-2021-12'")
        try store.database.execute("UPDATE events SET title = 'Calisani, ежик, м''ясокомбінат, Hamrun, Thingvellir' WHERE uid = 'amazon-care-expansion-2022'")
        for search in ["calisani", "çalışanı", "ÇALIŞANI", "calis*"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09", "amazon-care-expansion-2022"], "\(search)")
        }
        for search in ["cikardi", "cıkardı", "ÇIKARDI"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09"], "\(search)")
        }
        for search in ["ежик", "Ёжик", "ЕЖИК", "м'ясокомбінат", "м’ясокомбінат", "мʼясокомбінат", "hamrun", "Ħamrun", "thingvellir", "Þingvellir"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-customer-hilton-2021-12", "amazon-care-expansion-2022"], "\(search)")
        }
        #expect(SearchQuery.letterSpellings(of: "ÇALIŞANI").contains("ÇALıŞANı"), "ı in capitals' place, which I would not be")
    }

    /// The ordinal signs after a number (`1º trimestre`, `2ª fase`), letters to the index, are
    /// found by the `o` and `a` typed for them, and the other way; not in the middle of a word.
    @Test func searchTakesOrdinalSignsTypedAsLetters() throws {
        try store.database.execute("UPDATE events SET title = 'Varejão demite no 1º trimestre, 2ª fase' WHERE uid = 'amazon-care-launch-2019-09'")
        for search in ["1o", "1º", "\"1o trimestre\"", "2a", "2ª fase", "1O"] {
            #expect(try uids(EventQuery(search: search)) == ["amazon-care-launch-2019-09"], "\(search)")
        }
        #expect(!SearchQuery.letterSpellings(of: "hotel").contains { $0.contains("º") }, "an o after a letter is an o")
    }

    @Test func searchTakesPrefixesAndPhrases() throws {
        #expect(try uids(EventQuery(search: "licenci*")).contains("amazon-care-layoff-2022-12-01"))
        let phrase = try uids(EventQuery(search: "\"Care Medical\""))
        #expect(phrase.contains("care-medical-layoff-2022-12-01"))
        // A phrase whose last word is a prefix, the star inside the quotes or after them.
        #expect(try uids(EventQuery(search: "\"Care Med*\"")) == phrase)
        #expect(try uids(EventQuery(search: "\"Care Med\"*")) == phrase)
        #expect(try uids(EventQuery(search: "\"Care Med\"")).isEmpty)
        // `-word` after another is NOT, as web searches write it (alone, it is refused: below).
        let without = try uids(EventQuery(search: "amazon -medical"))
        #expect(without == (try uids(EventQuery(search: "amazon NOT medical"))) && !without.isEmpty)
        #expect(try uids(EventQuery(search: "amazon")).count > without.count)
        // A prefix within a phrase: FTS5 takes one only at a phrase's end, so the phrase is joined with `+`.
        #expect(SearchQuery.ftsExpression("\"ab* cz\"") == #""ab"* + "cz""#)
        #expect(SearchQuery.ftsExpression("\"ab* cz* xy\"*") == #""ab"* + "cz"* + "xy"*"#)
        #expect(try uids(EventQuery(search: "\"Care Med* files\"")) == phrase)
        #expect(try uids(EventQuery(search: "\"car* med* fil*\"")) == phrase)
        #expect(try uids(EventQuery(search: "\"Care Med* notices\"")).isEmpty, "still a phrase: the words side by side")
        // `-"a phrase"` and `-(a group)` after a word are NOT too.
        let warn = try uids(EventQuery(search: "warn"))
        #expect(warn.contains("care-medical-layoff-2022-12-01") && warn.contains("amazon-care-layoff-2022-12-01"))
        #expect(try uids(EventQuery(search: "warn -\"care medical\"")) == warn.filter { $0 != "care-medical-layoff-2022-12-01" })
        #expect(try uids(EventQuery(search: "warn -(medical OR zanzibar)")) == warn.filter { $0 != "care-medical-layoff-2022-12-01" })
        #expect(try uids(EventQuery(search: "warn AND -medical")) == warn.filter { $0 != "care-medical-layoff-2022-12-01" }, "AND -word is AND NOT")
        #expect(try uids(EventQuery(search: "warn -\"\"")) == warn && uids(EventQuery(search: "warn -()")) == warn, "nothing to leave out")
        // With nothing before it to be NOT of, `-medical` alone would find what it means to leave out: refused.
        for search in ["-medical warn", "-\"care medical\" warn", "warn OR -medical", "(-medical) warn", "-medical", "AND -medical", "(AND -medical)", "warn OR AND -medical"] {
            let error = try #require(throws: TimelineError.self) { try store.events(matching: EventQuery(search: search)) }
            #expect(error.category == .usage && error.message.contains("leaves out what matches it only after something to look for"), "\(search): \(error.message)")
        }
        #expect(!SearchQuery.ftsExpression("care-medical").contains("NOT"), "a hyphen inside a word is no NOT")
        #expect(try uids(EventQuery(search: "care-medical")) == phrase, "a hyphenated word is a phrase, not an FTS5 error")
    }

    @Test func searchCoversEntityAliases() throws {
        #expect(try uids(EventQuery(search: "1Life")).contains("amazon-one-medical-acquisition-agreement-2022-07-20"))
    }

    @Test func searchResultsAreChronologicalUnlessRanked() throws {
        let events = try store.events(matching: EventQuery(search: "Amazon"))
        let earliest = events.map { $0.when.earliest?.iso ?? "" }
        #expect(earliest == earliest.sorted())
        let ranked = try uids(EventQuery(search: "Signify", rank: true))
        #expect(Set(ranked) == Set(try uids(EventQuery(search: "Signify"))))
    }

    @Test func searchFollowsEditsThroughTheTriggers() throws {
        try store.database.execute("UPDATE events SET title = 'Zanzibar' WHERE uid = 'amazon-care-launch-2019-09'")
        #expect(try uids(EventQuery(search: "zanzibar")) == ["amazon-care-launch-2019-09"])
        try store.database.execute("DELETE FROM events WHERE uid = 'amazon-care-launch-2019-09'")
        #expect(try uids(EventQuery(search: "zanzibar")).isEmpty)
    }

    @Test func badSearchSyntaxIsAUsageError() throws {
        let error = try #require(throws: TimelineError.self) { try store.events(matching: EventQuery(search: "(unbalanced")) }
        #expect(error.category == .usage)
        #expect(error.message.contains("--search"))
    }

    @Test func asOfShowsWhatHadBeenReportedByThen() throws {
        let day = CalendarDay(iso: "2022-08-25")!
        let matched = try uids(EventQuery(asOf: day))
        #expect(matched.contains("amazon-care-shutdown-2022-12-31"))
        #expect(matched.contains("amazon-one-medical-acquisition-agreement-2022-07-20"))
        #expect(matched.contains("amazon-signify-health-acquisition-bid-2022-08-21"))
        #expect(!matched.contains("amazon-care-layoff-2022-12-01"))
        #expect(!matched.contains("care-medical-layoff-2022-12-01"))
        #expect(!matched.contains("amazon-one-medical-acquisition-completed-2023-02-22"))
        // Only what sources published by then said: the French article (2022-09-12) is left out.
        let shutdown = try #require(try store.event(uid: "amazon-care-shutdown-2022-12-31", asOf: day))
        #expect(shutdown.citations.allSatisfy { ($0.source.published?.latest ?? day) <= day })
        #expect(!shutdown.citations.contains { $0.source.language == "fr" })
        #expect(try store.event(uid: "amazon-care-shutdown-2022-12-31")!.citations.contains { $0.source.language == "fr" })
    }

    @Test func relatedFollowsPartOfProductOfAndContractorOf() throws {
        let direct = try uids(EventQuery(entities: ["amazon"]))
        let related = try uids(EventQuery(entities: ["amazon"], related: true))
        #expect(!direct.contains("care-medical-layoff-2022-12-01"))
        #expect(related.contains("care-medical-layoff-2022-12-01"), "Care Medical is a contractor of Amazon Care, a product of Amazon")
        #expect(related.contains("amazon-care-layoff-2022-12-01"))
        #expect(Set(direct).isSubset(of: Set(related)))
        #expect(!related.contains("cvs-health-signify-health-acquisition-completed-2023-03-29"))
    }

    @Test func relationWindowsIntersectAndOverlapAsRangesDo() throws {
        func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
        let product = EntityScope.Window(earliest: day("2019-09-01"), latest: day("2022-12-31"))
        let acquired = EntityScope.Window(earliest: day("2023-02-22"), latest: nil)
        #expect(product.intersection(acquired) == nil, "no day when both held")
        #expect(product.intersection(.always) == product)
        #expect(acquired.intersection(EntityScope.Window(earliest: nil, latest: day("2024-01-01")))
                == EntityScope.Window(earliest: day("2023-02-22"), latest: day("2024-01-01")))
        #expect(EntityScope.Window.always.contains(product) && !product.contains(.always) && !product.contains(acquired))
        #expect(acquired.overlaps(earliest: day("2023-01-01"), latest: day("2023-12-31")), "a year meeting the day counts")
        #expect(!acquired.overlaps(earliest: day("2023-01-01"), latest: day("2023-01-31")))
        #expect(product.overlaps(earliest: nil, latest: nil) && acquired.overlaps(earliest: day("2015-01-01"), latest: nil), "open ends meet anything")
    }

    @Test func relatedFollowsAcquisitionsFromTheirDate() throws {
        let amazon = try store.relatedEntities(of: [try #require(try store.resolveEntities(["amazon"]).first)])
        let oneMedical = try #require(try store.resolveEntities(["one-medical"]).first)
        let careMedical = try #require(try store.resolveEntities(["care-medical"]).first)
        let byID = Dictionary(uniqueKeysWithValues: amazon.members.map { ($0.id, $0.windows) })
        #expect(byID[oneMedical] == [EntityScope.Window(earliest: CalendarDay(iso: "2023-02-22"), latest: nil)])
        #expect(byID[careMedical] == [EntityScope.Window(earliest: CalendarDay(iso: "2019-09-01"), latest: CalendarDay(iso: "2022-12-31"))],
                "through Amazon Care, a product of Amazon from Sep 2019 to 2022")
    }

    @Test func statusAndTagFilters() throws {
        #expect(try uids(EventQuery(statuses: [.considered])) == ["amazon-signify-health-acquisition-bid-2022-08-21"])
        let planned = try store.events(matching: EventQuery(statuses: [.planned]))
        #expect(planned.allSatisfy { $0.status == .planned } && planned.count >= 4)
        let tagged = try store.events(matching: EventQuery(tags: ["warn-notice"]))
        #expect(Set(tagged.map(\.uid)) == ["amazon-care-layoff-2022-12-01", "care-medical-layoff-2022-12-01"])
        let error = try #require(throws: TimelineError.self) { try store.events(matching: EventQuery(tags: ["nope"])) }
        #expect(error.message.contains("warn-notice"))
    }
}
