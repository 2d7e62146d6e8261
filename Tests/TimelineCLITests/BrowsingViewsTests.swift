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
        #expect(layoff["figures"] as? String == "positions-cut: 236 position")
        #expect(layoff["entities"] as? String == "Care Medical; Amazon Care")
        #expect(layoff["sources"] as? Int == 3)
        #expect(events.first?["uid"] as? String == "amazon-care-launch-2019-09", "chronological")
        let citations = try #require(views["timeline_citations"])
        #expect(citations.contains { $0["stance"] as? String == "contradicts" && $0["publisher"] as? String == "CNBC" })
        #expect(citations.contains { ($0["quote"] as? String)?.contains("Malgré des efforts") == true && $0["quote_language"] as? String == "fr" })
        let figures = try #require(views["timeline_figures"])
        #expect(figures.contains { $0["quantity"] as? String == "employees-laid-off" && $0["value"] as? String == "159" && $0["entity"] as? String == "amazon-care" })
    }

    @Test func viewDateLabelsMatchTheToolsOwn() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let rows = try CLI.run([db, "SELECT when_edtf, \"when\" FROM timeline_events UNION SELECT announced_edtf, announced FROM timeline_events WHERE announced_edtf IS NOT NULL"],
                               executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let pairs = rows.stdout.split(separator: "\n").map { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        #expect(pairs.count > 10)
        let readings = try CLI.run(["date", "--format", "json"] + pairs.map { $0[0] })
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(readings.stdout.utf8)) as? [[String: Any]])
        for (pair, reading) in zip(pairs, parsed) {
            #expect(pair[1] == reading["display"] as? String, "\(pair[0])")
        }
    }
}
