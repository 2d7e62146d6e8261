import SQLiteStorage

/// Applies a `MigrationSet` to a database and records each file in `schema_migrations`.
///
/// Each file runs with its history row in one `BEGIN IMMEDIATE` transaction and, when it wrote
/// rows or made, dropped or altered a table, is checked for rows breaking a foreign key (what
/// `PRAGMA foreign_key_check` reports first) before it commits. Before anything is written, the recorded history
/// is compared with the set, and any disagreement refuses the whole run.
public final class MigrationRunner {
    /// Reads a seed's contents into the database (inside the runner's transaction).
    public typealias SeedLoader = @Sendable (Database, MigrationFile) throws -> Void

    public let database: Database
    public let set: MigrationSet
    // Pairs, not a Dictionary: a few entries searched in order, and no Hashable conformance
    // looked up at run time when the runner is made (every open of a timeline makes one).
    private let loaders: KeyValuePairs<String, SeedLoader>

    /// When the files this runner applies or skips are recorded (`2024-06-01T00:00:00.000Z`);
    /// nil for the time they are. A script that rebuilds a database sets it, so the rebuild is
    /// the same to the byte.
    public var appliedAt: String?

    static let historyTable = "schema_migrations"
    static let skippedTable = "schema_skipped_seeds"

    /// - Parameter loaders: how to load seeds by file extension; `.sql` seeds run as SQL.
    public init(database: Database, set: MigrationSet, loaders: KeyValuePairs<String, SeedLoader> = [:]) {
        self.database = database
        self.set = set
        self.loaders = loaders
    }

    /// One number read: whether the database was brought up to exactly this set already.
    public func isCurrent() throws -> Bool {
        do {
            return try database.userVersion() == set.fingerprint
        } catch let error as SQLiteError {
            throw MigrationError.database(error)
        }
    }

    /// Each known and recorded file with its state, in application order, unknown ones last.
    public func status() throws -> [MigrationStatus] {
        let applied = try appliedRecords()
        let skipped = try skippedSeedVersions()
        var result: [MigrationStatus] = []
        for file in set.files {
            if let record = applied.first(where: { $0.kind == file.kind && $0.version == file.version }) {
                let state: MigrationStatus.State = record.checksum == file.checksum ? .applied : .changed
                result.append(MigrationStatus(kind: file.kind, version: file.version, name: file.name,
                                              fileName: file.fileName, state: state, appliedAt: record.appliedAt,
                                              recordedChecksum: record.checksum, checksum: file.checksum))
            } else {
                let state: MigrationStatus.State = file.kind == .seed && skipped.contains(file.version) ? .skipped : .pending
                result.append(MigrationStatus(kind: file.kind, version: file.version, name: file.name,
                                              fileName: file.fileName, state: state, appliedAt: nil,
                                              recordedChecksum: nil, checksum: file.checksum))
            }
        }
        for record in applied where set.file(kind: record.kind, version: record.version) == nil {
            result.append(MigrationStatus(kind: record.kind, version: record.version, name: record.name,
                                          fileName: nil, state: .unknown, appliedAt: record.appliedAt,
                                          recordedChecksum: record.checksum, checksum: nil))
        }
        return result
    }

    /// Refuses, without writing anything, a history that disagrees with the set.
    /// - Returns: the files still to apply, in order.
    @discardableResult
    public func validate() throws -> [MigrationFile] {
        let applied = try appliedRecords()
        let skipped = try skippedSeedVersions()
        return try Self.pendingFiles(set: set, applied: applied).filter { !($0.kind == .seed && skipped.contains($0.version)) }
    }

