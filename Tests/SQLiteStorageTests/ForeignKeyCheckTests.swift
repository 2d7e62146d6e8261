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
    ] as [(String, String, Int64?, String)])
    func aBrokenKeyIsFoundAndNamedAsThePragmaNamesIt(change: String, table: String, rowID: Int64?, parent: String) throws {
        let database = try Self.database()
        try database.execute(change)
        let found = try #require(try database.firstForeignKeyViolation())
        #expect(found == Database.ForeignKeyViolation(table: table, rowID: rowID, parent: parent))
        #expect(found == (try Self.pragmaFirst(database)))
    }
}
