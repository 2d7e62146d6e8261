import CSQLite

/// A prepared statement: bind arguments, step through rows, read typed columns.
///
/// A statement belongs to one connection and is not thread-safe. It is finalized when released.
public final class Statement {
    let handle: OpaquePointer
    /// The SQL text the statement was prepared from.
    public let sql: String

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    private var connection: OpaquePointer? { sqlite3_db_handle(handle) }

    private func check(_ resultCode: Int32) throws(SQLiteError) {
        guard resultCode == SQLITE_OK else {
            throw SQLiteError(connection: connection, resultCode: resultCode, sql: sql)
        }
    }

    /// Whether the statement only reads (SQLite's own judgement, `sqlite3_stmt_readonly`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// The number of `?`/`:name` parameters.
    public var parameterCount: Int32 { sqlite3_bind_parameter_count(handle) }
}

// MARK: - Binding

extension Statement {
    /// The index of a named parameter (`:name`, `@name`, `$name`; give the name with its prefix).
    public func parameterIndex(_ name: String) throws(SQLiteError) -> Int32 {
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(
                code: SQLITE_RANGE, message: "no parameter named \(name) in the statement", sql: sql)
        }
        return index
    }

    /// The name of the parameter at `index` as the SQL writes it (`:name`, `?3`); nil for a bare
    /// `?` or an index out of range.
    public func parameterName(at index: Int32) -> String? {
        sqlite3_bind_parameter_name(handle, index).map { String(cString: $0) }
    }

    public func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    public func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    public func bind(_ value: Int, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, Int64(value)))
    }

    public func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds a string's UTF-8 bytes; SQLite takes its own copy, so Swift makes none.
    public func bind(_ value: String, at index: Int32) throws(SQLiteError) {
        var value = value
        let code = value.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                // A NULL pointer would bind NULL; empty text needs a real (empty) string.
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
            return sqlite3_bind_text(
                handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                csqlite_transient())
        }
        try check(code)
    }

    /// Binds UTF-8 text straight from a caller's buffer, without any copy.
    ///
    /// The bytes must stay valid and unchanged until the statement is stepped to completion, reset
    /// or bound again: the fast path for parsers that hold the text in their own buffers.
    public func bindTextNoCopy(_ utf8: UnsafeRawBufferPointer, at index: Int32) throws(SQLiteError) {
        guard let base = utf8.baseAddress, utf8.count > 0 else {
            try check(sqlite3_bind_text(handle, index, "", 0, csqlite_transient()))
            return
        }
        try check(sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count), csqlite_static()))
    }

    /// Binds UTF-8 text held in a byte array (SQLite takes its own copy).
    public func bindText(_ utf8: [UInt8], at index: Int32) throws(SQLiteError) {
        let code = utf8.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else {
                // A NULL pointer would bind NULL; empty text needs a real (empty) string.
                return sqlite3_bind_text(handle, index, "", 0, csqlite_transient())
            }
            return sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), csqlite_transient())
        }
        try check(code)
    }

    public func bind(_ value: [UInt8], at index: Int32) throws(SQLiteError) {
        let code = value.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), csqlite_transient())
        }
        try check(code)
    }

    public func bind(_ value: SQLValue, at index: Int32) throws(SQLiteError) {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let integer): try bind(integer, at: index)
        case .real(let real): try bind(real, at: index)
        case .text(let text): try bind(text, at: index)
        case .blob(let blob): try bind(blob, at: index)
        }
    }

    /// Binds values to `?1`, `?2`, … in order.
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        guard values.count == Int(parameterCount) else {
            throw SQLiteError(
                code: SQLITE_RANGE,
                message: "the statement takes \(parameterCount) arguments, \(values.count) were given", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            try bind(value, at: Int32(offset + 1))
        }
    }

    /// Binds values by parameter name (`[":slug": "amazon"]`).
    public func bind(named values: [String: SQLValue]) throws(SQLiteError) {
        for (name, value) in values {
            try bind(value, at: try parameterIndex(name))
        }
    }

    /// The first named parameter (with its prefix) whose bare name is not in `bound`; nil when all
    /// are. Every slot counts: a numbered parameter (`?3`) makes the numbers below it slots too.
    public func unboundParameterName(bound: Set<String>) -> String? {
        unboundParameter(bound: bound) { nil }
    }

    /// The same, but for slots no parameter of the statement fills: `used` gives the numbers its
    /// program reads (see `Database.parameterNumbersRead(by:)`), asked only when a numbered
    /// parameter has left nameless slots below it, which a bare `?` has too.
    public func unboundParameterName(bound: Set<String>, used: () throws -> Set<Int32>) rethrows -> String? {
        try unboundParameter(bound: bound, used: used)
    }

    private func unboundParameter(bound: Set<String>, used: () throws -> Set<Int32>?) rethrows -> String? {
        guard parameterCount > 0 else { return nil }
        let numbered = (1...parameterCount).contains { parameterName(at: $0).map { $0.hasPrefix("?") } ?? false }
        var usedNumbers: Set<Int32>??
        for index in 1...parameterCount {
            // A bare `?` goes by its number.
            guard let name = parameterName(at: index) else {
                if bound.contains(String(index)) { continue }
                if numbered {
                    if usedNumbers == nil { usedNumbers = .some(try used()) }
                    if let read = usedNumbers ?? nil, !read.contains(index) { continue }
                }
                return "?\(index)"
            }
            if !bound.contains(String(name.dropFirst())) { return name }
        }
        return nil
    }

    /// Clears every binding to NULL.
    public func clearBindings() {
        sqlite3_clear_bindings(handle)
    }
}

