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
    /// The pragma looks each child row's parent up one row at a time; when a million rows point
    /// into a parent larger than the page cache, most of those lookups read a page from the file.
    /// A key that is one integer column pointing at its parent's integer primary key is checked
    /// here set-wise instead: `NOT IN` over the parent's ids, which SQLite reads once into a
    /// temporary index (a 1M-event timeline's citations: 1.3 s with the pragma, 0.5 s so).
    /// Tables with any other kind of key go through the pragma as they are, and a table where the
    /// set-wise check finds a row is handed to the pragma too, which names the row.
    public func firstForeignKeyViolation() throws -> ForeignKeyViolation? {
        let tables = try prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"
        ).map { $0.text(at: 0) }
        for table in tables {
            let keys = try foreignKeys(of: table)
            if keys.isEmpty { continue }
            if let setWise = try setWiseChecks(of: table, keys: keys) {
                var broken = false
                for check in setWise where try prepare(check).step() {
                    broken = true
                    break
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

    /// A table's foreign keys as (id, child column, parent table, parent column or nil for its
    /// primary key), one row per column.
    private func foreignKeys(of table: String) throws -> [(id: Int64, column: String, parent: String, parentColumn: String?)] {
        try prepare("SELECT id, \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)").map([.text(table)]) {
            ($0.int64(at: 0), $0.text(at: 1), $0.text(at: 2), $0.optionalText(at: 3))
        }
    }

    /// One query per key that finds a breaking row, when every key of the table can be checked
    /// set-wise (see `firstForeignKeyViolation`); nil when one cannot.
    private func setWiseChecks(of table: String, keys: [(id: Int64, column: String, parent: String, parentColumn: String?)]) throws -> [String]? {
        // A key of several columns goes to the pragma.
        guard Set(keys.map(\.id)).count == keys.count else { return nil }
        var checks: [String] = []
        for key in keys {
            guard let parentKey = try integerPrimaryKey(of: key.parent),
                  key.parentColumn == nil || key.parentColumn?.lowercased() == parentKey.lowercased(),
                  try declaredType(of: key.column, in: table)?.uppercased().contains("INT") == true else { return nil }
            let column = SQLLiteral.identifier(key.column)
            checks.append(
                "SELECT 1 FROM \(SQLLiteral.identifier(table)) WHERE \(column) IS NOT NULL AND \(column) NOT IN (SELECT +\(SQLLiteral.identifier(parentKey)) FROM \(SQLLiteral.identifier(key.parent))) LIMIT 1")
        }
        return checks
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
