import CSQLite

extension Database {
    /// Writes the main database's tables, rows and indexes as a script that `psql` loads into an
    /// empty PostgreSQL database, all in one transaction: a load that fails leaves nothing behind.
    ///
    /// Everything is read from SQLite's own catalog (`pragma_table_list`, `pragma_table_xinfo`,
    /// `pragma_foreign_key_list`, `pragma_index_list`, `pragma_index_xinfo`, and the tokens of the
    /// stored `CREATE` text for CHECK constraints). The script, in a fixed order, is:
    /// settings and `BEGIN`; every table (`INTEGER` → `bigint`, `TEXT` → `text COLLATE "C"`,
    /// `REAL` → `double precision`, `BLOB` → `bytea`, other declared types → `numeric`, by SQLite's
    /// affinity rules) with NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE and CHECK; every table's rows
    /// as `COPY … FROM stdin` in rowid (or primary key) order; the foreign keys, added once all
    /// rows are in so tables may refer to each other in any order; the indexes; `COMMIT`.
    ///
    /// Text columns take the "C" collation, which orders and compares bytes as SQLite's default
    /// BINARY collation does. An `INTEGER PRIMARY KEY` becomes an identity column that goes on
    /// numbering where SQLite would. A DEFAULT, CHECK or plain index with no PostgreSQL form is
    /// left out with an SQL comment saying so; anything whose loss would change the data (a
    /// view, trigger or virtual table not named in `leftOut`, a column of no type, a UNIQUE index
    /// that does not translate) is an error instead.
    ///
    /// - Parameter leftOut: tables, views, triggers and indexes the caller keeps out of PostgreSQL.
    ///   A virtual table's shadow tables go with it.
    /// - Throws: `SQLiteError` with code `SQLITE_MISMATCH` and a sentence naming the object (and
    ///   the table, row and column for a value) when something has no PostgreSQL form: text that
    ///   holds a NUL byte or is not UTF-8, a value of another class than its column, a row whose
    ///   foreign key points nowhere, an object left untranslated.
    public func dumpPostgreSQL(leavingOut leftOut: Set<String> = [], write: (String) throws -> Void) throws {
        var leftOutNotes: [(rank: Int, order: Int, name: String, note: String)] = []
        var tables: [PostgreSQLTable] = []
        var indexes: [(name: String, table: String, sql: String)] = []
        let kinds = Dictionary(
            try prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").map { ($0.text(at: 0), $0.text(at: 1)) },
            uniquingKeysWith: { first, _ in first })
        let objects = try prepare(
            """
            SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
            WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid
            """
        ).map { (type: $0.text(at: 0), name: $0.text(at: 1), table: $0.text(at: 2), sql: $0.text(at: 3)) }
        for object in objects {
            let kind = object.type == "table" ? kinds[object.name] ?? "table" : object.type
            if kind == "shadow" { continue }
            let label = "\(kind == "virtual" ? "virtual table" : kind) \(SQLLiteral.identifier(object.name))"
            if leftOut.contains(object.name) {
                // By kind, tables in creation order and the rest by name (a bulk write that drops and
                // creates triggers again moves them in the schema): the sqlite3 shell's dump
                // recreates views after triggers.
                let rank = ["table": 0, "virtual": 1, "view": 2, "trigger": 3, "index": 4][kind] ?? 5
                leftOutNotes.append((rank, rank <= 1 ? leftOutNotes.count : 0, object.name, Self.comment("Left out: \(label).")))
                continue
            }
            switch kind {
            case "table":
                tables.append(try postgreSQLTable(named: object.name, createSQL: object.sql))
            case "index":
                if !object.sql.isEmpty { indexes.append((object.name, object.table, object.sql)) }
            default:
                // Views, triggers and virtual tables are SQLite's SQL and modules: only the caller may drop them.
                throw Self.untranslatable("the \(label) has no PostgreSQL translation")
            }
        }
        let keptTables = Set(tables.map(\.name))
        try checkForeignKeysHold(in: keptTables)

        try write("-- Tables, rows and indexes of an SQLite database, for psql to load into an empty database: psql -d DATABASE -f FILE\n")
        for note in leftOutNotes.sorted(by: { ($0.rank, $0.order, $0.name) < ($1.rank, $1.order, $1.name) }) { try write(note.note) }
        try write("\\set ON_ERROR_STOP on\n")
        try write("SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nBEGIN;\n\n")
        for table in tables {
            try write(table.createStatement())
        }
        for table in tables {
            try writePostgreSQLRows(of: table, write: write)
        }
        for table in tables {
            for foreignKey in try postgreSQLForeignKeys(of: table, among: tables) {
                try write(foreignKey)
            }
        }
        try write("\n")
        for index in indexes.sorted(by: { $0.name < $1.name }) where keptTables.contains(index.table) {
            try write(try postgreSQLIndex(named: index.name, on: tables.first { $0.name == index.table }!, createSQL: index.sql))
        }
        try write("COMMIT;\n")
    }

    /// The error for anything the dump cannot carry over: SQLITE_MISMATCH, as SQLite itself never
    /// returns it on a read, so callers can tell it from a failure of the database.
    fileprivate static func untranslatable(_ sentence: String) -> SQLiteError {
        SQLiteError(code: SQLITE_MISMATCH, message: sentence)
    }

    /// PostgreSQL truncates longer names silently, which could merge two of them.
    fileprivate static func postgreSQLIdentifier(_ name: String) throws -> String {
        guard name.utf8.count <= 63 else {
            throw untranslatable("the name \(SQLLiteral.identifier(name)) is longer than PostgreSQL's 63 bytes")
        }
        return SQLLiteral.identifier(name)
    }
}

// MARK: - Tables

