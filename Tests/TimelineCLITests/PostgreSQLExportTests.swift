import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `timeline export --format sql --dialect postgresql`, loaded by the real psql into a private
/// PostgreSQL server that each test starts in its own temporary folder and stops at the end.
@Suite struct PostgreSQLExportTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    // MARK: - Against a real server

    @Test(.enabled(if: PostgreSQLServer.isInstalled, PostgreSQLServer.notInstalled))
    func loadsIntoAnEmptyDatabaseGivingBackEveryRowExactly() throws {
        let database = try timelineDatabase()
        let dump = try export(database)
        let server = try PostgreSQLServer(in: folder)
        defer { server.stop() }
        try server.createDatabase("timeline")
        let load = try server.psql(["-f", dump])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(!load.stderr.contains("ERROR"), "\(load.stderr)")

        try expectSameTables(sqlite: database, postgreSQL: server)

        // The events as `timeline list` shows them.
        let listed = try CLI.run(["list", "--db", database, "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let loaded = try server.jsonRows("""
            SELECT json_agg(json_build_object('uid', uid, 'kind', kind, 'status', status, 'title', title, 'when', when_edtf,
                'earliest', when_earliest, 'latest', when_latest, 'announced', announced_edtf,
                'announced_earliest', announced_earliest, 'announced_latest', announced_latest) ORDER BY uid)
            FROM events
            """)
        #expect(events.count >= 10)
        #expect(loaded.count == events.count)
        let loadedByUID = Dictionary(uniqueKeysWithValues: loaded.map { ($0["uid"] as? String ?? "", $0) })
        for event in events {
            let uid = try #require(event["uid"] as? String)
            let row = try #require(loadedByUID[uid], "event \(uid) is missing from PostgreSQL")
            for field in ["kind", "status", "title", "when", "earliest", "latest", "announced", "announced_earliest", "announced_latest"] {
                #expect(row[field] as? String == event[field] as? String, "\(uid).\(field)")
            }
        }

        // Exact decimal figures, and the French quotes with their accents and typographic apostrophes.
        let sqliteValues = try sqlite(database, "SELECT value FROM measures ORDER BY id")
        #expect(try server.query("SELECT value FROM measures ORDER BY id") == sqliteValues)
        #expect(sqliteValues.contains("-99000"))
        let frenchQuotes = try server.jsonRows("SELECT json_agg(json_build_object('quote', quote) ORDER BY id) FROM citations WHERE quote_language = 'fr'")
            .map { $0["quote"] as? String ?? "" }
        #expect(frenchQuotes == (try sqlite(database, "SELECT hex(quote) FROM citations WHERE quote_language = 'fr' ORDER BY id").map(Self.decodeHex)))
        #expect(frenchQuotes.contains { $0.contains("employés d’Amazon") })

        // The migration history goes along, so the history of the schema stays readable.
        #expect(try server.query("SELECT kind || ' ' || version || ' ' || name FROM schema_migrations ORDER BY kind, version")
            == (try sqlite(database, "SELECT kind || ' ' || version || ' ' || name FROM schema_migrations ORDER BY kind, version")))
    }

    @Test(.enabled(if: PostgreSQLServer.isInstalled, PostgreSQLServer.notInstalled))
    func loadingTwiceStopsAtTheFirstErrorAndChangesNothing() throws {
        let database = try timelineDatabase()
        let dump = try export(database)
        let server = try PostgreSQLServer(in: folder)
        defer { server.stop() }
        try server.createDatabase("timeline")
        let first = try server.psql(["-f", dump])
        #expect(first.status == 0, "\(first.stderr)")
        let counts = try server.query("SELECT (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM citations) || ' ' || (SELECT count(*) FROM schema_migrations)")

        // No -v ON_ERROR_STOP=1 here: the dump sets it itself, so psql stops (exit 3) at the first error.
        let second = try server.psql(["-f", dump], stopOnError: false)
        #expect(second.status == 3, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("already exists"))
        #expect(second.stderr.components(separatedBy: "ERROR").count == 2, "one error, then nothing more: \(second.stderr)")
        #expect(try server.query("SELECT (SELECT count(*) FROM events) || ' ' || (SELECT count(*) FROM citations) || ' ' || (SELECT count(*) FROM schema_migrations)") == counts)
        try expectSameTables(sqlite: database, postgreSQL: server)

        // A load that fails near its end leaves an empty database empty: one transaction.
        var broken = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dump)), as: UTF8.self)
        let commit = try #require(broken.range(of: "COMMIT;\n", options: .backwards))
        broken.replaceSubrange(commit, with: "SELECT 1 / 0;\nCOMMIT;\n")
        try Data(broken.utf8).write(to: URL(fileURLWithPath: folder.path("broken.sql")))
        try server.createDatabase("broken")
        let failed = try server.psql(["-f", folder.path("broken.sql")], database: "broken")
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("division by zero"))
        #expect(try server.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", database: "broken") == ["0"])
    }

    @Test(.enabled(if: PostgreSQLServer.isInstalled, PostgreSQLServer.notInstalled))
    func awkwardTextRoundTripsByteForByte() throws {
        let database = try timelineDatabase()
        let awkward = "quote ' double \" backslash \\ \\N \\t tab\there newline\n\\.\nafter the end marker\r\ncarriage\r"
            + "\u{1}\u{7F} emoji 🙂👩‍👩‍👧 RTL שלום عربي « guillemets » e\u{301} zero-width\u{200B}joiner"
        let edit = """
            UPDATE events SET title = \(Self.sqliteLiteral(awkward)), summary = '' WHERE uid = 'amazon-care-launch-2019-09';
            UPDATE events SET summary = NULL WHERE uid = 'amazon-care-expansion-2021-03-17';
            UPDATE citations SET quote = \(Self.sqliteLiteral("\\\\server\\share\t'quoted'\n")) WHERE id = (SELECT min(id) FROM citations WHERE quote IS NOT NULL);
            UPDATE measures SET value = '12345678901234567890.000000001' WHERE id = (SELECT min(id) FROM measures);
            """
        let edited = try CLI.run(["-batch", database], executable: Self.sqlite3, stdin: Data(edit.utf8))
        #expect(edited.status == 0, "\(edited.stderr)")
        let dump = try export(database)

        let server = try PostgreSQLServer(in: folder)
        defer { server.stop() }
        try server.createDatabase("timeline")
        let load = try server.psql(["-f", dump])
        #expect(load.status == 0, "\(load.stderr)")
        try expectSameTables(sqlite: database, postgreSQL: server)

        let titles = try server.jsonRows("SELECT json_agg(json_build_object('title', title, 'summary', summary)) FROM events WHERE uid = 'amazon-care-launch-2019-09'")
        #expect(titles.first?["title"] as? String == awkward)
        #expect(titles.first?["summary"] as? String == "", "empty text stays empty text, not NULL")
        #expect(try server.query("SELECT summary IS NULL FROM events WHERE uid = 'amazon-care-expansion-2021-03-17'") == ["t"])
        #expect(try server.query("SELECT value FROM measures ORDER BY id LIMIT 1") == ["12345678901234567890.000000001"])
    }

    @Test(.enabled(if: PostgreSQLServer.isInstalled, PostgreSQLServer.notInstalled))
    func keysChecksAndDefaultsRefuseAndFillAsSQLiteDoes() throws {
        let database = try timelineDatabase()
        let dump = try export(database)
        let server = try PostgreSQLServer(in: folder)
        defer { server.stop() }
        try server.createDatabase("timeline")
        let load = try server.psql(["-f", dump])
        #expect(load.status == 0, "\(load.stderr)")

        // The GLOB checks on measure values and slugs, translated to regular expressions, accept
        // and refuse exactly what SQLite does.
        let values = ["0", "12", "-99000", "30.50", "1.2.3", "-", "1-2", "1.", ".5", "abc", "", "1e5", "--1", "-.5", "٣", "12\n", "7 ", "+1"]
        let sqliteAccepted = try sqliteAcceptedValues(database, values, insert: { value in
            "INSERT OR IGNORE INTO measures (event_id, quantity, value, unit) VALUES ((SELECT min(id) FROM events), 'probe', \(value), 'person');"
        }, select: "SELECT hex(value) FROM measures WHERE quantity = 'probe'")
        let postgreSQLAccepted = try server.acceptedValues(values, insert: """
            INSERT INTO measures (event_id, quantity, value, unit) VALUES ((SELECT min(id) FROM events), 'probe', v, 'person')
            """, select: "SELECT upper(encode(convert_to(value, 'UTF8'), 'hex')) FROM measures WHERE quantity = 'probe'")
        #expect(postgreSQLAccepted == sqliteAccepted)
        #expect(sqliteAccepted.count >= 4 && sqliteAccepted.count <= values.count - 8, "\(sqliteAccepted)")

        let slugs = ["ok-slug", "Bad", "a b", "", "é", "a_b", "123", "x-", "tab\t"]
        let sqliteSlugs = try sqliteAcceptedValues(database, slugs, insert: { slug in
            "INSERT OR IGNORE INTO entities (slug, name, type) VALUES (\(slug), 'Probe', 'organisation');"
        }, select: "SELECT hex(slug) FROM entities WHERE name = 'Probe'")
        let postgreSQLSlugs = try server.acceptedValues(slugs, insert: "INSERT INTO entities (slug, name, type) VALUES (v, 'Probe', 'organisation')",
                                                        select: "SELECT upper(encode(convert_to(slug, 'UTF8'), 'hex')) FROM entities WHERE name = 'Probe'")
        #expect(postgreSQLSlugs == sqliteSlugs)
        #expect(sqliteSlugs.count == 3, "\(sqliteSlugs)")

        // Ids go on where SQLite's would; defaults fill in, recorded_at in SQLite's format.
        let nextID = try sqlite(database, "SELECT max(id) + 1 FROM events")
        let inserted = try server.query("INSERT INTO events (uid, kind, title, when_edtf, when_precision) VALUES ('probe', 'launch', 'Probe', '2022', 'year') RETURNING id || ' ' || status || ' ' || recorded_at")
        let parts = try #require(inserted.first?.split(separator: " ").map(String.init))
        #expect(parts.count == 3)
        #expect(parts.first == nextID.first)
        #expect(parts.dropFirst().first == "occurred")
        #expect(parts.last?.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil, "\(parts)")
        let sqliteRecordedAt = try sqlite(database, "SELECT recorded_at FROM events LIMIT 1")
        #expect(sqliteRecordedAt.first?.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#, options: .regularExpression) != nil)

        // Foreign keys refuse what points nowhere, and cascade where SQLite's do.
        let badKind = try server.psql(["-c", "INSERT INTO events (uid, kind, title, when_edtf, when_precision) VALUES ('probe-2', 'no-such-kind', 'Probe', '2022', 'year')"])
        #expect(badKind.status != 0)
        #expect(badKind.stderr.contains("foreign key"))
        let citing = "SELECT count(*) FROM citations WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09')"
        #expect(try server.query(citing) != ["0"])
        let cascade = try server.query("""
            CREATE TEMP TABLE gone AS SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09';
            DELETE FROM events WHERE uid = 'amazon-care-launch-2019-09';
            SELECT count(*) FROM citations WHERE event_id IN (SELECT id FROM gone)
            """)
        #expect(cascade == ["0"])
    }

    @Test(.enabled(if: PostgreSQLServer.isInstalled, PostgreSQLServer.notInstalled))
    func tablesAddedWithTheSQLiteShellLoadWithEveryKindOfColumnKeyAndIndex() throws {
        let database = try timelineDatabase()
        let schema = #"""
            PRAGMA foreign_keys = ON;
            CREATE TABLE "Odd ""Name""" (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                parent_id INTEGER REFERENCES "Odd ""Name""" ON DELETE SET NULL,
                ratio REAL NOT NULL DEFAULT -0.5,
                amount NUMERIC,
                payload BLOB DEFAULT X'00FF',
                label TEXT COLLATE BINARY DEFAULT CURRENT_TIMESTAMP CHECK (length(label) <= 40),
                code TEXT CHECK (code LIKE 'A%'),
                day TEXT DEFAULT (date('now')),
                CHECK (parent_id IS NOT id)
            );
            CREATE TABLE pairs (a TEXT NOT NULL, b INTEGER NOT NULL, note TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID;
            CREATE INDEX odd_by_label ON "Odd ""Name""" (label COLLATE NOCASE DESC);
            CREATE INDEX odd_positive ON "Odd ""Name""" (amount) WHERE amount > 0;
            CREATE UNIQUE INDEX pairs_note ON pairs (note) WHERE note IS NOT NULL;
            CREATE INDEX odd_by_code ON "Odd ""Name""" (lower(code));
            INSERT INTO "Odd ""Name""" (parent_id, ratio, amount, payload, label, code) VALUES (NULL, 0.1 + 0.2, 12.5, X'000102FF', 'first', 'Abc');
            INSERT INTO "Odd ""Name""" (parent_id, ratio, amount, payload, label, code) VALUES (1, 1e999, 123456789012345678, X'', NULL, NULL);
            INSERT INTO "Odd ""Name""" (parent_id, ratio, amount, payload, label, code) VALUES (2, -1e-300, NULL, NULL, 'third', 'A');
            INSERT INTO "Odd ""Name""" (ratio) VALUES (4);
            DELETE FROM "Odd ""Name""" WHERE id = 4;
            INSERT INTO pairs VALUES ('z', 1, NULL), ('a', 1, 'n'), ('é', 2, 'm');
            """#
        let added = try CLI.run(["-batch", database], executable: Self.sqlite3, stdin: Data(schema.utf8))
        #expect(added.status == 0, "\(added.stderr)")
        let dump = try export(database)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dump)), as: UTF8.self)
        #expect(text.contains("-- Left out of \"Odd \"\"Name\"\"\": CHECK (code LIKE 'A%') (no PostgreSQL translation)."))
        #expect(text.contains("-- Left out: index \"odd_by_code\""))

        let server = try PostgreSQLServer(in: folder)
        defer { server.stop() }
        try server.createDatabase("timeline")
        let load = try server.psql(["-f", dump])
        #expect(load.status == 0, "\(load.stderr)")
        try expectSameTables(sqlite: database, postgreSQL: server)

        // AUTOINCREMENT never reuses 4; the defaults fill in; the keys and indexes are there.
        let inserted = try server.query(#"""
            INSERT INTO "Odd ""Name""" DEFAULT VALUES RETURNING id || ' ' || ratio || ' ' || encode(payload, 'hex') || ' ' || (day = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD')) || ' ' || (label ~ '^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$')
            """#)
        #expect(inserted == ["5 -0.5 00ff true true"])
        #expect(try server.query("SELECT indexname FROM pg_indexes WHERE indexname IN ('odd_by_label', 'odd_positive', 'pairs_note') ORDER BY indexname") == ["odd_by_label", "odd_positive", "pairs_note"])
        #expect(try server.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'pairs_note'").first?.hasSuffix("WHERE (note IS NOT NULL)") == true)
        let duplicate = try server.psql(["-c", "INSERT INTO pairs VALUES ('b', 3, 'n')"])
        #expect(duplicate.stderr.contains("pairs_note"), "the partial unique index refuses a second 'n'")
        let deleted = try server.query("DELETE FROM \"Odd \"\"Name\"\"\" WHERE id = 1; SELECT parent_id IS NULL FROM \"Odd \"\"Name\"\"\" WHERE id = 2")
        #expect(deleted == ["t"], "ON DELETE SET NULL carried over")
    }

    // MARK: - Without a server

    @Test func sameDatabaseAndItsSQLiteCopyGiveTheSameBytes() throws {
        let database = try timelineDatabase()
        let first = try export(database, to: "first.sql")
        let second = try export(database, to: "second.sql")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))

        let sqliteDump = try CLI.run(["export", "--format", "sql", "--db", database])
        #expect(sqliteDump.status == 0, "\(sqliteDump.stderr)")
        let copy = folder.path("copy.sqlite")
        let rebuilt = try CLI.run(["-batch", copy], executable: Self.sqlite3, stdin: Data(sqliteDump.stdout.utf8))
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        let fromCopy = try export(copy, to: "copy.sql")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fromCopy)) == Data(contentsOf: URL(fileURLWithPath: first)))

        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: first)), as: UTF8.self)
        #expect(text.contains("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n"))
        #expect(text.hasSuffix("COMMIT;\n"))
        #expect(!text.contains("CREATE VIRTUAL TABLE") && !text.contains("CREATE TRIGGER") && !text.contains("CREATE VIEW"))
        #expect(text.contains("-- Left out: virtual table \"event_search\"."))
    }

    @Test func textWithANULByteIsRefusedNamingTableRowAndColumn() throws {
        let database = try timelineDatabase()
        let edit = "UPDATE events SET title = 'before' || char(0) || 'after' WHERE uid = 'amazon-care-launch-2019-09';"
        let edited = try CLI.run(["-batch", database], executable: Self.sqlite3, stdin: Data(edit.utf8))
        #expect(edited.status == 0, "\(edited.stderr)")
        let id = try sqlite(database, "SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09'")
        let output = folder.path("refused.sql")
        let result = try CLI.run(["export", "--format", "sql", "--dialect", "postgresql", "--db", database, "--output", output])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("column \"title\" of table \"events\", row \(id.first ?? "?")"), "\(result.stderr)")
        #expect(result.stderr.contains("NUL"))
        #expect(!FileManager.default.fileExists(atPath: output), "no half-written dump is left")
    }

    // MARK: - Helpers

    static let sqlite3 = URL(fileURLWithPath: "/usr/bin/sqlite3")

    /// A database created, migrated and seeded by the tool itself.
    func timelineDatabase() throws -> String {
        let path = folder.path("timeline.sqlite")
        if !FileManager.default.fileExists(atPath: path) {
            let created = try CLI.run(["list", "--db", path])
            #expect(created.status == 0, "\(created.stderr)")
        }
        return path
    }

    func export(_ database: String, to name: String = "dump.sql") throws -> String {
        let path = folder.path(name)
        let result = try CLI.run(["export", "--format", "sql", "--dialect", "postgresql", "--db", database, "--output", path])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    func sqlite(_ database: String, _ sql: String) throws -> [String] {
        let result = try CLI.run(["-batch", "-readonly", database, sql], executable: Self.sqlite3)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Every table, every column, every row: integers and text (as hex of its UTF-8) byte for
    /// byte, blobs as hex, reals and numerics as the same Double.
    func expectSameTables(sqlite database: String, postgreSQL server: PostgreSQLServer) throws {
        let tables = try sqlite(database, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")
        #expect(tables.contains("events") && tables.contains("schema_migrations"))
        #expect(try server.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\"") == tables)
        for table in tables {
            let quotedTable = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let columns = try sqlite(database, "SELECT name || ' ' || type FROM pragma_table_info('\(table.replacingOccurrences(of: "'", with: "''"))') ORDER BY cid")
                .map { $0.split(separator: " ", maxSplits: 1).map(String.init) }
            var sqliteColumns: [String] = []
            var postgreSQLColumns: [String] = []
            var numberFields: Set<Int> = []
            for (index, column) in columns.enumerated() {
                let name = "\"" + column[0].replacingOccurrences(of: "\"", with: "\"\"") + "\""
                let type = column.count > 1 ? column[1].uppercased() : ""
                if type.contains("INT") {
                    sqliteColumns.append("coalesce(CAST(\(name) AS TEXT), 'NULL')")
                    postgreSQLColumns.append("coalesce(\(name)::text, 'NULL')")
                } else if type.contains("BLOB") {
                    sqliteColumns.append("CASE WHEN \(name) IS NULL THEN 'NULL' ELSE hex(\(name)) END")
                    postgreSQLColumns.append("coalesce(upper(encode(\(name), 'hex')), 'NULL')")
                } else if type.contains("REAL") || type.contains("NUMERIC") {
                    numberFields.insert(index)
                    sqliteColumns.append("CASE WHEN \(name) IS NULL THEN 'NULL' ELSE printf('%!.17g', \(name)) END")
                    postgreSQLColumns.append("coalesce(\(name)::text, 'NULL')")
                } else {
                    sqliteColumns.append("CASE WHEN \(name) IS NULL THEN 'NULL' ELSE hex(\(name)) END")
                    postgreSQLColumns.append("coalesce(upper(encode(convert_to(\(name), 'UTF8'), 'hex')), 'NULL')")
                }
            }
            // Reals print differently in the two (17 digits, shortest): compare the numbers they read as.
            func normalized(_ rows: [String]) -> [String] {
                rows.map { row in
                    row.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, field in
                        numberFields.contains(index) ? Double(field).map { "\($0)" } ?? String(field) : String(field)
                    }.joined(separator: ",")
                }.sorted()
            }
            let fromSQLite = normalized(try sqlite(database, "SELECT \(sqliteColumns.joined(separator: " || ',' || ")) FROM \(quotedTable)"))
            let fromPostgreSQL = normalized(try server.query("SELECT \(postgreSQLColumns.joined(separator: " || ',' || ")) FROM \(quotedTable)"))
            #expect(fromPostgreSQL.count == fromSQLite.count, "row count of \(table)")
            let firstDifference = zip(fromSQLite, fromPostgreSQL).first { $0 != $1 }.map { "SQLite \($0.0) / PostgreSQL \($0.1)" }
            #expect(firstDifference == nil, "rows of \(table)")
        }
    }

    /// Which of the values SQLite's constraints let in, as hex.
    func sqliteAcceptedValues(_ database: String, _ values: [String], insert: (String) -> String, select: String) throws -> [String] {
        let script = values.map { insert(Self.sqliteLiteral($0)) }.joined(separator: "\n") + "\n" + select + ";\n"
        let result = try CLI.run(["-batch", database], executable: Self.sqlite3, stdin: Data(script.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    /// An SQLite literal for any text: control characters other than newline go through char().
    static func sqliteLiteral(_ text: String) -> String {
        var parts: [String] = []
        var plain = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" || scalar.value == 0x7F {
                parts.append("'" + plain.replacingOccurrences(of: "'", with: "''") + "'")
                parts.append("char(\(scalar.value))")
                plain = ""
            } else {
                plain.unicodeScalars.append(scalar)
            }
        }
        parts.append("'" + plain.replacingOccurrences(of: "'", with: "''") + "'")
        return "(" + parts.joined(separator: " || ") + ")"
    }

    static func decodeHex(_ hex: String) -> String {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex) {
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A throwaway PostgreSQL server: its own data folder, a free port on 127.0.0.1 only, a unix
/// socket in its folder. initdb and the server refuse to run as root, so as root they run as the
/// `postgres` user (which Debian's package creates) through runuser.
final class PostgreSQLServer {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var isInstalled: Bool { binaries != nil }
    static let notInstalled: Comment = "PostgreSQL's initdb is not installed (no /usr/lib/postgresql/*/bin/initdb): apt-get install postgresql, as .ci/run does"

    /// The newest `/usr/lib/postgresql/VERSION/bin` that has initdb.
    static let binaries: URL? = {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for version in versions.sorted(by: { (Double($0) ?? 0) > (Double($1) ?? 0) }) {
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        return nil
    }()

    let bin: URL
    let root: URL
    let dataDirectory: String
    let socketDirectory: String
    private(set) var port = 0
    private var running = false
    private let runAsPostgres = getuid() == 0

    init(in folder: TemporaryFolder) throws {
        guard let bin = Self.binaries else { throw Failure(description: "PostgreSQL's initdb is not installed") }
        self.bin = bin
        root = folder.url.appendingPathComponent("postgresql")
        dataDirectory = root.appendingPathComponent("data").path
        socketDirectory = root.appendingPathComponent("socket").path
        try FileManager.default.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        if runAsPostgres {
            guard let user = getpwnam("postgres") else {
                throw Failure(description: "running as root, and there is no postgres user to run initdb as")
            }
            for path in [root.path, socketDirectory] where chown(path, user.pointee.pw_uid, user.pointee.pw_gid) != 0 {
                throw Failure(description: "cannot give \(path) to the postgres user: \(String(cString: strerror(errno)))")
            }
        }
        chmod(root.path, 0o700)

        let initdb = try asServerUser("initdb", [
            "-D", dataDirectory, "-U", "postgres", "--encoding=UTF8", "--no-locale",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
        ])
        guard initdb.status == 0 else { throw Failure(description: "initdb failed: \(initdb.stderr)") }

        // Another process may take the free port between the look and the start: try a few.
        var lastError = ""
        for _ in 0..<5 {
            port = try Self.freePort()
            let options = "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories='\(socketDirectory)' -c fsync=off -c full_page_writes=off"
            let start = try asServerUser("pg_ctl", ["-D", dataDirectory, "-l", root.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o", options, "start"])
            if start.status == 0 {
                running = true
                return
            }
            lastError = start.stderr + ((try? String(contentsOfFile: root.appendingPathComponent("server.log").path, encoding: .utf8)) ?? "")
        }
        throw Failure(description: "pg_ctl start failed: \(lastError)")
    }

    deinit { stop() }

    func stop() {
        guard running else { return }
        running = false
        _ = try? asServerUser("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"])
    }

    /// initdb and pg_ctl as the postgres user when running as root, else as ourselves.
    ///
    /// Spawned and awaited here rather than through Foundation's Process, whose exit monitoring
    /// was seen to miss runuser's exit after `pg_ctl start` and wait forever; output goes to a file.
    private func asServerUser(_ tool: String, _ arguments: [String]) throws -> CLIResult {
        let executable = bin.appendingPathComponent(tool).path
        let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/sbin/runuser"
        let command = runAsPostgres ? [runuser, "-u", "postgres", "--", executable] + arguments : [executable] + arguments
        let outputPath = root.appendingPathComponent("\(tool).out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables: [String] = ["PATH=/usr/bin:/bin", "LC_ALL=C"]
        let environment = variables.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environment)
        guard spawned == 0 else { throw Failure(description: "cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        // Wait at most two minutes: a stuck server start fails the test instead of hanging it.
        var status: Int32 = 0
        var waited = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if waited > 120_000 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw Failure(description: "\(tool) did not finish within two minutes")
            }
            usleep(20_000)
            waited += 20
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros Swift does not import.
        let exitStatus: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return CLIResult(status: exitStatus, stdout: output, stderr: output)
    }

    private var connection: [String] { ["-h", socketDirectory, "-p", String(port), "-U", "postgres"] }

    func createDatabase(_ name: String) throws {
        let result = try CLI.run(connection + [name], executable: bin.appendingPathComponent("createdb"))
        guard result.status == 0 else { throw Failure(description: "createdb \(name) failed: \(result.stderr)") }
    }

    /// psql, ignoring any ~/.psqlrc, stopping at the first error unless told not to.
    func psql(_ arguments: [String], database: String = "timeline", stopOnError: Bool = true) throws -> CLIResult {
        try CLI.run(["-X", "-q"] + (stopOnError ? ["-v", "ON_ERROR_STOP=1"] : []) + connection + ["-d", database] + arguments,
                    environment: ["PGCLIENTENCODING": "UTF8"], executable: bin.appendingPathComponent("psql"))
    }

    /// The rows of a query, one line each, columns separated by `|`.
    func query(_ sql: String, database: String = "timeline") throws -> [String] {
        let result = try psql(["-A", "-t", "-c", sql], database: database)
        guard result.status == 0 else { throw Failure(description: "psql failed on `\(sql)`: \(result.stderr)") }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// A query that gives one JSON array of objects.
    func jsonRows(_ sql: String) throws -> [[String: Any]] {
        let text = try query(sql).joined(separator: "\n")
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
    }

    /// Which of the values the table's constraints let in, as hex: each insert in its own
    /// subtransaction, a CHECK refusal caught and any other error left to fail the query.
    func acceptedValues(_ values: [String], insert: String, select: String) throws -> [String] {
        let array = values.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" }.joined(separator: ", ")
        let sql = """
            DO $$
            DECLARE v text;
            BEGIN
                FOREACH v IN ARRAY ARRAY[\(array)]::text[] LOOP
                    BEGIN
                        \(insert);
                    EXCEPTION WHEN check_violation THEN NULL;
                    END;
                END LOOP;
            END $$;
            \(select);
            """
        return try query(sql).sorted()
    }

    /// A port nobody listens on now: bind port 0 on 127.0.0.1 and ask which one the kernel gave.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "cannot bind a port on 127.0.0.1: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
