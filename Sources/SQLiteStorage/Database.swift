import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SQLite's process-wide settings, made once before the first connection (SQLite reads them when
/// it initialises): memory statistics off, which nothing here reads and which cost a mutex around
/// every allocation (7% of the instructions of a small query).
private let sqliteLibraryConfigured: Bool =
    csqlite_disable_memory_statistics() == SQLITE_OK && SmallBlockAllocator.install() == SQLITE_OK

/// One connection to an SQLite database.
///
/// Not thread-safe: a connection and its statements belong to one thread at a time.
public final class Database {
    /// How to open the file.
    public enum OpenMode: Sendable, Equatable {
        /// Read and write; create the file when it does not exist.
        case readWriteCreate
        /// Read and write an existing file; fail when it does not exist.
        case readWrite
        /// Read only; writes fail with SQLITE_READONLY.
        case readOnly
        /// Read only, of a file nothing can change while it is open (SQLite's `immutable`): no
        /// locks, no journal or shared-memory file, which a folder one cannot write to cannot hold.
        case readOnlyImmutable
        /// A private database in memory; the path is ignored.
        case inMemory
    }

    let handle: OpaquePointer
    /// The path the connection was opened with (`:memory:` for in-memory databases).
    public let path: String
    public let mode: OpenMode
    private var statementCache = StatementCache<String>()
    /// Statements for SQL written in the source as literals, found by the literal's address:
    /// no hashing of the SQL text on the hot paths that run them again and again.
    private var literalStatementCache = StatementCache<UInt>()
    /// Kept alive while SQLite holds pointers to them (see Database+Hooks).
    var authorizerBox: AuthorizerBox?
    var progressBox: ProgressBox?
    var busyBox: BusyBox?

    /// Opens a connection. Foreign keys are enforced; a busy connection waits `busyTimeout` milliseconds.
    /// - Parameter checkingCells: SQLite's `cell_size_check` (see below); off only for a reader
    ///   whose speed matters more, as it costs a range query over many rows about a fifth.
    public init(path: String, mode: OpenMode = .readWriteCreate, busyTimeout milliseconds: Int32 = 5_000,
                checkingCells: Bool = true) throws(SQLiteError) {
        _ = sqliteLibraryConfigured
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var openPath = path
        switch mode {
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .readOnlyImmutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            openPath = "file:" + Self.uriPath(path) + "?immutable=1"
        case .inMemory:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY
            openPath = ":memory:"
        }
        // Debian's SQLite reads every name starting `file:` as a URI (SQLITE_USE_URI):
        // `file:notes.db?mode=memory` would be a database in memory, written to nowhere, and
        // `file:notes.db` the file `notes.db`. A path is a path: `./` keeps it one.
        if mode != .readOnlyImmutable && mode != .inMemory && path.hasPrefix("file:") { openPath = "./" + path }
        if mode != .inMemory && Self.isTooShortForADatabase(path) {
            throw SQLiteError(code: SQLITE_NOTADB, message: "file is not a database")
        }
        var connection: OpaquePointer?
        let code = sqlite3_open_v2(openPath, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let error = SQLiteError(connection: connection, resultCode: code)
            sqlite3_close_v2(connection)
            throw error
        }
        self.handle = connection
        self.path = mode == .inMemory ? openPath : path
        self.mode = mode
        sqlite3_busy_timeout(connection, milliseconds)
        // Every b-tree page's cells checked against its size as the page is read: a damaged page
        // is then an error, where otherwise a read could run past a cell's end and return rows
        // of garbage with no error (an SQL export of a damaged file passed 1 run in 4). Its cost
        // did not show in a dump of 200,000 events, but a range query over many rows took a fifth longer.
        if checkingCells { try execute("PRAGMA cell_size_check = ON") }
        if mode != .readOnly && mode != .readOnlyImmutable {
            try execute("PRAGMA foreign_keys = ON")
        }
    }

    /// Whether the regular file at `path` holds data, but less than a database's smallest first
    /// page (512 bytes) and not SQLite's header. SQLite reads a one-byte file (`echo > notes.db`)
    /// as an empty database and writes over it; such a file is someone's, and is refused as the
    /// other short files are.
    static func isTooShortForADatabase(_ path: String) -> Bool {
        // Missing or unreadable: SQLite's own error says which. Only a regular file is opened
        // (opening a named pipe would wait for a writer).
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, info.st_size < 512 else { return false }
        let file = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return false }
        defer { close(file) }
        let header = Array("SQLite format 3\0".utf8)
        var start = [UInt8](repeating: 0, count: header.count)
        return read(file, &start, header.count) != header.count || start != header
    }

    /// `path` as the path of a `file:` URI: `%`, `?` and `#` escaped (a path starting `//` would
    /// name an authority, so a relative one keeps `./`).
    static func uriPath(_ path: String) -> String {
        var escaped = ""
        for character in path {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.append(character)
            }
        }
        return escaped.hasPrefix("//") ? "/" + escaped.drop { $0 == "/" } : escaped
    }

    deinit {
        statementCache.removeAll()
        literalStatementCache.removeAll()
        // v2 defers the close until statements still held elsewhere are finalized.
        sqlite3_close_v2(handle)
    }

    func check(_ resultCode: Int32, sql: String? = nil) throws(SQLiteError) {
        guard resultCode == SQLITE_OK else {
            throw SQLiteError(connection: handle, resultCode: resultCode, sql: sql)
        }
    }

    /// The version of the SQLite library in use, e.g. `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