extension Database {
    /// A column's PostgreSQL type, chosen from the SQLite declared type by SQLite's affinity rules.
    fileprivate enum PostgreSQLType: String {
        case bigint
        case text
        case doublePrecision = "double precision"
        case numeric
        case bytea

        init?(declared: String) {
            let upper = declared.uppercased()
            if upper.contains("INT") {
                self = .bigint
            } else if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") {
                self = .text
            } else if upper.contains("BLOB") {
                self = .bytea
            } else if upper.isEmpty || upper == "ANY" {
                return nil  // any value at all: no single PostgreSQL type holds that
            } else if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") {
                self = .doublePrecision
            } else {
                self = .numeric
            }
        }

        var valueClass: PostgreSQLExpression.ValueClass {
            switch self {
            case .bigint, .doublePrecision, .numeric: return .number
            case .text: return .text
            case .bytea: return .bytea
            }
        }

        /// Text compares bytewise in SQLite (BINARY); "C" is PostgreSQL's bytewise collation.
        var declaration: String { self == .text ? "text COLLATE \"C\"" : rawValue }
    }

    fileprivate struct PostgreSQLColumn {
        let name: String
        let type: PostgreSQLType
        let notNull: Bool
        /// `START WITH` of an identity column (an SQLite `INTEGER PRIMARY KEY`), else nil.
        let identityStart: Int64?
        let defaultSQL: String?
    }

    fileprivate struct PostgreSQLTable {
        let name: String
        let columns: [PostgreSQLColumn]
        let withoutRowID: Bool
        let primaryKey: [String]
        let uniqueKeys: [[String]]
        let checks: [String]
        /// SQL comments on what did not translate.
        let notes: [String]

        func createStatement() throws -> String {
            var lines: [String] = []
            for column in columns {
                var line = "    \(try Database.postgreSQLIdentifier(column.name)) \(column.type.declaration)"
                if let start = column.identityStart {
                    line += " GENERATED BY DEFAULT AS IDENTITY (START WITH \(start))"
                } else if column.notNull {
                    line += " NOT NULL"
                }
                if let defaultSQL = column.defaultSQL { line += " DEFAULT \(defaultSQL)" }
                lines.append(line)
            }
            if !primaryKey.isEmpty {
                lines.append("    PRIMARY KEY (\(primaryKey.map(SQLLiteral.identifier).joined(separator: ", ")))")
            }
            for key in uniqueKeys {
                lines.append("    UNIQUE (\(key.map(SQLLiteral.identifier).joined(separator: ", ")))")
            }
            for check in checks {
                lines.append("    CHECK (\(check))")
            }
            return notes.joined() + "CREATE TABLE \(try Database.postgreSQLIdentifier(name)) (\n" + lines.joined(separator: ",\n") + "\n);\n\n"
        }
    }

    fileprivate func postgreSQLTable(named name: String, createSQL: String) throws -> PostgreSQLTable {
        let quotedName = SQLLiteral.identifier(name)
        let withoutRowID = try scalar("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1", [.text(name)]) == .integer(1)
        let rows = try prepare("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1) ORDER BY cid")
            .map([.text(name)]) { row in
                (name: row.text(at: 0), declared: row.text(at: 1), notNull: row.bool(at: 2), defaultValue: row.optionalText(at: 3),
                 primaryKeyPosition: row.int(at: 4), hidden: row.int(at: 5))
            }
        let primaryKey = rows.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }.map(\.name)
        let rowIDAlias = !withoutRowID && primaryKey.count == 1
            && rows.first { $0.name == primaryKey[0] }?.declared.uppercased() == "INTEGER"
        var notes: [String] = []
        var columns: [PostgreSQLColumn] = []
        for row in rows {
            let place = "column \(SQLLiteral.identifier(row.name)) of table \(quotedName)"
            guard row.hidden == 0 else {
                throw Self.untranslatable("\(place) is generated by an SQLite expression, which has no PostgreSQL translation")
            }
            guard let type = PostgreSQLType(declared: row.declared) else {
                throw Self.untranslatable("\(place) has no declared type, so no PostgreSQL type can be chosen for it")
            }
            let (collation, autoIncrement) = try columnMetadata(table: name, column: row.name)
            if type == .text && collation.uppercased() != "BINARY" {
                throw Self.untranslatable("\(place) compares with SQLite's \(collation) collation, which PostgreSQL has no equivalent of")
            }
            let isIdentity = rowIDAlias && row.name == primaryKey[0]
            var defaultSQL: String?
            if let sqliteDefault = row.defaultValue {
                switch PostgreSQLDefault(sqlite: sqliteDefault, type: type) {
                case .none: break
                case .translated(let sql): defaultSQL = sql
                case .untranslatable:
                    notes.append(Self.comment("Left out of \(quotedName): DEFAULT \(sqliteDefault) of \(SQLLiteral.identifier(row.name)) (no PostgreSQL translation)."))
                }
            }
            columns.append(PostgreSQLColumn(
                name: row.name, type: type, notNull: row.notNull,
                identityStart: isIdentity ? try nextRowID(of: name, autoIncrement: autoIncrement) : nil,
                defaultSQL: defaultSQL))
        }

        var uniqueKeys: [[String]] = []
        // pragma_index_list numbers the newest index 0: the highest seq is the first declared.
        let uniqueIndexes = try prepare("SELECT name FROM pragma_index_list(?1) WHERE origin = 'u' ORDER BY seq DESC").map([.text(name)]) { $0.text(at: 0) }
        for index in uniqueIndexes {
            let keyColumns = try prepare("SELECT name, coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno").map([.text(index)]) {
                (name: $0.text(at: 0), collation: $0.text(at: 1))
            }
            for column in keyColumns where column.collation.uppercased() != "BINARY" && columns.first(where: { $0.name == column.name })?.type == .text {
                throw Self.untranslatable("a UNIQUE constraint of table \(quotedName) compares \(SQLLiteral.identifier(column.name)) with SQLite's \(column.collation) collation, which PostgreSQL has no equivalent of")
            }
            uniqueKeys.append(keyColumns.map(\.name))
        }

        var checks: [String] = []
        let tokens = SQLiteToken.tokens(of: createSQL)
        var position = 0
        while position + 1 < tokens.count {
            guard tokens[position].isWord("CHECK"), tokens[position + 1].isSymbol("("),
                let close = SQLiteToken.closingParenthesis(in: tokens, openingAt: position + 1)
            else {
                position += 1
                continue
            }
            var translator = PostgreSQLExpressionTranslator(tokens: Array(tokens[(position + 2)..<close]), columns: columns)
            if let check = translator.translateCondition() {
                checks.append(check)
            } else {
                let original = createSQL.utf8.dropFirst(tokens[position].range.lowerBound).prefix(tokens[close].range.upperBound - tokens[position].range.lowerBound)
                notes.append(Self.comment("Left out of \(quotedName): \(String(decoding: original, as: UTF8.self)) (no PostgreSQL translation)."))
            }
            position = close + 1
        }
        return PostgreSQLTable(
            name: name, columns: columns, withoutRowID: withoutRowID, primaryKey: primaryKey,
            uniqueKeys: uniqueKeys, checks: checks, notes: notes)
    }

    /// The declared collation (BINARY, NOCASE, RTRIM…) and the AUTOINCREMENT flag of a column.
    fileprivate func columnMetadata(table: String, column: String) throws -> (collation: String, autoIncrement: Bool) {
        var collation: UnsafePointer<CChar>?
        var autoIncrement: Int32 = 0
        try check(sqlite3_table_column_metadata(handle, "main", table, column, nil, &collation, nil, nil, &autoIncrement))
        return (collation.map { String(cString: $0) } ?? "BINARY", autoIncrement != 0)
    }

    /// Where SQLite would number the next row: after the highest rowid, or after the highest
    /// ever given for AUTOINCREMENT; nil when that is past the end of bigint.
    fileprivate func nextRowID(of table: String, autoIncrement: Bool) throws -> Int64? {
        var highest: Int64 = 0
        if case .integer(let value)? = try scalar("SELECT max(rowid) FROM \(SQLLiteral.identifier(table))") { highest = value }
        if autoIncrement, try tableExists("sqlite_sequence"),
            case .integer(let value)? = try scalar("SELECT seq FROM sqlite_sequence WHERE name = ?1", [.text(table)])
        {
            highest = max(highest, value)
        }
        // An identity starts at 1 or above, whatever negative rowids SQLite holds.
        return highest == .max ? nil : max(highest, 0) + 1
    }

    /// An SQL comment on one line, whatever line breaks the names or SQL in it hold.
    fileprivate static func comment(_ text: String) -> String {
        "-- " + text.split(whereSeparator: { $0.isNewline || $0 == "\t" || $0 == " " }).joined(separator: " ") + "\n"
    }
}