// MARK: - Stepping

extension Statement {
    /// Steps once: `true` when a row is ready to read, `false` when the statement is done.
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = SQLiteError(connection: connection, resultCode: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        sqlite3_reset(handle)
    }

    /// Runs the statement to completion with the given arguments, then resets it.
    public func run(_ values: [SQLValue] = []) throws(SQLiteError) {
        reset()
        if !values.isEmpty || parameterCount > 0 { try bind(values) }
        defer { reset() }
        while try step() {}
    }

    /// Runs the statement and calls `body` for each row.
    public func forEachRow(_ values: [SQLValue] = [], _ body: (Statement) throws -> Void) throws {
        reset()
        if !values.isEmpty || parameterCount > 0 { try bind(values) }
        defer { reset() }
        while try step() {
            try body(self)
        }
    }

    /// Runs the statement and maps each row.
    public func map<T>(_ values: [SQLValue] = [], _ transform: (Statement) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(values) { row in results.append(try transform(row)) }
        return results
    }

    /// The first row mapped, or nil when there is none.
    public func first<T>(_ values: [SQLValue] = [], _ transform: (Statement) throws -> T) throws -> T? {
        reset()
        if !values.isEmpty || parameterCount > 0 { try bind(values) }
        defer { reset() }
        return try step() ? transform(self) : nil
    }
}

// MARK: - Reading columns

extension Statement {
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    public func columnName(at index: Int32) -> String {
        sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
    }

    public var columnNames: [String] { (0..<columnCount).map { columnName(at: $0) } }

    /// The storage class of a column in the current row.
    public func columnType(at index: Int32) -> SQLValue.StorageClass {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer
        case SQLITE_FLOAT: return .real
        case SQLITE_TEXT: return .text
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    public func isNull(at index: Int32) -> Bool {
        sqlite3_column_type(handle, index) == SQLITE_NULL
    }

    public func int64(at index: Int32) -> Int64 {
        sqlite3_column_int64(handle, index)
    }

    public func int(at index: Int32) -> Int {
        Int(sqlite3_column_int64(handle, index))
    }

    public func double(at index: Int32) -> Double {
        sqlite3_column_double(handle, index)
    }

    public func bool(at index: Int32) -> Bool {
        sqlite3_column_int64(handle, index) != 0
    }

    /// The column as text; empty for NULL (use `optionalText` to tell them apart).
    public func text(at index: Int32) -> String {
        guard let pointer = sqlite3_column_text(handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(at index: Int32) -> String? {
        isNull(at: index) ? nil : text(at: index)
    }

    public func optionalInt64(at index: Int32) -> Int64? {
        isNull(at: index) ? nil : int64(at: index)
    }

    /// Calls `body` with the column's UTF-8 bytes, valid only during the call: no String is built.
    public func withTextBytes<T>(at index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_text(handle, index)
        let count = Int(sqlite3_column_bytes(handle, index))
        return try body(UnsafeBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
    }

    public func blob(at index: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, index))
        guard count > 0, let pointer = sqlite3_column_blob(handle, index) else { return [] }
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// The column as the value SQLite holds, in its own storage class.
    public func value(at index: Int32) -> SQLValue {
        switch columnType(at: index) {
        case .null: return .null
        case .integer: return .integer(int64(at: index))
        case .real: return .real(double(at: index))
        case .text: return .text(text(at: index))
        case .blob: return .blob(blob(at: index))
        }
    }
}

extension SQLValue {
    /// SQLite's five storage classes.
    public enum StorageClass: Sendable {
        case null, integer, real, text, blob
    }
}
