import SQLiteStorage

/// A large load's search index built on a thread of its own, into a temporary database, while
/// the timeline's connection goes on with its other indexes; the timeline's index is then made
/// a copy of it (`replaceIndex(in:)`).
///
/// FTS5 takes 7.3 s to index a million events' documents, all on one core, and the timeline's
/// connection does one thing at a time: the constraint check and the secondary indexes (8 s),
/// then the search index, each left the other core idle. Built aside, the index is made while
/// the rest is, and copied in after them (3 s at a million events: the documents' text is
/// most of it); the import of a million events took 42.6-43.5 s instead of 45.9.
///
/// The documents come through `spool` (written by the timeline's thread, which calls
/// `finishWriting()` after the last). The temporary database is SQLite's own private one (an
/// empty file name): its file is removed as it is opened, so nothing is left behind however
/// the process ends.
final class SearchIndexBuiltAside: @unchecked Sendable {
    let spool: SearchDocumentSpool
    private let aside: Database
    private var thread: WorkerThread?
    /// What stopped the build; written by its thread, read after it has been joined.
    private var failure: (any Error)?

    /// The index's table, as the timeline's schema creates it (so that the copy has its columns,
    /// tokenizer and options).
    static let table = "event_search"
    /// The tables FTS5 keeps an index in, copied whole; its settings (`_config`) stay the
    /// timeline's own.
    static let copiedTables = ["data", "idx", "content", "docsize"].map { "\(table)_\($0)" }

    /// Starts the build, with the index made as `createSQL` (the timeline's `CREATE VIRTUAL
    /// TABLE`) makes it; `shouldStop` breaks it off as it breaks off the timeline's statements.
    init(createSQL: String, stoppingWhen shouldStop: (() -> Bool)?) throws {
        spool = try SearchDocumentSpool()
        aside = try Database(path: "")
        // A copy made to be thrown away: no journal, no waiting for the disk.
        try aside.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try aside.execute(createSQL)
        // A larger buffer of pending terms than FTS5's 1 MiB, as the timeline's own build in bulk
        // has (`BulkLoad.withLargeSearchIndexBuffer`), but half its 8 MiB: this one is held
        // while the other indexes sort, and at 8 the import of a million events peaked at
        // 63.8 MiB (58 at 4, the index still done before the others).
        try aside.execute("INSERT INTO \(Self.table) (\(Self.table), rank) VALUES ('hashsize', \(4 << 20))")
        if let shouldStop { aside.setProgressHandler(every: 10_000, shouldStop) }
        thread = try WorkerThread(stackSize: 1 << 20, for: "to build the search index") { [self] in build() }
    }

    private func build() {
        do {
            try aside.transaction {
                let insert = try aside.prepare("INSERT INTO \(Self.table) (rowid, title, summary, quotes, names) VALUES (?1, ?2, ?3, ?4, ?5)")
                while try spool.next({ rowID, fields in
                    try insert.bind(rowID, at: 1)
                    try insert.bindTextNoCopy(fields.0, at: 2)
                    try insert.bindTextNoCopy(fields.1, at: 3)
                    try insert.bindTextNoCopy(fields.2, at: 4)
                    try insert.bindTextNoCopy(fields.3, at: 5)
                    defer { insert.reset() }
                    try insert.step()
                }) {}
            }
        } catch {
            failure = error
        }
    }

    /// Waits for the build to end; what stopped it, if anything did.
    func finish() throws {
        thread?.join()
        thread = nil
        if let failure { throw failure }
    }

    /// Breaks the build off and waits for its thread: for a load that failed.
    func cancel() {
        aside.interrupt()
        spool.abandon()
        thread?.join()
        thread = nil
    }

    /// Replaces the index of the timeline's connection `database` (inside its transaction) with
    /// the one built, once `finish()` returned.
    ///
    /// The index is dropped and made again before the copy, rather than emptied under it: the
    /// connection's FTS5 module holds the index's structure in memory from its last use (the
    /// seed timeline's load, say), and tables changed behind it would then be written to as
    /// they were (a copy into the emptied tables then failed on a duplicate segment). Its
    /// settings (`automerge`, …) are kept.
    func replaceIndex(in database: Database) throws {
        let settings = try database.prepare("SELECT k, v FROM \(Self.table)_config").map { ($0.value(at: 0), $0.value(at: 1)) }
        guard let createSQL = try database.scalar("SELECT sql FROM sqlite_schema WHERE name = ?1", [.text(Self.table)]),
              case .text(let create) = createSQL else {
            throw TimelineError(.internalError, "the timeline has no search index table \(Self.table) to replace.")
        }
        try database.execute("DROP TABLE \(Self.table)")
        try database.execute(create)
        for table in Self.copiedTables {
            try database.execute("DELETE FROM \(table)")
            try database.copyRows(of: table, from: aside)
        }
        let keep = try database.prepare("INSERT OR REPLACE INTO \(Self.table)_config (k, v) VALUES (?1, ?2)")
        for (key, value) in settings { try keep.run([key, value]) }
    }
}