// MARK: - Defaults

extension Database {
    /// A column DEFAULT in PostgreSQL terms: constants, and SQLite's clock functions on 'now'
    /// (`strftime(…, 'now')`, `datetime('now')`, `CURRENT_TIMESTAMP`…) as `to_char` of the UTC time.
    fileprivate enum PostgreSQLDefault {
        case none
        case translated(String)
        case untranslatable

        init(sqlite: String, type: PostgreSQLType) {
            var tokens = SQLiteToken.tokens(of: sqlite)
            while tokens.count >= 2, tokens.first!.isSymbol("("), SQLiteToken.closingParenthesis(in: tokens, openingAt: 0) == tokens.count - 1 {
                tokens = Array(tokens.dropFirst().dropLast())
            }
            if tokens.count == 1 && tokens[0].isWord("NULL") {
                self = .none
            } else {
                self = Self.translate(tokens, type: type).map { .translated($0) } ?? .untranslatable
            }
        }

        private static func translate(_ tokens: [SQLiteToken], type: PostgreSQLType) -> String? {
            let isNumber = type.valueClass == .number
            switch tokens.count {
            case 1:
                let token = tokens[0]
                switch token.kind {
                case .number where isNumber: return PostgreSQLExpressionTranslator.numberLiteral(token.text)
                case .string where type == .text: return SQLLiteral.string(token.text)
                case .blob where type == .bytea: return "'\\x\(token.text)'::bytea"
                case .word where isNumber && (token.isWord("TRUE") || token.isWord("FALSE")): return token.isWord("TRUE") ? "1" : "0"
                case .word where type == .text:
                    let formats = ["CURRENT_TIMESTAMP": "%Y-%m-%d %H:%M:%S", "CURRENT_DATE": "%Y-%m-%d", "CURRENT_TIME": "%H:%M:%S"]
                    return formats[token.text.uppercased()].flatMap(utcNow)
                default: return nil
                }
            case 2 where isNumber && (tokens[0].isSymbol("-") || tokens[0].isSymbol("+")) && tokens[1].kind == .number:
                return PostgreSQLExpressionTranslator.numberLiteral(tokens[1].text).map { tokens[0].text + $0 }
            case 4, 6:
                // strftime('FORMAT', 'now') or datetime('now'), date('now'), time('now').
                guard type == .text, tokens[0].kind == .word, tokens[1].isSymbol("("), tokens.last!.isSymbol(")"),
                    tokens[tokens.count - 2].kind == .string, tokens[tokens.count - 2].text.lowercased() == "now"
                else { return nil }
                let function = tokens[0].text.lowercased()
                if tokens.count == 6 {
                    guard function == "strftime", tokens[2].kind == .string, tokens[3].isSymbol(",") else { return nil }
                    return utcNow(tokens[2].text)
                }
                let formats = ["datetime": "%Y-%m-%d %H:%M:%S", "date": "%Y-%m-%d", "time": "%H:%M:%S"]
                return formats[function].flatMap(utcNow)
            default:
                return nil
            }
        }

        /// `to_char` of the current UTC time with an SQLite strftime format rewritten as a
        /// PostgreSQL template; literal text with letters goes in double quotes so it is not read as a pattern.
        private static func utcNow(_ strftime: String) -> String? {
            let patterns: [Character: String] = ["Y": "YYYY", "m": "MM", "d": "DD", "H": "HH24", "M": "MI", "S": "SS", "f": "SS.MS", "j": "DDD", "%": "%"]
            var template = ""
            var literal = ""
            func flushLiteral() {
                if literal.contains(where: { $0.isLetter || $0 == "\"" || $0 == "\\" }) {
                    template += "\"" + literal.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : String($0) }.joined() + "\""
                } else {
                    template += literal
                }
                literal = ""
            }
            var characters = strftime.makeIterator()
            while let character = characters.next() {
                guard character == "%" else {
                    literal.append(character)
                    continue
                }
                guard let next = characters.next(), let pattern = patterns[next] else { return nil }
                if next == "%" {
                    literal.append("%")
                } else {
                    flushLiteral()
                    template += pattern
                }
            }
            flushLiteral()
            return "to_char(now() AT TIME ZONE 'UTC', \(SQLLiteral.string(template)))"
        }
    }
}

