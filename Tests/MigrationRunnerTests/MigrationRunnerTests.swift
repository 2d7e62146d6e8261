import Foundation
import SQLiteStorage
import Testing
@testable import MigrationRunner

/// A throwaway folder with Migrations/ and Seeds/ and a database file.
final class Workspace {
    let root: URL
    var databasePath: String { root.appendingPathComponent("db.sqlite").path }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Migrations"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Seeds"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
    }

    func remove(_ relativePath: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(relativePath))
    }

    func set() throws -> MigrationSet { try MigrationSet(directory: root.path) }

    func runner(loaders: KeyValuePairs<String, MigrationRunner.SeedLoader> = [:]) throws -> MigrationRunner {
        MigrationRunner(database: try Database(path: databasePath), set: try set(), loaders: loaders)
    }

    /// The database file's bytes (and its WAL's, if any): what must not change on a refusal.
    func databaseBytes() throws -> Data {
        var data = try Data(contentsOf: URL(fileURLWithPath: databasePath))
        if let wal = FileManager.default.contents(atPath: databasePath + "-wal") { data.append(wal) }
        return data
    }
}

@Suite struct MigrationRunnerTests {
    let workspace: Workspace

    init() throws {
        workspace = try Workspace()
        try workspace.write("Migrations/0001_people.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n")
        try workspace.write("Migrations/0002_pets.sql", "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES people (id));\n")
        try workspace.write("Seeds/0001_people.sql", "INSERT INTO people (name) VALUES ('Ada'), ('Grace');\n")
    }

    @Test func appliesEverythingInOrderAndRecordsIt() throws {
        let runner = try workspace.runner()
        let applied = try runner.migrate()
        #expect(applied.map(\.displayPath) == ["Migrations/0001_people.sql", "Migrations/0002_pets.sql", "Seeds/0001_people.sql"])
        let history = try runner.database.prepare("SELECT kind, version, name, checksum, applied_at FROM schema_migrations ORDER BY kind, version")
            .map { "\($0.text(at: 0)) \($0.int(at: 1)) \($0.text(at: 2)) \($0.text(at: 3).count) \($0.text(at: 4).hasPrefix("20"))" }
        #expect(history == ["migration 1 people 64 true", "migration 2 pets 64 true", "seed 1 people 64 true"])
        #expect(try runner.isCurrent())
        #expect(try runner.database.scalar("SELECT count(*) FROM people") == .integer(2))
        #expect(try runner.migrate().isEmpty)
        #expect(try runner.status().allSatisfy { $0.state == .applied })
    }

