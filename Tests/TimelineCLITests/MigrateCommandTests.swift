import Foundation
import Testing

@Suite struct MigrateCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func sqlite(_ sql: String) throws -> CLIResult {
        try CLI.run([db, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
    }

    @Test func dryRunListsThenMigrateApplies() throws {
        let dryRun = try CLI.run(["migrate", "--dry-run", "--db", db])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        for file in RepositoryFiles.all {
            let folder = file.kind == "migration" ? "Migrations" : "Seeds"
            #expect(dryRun.stdout.contains("\(folder)/\(String(format: "%04d", file.version))_\(file.name)."))
        }
        #expect(try sqlite("SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'").stdout == "0\n")

        let apply = try CLI.run(["migrate", "--db", db])
        #expect(apply.status == 0)
        #expect(apply.stdout.contains("Applied:"))
        let again = try CLI.run(["migrate", "--db", db])
        #expect(again.stdout.contains("Nothing to apply"))
    }

    @Test func statusShowsEachFile() throws {
        try CLI.run(["list", "--db", db])
        let status = try CLI.run(["migrate", "status", "--db", db, "--format", "json"])
        #expect(status.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [[String: Any]])
        let files = RepositoryFiles.all
        #expect(files.count >= 2)
        #expect(rows.map { "\($0["kind"]!) \($0["version"]!) \($0["name"]!) \($0["state"]!)" }
            == files.map { "\($0.kind) \($0.version) \($0.name) applied" })
        let history = try sqlite("SELECT kind, version, name, length(checksum), applied_at LIKE '20%' FROM schema_migrations ORDER BY kind, version")
        #expect(history.stdout == files.map { "\($0.kind)|\($0.version)|\($0.name)|64|1\n" }.joined())
    }

    @Test func changedChecksumIsRefusedEverywhereAndTheFileIsUntouched() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite("UPDATE schema_migrations SET checksum = 'abc123' WHERE kind = 'seed'; PRAGMA user_version = 0;")
        let before = try folder.bytes("timeline.sqlite")
        for arguments in [["list"], ["migrate"], ["migrate", "validate"]] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.contains("Seeds/0001_amazon_care.json was changed after it was applied"))
            #expect(result.stderr.contains("abc123"))
        }
        let status = try CLI.run(["migrate", "status", "--db", db, "--format", "tsv"])
        #expect(status.stdout.contains("amazon_care\tseed\tchanged"))
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    @Test func aDatabaseFromANewerVersionIsRefused() throws {
        try CLI.run(["list", "--db", db])
        _ = try sqlite("INSERT INTO schema_migrations VALUES (9999, 'from_the_future', 'migration', 'ff', '2030-01-01'); PRAGMA user_version = 0;")
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["list", "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("migration 9999 (from_the_future)"))
        #expect(result.stderr.contains("newer version"))
        #expect(try folder.bytes("timeline.sqlite") == before)
        let status = try CLI.run(["migrate", "status", "--db", db])
        #expect(status.stdout.contains("unknown"))
    }

    @Test func validatePassesOnACurrentDatabaseAndFailsOnAPendingOne() throws {
        try CLI.run(["list", "--db", db])
        #expect(try CLI.run(["migrate", "validate", "--db", db]).status == 0)
        let fresh = try CLI.run(["migrate", "validate", "--db", folder.path("fresh.sqlite")])
        #expect(fresh.status == 65)
        #expect(fresh.stderr.contains("not applied yet"))
    }

    @Test func folderOfFilesReplacesTheBuiltInOnes() throws {
        let dir = folder.url.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Migrations"), withIntermediateDirectories: true)
        try Data("CREATE TABLE t (x INTEGER);\nINSERT INTO missing VALUES (1);\n".utf8)
            .write(to: dir.appendingPathComponent("Migrations/0001_broken.sql"))
        let result = try CLI.run(["migrate", "--dir", dir.path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Migrations/0001_broken.sql:2: no such table: missing"))
        #expect(try sqlite("SELECT count(*) FROM sqlite_schema WHERE name = 't'").stdout == "0\n")
    }

    @Test func twoProcessesMigratingOneNewDatabaseApplyEachFileOnce() throws {
        for round in 0..<3 {
            let path = folder.path("race-\(round).sqlite")
            // Each process's standard error goes to a file, for the message should one fail.
            let errors = [0, 1].map { folder.path("race-\(round)-\($0).err") }
            let results = try errors.map { errorPath in
                let process = Process()
                process.executableURL = CLI.executable
                process.arguments = ["list", "--db", path, "--format", "tsv"]
                process.standardOutput = FileHandle.nullDevice
                #expect(FileManager.default.createFile(atPath: errorPath, contents: nil))
                process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
                try process.run()
                return process
            }.map { process in
                process.waitUntilExit()
                return process.terminationStatus
            }
            let stderr = errors.map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
            #expect(results == [0, 0], "round \(round): \(stderr)")
            let count = try CLI.run([path, "SELECT count(*) FROM schema_migrations; SELECT count(*) FROM events;"],
                                    executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
            #expect(count.stdout == "\(RepositoryFiles.all.count)\n15\n")
        }
    }
}