// MARK: - Rows

extension Database {
    /// Every row of a table as one `COPY … FROM stdin` block in COPY's text format: values
    /// tab-separated, NULL as `\N`, backslashes and control characters escaped, so no data line
    /// can ever read as the `\.` that ends the block.
    fileprivate func writePostgreSQLRows(of table: PostgreSQLTable, write: (String) throws -> Void) throws {
        let quotedName = SQLLiteral.identifier(table.name)
        let columnList = table.columns.map { SQLLiteral.identifier($0.name) }.joined(separator: ", ")
        let order = table.withoutRowID ? table.primaryKey.map(SQLLiteral.identifier).joined(separator: ", ") : "rowid"
        // Rowid tables read the rowid first, to name a row in an error.
        let firstValue: Int32 = table.withoutRowID ? 0 : 1
        let rows = try prepare("SELECT \(table.withoutRowID ? "" : "rowid, ")\(columnList) FROM \(quotedName) ORDER BY \(order)")
        try write("COPY \(quotedName) (\(columnList)) FROM stdin;\n")
        var line: [UInt8] = []
        while try rows.step() {
            line.removeAll(keepingCapacity: true)
            for (offset, column) in table.columns.enumerated() {
                if offset > 0 { line.append(0x09) }
                if let problem = Self.appendCopyValue(column: firstValue + Int32(offset), of: rows, as: column.type, to: &line) {
                    let row = table.withoutRowID
                        ? "the row with " + table.primaryKey.map { key in
                            let index = firstValue + Int32(table.columns.firstIndex { $0.name == key }!)
                            var literal = ""
                            SQLLiteral.append(column: index, of: rows, to: &literal)
                            return "\(SQLLiteral.identifier(key)) = \(literal)"
                        }.joined(separator: ", ")
                        : "row \(rows.int64(at: 0))"
                    throw Self.untranslatable("column \(SQLLiteral.identifier(column.name)) of table \(quotedName), \(row), \(problem)")
                }
            }
            line.append(0x0A)
            try write(String(decoding: line, as: UTF8.self))
        }
        try write("\\.\n\n")
    }

    /// Appends one value in COPY text format; returns what is wrong with it when PostgreSQL cannot take it.
    fileprivate static func appendCopyValue(column: Int32, of row: Statement, as type: PostgreSQLType, to line: inout [UInt8]) -> String? {
        let storage = row.columnType(at: column)
        switch (storage, type) {
        case (.null, _):
            line.append(contentsOf: "\\N".utf8)
        case (.integer, .bigint), (.integer, .doublePrecision), (.integer, .numeric):
            line.append(contentsOf: String(row.int64(at: column)).utf8)
        case (.real, .doublePrecision), (.real, .numeric):
            let value = row.double(at: column)
            let text = value.isNaN ? "NaN" : value.isInfinite ? (value < 0 ? "-Infinity" : "Infinity") : "\(value)"
            line.append(contentsOf: text.utf8)
        case (.text, .text):
            return row.withTextBytes(at: column) { appendCopyText($0, to: &line) }
        case (.blob, .bytea):
            // `\\x` in COPY text is `\x`, PostgreSQL's hex input for bytea.
            line.append(contentsOf: "\\\\x".utf8)
            let hexDigits = Array("0123456789abcdef".utf8)
            for byte in row.blob(at: column) {
                line.append(hexDigits[Int(byte >> 4)])
                line.append(hexDigits[Int(byte & 0x0F)])
            }
        default:
            let held: String
            switch storage {
            case .integer: held = "an integer"
            case .real: held = "a real number"
            case .text: held = "text"
            case .blob, .null: held = "a blob"
            }
            return "holds \(held), which its PostgreSQL \(type.rawValue) column cannot take as it is"
        }
        return nil
    }

    /// Escapes text for COPY; PostgreSQL text holds neither NUL bytes nor invalid UTF-8.
    private static func appendCopyText(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) -> String? {
        let hexDigits = Array("0123456789ABCDEF".utf8)
        var hasHighBytes = false
        for byte in bytes {
            switch byte {
            case 0x00: return "holds a NUL byte, which PostgreSQL text cannot hold"
            case 0x5C: line.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: line.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: line.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: line.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x01..<0x20, 0x7F: line.append(contentsOf: [0x5C, UInt8(ascii: "x"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]])
            default:
                if byte >= 0x80 { hasHighBytes = true }
                line.append(byte)
            }
        }
        if hasHighBytes {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return nil
                case .error: return "holds text that is not valid UTF-8, which PostgreSQL text cannot hold"
                }
            }
        }
        return nil
    }
}

