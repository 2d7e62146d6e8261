import ArgumentParser
import TimelineCore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The database file.",
            discussion: "Default: $TIMELINE_DB, else $XDG_DATA_HOME/timeline/timeline.sqlite, else ~/.local/share/timeline/timeline.sqlite.",
            valueName: "path"))
    var db: String?

    @Option(name: .customLong("busy-timeout-ms"), help: ArgumentHelp("How long to wait for another process's write to finish before giving up (exit 75).", valueName: "n"))
    var busyTimeoutMilliseconds: Int32 = 5_000

    func validate() throws {
        // SQLite reads a negative timeout as "never wait", which is not what was asked.
        try CountOption.busyTimeout.validate(Int(busyTimeoutMilliseconds))
    }

    /// The database path this invocation uses.
    func databasePath() throws -> String {
        try Self.databasePath(explicitPath: db)
    }

    /// `--db PATH`, else the default location; the environment is only read when `--db` is not given.
    static func databasePath(explicitPath: String?) throws -> String {
        try DatabaseLocation.resolve(
            explicitPath: explicitPath, environment: explicitPath == nil ? DatabaseLocation.processEnvironment : [:])
    }

    /// Refuses a database path where no file is (exit 66), for a command whose whole output is
    /// a copy of the file (`backup`): made there on the spot, it would be the sample timeline,
    /// and a mistyped path would pass unnoticed.
    func requireExistingDatabase(toWhat purpose: String) throws {
        let path = try databasePath()
        guard DatabaseLocation.exists(path) else {
            throw TimelineError(.notFound, "there is no database at \(path) to \(purpose); check the path (`timeline list` or `timeline import` creates a timeline there).")
        }
    }

    /// Runs `body` with the database, created, migrated and seeded as needed; a database this
    /// call created is removed again when `body` throws, or when `discardingNewDatabase` (a dry
    /// run), unless another process has used it meanwhile.
    func withStore<T>(migrations: TimelineStore.MigrationPolicy = .automatic, discardingNewDatabase discard: Bool = false,
                      pageCache: TimelineStore.PageCache = .standard, _ body: (TimelineStore) throws -> T) throws -> T {
        let path = try databasePath()
        // A database made here is made whole or not at all, even when the command is stopped.
        if !DatabaseLocation.exists(path) { Interruption.arm() }
        var made = false
        var inEmptyFile = false
        // A dry run on a mistyped --db would otherwise report on the sample as if it were the
        // user's timeline: said whether it succeeds or not (an entity of the sample's named).
        func noteRehearsalOnNew() {
            guard made && discard && migrations == .automatic else { return }
            printError(inEmptyFile
                ? "note: the file \(path) was empty, so the dry run was rehearsed on a new database in it with the Amazon Care sample timeline, and left it empty."
                : "note: there is no database at \(path), so the dry run was rehearsed on a new one with the Amazon Care sample timeline, and left none behind.")
        }
        let result: T
        do {
            result = try DatabaseLocation.withStore(
                at: path, discardingNew: discard, open: { try openStore(at: path, migrations: migrations, pageCache: pageCache) }
            ) { store in
                made = store.createdFile
                inEmptyFile = store.madeInEmptyFile
                return try body(store)
            }
        } catch {
            noteRehearsalOnNew()
            throw error
        }
        if made && migrations == .automatic && !discard { Self.noteNewDatabase(at: path, inEmptyFile: inEmptyFile) }
        noteRehearsalOnNew()
        return result
    }

    /// `withStore` for a command that may be a dry run: one of a timeline this process may read
    /// but not write is rehearsed on a temporary copy (a dry run writes, then rolls back, as the
    /// command would), and a dry run leaves no new database behind. The command says so after
    /// its own output, with `rehearsalNote`, when `onACopy` is true.
    func withStore<T>(dryRun: Bool, _ body: (TimelineStore) throws -> T) throws -> (result: T, onACopy: Bool) {
        let path = try databasePath()
        let onACopy = dryRun && DatabaseLocation.exists(path) && !DatabaseLocation.canWrite(path)
        let result = try withStore(discardingNewDatabase: dryRun) { store in
            try onACopy ? store.withTemporaryCopy(body) : body(store)
        }
        return (result, onACopy)
    }

    /// The note of a dry run rehearsed on a copy of the timeline.
    func rehearsalNote() throws -> String {
        "note: \(try databasePath()) cannot be written, so the dry run was rehearsed on a temporary copy of it."
    }

    /// Says that a command made the database it ran on: a mistyped --db would otherwise list or
    /// export the sample as if it were the user's timeline.
    static func noteNewDatabase(at path: String, inEmptyFile: Bool = false) {
        // How to start without the sample, which a new user importing their own data looks for.
        let empty = " (a timeline without it is started in a new file with `timeline --db NEW-FILE migrate --skip-seeds`)."
        printError(inEmptyFile ? "note: the file \(path) was empty, so a database was made in it, with the Amazon Care sample timeline" + empty
                   : "note: there was no database at \(path), so one was made, with the Amazon Care sample timeline" + empty)
    }

    /// Opens the database at `path`, creating, migrating and seeding it as needed.
    private func openStore(at path: String, migrations: TimelineStore.MigrationPolicy,
                           pageCache: TimelineStore.PageCache) throws -> TimelineStore {
        var stop: (() -> Bool)?
        if Interruption.isArmed { stop = { Interruption.requested() } }
        return try TimelineStore(path: path, migrations: migrations, busyTimeout: busyTimeoutMilliseconds,
                                 pageCache: pageCache, stoppingWhen: stop, recordingTime: Self.recordingTime())
    }

    /// `$TIMELINE_NOW`, which fixes when new rows are recorded, for reproducible history (the
    /// migrations a new database gets too, so a rebuild is the same to the byte); nil when unset.
    static func recordingTime() throws -> String? {
        guard let now = EnvironmentVariable.value("TIMELINE_NOW"), !now.isEmpty else { return nil }
        guard let normalised = RecordingTime.normalised(now) else {
            throw TimelineError(.usage, "TIMELINE_NOW '\(now)' is not a UTC timestamp; give it as YYYY-MM-DDTHH:MM:SS.sssZ.")
        }
        return normalised
    }
}

extension OutputFormat: CaseInsensitiveChoice {}
extension DateDisplayLanguage: CaseInsensitiveChoice {}
