import Foundation
import Testing
@testable import SQLiteStorage

/// Rows copied from another connection's table arrive as they were stored: each value of its
/// own storage class, rowids kept, in the order read.
@Suite struct TableCopyTests {
    @Test func everyStorageClassArrivesAsStored() throws {
        let source = try Database(path: "", mode: .inMemory)
        let target = try Database(path: "", mode: .inMemory)
        for database in [source, target] {
            // No column affinity: a text '12' would otherwise be read back as the integer 12.
            try database.execute("CREATE TABLE cells (id INTEGER PRIMARY KEY, a, b)")
        }
        try source.execute("INSERT INTO cells VALUES (7, 12, '12'), (3, 1.5, x'00ff10'), (11, NULL, CAST(x'64C3A9006AC3A0' AS TEXT)), (12, -9223372036854775808, x'')")
        #expect(try target.copyRows(of: "cells", from: source) == 4)
        let rows = try target.prepare("SELECT id, a, typeof(a), b, typeof(b), length(b) FROM cells ORDER BY id").map { row in
            (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: " ")
        }
        let expected = try source.prepare("SELECT id, a, typeof(a), b, typeof(b), length(b) FROM cells ORDER BY id").map { row in
            (0..<row.columnCount).map { "\(row.value(at: $0))" }.joined(separator: " ")
        }
        #expect(rows == expected)
        #expect(rows.count == 4)
        #expect(try target.scalar("SELECT typeof(b) || length(b) FROM cells WHERE id = 3") == .text("blob3"))
        #expect(try target.scalar("SELECT typeof(b) FROM cells WHERE id = 7") == .text("text"))
        #expect(try target.scalar("SELECT hex(b) FROM cells WHERE id = 11") == .text("64C3A9006AC3A0"), "text with a NUL byte, whole")
    }

    @Test func rowsAddToWhatTheTableHoldsAndClashesFail() throws {
        let source = try Database(path: "", mode: .inMemory)
        let target = try Database(path: "", mode: .inMemory)
        for database in [source, target] { try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)") }
        try target.execute("INSERT INTO t VALUES (1, 'kept')")
        try source.execute("INSERT INTO t VALUES (2, 'two'), (3, 'three')")
        #expect(try target.copyRows(of: "t", from: source) == 2)
        #expect(try target.scalar("SELECT group_concat(v, ',') FROM (SELECT v FROM t ORDER BY id)") == .text("kept,two,three"))
        let clash = try #require(throws: SQLiteError.self) { try target.copyRows(of: "t", from: source) }
        #expect(clash.isConstraintViolation)
        #expect(clash.sql == "INSERT INTO \"t\" VALUES (?1, ?2)")
        let missing = try #require(throws: SQLiteError.self) { try target.copyRows(of: "gone", from: source) }
        #expect(missing.message == "no such table: gone")
    }
}
