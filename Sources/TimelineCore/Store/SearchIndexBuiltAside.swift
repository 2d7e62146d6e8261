import SQLiteStorage

/// A large load's search index built on a thread of its own, into a temporary database, while
/// the timeline's connection goes on with its other indexes; the timeline's index is then made
/// of the built one's tables.
///
/// FTS5 takes 7.3 s to index a million events' documents, on one core, and the timeline's
/// connection does one thing at a time: its search index took 9.4 s after the constraint check
/// and the secondary indexes. Built aside, the index is made while those are; the timeline's
/// connection reads the documents and writes their text into the index's content table as it
/// hands them over (4.3 s at a million events), and copies the built index's tables in at the
/// end (1.2 s). The import of a million events took 44.9 s, and takes 41.6-42.3.
///
/// The timeline's index is emptied first (`emptyIndex(in:)`), then filled with the documents'
/// text (`writeDocument`), and completed by `copyIndex(into:)` once `finish()` returned; when
/// the build fails, the caller empties the content table and indexes the events itself. The
/// documents come through `spool`, whose writer calls `finishWriting()` after the last. The
/// temporary database is SQLite's own private one (an empty file name): its file is removed as
/// it is opened, so nothing is left behind however the process ends.
final class SearchIndexBuiltAside: @unchecked Sendable {
    let spool: SearchDocumentSpool
    private let aside: Database
    /// The timeline's `CREATE VIRTUAL TABLE` of the index, which `emptyIndex(in:)` runs again.
    private let createSQL: String
    private var thread: WorkerThread?
    /// What stopped the build; written by its thread, read after it has been joined.
    private var failure: (any Error)?

    /// The index's table, as the timeline's schema creates it (so that the copy has its columns,
    /// tokenizer and options).
    static let table = "event_search"
    /// The tables FTS5 keeps the index itself in, copied whole: the text is written into the
    /// timeline's content table as it is spooled, and the settings (`_config`) stay the
    /// timeline's own.
    static let copiedTables = ["data", "idx", "docsize"].map { "\(table)_\($0)" }

    /// Starts the build, with the index made as `createSQL` (the timeline's `CREATE VIRTUAL
    /// TABLE`) makes it, but holding no copy of the text; `shouldStop` breaks it off as it
    /// breaks off the timeline's statements.
    init(createSQL: String, stoppingWhen shouldStop: (() -> Bool)?) throws {
        guard let end = createSQL.lastIndex(of: ")") else {
            throw TimelineError(.internalError, "the search index's table is not made as an FTS5 table: \(createSQL)")
        }
        self.createSQL = createSQL
        spool = try SearchDocumentSpool()
        aside = try Database(path: "")
        // A copy made to be thrown away: no journal, no waiting for the disk.
        try aside.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        // Contentless: the index FTS5 writes is the same (FTS5's own check of the timeline's,
        // against its text, passes in the tests), without writing the text a second time.
        try aside.execute(String(createSQL[..<end]) + ", content = ''" + String(createSQL[end...]))
        // A larger buffer of pending terms than FTS5's 1 MiB, as the timeline's own build in bulk
        // has (`BulkLoad.withLargeSearchIndexBuffer`), but half its 8 MiB: this one is held
        // while the other indexes sort, and at 8 the import of a million events peaked at
        // 63.8 MiB (58 at 4, the index still done before the others; measured when it also
        // wrote the text).
        try aside.execute("INSERT INTO \(Self.table) (\(Self.table), rank) VALUES ('hashsize', \(4 << 20))")
        if let shouldStop { aside.setProgressHandler(every: 10_000, shouldStop) }
        thread = try WorkerThread(stackSize: 1 << 20, for: "to build the search index") { [self] in build() }
    }

    private func build() {
        do {
            try aside.transaction {
                let insert = try aside.prepare("INSERT INTO \(Self.table) (rowid, title, summary, quotes, names) VALUES (?1, ?2, ?3, ?4, ?5)")
                while try spool.next({ rowID, fields in try insert.insertSearchDocument(rowID, fields) }) {}
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

    /// Empties the index of the timeline's connection `database` (inside its transaction), its
    /// settings (`automerge`, …) kept, for `writeDocument` and `copyIndex(into:)` to fill.
    ///
    /// The index is dropped and made again, rather than emptied under it: the connection's
    /// FTS5 module holds the index's structure in memory from its last use (the seed timeline's
    /// load, say), and tables changed behind it would then be written to as they were (a copy
    /// into the emptied tables failed on a duplicate segment).
    func emptyIndex(in database: Database) throws {
        let settings = try database.prepare("SELECT k, v FROM \(Self.table)_config").map { ($0.value(at: 0), $0.value(at: 1)) }
        try database.execute("DROP TABLE \(Self.table)")
        try database.execute(createSQL)
        // Written behind the module, which reads them again when it next reads the index: the
        // copied index's header carries another settings version (the aside build's).
        let keep = try database.prepare("INSERT OR REPLACE INTO \(Self.table)_config (k, v) VALUES (?1, ?2)")
        for (key, value) in settings { try keep.run([key, value]) }
    }

    /// The statement `writeDocument` writes the timeline's content table with.
    static func contentWriter(in database: Database) throws -> Statement {
        try database.prepare("INSERT INTO \(table)_content (id, c0, c1, c2, c3) VALUES (?1, ?2, ?3, ?4, ?5)")
    }

    /// Hands a document to the build, and writes its text into the timeline's content table
    /// through `contentWriter`.
    func writeDocument(_ id: Int64, _ fields: SearchDocumentFields, with contentWriter: Statement) throws {
        try spool.append(rowID: id, fields)
        try contentWriter.insertSearchDocument(id, fields)
    }

    /// Copies the built index into the timeline's, emptied by `emptyIndex(in:)` and holding the
    /// documents' text, once `finish()` returned.
    func copyIndex(into database: Database) throws {
        for table in Self.copiedTables {
            try database.execute("DELETE FROM \(table)")
            try database.copyRows(of: table, from: aside)
        }
    }
}
