import Foundation
import Testing

/// `timeline sql`: reads anything, writes nothing, whatever the query says.
@Suite struct SQLCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        _ = try CLI.run(["list", "--db", folder.path("timeline.sqlite")])
    }

    static let attempts: [String] = [
        "INSERT INTO events (uid, kind, title, when_edtf, when_precision) VALUES ('x', 'launch', 'x', '2020', 'year')",
        "UPDATE events SET title = 'hacked'",
        "DELETE FROM events",
        "REPLACE INTO event_kinds (name, description) VALUES ('x', 'y')",
        "WITH doomed AS (SELECT id FROM events) DELETE FROM events WHERE id IN doomed",
        "INSERT INTO events SELECT * FROM events RETURNING id",
        "CREATE TABLE evil (x)",
        "CREATE TEMP TABLE evil (x)",
        "CREATE VIEW evil AS SELECT 1",
        "CREATE TRIGGER evil AFTER INSERT ON events BEGIN DELETE FROM events; END",
        "CREATE INDEX evil ON events (title)",
        "DROP TABLE events",
        "DROP VIEW timeline_events",
        "ALTER TABLE events ADD COLUMN evil TEXT",
        "ALTER TABLE events RENAME TO evil",
        "ATTACH DATABASE '/tmp/timeline-evil.sqlite' AS evil",
        "DETACH DATABASE main",
        "VACUUM",
        "VACUUM INTO '/tmp/timeline-evil-copy.sqlite'",
        "REINDEX",
        "ANALYZE",
        "PRAGMA writable_schema = 1",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA user_version = 99",
        "PRAGMA query_only = 0",
        "PRAGMA foreign_keys = OFF",
        "SELECT load_extension('/tmp/evil.so')",
        "BEGIN IMMEDIATE",
        "SAVEPOINT evil",
        "SELECT 1; DELETE FROM events",
        "INSERT INTO event_search (event_search) VALUES ('rebuild')",
        "DELETE FROM event_spans",
    ]

    /// What a refused query does is named as the user wrote it: a CREATE, DROP or ALTER changes
    /// the schema (SQLite asks first for the schema table's row, which the user never named).
    @Test(arguments: [
        ("CREATE TEMP TABLE t(x)", "changes the schema (creates, alters or drops a table, index, view or trigger)"),
        ("CREATE INDEX i ON events(kind)", "changes the schema (creates, alters or drops a table, index, view or trigger)"),
        ("DROP VIEW timeline_events", "changes the schema (creates, alters or drops a table, index, view or trigger)"),
        ("ALTER TABLE events ADD COLUMN z", "changes the schema (creates, alters or drops a table, index, view or trigger)"),
        ("INSERT INTO events (uid) VALUES ('x')", "inserts into events"),
        ("UPDATE events SET title = 'x'", "updates events"),
    ])
    func aRefusalSaysWhatTheQueryDoes(query: String, does: String) throws {
        let result = try CLI.run(["sql", query, "--db", db])
        #expect(result.status == 64)
        #expect(result.stderr == "timeline: timeline sql only reads, and the query \(does).\n", "\(query): \(result.stderr)")
    }

    @Test(arguments: attempts)
    func writesAndEscapesAreRefusedAndChangeNothing(query: String) throws {
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["sql", query, "--db", db])
        #expect(result.status == 64, "\(query): \(result.stderr)")
        #expect(result.stderr.hasPrefix("timeline: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try folder.bytes("timeline.sqlite") == before)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/timeline-evil.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/timeline-evil-copy.sqlite"))
    }

    @Test func aQueryThatNeverEndsIsStopped() throws {
        let before = try folder.bytes("timeline.sqlite")
        let started = Date()
        let result = try CLI.run(["sql", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
                                  "--timeout-ms", "300", "--db", db])
        #expect(result.status == 75)
        #expect(result.stderr.contains("ran longer than 300 ms and was stopped"))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    @Test func readsWithParametersFormatsAndARowLimit() throws {
        let json = try CLI.run(["sql", "SELECT uid, 2 + 3 AS five, 0.5 AS half, NULL AS missing FROM events WHERE kind = :kind ORDER BY uid",
                                "-p", "kind", "layoff", "--format", "json", "--db", db])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["uid"] as? String } == ["amazon-care-layoff-2022-12-01", "care-medical-layoff-2022-12-01"])
        #expect(rows.first?["five"] as? Int == 5)
        #expect(rows.first?["half"] as? Double == 0.5)
        #expect(rows.first?["missing"] is NSNull)

        let limited = try CLI.run(["sql", "SELECT uid FROM events", "--max-rows", "3", "--format", "tsv", "--db", db])
        #expect(limited.status == 0)
        #expect(limited.stdout.split(separator: "\n").count == 4)
        #expect(limited.stderr.contains("stopped after 3 rows"))

        let pragma = try CLI.run(["sql", "PRAGMA table_info(events)", "--format", "csv", "--db", db])
        #expect(pragma.status == 0)
        #expect(pragma.stdout.contains("when_earliest"))
    }

    /// A value that starts with '-' reads as an option after `-p NAME`; `-p NAME=VALUE` binds it,
    /// and either form may follow the other, several to one -p, before or after the query.
    @Test(arguments: [
        ["sql", "SELECT :n + 1 AS a, :m AS b, :t AS c", "-p", "n=-1", "m", "7", "t=a=b"],
        ["sql", "-p", "n=-1", "m", "7", "t=a=b", "SELECT :n + 1 AS a, :m AS b, :t AS c"],
        ["sql", "-p", "n=-1", "-p", "m", "7", "-p", "t", "a=b", "SELECT :n + 1 AS a, :m AS b, :t AS c"],
        ["sql", "-p", "t=a=b", "m=7", "n=-1", "SELECT :n + 1 AS a, :m AS b, :t AS c"],
    ])
    func parametersMayBeWrittenNameEqualsValue(arguments: [String]) throws {
        let result = try CLI.run(arguments + ["--format", "tsv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "a\tb\tc\n0\t7\ta=b\n")
    }

    /// A number binds `?NNN` or a bare `?` by its place, as the message for a missing one says.
    @Test func numberedAndBareParametersBindByTheirPlace() throws {
        let result = try CLI.run(["sql", "SELECT ?1 + 1 AS a, ? AS b, :c AS c", "-p", "1", "5", "2", "x", "c", "y",
                                  "--format", "tsv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "a\tb\tc\n6\tx\ty\n")

        let missing = try CLI.run(["sql", "SELECT ?, ?", "-p", "1", "5", "--db", db])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("timeline: the query's parameter ?2 has no value; give it with -p 2 VALUE."), "\(missing.stderr)")
        let given = try CLI.run(["sql", "SELECT ?, ?", "-p", "1", "5", "-p", "2", "6", "--format", "tsv", "--db", db])
        #expect(given.stdout == "?\t?\n5\t6\n", "\(given.stderr)")
        // `?3` alone makes SQLite count three slots; the two below it are no parameters to give.
        let third = try CLI.run(["sql", "SELECT ?3 AS c", "-p", "3", "x", "--format", "tsv", "--db", db])
        #expect(third.status == 0 && third.stdout == "c\nx\n", "\(third.stderr)")
        let bare = try CLI.run(["sql", "SELECT ?, ?3", "-p", "3", "x", "--db", db])
        #expect(bare.status == 64 && bare.stderr.hasPrefix("timeline: the query's parameter ?1 has no value;"), "\(bare.stderr)")

        let absent = try CLI.run(["sql", "SELECT :n", "-p", "n", "1", "-p", "3", "1", "--db", db])
        #expect(absent.status == 64)
        #expect(absent.stderr.hasPrefix("timeline: -p 3: the query has no parameter ?3."), "\(absent.stderr)")
        // A number does not bind a named parameter that happens to sit in its place.
        let named = try CLI.run(["sql", "SELECT :n", "-p", "1", "5", "--db", db])
        #expect(named.status == 64)
    }

    /// A value binds as a number only when it is written as SQLite writes that number; `007` and
    /// `1.50` stay text, so a text column finds them as written and a numeric one still compares.
    @Test func onlyPlainNumbersBindAsNumbers() throws {
        let values = ["42", "-3", "0.5", "3.0", "007", "1.50", "+3", "1e3", "abc"]
        let result = try CLI.run(["sql", "SELECT " + values.indices.map { "typeof(?\($0 + 1))" }.joined(separator: " || ' ' || ") + " AS t",
                                  "-p"] + values.enumerated().map { "\($0.offset + 1)=\($0.element)" } + ["--format", "tsv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "t\ninteger integer real real text text text text text\n")
        // A figure's value is text as written ("-99000"): the text binding finds it, and a
        // numeric comparison still reads "007" as 7.
        let figure = try CLI.run(["sql", "SELECT count(*) AS n FROM measures WHERE value = :v AND CAST(value AS INTEGER) < :w + 0",
                                  "-p", "v=-99000", "w", "007", "--format", "tsv", "--db", db])
        #expect(figure.stdout == "n\n1\n", "\(figure.stderr)")
    }

    /// A JSON object holds a key once: repeated column names get keys of their own, and a note says so.
    @Test func repeatedColumnsKeepTheirValuesInJSON() throws {
        for format in ["json", "ndjson"] {
            let result = try CLI.run(["sql", "SELECT 1 AS a, 2 AS a, 3 AS a_2, 'x' AS b, 'y' AS b", "--format", format, "--db", db])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(#"{"a":1,"a_3":2,"a_2":3,"b":"x","b_2":"y"}"#), "\(result.stdout)")
            #expect(result.stderr == "timeline: a JSON object holds a key once, so repeated columns are written under keys of their own: 'a' as 'a_3', 'b' as 'b_2'.\n")
        }
        let csv = try CLI.run(["sql", "SELECT 1 AS a, 2 AS a", "--format", "csv", "--db", db])
        #expect(csv.stdout == "a,a\r\n1,2\r\n" && csv.stderr.isEmpty, "CSV keeps the names as they are")
    }

    /// A query with '=' after the parameters is the query, not a NAME=VALUE.
    @Test func aQueryAfterTheParametersMayHoldAnEqualsSign() throws {
        let result = try CLI.run(["sql", "-p", "k", "layoff", "SELECT count(*) AS n FROM events WHERE kind = :k",
                                  "--format", "tsv", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "n\n2\n")
    }

    @Test(arguments: [
        (["SELECT :n", "-p", "n", "-1"], "-p n has no value: write -p n VALUE, or -p n=VALUE when the value starts with '-'"),
        (["SELECT 1", "-p", "=5"], "-p =5 has no name before its '='"),
        (["SELECT 1", "-p", "n", "5", "SELECT 2"], "-p: 'SELECT 2' is no parameter name"),
        (["SELECT 1", "-p", "a b", "5"], "-p: 'a b' is no parameter name"),
        (["-p", "n", "5"], "missing expected argument '<query>'"),
        (["-p", "n=5"], "missing expected argument '<query>'"),
    ])
    func parameterMistakesAreNamed(arguments: [String], message: String) throws {
        let result = try CLI.run(["sql"] + arguments + ["--db", db])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("timeline: " + message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func aMissingDatabaseIsNotCreated() throws {
        let result = try CLI.run(["sql", "SELECT 1", "--db", folder.path("absent.sqlite")])
        #expect(result.status == 66)
        #expect(!FileManager.default.fileExists(atPath: folder.path("absent.sqlite")))
    }
}
