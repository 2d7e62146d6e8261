import Foundation
import Testing

/// Behaviours found by trying the tool as a new user would.
@Suite struct FollowUpTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        _ = try CLI.run(["list", "--db", folder.path("timeline.sqlite")])
    }

    @Test(arguments: ["yesterday", "2022-13-45T99:00:00Z", "'); DROP TABLE events; --", "2026-11-27"])
    func aBadRecordingTimeIsRefused(_ now: String) throws {
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["edit", "care-medical-layoff-2022-12-01", "--status", "occurred", "--db", db],
                                 environment: ["TIMELINE_NOW": now])
        #expect(result.status == 64)
        #expect(result.stderr.contains("TIMELINE_NOW"))
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    @Test func anEmptyDatabasePathIsAUsageError() throws {
        let result = try CLI.run(["list", "--db", ""], environment: ["TIMELINE_DB": db])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--db is empty"))
        // Spaces only (a variable left blank) are a slip, not a file to make in the folder.
        let spaces = try CLI.run(["import", "-", "--db", " "], currentDirectory: folder.url, stdin: Data())
        #expect(spaces.status == 64 && spaces.stderr == "timeline: --db ' ' is only spaces; give the path of a database file.\n", "\(spaces.stderr)")
        let variable = try CLI.run(["list"], environment: ["TIMELINE_DB": "  "], currentDirectory: folder.url)
        #expect(variable.status == 64 && variable.stderr == "timeline: TIMELINE_DB '  ' is only spaces; give the path of a database file, or unset it for the default.\n",
                "\(variable.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path(" ")) && !FileManager.default.fileExists(atPath: folder.path("  ")))
    }

    @Test func outputThroughASymlinkWritesItsTargetAndAPipeIsWrittenInPlace() throws {
        let target = folder.path("real.ndjson")
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.path("link.ndjson")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(try CLI.run(["export", "--format", "ndjson", "--kind", "layoff", "--db", db, "--output", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "the link stays a link")
        #expect(String(decoding: try folder.bytes("real.ndjson"), as: UTF8.self).split(separator: "\n").count == 2)

        let full = try CLI.run(["export", "--format", "ndjson", "--db", db, "--output", "/dev/full"])
        #expect(full.status == 74)
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/full is still a device")
    }

    @Test func tableValuedAndReadingPragmasAreReadsAndParametersNeedValues() throws {
        let columns = try CLI.run(["sql", "SELECT name FROM pragma_table_info('events') LIMIT 2", "--format", "tsv", "--db", db])
        #expect(columns.status == 0, "\(columns.stderr)")
        #expect(columns.stdout == "name\nid\nuid\n")
        #expect(try CLI.run(["sql", "PRAGMA journal_mode", "--db", db]).status == 0)
        let unbound = try CLI.run(["sql", "SELECT :a", "--db", db])
        #expect(unbound.status == 64)
        #expect(unbound.stderr.contains(":a has no value"))
    }

    @Test func approximateFiguresMakeAnApproximateSum() throws {
        let result = try CLI.run(["stats", "--sum", "deal-value", "--kind", "acquisition", "--format", "json", "--db", db])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first?["sum"] as? String == "11900000000")
        #expect(rows.first?["approximate"] as? Bool == true)
        #expect(try CLI.run(["stats", "--sum", "deal-value", "--kind", "acquisition", "--db", db]).stdout.contains("about 11,900,000,000"))
    }

    /// A unit written in another case than the timeline's for the quantity (`eur`, `Eur` for
    /// `EUR`) is saved in the timeline's: one row in the sum, one spelling in the exports.
    @Test func aUnitTakesTheSpellingTheTimelineHas() throws {
        for (date, unit) in [("2031-01", "EUR"), ("2031-02", "eur"), ("2031-03", "Eur")] {
            #expect(try CLI.run(["add", "--db", db, "--kind", "funding", "--date", date, "--title", unit, "--entity", "Acme",
                                 "--measure", "amount-raised=10:\(unit)"]).status == 0)
        }
        let records = #"{"uid":"u1","kind":"funding","title":"U1","when":"2031-04","measures":[{"quantity":"staff","value":"3","unit":"Person"},{"quantity":"staff","value":"4","unit":"person","entity":"amazon"}]}"#
            + "\n" + #"{"uid":"u2","kind":"funding","title":"U2","when":"2031-05","measures":[{"quantity":"amount-raised","value":"1","unit":"EUR"},{"quantity":"staff","value":"5","unit":"PERSON"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((records + "\n").utf8)).status == 0)
        let sum = try CLI.run(["stats", "--sum", "amount-raised", "--from", "2031", "--format", "csv", "--db", db]).stdout
        #expect(sum == "kind,events,sum,unit,measures,approximate,qualifier\r\nfunding,5,31,EUR,4,false,\r\n", "\(sum)")
        let units = try CLI.run(["sql", "--db", db, "SELECT DISTINCT quantity || ' ' || unit FROM measures WHERE quantity IN ('staff', 'amount-raised') ORDER BY 1",
                                 "--format", "tsv"]).stdout
        #expect(units.hasSuffix("amount-raised EUR\nstaff Person\n"), "the first spelling, in one event or one file too: \(units)")
        // Case that is meaning stays: megawatts are no milliwatts, gigabits no gigabytes.
        for (date, figure) in [("2032-01", "power=100:MW"), ("2032-02", "power=5:mW"), ("2032-03", "data=1:Gb"), ("2032-04", "data=2:GB"),
                               ("2032-05", "energy=3:MWh"), ("2032-06", "energy=4:mWh"), ("2032-07", "budget=5:M€"), ("2032-08", "budget=6:m€")] {
            #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", date, "--title", figure, "--entity", "Acme", "--measure", figure]).status == 0)
        }
        let kept = try CLI.run(["sql", "--db", db, "SELECT group_concat(unit, ' ') FROM (SELECT DISTINCT unit FROM measures WHERE quantity IN ('power', 'data', 'energy', 'budget') ORDER BY id)",
                                "--format", "tsv"]).stdout
        #expect(kept.hasSuffix("MW mW Gb GB MWh mWh M€ m€\n"), "\(kept)")
        // A timeline written before holds two spellings: check says so, and how to make them one.
        let legacy = try CLI.run([db, "UPDATE measures SET unit = 'eur' WHERE unit = 'EUR' AND value = '1'"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        #expect(legacy.status == 0, "\(legacy.stderr)")
        let checked = try CLI.run(["check", "--db", db]).stdout
        #expect(checked.contains("the amount-raised figures write one unit as 'EUR' (3 figures) and 'eur' (1 figure), which `stats --sum` adds apart; "
                                 + "`timeline export --format ndjson | timeline import -` saves them all as 'EUR'"), "\(checked)")
        let again = try CLI.run(["export", "--db", db, "--format", "ndjson"]).stdout
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data(again.utf8)).status == 0)
        #expect(try CLI.run(["check", "--db", db]).stdout.contains("write one unit as") == false)
    }

    /// A bound a source gives ("less than", "at least") stays a bound in the sum, said so in
    /// every format, never turned into "about".
    @Test func boundedFiguresMakeABoundedSum() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "funding", "--date", "2019-12", "--title", "A", "--entity", "Acme",
                             "--measure", "amount-raised=<1200000:EUR"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "funding", "--date", "2020-01", "--title", "B", "--entity", "Acme",
                             "--measure", "amount-raised=at least 5000000:EUR"]).status == 0)
        let table = try CLI.run(["stats", "--sum", "amount-raised", "--by", "year", "--db", db, "--from", "2019-12", "--to", "2020-01"])
        #expect(table.stdout.contains("2019  1       less than 1,200,000  EUR") && table.stdout.contains("2020  1       at least 5,000,000"),
                "\(table.stdout)")
        let csv = try CLI.run(["stats", "--sum", "amount-raised", "--by", "year", "--format", "csv", "--db", db, "--from", "2019-12", "--to", "2020-01"])
        #expect(csv.stdout == "year,events,sum,unit,measures,approximate,qualifier\r\n2019,1,1200000,EUR,1,false,less-than\r\n2020,1,5000000,EUR,1,false,at-least\r\n",
                "\(csv.stdout)")
        let json = try CLI.run(["stats", "--sum", "amount-raised", "--format", "json", "--db", db, "--from", "2019-12", "--to", "2020-01"])
        #expect(json.stdout.contains(#""sum":"6200000","unit":"EUR","measures":2,"approximate":true,"qualifier":null"#), "bounds both ways: \(json.stdout)")
    }

    /// A bound a source gives as an estimate ("plus d’environ 350") keeps both words wherever it
    /// is shown, and read back as printed is the same figure; a sum with it is both too.
    @Test func aBoundThatIsAnEstimateKeepsBothWords() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2018-03", "--title", "Acme cuts", "--entity", "Acme",
                             "--measure", "employees-laid-off=plus d’environ 350:person"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2018-04", "--title", "Acme cuts again", "--entity", "Acme",
                             "--measure", "employees-laid-off=more than about 20:person"]).status == 0)
        let list = try CLI.run(["list", "--db", db, "--from", "2018-03", "--to", "2018-04"])
        #expect(list.stdout.contains("employees laid off: more than about 350 people")
                && list.stdout.contains("employees laid off: more than about 20 people"), "\(list.stdout)")
        let french = try CLI.run(["list", "--db", db, "--from", "2018-03", "--to", "2018-03", "--lang", "fr"])
        #expect(french.stdout.contains("employees laid off\u{a0}: plus d’environ 350 person"), "\(french.stdout)")
        let show = try CLI.run(["show", "acme-layoff-2018-03", "--db", db])
        #expect(show.stdout.contains("employees-laid-off: more than about 350 people"), "\(show.stdout)")
        let stats = try CLI.run(["stats", "--sum", "employees-laid-off", "--by", "year", "--db", db, "--from", "2018-03", "--to", "2018-04"])
        #expect(stats.stdout.contains("2018  2       more than about 370  person"), "\(stats.stdout)")
        let json = try CLI.run(["stats", "--sum", "employees-laid-off", "--format", "json", "--db", db, "--from", "2018-03", "--to", "2018-04"])
        #expect(json.stdout.contains(#""sum":"370","unit":"person","measures":2,"approximate":true,"qualifier":"more-than""#), "\(json.stdout)")
        let view = try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT figures FROM timeline_events WHERE title = 'Acme cuts'"])
        #expect(view.stdout.contains("employees laid off: more than about 350 people"), "\(view.stdout)")
    }

    @Test func tagsMatchInAnyCase() throws {
        let result = try CLI.run(["list", "--tag", "WARN-Notice", "--format", "tsv", "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 3)
    }

    @Test func sourceOptionsNeedASourceAndFiguresNeedAKnownEntity() throws {
        let stance = try CLI.run(["edit", "care-medical-layoff-2022-12-01", "--stance", "corrects", "--db", db])
        #expect(stance.status == 64)
        let figure = try CLI.run(["add", "--kind", "launch", "--date", "2020", "--title", "x", "--measure", "x=5:person@nobody-here", "--db", db])
        #expect(figure.status == 64)
        #expect(figure.stderr.contains("'nobody-here'"))
        let own = try CLI.run(["add", "--kind", "launch", "--date", "2020", "--title", "x", "--entity", "Brand New Co",
                               "--measure", "x=5:person@Brand New Co", "--db", db])
        #expect(own.status == 0, "a figure may count one of the event's own new entities: \(own.stderr)")
    }

    @Test func skippedSeedsAreReported() throws {
        let result = try CLI.run(["migrate", "--skip-seeds", "--db", folder.path("empty.sqlite")])
        #expect(result.stdout.contains("Skipped (recorded as not loaded):\n  Seeds/0001_amazon_care.json"))
    }
}
