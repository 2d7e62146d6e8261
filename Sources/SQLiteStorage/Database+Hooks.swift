import CSQLite

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a statement asks to do, as SQLite's authorizer reports it.
public struct AuthorizerRequest: Sendable {
    /// SQLite's action code (`SQLITE_INSERT`, `SQLITE_PRAGMA`, `SQLITE_ATTACH`, `SQLITE_FUNCTION`, …).
    public let action: Int32
    /// The action's first and second arguments (a table and column, a pragma and its value, a function name…).
    public let first: String?
    public let second: String?
    /// The database (`main`, `temp`, an attached name) and the trigger or view the access comes from.
    public let database: String?
    public let origin: String?

    /// The kinds of action callers usually decide on; the rest are `.other`.
    public enum Kind: Sendable, Equatable {
        case read, select, function, pragma, attach, detach, insert, update, delete, transaction, recursive, other
    }

    public var kind: Kind {
        switch action {
        case SQLITE_READ: return .read
        case SQLITE_SELECT: return .select
        case SQLITE_FUNCTION: return .function
        case SQLITE_PRAGMA: return .pragma
        case SQLITE_ATTACH: return .attach
        case SQLITE_DETACH: return .detach
        case SQLITE_INSERT: return .insert
        case SQLITE_UPDATE: return .update
        case SQLITE_DELETE: return .delete
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return .transaction
        case SQLITE_RECURSIVE: return .recursive
        default: return .other
        }
    }
}

/// Boxes for the Swift closures SQLite's C callbacks call back into.
final class AuthorizerBox {
    let decide: (AuthorizerRequest) -> Bool
    init(_ decide: @escaping (AuthorizerRequest) -> Bool) { self.decide = decide }
}

final class ProgressBox {
    let shouldStop: () -> Bool
    init(_ shouldStop: @escaping () -> Bool) { self.shouldStop = shouldStop }
}

final class BusyBox {
    let timeout: Int32
    let shouldStop: () -> Bool
    let connection: OpaquePointer
    /// Milliseconds slept in the current wait (SQLite counts its calls from 0 for each), or in
    /// the current transaction's waits.
    var waited: Int32 = 0
    /// Whether a wait inside the current transaction ran out of time.
    var gaveUpInTransaction = false
    init(timeout: Int32, shouldStop: @escaping () -> Bool, connection: OpaquePointer) {
        self.timeout = timeout
        self.shouldStop = shouldStop
        self.connection = connection
    }

    /// A transaction begins or ends: the waits of the next one share the whole timeout again.
    func resetSharedWait() {
        waited = 0
        gaveUpInTransaction = false
    }
}

extension Database {
    /// Asks `allow` about every action a statement will take while it is prepared; a refused
    /// action makes `prepare` fail with SQLITE_AUTH ("not authorized").
    public func setAuthorizer(_ allow: @escaping (AuthorizerRequest) -> Bool) {
        let box = AuthorizerBox(allow)
        authorizerBox = box
        sqlite3_set_authorizer(handle, { context, action, first, second, database, origin in
            guard let context else { return SQLITE_DENY }
            let box = Unmanaged<AuthorizerBox>.fromOpaque(context).takeUnretainedValue()
            let request = AuthorizerRequest(
                action: action, first: first.map { String(cString: $0) }, second: second.map { String(cString: $0) },
                database: database.map { String(cString: $0) }, origin: origin.map { String(cString: $0) })
            return box.decide(request) ? SQLITE_OK : SQLITE_DENY
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Calls `shouldStop` every `instructions` virtual-machine steps; when it returns true the
    /// running statement stops with SQLITE_INTERRUPT. Pass nil to remove the handler.
    public func setProgressHandler(every instructions: Int32, _ shouldStop: (() -> Bool)?) {
        guard let shouldStop else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            progressBox = nil
            return
        }
        let box = ProgressBox(shouldStop)
        progressBox = box
        sqlite3_progress_handler(handle, instructions, { context in
            guard let context else { return 0 }
            return Unmanaged<ProgressBox>.fromOpaque(context).takeUnretainedValue().shouldStop() ? 1 : 0
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Waits up to `milliseconds` for another connection's lock, as `sqlite3_busy_timeout` does,
    /// but in steps of at most 20 ms with `shouldStop` asked between them: true gives up at once
    /// (the statement fails as busy). SQLite's own wait cannot be broken off.
    ///
    /// Inside a transaction begun with `transaction` or `savepoint`, the waits share the timeout:
    /// under a rollback journal, a write that spills its page cache asks for the file's lock at
    /// every spill and, refused, goes on without spilling, so a timeout for each wait added up to
    /// as long as a reader stayed (an import waited four minutes behind a 5 s timeout). Once they
    /// have used it, `gaveUpWaitingForLock` is true until the next transaction.
    public func setBusyHandler(timeout milliseconds: Int32, stoppingWhen shouldStop: @escaping () -> Bool) {
        let box = BusyBox(timeout: milliseconds, shouldStop: shouldStop, connection: handle)
        busyBox = box
        sqlite3_busy_handler(handle, { context, count in
            guard let context else { return 0 }
            let box = Unmanaged<BusyBox>.fromOpaque(context).takeUnretainedValue()
            let inTransaction = sqlite3_get_autocommit(box.connection) == 0
            if count == 0 && !inTransaction { box.waited = 0 }
            guard box.waited < box.timeout else {
                if inTransaction { box.gaveUpInTransaction = true }
                return 0
            }
            guard !box.shouldStop() else { return 0 }
            let step = min(count < 3 ? Int32(1 + count * 2) : 20, box.timeout - box.waited)
            usleep(useconds_t(step) * 1_000)
            box.waited += step
            return box.shouldStop() ? 0 : 1
        }, Unmanaged.passUnretained(box).toOpaque())
    }

    /// Whether, in the current transaction, a wait for another connection's lock ran out of the
    /// busy handler's timeout (`setBusyHandler`): what it was for was not done (a spill of the
    /// page cache is put off, and the commit will fail as busy unless the lock is freed first).
    public var gaveUpWaitingForLock: Bool { busyBox?.gaveUpInTransaction ?? false }
}
