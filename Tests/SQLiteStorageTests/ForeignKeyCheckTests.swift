import CSQLite
import Testing
@testable import SQLiteStorage

/// `firstForeignKeyViolation` (set-wise for tables whose keys are all integer ids: `children`,
/// `compact`; the pragma for the rest) against `PRAGMA foreign_key_check` itself.
@Suite struct ForeignKeyCheckTests {
    static func database() throws -> Database {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute(
            """
            CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE kinds (name TEXT PRIMARY KEY);
            CREATE TABLE pairs (x INTEGER, y INTEGER, PRIMARY KEY (x, y));
            CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents,
                                   other_parent INTEGER REFERENCES parents (id));
            CREATE TABLE tagged (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents, kind TEXT REFERENCES kinds (name));
            CREATE TABLE pair_children (a INTEGER, b INTEGER, FOREIGN KEY (a, b) REFERENCES pairs (x, y));
            CREATE TABLE compact (k INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents) WITHOUT ROWID;
            INSERT INTO parents (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');
            INSERT INTO kinds (name) VALUES ('launch'), ('layoff');
            INSERT INTO pairs (x, y) VALUES (1, 1), (1, 2);
            INSERT INTO children (parent_id, other_parent) VALUES (1, NULL), (3, 2), (NULL, NULL);
            INSERT INTO tagged (parent_id, kind) VALUES (1, 'launch'), (2, NULL), (NULL, 'layoff');
            INSERT INTO pair_children (a, b) VALUES (1, 2), (NULL, 5);
            INSERT INTO compact (k, parent_id) VALUES (10, 2);
            CREATE TABLE codes (code TEXT PRIMARY KEY, label TEXT) STRICT;
            CREATE TABLE labels (name TEXT UNIQUE) STRICT;
            CREATE TABLE coded (id INTEGER PRIMARY KEY, code TEXT REFERENCES codes, label TEXT REFERENCES labels (name)) STRICT;
            CREATE TABLE strict_kinds (name TEXT PRIMARY KEY) STRICT;
            CREATE TABLE loose (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE REFERENCES strict_kinds) STRICT;
            CREATE TABLE folded (name TEXT COLLATE NOCASE PRIMARY KEY) STRICT;
            CREATE TABLE folded_children (id INTEGER PRIMARY KEY, name TEXT REFERENCES folded) STRICT;
            INSERT INTO codes (code, label) VALUES ('x', 'ex');
            INSERT INTO labels (name) VALUES ('a'), (NULL);
            INSERT INTO coded (code, label) VALUES ('x', 'a'), (NULL, NULL);
            INSERT INTO strict_kinds (name) VALUES ('launch');
            INSERT INTO loose (name) VALUES ('launch');
            INSERT INTO folded (name) VALUES ('Launch');
            INSERT INTO folded_children (name) VALUES ('LAUNCH');
            """)
        return database
    }

    static func pragmaFirst(_ database: Database) throws -> Database.ForeignKeyViolation? {
        try database.foreignKeyViolations().first.map { Database.ForeignKeyViolation(table: $0.table, rowID: $0.rowID, parent: $0.parent) }
    }

    @Test func consistentTablesHaveNoViolation() throws {
        let database = try Self.database()
        #expect(try database.firstForeignKeyViolation() == nil)
        #expect(try Self.pragmaFirst(database) == nil, "NULL keys and partly NULL pairs break nothing")
    }

    @Test(arguments: [
        ("INSERT INTO children (id, parent_id) VALUES (40, 99)", "children", 40, "parents"),
        ("INSERT INTO children (id, other_parent) VALUES (41, 7)", "children", 41, "parents"),
        ("UPDATE children SET parent_id = 'one' WHERE id = 1", "children", 1, "parents"),
        ("INSERT INTO tagged (id, kind) VALUES (42, 'Launch')", "tagged", 42, "kinds"),
        ("INSERT INTO tagged (id, parent_id) VALUES (44, 5)", "tagged", 44, "parents"),
        ("INSERT INTO pair_children (rowid, a, b) VALUES (43, 2, 1)", "pair_children", 43, "pairs"),
        ("INSERT INTO compact (k, parent_id) VALUES (11, 4)", "compact", nil, "parents"),
        ("DELETE FROM parents WHERE id = 3", "children", 2, "parents"),
        // Text keys between STRICT tables, checked set-wise.
        ("INSERT INTO coded (id, code) VALUES (50, 'y')", "coded", 50, "codes"),
        ("INSERT INTO coded (id, code) VALUES (53, 'X')", "coded", 53, "codes"),
        // The parent column holds a NULL, which must not hide a missing value.
        ("INSERT INTO coded (id, label) VALUES (51, 'b')", "coded", 51, "labels"),
        // A child column that ignores case, pointing at one that does not: not set-wise.
        ("INSERT INTO loose (id, name) VALUES (52, 'LAUNCH')", "loose", 52, "strict_kinds"),
        ("INSERT INTO folded_children (id, name) VALUES (54, 'layoff')", "folded_children", 54, "folded"),
    ] as [(String, String, Int64?, String)])
    func aBrokenKeyIsFoundAndNamedAsThePragmaNamesIt(change: String, table: String, rowID: Int64?, parent: String) throws {
        let database = try Self.database()
        try database.execute(change)
        let found = try #require(try database.firstForeignKeyViolation())
        #expect(found == Database.ForeignKeyViolation(table: table, rowID: rowID, parent: parent))
        #expect(found == (try Self.pragmaFirst(database)))
    }

