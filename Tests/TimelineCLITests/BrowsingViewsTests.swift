import Foundation
import Testing

/// The views other tools browse, read as Python's sqlite3 module reads them (as Datasette and
/// sqlite-utils do).
@Suite struct BrowsingViewsTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func python(_ script: String) throws -> CLIResult {
        // Debian's python3, with the sqlite3 module over the system's SQLite.
        try CLI.run(["python3", "-c", script, db], executable: URL(fileURLWithPath: "/usr/bin/env"))
    }

    @Test func pythonReadsTheViews() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let script = """
            import json, sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            connection.row_factory = sqlite3.Row
            result = {}
            for view in ("timeline_events", "timeline_citations", "timeline_figures"):
                result[view] = [dict(row) for row in connection.execute("SELECT * FROM " + view)]
            print(json.dumps(result))
            """
        let result = try python(script)
        #expect(result.status == 0, "\(result.stderr)")
        let views = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [[String: Any]]])
        let events = try #require(views["timeline_events"])
        #expect(events.count == 15)
        let layoff = try #require(events.first { $0["uid"] as? String == "care-medical-layoff-2022-12-01" })
        #expect(layoff["when"] as? String == "1 Dec 2022")
        #expect(layoff["announced"] as? String == "8 Sep 2022")
        #expect(layoff["figures"] as? String == "positions cut: 236 positions", "as list writes it")
        let deal = try #require(events.first { $0["uid"] as? String == "amazon-one-medical-acquisition-agreement-2022-07-20" })
        #expect(deal["figures"] as? String
                == "share price: 18 USD; deal value: about 3,900,000,000 USD; 188 offices; 767,000 members; more than 125 offices",
                "every figure, where list gives two and says how many more")
        #expect(events.first { $0["uid"] as? String == "amazon-care-launch-2019-09" }?["figures"] is NSNull, "no figures")
        #expect(layoff["entities"] as? String == "Care Medical; Amazon Care")
        #expect(layoff["sources"] as? Int == 3)
        #expect(events.first?["uid"] as? String == "amazon-care-launch-2019-09", "chronological")
        let citations = try #require(views["timeline_citations"])
        #expect(citations.contains { $0["stance"] as? String == "contradicts" && $0["publisher"] as? String == "CNBC" })
        #expect(citations.contains { ($0["quote"] as? String)?.contains("Malgré des efforts") == true && $0["quote_language"] as? String == "fr" })
        let figures = try #require(views["timeline_figures"])
        #expect(figures.contains { $0["quantity"] as? String == "employees-laid-off" && $0["value"] as? String == "159" && $0["entity"] as? String == "amazon-care" })
        #expect(figures.contains { $0["value"] as? String == "159" && $0["value_number"] as? Int == 159 })
    }

    /// `value` is exact text, which SQL compares as text; `value_number` compares and sorts figures
    /// by magnitude, as a Datasette filter or a shell query expects.
    @Test func figuresCompareAsNumbersThroughValueNumber() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        for (index, value) in ["350", "2500", "0.25", "1200.5"].enumerated() {
            #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--title", "F\(index)", "--date", "202\(index)", "--entity", "Acme",
                                 "--measure", "jobs=\(value):person"]).status == 0)
        }
        let sqlite = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let asText = try CLI.run([db, "SELECT value FROM timeline_figures WHERE value > 1000 ORDER BY value"], executable: sqlite).stdout
        #expect(asText == "1200.5\n2500\n350\n", "text compares as text: 350 > 1000: \(asText)")
        let asNumbers = try CLI.run([db, "SELECT value, value_number FROM timeline_figures WHERE value_number > 1000 ORDER BY value_number"], executable: sqlite).stdout
        #expect(asNumbers == "1200.5|1200.5\n2500|2500\n", "\(asNumbers)")
    }

    @Test func viewDateLabelsMatchTheToolsOwn() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        // Dates SQL alone cannot name as the tool does: intervals, decades, centuries.
        for (index, date) in ["early 2022", "early December 2022", "late 2022 or early 2023", "19XX", "201X", "2019~/2021-06?", "../2019", "since 2019", "Q2 2022/Q3 2022"].enumerated() {
            let added = try CLI.run(["add", "--db", db, "--kind", "other", "--title", "Label \(index)", "--date", date, "--announced", date])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let rows = try CLI.run([db, "SELECT when_edtf, \"when\" FROM timeline_events UNION SELECT announced_edtf, announced FROM timeline_events WHERE announced_edtf IS NOT NULL"],
                               executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let pairs = rows.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(pairs.count > 17)
        #expect(pairs.contains(["2022-01~/2022-04~", "early 2022"]) && pairs.contains(["201X", "2010s"])
                && pairs.contains(["2022-12-01~/2022-12-10~", "early Dec 2022"]))
        let readings = try CLI.run(["date", "--format", "json"] + pairs.map { $0[0] })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(readings.stdout.utf8)) as? [[String: Any]])
        for (pair, reading) in zip(pairs, parsed) {
            #expect(pair[1] == reading["display"] as? String, "\(pair[0])")
        }
    }

    /// A date changed by another tool loses its stored label (the view names it as SQL can), a
    /// wrong label is an error of `check`, and `check --repair-lists` writes them from the dates.
    @Test func dateLabelsChangedByOtherToolsAreFoundAndRepaired() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "other", "--title", "Edited", "--date", "201X", "--uid", "edited", "--announced", "19XX",
                                  "--source", "https://example.org/edited"])
        #expect(added.status == 0, "\(added.stderr)")
        func label() throws -> String {
            try CLI.shell("sqlite3 '\(db)' \"SELECT \\\"when\\\" FROM timeline_events WHERE uid = 'edited'\"").stdout
        }
        #expect(try label() == "2010s\n")
        #expect(try CLI.shell("sqlite3 '\(db)' \"UPDATE events SET when_edtf = '2021-05', when_precision = 'month', when_earliest = '2021-05-01', when_latest = '2021-05-31' WHERE uid = 'edited'\"").status == 0)
        #expect(try label() == "May 2021\n", "the label went with the old date: the view names the new one")
        #expect(try CLI.shell("sqlite3 '\(db)' \"SELECT announced_label FROM events WHERE uid = 'edited'\"").stdout == "20th century\n",
                "the other date's label stays")
        var check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.stdout.contains("warning\tdate-labels\tevent edited: its when date has no stored label"), "\(check.stdout)")
        #expect(try CLI.shell("sqlite3 '\(db)' \"UPDATE events SET when_label = 'wrong' WHERE uid = 'edited'\"").status == 0)
        check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.status == 65)
        #expect(check.stdout.contains("warning\tdate-labels\tevent edited: the label 'wrong' stored for its when date is not that date's ('May 2021')"),
                "\(check.stdout)")
        #expect(try CLI.run(["check", "--db", db, "--repair-lists"]).status == 0)
        #expect(try label() == "May 2021\n")
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("date-labels")))
    }

    /// A figure changed by another tool clears the event's lists, and with them the view's use of
    /// its figures label: the view names the figures as SQL can until `check --repair-lists`
    /// writes the label again. A wrong or missing label is found by `check`.
    @Test func figuresLabelsChangedByOtherToolsAreFoundAndRepaired() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        func figures() throws -> String {
            try CLI.shell("sqlite3 '\(db)' \"SELECT figures FROM timeline_events WHERE uid = 'amazon-care-layoff-2022-12-01'\"").stdout
        }
        func sql(_ statement: String) throws {
            let result = try CLI.shell("sqlite3 '\(db)' \"\(statement)\"")
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try figures() == "employees laid off: 159 people\n")
        try sql("UPDATE measures SET value = '1590' WHERE quantity = 'employees-laid-off'")
        #expect(try figures() == "employees-laid-off: 1590 person\n", "the stored label is not read once the figures change")
        var repair = try CLI.run(["check", "--db", db, "--repair-lists"])
        #expect(repair.status == 0, "\(repair.stdout)")
        #expect(repair.stderr.contains("put right the cleared lists of 1 event."), "\(repair.stderr)")
        #expect(try figures() == "employees laid off: 1,590 people\n")

        try sql("UPDATE events SET figures_label = 'wrong' WHERE uid = 'amazon-care-layoff-2022-12-01'")
        var check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.status == 65)
        #expect(check.stdout.contains("warning\tfigures-labels\tevent amazon-care-layoff-2022-12-01: the figures label stored in its row ('wrong') is not that of its figures ('employees laid off: 1,590 people')"),
                "\(check.stdout)")
        try sql("UPDATE events SET figures_label = NULL WHERE uid = 'care-medical-layoff-2022-12-01'")
        check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.stdout.contains("warning\tfigures-labels\tevent care-medical-layoff-2022-12-01: it has no stored figures label"), "\(check.stdout)")
        repair = try CLI.run(["check", "--db", db, "--repair-lists"])
        #expect(repair.stderr.contains("the figures labels of 2 events"), "\(repair.stderr)")
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("figures-labels")))
        #expect(try figures() == "employees laid off: 1,590 people\n")
    }

    /// Migration 0008 rewrote timeline_events in less text: on every precision (matching its EDTF
    /// or not), approximate and uncertain flag, and absent announcement, it must label dates
    /// exactly as the view of 0004 did.
    @Test func compactViewLabelsDatesAsTheFirstVersionDid() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let firstVersion = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Migrations/0004_browsing_views.sql")
        let script = """
            import itertools, json, re, sqlite3, sys
            connection = sqlite3.connect(sys.argv[1])
            text = open(sys.argv[2], encoding="utf-8").read()
            first = re.search(r"CREATE VIEW timeline_events AS.*?;\\n", text, re.S).group(0)
            connection.execute(first.replace("CREATE VIEW timeline_events", "CREATE TEMP VIEW first_timeline_events", 1))
            dates = ["2022-12-01", "2022-12-01~", "2022-12-01?", "2022-12-01%", "0999-01-31", "2022-06", "2022-06~",
                     "2022-21", "2022-22", "2022-23", "2022-24", "1999-24", "2022-33", "2022-36?", "2022-40",
                     "2022-41", "2022", "2022~", "202X", "20XX", "2019/2022-06", "2019-05-01/..", "x"]
            precisions = ["day", "month", "season", "quarter", "half-year", "year", "decade", "century", "interval"]
            combinations = list(itertools.product(dates, precisions, [0, 1], [0, 1]))
            for number, (edtf, precision, approximate, uncertain) in enumerate(combinations):
                announced = combinations[(number * 7) % len(combinations)] if number % 3 else (None, None, 0, 0)
                connection.execute(
                    "INSERT INTO events (uid, kind, title, when_edtf, when_precision, when_approximate, when_uncertain,"
                    " announced_edtf, announced_precision, announced_approximate, announced_uncertain)"
                    " VALUES (?, 'other', 'label check', ?, ?, ?, ?, ?, ?, ?, ?)",
                    ("label-%d" % number, edtf, precision, approximate, uncertain) + announced)
            rows = connection.execute(
                "SELECT count(*), sum(n.\\"when\\" IS f.\\"when\\"), sum(n.announced IS f.announced),"
                " sum(n.announced IS NULL) FROM timeline_events AS n JOIN first_timeline_events AS f USING (uid)").fetchone()
            labels = dict(connection.execute(
                "SELECT e.when_edtf || ' ' || e.when_precision || ' ' || e.when_approximate || e.when_uncertain, v.\\"when\\""
                " FROM timeline_events AS v JOIN events AS e USING (uid) WHERE e.title = 'label check'"))
            print(json.dumps({"rows": rows, "labels": labels}))
            """
        let result = try CLI.run(["python3", "-c", script, db, firstVersion.path], executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(result.status == 0, "\(result.stderr)")
        let output = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let counts = try #require(output["rows"] as? [Int])
        #expect(counts[0] == 15 + 23 * 9 * 4)
        #expect(counts[1] == counts[0], "every when label as before")
        #expect(counts[2] == counts[0], "every announced label as before")
        #expect(counts[3] > 15, "absent announcements are among them")
        let labels = try #require(output["labels"] as? [String: String])
        for (key, label) in [("2022-12-01 day 00", "1 Dec 2022"), ("2022-12-01~ day 10", "c. 1 Dec 2022"),
                             ("1999-24 season 00", "Winter 1999–00"), ("2022-22 season 01", "Summer 2022?"),
                             ("2022-40 half-year 00", "H1 2022"), ("2022-36? quarter 11", "c. Q4 2022?"),
                             ("2022-06 month 00", "Jun 2022"), ("2022~ year 00", "2022"), ("202X decade 00", "202X"),
                             ("2019/2022-06 interval 11", "2019/2022-06")] {
            #expect(labels[key] == label, "\(key)")
        }
    }
}
