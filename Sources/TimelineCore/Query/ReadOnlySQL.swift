import SQLiteStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one query a user wrote against the database, read-only whatever it says.
///
/// Three locks, each enough on its own: the file is opened read-only, `PRAGMA query_only` is on,
/// and an authorizer refuses anything but reading (writes, ATTACH, `load_extension`, pragmas
/// that set something). A statement SQLite itself does not call read-only (`VACUUM INTO`, …) is
/// refused too. A progress handler stops a query that runs past its time.
public struct ReadOnlySQL {
    public let path: String
    public var timeoutMilliseconds: Int = 5_000
    /// How long to wait for another process's write to finish before giving up (busy).
    public var busyTimeoutMilliseconds: Int32 = 5_000
    public var maximumRows: Int?

    public init(path: String) {
        self.path = path
    }

    /// Pragmas whose argument names what to report on (a table, an index): they only read.
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
        "foreign_key_check", "integrity_check", "quick_check",
    ]

    /// Pragmas that read without an argument but set something with one.
    static let readingPragmas: Set<String> = [
        "user_version", "schema_version", "application_id", "page_count", "page_size", "freelist_count", "encoding",
        "journal_mode", "foreign_keys", "query_only", "busy_timeout",
        "collation_list", "function_list", "module_list", "pragma_list", "database_list", "data_version",
        "compile_options",
    ]

    /// Calls `columns` once with the column names, then `row` for each row.
    /// - Returns: the number of rows given, and whether `maximumRows` cut the result short.
    public func run(_ sql: String, parameters: [(name: String, value: String)] = [],
                    columns: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void) throws -> (rows: Int, truncated: Bool) {
        guard DatabaseLocation.fileExists(path) else {
            throw TimelineError(.notFound, "there is no database at \(path).")
        }
        let database: Database
        do {
            if DatabaseLocation.fileExists(path + "-journal") {
                // A write interrupted under a rollback journal: reading must roll it back first,
                // which a read-only connection cannot do. A read-write one does, on its first read.
                let recovering = try Database(path: path, mode: .readWrite, busyTimeout: busyTimeoutMilliseconds)
                _ = try recovering.scalar("SELECT count(*) FROM sqlite_schema")
            }
            database = try Database(path: path, mode: DatabaseLocation.isReadOnlySnapshot(path) ? .readOnlyImmutable : .readOnly,
                                    busyTimeout: busyTimeoutMilliseconds)
            try database.setQueryOnly(true)
        } catch {
            throw TimelineStore.translate(error, path: path)
        }
        var refusal: String?
        var onlyPragmas = true
        var sawPragma = false
        database.setAuthorizer { request in
            if request.kind == .pragma { sawPragma = true } else { onlyPragmas = false }
            if let reason = Self.refusal(of: request) {
                if refusal == nil { refusal = reason }
                return false
            }
            return true
        }
        let statement: Statement
        do {
            statement = try database.prepare(sql)
        } catch {
            if let refusal {
                throw TimelineError(.usage, "timeline sql only reads, and the query \(refusal).")
            }
            // SQLite could not read the file (prepare reads the schema first): not the query's fault.
            if [8, 10, 11, 14, 26].contains(error.code) || error.isBusy {
                throw TimelineStore.translate(error, path: path)
            }
            throw TimelineError(.usage, "the query is not valid SQL: \(error.message).")
        }
        // SQLite never calls a pragma statement read-only; the authorizer allowed only reading ones.
        guard statement.isReadOnly || (onlyPragmas && sawPragma) else {
            throw TimelineError(.usage, "timeline sql only reads, and the query would change something.")
        }
        try bind(parameters, to: statement)
        if let unbound = try statement.unboundParameterName(bound: Set(parameters.map { $0.name.trimmingPrefixCharacters() }),
                                                            used: { try database.parameterNumbersRead(by: sql) }) {
            throw TimelineError(.usage, "the query's parameter \(unbound) has no value; give it with -p \(unbound.dropFirst()) VALUE.")
        }

        let deadline = Self.now() + UInt64(timeoutMilliseconds) * 1_000_000
        var timedOut = false
        database.setProgressHandler(every: 1_000) {
            if Self.now() > deadline { timedOut = true }
            return timedOut
        }
        try columns(statement.columnNames)
        var count = 0
        while true {
            let hasRow: Bool
            do {
                hasRow = try statement.step()
            } catch {
                if timedOut || error.isInterrupted {
                    throw TimelineError(.busy, "the query ran longer than \(timeoutMilliseconds) ms and was stopped; narrow it or give a larger --timeout-ms.")
                }
                throw TimelineError(.badData, "the query failed: \(error.message).")
            }
            guard hasRow else { break }
            if let maximumRows, count >= maximumRows { return (count, true) }
            try row((0..<statement.columnCount).map { statement.value(at: $0) })
            count += 1
        }
        return (count, false)
    }

    /// Why a request is refused, or nil when it only reads.
    static func refusal(of request: AuthorizerRequest) -> String? {
        switch request.kind {
        case .read, .select, .recursive:
            return nil
        case .update where request.first == "sqlite_master" && request.origin == nil:
            // SQLite itself announces these while it sets up a table-valued pragma such as
            // pragma_table_info(); a user's UPDATE of the schema is refused by SQLite, query_only and
            // the read-only file all the same.
            return nil
        case .function:
            let name = (request.second ?? "").lowercased()
            return name == "load_extension" ? "loads an extension (load_extension)" : nil
        case .pragma:
            let name = (request.first ?? "").lowercased()
            if reportingPragmas.contains(name) || (request.second == nil && readingPragmas.contains(name)) { return nil }
            return "runs PRAGMA \(name)\(request.second.map { " = \($0)" } ?? "")"
        case .attach, .detach: return "attaches or detaches a database"
        case .insert, .update, .delete:
            // SQLite asks for the schema's row before the CREATE or DROP itself.
            if schemaTables.contains((request.first ?? "").lowercased()) { return schemaChange }
            let table = request.first ?? "a table"
            return request.kind == .insert ? "inserts into \(table)" : request.kind == .update ? "updates \(table)" : "deletes from \(table)"
        case .transaction: return "opens or ends a transaction"
        case .other where request.action == alterTable: return schemaChange
        case .other: return "changes the database or its schema (SQLite action \(request.action))"
        }
    }

    private static let schemaChange = "changes the schema (creates, alters or drops a table, index, view or trigger)"

    /// The tables that hold a database's schema, under their names old and new.
    private static let schemaTables: Set<String> = ["sqlite_master", "sqlite_temp_master", "sqlite_schema", "sqlite_temp_schema"]

    /// SQLite's authorizer code for ALTER TABLE (`SQLITE_ALTER_TABLE`).
    private static let alterTable: Int32 = 26

    /// `-p NAME VALUE`: integers and decimals bind as numbers, anything else as text. A NAME that
    /// is a number binds `?NNN` or a bare `?` by its place.
    private func bind(_ parameters: [(name: String, value: String)], to statement: Statement) throws {
        for (name, value) in parameters {
            var index: Int32?
            // A number names `?NNN`, or the bare `?` in that place.
            if let number = Int32(name), number >= 1, number <= statement.parameterCount,
               statement.parameterName(at: number).map({ $0 == "?\(number)" }) ?? true {
                index = number
            }
            for prefix in [":", "@", "$"] where index == nil {
                let candidate = name.hasPrefix(":") || name.hasPrefix("@") || name.hasPrefix("$") ? name : prefix + name
                if let found = try? statement.parameterIndex(candidate) {
                    index = found
                    break
                }
            }
            guard let index else {
                let written = Int32(name) != nil ? "?" + name : ":" + name.trimmingPrefixCharacters()
                throw TimelineError(.usage, "-p \(name): the query has no parameter \(written).")
            }
            // A number as SQLite would write it binds as one; any other text (`007`, `1.50`, `+3`)
            // binds as written: SQLite still compares it with a numeric column as a number, and a
            // text column (figures' values, codes) finds it unchanged.
            if let integer = Int64(value), String(integer) == value {
                try statement.bind(integer, at: index)
            } else if ExactDecimal(value) != nil, let real = Double(value), SQLLiteral.real(real) == value {
                try statement.bind(real, at: index)
            } else {
                try statement.bind(value, at: index)
            }
        }
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

extension String {
    /// The name without its `:`, `@` or `$`.
    fileprivate func trimmingPrefixCharacters() -> String {
        hasPrefix(":") || hasPrefix("@") || hasPrefix("$") ? String(dropFirst()) : self
    }
}
