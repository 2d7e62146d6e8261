import Foundation
import Testing

/// `timeline export --format sql` through the real sqlite3 shell.
@Suite struct ExportSQLTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func dumpRebuildsADatabaseThatListsIdenticallyWithoutMigrating() throws {
        let original = folder.path("original.sqlite")
        let dump = folder.path("dump.sql")
        let copy = folder.path("copy.sqlite")
        let export = try CLI.run(["export", "--format", "sql", "--db", original, "--output", dump])
        #expect(export.status == 0, "\(export.stderr)")
        let load = try CLI.shell("sqlite3 '\(copy)' < '\(dump)'")
        #expect(load.status == 0, "\(load.stderr)")

        let copiedBytes = try folder.bytes("copy.sqlite")
        let originalList = try CLI.run(["list", "--db", original, "--format", "json"])
        let copiedList = try CLI.run(["list", "--db", copy, "--format", "json"])
        #expect(copiedList.status == 0, "\(copiedList.stderr)")
        #expect(copiedList.stdout == originalList.stdout)
        #expect(try folder.bytes("copy.sqlite") == copiedBytes, "opening the copy migrated nothing")

        let again = try CLI.run(["export", "--format", "sql", "--db", copy])
        #expect(again.stdout == String(decoding: try folder.bytes("dump.sql"), as: UTF8.self), "byte-identical re-export")
        #expect(again.stdout.contains("INSERT INTO \"schema_migrations\""))

        // The shell made the copy with a rollback journal. A failed write leaves it as it is; the
        // first write that succeeds puts it in WAL mode, as timeline makes its own databases.
        func journalMode() throws -> String { try CLI.shell("sqlite3 '\(copy)' 'PRAGMA journal_mode'").stdout }
        #expect(try journalMode() == "delete\n")
        let failed = try CLI.run(["edit", "amazon-care-launch-2019-09", "--db", copy, "--date", "2019-02-30"])
        #expect(failed.status == 64, "\(failed.stderr)")
        #expect(try folder.bytes("copy.sqlite") == copiedBytes, "a failed edit changes no byte")
        let edited = try CLI.run(["edit", "amazon-care-launch-2019-09", "--db", copy, "--status", "occurred"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try journalMode() == "wal\n")
        // An import does the same (SQLite keeps only WAL in the file; other modes last a connection).
        #expect(try CLI.shell("sqlite3 '\(copy)' 'PRAGMA journal_mode = DELETE'").stdout == "delete\n")
        let imported = try CLI.run(["import", "-", "--format", "ndjson", "--db", copy],
                                   stdin: Data(#"{"kind":"launch","title":"After","when":"2024"}"#.utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try journalMode() == "wal\n")
    }

    @Test func anyTextAndNumberRoundTrips() throws {
        let original = folder.path("original.sqlite")
        try CLI.run(["list", "--db", original])
        let awkward = "quote ' double \" newline\nCR\r\ttab emoji 🙂 RTL שלום عربي NUL-free « guillemets »"
        let sql = "UPDATE events SET title = '" + awkward.replacingOccurrences(of: "'", with: "''")
            + "' || char(13) || char(1) WHERE uid = 'amazon-care-launch-2019-09';"
            + "UPDATE measures SET value = '12345678901234567890.000000001' WHERE quantity = 'positions-cut';"
        try Data(sql.utf8).write(to: URL(fileURLWithPath: folder.path("edit.sql")))
        let edit = try CLI.shell("sqlite3 '\(original)' < '\(folder.path("edit.sql"))'")
        #expect(edit.status == 0, "\(edit.stderr)")

        let first = try CLI.run(["export", "--format", "sql", "--db", original])
        try Data(first.stdout.utf8).write(to: URL(fileURLWithPath: folder.path("dump.sql")))
        let load = try CLI.shell("sqlite3 '\(folder.path("copy.sqlite"))' < '\(folder.path("dump.sql"))'")
        #expect(load.status == 0, "\(load.stderr)")
        let second = try CLI.run(["export", "--format", "sql", "--db", folder.path("copy.sqlite")])
        #expect(second.stdout == first.stdout)

        let query = "SELECT hex(title) FROM events WHERE uid = 'amazon-care-launch-2019-09'; SELECT value FROM measures WHERE quantity = 'positions-cut';"
        let fromOriginal = try CLI.shell("sqlite3 '\(original)' \"\(query)\"")
        let fromCopy = try CLI.shell("sqlite3 '\(folder.path("copy.sqlite"))' \"\(query)\"")
        #expect(fromCopy.stdout == fromOriginal.stdout)
        #expect(fromCopy.stdout.contains("12345678901234567890.000000001"))
    }

    @Test func filtersDoNotApplyToTheWholeDatabaseDump() throws {
        let result = try CLI.run(["export", "--format", "sql", "--kind", "layoff", "--db", folder.path("db.sqlite")])
        #expect(result.status == 64)
    }

    @Test func outputIntoAMissingFolderIsCannotCreate() throws {
        let result = try CLI.run(["export", "--db", folder.path("db.sqlite"), "--output", folder.path("no/such/dir/out.sql")])
        #expect(result.status == 73)
        #expect(result.stderr.contains("no/such/dir/out.sql"))
    }

    @Test func otherFormatsTakeListFilters() throws {
        let result = try CLI.run(["export", "--format", "ndjson", "--kind", "layoff", "--db", folder.path("db.sqlite")])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }
}