    static func pendingFiles(set: MigrationSet, applied: [AppliedRecord]) throws(MigrationError) -> [MigrationFile] {
        for record in applied {
            guard let file = set.file(kind: record.kind, version: record.version) else {
                throw MigrationError.unknownApplied(kind: record.kind, version: record.version, name: record.name)
            }
            if file.checksum != record.checksum {
                throw MigrationError.checksumChanged(file: file.displayPath, recorded: record.checksum, current: file.checksum)
            }
        }
        var pending: [MigrationFile] = []
        for kind in MigrationFile.Kind.allCases {
            let appliedOfKind = applied.filter { $0.kind == kind }
            let highest = appliedOfKind.max { $0.version < $1.version }
            for file in set.files where file.kind == kind {
                if appliedOfKind.contains(where: { $0.version == file.version }) { continue }
                if let highest, highest.version > file.version {
                    let highestFile = set.file(kind: kind, version: highest.version)
                    throw MigrationError.pendingBelowApplied(
                        file: file.displayPath, highestApplied: highestFile?.displayPath ?? "version \(highest.version)")
                }
                pending.append(file)
            }
        }
        return pending
    }

    /// Applies every pending file. Safe against another process doing the same: each file is
    /// re-checked once the write lock is held, so none is applied twice.
    /// - Returns: the files this call applied.
    @discardableResult
    public func migrate(skippingSeeds: Bool = false) throws -> [MigrationFile] {
        let pending = try validate()
        if pending.isEmpty {
            try markCurrent()
            return []
        }
        let isNewDatabase = try !database.tableExists(Self.historyTable)
        if isNewDatabase && database.mode != .inMemory {
            // Readers never wait for the writer in WAL mode. Another process may be switching it
            // at the same moment; either way the file ends up in WAL.
            _ = try? database.enableWriteAheadLog()
        }
        var applied: [MigrationFile] = []
        for file in pending {
            let didApply = try wrap {
                try database.transaction(.immediate) { () throws -> Bool in
                    try createHistoryTable()
                    // Another process may have applied files while this one waited for the lock.
                    let nowApplied = try appliedRecords()
                    let skipped = try skippedSeedVersions()
                    let stillPending = try Self.pendingFiles(set: set, applied: nowApplied)
                        .filter { !($0.kind == .seed && skipped.contains($0.version)) }
                    guard stillPending.contains(file) else { return false }
                    if skippingSeeds && file.kind == .seed {
                        try recordSkipped(file)
                        if file == pending.last { try database.setUserVersion(set.fingerprint) }
                        return false
                    }
                    let tablesBefore = try tableDefinitions()
                    let changesBefore = database.totalChanges
                    try apply(file)
                    // Only rows written, or tables made, dropped or altered, can break a foreign
                    // key: a file of views, triggers and indexes alone is not checked, which reads
                    // every child table whole (4.4 s a file on a 1M-event timeline).
                    if try database.totalChanges != changesBefore || tableDefinitions() != tablesBefore,
                       let violation = try database.firstForeignKeyViolation() {
                        throw MigrationError.foreignKeyViolation(
                            file: file.displayPath, table: violation.table, rowID: violation.rowID, parent: violation.parent)
                    }
                    try database.execute(
                        """
                        INSERT INTO schema_migrations (version, name, kind, checksum, applied_at)
                        VALUES (?1, ?2, ?3, ?4, coalesce(?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))
                        """,
                        [.integer(Int64(file.version)), .text(file.name), .text(file.kind.rawValue), .text(file.checksum), .text(appliedAt)])
                    if file == pending.last {
                        try database.setUserVersion(set.fingerprint)
                    }
                    return true
                }
            }
            if didApply { applied.append(file) }
        }
        try markCurrent()
        return applied
    }

    /// Records the fingerprint when everything is applied but the header does not say so yet
    /// (a database rebuilt from an SQL dump, or one finished by another process).
    private func markCurrent() throws {
        guard try !isCurrent() else { return }
        try wrap {
            try database.transaction(.immediate) {
                let skipped = try skippedSeedVersions()
                let pending = try Self.pendingFiles(set: set, applied: try appliedRecords())
                guard pending.allSatisfy({ $0.kind == .seed && skipped.contains($0.version) }) else { return }
                try database.setUserVersion(set.fingerprint)
            }
        }
    }

