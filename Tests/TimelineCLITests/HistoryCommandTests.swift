import Foundation
import Testing

/// `timeline history UID`: each version of an event, what each edit changed, and its removal.
@Suite struct HistoryCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
    }

    func run(_ arguments: [String], at time: String) throws {
        let result = try CLI.run(arguments + ["--db", db], environment: ["TIMELINE_NOW": time])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }

    /// A script that rebuilds a timeline with `$TIMELINE_NOW` set, from `migrate --skip-seeds`,
    /// gets the same database every time, to the SQL export's byte: the migrations and skipped
    /// seeds are recorded at that time too. (The sample's rows keep the time they were loaded.)
    @Test func aRebuildWithAFixedTimeIsTheSameToTheByte() throws {
        let migrate = ["migrate", "--skip-seeds"]
        let environment = ["TIMELINE_NOW": "2024-06-01T00:00:00.000Z"]
        var exports: [String] = []
        for name in ["first.sqlite", "second.sqlite"] {
            let rebuilt = folder.path(name)
            #expect(try CLI.run(["--db", rebuilt] + migrate, environment: environment).status == 0)
            #expect(try CLI.run(["add", "--db", rebuilt, "--kind", "launch", "--date", "2020", "--title", "Acme opens", "--entity", "Acme"],
                                environment: environment).status == 0)
            exports.append(try CLI.run(["export", "--db", rebuilt, "--format", "sql"]).stdout)
            Thread.sleep(forTimeInterval: 0.01)
        }
        #expect(exports[0] == exports[1])
        #expect(exports[0].contains("'2024-06-01T00:00:00.000Z'"))
        // `list`, making a database, records its migrations then too; and refuses a value that
        // is no time, as every command does, before making one.
        let listed = folder.path("listed.sqlite")
        #expect(try CLI.run(["list", "--db", listed, "--limit", "1"], environment: environment).status == 0)
        #expect(try CLI.run([listed, "SELECT DISTINCT applied_at FROM schema_migrations"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
                == "2024-06-01T00:00:00.000Z\n")
        let garbage = folder.path("garbage.sqlite")
        let refused = try CLI.run(["list", "--db", garbage], environment: ["TIMELINE_NOW": "garbage"])
        #expect(refused.status == 64 && refused.stderr == "timeline: TIMELINE_NOW 'garbage' is not a UTC timestamp; give it as YYYY-MM-DDTHH:MM:SS.sssZ.\n",
                "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: garbage))
    }

    @Test func eachEditIsNamedFieldByFieldAndTheRemovalToo() throws {
        try run(["add", "--kind", "layoff", "--date", "2022", "--title", "Acme cuts 150", "--uid", "x", "--entity", "Acme",
                 "--tag", "psa", "--measure", "employees-laid-off=150:person", "--source", "https://e.org/a"], at: "2023-01-10T00:00:00.000Z")
        let once = try CLI.run(["history", "x", "--db", db])
        #expect(once.stdout == "x: Acme cuts 150\nRecorded once, never changed since.\n\n2023-01-10T00:00:00.000Z  recorded\n", "\(once.stdout)")
        try run(["edit", "x", "--title", "Acme cuts 159", "--date", "Q2 2022", "--tag", "layoffs",
                 "--measure", "employees-laid-off=159:person", "--source", "https://e.org/b", "--stance", "corrects"], at: "2023-03-10T00:00:00.000Z")
        try run(["remove", "x"], at: "2023-04-01T00:00:00.000Z")
        let history = try CLI.run(["history", "x", "--db", db])
        #expect(history.status == 0)
        #expect(history.stdout == """
            x: Acme cuts 159 (removed)
            2 changes since it was recorded.

            2023-01-10T00:00:00.000Z  recorded

            2023-03-10T00:00:00.000Z  edited
              title: Acme cuts 150 → Acme cuts 159
              when: 2022 → Q2 2022 (2022-34)
              tags: − psa
                    + layoffs
              figures: + employees-laid-off: 159 people [source: e-org-2]
              sources: + e-org-2 (corrects)

            2023-04-01T00:00:00.000Z  removed

            """, "\(history.stdout)")
        let json = try CLI.run(["history", "x", "--db", db, "--format", "json"])
        let versions = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(versions.map { $0["ended_by"] as? String } == ["edit", "remove"])
        #expect(versions.map { ($0["event"] as? [String: Any])?["title"] as? String } == ["Acme cuts 150", "Acme cuts 159"])
        #expect(versions.first?["superseded_at"] as? String == "2023-03-10T00:00:00.000Z")

        // Added again under its uid: the removal stays in the story, between the two.
        try run(["add", "--kind", "layoff", "--date", "Q2 2022", "--title", "Acme cuts 160", "--uid", "x", "--entity", "Acme"],
                at: "2023-05-01T00:00:00.000Z")
        let again = try CLI.run(["history", "x", "--db", db]).stdout
        #expect(again.hasPrefix("x: Acme cuts 160\n3 changes since it was recorded.\n"), "\(again)")
        #expect(again.contains("""

            2023-04-01T00:00:00.000Z  removed

            2023-05-01T00:00:00.000Z  added again
              title: Acme cuts 159 → Acme cuts 160

            """), "\(again)")
    }

    /// A title or summary of several lines keeps its later lines under its first, as `show`
    /// indents them, in the heading and in a change.
    @Test func aValueOfSeveralLinesIsIndented() throws {
        try run(["add", "--kind", "launch", "--date", "2020", "--title", "Einzeilig", "--uid", "m", "--entity", "Acme"], at: "2023-01-10T00:00:00.000Z")
        try run(["edit", "m", "--title", "Mehrzeilig\nkorrigiert", "--summary", "A\r\nB"], at: "2023-02-10T00:00:00.000Z")
        let history = try CLI.run(["history", "m", "--db", db])
        #expect(history.stdout == """
            m: Mehrzeilig
              korrigiert
            1 change since it was recorded.

            2023-01-10T00:00:00.000Z  recorded

            2023-02-10T00:00:00.000Z  edited
              title: Einzeilig → Mehrzeilig
                     korrigiert
              summary: (none) → A
                       B

            """, "\(history.stdout)")
    }

    /// Giving a quote its language is an edit of the event: said so, and kept in history, also
    /// when the language goes to its source too (one that had none).
    @Test func aQuoteLanguageGivenIsAnEditHistoryNames() throws {
        try run(["add", "--kind", "launch", "--date", "2020-09", "--title", "T", "--uid", "q", "--entity", "A",
                 "--source", "https://ex.com.br/a", "--published", "2020-10-01", "--quote", "olá mundo"], at: "2023-01-10T00:00:00.000Z")
        for (language, time) in [("pt-BR", "2023-02-10T00:00:00.000Z"), ("en", "2023-03-10T00:00:00.000Z")] {
            let edited = try CLI.run(["edit", "q", "--db", db, "--source", "https://ex.com.br/a", "--quote", "olá mundo", "--quote-lang", language],
                                     environment: ["TIMELINE_NOW": time])
            #expect(edited.stdout == "Updated q\n", "\(language): \(edited.stdout)\(edited.stderr)")
        }
        let history = try CLI.run(["history", "q", "--db", db]).stdout
        #expect(history.hasSuffix("""
            2023-02-10T00:00:00.000Z  edited
              sources: − ex-com-br-2020-10-01 (supports): “olá mundo”
                       + ex-com-br-2020-10-01 (supports): “olá mundo” (pt-BR)

            2023-03-10T00:00:00.000Z  edited
              sources: − ex-com-br-2020-10-01 (supports): “olá mundo” (pt-BR)
                       + ex-com-br-2020-10-01 (supports): “olá mundo” (en)

            """), "\(history)")
    }

    @Test func anEventThatNeverWasIsMissingInput() throws {
        let result = try CLI.run(["history", "nope", "--db", db])
        #expect(result.status == 66 && result.stderr == "timeline: no event has or had the uid 'nope'; `timeline list` shows the uids.\n")
    }
}
