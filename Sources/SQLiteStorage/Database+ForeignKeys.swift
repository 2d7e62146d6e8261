import CSQLite

/// Finding a row that breaks a foreign key, quickly enough to run after every bulk load.
extension Database {
    /// A row whose foreign key points at no row of its parent table.
    public struct ForeignKeyViolation: Equatable, Sendable {
        public let table: String
        public let rowID: Int64?
        public let parent: String
    }

    /// The first row `PRAGMA foreign_key_check` reports in the first table that has one, or nil
    /// when every foreign key holds.
    ///
    /// The pragma reads each child table whole and looks each row's parent up one row at a time;
    /// when a million rows point into a parent larger than the page cache, most of those lookups
    /// read a page from the file. A key of one column is checked here set-wise instead, a query
    /// that finds a child value `NOT IN` the parent's values, when that means exactly what the
    /// foreign key means:
    /// - an integer column pointing at its parent's INTEGER PRIMARY KEY: the parent's ids are read
    ///   once into a temporary table of ids, shared by every key pointing at that parent (a
    ///   1M-event timeline's citations: 1.3 s with the pragma, 0.5 s with one id index each,
    ///   0.06 s sharing one);
    /// - a column of a STRICT table pointing at a column of the same declared type of another
    ///   STRICT table, both with the binary collation: values compare byte for byte either way
    ///   (an event's kind: 0.9 s reading the events table, 0.05 s reading its index of kinds).
    /// Tables with any other kind of key go through the pragma as they are, and a table where the
    /// set-wise check finds a row is handed to the pragma too, which names the row.
    public func firstForeignKeyViolation() throws -> ForeignKeyViolation? {
        let tables = try prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        ).map { $0.text(at: 0) }
        var keysByTable: [(table: String, keys: [ForeignKeyColumn], setWise: [SetWiseKey]?)] = []
        for table in tables {
            let keys = try foreignKeys(of: table)
            if keys.isEmpty { continue }
            keysByTable.append((table, keys, try setWiseKeys(of: table, keys: keys)))
        }
        // A parent whose ids two keys or more look up: its ids read once, into a temporary table.
        var idReferences: [String: (count: Int, ids: String)] = [:]
        for key in keysByTable.flatMap({ $0.setWise ?? [] }) where key.readsParentIDs {
            idReferences[key.parent, default: (0, key.parentValues)].count += 1
        }
        var idTables: [String: String] = [:]
        defer {
            for table in idTables.values { try? execute("DROP TABLE IF EXISTS temp.\(table)") }
        }
        for (parent, references) in idReferences.sorted(by: { $0.key < $1.key }) where references.count > 1 {
            let name = "foreign_key_ids_\(idTables.count)"
            // Where temporary tables cannot be made (a query-only connection), each key reads its own.
            guard (try? execute("CREATE TEMP TABLE \(name) (id INTEGER PRIMARY KEY)")) != nil else { break }
            idTables[parent] = name
            try execute("INSERT INTO temp.\(name) (id) \(references.ids) ORDER BY 1")
        }
        for (table, _, setWise) in keysByTable {
            if let setWise {
                var broken = false
                for key in setWise {
                    let parentValues = idTables[key.parent].map { "SELECT id FROM temp.\($0)" } ?? key.parentValues
                    if try prepare(Self.setWiseCheck(of: table, column: key.column, parentValues: parentValues)).step() {
                        broken = true
                        break
                    }
                }
                if !broken { continue }
            }
            let pragma = try prepare("PRAGMA foreign_key_check(\(SQLLiteral.identifier(table)))")
            if let row = try pragma.first([], { row in
                ForeignKeyViolation(table: row.text(at: 0), rowID: row.optionalInt64(at: 1), parent: row.text(at: 2))
            }) {
                return row
            }
        }
        return nil
    }

    /// The query finding a row of `table` whose `column` (quoted) is none of `parentValues`.
    ///
    /// It reads the child rows in the key's order where an index or the primary key gives it
    /// (and sorts only rows found breaking it otherwise): the parent values are then looked up
    /// in order, a page of them after the other, where the smallest covering index the planner
    /// would pick instead looks them up at random. At a million events, a million ids in a
    /// temporary table larger than its page cache: the entity links, whose smaller index is by
    /// entity, took 1.6 s; in the order of their primary key (by event), 0.12 s.
    static func setWiseCheck(of table: String, column: String, parentValues: String) -> String {
        "SELECT 1 FROM \(SQLLiteral.identifier(table)) WHERE \(column) IS NOT NULL AND \(column) NOT IN (\(parentValues)) ORDER BY \(column) LIMIT 1"
    }

    /// One column of a foreign key: its key's id, the child column, the parent table, and the
    /// parent column (nil for the parent's primary key).
    private typealias ForeignKeyColumn = (id: Int64, column: String, parent: String, parentColumn: String?)

    /// A key checked set-wise: the child column (quoted), the parent, and the query giving the
    /// parent's values; `readsParentIDs` when those are the ids of an INTEGER PRIMARY KEY.
    private struct SetWiseKey {
        let column: String
        let parent: String
        let parentValues: String
        let readsParentIDs: Bool
    }

    /// A table's foreign keys, one row per column.
    private func foreignKeys(of table: String) throws -> [ForeignKeyColumn] {
        try prepare("SELECT id, \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)").map([.text(table)]) {
            ($0.int64(at: 0), $0.text(at: 1), $0.text(at: 2), $0.optionalText(at: 3))
        }
    }

    /// How each key of the table is checked set-wise (see `firstForeignKeyViolation`); nil when
    /// one cannot be.
    private func setWiseKeys(of table: String, keys: [ForeignKeyColumn]) throws -> [SetWiseKey]? {
        // A key of several columns goes to the pragma.
        guard Set(keys.map(\.id)).count == keys.count else { return nil }
        var checks: [SetWiseKey] = []
        for key in keys {
            let column = SQLLiteral.identifier(key.column)
            if let parentKey = try integerPrimaryKey(of: key.parent),
               key.parentColumn == nil || key.parentColumn?.lowercased() == parentKey.lowercased(),
               try declaredType(of: key.column, in: table)?.uppercased().contains("INT") == true {
                // Unary `+`: the ids read into an index of their own, not looked up one by one in the table.
                let ids = "SELECT +\(SQLLiteral.identifier(parentKey)) FROM \(SQLLiteral.identifier(key.parent))"
                checks.append(SetWiseKey(column: column, parent: key.parent, parentValues: ids, readsParentIDs: true))
                continue
            }
            guard let parentColumn = try key.parentColumn ?? singleColumnPrimaryKey(of: key.parent),
                  try isStrict(table), try isStrict(key.parent),
                  let childType = try declaredType(of: key.column, in: table),
                  try declaredType(of: parentColumn, in: key.parent)?.uppercased() == childType.uppercased(),
                  try collation(of: key.column, in: table) == "BINARY",
                  try collation(of: parentColumn, in: key.parent) == "BINARY" else { return nil }
            let value = SQLLiteral.identifier(parentColumn)
            // NULL parent values left out: one would make every NOT IN unknown, hiding a missing parent.
            checks.append(SetWiseKey(
                column: column, parent: key.parent,
                parentValues: "SELECT +\(value) FROM \(SQLLiteral.identifier(key.parent)) WHERE +\(value) IS NOT NULL",
                readsParentIDs: false))
        }
        return checks
    }

    /// The one column of a table's primary key, if its key has exactly one.
    private func singleColumnPrimaryKey(of table: String) throws -> String? {
        let columns = try prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0").map([.text(table)]) { $0.text(at: 0) }
        return columns.count == 1 ? columns[0] : nil
    }

    private func isStrict(_ table: String) throws -> Bool {
        try prepare("SELECT strict FROM pragma_table_list(?1) WHERE schema = 'main'").first([.text(table)]) { $0.int64(at: 0) } == 1
    }

    /// The collation a column compares with (`BINARY` unless declared otherwise).
    private func collation(of column: String, in table: String) throws -> String? {
        var collation: UnsafePointer<CChar>?
        let code = sqlite3_table_column_metadata(handle, "main", table, column, nil, &collation, nil, nil, nil)
        guard code == SQLITE_OK, let collation else { return nil }
        return String(cString: collation).uppercased()
    }

    /// The column that is a rowid table's INTEGER PRIMARY KEY, if it has one.
    private func integerPrimaryKey(of table: String) throws -> String? {
        let primaryKey = try prepare("SELECT name, type FROM pragma_table_info(?1) WHERE pk > 0").map([.text(table)]) {
            ($0.text(at: 0), $0.text(at: 1))
        }
        guard primaryKey.count == 1, primaryKey[0].1.uppercased() == "INTEGER",
              try scalar("SELECT 1 FROM pragma_index_list(?1) WHERE origin = 'pk'", [.text(table)]) == nil else { return nil }
        return primaryKey[0].0
    }

    private func declaredType(of column: String, in table: String) throws -> String? {
        try prepare("SELECT type FROM pragma_table_info(?1) WHERE name = ?2").first([.text(table), .text(column)]) { $0.text(at: 0) }
    }
}
