import MigrationRunner
import SQLiteStorage

/// A timeline database: opened, brought up to date, and queried.
public final class TimelineStore {
    public let database: Database
    public let path: String
    /// How long a write waits for another process's lock (here and on other files it writes,
    /// as a backup copied into a timeline in use).
    let busyTimeout: Int32
    /// Set when this store made the file (it was empty when opened): `PRAGMA data_version` then,
    /// which another connection's commit changes. Nil for a file that was there.
    private var dataVersionAtCreation: SQLValue?
    /// Asked whether the work should stop (see `init`'s `stoppingWhen`).
    let shouldStop: (() -> Bool)?
    /// When rows written through this store are recorded (UTC ISO 8601); nil for the real time.
    /// Scripts and tests set it (the CLI reads `$TIMELINE_NOW`) to make history reproducible.
    public var recordingTime: String?

    /// What to do about pending migrations when opening.
    public enum MigrationPolicy: Sendable {
        /// Create, migrate and seed as needed: what every ordinary command does.
        case automatic
        /// Open as it is (for `migrate` itself, which reports and applies explicitly).
        case none
    }

    /// How many database pages the connection keeps in memory between reads.
    public enum PageCache: Sendable {
        /// 8 MiB: enough for the interior pages of the events table and its indexes at a million
        /// events, for a connection that runs many queries, aggregates or sorts (SQLite also sizes
        /// its sorter's memory by it).
        case standard
        /// 32 pages (128 KiB), recycled: for a process that streams one query's events and exits.
        /// Each new cache buffer is memory the kernel must fault in (about 1.5 µs a page here),
        /// which costs more than reading an evicted page again from the operating system's cache
        /// (about 1 µs); a 100-event range query at a million events faulted 588 pages with the
        /// standard cache and 387 with this one, and the busiest month and whole exports took as long.
        case smallRecycled

        var pragmaValue: Int { self == .standard ? -8192 : 32 }
    }

    /// Opens (creating when missing) the database at `path`, migrated unless told not to.
    /// - Parameter set: the migrations to bring it up to; nil for the embedded ones.
    /// - Parameter shouldStop: checked every few thousand SQLite instructions, from the opening
    ///   on; true stops the running statement of a transaction (an `.interrupted` error), so that
    ///   the write rolls back.
    public init(path: String, migrations: MigrationPolicy = .automatic, set: MigrationSet? = nil,
                busyTimeout milliseconds: Int32 = 5_000, pageCache: PageCache = .standard,
                stoppingWhen shouldStop: (() -> Bool)? = nil, checkingCells: Bool = true, recordingTime: String? = nil) throws {
        self.recordingTime = recordingTime
        if DatabaseLocation.isDirectory(path) {
            throw TimelineError(.cannotCreate, "\(path) is a folder, not a database file; give the path of a file.")
        }
        // An empty file (`touch`ed) is made a timeline as a missing one is, and emptied again
        // where a missing one would be removed.
        let wasEmpty = DatabaseLocation.isEmptyFile(path)
        let isNew = wasEmpty || !DatabaseLocation.fileExists(path)
        if isNew && !wasEmpty {
            try DatabaseLocation.createParentFolders(of: path)
        }
        do {
            // In a folder that cannot be written, read as it is: any write is refused as usual.
            let mode: Database.OpenMode = DatabaseLocation.isReadOnlySnapshot(path) ? .readOnlyImmutable : .readWriteCreate
            database = try Database(path: path, mode: mode, busyTimeout: milliseconds, checkingCells: checkingCells)
        } catch {
            throw Self.translate(error, path: path)
        }
        self.path = path
        self.busyTimeout = milliseconds
        self.shouldStop = shouldStop
        if let shouldStop {
            // Only a transaction is stopped: it rolls back whole. A read after a commit (an add's
            // notes) runs on, so that a change saved is never reported as stopped.
            let connection = database
            connection.setProgressHandler(every: 10_000) { [unowned connection] in connection.isInTransaction && shouldStop() }
            // Waiting for another process's lock, too: a long --busy-timeout-ms is broken off.
            connection.setBusyHandler(timeout: milliseconds, stoppingWhen: shouldStop)
        }
        // A file another process made between the look above and this open is not this store's
        // to remove: it has pages already.
        if isNew, try database.scalar("PRAGMA page_count") == .integer(0) {
            // Into WAL first, as the migrations would put it: the switch moves data_version too.
            _ = try? database.enableWriteAheadLog()
            dataVersionAtCreation = try database.scalar("PRAGMA data_version")
            madeInEmptyFile = wasEmpty
        }
        // SQLite's default cache is 2 MiB. Reading an event reads one row (its lists are copied
        // into it), so a cache bigger than `standard` bought nothing: at 32 MiB a 1M-event CSV
        // export took as long and peaked at 60 MiB instead of 27. Memory mapping the file would
        // put its pages in the resident set, which must stay small however big the timeline.
        // It reads the schema first: a database another process holds locked is waited for here,
        // once, and its error (busy past the timeout) is the command's, not waited for again.
        do {
            try database.execute("PRAGMA cache_size = \(pageCache.pragmaValue)")
        } catch {
            throw Self.translate(error, path: path)
        }
        if migrations == .automatic {
            try migrateIfNeeded(set: set)
        }
    }

