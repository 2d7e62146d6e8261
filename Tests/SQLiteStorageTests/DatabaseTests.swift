import Foundation
import Testing
@testable import SQLiteStorage

@Suite struct DatabaseTests {
    @Test func constraintViolationNamesTheConstraintAndTheSQL() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE people (slug TEXT NOT NULL UNIQUE)")
        try database.execute("INSERT INTO people (slug) VALUES (?1)", ["ada"])
        let error = try #require(throws: SQLiteError.self) {
            try database.execute("INSERT INTO people (slug) VALUES (?1)", ["ada"])
        }
        #expect(error.code == 19)  // SQLITE_CONSTRAINT
        #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.message == "UNIQUE constraint failed: people.slug")
        #expect(error.sql == "INSERT INTO people (slug) VALUES (?1)")
        #expect(error.description.contains("UNIQUE constraint failed: people.slug"))
        #expect(error.description.contains("INSERT INTO people"))
        #expect(!error.description.contains("ada"), "arguments stay out of the description")
        #expect(error.isConstraintViolation)
    }

    @Test func syntaxErrorCarriesTheSQL() throws {
        let database = try Database(path: "", mode: .inMemory)
        let error = try #require(throws: SQLiteError.self) { try database.prepare("SELEC 1") }
        #expect(error.code == 1)
        #expect(error.message.contains("syntax error"))
        #expect(error.sql == "SELEC 1")
    }

    /// Every row a statement or its triggers insert, change or delete counts; making a table or
    /// a view does not.
    @Test func totalChangesCountsRowsByStatementsAndTriggers() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE people (name TEXT)")
        try database.execute("CREATE TABLE log (name TEXT)")
        try database.execute("CREATE TRIGGER logged AFTER INSERT ON people BEGIN INSERT INTO log VALUES (new.name); END")
        try database.execute("CREATE VIEW names AS SELECT name FROM people")
        #expect(database.totalChanges == 0)
        try database.execute("INSERT INTO people VALUES ('Ada'), ('Grace')")
        #expect(database.totalChanges == 4, "two rows and the two the trigger wrote")
        try database.execute("UPDATE people SET name = upper(name) WHERE name = 'Ada'")
        #expect(database.totalChanges == 5)
        try database.execute("CREATE INDEX people_by_name ON people (name)")
        #expect(database.totalChanges == 5)
    }

    @Test func foreignKeysAreEnforced() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a_id INTEGER REFERENCES a (id))")
        let error = try #require(throws: SQLiteError.self) { try database.execute("INSERT INTO b VALUES (1)") }
        #expect(error.message.contains("FOREIGN KEY"))
    }

    @Test func transactionCommitsOnSuccessAndRollsBackOnThrow() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE t (x INTEGER)")
        try database.transaction(.immediate) { try database.execute("INSERT INTO t VALUES (1)") }
        struct Failure: Error {}
        #expect(throws: Failure.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Failure()
            }
        }
        #expect(try database.scalar("SELECT group_concat(x) FROM t") == .text("1"))
        #expect(!database.isInTransaction)
    }

    @Test func savepointRollsBackOnlyItsOwnWork() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE t (x INTEGER)")
        struct Failure: Error {}
        try database.transaction {
            try database.execute("INSERT INTO t VALUES (1)")
            _ = try? database.savepoint("inner") {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Failure()
            }
            try database.savepoint { try database.execute("INSERT INTO t VALUES (3)") }
        }
        #expect(try database.scalar("SELECT group_concat(x) FROM t") == .text("1,3"))
    }

    @Test func readOnlyConnectionRefusesWrites() throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        let writer = try Database(path: path)
        try writer.execute("CREATE TABLE t (x INTEGER)")
        let reader = try Database(path: path, mode: .readOnly)
        #expect(reader.isReadOnly)
        let error = try #require(throws: SQLiteError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
        #expect(error.code == 8)  // SQLITE_READONLY
    }

    @Test func readWriteWithoutCreateFailsOnAMissingFile() throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        #expect(throws: SQLiteError.self) { try Database(path: path, mode: .readWrite) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func writeAheadLogAndUserVersion() throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        let database = try Database(path: path)
        #expect(try database.enableWriteAheadLog() == "wal")
        try database.setUserVersion(1234)
        #expect(try database.userVersion() == 1234)
    }

    @Test func busyWriterGetsABusyErrorAfterTheTimeout() throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        let first = try Database(path: path)
        try first.execute("CREATE TABLE t (x INTEGER)")
        let second = try Database(path: path, busyTimeout: 50)
        try first.execute("BEGIN IMMEDIATE")
        let error = try #require(throws: SQLiteError.self) { try second.execute("BEGIN IMMEDIATE") }
        #expect(error.isBusy)
        try first.execute("COMMIT")
    }

    @Test func scriptErrorNamesTheLineOfTheFailingStatement() throws {
        let database = try Database(path: "", mode: .inMemory)
        let script = """
            -- a comment
            CREATE TABLE t (x INTEGER NOT NULL);

            INSERT INTO t VALUES (1);
            /* another comment */
            INSERT INTO t VALUES (NULL);
            """
        let error = try #require(throws: ScriptError.self) { try database.executeScript(script) }
        #expect(error.line == 6)
        #expect(error.error.message.contains("NOT NULL"))
        #expect(error.error.sql?.hasPrefix("INSERT INTO t VALUES (NULL)") == true)
    }

    /// SQLite alone reads a one-byte file as an empty database and writes a database over it;
    /// every short file without SQLite's header is refused instead, in every mode, and left as it was.
    @Test(arguments: [Database.OpenMode.readWriteCreate, .readWrite, .readOnly, .readOnlyImmutable])
    func aShortFileIsNotADatabase(mode: Database.OpenMode) throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        for content in ["\n", "ab", String(repeating: "x", count: 511)] {
            try content.write(toFile: path, atomically: false, encoding: .utf8)
            let error = try #require(throws: SQLiteError.self) {
                let database = try Database(path: path, mode: mode)
                try database.execute("CREATE TABLE t (x)")
            }
            #expect(error.code == 26, "SQLITE_NOTADB for \(content.utf8.count) bytes: \(error)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
        }
        // An empty file is where SQLite makes a new database, as in a missing one.
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        try Database(path: path).execute("CREATE TABLE t (x)")
        #expect(try Database(path: path, mode: .readOnly).scalar("SELECT count(*) FROM t") == .integer(0))
    }

    @Test func scriptRunsEveryStatement() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.executeScript("CREATE TABLE t (x); INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); -- end")
        #expect(try database.scalar("SELECT sum(x) FROM t") == .integer(3))
    }
}

func temporaryPath() throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("test.sqlite").path
}

func removeDatabase(_ path: String) {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}
