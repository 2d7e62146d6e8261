import Testing
@testable import SQLiteStorage

/// `packRTree` builds trees SQLite's R*Tree module accepts (`rtreecheck`), answers queries as the
/// plain rows do, and keeps working under the module's own inserts and deletes afterwards.
@Suite struct RTreePackingTests {
    /// `spans` holds `count` rows of mixed lengths: single days, months, years, long intervals and
    /// open ends (as far-away days), their ids in no particular order of position.
    static func database(count: Int) throws -> Database {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute(
            """
            CREATE TABLE spans (id INTEGER PRIMARY KEY, low INTEGER, high INTEGER);
            CREATE VIRTUAL TABLE tree USING rtree_i32(id, low, high);
            """)
        let insert = try database.prepare("INSERT INTO spans (id, low, high) VALUES (?1, ?2, ?3)")
        for index in 0..<count {
            // Scattered by multiplying with primes: the same rows on every run.
            let low = Int64(index * 7_919 % 20_000)
            let length: Int64 = switch index % 7 {
            case 0, 1, 2: 0
            case 3: 30
            case 4: 364
            case 5: Int64(index * 104_729 % 5_000)
            default: 2_147_483_000 - low
            }
            try insert.run([.integer(Int64(index) + 1), .integer(low), .integer(low + length)])
        }
        return database
    }

    static func lengthClass(_ low: Int32, _ high: Int32) -> Int {
        Int64.bitWidth - 1 - (Int64(high) - Int64(low) + 1).leadingZeroBitCount
    }

    /// Every row matching a range query, from the tree and from the plain table.
    static func matches(_ database: Database, _ a: Int64, _ b: Int64) throws -> ([Int64], [Int64]) {
        let tree = try database.prepare("SELECT id FROM tree WHERE low <= ?2 AND high >= ?1 ORDER BY id").map([.integer(a), .integer(b)]) { $0.int64(at: 0) }
        let plain = try database.prepare("SELECT id FROM spans WHERE low <= ?2 AND high >= ?1 ORDER BY id").map([.integer(a), .integer(b)]) { $0.int64(at: 0) }
        return (tree, plain)
    }

    // 51 cells fit in a node of SQLite's default size: one leaf, one leaf and one more row, a
    // full second level and one more, and a tree three levels deep.
    @Test(arguments: [0, 1, 51, 52, 51 * 51, 51 * 51 + 1, 9_000])
    func packedTreesAreSoundAndAnswerAsThePlainRows(count: Int) throws {
        for grouped in [false, true] {
            let database = try Self.database(count: count)
            try database.packRTree("tree", rows: "SELECT id, low, high FROM spans ORDER BY low, high",
                                   group: grouped ? Self.lengthClass : { _, _ in 0 })
            #expect(try database.scalar("SELECT rtreecheck('tree')") == .text("ok"))
            #expect(try database.scalar("SELECT count(*) FROM tree") == .integer(Int64(count)))
            #expect(try database.scalar("SELECT count(*) FROM tree_rowid") == .integer(Int64(count)))
            for (a, b) in [(0, 0), (5_000, 5_000), (1_000, 1_400), (19_999, 30_000), (-10, 2), (12_345, 12_500), (0, 25_000)] as [(Int64, Int64)] {
                let (tree, plain) = try Self.matches(database, a, b)
                #expect(tree == plain, "\(count) rows, grouped: \(grouped), range \(a)...\(b)")
            }
            // The module's own writes after the packing keep the tree sound.
            try database.execute("DELETE FROM tree WHERE id % 3 = 0")
            try database.execute("DELETE FROM spans WHERE id % 3 = 0")
            try database.execute("INSERT INTO tree (id, low, high) SELECT id + 100000, low + 1, high + 1 FROM spans WHERE id % 5 = 0")
            try database.execute("INSERT INTO spans (id, low, high) SELECT id + 100000, low + 1, high + 1 FROM spans WHERE id % 5 = 0")
            #expect(try database.scalar("SELECT rtreecheck('tree')") == .text("ok"))
            let (tree, plain) = try Self.matches(database, 3_000, 3_100)
            #expect(tree == plain)
        }
    }

    /// Grouping by length keeps long rows out of the leaves of short ones: a query visits fewer
    /// nodes (the tree is smaller for the same rows only when the groups fill their nodes).
    @Test func groupingKeepsShortRowsInNarrowLeaves() throws {
        func widestShortLeaf(grouped: Bool) throws -> Int64 {
            let database = try Self.database(count: 9_000)
            try database.packRTree("tree", rows: "SELECT id, low, high FROM spans ORDER BY low, high",
                                   group: grouped ? Self.lengthClass : { _, _ in 0 })
            // The narrowest leaf holding a single-day row: how far such a leaf's bounds reach.
            let width = try database.scalar(
                """
                SELECT min(width) FROM (
                    SELECT r.nodeno, max(s.high) - min(s.low) AS width FROM tree_rowid AS r JOIN spans AS s ON s.id = r.rowid
                    GROUP BY r.nodeno HAVING min(s.high - s.low) = 0 AND max(s.high - s.low) = 0)
                """)
            guard case .integer(let value)? = width else { return Int64.max }
            return value
        }
        #expect(try widestShortLeaf(grouped: true) < 1_000)
        #expect(try widestShortLeaf(grouped: false) == Int64.max, "ungrouped, no leaf holds single days only")
    }

    @Test func whatCannotBePackedIsRefusedAndLeftAsItWas() throws {
        let database = try Self.database(count: 100)
        try database.execute(
            """
            CREATE VIRTUAL TABLE floats USING rtree(id, low, high);
            CREATE VIRTUAL TABLE planes USING rtree_i32(id, x0, x1, y0, y1);
            CREATE TABLE plain (id INTEGER PRIMARY KEY, low, high);
            """)
        for table in ["floats", "planes", "plain", "missing"] {
            #expect(throws: SQLiteError.self) {
                try database.packRTree(table, rows: "SELECT id, low, high FROM spans")
            }
        }
        try database.execute("INSERT INTO tree (id, low, high) VALUES (1, 1, 2)")
        #expect(throws: SQLiteError.self, "not empty") {
            try database.packRTree("tree", rows: "SELECT id, low, high FROM spans")
        }
        try database.execute("DELETE FROM tree")
        // A row that does not fit (here the 60th) undoes the rows packed before it.
        #expect(throws: SQLiteError.self) {
            try database.packRTree("tree", rows: "SELECT id, low, CASE WHEN id = 60 THEN 1 << 40 ELSE high END FROM spans ORDER BY id")
        }
        #expect(throws: SQLiteError.self, "low above high") {
            try database.packRTree("tree", rows: "SELECT id, high + 1, high FROM spans")
        }
        #expect(try database.scalar("SELECT count(*) FROM tree_rowid") == .integer(0))
        #expect(try database.scalar("SELECT count(*) FROM tree_node") == .integer(1))
        #expect(try database.scalar("SELECT count(*) FROM sqlite_temp_schema") == .integer(0))
        try database.packRTree("tree", rows: "SELECT id, low, high FROM spans ORDER BY low")
        #expect(try database.scalar("SELECT rtreecheck('tree')") == .text("ok"))
    }
}
