import CSQLite

extension Database {
    /// Writes the whole main database as SQL text that the sqlite3 shell can replay into an empty file.
    ///
    /// The output is deterministic: tables in creation order with their rows by rowid (or by every
    /// column for WITHOUT ROWID tables), then indexes, views and triggers by name (views first:
    /// an INSTEAD OF trigger needs its view), then the user version.
    /// Text survives exactly: text with control characters, NULs or invalid UTF-8 is written as a
    /// hex blob cast to text. Internal tables (`sqlite_*`) and the shadow tables of virtual tables
    /// are left out; `rebuildStatements` can name statements that refill virtual tables. `write`
    /// is given UTF-8 text, a statement or a row at a time.
    public func dumpSQL(rebuildStatements: [String] = [], write: ([UInt8]) throws -> Void) throws {
        func writeText(_ text: String) throws { try write(Array(text.utf8)) }
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

        try writeText("PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n")
        for object in objects where object.type == "table" && !isShadow(object) {
            try writeText(object.sql + ";\n")
            if virtualTables.contains(where: { $0.name == object.name }) { continue }
            try dumpRows(of: object, write: write)
        }
        // By name: a trigger or index dropped and created again (as a bulk write does) moves to
        // the end of the schema, and the same database must give the same text.
        for kind in ["index", "view", "trigger"] {
            for object in objects.filter({ $0.type == kind && !isShadow($0) }).sorted(by: { $0.name < $1.name }) {
                try writeText(object.sql + ";\n")
            }
        }
        for statement in rebuildStatements {
            try writeText(statement + ";\n")
        }
        try writeText("PRAGMA user_version=\(try userVersion());\n")
        try writeText("COMMIT;\n")
    }

    private struct SchemaObject {
        let type: String
        let name: String
        let table: String
        let sql: String
    }

    private func dumpRows(of table: SchemaObject, write: ([UInt8]) throws -> Void) throws {
        let quotedName = SQLLiteral.identifier(table.name)
        let withoutRowID = table.sql.uppercased().contains("WITHOUT ROWID")
        let columnCount = try prepare("SELECT * FROM \(quotedName) LIMIT 0").columnCount
        let order = withoutRowID ? (1...max(1, Int(columnCount))).map(String.init).joined(separator: ", ") : "rowid"
        let rows = try prepare("SELECT * FROM \(quotedName) ORDER BY \(order)")
        let prefix = Array("INSERT INTO \(quotedName) VALUES(".utf8)
        var line: [UInt8] = []
        while try rows.step() {
            line.removeAll(keepingCapacity: true)
            line += prefix
            for column in 0..<rows.columnCount {
                if column > 0 { line.append(UInt8(ascii: ",")) }
                SQLLiteral.append(column: column, of: rows, to: &line)
            }
            line += ");\n".utf8
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
        var bytes: [UInt8] = []
        append(column: column, of: row, to: &bytes)
        line += String(decoding: bytes, as: UTF8.self)
    }

    /// `append(column:of:to:)` as UTF-8 bytes; text is copied straight from the column, its
    /// quotes found eight bytes at a time.
    static func append(column: Int32, of row: Statement, to line: inout [UInt8]) {
        switch row.columnType(at: column) {
        case .null:
            line += "NULL".utf8
        case .integer:
            line += String(row.int64(at: column)).utf8
        case .real:
            line += real(row.double(at: column)).utf8
        case .text:
            row.withTextBytes(at: column) { bytes in
                if needsHex(bytes) {
                    line += "CAST(X'".utf8
                    appendHex(bytes, to: &line)
                    line += "' AS TEXT)".utf8
                    return
                }
                ByteScan.appendQuoted(bytes, quote: UInt8(ascii: "'"), to: &line)
            }
        case .blob:
            line += "X'".utf8
            let blob = row.blob(at: column)
            blob.withUnsafeBufferPointer { appendHex($0, to: &line) }
            line.append(UInt8(ascii: "'"))
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
        // Eight bytes at a time past plain ASCII text to the first control character, DEL or byte
        // beyond ASCII; past the first of those, only control characters and DEL are looked for,
        // and text beyond ASCII is checked once as UTF-8.
        var index = 0
        var hasHighBytes = false
        while index < bytes.count {
            if hasHighBytes {
                index = ByteScan.next(in: bytes, from: index,
                                      wordMayHave: { ByteScan.hasControl(in: $0) || ByteScan.has(0x7F, in: $0) },
                                      isSpecial: { $0 < 0x20 || $0 == 0x7F })
            } else {
                index = ByteScan.next(in: bytes, from: index,
                                      wordMayHave: { ByteScan.hasControl(in: $0) || $0 & 0x8080_8080_8080_8080 != 0 || ByteScan.has(0x7F, in: $0) },
                                      isSpecial: { $0 < 0x20 || $0 >= 0x7F })
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == 0x7F || (byte < 0x20 && byte != 0x0A && byte != 0x09) { return true }
            if byte >= 0x80 { hasHighBytes = true }
            index += 1
        }
        return hasHighBytes && String(validating: bytes, as: UTF8.self) == nil
    }

    private static func appendHex(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        line.reserveCapacity(line.count + bytes.count * 2)
        for byte in bytes {
            line.append(digits[Int(byte >> 4)])
            line.append(digits[Int(byte & 0x0F)])
        }
    }
}
