import Foundation
import SQLiteStorage
import Testing
import TimelineCore

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

@Suite struct CheckBackupTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func sqlite(_ sql: String, _ path: String? = nil) throws -> CLIResult {
        try CLI.run([path ?? db, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
    }

    /// A damaged file: check lists what SQLite's integrity check finds, page by page, as errors
    /// (it had said only "damaged"), even when the damage stops the check itself; the file stays
    /// as it was.
    @Test func aDamagedFileIsReportedPageByPage() throws {
        try CLI.run(["list", "--db", db])
        #expect(try sqlite("PRAGMA journal_mode = DELETE").stdout == "delete\n")
        let pageCount = try #require(Int(try sqlite("PRAGMA page_count").stdout.trimmed))
        #expect(pageCount > 50)
        var bytes = try folder.bytes("timeline.sqlite")
        let pageSize = 4096
        for index in (40 * pageSize)..<(43 * pageSize) { bytes[index] = 0x55 }
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        let result = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(result.status == 65)
        let lines = result.stdout.split(separator: "\n").dropFirst()
        #expect(lines.contains { $0.hasPrefix("error\tintegrity\tPage 4") }, "\(result.stdout)\(result.stderr)")
        #expect(lines.allSatisfy { $0.hasPrefix("error\tintegrity\t") })
        #expect(result.stderr.hasPrefix("timeline: check found \(lines.count) errors and 0 warnings."), "\(result.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == bytes, "left as it was")
    }

    /// A file written beside its place and renamed over it keeps the permissions of the one it
    /// replaces; a new backup takes the database's, a new export what creating a file gives.
    @Test func writtenFilesKeepTheirPermissions() throws {
        func mode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
        }
        func setMode(_ path: String, _ mode: Int) throws {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let export = folder.path("private.csv")
        #expect(FileManager.default.createFile(atPath: export, contents: Data()))
        try setMode(export, 0o600)
        #expect(try CLI.run(["export", "--format", "csv", "--db", db, "--output", export]).status == 0)
        #expect(try mode(export) == 0o600)
        // The read, write and execute bits only: no set-user-id bit goes with them.
        try setMode(export, 0o4755)
        #expect(try CLI.run(["export", "--format", "csv", "--db", db, "--output", export]).status == 0)
        #expect(try mode(export) == 0o755)
        let fresh = folder.path("fresh.csv")
        #expect(try CLI.run(["export", "--format", "csv", "--db", db, "--output", fresh]).status == 0)
        let mask = umask(0o022)
        umask(mask)
        #expect(try mode(fresh) == 0o666 & ~Int(mask))
        try setMode(db, 0o640)
        let backup = folder.path("backup.sqlite")
        #expect(try CLI.run(["backup", backup, "--db", db]).status == 0)
        #expect(try mode(backup) == 0o640)
        try setMode(backup, 0o600)
        #expect(try CLI.run(["backup", backup, "--db", db]).status == 0)
        #expect(try mode(backup) == 0o600)
    }

    /// A table's page damaged inside its cells: every read of it fails as damage, never rows of
    /// garbage with exit 0 (an SQL export passed 1 run in 4 before cells were checked against
    /// their page), and a write into it is refused, the file left as it was.
    @Test func aDamagedPageIsNeverReadAsRows() throws {
        try CLI.run(["list", "--db", db])
        #expect(try sqlite("PRAGMA journal_mode = DELETE").stdout == "delete\n")
        let root = try #require(Int(try sqlite("SELECT rootpage FROM sqlite_schema WHERE name = 'measures'").stdout.trimmed))
        var bytes = try folder.bytes("timeline.sqlite")
        for index in ((root - 1) * 4096 + 8)..<((root - 1) * 4096 + 72) { bytes[index] = 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: db))
        for _ in 0..<12 {
            let export = try CLI.run(["export", "--format", "sql", "--db", db])
            #expect(export.status == 65 && export.stderr.contains("is damaged"), "\(export.status) \(export.stderr)")
            let rows = try CLI.run(["sql", "SELECT id, event_id, quantity FROM measures", "--db", db])
            #expect(rows.status == 65, "\(rows.status) \(rows.stdout.prefix(200))")
        }
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "X", "--entity", "Foo", "--measure", "q=5:person"])
        #expect(added.status == 65 && added.stderr.contains("is damaged"), "\(added.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == bytes, "left as it was")
    }

    @Test func theSeedIsClean() throws {
        #expect(try CLI.run(["check", "--db", db]).status == 66, "no database, nothing created")
        #expect(!FileManager.default.fileExists(atPath: db))
        try CLI.run(["list", "--db", db])
        let result = try CLI.run(["check", "--db", db])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix("ok:"))
    }

    /// A date changed by another tool without the columns worked out from it, or to text that is
    /// no date, is an error; the repair works the columns out again from the EDTF, so ranges
    /// find the event at its new date, and writes the database in WAL mode.
    @Test func datesChangedByOtherToolsAreFoundAndRepaired() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite("UPDATE events SET when_edtf = '2020' WHERE uid = 'amazon-care-launch-2019-09'; PRAGMA journal_mode = DELETE;")
        var result = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("error\tdates\tevent amazon-care-launch-2019-09: the span, precision and flags stored for its when date (2019-09-01 … 2019-09-30, month) are not those of its EDTF '2020' (2020-01-01 … 2020-12-31, year)"),
                "\(result.stdout)")
        func foundInJune2020() throws -> Bool {
            try CLI.run(["list", "--db", db, "--from", "2020-06", "--to", "2020-06", "--format", "tsv"]).stdout.contains("\namazon-care-launch-2019-09\t")
        }
        #expect(try !foundInJune2020(), "not found by its new date yet")
        result = try CLI.run(["check", "--db", db, "--repair-lists"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "timeline: note: --repair-lists put right 1 date and 1 date label.\n", "what it repaired")
        #expect(try foundInJune2020())
        #expect(try CLI.run(["check", "--db", db, "--repair-lists"]).stderr
                == "timeline: note: --repair-lists found every stored list, date and label right already.\n")
        #expect(try sqlite("PRAGMA journal_mode").stdout == "wal\n", "the repair is a write like any other")

        _ = try sqlite("UPDATE events SET when_edtf = 'banana' WHERE uid = 'amazon-care-launch-2019-09';")
        result = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("error\tdates\tevent amazon-care-launch-2019-09: its when date 'banana' cannot be read"), "\(result.stdout)")
    }

    @Test func findsUncitedEventsBrokenReferencesAndChangedMigrations() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite("DELETE FROM citations WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09');")
        // Warnings alone fail a plain check, not one that asks for errors only.
        let warned = try CLI.run(["check", "--db", db, "--errors-only", "--format", "tsv"])
        #expect(warned.status == 0 && warned.stdout.contains("warning\tcitations\t") && warned.stderr == "timeline: note: check found 0 errors and 1 warning.\n",
                "\(warned.stdout)\(warned.stderr)")
        #expect(try CLI.run(["check", "--db", db]).status == 65)
        _ = try sqlite("PRAGMA foreign_keys = OFF; INSERT INTO event_tags (event_id, tag) VALUES (999999, 'orphan'), (999999, 'second');")
        _ = try sqlite("UPDATE schema_migrations SET checksum = 'abc' WHERE kind = 'migration' AND version = 1;")
        let result = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("warning\tcitations\tevent amazon-care-launch-2019-09 is cited by no source"))
        // One finding for the rows one mistake left, with what leaves them.
        #expect(result.stdout.contains("error\tforeign-keys\t2 rows of event_tags point at missing events rows: a delete made with foreign keys off (the sqlite3 shell's default; run PRAGMA foreign_keys = ON first) leaves such rows"),
                "\(result.stdout)")
        #expect(result.stdout.contains("error\tmigrations\tmigration 1 (initial_schema) was changed after it was applied"))
        #expect(result.stderr.contains("check found 2 errors and 1 warning."))
        #expect(try CLI.run(["check", "--db", db, "--errors-only"]).status == 65)
        // --summary: one row a kind, counted, with the first one's message; the same exit.
        _ = try sqlite("DELETE FROM citations WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-shutdown-2022-12-31');")
        let summary = try CLI.run(["check", "--db", db, "--summary", "--format", "tsv"])
        #expect(summary.status == 65 && summary.stderr.contains("check found 2 errors and 2 warnings."), "\(summary.stderr)")
        let rows = summary.stdout.split(separator: "\n").map { $0.split(separator: "\t").prefix(3).joined(separator: " ") }
        #expect(rows.sorted() == ["error foreign-keys 1", "error migrations 1", "severity check count", "warning citations 2"], "\(summary.stdout)")
        #expect(summary.stdout.contains("warning\tcitations\t2\tevent amazon-care-"), "\(summary.stdout)")
    }

    /// A quote whose language is known neither by the citation nor by its source is named, with
    /// the edit that gives it one; given, the warning goes.
    @Test func aQuoteWithoutALanguageIsNamed() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        _ = try CLI.run(["add", "--db", db, "--uid", "q", "--kind", "layoff", "--date", "2022", "--title", "T", "--entity", "X",
                         "--source", "https://x.example/a", "--publisher", "Les Échos", "--published", "2022-01-01", "--quote", "Le tribunal a tranché"])
        let warned = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(warned.stdout.contains("warning\tcitations\tevent q: the quote from les-echos-2022-01-01 has no language "
                                       + "(`timeline edit q --source les-echos-2022-01-01 --quote 'the same quote' --quote-lang fr` gives it one)"), "\(warned.stdout)")
        #expect(try CLI.run(["edit", "q", "--db", db, "--source", "les-echos-2022-01-01", "--quote", "Le tribunal a tranché", "--quote-lang", "fr"]).status == 0)
        #expect(try CLI.run(["check", "--db", db]).status == 0)
    }

    /// Languages written before tags were checked (`FR`, `fr_FR`) are named with what holds them;
    /// one in the wrong case is put right by exporting a document and importing it back.
    @Test func findsLanguagesOutOfFormAndARoundTripPutsTheirCaseRight() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite(
            """
            UPDATE sources SET language = 'FR' WHERE language = 'fr';
            UPDATE citations SET quote_language = 'FR' WHERE quote_language = 'fr';
            INSERT INTO entity_aliases (entity_id, alias, language, recorded_at)
            VALUES ((SELECT id FROM entities WHERE slug = 'amazon-care'), 'Amazon Soins', 'FR', '2026-01-01T00:00:00.000Z');
            """)
        let sources = try sqlite("SELECT count(*) FROM sources WHERE language = 'FR';").stdout
        let quotes = try sqlite("SELECT count(*) FROM citations WHERE quote_language = 'FR';").stdout
        let found = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(found.status == 65)
        #expect(found.stderr.contains("check found 0 errors and 1 warning."), "\(found.stderr)")
        let expected = "warning\tlanguages\tthe language 'FR' (\(Int(sources.trimmed)!) sources, \(Int(quotes.trimmed)!) quotes, 1 alias)"
            + " is written 'fr' as a BCP 47 tag; `timeline export --format seed --output FILE`, then `timeline import FILE`, rewrites it\n"
        #expect(found.stdout.contains(expected), "\(found.stdout)")

        let document = folder.path("timeline.json")
        #expect(try CLI.run(["export", "--db", db, "--format", "seed", "--output", document]).status == 0)
        let imported = try CLI.run(["import", "--db", db, document])
        #expect(imported.status == 0, "\(imported.stderr)")
        let clean = try CLI.run(["check", "--db", db])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(try sqlite("""
            SELECT (SELECT count(*) FROM sources WHERE language = 'fr'), (SELECT count(*) FROM citations WHERE quote_language = 'fr'),
                   (SELECT language FROM entity_aliases WHERE alias = 'Amazon Soins');
            """).stdout == "\(sources.trimmed)|\(quotes.trimmed)|fr\n")

        _ = try sqlite("UPDATE sources SET language = 'fr_FR' WHERE key = (SELECT min(key) FROM sources WHERE language = 'fr');")
        _ = try sqlite("UPDATE sources SET language = 'english' WHERE key = (SELECT min(key) FROM sources WHERE language = 'en');")
        let named = try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout
        #expect(named.contains(
            "warning\tlanguages\tthe language 'fr_FR' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write fr-FR (1 source)\n"))
        #expect(named.contains(
            "warning\tlanguages\tthe language 'english' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known) (1 source)\n"), "\(named)")
    }

    /// The copy of an event's lists kept in its row can only go stale when the triggers that
    /// clear it are dropped: check names the event, and --repair-lists rewrites the copies.
    @Test func findsStaleStoredListsAndRepairsThem() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite(
            """
            DROP TRIGGER event_refresh_after_tag_insert;
            INSERT INTO event_tags (event_id, tag) VALUES ((SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09'), 'stale');
            """)
        let stale = try CLI.run(["list", "--db", db, "--tag", "stale", "--format", "csv"])
        #expect(stale.stdout.contains("amazon-care-launch-2019-09") && !stale.stdout.contains("\"\"stale\"\""))
        let result = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(result.status == 65)
        #expect(result.stdout.contains("error\tstored-lists\tevent amazon-care-launch-2019-09: the lists stored in its row differ"))
        #expect(result.stderr.contains("check found 1 error and 0 warnings."))
        let repaired = try CLI.run(["check", "--repair-lists", "--db", db, "--format", "tsv"])
        #expect(repaired.status == 0, "\(repaired.stdout)\(repaired.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--tag", "stale", "--format", "csv"]).stdout.contains("\"\"stale\"\""))
    }

    /// An alias or an event's entity updated in place by another tool is searched by its new
    /// name (migration 0011); an entry left stale with the triggers dropped is found by `check`
    /// and rewritten by `--repair-lists`.
    @Test func searchFollowsUpdatesInPlaceAndStaleEntriesAreRepaired() throws {
        try CLI.run(["list", "--db", db])
        func found(_ word: String) throws -> String {
            try CLI.run(["list", "--db", db, "--search", word, "--format", "tsv"]).stdout
        }
        _ = try sqlite("INSERT INTO entity_aliases (entity_id, alias) SELECT id, 'Zorgon Two' FROM entities WHERE slug = 'care-medical'")
        #expect(try found("zorgon").contains("care-medical-layoff-2022-12-01"))
        _ = try sqlite("UPDATE entity_aliases SET alias = 'Quux Alias' WHERE alias = 'Zorgon Two'")
        #expect(try found("quux").contains("care-medical-layoff-2022-12-01"))
        #expect(!(try found("zorgon").contains("care-medical-layoff-2022-12-01")))
        _ = try sqlite("UPDATE event_entities SET entity_id = (SELECT id FROM entities WHERE slug = 'hilton') WHERE event_id = (SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09') AND position = 1")
        #expect(try found("hilton").contains("amazon-care-launch-2019-09"))
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("search-index")))

        _ = try sqlite("DROP TRIGGER event_refresh_after_alias_update; UPDATE entity_aliases SET alias = 'Blorp' WHERE alias = 'Quux Alias'")
        #expect(!(try found("blorp").contains("care-medical-layoff-2022-12-01")))
        let check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.status == 65)
        #expect(check.stdout.contains("error\tsearch-index\tevent care-medical-layoff-2022-12-01: its search index entry is not what its title, summary, quotes and entity names give"),
                "\(check.stdout)")
        let repaired = try CLI.run(["check", "--repair-lists", "--db", db])
        #expect(repaired.stderr.contains("search index entr"), "\(repaired.stderr)")
        #expect(try found("blorp").contains("care-medical-layoff-2022-12-01"))
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("search-index")))
    }

    /// Another tool's `INSERT OR REPLACE` of an event fires no delete trigger: the span index keeps
    /// an entry of the replaced row. A range reaching it stops with a data error naming the
    /// remedy; `check` finds it, and a span changed by hand, and `--repair-lists` rewrites both.
    @Test func aStaleSpanIndexIsFoundAndRepaired() throws {
        try CLI.run(["list", "--db", db])
        let edited = try sqlite(
            """
            PRAGMA foreign_keys = ON;
            INSERT OR REPLACE INTO events (uid, kind, status, title, summary, when_edtf, when_earliest, when_latest, when_precision,
                                           when_approximate, when_uncertain, recorded_at)
            SELECT uid, kind, status, title, summary, when_edtf, when_earliest, when_latest, when_precision, when_approximate,
                   when_uncertain, recorded_at FROM events WHERE uid = 'amazon-care-expansion-2021-summer';
            UPDATE event_spans SET earliest_day = earliest_day - 400 WHERE id = (SELECT id FROM events WHERE uid = 'amazon-care-launch-2019-09');
            """)
        #expect(edited.status == 0, "\(edited.stderr)")
        let range = try CLI.run(["list", "--db", db, "--from", "2021-06", "--to", "2021-09"])
        #expect(range.status == 65)
        #expect(range.stderr.hasPrefix("timeline: 1 of the selected events is not in the events table: an index names events that are gone"),
                "\(range.stderr)")
        let check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.status == 65)
        #expect(check.stdout.contains("error\tspan-index\tthe span index has an entry (id "), "\(check.stdout)")
        #expect(check.stdout.contains(
            "error\tspan-index\tevent amazon-care-launch-2019-09: its entry in the span index is not its dates' span, so --from and --to may miss it"))
        let repaired = try CLI.run(["check", "--repair-lists", "--db", db])
        #expect(repaired.stderr.contains("2 span index entries"), "\(repaired.stderr)")
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("span-index")))
        let listed = try CLI.run(["list", "--db", db, "--from", "2021-06", "--to", "2021-09", "--format", "tsv"])
        #expect(listed.status == 0 && listed.stdout.contains("amazon-care-expansion-2021-summer"), "\(listed.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--from", "2019-09", "--to", "2019-09", "--format", "tsv"]).stdout
            .contains("amazon-care-launch-2019-09"))
    }

    @Test func repairingListsOfAFileThatIsNoDatabaseIsOneLineAndLeavesItAlone() throws {
        let junk = folder.path("junk.sqlite")
        try "not a database\n".write(toFile: junk, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--repair-lists", "--db", junk])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(junk) is not an SQLite database.\n")
        #expect(try String(contentsOfFile: junk, encoding: .utf8) == "not a database\n")
    }

    /// A damaged file is bad data (65) for whatever command finds it, reading or writing, never an
    /// internal error; nothing is written to it.
    @Test func aDamagedFileIsBadDataForEveryCommand() throws {
        try CLI.run(["list", "--db", db])
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        let size = try handle.seekToEnd()
        for page in stride(from: UInt64(4096 * 2), to: size, by: 4096 * 2) {
            try handle.seek(toOffset: page)
            handle.write(Data(repeating: 0xA5, count: 4096))
        }
        try handle.close()
        let before = try folder.bytes("timeline.sqlite")
        for command in [["add", "--kind", "launch", "--date", "2020", "--title", "t", "--entity", "foo"], ["list"], ["stats"],
                        ["edit", "amazon-care-launch-2019-09", "--title", "t"], ["entities"], ["export", "--format", "sql"]] {
            let result = try CLI.run(command + ["--db", db])
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("is damaged") || result.stderr.contains("not an SQLite database"), "\(command): \(result.stderr)")
        }
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    /// A backup of a path where no database is (a typo) is refused, not a copy of a sample
    /// timeline made there on the spot; `migrate status` of it reports without making one.
    @Test func aMissingDatabaseIsNotBackedUpOrMadeByAskingItsStatus() throws {
        let missing = folder.path("typo/timline.sqlite")
        let backup = try CLI.run(["backup", folder.path("copy.sqlite"), "--db", missing])
        #expect(backup.status == 66 && backup.stderr.hasPrefix("timeline: there is no database at \(missing) to back up;"), "\(backup.stderr)")
        let status = try CLI.run(["migrate", "status", "--db", missing])
        #expect(status.status == 0 && status.stdout.contains("pending"), "\(status.stderr)")
        #expect(try CLI.run(["migrate", "validate", "--db", missing]).status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.path("typo")) && !FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
    }

    /// A database the user may not read is a missing input (66) named as such, not an output
    /// that cannot be made (73).
    @Test func aDatabaseOneMayNotReadIsNamedSo() throws {
        let path = folder.path("private.sqlite")
        #expect(try CLI.run(["--db", path, "migrate"]).status == 0)
        #expect(chmod(path, 0o600) == 0 && chmod(folder.path(""), 0o755) == 0)
        let asNobody = getuid() == 0
        func run(_ arguments: [String], _ path: String) throws -> CLIResult {
            asNobody
                ? try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + arguments,
                              executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
                : try { #expect(chmod(path, 0o000) == 0); defer { chmod(path, 0o700) }; return try CLI.run(arguments) }()
        }
        let result = try run(["list", "--db", path], path)
        #expect(result.status == 66 && result.stderr == "timeline: cannot read the database \(path): permission denied.\n", "\(result.stderr)")
        // Behind a folder one may not enter: unreadable, not missing (`check` said there was none).
        let locked = folder.path("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        #expect(try CLI.run(["--db", locked + "/t.sqlite", "migrate"]).status == 0)
        #expect(chmod(locked, 0o700) == 0)
        for command in [["list"], ["check"], ["sql", "SELECT 1"]] {
            let behind = try run(command + ["--db", locked + "/t.sqlite"], locked)
            #expect(behind.status == 66 && behind.stderr.contains("cannot read the database \(locked)/t.sqlite: permission denied"),
                    "\(command): \(behind.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: locked + "/t.sqlite"))
    }

    /// A timeline in a folder one cannot write to (a read-only mount) is read as it is by every
    /// reading command, while a write is refused as such (73); `sql` neither calls that bad SQL.
    @Test func aDatabaseInAReadOnlyFolderIsRead() throws {
        let shelf = folder.path("shelf")
        try FileManager.default.createDirectory(atPath: shelf, withIntermediateDirectories: false)
        let path = shelf + "/t.sqlite"
        #expect(try CLI.run(["list", "--db", path]).status == 0)
        #expect(chmod(path, 0o444) == 0 && chmod(shelf, 0o555) == 0)
        defer { chmod(shelf, 0o755) }
        // Root writes anywhere: the commands then run as nobody.
        let asNobody = getuid() == 0
        func run(_ arguments: [String]) throws -> CLIResult {
            guard asNobody else { return try CLI.run(arguments + ["--db", path]) }
            return try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + arguments + ["--db", path],
                               executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        }
        let counted = try run(["sql", "SELECT count(*) AS n FROM events", "--format", "csv"])
        #expect(counted.status == 0 && counted.stdout == "n\r\n15\r\n", "\(counted.stderr)")
        let listed = try run(["list", "--kind", "layoff", "--format", "tsv"])
        #expect(listed.status == 0 && listed.stdout.split(separator: "\n").count == 3, "\(listed.stderr)")
        let added = try run(["add", "--kind", "launch", "--date", "2020", "--title", "x", "--entity", "y"])
        #expect(added.status == 73 && added.stderr.contains("cannot be written"), "\(added.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shelf) == ["t.sqlite"])
        // A dry run is rehearsed on a temporary copy, which goes after; the import itself is refused.
        let events = folder.path("events.csv")
        try "uid,kind,when,title\nz1,launch,2020,T\namazon-care-launch-2019-09,launch,2019-09,Changed\n".write(toFile: events, atomically: false, encoding: .utf8)
        let scratch = folder.path("scratch")
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: false)
        #expect(chmod(scratch, 0o777) == 0)
        func importing(_ arguments: [String]) throws -> CLIResult {
            let command = ["import", events] + arguments + ["--db", path]
            guard asNobody else { return try CLI.run(command, environment: ["TMPDIR": scratch]) }
            return try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + command,
                               environment: ["TMPDIR": scratch], executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let dryRun = try importing(["--dry-run"])
        #expect(dryRun.status == 0 && dryRun.stdout == "Dry run, nothing written: would add 1, update 1, leave 0 unchanged.\n", "\(dryRun.stderr)")
        #expect(dryRun.stderr.hasPrefix("timeline: note: \(path) cannot be written, so the dry run was rehearsed on a temporary copy of it.\n"), "\(dryRun.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).isEmpty, "the copy is gone")
        // So is a merge's dry run; the merge itself is refused.
        let merge = ["entities", "merge", "care-medical", "amazon-care"]
        let mergeRehearsed = try run(merge + ["--dry-run"])
        #expect(mergeRehearsed.status == 0 && mergeRehearsed.stdout.hasPrefix("Dry run, nothing written: merging care-medical into amazon-care would change 1 event:\n"),
                "\(mergeRehearsed.stdout)\(mergeRehearsed.stderr)")
        #expect(mergeRehearsed.stderr == "timeline: note: \(path) cannot be written, so the dry run was rehearsed on a temporary copy of it.\n", "\(mergeRehearsed.stderr)")
        #expect(try run(merge).status == 73)
        // What an error suggests names the timeline, not the copy.
        let zipped = folder.path("events.csv.gz")
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: URL(fileURLWithPath: zipped))
        let binary: CLIResult
        if asNobody {
            binary = try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path, "import", zipped, "--dry-run", "--db", path],
                                 environment: ["TMPDIR": scratch], executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        } else {
            binary = try CLI.run(["import", zipped, "--dry-run", "--db", path], environment: ["TMPDIR": scratch])
        }
        #expect(binary.status == 65 && binary.stderr.contains("| timeline --db \(path) import - --dry-run`"), "\(binary.stderr)")
        #expect(try importing([]).status == 73)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: shelf) == ["t.sqlite"])
    }

    /// A write interrupted under a rollback journal (a big first import) is rolled back by `sql`
    /// as by the other commands, rather than called bad SQL.
    @Test func sqlRollsBackAnInterruptedWriteFirst() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let script = """
            import sqlite3, os
            c = sqlite3.connect('\(db)', isolation_level=None)
            c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA cache_size=1'); c.execute('BEGIN')
            c.execute("UPDATE events SET title = title || randomblob(2000)")
            c.execute("UPDATE citations SET quote = coalesce(quote, '') || hex(randomblob(3000))")
            os._exit(0)
            """
        #expect(try CLI.run(["-c", script], executable: URL(fileURLWithPath: "/usr/bin/python3")).status == 0)
        #expect(FileManager.default.fileExists(atPath: db + "-journal"), "the write left its journal")
        let read = try CLI.run(["sql", "--db", db, "SELECT max(length(title)) AS n FROM events", "--format", "csv"])
        #expect(read.status == 0 && read.stdout == "n\r\n81\r\n", "the titles as they were: \(read.stdout)\(read.stderr)")
    }

    /// A backup's name may be as long as a timeline's (251 bytes, so that SQLite's `-wal` beside
    /// it fits in a folder's 255): the temporary copy beside it (and its journal) is named short
    /// enough to fit too.
    @Test(arguments: [String(repeating: "c", count: 248) + ".db", String(repeating: "é", count: 124) + ".db"])
    func backupToALongName(name: String) throws {
        try CLI.run(["list", "--db", db])
        let copy = folder.path(name)
        let result = try CLI.run(["backup", copy, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.contains(".tmp-backup") }.isEmpty)
        #expect(try CLI.run(["list", "--db", copy, "--format", "tsv"]).stdout == CLI.run(["list", "--db", db, "--format", "tsv"]).stdout)
    }

    @Test func backupIsARestorableCopy() throws {
        try CLI.run(["list", "--db", db])
        let copy = folder.path("copy.sqlite")
        let result = try CLI.run(["backup", copy, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CLI.run(["list", "--db", copy, "--format", "json"]).stdout == CLI.run(["list", "--db", db, "--format", "json"]).stdout)
        #expect(try CLI.run(["check", "--db", copy]).status == 0)
        #expect(try CLI.run(["backup", folder.url.path, "--db", db]).status == 73)
        let missing = try CLI.run(["backup", folder.path("no/such/copy.sqlite"), "--db", db])
        #expect(missing.status == 73)
        #expect(missing.stderr.hasSuffix("the folder \(folder.path("no")) does not exist.\n"), "\(missing.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("no")))
        let relative = try CLI.run(["backup", "./no/copy.sqlite", "--db", db], currentDirectory: folder.url)
        #expect(relative.status == 73 && relative.stderr.hasSuffix("the folder ./no does not exist.\n"), "\(relative.stderr)")
    }

    /// A tag is saved in the spelling the timeline has for it, as `--tag` finds it in any; two
    /// spellings left by another tool are a warning, and the repair saves them as the most used.
    @Test func tagsReadingAlikeAreOneSpelling() throws {
        try CLI.run(["list", "--db", db])
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2024", "--entity", "Amazon Care", "--tag", "santé"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "B", "--date", "2025", "--entity", "Amazon Care",
                             "--tag", "Santé", "--tag", "SANTE", "--tag", "Home Health"]).status == 0)
        let tags = try sqlite("SELECT e.title || ':' || group_concat(t.tag, '|') FROM events e JOIN event_tags t ON t.event_id = e.id WHERE e.title IN ('A', 'B') GROUP BY e.id ORDER BY e.title")
        #expect(tags.stdout == "A:santé\nB:home-health|santé\n", "the timeline's spellings, once each: \(tags.stdout)")
        #expect(try !CLI.run(["check", "--db", db]).stdout.contains("tags"))

        // Another tool adds spellings of its own: one on an event that has the tag already.
        _ = try sqlite("""
            INSERT INTO event_tags (event_id, tag) SELECT id, 'Santé' FROM events WHERE title IN ('A', 'B');
            INSERT INTO event_tags (event_id, tag) SELECT id, 'SANTÉ' FROM events WHERE uid = 'amazon-care-launch-2019-09';
            """)
        let found = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(found.status == 65)
        #expect(found.stdout.contains("warning\ttags\tthe tags 'Santé' (2 events), 'santé' (2 events) and 'SANTÉ' (1 event) read alike but for case, accents or punctuation; `timeline check --repair-lists` saves them all as 'Santé'"),
                "\(found.stdout)")
        let repaired = try CLI.run(["check", "--db", db, "--repair-lists"])
        #expect(!repaired.stdout.contains("tags"), "\(repaired.stdout)")
        #expect(repaired.stderr.contains("2 tag spellings"), "\(repaired.stderr)")
        #expect(try sqlite("SELECT tag, count(*) FROM event_tags WHERE tag IN ('santé', 'Santé', 'SANTÉ') GROUP BY tag").stdout == "Santé|3\n")
        let listed = try CLI.run(["list", "--db", db, "--tag", "sante", "--format", "tsv"]).stdout
        #expect(listed.split(separator: "\n").count == 4 && !listed.contains("santé"), "the stored lists were rewritten: \(listed)")
    }

    /// An earlier backup is replaced; anything else at the path (a document, another
    /// application's database) is refused and left as it was unless --force is given; a link
    /// stays a link; the database itself and standard output are refused.
    @Test func backupReplacesOnlyEarlierBackups() throws {
        try CLI.run(["list", "--db", db])
        let copy = folder.path("copy.sqlite")
        #expect(try CLI.run(["backup", copy, "--db", db]).status == 0)
        try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "Later", "--date", "2024", "--entity", "Amazon Care"])
        let again = try CLI.run(["backup", copy, "--db", db])
        #expect(again.status == 0, "an earlier backup is replaced: \(again.stderr)")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'Later'", copy).stdout == "1\n")

        let notes = folder.path("notes.txt")
        try "my notes\n".write(toFile: notes, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["backup", notes, "--db", db])
        #expect(refused.status == 73)
        #expect(refused.stderr == "timeline: \(notes) exists and is a file that is not an SQLite database, not a timeline database; give another path, or --force to replace it.\n", "\(refused.stderr)")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "my notes\n")
        // One byte, which SQLite would read as an empty database, is no database either.
        let byte = folder.path("byte.db")
        try "\n".write(toFile: byte, atomically: true, encoding: .utf8)
        let short = try CLI.run(["backup", byte, "--db", db])
        #expect(short.status == 73 && short.stderr.contains("exists and is a file that is not an SQLite database"), "\(short.stderr)")

        let other = folder.path("other.sqlite")
        _ = try sqlite("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ann');", other)
        let foreign = try CLI.run(["backup", other, "--db", db])
        #expect(foreign.status == 73 && foreign.stderr.contains("exists and is another SQLite database"), "\(foreign.stderr)")
        #expect(try sqlite("SELECT name FROM contacts", other).stdout == "Ann\n")
        let forced = try CLI.run(["backup", other, "--db", db, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'Later'", other).stdout == "1\n")

        let link = folder.path("latest.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "copy.sqlite")
        try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "Latest", "--date", "2025", "--entity", "Amazon Care"])
        let linked = try CLI.run(["backup", link, "--db", db])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "copy.sqlite", "the link stays a link")
        let loop = folder.path("loop.sqlite")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.sqlite")
        #expect(try CLI.run(["backup", loop, "--db", db]).status == 73)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: loop) == "loop.sqlite", "a looping link is left as it was")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'Latest'", copy).stdout == "1\n")

        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let itself = try CLI.run(["backup", db, "--db", db])
        #expect(itself.status == 64 && itself.stderr == "timeline: \(db) is the database being backed up; give another path for the copy.\n", "\(itself.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        for companion in ["-journal", "-wal"] {
            let refusedCompanion = try CLI.run(["backup", db + companion, "--db", db])
            #expect(refusedCompanion.status == 64 && refusedCompanion.stderr.contains("is a file SQLite keeps beside the database"), "\(refusedCompanion.stderr)")
        }
        #expect(try CLI.run(["backup", "", "--db", db]).status == 64)
        // An earlier backup's log is not replayed into the new copy.
        try "stale".write(toFile: copy + "-wal", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["backup", copy, "--db", db]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        #expect(try sqlite("PRAGMA integrity_check", copy).stdout == "ok\n")
        let dash = try CLI.run(["backup", "-", "--db", db], currentDirectory: folder.url)
        #expect(dash.status == 64 && dash.stderr.contains("not standard output"), "\(dash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("-")))
    }

    /// A database of a newer version, which every other command refuses, is copied as it is
    /// (the backup to take before a downgrade); a damaged one is named as the damaged file.
    @Test func backupCopiesANewerDatabaseAndNamesADamagedOne() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite("INSERT INTO schema_migrations SELECT 99, '0099_future.sql', 'migration', checksum, applied_at FROM schema_migrations LIMIT 1; PRAGMA user_version = 99;")
        #expect(try CLI.run(["list", "--db", db]).status == 65, "a newer database is refused by list")
        let copy = folder.path("copy.sqlite")
        let backup = try CLI.run(["backup", copy, "--db", db])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try sqlite("SELECT max(version) FROM schema_migrations WHERE kind = 'migration'", copy).stdout == "99\n")

        // Damage deep in the file, met only while copying, is the original's.
        let deep = folder.path("deep.sqlite")
        try FileManager.default.copyItem(atPath: copy, toPath: deep)
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: deep))
        try handle.seek(toOffset: 4096 * 6)
        handle.write(Data(repeating: 0xFF, count: 4096 * 4))
        try handle.close()
        let deepCopy = try CLI.run(["backup", folder.path("deep-copy.sqlite"), "--db", deep])
        #expect(deepCopy.status == 65 && deepCopy.stderr.contains(deep) && !deepCopy.stderr.contains("deep-copy"), "\(deepCopy.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.hasPrefix("deep-copy") }.isEmpty,
                "no half copy left")

        let damaged = folder.path("damaged.sqlite")
        try "not a database at all, but long enough to be read as one".write(toFile: damaged, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["backup", folder.path("other.sqlite"), "--db", damaged])
        #expect(refused.status == 65 && refused.stderr == "timeline: \(damaged) is not an SQLite database.\n", "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("other.sqlite")))
    }

    /// A backup copied over a timeline in use (a restore) is written into it under SQLite's
    /// locks: a process that has the timeline open reads the restored one, and what it writes
    /// after is kept. Renamed over it, the copy took the file from under that process, whose
    /// writes went on into the unlinked file and were lost though they had succeeded.
    @Test func aBackupRestoredOverATimelineInUseKeepsWhatOthersWriteAfter() throws {
        try CLI.run(["list", "--db", db])
        let copy = folder.path("copy.sqlite")
        #expect(try CLI.run(["backup", copy, "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "After the backup", "--date", "2024", "--entity", "Amazon Care"]).status == 0)
        let colleague = try TimelineStore(path: db)
        #expect(try colleague.database.scalar("SELECT count(*) FROM events WHERE title = 'After the backup'") == .integer(1))

        let restored = try CLI.run(["backup", db, "--db", copy])
        #expect(restored.status == 0 && restored.stdout == "Backed up \(copy) to \(db)\n", "\(restored.stderr)")
        #expect(try colleague.database.scalar("SELECT count(*) FROM events WHERE title = 'After the backup'") == .integer(0),
                "the open connection reads the restored timeline")
        try colleague.database.execute("UPDATE events SET title = 'Written after the restore' WHERE uid = 'amazon-care-launch-2019-09'")
        let titles = try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout
        #expect(titles.contains("Written after the restore") && !titles.contains("After the backup"), "\(titles)")
        #expect(try sqlite("PRAGMA integrity_check").stdout == "ok\n")

        // A writer holding the timeline is waited for, then named: the timeline stays as it is.
        try colleague.database.execute("BEGIN IMMEDIATE")
        let busy = try CLI.run(["--busy-timeout-ms", "100", "backup", db, "--db", copy])
        try colleague.database.execute("ROLLBACK")
        #expect(busy.status == 75 && busy.stderr == "timeline: the database \(db) is busy (another process is using it); try again (--busy-timeout-ms sets how long to wait).\n",
                "\(busy.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout == titles)
        // Held so that it cannot even be read (a rollback journal's exclusive lock, as a large
        // import takes), it is busy too, not "a file that is not an SQLite database".
        _ = try colleague.database.scalar("PRAGMA journal_mode = DELETE")
        try colleague.database.execute("BEGIN EXCLUSIVE")
        try colleague.database.execute("UPDATE events SET title = 'Uncommitted' WHERE uid = 'amazon-care-launch-2019-09'")
        let locked = try CLI.run(["--busy-timeout-ms", "100", "backup", db, "--db", copy])
        try colleague.database.execute("ROLLBACK")
        #expect(locked.status == 75 && locked.stderr == busy.stderr, "\(locked.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout == titles)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.contains(".tmp-backup") }.isEmpty)
    }

    /// A backup of another page size is copied into a timeline in WAL mode too (which SQLite's
    /// backup takes only in pages of its own size), and a read-only earlier backup in a folder
    /// one may write is replaced, as before, by the checked copy renamed into place.
    @Test func aBackupOfAnotherPageSizeOrOverAReadOnlyOneIsWritten() throws {
        try CLI.run(["list", "--db", db])
        let copy = folder.path("copy.sqlite")
        #expect(try CLI.run(["backup", copy, "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", copy, "--kind", "launch", "--title", "Only in the copy", "--date", "2024", "--entity", "Amazon Care"]).status == 0)
        _ = try sqlite("PRAGMA journal_mode = DELETE; PRAGMA page_size = 8192; VACUUM; PRAGMA journal_mode = WAL;", copy)
        #expect(try sqlite("PRAGMA page_size", copy).stdout == "8192\n")
        let restored = try CLI.run(["backup", db, "--db", copy])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try sqlite("SELECT count(*) FROM events WHERE title = 'Only in the copy'").stdout == "1\n")
        #expect(try sqlite("PRAGMA integrity_check").stdout == "ok\n")
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout.contains("Only in the copy"))

        // Back the other way while another process has the timeline open, idle: waited for as
        // long as --busy-timeout-ms says, then named; the timeline stays as it was, in WAL.
        #expect(try sqlite("PRAGMA page_size; PRAGMA journal_mode").stdout == "8192\nwal\n")
        let original = folder.path("original.sqlite")
        #expect(try CLI.run(["backup", original, "--db", db]).status == 0)
        _ = try sqlite("PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM; PRAGMA journal_mode = WAL;", original)
        do {
            let colleague = try TimelineStore(path: db)
            #expect(try colleague.database.scalar("SELECT count(*) FROM events WHERE title = 'Only in the copy'") == .integer(1))
            let busy = try CLI.run(["--busy-timeout-ms", "100", "backup", db, "--db", original])
            #expect(busy.status == 75 && busy.stderr == "timeline: \(db) is open in another process, and a backup of another page size (4096 bytes, 8192 there) "
                    + "is written into it only once no other process has it open: close the others (a sqlite3 shell, another timeline command) and try again "
                    + "(--busy-timeout-ms sets how long to wait).\n", "\(busy.stderr)")
        }
        #expect(try sqlite("PRAGMA page_size; PRAGMA journal_mode").stdout == "8192\nwal\n")
        // Another process that closes it within --busy-timeout-ms is waited for: a sqlite3
        // shell that has read the timeline (and then made a file) and stays two seconds.
        let holder = Process()
        let opened = folder.path("opened")
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db, "SELECT count(*) FROM events;", ".shell touch '\(opened)'", ".shell sleep 2"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: opened) { Thread.sleep(forTimeInterval: 0.05) }
        #expect(holder.isRunning && FileManager.default.fileExists(atPath: opened), "the shell has the timeline open")
        let back = try CLI.run(["--busy-timeout-ms", "60000", "backup", db, "--db", original])
        holder.waitUntilExit()
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try sqlite("PRAGMA page_size; PRAGMA journal_mode; PRAGMA integrity_check").stdout == "4096\nwal\nok\n")

        guard getuid() == 0 else { return }
        let shelf = folder.path("shelf")
        try FileManager.default.createDirectory(atPath: shelf, withIntermediateDirectories: false)
        let earlier = shelf + "/earlier.sqlite"
        #expect(try CLI.run(["backup", earlier, "--db", copy]).status == 0)
        #expect(chmod(earlier, 0o444) == 0 && chmod(shelf, 0o777) == 0 && chmod(db, 0o644) == 0 && chmod(folder.path(""), 0o755) == 0)
        let replaced = try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path, "backup", earlier, "--db", db],
                                   executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shelf) == ["earlier.sqlite"], "nothing left beside it")
        // A timeline in WAL mode in a folder one may not write cannot even be read there: said
        // so, not taken for a file that is no SQLite database.
        let locked = folder.path("locked")
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
        #expect(try CLI.run(["backup", locked + "/dest.sqlite", "--db", db]).status == 0)
        try? FileManager.default.removeItem(atPath: locked + "/dest.sqlite-wal")
        try? FileManager.default.removeItem(atPath: locked + "/dest.sqlite-shm")
        #expect(chmod(locked + "/dest.sqlite", 0o644) == 0 && chmod(locked, 0o555) == 0)
        let unopened = try CLI.run(["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path, "backup", locked + "/dest.sqlite", "--db", db],
                                   executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(unopened.status == 73 && unopened.stderr.hasPrefix("timeline: cannot open the database \(locked)/dest.sqlite: ")
                && unopened.stderr.hasSuffix("(its folder cannot be written, and SQLite keeps files beside a database there).\n"), "\(unopened.stderr)")
    }

    @Test func backupWhileAnImportRunsIsConsistent() throws {
        try CLI.run(["list", "--db", db])
        let events = try ReliabilityData.ndjson(count: 3_000, in: folder)
        let importer = Process()
        importer.executableURL = CLI.executable
        importer.arguments = ["import", events, "--db", db]
        importer.standardOutput = FileHandle.nullDevice
        importer.standardError = FileHandle.nullDevice
        try importer.run()
        var copies: [String] = []
        for index in 0..<5 {
            Thread.sleep(forTimeInterval: 0.3)
            let copy = folder.path("during-\(index).sqlite")
            let result = try CLI.run(["backup", copy, "--db", db])
            #expect(result.status == 0, "\(result.stderr)")
            copies.append(copy)
        }
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        for copy in copies {
            #expect(try sqlite("PRAGMA integrity_check", copy).stdout == "ok\n")
            let count = try sqlite("SELECT count(*) FROM events", copy).stdout
            #expect(count == "15\n" || count == "3015\n", "all of the import or none: \(count)")
        }
    }
}

/// Data the reliability tests write, import and kill.
enum ReliabilityData {
    /// `count` distinct events as NDJSON, each with an entity, a figure and a cited source.
    static func ndjson(count: Int, in folder: TemporaryFolder, name: String = "events.ndjson") throws -> String {
        var text = ""
        for index in 0..<count {
            let day = String(format: "%04d-%02d-%02d", 2000 + index % 20, 1 + index % 12, 1 + index % 28)
            text += #"{"uid":"load-\#(index)","kind":"layoff","title":"Company \#(index % 97) cuts \#(index) jobs","when":"\#(day)","#
            text += #""entities":[{"name":"Company \#(index % 97)","role":"employer"}],"#
            text += #""measures":[{"quantity":"positions-cut","value":"\#(index)","unit":"position","source":"https://example.org/\#(index % 50)"}],"#
            text += #""sources":[{"url":"https://example.org/\#(index % 50)","publisher":"Example","published":"\#(day)","language":"en"}]}"# + "\n"
        }
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
