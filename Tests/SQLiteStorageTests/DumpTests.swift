import Foundation
import Testing
@testable import SQLiteStorage

@Suite struct DumpTests {
    func dump(_ database: Database) throws -> String {
        var bytes: [UInt8] = []
        try database.dumpSQL { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func dumpReplaysIntoAnIdenticalDatabase() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, r REAL, b BLOB);
            CREATE TABLE w (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID;
            CREATE INDEX t_by_s ON t (s);
            CREATE VIEW v AS SELECT s FROM t;
            CREATE TRIGGER a_before_its_view_by_name INSTEAD OF INSERT ON v BEGIN INSERT INTO t (s) VALUES (NEW.s); END;
            PRAGMA user_version = 7;
            """)
        // Quotes and special bytes at every offset of the eight-byte words the dump scans by.
        let texts = ["plain", "it's", "line\nbreak", "cr\rlf\r\n", "nul\u{0}byte", "emoji 🙂", "שלום", "«guillemets»", ""]
            + (0..<18).map { String(repeating: "a", count: $0) + "'b''" + String(repeating: "é", count: $0 % 5) }
            + (0..<10).map { String(repeating: "é", count: $0) + "del\u{7F}" } + (0..<10).map { String(repeating: "x", count: $0) + "\u{1}" }
        for text in texts {
            try database.execute("INSERT INTO t (s, r, b) VALUES (?1, ?2, ?3)", [.text(text), .real(0.1 + 0.2), .blob([0, 0xFF])])
        }
        try database.execute("INSERT INTO w VALUES ('b', 2), ('a', 1)")
        // Text that is not UTF-8 (another tool's writing) goes as hex and comes back byte for byte.
        try database.execute("CREATE TABLE raw (v TEXT); INSERT INTO raw VALUES (CAST(X'61C328FF6162636465666768' AS TEXT))")
        let first = try dump(database)
        let copy = try Database(path: "", mode: .inMemory)
        try copy.execute(first)
        #expect(try dump(copy) == first)
        let copied = try copy.prepare("SELECT s, r FROM t ORDER BY id").map { ($0.text(at: 0), $0.double(at: 1)) }
        #expect(copied.map(\.0) == texts)
        #expect(copied.allSatisfy { $0.1 == 0.1 + 0.2 })
        #expect(try copy.userVersion() == 7)
        #expect(try copy.scalar("SELECT hex(v) FROM raw") == .text("61C328FF6162636465666768"))
        #expect(first.contains("CAST(X'61C328FF6162636465666768' AS TEXT)"))
        #expect(first.contains("CREATE VIEW v"))
        // A trigger on a view can only be made after it.
        #expect(first.range(of: "CREATE VIEW v")!.lowerBound < first.range(of: "CREATE TRIGGER a_before")!.lowerBound)
        try copy.execute("INSERT INTO v VALUES ('through the view')")
        #expect(try copy.scalar("SELECT count(*) FROM t WHERE s = 'through the view'") == .integer(1))
        #expect(first.range(of: "INSERT INTO \"w\" VALUES('a',1)")!.lowerBound < first.range(of: "INSERT INTO \"w\" VALUES('b',2)")!.lowerBound)
    }

    @Test func realsAndIntegersKeepTheirExactValues() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("CREATE TABLE n (x)")
        let values: [SQLValue] = [.integer(Int64.min), .integer(Int64.max), .real(1e-300), .real(-0.5), .real(123456789.123456789), .real(.infinity)]
        for value in values { try database.execute("INSERT INTO n VALUES (?1)", [value]) }
        let copy = try Database(path: "", mode: .inMemory)
        try copy.execute(try dump(database))
        #expect(try copy.prepare("SELECT x FROM n ORDER BY rowid").map { $0.value(at: 0) } == values)
    }
}
