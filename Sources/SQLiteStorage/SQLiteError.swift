import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An error reported by SQLite: the result codes, SQLite's message and the SQL that failed.
///
/// The description names the SQL but never the bound arguments, which may hold private data.
public struct SQLiteError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, …).
    public let code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …); equals `code` when there is none.
    public let extendedCode: Int32
    /// SQLite's own message, e.g. `UNIQUE constraint failed: entities.slug`.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?
    /// For a failure of the file system (`SQLITE_IOERR`, `SQLITE_FULL`, `SQLITE_CANTOPEN`), the
    /// operating system's error number behind it (`ENOSPC`); 0 when unknown.
    public let systemErrorNumber: Int32

    public init(code: Int32, extendedCode: Int32? = nil, message: String? = nil, sql: String? = nil, systemErrorNumber: Int32 = 0) {
        self.extendedCode = extendedCode ?? code
        self.code = (extendedCode ?? code) & 0xFF
        self.message = message ?? String(cString: sqlite3_errstr(code))
        self.sql = sql
        self.systemErrorNumber = systemErrorNumber
    }

    /// The operating system's words for `systemErrorNumber` (`No space left on device`).
    public var systemErrorDescription: String? {
        systemErrorNumber == 0 ? nil : String(cString: strerror(systemErrorNumber))
    }

    /// Reads the error state of a connection after a call returned `resultCode`.
    init(connection: OpaquePointer?, resultCode: Int32, sql: String? = nil) {
        if let connection {
            // The last system error is only this failure's when the failure is the file system's.
            let primary = resultCode & 0xFF
            let fromFileSystem = primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN
            self.init(
                code: resultCode,
                extendedCode: sqlite3_extended_errcode(connection),
                message: String(cString: sqlite3_errmsg(connection)),
                sql: sql,
                systemErrorNumber: fromFileSystem ? sqlite3_system_errno(connection) : 0
            )
        } else {
            self.init(code: resultCode, sql: sql)
        }
    }

    /// The database was locked by another connection for longer than the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }

    /// A constraint (UNIQUE, CHECK, NOT NULL, FOREIGN KEY) refused the change.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// The operation was stopped by the progress handler or `interrupt()`.
    public var isInterrupted: Bool { code == SQLITE_INTERRUPT }

    /// SQLite's name for the extended code, e.g. `SQLITE_CONSTRAINT_UNIQUE`… as far as `sqlite3_errstr` allows.
    public var codeDescription: String { String(cString: sqlite3_errstr(extendedCode)) }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(codeDescription)): \(message)"
        if let sql {
            text += " while running `\(Self.shortened(sql))`"
        }
        return text
    }

    /// SQL can be long (a whole migration file); keep messages to one readable line.
    static func shortened(_ sql: String) -> String {
        let oneLine = sql.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .map { $0.trimmingSpaces() }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
        return oneLine.count > 200 ? String(oneLine.prefix(197)) + "…" : oneLine
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> Substring {
        var slice = self
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return slice
    }
}