    private func apply(_ file: MigrationFile) throws {
        if file.fileExtension == "sql" {
            do {
                try database.executeScript(file.text)
            } catch {
                throw MigrationError.statementFailed(file: file.displayPath, line: error.line, error: error.error)
            }
            return
        }
        guard let loader = loaders.first(where: { $0.key == file.fileExtension })?.value else {
            throw MigrationError.noLoader(file: file.displayPath)
        }
        try loader(database, file)
    }

    /// Each table's name and definition, in order of name.
    private func tableDefinitions() throws -> [String] {
        try database.prepare("SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .map { $0.text(at: 0) }
    }

    private func createHistoryTable() throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('migration', 'seed')),
                checksum TEXT NOT NULL,
                applied_at TEXT NOT NULL,
                PRIMARY KEY (kind, version)
            )
            """)
    }

    /// Seeds recorded as deliberately not loaded (`migrate --skip-seeds`: an empty database).
    func skippedSeedVersions() throws -> Set<Int> {
        try wrap {
            guard try database.tableExists(Self.skippedTable) else { return [] }
            return Set(try database.prepare("SELECT version FROM schema_skipped_seeds").map { $0.int(at: 0) })
        }
    }

    private func recordSkipped(_ file: MigrationFile) throws {
        try database.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_skipped_seeds (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                checksum TEXT NOT NULL,
                skipped_at TEXT NOT NULL
            )
            """)
        try database.execute(
            "INSERT INTO schema_skipped_seeds (version, name, checksum, skipped_at) VALUES (?1, ?2, ?3, coalesce(?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))",
            [.integer(Int64(file.version)), .text(file.name), .text(file.checksum), .text(appliedAt)])
    }

    struct AppliedRecord {
        let kind: MigrationFile.Kind
        let version: Int
        let name: String
        let checksum: String
        let appliedAt: String
    }

    func appliedRecords() throws -> [AppliedRecord] {
        try wrap {
            guard try database.tableExists(Self.historyTable) else {
                try refuseAnotherApplicationsDatabase()
                return []
            }
            let columns = try database.scalar(
                "SELECT count(*) FROM pragma_table_info('schema_migrations') WHERE name IN ('version', 'name', 'kind', 'checksum', 'applied_at')")
            guard columns == .integer(5) else {
                throw MigrationError.foreignDatabase(tables: [Self.historyTable], reason: "its schema_migrations table is not a migration history of this shape")
            }
            return try database.prepare(
                "SELECT kind, version, name, checksum, applied_at FROM schema_migrations ORDER BY kind, version"
            ).map { row in
                let kindText = row.text(at: 0)
                guard let kind = MigrationFile.Kind(rawValue: kindText) else {
                    throw MigrationError.unknownApplied(kind: .migration, version: row.int(at: 1), name: row.text(at: 2) + " (kind '\(kindText)')")
                }
                return AppliedRecord(kind: kind, version: row.int(at: 1), name: row.text(at: 2),
                                     checksum: row.text(at: 3), appliedAt: row.text(at: 4))
            }
        }
    }

    /// A database with no migration history is new only when it holds nothing: tables of its own
    /// are another application's, which applying migrations and seeds to would change beyond repair.
    private func refuseAnotherApplicationsDatabase() throws {
        let tables = try database.prepare(
            "SELECT name FROM sqlite_schema WHERE name NOT LIKE 'sqlite%' ORDER BY type = 'table' DESC, name LIMIT 4"
        ).map { $0.text(at: 0) }
        guard tables.isEmpty else {
            throw MigrationError.foreignDatabase(tables: tables, reason: "it has no migration history")
        }
    }

    /// SQLite errors from the history itself become `MigrationError.database`.
    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw MigrationError.database(error)
        }
    }
}