    /// The ids of a parent several keys point at are read once into a temporary table, which is
    /// gone afterwards; where none can be made (a query-only connection), each key reads its own.
    @Test func sharedParentIdsAreTemporaryAndOptional() throws {
        let database = try Self.database()
        try database.execute("INSERT INTO tagged (id, parent_id) VALUES (44, 5)")
        #expect(try database.firstForeignKeyViolation() == Database.ForeignKeyViolation(table: "tagged", rowID: 44, parent: "parents"))
        #expect(try database.scalar("SELECT count(*) FROM sqlite_temp_schema") == .integer(0))
        try database.setQueryOnly(true)
        #expect(throws: SQLiteError.self, "no temporary table can be made") {
            try database.execute("CREATE TEMP TABLE probe (x)")
        }
        #expect(try database.firstForeignKeyViolation() == Database.ForeignKeyViolation(table: "tagged", rowID: 44, parent: "parents"))
    }

    /// Which tables go to the pragma: those with a key of several columns, a key into a table
    /// that is not STRICT, or a collation other than binary on either side; the others are
    /// checked set-wise only.
    @Test func onlyKeysThatCannotBeCheckedSetWiseGoToThePragma() throws {
        let database = try Self.database()
        let checked = PragmaLog()
        database.setAuthorizer { request in
            if request.action == SQLITE_PRAGMA, request.first == "foreign_key_check", let table = request.second {
                checked.tables.append(table)
            }
            return true
        }
        #expect(try database.firstForeignKeyViolation() == nil)
        #expect(checked.tables.sorted() == ["folded_children", "loose", "pair_children", "tagged"])
    }

    /// The child rows are read in the key's order where the primary key or an index gives it,
    /// not through a smaller index in another order, which would look the parent values up at random.
    @Test func aSetWiseCheckReadsTheChildRowsInTheKeysOrder() throws {
        let database = try Database(path: "", mode: .inMemory)
        try database.execute("PRAGMA foreign_keys = OFF")
        try database.execute(
            """
            CREATE TABLE parents (id INTEGER PRIMARY KEY);
            CREATE TABLE links (parent_id INTEGER NOT NULL REFERENCES parents, other_id INTEGER NOT NULL,
                                role TEXT, note TEXT, PRIMARY KEY (parent_id, other_id)) WITHOUT ROWID;
            CREATE INDEX links_by_other ON links (other_id);
            CREATE TABLE notes (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents, body TEXT);
            CREATE INDEX notes_by_parent ON notes (parent_id);
            """)
        func plan(_ table: String) throws -> String {
            let check = Database.setWiseCheck(of: table, column: "parent_id", parentValues: "SELECT +id FROM parents")
            return try database.prepare("EXPLAIN QUERY PLAN " + check).map { $0.text(at: 3) }.joined(separator: "; ")
        }
        #expect(try plan("links").hasPrefix("SCAN links;"), "by the primary key, not links_by_other")
        #expect(try plan("notes").contains("notes_by_parent"))
        #expect(try !plan("links").contains("TEMP B-TREE"))
        #expect(try !plan("notes").contains("TEMP B-TREE"))
        // The order changes which rows are read first, not what is found.
        try database.execute("INSERT INTO parents (id) VALUES (1), (2); INSERT INTO links (parent_id, other_id) VALUES (2, 1), (1, 2), (9, 0)")
        #expect(try database.firstForeignKeyViolation() == Database.ForeignKeyViolation(table: "links", rowID: nil, parent: "parents"))
    }
}

private final class PragmaLog: @unchecked Sendable {
    var tables: [String] = []
}