    /// A database with tables but no history (or a history table of another shape) is another
    /// application's: refused, as is, by `migrate` and `status` alike.
    @Test func anotherApplicationsDatabaseIsRefusedUntouched() throws {
        let database = try Database(path: workspace.databasePath)
        try database.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        let runner = MigrationRunner(database: database, set: try workspace.set())
        let before = try workspace.databaseBytes()
        for attempt in [{ _ = try runner.migrate() }, { _ = try runner.status() }] as [() throws -> Void] {
            #expect { try attempt() } throws: { error in
                guard case .foreignDatabase(let tables, _)? = error as? MigrationError else { return false }
                return tables == ["invoices"]
            }
        }
        #expect(try workspace.databaseBytes() == before)
        try database.execute("DROP TABLE invoices")
        try database.execute("CREATE TABLE schema_migrations (id INTEGER)")
        #expect(throws: MigrationError.self) { try runner.migrate() }
    }

    @Test func newFileIsPendingThenApplied() throws {
        try workspace.runner().migrate()
        try workspace.write("Migrations/0003_toys.sql", "CREATE TABLE toys (id INTEGER PRIMARY KEY);\n")
        let runner = try workspace.runner()
        #expect(try !runner.isCurrent())
        #expect(try runner.status().first { $0.version == 3 }?.state == .pending)
        #expect(try runner.migrate().map(\.fileName) == ["0003_toys.sql"])
    }

    @Test func failingFileRollsBackWholeAndNamesFileAndLine() throws {
        try workspace.write("Migrations/0003_broken.sql", """
            CREATE TABLE toys (id INTEGER PRIMARY KEY);
            INSERT INTO toys VALUES (1);

            INSERT INTO nowhere VALUES (1);
            """)
        let runner = try workspace.runner()
        let error = try #require(throws: MigrationError.self) { try runner.migrate() }
        #expect(error.description.hasPrefix("Migrations/0003_broken.sql:4: no such table: nowhere"))
        #expect(try !runner.database.tableExists("toys"), "the failing file left nothing behind")
        #expect(try runner.status().first { $0.version == 3 }?.state == .pending)
        #expect(try runner.database.tableExists("pets"), "earlier files stay applied")
    }

    @Test func foreignKeyViolationRollsBackTheFile() throws {
        try workspace.write("Seeds/0002_pets.sql", "PRAGMA foreign_keys = OFF;\nINSERT INTO pets (owner) VALUES (99);\n")
        let runner = try workspace.runner()
        let error = try #require(throws: MigrationError.self) { try runner.migrate() }
        #expect(error.description.contains("Seeds/0002_pets.sql"))
        #expect(error.description.contains("pets"))
        #expect(try runner.database.scalar("SELECT count(*) FROM pets") == .integer(0))
    }

    /// A file that writes no row and makes, drops or alters no table cannot break a foreign key:
    /// it is not checked (a row broken before it is `check`'s to report, not its).
    @Test func aFileOfViewsAndIndexesAloneIsNotCheckedForForeignKeys() throws {
        try workspace.runner().migrate()
        let database = try Database(path: workspace.databasePath)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute("INSERT INTO pets (owner) VALUES (99)")
        try workspace.write("Migrations/0003_views.sql", "CREATE VIEW owners AS SELECT DISTINCT owner FROM pets;\nCREATE INDEX pets_by_owner ON pets (owner);\n")
        #expect(try workspace.runner().migrate().map(\.displayPath) == ["Migrations/0003_views.sql"])
    }

    /// A file that drops a table other rows point at, writing no row, is checked (on a connection
    /// with foreign keys off, where SQLite itself lets the drop through).
    @Test func aFileDroppingAParentTableIsChecked() throws {
        try workspace.runner().migrate()
        let database = try Database(path: workspace.databasePath)
        try database.execute("INSERT INTO pets (owner) VALUES (1)")
        try database.execute("PRAGMA foreign_keys = OFF")
        try workspace.write("Migrations/0003_no_people.sql", "DROP TABLE people;\n")
        let runner = MigrationRunner(database: database, set: try workspace.set())
        let error = try #require(throws: MigrationError.self) { try runner.migrate() }
        #expect(error.description.contains("Migrations/0003_no_people.sql") && error.description.contains("pets"), "\(error)")
        #expect(try runner.database.tableExists("people"))
    }

    @Test func changedChecksumIsRefusedAndTheFileIsUntouched() throws {
        try workspace.runner().migrate()
        try workspace.write("Migrations/0001_people.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);\n")
        try workspace.write("Migrations/0003_toys.sql", "CREATE TABLE toys (id INTEGER PRIMARY KEY);\n")
        let before = try workspace.databaseBytes()
        let runner = try workspace.runner()
        let error = try #require(throws: MigrationError.self) { try runner.migrate() }
        let message = error.description
        #expect(message.contains("Migrations/0001_people.sql was changed after it was applied"))
        let recorded = SHA256.hexDigest(of: "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n".utf8)
        let current = SHA256.hexDigest(of: "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);\n".utf8)
        #expect(message.contains(recorded) && message.contains(current))
        #expect(try runner.status().first { $0.version == 1 && $0.kind == .migration }?.state == .changed)
        #expect(try workspace.databaseBytes() == before)
    }

    @Test func unknownAppliedVersionMeansANewerDatabase() throws {
        try workspace.write("Migrations/0003_toys.sql", "CREATE TABLE toys (id INTEGER PRIMARY KEY);\n")
        try workspace.runner().migrate()
        try workspace.remove("Migrations/0003_toys.sql")
        let before = try workspace.databaseBytes()
        let runner = try workspace.runner()
        let error = try #require(throws: MigrationError.self) { try runner.migrate() }
        #expect(error.description.contains("migration 3 (toys)"))
        #expect(error.description.contains("newer version"))
        #expect(try runner.status().last?.state == .unknown)
        #expect(try workspace.databaseBytes() == before)
    }

    @Test func pendingBelowAppliedIsRefused() throws {
        try workspace.runner().migrate()
        try workspace.write("Seeds/0000_zero.sql", "")  // badly named: refused when read
        #expect(throws: MigrationError.self) { try workspace.set() }
        try workspace.remove("Seeds/0000_zero.sql")
        try workspace.remove("Migrations/0002_pets.sql")
        try workspace.write("Migrations/0003_pets.sql", "CREATE TABLE pets (id INTEGER PRIMARY KEY, owner INTEGER REFERENCES people (id));\n")
        let database = try Database(path: workspace.databasePath)
        try database.execute("UPDATE schema_migrations SET version = 3 WHERE kind = 'migration' AND version = 2")
        try workspace.write("Migrations/0002_between.sql", "CREATE TABLE between_table (id INTEGER);\n")
        let before = try workspace.databaseBytes()
        let error = try #require(throws: MigrationError.self) { try workspace.runner().migrate() }
        #expect(error.description.contains("Migrations/0002_between.sql is pending but Migrations/0003_pets.sql is already applied"))
        #expect(try workspace.databaseBytes() == before)
    }

    @Test func seedsGoThroughTheirLoader() throws {
        try workspace.write("Seeds/0002_more.txt", "Hedy\nKatherine\n")
        let runner = try workspace.runner(loaders: [
            "txt": { database, file in
                for name in file.text.split(separator: "\n") {
                    try database.execute("INSERT INTO people (name) VALUES (?1)", [.text(String(name))])
                }
            }
        ])
        try runner.migrate()
        #expect(try runner.database.scalar("SELECT count(*) FROM people") == .integer(4))
    }

    @Test func seedWithoutLoaderIsRefused() throws {
        try workspace.write("Seeds/0002_more.yaml", "- Hedy\n")
        let error = try #require(throws: MigrationError.self) { try workspace.runner().migrate() }
        #expect(error.description.contains("Seeds/0002_more.yaml"))
    }

    @Test func twoConnectionsMigratingAtOnceApplyEachFileOnce() async throws {
        let path = workspace.databasePath
        let set = try workspace.set()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    let runner = MigrationRunner(database: try Database(path: path, busyTimeout: 10_000), set: set)
                    return try runner.migrate().count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results.reduce(0, +) == 3)
        let database = try Database(path: path)
        #expect(try database.scalar("SELECT count(*) FROM schema_migrations") == .integer(3))
        #expect(try database.scalar("SELECT count(*) FROM people") == .integer(2))
    }
}
