import TimelineCore

/// Everything `timeline list` was asked, as plain values, and the running of it.
///
/// Both argument parsers produce one: swift-argument-parser, and `FastListArguments` for the
/// plain invocations that make up most runs (start-up is most of a small `list`'s time).
struct ListInvocation: Equatable {
    var db: String?
    var busyTimeoutMilliseconds: Int32 = 5_000
    var filters = QueryArguments()
    var dateField: EventQuery.DateField = .when
    var format: OutputFormat = .table
    /// Nil when not given: English.
    var lang: DateDisplayLanguage?

    func run() throws {
        try reportingErrors {
            if lang != nil && format != .table && format != .markdown {
                throw TimelineError(.usage, "--lang applies to --format table and markdown only (the other formats write dates in EDTF and ISO).")
            }
            let path = try GlobalOptions.databasePath(explicitPath: db)
            // The query first: an invalid one fails before a new database would be created.
            let query = try filters.query(dateField: dateField)
            // Read as every command reads it: a new database records its migrations then.
            let recordingTime = try GlobalOptions.recordingTime()
            // Some mistakes show only against the data (an unknown kind, entity or tag): a
            // database this run created for them goes again.
            // One query streamed, then the process exits: a small recycled page cache.
            // A database made here is made whole or not at all, even when the command is stopped.
            var stop: (() -> Bool)?
            if !DatabaseLocation.exists(path) {
                Interruption.arm()
                stop = { Interruption.requested() }
            }
            let made = try DatabaseLocation.withStore(at: path, open: {
                // `list` reads with no cell checks: they cost a range over many events a fifth of
                // its time; exports, `sql` and every write check (see `Database.init`).
                try TimelineStore(path: path, busyTimeout: busyTimeoutMilliseconds, pageCache: .smallRecycled, stoppingWhen: stop,
                                  checkingCells: false, recordingTime: recordingTime)
            }) { store in
                let writer = EventListWriter(format: format, output: .standardOutput(), language: lang ?? .english)
                writer.emptyPage = { try store.emptyPageText(of: query, language: lang ?? .english) }
                try store.writeEvents(matching: query, to: writer)
                return (store.createdFile, store.madeInEmptyFile)
            }
            if made.0 { GlobalOptions.noteNewDatabase(at: path, inEmptyFile: made.1) }
            filters.seasonNotes.forEach(printError)
        }
    }
}
