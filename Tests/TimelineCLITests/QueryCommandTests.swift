import Foundation
import Testing

/// Issue-level behaviours of list and stats through the binary.
@Suite struct QueryCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func uids(_ arguments: [String]) throws -> [String] {
        let result = try CLI.run(["list", "--db", db, "--format", "tsv"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t")[0]) }
    }

    @Test func searchAsOfRelatedOnStatusTag() throws {
        #expect(try uids(["--search", "employes"]).contains("amazon-care-layoff-2022-12-01"))
        let asOf = try uids(["--as-of", "2022-08-25"])
        #expect(asOf.contains("amazon-care-shutdown-2022-12-31") && !asOf.contains("amazon-care-layoff-2022-12-01"))
        #expect(try uids(["--entity", "amazon", "--related"]).contains("care-medical-layoff-2022-12-01"))
        #expect(try uids(["--on", "2022-12"]) == ["amazon-care-expansion-2022", "amazon-care-layoff-2022-12-01",
                                                   "care-medical-layoff-2022-12-01", "amazon-care-shutdown-2022-12-31"])
        #expect(try uids(["--status", "considered"]) == ["amazon-signify-health-acquisition-bid-2022-08-21"])
        #expect(try uids(["--tag", "warn-notice"]).count == 2)
    }

    /// A source dated to a month or a year counts for `--as-of` from its last day, as the README
    /// says: it may have come out then.
    @Test func aSourceDatedToAMonthCountsFromItsLastDay() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022-08", "--title", "M", "--entity", "Acme", "--uid", "m",
                             "--source", "https://example.com/m", "--published", "2022-09"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022-08", "--title", "Y", "--entity", "Acme", "--uid", "y",
                             "--source", "https://example.com/y", "--published", "2022"]).status == 0)
        #expect(try !uids(["--entity", "acme", "--as-of", "2022-09-29"]).contains("m"))
        #expect(try uids(["--entity", "acme", "--as-of", "2022-09-30"]) == ["m"])
        #expect(try uids(["--entity", "acme", "--as-of", "2022-12-30"]) == ["m"])
        #expect(try uids(["--entity", "acme", "--as-of", "2022-12-31"]) == ["m", "y"])
    }

    /// A name written with and without its apostrophe finds both spellings: the index holds
    /// `Sainsbury's` as `sainsbury` and `s`.
    /// A range's end written without its year has nothing to take one from: the message says to
    /// write it, with the current year as an example, not to give a reference date list has none of.
    @Test func aRangeEndWithoutItsYearSaysToWriteIt() throws {
        for (arguments, flag, text) in [(["list", "--from", "2. Juni"], "--from", "2. Juni"), (["list", "--to", "mid-March"], "--to", "mid-March"),
                                         (["stats", "--from", "June"], "--from", "June")] {
            let result = try CLI.run(arguments + ["--db", db, "--today", "2026-11-27"])
            #expect(result.status == 64 && result.stderr == "timeline: \(flag) '\(text)' has no year: write it (as in '\(text) 2026').\n", "\(result.stderr)")
        }
    }

    @Test func aPossessiveNameIsFoundWithOrWithoutItsApostrophe() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        for (uid, title) in [("a", "Sainsbury's opens a store"), ("b", "Sainsburys closes a store"), ("c", "Sainsbury’s cuts jobs"), ("d", "Sainsbury opens")] {
            #expect(try CLI.run(["add", "--db", db, "--uid", uid, "--kind", "other", "--date", "2022", "--title", title, "--entity", "Sainsbury"]).status == 0)
        }
        #expect(try uids(["--search", "Sainsburys"]) == ["a", "b", "c"])
        #expect(try uids(["--search", "Sainsbury's"]) == ["a", "b", "c"])
        #expect(try uids(["--search", "Sainsbury’s -cuts"]) == ["a", "b"])
        #expect(try uids(["--search", "Sainsbury"]).count == 4, "the name alone finds every one")
        // Left out, a word is looked for as typed: `-models` leaves `Model S` in.
        #expect(try CLI.run(["add", "--db", db, "--uid", "t", "--kind", "launch", "--date", "2021", "--title", "Tesla launches Model S Plaid",
                             "--entity", "Tesla"]).status == 0)
        #expect(try uids(["--search", "Tesla -models"]) == ["t"])
        #expect(try uids(["--search", "Tesla -(models OR trucks)"]) == ["t"])
    }

    /// As of a past day, a tag or a figure's quantity only an earlier version of an event had is
    /// known, not refused as unknown; today it is.
    @Test func asOfKnowsTheTagsAndQuantitiesOfEarlierVersions() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022", "--title", "X", "--uid", "x", "--entity", "Acme",
                                 "--tag", "psa", "--measure", "employees-laid-off=5:person", "--source", "https://e.org/a", "--published", "2023-01-05"],
                                environment: ["TIMELINE_NOW": "2023-01-10T00:00:00.000Z"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try CLI.run(["edit", "x", "--db", db, "--tag", "", "--measure", ""], environment: ["TIMELINE_NOW": "2023-03-10T00:00:00.000Z"]).status == 0)
        #expect(try uids(["--as-of", "2023-02-01", "--tag", "psa"]) == ["x"])
        // The last day there is, and the day of an edit, which counts from its start.
        #expect(try uids(["--as-of", "9999"]) == ["x"])
        #expect(try uids(["--as-of", "2023-03-10", "--tag", "psa"]) == [])
        #expect(try uids(["--as-of", "2023-03-09", "--tag", "psa"]) == ["x"])
        let sum = try CLI.run(["stats", "--db", db, "--as-of", "2023-02-01", "--sum", "employees-laid-off", "--format", "tsv"])
        #expect(sum.status == 0 && sum.stdout.contains("layoff\t1\t5\tperson"), "\(sum.stdout)\(sum.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--tag", "psa"]).status == 64)
        let misspelt = try CLI.run(["stats", "--db", db, "--as-of", "2023-02-01", "--sum", "employees-laid"])
        #expect(misspelt.status == 64 && misspelt.stderr.contains("known quantities: employees-laid-off"), "\(misspelt.stderr)")
    }

    /// Groups are named as `list` names dates in the table and Markdown (a date spanning several
    /// periods of the grouping counts apart, under its own name), and by sortable keys and EDTF
    /// in the machine formats.
    /// `--related` counts a related entity's events only on the days its relations held: One
    /// Medical's from its acquisition on, Care Medical's while Amazon Care was Amazon's product
    /// (2019-09 to 2022), and an undated relation's always. The machine formats (read from stored
    /// text), the table, stats and `--as-of` with history all agree.
    @Test func relatedCountsEventsOnlyWhileTheRelationHeld() throws {
        func add(_ uid: String, _ date: String, _ entity: String) throws {
            let result = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", date, "--title", uid, "--entity", entity, "--uid", uid,
                                      "--source", "https://example.org/\(uid)", "--published", "2024-06-01"],
                                     environment: ["TIMELINE_NOW": "2024-06-02T00:00:00.000Z"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        try add("om-2015", "2015", "One Medical")
        try add("om-jan-2023", "2023-01", "One Medical")
        try add("om-2023", "2023", "One Medical")
        try add("om-2024", "2024-03-01", "One Medical")
        try add("cm-2018", "2018", "Care Medical")
        try add("cm-2020", "2020-05", "Care Medical")
        try add("cm-open", "2018/..", "Care Medical")

        let amazon = try uids(["--entity", "amazon", "--related"])
        #expect(!amazon.contains("om-2015") && !amazon.contains("om-jan-2023"), "before One Medical was acquired")
        #expect(amazon.contains("om-2023") && amazon.contains("om-2024"), "on or after 22 Feb 2023")
        #expect(!amazon.contains("cm-2018"), "before Amazon Care, through which Care Medical is related")
        #expect(amazon.contains("cm-2020") && amazon.contains("cm-open"))
        #expect(amazon.contains("care-medical-layoff-2022-12-01"))
        // Amazon Care's relation to Care Medical has no dates: all of Care Medical's events.
        let care = try uids(["--entity", "amazon-care", "--related"])
        #expect(care.contains("cm-2018") && care.contains("cm-2020"))
        // Named itself, an entity counts for all its events.
        #expect(try uids(["--entity", "amazon", "--entity", "one-medical", "--related"]).contains("om-2015"))

        let table = try CLI.run(["list", "--db", db, "--entity", "amazon", "--related"])
        #expect(table.stdout.contains("om-2024") && !table.stdout.contains("om-2015") && !table.stdout.contains("cm-2018"))
        let stats = try CLI.run(["stats", "--db", db, "--entity", "amazon", "--related", "--by", "entity", "--format", "csv"])
        // One Medical: the three Amazon events that name it, and the two since its acquisition.
        #expect(stats.stdout.contains("one-medical,5") && stats.stdout.contains("care-medical,3"), "\(stats.stdout)")

        // With history (an edit), --as-of matches versions in memory: the same days count.
        #expect(try CLI.run(["edit", "om-2015", "--db", db, "--title", "om-2015 again"], environment: ["TIMELINE_NOW": "2024-07-01T00:00:00.000Z"]).status == 0)
        #expect(try CLI.run(["edit", "om-2024", "--db", db, "--title", "om-2024 again"], environment: ["TIMELINE_NOW": "2024-07-01T00:00:00.000Z"]).status == 0)
        let asOf = try uids(["--entity", "amazon", "--related", "--as-of", "2024-08-01"])
        #expect(asOf.contains("om-2024") && !asOf.contains("om-2015") && !asOf.contains("cm-2018"), "\(asOf)")
        #expect(asOf.contains("cm-2020"))

        // An acquisition given as an interval (bought, then sold) holds during it only, which
        // is said: a vague time bought (`late 2023`, read as an interval) would hold so too.
        let interval = try CLI.run(["entities", "edit", "one-medical", "--db", db, "--relate", "acquired-by=amazon@2023-02-22/2023-12-31"])
        #expect(interval.status == 0 && interval.stderr == "timeline: note: --relate 'acquired-by=amazon@2023-02-22/2023-12-31' is read as 2023-02-22/2023-12-31, "
                + "so acquired-by holds during it, as for one bought then sold, and the events after 2023-12-31 are not the other's with --related; "
                + "for a time bought, give one date (a day, month, quarter or year), or 2023-02-22/.. for from then on.\n", "\(interval.stderr)")
        let sold = try uids(["--entity", "amazon", "--related"])
        #expect(sold.contains("om-2023") && !sold.contains("om-2024"), "\(sold)")
        let vague = try CLI.run(["entities", "edit", "one-medical", "--db", db, "--relate", "acquired-by=amazon@late 2023"])
        #expect(vague.stderr.hasPrefix("timeline: note: --relate 'acquired-by=amazon@late 2023' is read as 2023-09~/2023-12~,"), "\(vague.stderr)")
        let openStart = try CLI.run(["entities", "edit", "one-medical", "--db", db, "--relate", "acquired-by=amazon@no later than 2023"])
        #expect(openStart.stderr.hasSuffix("give one date (a day, month, quarter or year).\n"), "no `../..` to offer: \(openStart.stderr)")
        // One date, or an open end, is said nothing of; nor is a relation held during its dates.
        for quiet in ["acquired-by=amazon@Q4 2023", "acquired-by=amazon@2023-09/..", "part-of=amazon@2019/2022"] {
            let said = try CLI.run(["entities", "edit", "one-medical", "--db", db, "--relate", quiet])
            #expect(said.status == 0 && said.stderr.isEmpty, "\(quiet): \(said.stderr)")
        }
    }

    /// Many related entities (a conglomerate's units) are one argument to the query, whatever
    /// their number: a term each had passed SQLite's limit on an expression's depth (exit 70).
    @Test func relatedTakesThousandsOfRelations() throws {
        var entities: [String] = [], relations: [String] = []
        for index in 0..<1_200 {
            entities.append("{\"slug\": \"unit-\(index)\", \"name\": \"Unit \(index)\", \"type\": \"organisation\"}")
            relations.append("{\"entity\": \"unit-\(index)\", \"relation\": \"part-of\", \"other\": \"amazon\", \"valid\": \(index < 1_100 ? "\"2019/2020\"" : "null")}")
        }
        let document = folder.path("units.json")
        try """
            {"format": "timeline-seed/1", "entities": [\(entities.joined(separator: ",\n"))],
             "relations": [\(relations.joined(separator: ",\n"))], "sources": [],
             "events": [{"uid": "u5-2020", "kind": "launch", "title": "Unit 5 in 2020", "when": "2020-05", "entities": ["unit-5"]},
                        {"uid": "u5-2021", "kind": "launch", "title": "Unit 5 in 2021", "when": "2021-05", "entities": ["unit-5"]},
                        {"uid": "u1150-2021", "kind": "launch", "title": "Unit 1150 in 2021", "when": "2021-05", "entities": ["unit-1150"]}]}
            """.write(toFile: document, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", document, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let related = try uids(["--entity", "amazon", "--related"])
        #expect(related.contains("u5-2020") && !related.contains("u5-2021") && related.contains("u1150-2021"), "\(related)")
        let stats = try CLI.run(["stats", "--db", db, "--entity", "amazon", "--related", "--by", "entity", "--format", "csv"])
        #expect(stats.status == 0 && stats.stdout.contains("unit-5,1") && stats.stdout.contains("unit-1150,1"), "\(stats.stdout)\(stats.stderr)")
    }

    @Test func statsNameGroupsAsListDoes() throws {
        let table = try CLI.run(["stats", "--db", db, "--by", "quarter"])
        #expect(table.stdout.contains("\nSummer 2021  1\n") && table.stdout.contains("\nQ3 2019      1\n"), "\(table.stdout)")
        #expect(!table.stdout.contains("-Q"), "\(table.stdout)")
        let csv = try CLI.run(["stats", "--db", db, "--by", "quarter", "--format", "csv"])
        #expect(csv.stdout.contains("\n2021-22,1\r\n") && csv.stdout.contains("\n2019-Q3,1\r\n"), "\(csv.stdout)")
        let markdown = try CLI.run(["stats", "--db", db, "--by", "month", "--format", "markdown"])
        #expect(markdown.stdout.contains("| Summer 2021 | 1 |") && markdown.stdout.contains("| Sep 2019 | 1 |"), "\(markdown.stdout)")
        let months = try CLI.run(["stats", "--db", db, "--by", "month", "--format", "tsv"])
        #expect(months.stdout.contains("\n2019-09\t1\n"), "\(months.stdout)")
    }

    /// `--by` twice: groups within groups, in the first grouping's order, then the second's; a
    /// figure counts toward the entity it measures in its event's period.
    @Test func statsGroupWithinGroups() throws {
        let csv = try CLI.run(["stats", "--db", db, "--kind", "layoff", "--kind", "headcount-change", "--sum", "positions-cut",
                               "--by", "entity", "--by", "year", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "entity,year,events,sum,unit,measures,approximate,qualifier")
        #expect(lines.contains("care-medical,2022,1,236,position,1,false,"), "\(lines)")
        #expect(lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
                == lines.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }.sorted(), "by entity, then year")
        let table = try CLI.run(["stats", "--db", db, "--by", "year", "--by", "quarter"])
        #expect(table.stdout.hasPrefix("year  quarter      events\n"), "\(table.stdout)")
        #expect(table.stdout.contains("\n2021  Summer 2021  1\n") && table.stdout.contains("\n2019  Q3 2019      1\n"), "\(table.stdout)")
        // The table and Markdown name entities and group a sum's thousands; CSV keeps slugs.
        let named = try CLI.run(["stats", "--db", db, "--by", "entity", "--sum", "positions-cut", "--kind", "layoff", "--format", "markdown"])
        #expect(named.stdout.contains("| Care Medical | 1 | 236 | position | 1 | false |  |"), "\(named.stdout)")
        let entities = try CLI.run(["stats", "--db", db, "--by", "entity", "--kind", "layoff"])
        #expect(entities.stdout.contains("\nAmazon Care ") && !entities.stdout.contains("amazon-care"), "\(entities.stdout)")
        let json = try CLI.run(["stats", "--db", db, "--by", "kind", "--by", "year", "--format", "ndjson"])
        #expect(json.stdout.hasPrefix(#"{"kind":"acquisition","year":"2022","events":3}"#), "\(json.stdout)")
        for (arguments, message) in [(["--by", "kind", "--by", "kind"], "--by kind is given twice; a second --by groups within the first by something else (--by entity --by year)"),
                                     (["--by", "kind", "--by", "year", "--by", "entity"], "--by is given 3 times; it takes one grouping, or two for groups within groups (--by entity --by year)")] {
            let refused = try CLI.run(["stats", "--db", db] + arguments)
            #expect(refused.status == 64 && refused.stderr.hasPrefix("timeline: \(message)"), "\(refused.stderr)")
        }
    }

    @Test func relativeBoundsResolveAgainstTheGivenToday() throws {
        let lastQuarter = try uids(["--from", "last quarter", "--to", "last quarter", "--today", "2022-10-15"])
        #expect(lastQuarter == ["amazon-care-expansion-2022", "amazon-one-medical-acquisition-agreement-2022-07-20",
                                "amazon-signify-health-acquisition-bid-2022-08-21", "amazon-one-medical-ftc-request-2022-09-02",
                                "cvs-health-signify-health-acquisition-agreement-2022-09-02"])
        let impossible = try CLI.run(["list", "--db", db, "--from", "today", "--today", "2022-02-30"])
        #expect(impossible.status == 64 && impossible.stderr == "timeline: --today '2022-02-30' is not a day: February 2022 has 28 days.\n",
                "\(impossible.stderr)")
    }

    @Test func onWithFromIsAUsageError() throws {
        let result = try CLI.run(["list", "--db", db, "--on", "2022", "--from", "2021"])
        #expect(result.status == 64)
    }

    @Test func unknownStatusIsAUsageError() throws {
        let result = try CLI.run(["list", "--db", db, "--status", "rumoured"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("rumoured"))
    }

    @Test func statsSumsExactlyByEntity() throws {
        let result = try CLI.run(["stats", "--db", db, "--kind", "layoff", "--sum", "positions-cut", "--by", "entity", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("care-medical,1,236,position,1,false,\r\n"))
        let json = try CLI.run(["stats", "--db", db, "--by", "year", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["year"] as? String == "2022" }?["events"] as? Int == 9)
    }

    /// A figure naming no entity counts toward the event's first entity, not every one; several
    /// figures of the quantity for one entity (sources that disagree, a correction) count once:
    /// the correcting source's, else the first listed not from a source that contradicts the
    /// event (else the first listed), with a note naming the event.
    @Test func statsCountOneFigureAnEntityAndEventAndNoneTowardAnInvestor() throws {
        let db = folder.path("figures.sqlite")
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let raised = try CLI.run(["add", "--db", db, "--kind", "funding", "--date", "2021-03-03", "--title", "Alpha raises 30M",
                                  "--entity", "Alpha SAS", "--entity", "Beta Capital:investor", "--measure", "amount-raised=30000000:EUR",
                                  "--source", "https://ex.org/a", "--uid", "raise"])
        #expect(raised.status == 0, "\(raised.stderr)")
        let byEntity = try CLI.run(["stats", "--db", db, "--sum", "amount-raised", "--by", "entity", "--format", "csv"])
        #expect(byEntity.stdout.contains("alpha-sas,1,30000000,EUR,1,false,\r\n") && byEntity.stdout.contains("beta-capital,1,,,0,,\r\n"),
                "\(byEntity.stdout)")

        let sources = #"[{"key":"le-monde","url":"https://lemonde.fr/a","publisher":"Le Monde","published":"2022-05-01","stance":"supports"},"#
            + #"{"key":"le-monde-fix","url":"https://lemonde.fr/b","publisher":"Le Monde","published":"2022-05-02","stance":"corrects"}]"#
        let disputed = #"[{"key":"denial","url":"https://ex.de/d","publisher":"Ex","published":"2022-05-03","stance":"contradicts"},"#
            + #"{"key":"report","url":"https://ex.de/r","publisher":"Ex","published":"2022-05-01","stance":"supports"}]"#
        func event(_ uid: String, _ figures: String, sources: String = sources) -> String {
            #"{"uid":"\#(uid)","kind":"layoff","title":"\#(uid)","when":"2022-05","entities":[{"slug":"alpha-sas","role":"employer"}],"measures":\#(figures),"sources":\#(sources)}"#
        }
        let lines = [
            event("disagree", #"[{"quantity":"employees-laid-off","value":"250","unit":"person","source":"le-monde"},{"quantity":"employees-laid-off","value":"230","unit":"person","source":"le-monde"}]"#),
            event("corrected", #"[{"quantity":"employees-laid-off","value":"40","unit":"person","source":"le-monde"},{"quantity":"employees-laid-off","value":"45","unit":"person","source":"le-monde-fix"}]"#),
            // The denial's figure listed first: the report's counts.
            event("disputed", #"[{"quantity":"employees-laid-off","value":"800","unit":"person","source":"denial"},{"quantity":"employees-laid-off","value":"1300","unit":"person","source":"report"}]"#,
                  sources: disputed),
        ]
        try lines.joined(separator: "\n").write(toFile: folder.path("figures.ndjson"), atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", folder.path("figures.ndjson"), "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sum = try CLI.run(["stats", "--db", db, "--kind", "layoff", "--sum", "employees-laid-off", "--format", "csv"])
        #expect(sum.status == 0 && sum.stdout.contains("layoff,3,1595,person,3,false,\r\n"), "250, the corrected 45 and the reported 1300: \(sum.stdout)")
        #expect(sum.stderr == "timeline: note: 3 events give more than one employees-laid-off figure for one entity and unit; one counts, "
                + "the correcting source's, else the first listed not from a contradicting one (`timeline show corrected` and 2 more).\n", "\(sum.stderr)")
    }

    /// A word the index does not hold (emoji, punctuation) is left out with the operator that
    /// joined it: `care OR 🚨` is `care`.
    @Test func anUnindexedWordLeavesNoDanglingOperator() throws {
        let care = try CLI.run(["list", "--db", db, "--search", "care", "--format", "tsv"]).stdout
        #expect(care.split(separator: "\n").count > 1)
        for search in ["care OR 🚨", "🚨 AND care", "(care OR 🚨)", "(🚨) care"] {
            let result = try CLI.run(["list", "--db", db, "--search", search, "--format", "tsv"])
            #expect(result.status == 0 && result.stdout == care, "\(search): \(result.stderr)")
        }
    }

    /// A search with nothing to look for says so, instead of passing on FTS5's syntax error.
    @Test(arguments: ["", "   ", "*", "\"\"", "🚨", "— !", "\"🚨\"", "(🚨)", "🚨 OR —"])
    func aSearchWithNoWordsIsAUsageError(search: String) throws {
        for command in [["list"], ["stats"], ["export", "--format", "csv"]] {
            let result = try CLI.run(command + ["--db", db, "--search", search])
            #expect(result.status == 64)
            #expect(result.stderr == "timeline: --search '\(search)' has no words to look for.\n", "\(result.stderr)")
        }
    }

    /// A search FTS5 cannot read is named with what is wrong, in the index's words without its name.
    @Test(arguments: [("strike AND", "it ends where more was expected"), ("(strike", "it ends where more was expected")])
    func aSearchTheIndexCannotReadSaysWhy(search: String, problem: String) throws {
        let result = try CLI.run(["list", "--db", db, "--search", search])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("timeline: --search '\(search)' is not a search the index understands: \(problem)"), "\(result.stderr)")
        #expect(!result.stderr.contains("fts5"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// With no entities at all, an unknown one is not followed by an empty list.
    @Test func anUnknownEntityInATimelineWithNoneSaysSo() throws {
        let empty = db + "-empty.sqlite"
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", empty]).status == 0)
        let result = try CLI.run(["list", "--db", empty, "--entity", "acme"])
        #expect(result.status == 64)
        #expect(result.stderr == "timeline: unknown entity 'acme' in --entity; the timeline has no entities yet.\n", "\(result.stderr)")
    }

    /// By announcement date, as `list --by announced` does, the events announced on no known day
    /// are left out of the groups (the seed has 15 events, 8 with an announcement date).
    @Test func statsByAnnouncementDateLeavesOutEventsWithNone() throws {
        let all = try CLI.run(["stats", "--db", db, "--by", "year", "--format", "csv"])
        let announced = try CLI.run(["stats", "--db", db, "--by", "year", "--date-field", "announced", "--format", "csv"])
        #expect(announced.status == 0, "\(announced.stderr)")
        func total(_ csv: String) -> Int {
            csv.split(separator: "\r\n").dropFirst().compactMap { Int($0.split(separator: ",")[1]) }.reduce(0, +)
        }
        #expect(total(all.stdout) == 15)
        #expect(total(announced.stdout) == 8)
        #expect(try uids(["--by", "announced"]).count == 8)
        #expect(!announced.stdout.contains("(none)"))
    }

    /// A quantity no figure counts is a usage error naming the known ones; one that the filters
    /// leave no figure of is not (its sums are simply empty).
    @Test func statsSumOfAnUnknownQuantityIsAUsageError() throws {
        let result = try CLI.run(["stats", "--db", db, "--sum", "positions-cutt", "--by", "year"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no figure in this timeline counts 'positions-cutt'; did you mean positions-cut? (known quantities: "), "\(result.stderr)")
        #expect(result.stderr.contains("positions-cut,") || result.stderr.contains("positions-cut."))
        let filtered = try CLI.run(["stats", "--db", db, "--sum", "positions-cut", "--kind", "launch", "--format", "csv"])
        #expect(filtered.status == 0, "\(filtered.stderr)")
    }

    /// A date without a year takes it from a publication date that is a period (`2022`) as from
    /// any of its days, and an announcement is the latest occurrence begun by the publication day
    /// (`September` in an article of 12 September 2022 is Sep 2022, as `Q3` is Q3 2022): in
    /// `date --ref`, `add` and an imported file alike.
    @Test func aYearFromAPublicationPeriodOrBeforeThePublicationDay() throws {
        let read = try CLI.run(["date", "1er décembre", "juillet", "--ref", "2022", "--format", "tsv", "--db", db])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("1er décembre\t2022-12-01\t") && read.stdout.contains("juillet\t2022-07\t"), "\(read.stdout)")
        let badReference = try CLI.run(["date", "1er décembre", "--ref", "2022-02-30", "--db", db])
        #expect(badReference.status == 64)
        #expect(badReference.stderr == "timeline: --ref '2022-02-30' is not a valid date: February 2022 has 28 days.\n", "\(badReference.stderr)")
        let openReference = try CLI.run(["date", "décembre", "--ref", "2022/..", "--db", db])
        #expect(openReference.status == 64 && openReference.stderr.contains("--ref '2022/..' is open at one end"), "\(openReference.stderr)")
        // A day given as --ref is the day relative forms count from, as a source's publication day
        // is in add; --today given says otherwise.
        let relative = try CLI.run(["date", "mercredi dernier", "--ref", "2022-10-01", "--format", "tsv"])
        #expect(relative.stdout.contains("mercredi dernier\t2022-09-28\t"), "\(relative.stdout)\(relative.stderr)")
        let today = try CLI.run(["date", "mercredi dernier", "--ref", "2022-10-01", "--today", "2026-01-10", "--format", "tsv"])
        #expect(today.stdout.contains("mercredi dernier\t2026-01-07\t"), "\(today.stdout)")

        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "1er décembre", "--announced", "September", "--title", "t",
                                 "--entity", "G", "--uid", "g1", "--source", "https://ex.com/g1", "--published", "2022-09-12"])
        #expect(added.status == 0, "\(added.stderr)")
        let yearOnly = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "1er décembre", "--title", "u",
                                    "--entity", "G", "--uid", "g2", "--source", "https://ex.com/g2", "--published", "2022"])
        #expect(yearOnly.status == 0, "\(yearOnly.stderr)")
        let csv = folder.path("yearless.csv")
        try "uid,kind,when,announced,title,entity,source,published\ng3,layoff,juillet,mars,v,G,https://ex.com/g3,2022\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let rows = try CLI.run(["list", "--db", db, "--format", "csv"]).stdout
        let dates = try CLI.run([db, "SELECT uid || ' ' || when_edtf || ' ' || ifnull(announced_edtf, '-') FROM events ORDER BY uid"],
                                executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
        #expect(dates == "g1 2022-12-01 2022-09\ng2 2022-12-01 -\ng3 2022-07 2022-03\n", "\(dates)\n\(rows)")
    }

    /// Years before 1000 group and head as EDTF and `list` write them (four digits, so that CSV
    /// keys sort as text), and an `--as-of` with no last day is refused, not read as "always".
    @Test func earlyYearsKeepFourDigitsAndAsOfNeedsALastDay() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        for date in ["0005", "0099", "0099-Q2", "2022"] {
            #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", date, "--title", "t", "--entity", "A"]).status == 0)
        }
        let stats = try CLI.run(["stats", "--db", db, "--by", "year", "--format", "csv"])
        #expect(stats.stdout == "year,events\r\n0005,1\r\n0099,2\r\n2022,1\r\n", "\(stats.stdout)")
        let quarters = try CLI.run(["stats", "--db", db, "--by", "quarter", "--format", "csv"])
        #expect(quarters.stdout.contains("0099-Q2,1"), "\(quarters.stdout)")
        let markdown = try CLI.run(["export", "--db", db, "--format", "markdown"]).stdout
        #expect(markdown.contains("\n## 0005\n") && markdown.contains("\n## 0099\n"), "\(markdown)")
        let openEnded = try CLI.run(["list", "--db", db, "--as-of", "2019/.."])
        #expect(openEnded.status == 64)
        #expect(openEnded.stderr == "timeline: --as-of '2019/..' has no last day; give a day (or a month or year, read to its last day).\n")
        // A range's bound with no day on its side would leave the range open there: refused too,
        // on the fast path of list as on the others.
        for (arguments, message) in [(["list", "--to", "since 2020"], "--to 'since 2020' has no last day; give the date the range ends at (a day, month, year, …)."),
                                     (["list", "--from", "until 2019"], "--from 'until 2019' has no first day; give the date the range starts at (a day, month, year, …)."),
                                     (["stats", "--to", "2019/.."], "--to '2019/..' has no last day; give the date the range ends at (a day, month, year, …).")] {
            let refused = try CLI.run(arguments + ["--db", db])
            #expect(refused.status == 64 && refused.stderr == "timeline: \(message)\n", "\(arguments): \(refused.stderr)")
        }
    }

    /// A relative date in an event (`yesterday`, `cette semaine`) is read from its source's
    /// publication day, as the article meant it, in `add` and in an imported file; from today
    /// only without a dated source; and refused when the source gives no day to count from.
    @Test func relativeEventDatesCountFromTheSourcesPublicationDay() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let today = ["TIMELINE_TODAY": "2026-12-05"]
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "yesterday", "--announced", "last week", "--title", "t",
                                 "--entity", "B", "--uid", "r1", "--source", "https://ex.com/p1", "--published", "2022-09-12"], environment: today)
        #expect(added.status == 0, "\(added.stderr)")
        let undated = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "yesterday", "--title", "u", "--entity", "B", "--uid", "r2"],
                                  environment: today)
        #expect(undated.status == 0, "\(undated.stderr)")
        let yearOnly = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "yesterday", "--title", "v", "--entity", "B", "--uid", "r3",
                                    "--source", "https://ex.com/p3", "--published", "2022"], environment: today)
        #expect(yearOnly.status == 64)
        #expect(yearOnly.stderr == "timeline: --date 'yesterday' is not a valid date: it is relative, and its source was published 2022, not on a day to count from: write the date itself.\n",
                "\(yearOnly.stderr)")
        let csv = folder.path("relative.csv")
        try "uid,kind,when,title,entity,source,published\nr4,layoff,cette semaine,w,B,https://ex.com/p4,2022-09-14\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", csv, "--db", db], environment: today)
        #expect(imported.status == 0, "\(imported.stderr)")
        // A source cited with no date given (by key, or new and undated) gives no day to count from.
        let byKey = folder.path("by-key.csv")
        try "uid,kind,when,title,entity,source\nr5,layoff,yesterday,x,B,https://ex.com/p1\n".write(toFile: byKey, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["import", byKey, "--db", db], environment: today)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("'yesterday' is not a valid date: it is relative, and no publication date of its source is given to count from"),
                "\(refused.stderr)")
        let undatedSource = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "yesterday", "--title", "y", "--entity", "B", "--uid", "r6",
                                         "--source", "https://ex.com/new"], environment: today)
        #expect(undatedSource.status == 64, "\(undatedSource.stderr)")
        // In edit, the event's own dated source counts, as for a date without a year; --today, given, wins.
        #expect(try CLI.run(["edit", "r1", "--db", db, "--date", "today"], environment: today).status == 0)
        #expect(try CLI.run(["edit", "r1", "--db", db, "--announced", "yesterday", "--today", "2022-01-10"], environment: today).status == 0)
        let dates = try CLI.run([db, "SELECT uid || ' ' || when_edtf || ' ' || ifnull(announced_edtf, '-') FROM events ORDER BY uid"],
                                executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
        #expect(dates == "r1 2022-09-12 2022-01-09\nr2 2026-12-04 -\nr4 2022-09-12/2022-09-18 -\n", "\(dates)")
        // --today given wins in an import too; a document's citations (by key) give no day; a source
        // an edit takes out gives none either.
        let givenToday = try CLI.run(["import", csv, "--db", db, "--today", "2024-01-01"], environment: today)
        #expect(givenToday.status == 0 && givenToday.stdout.contains("1 updated"), "\(givenToday.stdout)\(givenToday.stderr)")
        let document = folder.path("relative.json")
        try #"{"format":"timeline-seed/1","sources":[{"key":"sx","publisher":"S","published":"2022-03-10"}],"events":[{"uid":"s1","kind":"launch","title":"T","when":"yesterday","entities":["b"],"citations":[{"source":"sx"}]}]}"#
            .write(toFile: document, atomically: true, encoding: .utf8)
        let fromDocument = try CLI.run(["import", document, "--db", db], environment: today)
        #expect(fromDocument.status == 65 && fromDocument.stderr.contains("field 'events[0].when': 'yesterday' is not a valid date: it is relative"),
                "\(fromDocument.stderr)")
        #expect(try CLI.run(["edit", "r1", "--db", db, "--source", "https://ex.com/undated"], environment: today).status == 0)
        let removing = try CLI.run(["edit", "r1", "--db", db, "--remove-source", "https://ex.com/p1", "--date", "yesterday"], environment: today)
        #expect(removing.status == 64 && removing.stderr.contains("it is relative, and no publication date of its source is given"), "\(removing.stderr)")
    }

    @Test func dateCommandShowsHowInputsAreRead() throws {
        let result = try CLI.run(["date", "Q2 2022", "2021-22", "2019~", "2019/..", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["edtf"] as? String } == ["2022-34", "2021-22", "2019~", "2019/.."])
        #expect(rows[0]["earliest"] as? String == "2022-04-01")
        #expect(rows[0]["latest"] as? String == "2022-06-30")
        #expect(rows[1]["precision"] as? String == "season")
        #expect(rows[2]["approximate"] as? Bool == true)
        #expect(rows[3]["end_kind"] as? String == "open")
        #expect(rows[3]["start"] as? [String: Any] != nil)
    }

    @Test func dateCommandRejectsImpossibleDatesWithTheReason() throws {
        let result = try CLI.run(["date", "2022-02-30", "2022"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("'2022-02-30'"))
        #expect(result.stderr.contains("28 days"))
        #expect(result.stdout.contains("2022-01-01"), "the valid input is still shown")
    }
}