// MARK: - Keys and indexes

extension Database {
    /// PostgreSQL checks every foreign key when it is added: a dangling reference, which SQLite
    /// keeps when foreign keys were off, is reported here instead of failing the load.
    fileprivate func checkForeignKeysHold(in tables: Set<String>) throws {
        for violation in try foreignKeyViolations() where tables.contains(violation.table) {
            let row = violation.rowID.map { "row \($0)" } ?? "a row"
            throw Self.untranslatable(
                "\(row) of table \(SQLLiteral.identifier(violation.table)) refers to a row of \(SQLLiteral.identifier(violation.parent)) that does not exist, which a PostgreSQL foreign key would refuse")
        }
    }

    fileprivate func postgreSQLForeignKeys(of table: PostgreSQLTable, among tables: [PostgreSQLTable]) throws -> [String] {
        let rows = try prepare("SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?1) ORDER BY id DESC, seq")
            .map([.text(table.name)]) { row in
                (id: row.int(at: 0), parent: row.text(at: 1), from: row.text(at: 2), to: row.optionalText(at: 3), onUpdate: row.text(at: 4), onDelete: row.text(at: 5))
            }
        var statements: [String] = []
        var start = 0
        while start < rows.count {
            let key = rows[start...].prefix { $0.id == rows[start].id }
            start += key.count
            let first = key.first!
            guard let parent = tables.first(where: { $0.name.lowercased() == first.parent.lowercased() }) else {
                throw Self.untranslatable("table \(SQLLiteral.identifier(table.name)) refers to \(SQLLiteral.identifier(first.parent)), which is not in the dump")
            }
            // pragma_foreign_key_list numbers the last declared key 0; `REFERENCES parent` without columns means its primary key.
            let parentColumns = key.allSatisfy { $0.to != nil } ? key.map { $0.to! } : parent.primaryKey
            var statement = "ALTER TABLE \(SQLLiteral.identifier(table.name)) ADD FOREIGN KEY (\(key.map { SQLLiteral.identifier($0.from) }.joined(separator: ", ")))"
                + " REFERENCES \(SQLLiteral.identifier(parent.name)) (\(parentColumns.map(SQLLiteral.identifier).joined(separator: ", ")))"
            for (event, action) in [("UPDATE", first.onUpdate), ("DELETE", first.onDelete)] where action != "NO ACTION" && !action.isEmpty {
                statement += " ON \(event) \(action)"
            }
            statements.append(statement + ";\n")
        }
        return statements
    }

    /// An index over plain columns (NOCASE as `lower()`, which under "C" folds ASCII only, as
    /// NOCASE does), with its WHERE clause when it is partial. One that does not translate is
    /// left out with a comment, unless it is UNIQUE: then leaving it out would let in rows SQLite refuses.
    fileprivate func postgreSQLIndex(named name: String, on table: PostgreSQLTable, createSQL: String) throws -> String {
        let quotedName = try Self.postgreSQLIdentifier(name)
        let unique = try scalar("SELECT \"unique\" FROM pragma_index_list(?1) WHERE name = ?2", [.text(table.name), .text(name)]) == .integer(1)
        let keyColumns = try prepare("SELECT cid, name, \"desc\", coll FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno").map([.text(name)]) {
            (cid: $0.int(at: 0), name: $0.text(at: 1), descending: $0.bool(at: 2), collation: $0.text(at: 3).uppercased())
        }
        var parts: [String] = []
        var translatable = true
        for key in keyColumns {
            guard key.cid >= 0, let column = table.columns.first(where: { $0.name == key.name }) else {
                translatable = false
                break
            }
            var part = SQLLiteral.identifier(column.name)
            if column.type == .text && key.collation == "NOCASE" {
                part = "lower(\(part))"
            } else if column.type == .text && key.collation != "BINARY" {
                translatable = false
            }
            parts.append(part + (key.descending ? " DESC" : ""))
        }
        var whereClause = ""
        let tokens = SQLiteToken.tokens(of: createSQL)
        if translatable, let whereToken = SQLiteToken.topLevelIndex(ofWord: "WHERE", in: tokens) {
            var translator = PostgreSQLExpressionTranslator(tokens: Array(tokens[(whereToken + 1)...]), columns: table.columns)
            if let condition = translator.translateCondition() {
                whereClause = " WHERE \(condition)"
            } else {
                translatable = false
            }
        }
        guard translatable else {
            if unique {
                throw Self.untranslatable("the unique index \(SQLLiteral.identifier(name)) has no PostgreSQL translation")
            }
            return Self.comment("Left out: index \(SQLLiteral.identifier(name)) (no PostgreSQL translation of \(createSQL)).")
        }
        return "CREATE \(unique ? "UNIQUE " : "")INDEX \(quotedName) ON \(SQLLiteral.identifier(table.name)) (\(parts.joined(separator: ", ")))\(whereClause);\n"
    }
}

// MARK: - SQL tokens