    /// `body` in one read transaction (one snapshot of the file, even while another process
    /// writes; inside a caller's transaction, that one), SQLite's errors as sentences.
    func readingSnapshot<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try database.isInTransaction ? body() : database.transaction(.deferred, body)
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
    }

    /// Whether the work on this store was asked to stop (a signal): a write about to commit
    /// throws `interrupted` instead, and a database the command made is removed.
    public var stopRequested: Bool { shouldStop?() ?? false }

    /// Throws `.interrupted` when the work was asked to stop: called in a write transaction
    /// before it commits, so that a short write is stopped too, not only a statement long enough
    /// for the progress handler.
    func stopIfRequested() throws {
        if stopRequested { throw Self.interrupted(path: path) }
    }

    /// Throws the busy error when a wait for another process's lock in this transaction ran out
    /// of time: a long write checks it as it goes rather than failing only at its commit.
    func stopIfLockRefused() throws {
        if database.gaveUpWaitingForLock { throw Self.busy(path: path) }
    }

    static func busy(path: String) -> TimelineError {
        TimelineError(.busy, "the database \(path) is busy (locked by another process); try again (--busy-timeout-ms sets how long to wait).")
    }

    static func interrupted(path: String) -> TimelineError {
        TimelineError(.interrupted, "the work on \(path) was stopped and rolled back.")
    }

    /// Whether this store made its file, or the database in a file that was empty.
    public var createdFile: Bool { dataVersionAtCreation != nil }

    /// Whether the file this store made its database in was there, empty: removing "the created
    /// file" then empties it again.
    public private(set) var madeInEmptyFile = false

    /// Removes the file this store made (a failed command or a dry run leaves none), unless another
    /// process has written to it or holds it open meanwhile: then it is theirs too, and stays.
    /// Returns whether it went. The store must not be used after it did.
    @discardableResult
    public func removeCreatedFile() -> Bool {
        guard let dataVersionAtCreation, !database.isInTransaction,
              (try? database.scalar("PRAGMA data_version")) == dataVersionAtCreation else { return false }
        return Self.removeFile(at: path, ifAloneIn: database, keepingEmptyFile: madeInEmptyFile)
    }

    /// Removes the database at `path` (the file a link there leads to, which SQLite made) and its
    /// journals while `database` is the only connection to it, holding the file's exclusive lock
    /// so that no other can begin in between; `keepingEmptyFile`, empties it instead.
    static func removeFile(at path: String, ifAloneIn database: Database, keepingEmptyFile: Bool = false) -> Bool {
        // Leaving WAL needs every other connection closed; an open one keeps the mode, and the file.
        guard case .text(let mode)? = try? database.scalar("PRAGMA journal_mode = DELETE"), mode == "delete",
              (try? database.execute("BEGIN EXCLUSIVE")) != nil else { return false }
        let file = DatabaseLocation.followingLinks(path)
        if keepingEmptyFile { DatabaseLocation.emptyFile(file) } else { DatabaseLocation.removeFile(file) }
        try? database.execute("ROLLBACK")
        return true
    }

    /// Removes the database at `path` that a command began to create but could not open (a
    /// migration failed), unless another connection has it open.
    public static func removeUnopenedFile(at path: String, keepingEmptyFile: Bool = false) -> Bool {
        guard DatabaseLocation.fileExists(path), let database = try? Database(path: path, mode: .readWrite, busyTimeout: 0) else {
            return !DatabaseLocation.fileExists(path)
        }
        return removeFile(at: path, ifAloneIn: database, keepingEmptyFile: keepingEmptyFile)
    }

    /// An in-memory database, migrated and seeded: for tests and scratch work.
    public init(inMemoryWith set: MigrationSet = TimelineMigrations.embedded) throws {
        database = try Database(path: ":memory:", mode: .inMemory)
        path = ":memory:"
        busyTimeout = 5_000
        shouldStop = nil
        try migrateIfNeeded(set: set)
    }

    /// Reads one number when the database is current; otherwise validates and applies what is
    /// pending, of `set` (nil: the embedded one, gathered only then).
    func migrateIfNeeded(set: MigrationSet?) throws {
        do {
            if set == nil, try database.userVersion() == TimelineMigrations.embeddedFingerprint { return }
            let runner = TimelineMigrations.runner(for: database, set: set ?? TimelineMigrations.embedded, appliedAt: recordingTime)
            if try runner.isCurrent() { return }
            if try !runner.migrate().isEmpty { try storeMissingLists() }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Turns storage and runner errors into sentences that name the database.
    static func translate(_ error: Error, path: String) -> TimelineError {
        switch error {
        case let error as TimelineError:
            return error
        case let error as MigrationError:
            if error.isBusy {
                return busy(path: path)
            }
            if case .unreadable = error { return TimelineError(.notFound, error.description) }
            if case .database(let inner) = error { return translate(inner, path: path) }
            return TimelineError(.badData, "\(path): \(error.description)")
        case let error as SQLiteError:
            return translate(error, path: path)
        default:
            return TimelineError(.internalError, "\(path): \(error)")
        }
    }

    static func translate(_ error: SQLiteError, path: String) -> TimelineError {
        if error.isBusy {
            return busy(path: path)
        }
        switch error.code {
        case 26:  // SQLITE_NOTADB
            return TimelineError(.badData, "\(path) is not an SQLite database.")
        case 11:  // SQLITE_CORRUPT
            return TimelineError(.badData, "the database \(path) is damaged (\(error.message)).")
        case 14:  // SQLITE_CANTOPEN
            // A file that is there but may not be read is a missing input (66), not an output.
            if DatabaseLocation.isUnreadable(path) {
                return TimelineError(.notFound, "cannot read the database \(path): permission denied.")
            }
            return TimelineError(.cannotCreate, "cannot open the database \(path): \(error.message).")
        case 8:  // SQLITE_READONLY
            return TimelineError(.cannotCreate, "the database \(path) cannot be written (\(error.message)).")
        case 10, 13:  // SQLITE_IOERR, SQLITE_FULL
            // SQLite's "disk I/O error" with the system's cause: a full disk says so.
            let cause = error.systemErrorDescription.map { " (\($0))" } ?? ""
            return TimelineError(.ioError, "reading or writing \(path) failed: \(error.message)\(cause).")
        case 9:  // SQLITE_INTERRUPT: the stop check given to the store said so
            return interrupted(path: path)
        case 19:  // SQLITE_CONSTRAINT
            return TimelineError(.badData, "\(path): \(error.message).")
        default:
            return TimelineError(.internalError, "\(path): \(error.description)")
        }
    }
}
