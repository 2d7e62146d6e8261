import CSQLite

extension Database {
    /// Writes the whole main database as SQL text that the sqlite3 shell can replay into an empty file.
    ///
    /// The output is deterministic: tables in creation order with their rows by rowid (or by every
    /// column for WITHOUT ROWID tables), then indexes, triggers and views, then the user version.
    /// Text survives exactly: text with control characters, NULs or invalid UTF-8 is written as a
    /// hex blob cast to text. Internal tables (`sqlite_*`) and the shadow tables of virtual tables
    /// are left out; `rebuildStatements` can name statements that refill virtual tables.
    public func dumpSQL(rebuildStatements: [String] = [], write: (String) throws -> Void) throws {
        let objects = try prepare(
            """
            SELECT type, name, tbl_name, sql FROM sqlite_schema
            WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
            ORDER BY rowid
            """
        ).map { row in
            SchemaObject(type: row.text(at: 0), name: row.text(at: 1), table: row.text(at: 2), sql: row.text(at: 3))
        }
        let virtualTables = objects.filter { $0.type == "table" && $0.sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") }
        // Shadow tables belong to their virtual table, which creates them again when replayed.
        let shadowTables = Set(try prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'shadow'").map { $0.text(at: 0) })
        func isShadow(_ object: SchemaObject) -> Bool {
            shadowTables.contains(object.table)
        }

        try write("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")
        for object in objects where object.type == "table" && !isShadow(object) {
            try write(object.sql + ";\n")
            if virtualTables.contains(where: { $0.name == object.name }) { continue }
            try dumpRows(of: object, write: write)
        }
        for kind in ["index", "trigger", "view"] {
            for object in objects where object.type == kind && !isShadow(object) {
                try write(object.sql + ";\n")
            }
        }
        for statement in rebuildStatements {
            try write(statement + ";\n")
        }
        try write("PRAGMA user_version=\(try userVersion());\n")
        try write("COMMIT;\n")
    }

    private struct SchemaObject {
        let type: String
        let name: String
        let table: String
        let sql: String
    }

    private func dumpRows(of table: SchemaObject, write: (String) throws -> Void) throws {
        let quotedName = SQLLiteral.identifier(table.name)
        let withoutRowID = table.sql.uppercased().contains("WITHOUT ROWID")
        let columnCount = try prepare("SELECT * FROM \(quotedName) LIMIT 0").columnCount
        let order = withoutRowID ? (1...max(1, Int(columnCount))).map(String.init).joined(separator: ", ") : "rowid"
        let rows = try prepare("SELECT * FROM \(quotedName) ORDER BY \(order)")
        let prefix = "INSERT INTO \(quotedName) VALUES("
        var line = ""
        while try rows.step() {
            line.removeAll(keepingCapacity: true)
            line += prefix
            for column in 0..<rows.columnCount {
                if column > 0 { line += "," }
                SQLLiteral.append(column: column, of: rows, to: &line)
            }
            line += ");\n"
            try write(line)
        }
    }
}

/// SQL literal syntax shared by the dump and by callers that build SQL text.
public enum SQLLiteral {
    /// `"name"` with embedded quotes doubled.
    public static func identifier(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// `'text'` with embedded quotes doubled.
    public static func string(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// A literal that gives back exactly the value read: integers and reals round-trip, text is
    /// quoted (or hex when it holds bytes the shell would not keep), blobs are hex.
    static func append(column: Int32, of row: Statement, to line: inout String) {
        switch row.columnType(at: column) {
        case .null:
            line += "NULL"
        case .integer:
            line += String(row.int64(at: column))
        case .real:
            line += real(row.double(at: column))
        case .text:
            row.withTextBytes(at: column) { bytes in
                if needsHex(bytes) {
                    line += "CAST(X'"
                    appendHex(bytes, to: &line)
                    line += "' AS TEXT)"
                } else {
                    line += "'"
                    var start = 0
                    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "'") {
                        line += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self)
                        line += "'"
                        start = index + 1
                    }
                    line += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
                    line += "'"
                }
            }
        case .blob:
            line += "X'"
            let blob = row.blob(at: column)
            blob.withUnsafeBufferPointer { appendHex($0, to: &line) }
            line += "'"
        }
    }

    /// The shortest text that reads back as the same Double; infinities as SQLite writes them.
    public static func real(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-1e999" : "1e999" }
        if value.isNaN { return "NULL" }
        return "\(value)"
    }

    /// Control characters other than newline and tab, NUL, and invalid UTF-8 go as hex.
    private static func needsHex(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var hasHighBytes = false
        for byte in bytes {
            if byte < 0x20 && byte != 0x0A && byte != 0x09 { return true }
            if byte == 0x7F { return true }
            if byte >= 0x80 { hasHighBytes = true }
        }
        if hasHighBytes {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return false
                case .error: return true
                }
            }
        }
        return false
    }

    private static func appendHex(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout String) {
        let digits: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]
        line.reserveCapacity(line.utf8.count + bytes.count * 2)
        for byte in bytes {
            line.append(digits[Int(byte >> 4)])
            line.append(digits[Int(byte & 0x0F)])
        }
    }
}