// MARK: - Running SQL

extension Database {
    /// Runs one or more statements that return no rows of interest (DDL, pragmas, scripts).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) }
            sqlite3_free(message)
            throw SQLiteError(
                code: code, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement with arguments.
    public func execute(_ sql: String, _ values: [SQLValue]) throws {
        try cachedStatement(sql).run(values)
    }

    /// Compiles one statement. Trailing text after the first statement is an error.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        var statement: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v3(handle, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            if code == SQLITE_OK, let tail, tail.pointee != 0,
                !String(cString: tail).allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == ";" })
            {
                sqlite3_finalize(statement)
                statement = nil
                return SQLITE_MISUSE
            }
            return code
        }
        if code == SQLITE_MISUSE {
            throw SQLiteError(code: SQLITE_MISUSE, message: "more than one statement given where one was expected", sql: sql)
        }
        try check(code, sql: sql)
        guard let statement else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "no statement in the SQL text", sql: sql)
        }
        return Statement(handle: statement, sql: sql)
    }

    /// A prepared statement from the connection's cache, reset and ready to bind.
    ///
    /// Use for SQL that runs again and again; do not keep it past the next call with the same SQL.
    public func cachedStatement(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql)
        statementCache.insert(statement, for: sql)
        return statement
    }

    /// A prepared statement for SQL given as a literal, cached by the literal's address, reset and
    /// ready to bind. The fastest way to run the same SQL many times.
    public func statement(_ sql: StaticString) throws(SQLiteError) -> Statement {
        let key = UInt(bitPattern: sql.utf8Start)
        if let statement = literalStatementCache[key] {
            statement.reset()
            statement.clearBindings()
            return statement
        }
        let statement = try prepare(sql.description)
        literalStatementCache.insert(statement, for: key)
        return statement
    }

    /// The first column of the first row, or nil when there is no row.
    public func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> SQLValue? {
        try cachedStatement(sql).first(values) { $0.value(at: 0) }
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }
    /// Rows inserted, changed or deleted since the connection opened, by every statement and the
    /// triggers they fired.
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

    /// Whether the connection is inside a transaction.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Whether the connection refuses writes.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Stops the running statement at its next opportunity (from the progress handler or another thread).
    public func interrupt() {
        sqlite3_interrupt(handle)
    }
}

// MARK: - Pragmas

extension Database {
    /// `PRAGMA user_version`: a number the application keeps in the file header.
    public func userVersion() throws -> Int32 {
        guard case .integer(let value)? = try scalar("PRAGMA user_version") else { return 0 }
        return Int32(truncatingIfNeeded: value)
    }

    public func setUserVersion(_ version: Int32) throws(SQLiteError) {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Switches a file database to write-ahead logging (readers never block the writer).
    @discardableResult
    public func enableWriteAheadLog() throws -> String {
        guard case .text(let mode)? = try scalar("PRAGMA journal_mode = WAL") else { return "" }
        return mode
    }

    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Refuses every write on this connection, whatever the open mode.
    public func setQueryOnly(_ enabled: Bool) throws(SQLiteError) {
        try execute("PRAGMA query_only = \(enabled ? 1 : 0)")
    }

    /// Rows of `PRAGMA foreign_key_check` as (table, rowid, referenced table); empty when consistent.
    public func foreignKeyViolations() throws -> [(table: String, rowID: Int64?, parent: String)] {
        try prepare("PRAGMA foreign_key_check").map { row in
            (row.text(at: 0), row.optionalInt64(at: 1), row.text(at: 2))
        }
    }

    /// `PRAGMA integrity_check` lines; `["ok"]` when the file is sound.
    /// `PRAGMA integrity_check`'s lines (`ok` alone when all is well). Damage that stops the
    /// check itself ends the list with a line saying so, after what it found before.
    public func integrityCheck() throws -> [String] {
        let statement = try prepare("PRAGMA integrity_check")
        var lines: [String] = []
        do {
            while try statement.step() { lines.append(statement.text(at: 0)) }
        } catch {
            // SQLITE_CORRUPT: damage met by the check itself, which has said what it found so far.
            guard error.code == 11 else { throw error }
            let found = lines.filter { $0 != "ok" }
            return found + ["the integrity check stopped: \(error.message)"]
        }
        return lines
    }

    /// Whether a table (or view) of that name exists in the main schema.
    public func tableExists(_ name: String) throws -> Bool {
        try scalar("SELECT 1 FROM sqlite_schema WHERE name = ?1 AND type IN ('table', 'view')", [.text(name)]) != nil
    }
}

extension Database {
    /// The numbers of the parameters the program of `sql` reads (its `Variable` instructions):
    /// in `SELECT ?3`, 3 alone, though SQLite counts three slots.
    public func parameterNumbersRead(by sql: String) throws -> Set<Int32> {
        var numbers = Set<Int32>()
        // Stepped as it is: the program is listed, not run, so its parameters need no values.
        let program = try prepare("EXPLAIN " + sql)
        while try program.step() {
            if program.text(at: 1) == "Variable" { numbers.insert(Int32(truncatingIfNeeded: program.int64(at: 2))) }
        }
        return numbers
    }
}