extension Database {
    /// One token of SQLite's SQL, enough to find CHECK clauses and read simple expressions.
    fileprivate struct SQLiteToken {
        enum Kind { case word, identifier, string, number, blob, symbol }
        let kind: Kind
        /// Words, numbers and symbols as written; identifiers, strings and blobs without their quotes.
        let text: String
        /// Byte offsets in the SQL text.
        let range: Range<Int>

        func isWord(_ keyword: String) -> Bool { kind == .word && text.uppercased() == keyword }
        func isSymbol(_ symbol: String) -> Bool { kind == .symbol && text == symbol }

        static func tokens(of sql: String) -> [SQLiteToken] {
            let bytes = Array(sql.utf8)
            var tokens: [SQLiteToken] = []
            var index = 0
            func byte(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }
            func isWordByte(_ byte: UInt8) -> Bool {
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x24 || byte >= 0x80
            }
            func isDigit(_ byte: UInt8?) -> Bool { byte.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
            /// Reads up to the closing quote; a doubled quote stands for one.
            func quoted(close: UInt8, doubling: Bool) -> String {
                var content: [UInt8] = []
                index += 1
                while index < bytes.count {
                    if bytes[index] == close {
                        if doubling && byte(index + 1) == close {
                            content.append(close)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    content.append(bytes[index])
                    index += 1
                }
                return String(decoding: content, as: UTF8.self)
            }
            while index < bytes.count {
                let start = index
                let current = bytes[index]
                let kind: Kind
                var text: String?
                switch current {
                case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                    index += 1
                    continue
                case UInt8(ascii: "-") where byte(index + 1) == UInt8(ascii: "-"):
                    while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                    continue
                case UInt8(ascii: "/") where byte(index + 1) == UInt8(ascii: "*"):
                    index += 2
                    while index < bytes.count && !(bytes[index] == UInt8(ascii: "*") && byte(index + 1) == UInt8(ascii: "/")) { index += 1 }
                    index = min(index + 2, bytes.count)
                    continue
                case UInt8(ascii: "'"):
                    kind = .string
                    text = quoted(close: current, doubling: true)
                case UInt8(ascii: "\""), UInt8(ascii: "`"):
                    kind = .identifier
                    text = quoted(close: current, doubling: true)
                case UInt8(ascii: "["):
                    kind = .identifier
                    text = quoted(close: UInt8(ascii: "]"), doubling: false)
                case _ where current | 0x20 == UInt8(ascii: "x") && byte(index + 1) == UInt8(ascii: "'"):
                    kind = .blob
                    index += 1
                    text = quoted(close: UInt8(ascii: "'"), doubling: false)
                case _ where isDigit(current) || (current == UInt8(ascii: ".") && isDigit(byte(index + 1))):
                    kind = .number
                    let isHexadecimal = current == UInt8(ascii: "0") && (byte(index + 1).map { $0 | 0x20 } == UInt8(ascii: "x"))
                    while let next = byte(index) {
                        let isExponentSign = (next == UInt8(ascii: "+") || next == UInt8(ascii: "-"))
                            && !isHexadecimal && (bytes[index - 1] | 0x20) == UInt8(ascii: "e")
                        guard isWordByte(next) || next == UInt8(ascii: ".") || isExponentSign else { break }
                        index += 1
                    }
                case _ where isWordByte(current):
                    kind = .word
                    while let next = byte(index), isWordByte(next) { index += 1 }
                default:
                    kind = .symbol
                    let pair = byte(index + 1).map { String(decoding: [current, $0], as: UTF8.self) } ?? ""
                    index += ["||", "<=", ">=", "<>", "!=", "==", "<<", ">>", "->"].contains(pair) ? 2 : 1
                }
                tokens.append(SQLiteToken(kind: kind, text: text ?? String(decoding: bytes[start..<index], as: UTF8.self), range: start..<index))
            }
            return tokens
        }

        /// The index of the `)` that closes the `(` at `opening`, or nil when it is never closed.
        static func closingParenthesis(in tokens: [SQLiteToken], openingAt opening: Int) -> Int? {
            var depth = 0
            for index in opening..<tokens.count {
                if tokens[index].isSymbol("(") { depth += 1 }
                if tokens[index].isSymbol(")") {
                    depth -= 1
                    if depth == 0 { return index }
                }
            }
            return nil
        }

        /// The first occurrence of a keyword outside any parentheses.
        static func topLevelIndex(ofWord keyword: String, in tokens: [SQLiteToken]) -> Int? {
            var depth = 0
            for (index, token) in tokens.enumerated() {
                if token.isSymbol("(") { depth += 1 }
                if token.isSymbol(")") { depth -= 1 }
                if depth == 0 && token.isWord(keyword) { return index }
            }
            return nil
        }
    }
}

// MARK: - Expressions

extension Database {
    /// A translated expression and the class of value it gives.
    fileprivate struct PostgreSQLExpression {
        enum ValueClass { case boolean, number, text, bytea, null }
        let sql: String
        let valueClass: ValueClass
        /// Whether the SQL needs no parentheses as an operand.
        let isAtomic: Bool

        var operand: String { isAtomic ? sql : "(\(sql))" }

        func fits(_ other: PostgreSQLExpression) -> Bool {
            valueClass == other.valueClass || valueClass == .null || other.valueClass == .null
        }
    }

    /// Reads a CHECK or WHERE expression with SQLite's precedence and writes it for PostgreSQL,
    /// with every compound operand in parentheses, so PostgreSQL's own precedence never matters.
    ///
    /// It knows columns of the table, literals, comparisons, AND/OR/NOT, IS [NOT] NULL, IS [NOT]
    /// DISTINCT FROM, [NOT] IN lists, BETWEEN, + - * /, `||`, length/lower/upper/abs and GLOB
    /// (as an anchored regular expression). Operands must be of one class (numbers with numbers,
    /// text with text): PostgreSQL refuses the mixtures SQLite converts. Anything else — LIKE
    /// (ASCII case-folding), CAST, CASE, subqueries, other functions — does not translate.
    fileprivate struct PostgreSQLExpressionTranslator {
        private struct Untranslatable: Error {}

        private let tokens: [SQLiteToken]
        private var position = 0
        private let columns: [String: PostgreSQLColumn]

        init(tokens: [SQLiteToken], columns: [PostgreSQLColumn]) {
            self.tokens = tokens
            // SQLite's column names are case-insensitive.
            self.columns = Dictionary(columns.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        }

        /// The condition as PostgreSQL SQL, or nil when any part of it does not translate.
        mutating func translateCondition() -> String? {
            guard let expression = try? parseOr(), position == tokens.count,
                expression.valueClass == .boolean || expression.valueClass == .null
            else { return nil }
            return expression.sql
        }

        /// A numeric literal PostgreSQL reads the same way; SQLite's hexadecimal integers become decimal.
        static func numberLiteral(_ text: String) -> String? {
            let lower = text.lowercased()
            if lower.hasPrefix("0x") { return Int64(lower.dropFirst(2), radix: 16).map { String($0) } }
            return Double(text) == nil ? nil : text
        }

        private var current: SQLiteToken? { position < tokens.count ? tokens[position] : nil }

        private mutating func takeWord(_ keyword: String) -> Bool {
            guard current?.isWord(keyword) == true else { return false }
            position += 1
            return true
        }

        private mutating func takeSymbol(_ symbols: String...) -> String? {
            guard let token = current, token.kind == .symbol, symbols.contains(token.text) else { return nil }
            position += 1
            return token.text
        }

        private mutating func expectSymbol(_ symbol: String) throws {
            guard takeSymbol(symbol) != nil else { throw Untranslatable() }
        }

        private func compound(_ sql: String, _ valueClass: PostgreSQLExpression.ValueClass) -> PostgreSQLExpression {
            PostgreSQLExpression(sql: sql, valueClass: valueClass, isAtomic: false)
        }

        private func requireBoolean(_ expressions: PostgreSQLExpression...) throws {
            for expression in expressions where expression.valueClass != .boolean && expression.valueClass != .null {
                throw Untranslatable()
            }
        }

        private func requireFit(_ left: PostgreSQLExpression, _ right: PostgreSQLExpression) throws {
            guard left.fits(right) else { throw Untranslatable() }
        }

        private mutating func parseOr() throws -> PostgreSQLExpression {
            var left = try parseAnd()
            while takeWord("OR") {
                let right = try parseAnd()
                try requireBoolean(left, right)
                left = compound("\(left.operand) OR \(right.operand)", .boolean)
            }
            return left
        }

        private mutating func parseAnd() throws -> PostgreSQLExpression {
            var left = try parseNot()
            while takeWord("AND") {
                let right = try parseNot()
                try requireBoolean(left, right)
                left = compound("\(left.operand) AND \(right.operand)", .boolean)
            }
            return left
        }

        private mutating func parseNot() throws -> PostgreSQLExpression {
            guard takeWord("NOT") else { return try parseEquality() }
            let operand = try parseNot()
            try requireBoolean(operand)
            return compound("NOT \(operand.operand)", .boolean)
        }

        /// SQLite puts =, <>, IS, IN, GLOB, BETWEEN, ISNULL and NOTNULL on one level, left to right.
        private mutating func parseEquality() throws -> PostgreSQLExpression {
            var left = try parseComparison()
            while true {
                if let symbol = takeSymbol("=", "==", "<>", "!=") {
                    let right = try parseComparison()
                    try requireFit(left, right)
                    left = compound("\(left.operand) \(symbol == "=" || symbol == "==" ? "=" : "<>") \(right.operand)", .boolean)
                } else if takeWord("ISNULL") {
                    left = compound("\(left.operand) IS NULL", .boolean)
                } else if takeWord("NOTNULL") {
                    left = compound("\(left.operand) IS NOT NULL", .boolean)
                } else if takeWord("IS") {
                    let negated = takeWord("NOT")
                    // `IS TRUE` tests for any non-zero value in SQLite, not for equality with 1.
                    if current?.isWord("TRUE") == true || current?.isWord("FALSE") == true { throw Untranslatable() }
                    if takeWord("NULL") {
                        left = compound("\(left.operand) IS \(negated ? "NOT " : "")NULL", .boolean)
                        continue
                    }
                    // SQLite's IS compares NULLs as equal: PostgreSQL's IS NOT DISTINCT FROM.
                    let distinct = takeWord("DISTINCT")
                    if distinct && !takeWord("FROM") { throw Untranslatable() }
                    let right = try parseComparison()
                    try requireFit(left, right)
                    left = compound("\(left.operand) IS \(negated == distinct ? "NOT " : "")DISTINCT FROM \(right.operand)", .boolean)
                } else if current?.isWord("NOT") == true || current?.isWord("IN") == true || current?.isWord("GLOB") == true
                    || current?.isWord("BETWEEN") == true
                {
                    let negated = takeWord("NOT")
                    if negated && takeWord("NULL") {
                        left = compound("\(left.operand) IS NOT NULL", .boolean)
                    } else if takeWord("IN") {
                        left = try parseInList(left, negated: negated)
                    } else if takeWord("GLOB") {
                        guard let pattern = current, pattern.kind == .string, left.valueClass == .text,
                            let regex = Self.regularExpression(glob: pattern.text)
                        else { throw Untranslatable() }
                        position += 1
                        left = compound("\(left.operand) \(negated ? "!~" : "~") \(SQLLiteral.string(regex))", .boolean)
                    } else if takeWord("BETWEEN") {
                        let low = try parseComparison()
                        guard takeWord("AND") else { throw Untranslatable() }
                        let high = try parseComparison()
                        try requireFit(left, low)
                        try requireFit(left, high)
                        left = compound("\(left.operand) \(negated ? "NOT " : "")BETWEEN \(low.operand) AND \(high.operand)", .boolean)
                    } else {
                        throw Untranslatable()
                    }
                } else {
                    return left
                }
            }
        }

        private mutating func parseInList(_ left: PostgreSQLExpression, negated: Bool) throws -> PostgreSQLExpression {
            try expectSymbol("(")
            var items: [String] = []
            repeat {
                let item = try parseOr()
                try requireFit(left, item)
                items.append(item.operand)
            } while takeSymbol(",") != nil
            try expectSymbol(")")
            return compound("\(left.operand) \(negated ? "NOT " : "")IN (\(items.joined(separator: ", ")))", .boolean)
        }

        private mutating func parseComparison() throws -> PostgreSQLExpression {
            var left = try parseAdditive()
            while let symbol = takeSymbol("<", "<=", ">", ">=") {
                let right = try parseAdditive()
                try requireFit(left, right)
                left = compound("\(left.operand) \(symbol) \(right.operand)", .boolean)
            }
            return left
        }

        private mutating func parseArithmetic(_ symbols: [String], next: (inout Self) throws -> PostgreSQLExpression) throws -> PostgreSQLExpression {
            var left = try next(&self)
            while let token = current, token.kind == .symbol, symbols.contains(token.text) {
                position += 1
                let right = try next(&self)
                // `||` joins text, the others take numbers; SQLite would convert the rest, PostgreSQL refuses.
                let operandClass: PostgreSQLExpression.ValueClass = token.text == "||" ? .text : .number
                for operand in [left, right] where operand.valueClass != operandClass && operand.valueClass != .null {
                    throw Untranslatable()
                }
                left = compound("\(left.operand) \(token.text) \(right.operand)", operandClass)
            }
            return left
        }

        private mutating func parseAdditive() throws -> PostgreSQLExpression {
            try parseArithmetic(["+", "-"]) { try $0.parseMultiplicative() }
        }

        private mutating func parseMultiplicative() throws -> PostgreSQLExpression {
            // Not `%`: SQLite takes it on reals (as integers), PostgreSQL has no double precision `%`.
            try parseArithmetic(["*", "/"]) { try $0.parseConcatenation() }
        }

        private mutating func parseConcatenation() throws -> PostgreSQLExpression {
            try parseArithmetic(["||"]) { try $0.parseUnary() }
        }

        private mutating func parseUnary() throws -> PostgreSQLExpression {
            if let sign = takeSymbol("-", "+") {
                let operand = try parseUnary()
                guard operand.valueClass == .number else { throw Untranslatable() }
                return compound("\(sign)\(operand.operand)", .number)
            }
            let primary = try parsePrimary()
            // BINARY is what every "C" text column compares with already.
            if takeWord("COLLATE") {
                guard let collation = current, collation.text.uppercased() == "BINARY" else { throw Untranslatable() }
                position += 1
            }
            return primary
        }

        private mutating func parsePrimary() throws -> PostgreSQLExpression {
            guard let token = current else { throw Untranslatable() }
            position += 1
            switch token.kind {
            case .number:
                guard let literal = Self.numberLiteral(token.text) else { throw Untranslatable() }
                return PostgreSQLExpression(sql: literal, valueClass: .number, isAtomic: true)
            case .string:
                return PostgreSQLExpression(sql: SQLLiteral.string(token.text), valueClass: .text, isAtomic: true)
            case .blob:
                return PostgreSQLExpression(sql: "'\\x\(token.text)'::bytea", valueClass: .bytea, isAtomic: false)
            case .symbol:
                guard token.text == "(" else { throw Untranslatable() }
                let inner = try parseOr()
                try expectSymbol(")")
                return inner
            case .identifier, .word:
                if token.kind == .word {
                    if token.isWord("NULL") { return PostgreSQLExpression(sql: "NULL", valueClass: .null, isAtomic: true) }
                    // SQLite's TRUE and FALSE are the integers 1 and 0.
                    if token.isWord("TRUE") || token.isWord("FALSE") {
                        return PostgreSQLExpression(sql: token.isWord("TRUE") ? "1" : "0", valueClass: .number, isAtomic: true)
                    }
                    if current?.isSymbol("(") == true { return try parseFunction(token.text.lowercased()) }
                }
                guard let column = columns[token.text.lowercased()] else { throw Untranslatable() }
                return PostgreSQLExpression(sql: SQLLiteral.identifier(column.name), valueClass: column.type.valueClass, isAtomic: true)
            }
        }

        /// Functions that mean the same in both: length counts characters of text and bytes of
        /// blobs; lower and upper fold ASCII only, as they do under "C".
        private mutating func parseFunction(_ name: String) throws -> PostgreSQLExpression {
            try expectSymbol("(")
            let argument = try parseOr()
            try expectSymbol(")")
            let resultClass: PostgreSQLExpression.ValueClass
            switch (name, argument.valueClass) {
            case ("length", .text), ("length", .bytea): resultClass = .number
            case ("lower", .text), ("upper", .text): resultClass = .text
            case ("abs", .number): resultClass = .number
            default: throw Untranslatable()
            }
            return PostgreSQLExpression(sql: "\(name)(\(argument.sql))", valueClass: resultClass, isAtomic: true)
        }

        /// A GLOB pattern as an anchored PostgreSQL regular expression: `*` → `.*`, `?` → `.`,
        /// `[…]` and `[^…]` as bracket expressions, every other character literal. GLOB is
        /// case-sensitive and its `*` crosses newlines, as `~` and `.` do by default.
        static func regularExpression(glob: String) -> String? {
            var regex = "^"
            let characters = Array(glob)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                switch character {
                case "*":
                    regex += ".*"
                case "?":
                    regex += "."
                case "[":
                    var bracket = "["
                    index += 1
                    if index < characters.count && characters[index] == "^" {
                        bracket += "^"
                        index += 1
                    }
                    // A `]` right after `[` or `[^` is a member, not the end.
                    if index < characters.count && characters[index] == "]" {
                        bracket += "\\]"
                        index += 1
                    }
                    while index < characters.count && characters[index] != "]" {
                        let member = characters[index]
                        bracket += member == "\\" || member == "[" ? "\\\(member)" : String(member)
                        index += 1
                    }
                    guard index < characters.count else { return nil }
                    regex += bracket + "]"
                default:
                    regex += "\\.^$|()[]{}+*?".contains(character) ? "\\\(character)" : String(character)
                }
                index += 1
            }
            return regex + "$"
        }
    }
}
