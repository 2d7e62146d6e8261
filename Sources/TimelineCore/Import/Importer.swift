import SQLiteStorage

/// What an import did (or, in a dry run, would do).
public struct ImportSummary: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected = 0
    /// Entities, relations and sources a timeline document added or changed (nil for other formats).
    public var directory: DirectoryChanges?
    public var records: Int { inserted + updated + unchanged + rejected }
    /// Added events whose uid differs from one the timeline held before the import only in its
    /// content hash (`acme-layoff-2023-01-05-1a2b3c4d` beside `…-9f8e7d6c`): the same main entity,
    /// kind and date with other content, as when a record without a uid is edited and imported
    /// again. How many, and the first few pairs.
    public var possibleDuplicates = 0
    public var possibleDuplicateExamples: [PossibleDuplicate] = []
    /// Added events whose main entity, kind, date and title another record of the same file gave, with
    /// other content (a spreadsheet's one row a source): each record without a uid is its own
    /// event. How many, and the first few pairs (`existing` is the earlier record's event).
    public var sameStemInFile = 0
    public var sameStemInFileExamples: [PossibleDuplicate] = []
    /// The columns of a CSV or TSV file that are no event field and nothing maps: left out.
    public var ignoredColumns: [String] = []
    /// Of those, the ones spelt a few letters from a field the file does not give, with it.
    public var ignoredColumnsNearFields: [String: String] = [:]
    /// The columns (1-based) of a CSV or TSV file that have no name in its header and held a
    /// value in some record: left out.
    public var unnamedColumnsWithValues: [Int] = []
    /// Events changed in the timeline since a record without a uid made them, which the file
    /// names again as it was: left as the timeline has them. How many, and the first uids.
    public var changedSinceTheirRecord = 0
    public var changedSinceTheirRecordExamples: [String] = []
    /// Events removed from the timeline since, which the file names again as it was (a record
    /// without a uid, as it made the event; one with the uid, as a version history holds): left
    /// removed. How many, and the first uids.
    public var removedSinceTheirRecord = 0
    public var removedSinceTheirRecordExamples: [String] = []
    /// Events removed from the timeline since, which a record with their uid gives with something
    /// no version of them had: added again. How many, and the first uids.
    public var broughtBack = 0
    public var broughtBackExamples: [String] = []
    /// What updated events kept because their records left it out, by export's names
    /// (`status`, `summary`, `announced`, `entities`, `tags`, `measures`, `sources`).
    public var keptFields: [String] = []
    /// Records that gave an event exactly as an earlier record of the file did (a row written
    /// twice), counted unchanged: how many, and the first uids.
    public var repeatedRecords = 0
    public var repeatedRecordExamples: [String] = []
    /// Figures saved in the unit `fraction` above 1 (`15` for 15%): how many, and the first.
    public var fractionsAboveOne = 0
    public var fractionsAboveOneExamples: [String] = []
    /// Items of updated events that the file's columns of one entity, figure, source or tag each
    /// could not give (other roles, quantities, sources or quotes, tags), kept: how many of each,
    /// in how many events, and the first uids.
    public var entitiesKept = 0, figuresKept = 0, citationsKept = 0, tagsKept = 0
    public var eventsKeepingItems = 0
    public var eventsKeepingItemsExamples: [String] = []
    /// Figures a source gave that the file's figure columns replaced with figures citing no
    /// source: how many, and the first (`uid: quantity value from key`).
    public var sourcedFiguresReplaced = 0
    public var sourcedFiguresReplacedExamples: [String] = []
    /// Sources the timeline held that records described otherwise (publisher, publication date
    /// or title), kept as they were: the first keys, and how many citations did so.
    public var sourcesDescribedOtherwise: [String] = []
    public var citationsDescribingSourcesOtherwise = 0
    /// Entities records named by their slug with another entity's name or none's: the slug, the
    /// first name given, and the name the timeline holds (kept); and how many records did so.
    public var entitiesNamedOtherwise: [EntityNamedOtherwise] = []
    public var recordsNamingEntitiesOtherwise = 0
    /// Entities the import made whose names read as another entity's name or alias but for
    /// accents, case, spacing or punctuation (`Walmart` beside `Wal-Mart`): how many, and the first.
    public var entitiesReadingAlike = 0
    public var entitiesReadingAlikeExamples: [TimelineStore.EntityReadingAlike] = []
    /// New sources whose key the file gave as no key is written (`Interview Müller`), saved as
    /// its slug (`interview-muller`), which the written key names too.
    public var sourceKeysWrittenAsSlugs: [SourceKeyWrittenAsSlug] = []

    /// A source key as the file gave it and as it was saved.
    public struct SourceKeyWrittenAsSlug: Sendable, Equatable {
        public let given: String
        public let saved: String
    }

    /// Sources the timeline held undated that records gave a publication date: their keys.
    public var datedSources: [String] = []
    /// Sources the timeline held without a title or a language that records gave one: their keys,
    /// each once.
    public var describedSources: [String] = []
    /// Whether the import writes a change to a source no event's change carries.
    public var changesSources: Bool { !datedSources.isEmpty || !describedSources.isEmpty }
    /// Whether the import adds and changes nothing: no event, source, or entry of a document's lists.
    public var changesNothing: Bool {
        inserted == 0 && updated == 0 && !changesSources && (directory ?? DirectoryChanges()) == DirectoryChanges()
    }
    /// Records that write a date as an EDTF period code reading as years in prose (`2019-22`,
    /// kept as summer 2019): how many, and the first (line, date) pairs.
    public var periodCodesAsYears = 0
    public var periodCodeExamples: [PeriodCodeExample] = []

    /// A record's line and the date in it that reads as years.
    public struct PeriodCodeExample: Sendable, Equatable {
        public let line: Int
        public let date: String
    }

    /// An added event and the earlier one it may be another version of.
    public struct PossibleDuplicate: Sendable, Equatable {
        public let added: String
        public let existing: String
    }
}

/// Reads events from a file into the database: all of them or none, unless told to skip bad ones.
public final class Importer {
    private let store: TimelineStore
    private let path: String
    private var input: InputFile
    private let options: ImportOptions
    private let format: ImportOptions.Format
    /// Whether the last run left CHECK constraints to the end of the load.
    private var checkedConstraintsAtTheEnd = false
    /// Whether the last run's search index was built aside (`SearchIndexBuiltAside`).
    private(set) var builtSearchIndexAside = false
    /// Whether the last run read its records on a thread of its own (`forEachRecord`).
    private(set) var readAhead = false
    /// Whether the last run looked up only the uids that events it wrote may have had
    /// (`NewUIDFilter`).
    private(set) var filteredNewUIDs = false
    /// A timeline document's reader, past its directory, at its events.
    private var seedDocument: SeedDocumentReader?

    public init(store: TimelineStore, path: String, options: ImportOptions) throws {
        self.store = store
        self.path = path
        self.options = options
        self.input = try InputFile(path: path, stoppingWhen: options.shouldStop)
        input.importingInto = options.databasePath ?? store.path
        input.importOptions = options.optionsGiven
        if let encoding = try Self.encoding(of: input, given: options.encoding) {
            input = try input.transcoded(from: encoding)
        }
        if let format = options.format {
            self.format = format
        } else {
            self.format = try Self.guessFormat(path: path, input: input)
        }
        if format != .csv && format != .tsv {
            // They name columns: a JSON record has fields, and would ignore them.
            let columnOptions = [("--map", !options.mappings.isEmpty), ("--set", !options.constants.isEmpty),
                                 ("--title-template", options.titleTemplate != nil), ("--date-format", options.dateFormat != nil),
                                 ("--decimal-mark", options.decimalMark != nil), ("--null", !options.nullTokens.isEmpty)]
            if let given = columnOptions.first(where: \.1) {
                throw TimelineError(.usage, "\(given.0) applies to CSV and TSV files; \(input.name) is read as \(format.rawValue), whose records name their fields.")
            }
        }
        if options.delimiter != nil && format != .csv {
            throw TimelineError(.usage, "--delimiter applies to CSV files; \(input.name) is read as \(format.rawValue)\(format == .tsv ? ", separated by tabs" : "").")
        }
    }

    /// The encoding to convert the file from before reading it; nil: read as it is, UTF-8. UTF-16
    /// marked so is read without being asked (what spreadsheets save as "Unicode text"); UTF-32 is
    /// left to be named by the reader. A file marked as UTF-8 given another encoding is refused.
    private static func encoding(of input: InputFile, given: TextEncoding?) throws -> TextEncoding? {
        if given == .utf8 { return nil }
        let head = try input.peekBytes(4)
        let utf16Marked = !head.starts(with: [0xFF, 0xFE, 0, 0]) && (head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]))
        if let given {
            if head.starts(with: [0xEF, 0xBB, 0xBF]) {
                throw TimelineError(.usage, "--encoding \(given.name): \(input.name) starts with UTF-8's byte order mark, so it is UTF-8; leave --encoding out.")
            }
            if utf16Marked, !given.isUTF16 {
                throw TimelineError(.usage, "--encoding \(given.name): \(input.name) starts with UTF-16's byte order mark, so it is UTF-16; leave --encoding out.")
            }
            // Given a byte order, unmarked text whose ASCII's zero bytes fall the other way.
            if let bigEndian = given.utf16ByteOrder, !utf16Marked, head.count == 4,
               bigEndian ? (head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) : (head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
                throw TimelineError(.usage, "--encoding \(given.name): \(input.name) is UTF-16\(bigEndian ? "LE" : "BE") (the zero bytes of its first characters come \(bigEndian ? "second" : "first")); give --encoding utf-16\(bigEndian ? "le" : "be"), or leave --encoding out.")
            }
            // UTF-16 text has a zero byte at least in each line break (0A 00).
            if given.isUTF16, !utf16Marked, try !input.peekBytes(65_536).contains(0) {
                throw TimelineError(.usage, "--encoding \(given.name): \(input.name) is not UTF-16 (not one zero byte in its first lines, where UTF-16 has one in every line break); leave --encoding out to have its encoding named.")
            }
            return given
        }
        if utf16Marked { return .utf16(bigEndian: nil) }
        // No mark, but ASCII's zero bytes every other byte: UTF-16, which no UTF-8 text looks like.
        if head.count == 4, head[0] != 0, head[1] == 0, head[2] != 0, head[3] == 0 { return .utf16(bigEndian: false) }
        if head.count == 4, head[0] == 0, head[1] != 0, head[2] == 0, head[3] != 0 { return .utf16(bigEndian: true) }
        return nil
    }

    /// Runs the import.
    /// - Parameters:
    ///   - reject: called with `FILE:LINE: reason` for each record skipped (with `skipInvalid`)
    ///     or found bad (in a dry run, which then fails if any was and `skipInvalid` is off).
    ///   - progress: called now and then with the number of records read.
    public func run(reject: (String) -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws -> ImportSummary {
        // A kind given with --set is the command's: a wrong one is said whether or not the file
        // holds a record (an empty file, a header alone), as the first record would say it.
        if let kind = options.constants.last(where: { $0.field == "kind" })?.value, format == .csv || format == .tsv {
            do {
                _ = try EventSaver(database: store.database, recordedAt: store.recordingTime).savedKind(kind)
            } catch let error as TimelineError where error.field == "kind" {
                throw TimelineError(.usage, SetValueError(field: "kind", reason: error.message, options: options).message)
            }
        }
        // CHECK constraints cost SQLite more than anything else per row (each IN list becomes a
        // temporary table, built again for every insert): they are checked once, over the
        // tables, at the end. When that finds a bad row, or anything else fails, the import is
        // rolled back and run again with the constraints checked row by row, to name the first
        // bad record as ever. That needs a file that can be read twice, and is pointless when bad
        // records are skipped one by one.
        // No bytes at all (a filter that matched nothing, piped in): no events, in any format.
        try input.skipByteOrderMark()
        if try input.peekByte() == nil { return ImportSummary() }
        var summary: ImportSummary
        do {
            summary = try runChecking(reject: reject, progress: progress)
        } catch let error as SetValueError {
            throw TimelineError(.usage, error.message)
        }
        (summary.ignoredColumns, summary.ignoredColumnsNearFields) = ignoredColumns
        summary.unnamedColumnsWithValues = fieldColumns.unnamedColumnsWithValues.sorted()
        return summary
    }

    /// The file's columns that are no event field, known once its header is read: said on a
    /// failed run too, as a dry run is where one looks for them.
    public var ignoredColumns: (names: [String], nearFields: [String: String]) {
        (fieldColumns.mapper?.ignoredColumns ?? [], fieldColumns.mapper?.ignoredColumnsNearFields ?? [:])
    }

    /// A value given with --set that no record can take (every record gets it): a usage error of
    /// the command, not a bad record of the file.
    private struct SetValueError: Error {
        let message: String

        init(field: String, reason: String, options: ImportOptions) {
            let value = options.constants.last { $0.field == field }?.value ?? "…"
            message = "--set \(field)=\(value): \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason)."
        }
    }

    private func runChecking(reject: (String) -> Void, progress: (Int) -> Void) throws -> ImportSummary {
        var summary: ImportSummary
        if checksEveryRecord || !input.isRegularFile {
            summary = try run(checkingConstraintsAtTheEnd: false, reject: reject, progress: progress)
        } else {
            do {
                summary = try run(checkingConstraintsAtTheEnd: true, reject: reject, progress: progress)
            } catch where checkedConstraintsAtTheEnd && !Self.isInterruption(error) {
                // Whatever failed, a row may have broken a constraint before it: only the run that
                // checks them row by row knows which record fails first.
                input = try InputFile(path: path, stoppingWhen: options.shouldStop)
                if options.format == nil { _ = try Self.guessFormat(path: path, input: input) }
                summary = try run(checkingConstraintsAtTheEnd: false, reject: reject, progress: progress)
            }
        }
        return summary
    }

    /// Leaves write-ahead logging for a rollback journal when the timeline has no events yet, or
    /// the load is large beside it, and this is the only connection; true when it did (the caller
    /// switches back).
    ///
    /// Only for a load large enough to need it (a file of 64 MiB or more: below that, the log's
    /// index stays small), and never for a dry run, which commits nothing: the switch moves the
    /// change counter in the file's header, so a failed or dry import would not leave the file
    /// byte for byte as it was.
    private func switchesToRollbackJournal(loadingLarge: Bool) throws -> Bool {
        guard !options.dryRun, let size = input.size, size >= rollbackJournalLoadSize else { return false }
        guard case .text(let mode)? = try store.database.scalar("PRAGMA journal_mode"), mode == "wal" else { return false }
        guard try loadingLarge || store.database.scalar("SELECT 1 FROM events LIMIT 1") == nil else { return false }
        guard case .text(let newMode)? = try? store.database.scalar("PRAGMA journal_mode = DELETE") else { return false }
        return newMode == "delete"
    }

    /// The size of file from which a load into an empty timeline runs under a rollback journal
    /// (settable for tests).
    var rollbackJournalLoadSize = 64 << 20

    /// Whether the file is large beside the timeline it goes into: at least `largeLoadShare` of
    /// the database's size. Such a load is run as into an empty timeline: the indexes an update
    /// does without are built again after it rather than kept up to date row by row (200,000
    /// events into the sample timeline: 19.4 s kept, 9.1 s rebuilt), and it may use a rollback
    /// journal. A smaller one keeps them: 20,000 events into 200,000 took 4.4 s kept, 6.9 s
    /// rebuilt, and the two met at about a sixth. A file of unknown size (a pipe) is taken as small.
    func loadsLargeBesideTimeline() throws -> Bool {
        guard let size = input.size else { return false }
        guard case .integer(let pages)? = try store.database.scalar("PRAGMA page_count"),
              case .integer(let pageSize)? = try store.database.scalar("PRAGMA page_size") else { return false }
        return Double(size) >= Double(pages * pageSize) * largeLoadShare
    }

    /// The share of the database's size from which a file is a large load (settable for tests).
    var largeLoadShare = 0.25

    /// The size of file from which foreign keys are checked at the end of the load rather than by
    /// each insert: about 3,000 records. Below it, row by row costs less than reading a timeline
    /// of a few thousand events whole; a file of unknown size (a pipe) is checked at the end
    /// (settable for tests).
    var foreignKeysAtTheEndSize = 1 << 20

    private func run(checkingConstraintsAtTheEnd checksLater: Bool, reject: (String) -> Void,
                     progress: (Int) -> Void) throws -> ImportSummary {
        var summary = ImportSummary()
        checkedConstraintsAtTheEnd = false
        builtSearchIndexAside = false
        // Foreign keys are checked once, set-wise, at the end instead of by every insert, which
        // spares SQLite a statement journal per row (the pragma only takes effect outside a
        // transaction). That check reads every table whole, though: a small file (a day's few
        // records into a big timeline) keeps them checked row by row, at a cost that follows the file.
        let checksForeignKeysAtTheEnd = input.size.map { $0 >= foreignKeysAtTheEndSize } ?? true
        if checksForeignKeysAtTheEnd { try store.database.execute("PRAGMA foreign_keys = OFF") }
        defer { if checksForeignKeysAtTheEnd { try? store.database.execute("PRAGMA foreign_keys = ON") } }
        // SQLite's default page cache (2 MiB) for the load, whatever the store uses for reading:
        // the index builds size their sorters by it, and a 32 MiB cache took a 1M-event import
        // to 105 MB of memory for a few percent of time.
        let readingCacheSize = try store.database.scalar("PRAGMA cache_size")
        try store.database.execute("PRAGMA cache_size = -2000")
        defer {
            if case .integer(let pages)? = readingCacheSize { try? store.database.execute("PRAGMA cache_size = \(pages)") }
        }
        // Loading into an empty timeline, a rollback journal instead of the write-ahead log for the
        // load: the load's one transaction otherwise puts every page it spills into the log, and
        // SQLite looks each page read up there through an index that grows with the log (at 10M
        // events, 14 GB of log and 85% of the time in sqlite3WalFindFrame). With a rollback
        // journal, pages past the file's old end go straight into the file and need no journal:
        // still all or nothing, and a crash is rolled back from the journal. It takes only when no
        // other connection has the file open; the log is switched back on at the end.
        let loadsLarge = try loadsLargeBesideTimeline()
        let restoresWriteAheadLog = try switchesToRollbackJournal(loadingLarge: loadsLarge)
        defer {
            if restoresWriteAheadLog { _ = try? store.database.enableWriteAheadLog() }
        }
        do {
            try store.database.transaction(.immediate) {
                let saver = try EventSaver(database: store.database, recordedAt: store.recordingTime)
                if options.filtersNewUIDs { try saver.remembersNewUIDs(bits: NewUIDFilter.bits(forFileOf: input.size)) }
                filteredNewUIDs = saver.filtersNewUIDs
                let lastEntityBefore = try store.lastEntityID()
                if format == .seed {
                    // Before the bulk load suspends the triggers: a renamed entity or a changed
                    // source is carried into the search index and stored lists of the events
                    // already there.
                    summary.directory = try saveDirectory(with: saver, reject: reject)
                    saver.citesSourcesByKeyOnly = true
                }
                // A document's events may name entities and sources its lists do not hold: those
                // they create count with the lists'.
                let countsBefore = format == .seed ? try directoryCounts() : nil
                // A load that adds and changes no event is undone to here, so that the triggers
                // and indexes the bulk load drops and creates again are as they were: the file
                // and its schema (which `.dump` lists in stored order) stay the same.
                try store.database.execute("SAVEPOINT import_events")
                let bulkLoad = try BulkLoad(database: store.database, checkingConstraintsAtTheEnd: checksLater,
                                            rebuildingIndexes: loadsLarge, buildingSearchIndexAsideFrom: options.searchIndexAsideFrom,
                                            stoppingWhen: store.shouldStop)
                defer { bulkLoad.restoreSettings() }
                // The triggers that would clear the stored lists are suspended: each event's are
                // written with its row, from the event as saved.
                saver.storedLists = .event
                checkedConstraintsAtTheEnd = bulkLoad.checksConstraintsAtTheEnd
                var recordIndex = -1
                try forEachRecord { line, decode, renderedLists in
                    recordIndex += 1
                    func handle(_ reason: String) throws {
                        // In a document, the entry as it holds it, as its decoding errors name it.
                        let entry = format == .seed && !reason.hasPrefix("field 'events[") ? "events[\(recordIndex)]: " : ""
                        let message = "\(input.name):\(line): \(entry)\(reason)"
                        guard checksEveryRecord else { throw TimelineError(.badData, message) }
                        summary.rejected += 1
                        reject(message)
                    }
                    do {
                        let (event, given, itemColumns) = try decode()
                        if given.contains(.periodCodeAsYears) {
                            summary.periodCodesAsYears += 1
                            if summary.periodCodeExamples.count < 3 {
                                let date = [event.when.edtf, event.announced?.edtf].compactMap { $0 }
                                    .first { PeriodCodeAsYears.reading(in: $0) != nil } ?? event.when.edtf
                                summary.periodCodeExamples.append(.init(line: line, date: date))
                            }
                        }
                        let outcome: SaveOutcome
                        if checksEveryRecord {
                            // Only a record that may be skipped needs a way back on its own.
                            let notesBefore = saver.notesMark
                            do {
                                outcome = try store.database.savepoint("import_record") {
                                    try saver.save(event, uidPolicy: .contentHash, rejectingSecondVersionInBatch: true,
                                                   renderedLists: renderedLists, given: given, itemColumns: itemColumns).outcome
                                }
                            } catch {
                                // What the record wrote is undone: the sources it dated and the notes it made too.
                                saver.forgetResolved(keepingNotesAsOf: notesBefore)
                                throw error
                            }
                        } else {
                            outcome = try saver.save(event, uidPolicy: .contentHash, rejectingSecondVersionInBatch: true,
                                                     renderedLists: renderedLists, given: given, itemColumns: itemColumns).outcome
                        }
                        switch outcome {
                        case .inserted: summary.inserted += 1
                        case .updated: summary.updated += 1
                        case .unchanged: summary.unchanged += 1
                        }
                    } catch let error as RecordError {
                        try handle(error.description)
                    } catch let error as EventJSONDecoder.FieldError {
                        try handle(error.description)
                    } catch let error as TimelineError where error.field == TimelineWriter.recordingTimeField {
                        // About the command's recording time, not about the record: a usage error.
                        throw TimelineError(.usage, error.message)
                    } catch let error as TimelineError where error.category == .usage || error.category == .badData {
                        if let field = error.field, format == .csv || format == .tsv,
                           fieldColumns.mapper?.column(forField: Self.flatName(of: field)) == "--set" {
                            throw SetValueError(field: Self.flatName(of: field), reason: error.message, options: options)
                        }
                        try handle(error.field.map { describe(error, field: $0, record: recordIndex) } ?? error.message)
                    } catch let error as SQLiteError where error.isConstraintViolation {
                        try handle(error.message)
                    }
                    if summary.records % 1000 == 0 {
                        progress(summary.records)
                        try store.stopIfLockRefused()
                    }
                }
                if let countsBefore {
                    let countsAfter = try directoryCounts()
                    summary.directory?.entities += countsAfter.entities - countsBefore.entities
                    summary.directory?.sources += countsAfter.sources - countsBefore.sources
                }
                // Dating a source held undated is a change too, though no event changes with it.
                summary.datedSources = saver.datedSources
                // A title or a language given to a source held without is one too.
                var seen = Set<String>()
                summary.describedSources = saver.describedSources.filter { seen.insert($0).inserted }
                summary.sourceKeysWrittenAsSlugs = saver.sourceKeysWrittenAsSlugs.map { .init(given: $0.given, saved: $0.saved) }
                if summary.inserted == 0 && summary.updated == 0 && !summary.changesSources {
                    // Undone before the indexes are built again: the savepoint has them as they
                    // were (a file imported again into the timeline it came from, large beside
                    // it, spent 1.8 s of 13.5 rebuilding what it then undid).
                    try store.database.execute("ROLLBACK TO import_events")
                } else {
                    builtSearchIndexAside = try bulkLoad.finish(updated: saver.updatedEventIDs)
                    if !saver.datedSources.isEmpty || !saver.describedSources.isEmpty {
                        try saver.refreshStoredLists(citing: saver.datedSources + saver.describedSources)
                    }
                }
                try store.database.execute("RELEASE import_events")
                summary.keptFields = saver.keptInUpdates.names
                summary.repeatedRecords = saver.repeatedInBatch
                summary.fractionsAboveOne = saver.fractionsAboveOne
                summary.fractionsAboveOneExamples = saver.fractionsAboveOneExamples
                summary.repeatedRecordExamples = saver.repeatedInBatchExamples
                summary.entitiesKept = saver.itemsKeptInUpdates.entities
                summary.figuresKept = saver.itemsKeptInUpdates.figures
                summary.citationsKept = saver.itemsKeptInUpdates.citations
                summary.tagsKept = saver.itemsKeptInUpdates.tags
                summary.eventsKeepingItems = saver.eventsKeepingItems
                summary.eventsKeepingItemsExamples = saver.eventsKeepingItemsExamples
                summary.sourcedFiguresReplaced = saver.sourcedFiguresReplaced
                summary.sourcedFiguresReplacedExamples = saver.sourcedFiguresReplacedExamples
                summary.changedSinceTheirRecord = saver.changedSinceTheirRecord
                summary.changedSinceTheirRecordExamples = saver.changedSinceTheirRecordExamples
                summary.removedSinceTheirRecord = saver.removedSinceTheirRecord
                summary.removedSinceTheirRecordExamples = saver.removedSinceTheirRecordExamples
                summary.broughtBack = saver.broughtBack
                summary.broughtBackExamples = saver.broughtBackExamples
                summary.sameStemInFile = saver.sameStemInBatch
                summary.sameStemInFileExamples = saver.sameStemInBatchExamples.map { .init(added: $0.added, existing: $0.earlier) }
                summary.sourcesDescribedOtherwise = saver.sourcesDescribedOtherwise
                summary.citationsDescribingSourcesOtherwise = saver.citationsDescribingSourcesOtherwise
                summary.entitiesNamedOtherwise = saver.entitiesNamedOtherwise
                summary.recordsNamingEntitiesOtherwise = saver.recordsNamingEntitiesOtherwise
                // Added events have ids above the load's last one; a timeline that had none has no
                // earlier versions of them.
                if bulkLoad.lastIDBefore > 0, summary.inserted > 0 {
                    try findPossibleDuplicates(after: bulkLoad.lastIDBefore, added: summary.inserted, in: &summary)
                }
                // Entities the file made whose names read as others' (`Walmart` beside `Wal-Mart`).
                if try store.lastEntityID() > lastEntityBefore {
                    let alike = try store.entitiesReadingAlike(madeAfter: lastEntityBefore)
                    summary.entitiesReadingAlike = alike.count
                    summary.entitiesReadingAlikeExamples = Array(alike.prefix(3))
                }
                if checksForeignKeysAtTheEnd, let violation = try store.database.firstForeignKeyViolation() {
                    throw TimelineError(.internalError, "the import would leave \(violation.table) row \(violation.rowID.map(String.init) ?? "?") pointing at a missing \(violation.parent) row; nothing was written.")
                }
                if options.dryRun {
                    if !options.skipInvalid && summary.rejected > 0 {
                        // "1 of 2 records is bad", "2 of 2 records are bad", "1 of 1 record is bad".
                        let records = (summary.records == 1 ? "record" : "records") + (summary.rejected == 1 ? " is" : " are")
                        throw TimelineError(.badData, "\(summary.rejected) of \(summary.records) \(records) bad in \(input.name) (each named above); nothing was written, and an import would stop at the first.")
                    }
                    throw DryRunFinished()
                }
                try store.stopIfRequested()
                // Nothing to write: rolled back rather than committed, which would still move
                // the counter in the file's header.
                if summary.changesNothing {
                    throw DryRunFinished()
                }
            }
        } catch is DryRunFinished {
            return summary
        } catch let error as SQLiteError {
            throw TimelineStore.translate(error, path: store.path)
        }
        store.adoptWriteAheadLog()
        return summary
    }

    /// The separator of the numeric date a date error quotes first (`'03.06.2023' is not a valid
    /// date: …` has `.`); `/` when it quotes none.
    static func daySeparator(inDateReason reason: String) -> Character {
        guard reason.first == "'", let end = reason.dropFirst().firstIndex(of: "'") else { return "/" }
        return reason[reason.index(after: reason.startIndex)..<end].first { $0 == "/" || $0 == "." || $0 == "-" } ?? "/"
    }

    /// The value a date error quotes first (`'01/12/22' is not a valid date: …`).
    static func quotedValue(inDateReason reason: String) -> String? {
        guard reason.first == "'", let end = reason.dropFirst().firstIndex(of: "'") else { return nil }
        return String(reason[reason.index(after: reason.startIndex)..<end])
    }

    /// Whether an error is the import being stopped (a signal), which no second run should follow.
    static func isInterruption(_ error: Error) -> Bool {
        if let error = error as? TimelineError { return error.category == .interrupted }
        if let error = error as? SQLiteError { return error.isInterrupted }
        return false
    }

    /// Pairs (added uid, earlier uid, added id) of events added after `?1` with earlier ones of the
    /// same stem, ordered by added id. Each side of the union probes the uid index's range: an OR
    /// of two ranges in one join scanned every earlier event for each added one.
    static func possibleDuplicatesQuery(scanningAdded: Bool) -> String {
        // A content-hash uid is its stem, '-' and 8 hex digits; another version of the event has
        // the same stem and length, and sorts between the stem plus '-' and the stem plus '-g'.
        let hashed = "GLOB '*?-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'"
        // A stem's date may end in digits a number could be (`…-2023-03-07` is `…-2023-03`
        // numbered 7, or a day): the pair's kinds and days say which. Days, not the EDTF text:
        // `2023-01-05~` beside `2023-01-05` is the record edited to say "about". (Unary `+`
        // keeps them off the kind and date indexes, which would read every event of a kind or
        // day for each probe.)
        let sameKindAndDate = "+o.kind = +n.kind AND +o.when_earliest IS +n.when_earliest AND +o.when_latest IS +n.when_latest"
        func sameStem(_ probed: String, as scanned: String) -> String {
            """
            \(probed).uid > substr(\(scanned).uid, 1, length(\(scanned).uid) - 8)
            AND \(probed).uid < substr(\(scanned).uid, 1, length(\(scanned).uid) - 8) || 'g'
            AND length(\(probed).uid) = length(\(scanned).uid)
            """
        }
        // An earlier event whose uid was given (`acme-cut`), or made before its main entity was
        // renamed, shares no stem: found by its day (the date index) and its main entity, from the
        // smaller side (CROSS JOIN keeps that order: SQLite otherwise scanned the million added
        // events to probe for the seed's fifteen, 1.7 s instead of 0.05).
        func mainEntity(_ event: String) -> String {
            "(SELECT entity_id FROM event_entities WHERE event_id = \(event).id ORDER BY position LIMIT 1)"
        }
        let sameMainEntity = "\(mainEntity("o")) = \(mainEntity("n"))"
        guard !scanningAdded else {
            // An event typed in with `add` has the stem itself as its uid, or the stem, '-' and a
            // number: both sort between the stem and the stem plus '-:'.
            let stem = "substr(n.uid, 1, length(n.uid) - 9)"
            return """
                SELECT n.uid, o.uid, n.id FROM events AS n JOIN events AS o ON \(sameStem("o", as: "n")) AND o.id <= ?1 AND \(sameKindAndDate)
                WHERE n.id > ?1 AND n.uid \(hashed)
                UNION ALL
                SELECT n.uid, o.uid, n.id FROM events AS n JOIN events AS o ON o.uid >= \(stem) AND o.uid < \(stem) || '-:'
                    AND (o.uid = \(stem) OR o.uid > \(stem) || '-' AND substr(o.uid, length(n.uid) - 7) NOT GLOB '*[^0-9]*') AND o.id <= ?1
                    AND \(sameKindAndDate)
                WHERE n.id > ?1 AND n.uid \(hashed)
                UNION ALL
                SELECT n.uid, o.uid, n.id FROM events AS n CROSS JOIN events AS o ON o.when_earliest = n.when_earliest AND o.id <= ?1
                    AND \(sameKindAndDate) AND \(sameMainEntity)
                WHERE n.id > ?1 AND n.uid \(hashed)
                ORDER BY 3, 2
                """
        }
        // A numbered uid (`stem-2`) without its number: the stem and '-'.
        let numberedStem = "rtrim(o.uid, '0123456789')"
        return """
            SELECT n.uid, o.uid, n.id FROM events AS o JOIN events AS n ON \(sameStem("n", as: "o")) AND n.id > ?1 AND \(sameKindAndDate) WHERE o.id <= ?1 AND o.uid \(hashed)
            UNION ALL
            SELECT n.uid, o.uid, n.id FROM events AS o JOIN events AS n ON n.uid > o.uid || '-' AND n.uid < o.uid || '-g'
                AND length(n.uid) = length(o.uid) + 9 AND n.id > ?1 AND \(sameKindAndDate)
            WHERE o.id <= ?1 AND o.uid NOT \(hashed) AND n.uid \(hashed)
            UNION ALL
            SELECT n.uid, o.uid, n.id FROM events AS o JOIN events AS n ON n.uid > \(numberedStem) AND n.uid < \(numberedStem) || 'g'
                AND length(n.uid) = length(\(numberedStem)) + 8 AND n.id > ?1 AND \(sameKindAndDate)
            WHERE o.id <= ?1 AND o.uid NOT \(hashed) AND \(numberedStem) GLOB '*?-' AND n.uid \(hashed)
            UNION ALL
            SELECT n.uid, o.uid, n.id FROM events AS o CROSS JOIN events AS n ON n.when_earliest = o.when_earliest AND n.id > ?1
                AND \(sameKindAndDate) AND \(sameMainEntity)
            WHERE o.id <= ?1 AND n.uid \(hashed)
            ORDER BY 3, 2
            """
    }

    /// Counts the added events whose uid is an earlier event's but for its content hash, and
    /// keeps the first few pairs. The uid index is probed once for each event on the smaller side,
    /// the added or the earlier ones: a large file imported into the seeded timeline probes for
    /// the few seed events, not for each of its own.
    private func findPossibleDuplicates(after lastIDBefore: Int64, added: Int, in summary: inout ImportSummary) throws {
        let pairs = try store.database.prepare(Self.possibleDuplicatesQuery(scanningAdded: Int64(added) <= lastIDBefore))
        try pairs.bind([.integer(lastIDBefore)])
        var previous: String?
        while try pairs.step() {
            let added = pairs.text(at: 0)
            guard added != previous else { continue }  // one count an added event, whatever it pairs with
            previous = added
            summary.possibleDuplicates += 1
            if summary.possibleDuplicateExamples.count < 3 {
                summary.possibleDuplicateExamples.append(.init(added: added, existing: pairs.text(at: 1)))
            }
        }
    }

    /// An error found saving a record, about one of its fields, named as the file names that
    /// field, as its decoding errors do: `field 'events[3].kind'` in a timeline document, `field
    /// 'sources[0].quote_language'` in NDJSON or JSON, `column 'type' (kind)` in a CSV file.
    private func describe(_ error: TimelineError, field: String, record: Int) -> String {
        let reason = error.message.hasSuffix(".") ? String(error.message.dropLast()) : error.message
        switch format {
        case .seed:
            return "field 'events[\(record)].\(field)': \(reason)"
        case .ndjson, .json:
            return "field '\(Self.flatName(of: field))': \(reason)"
        case .csv, .tsv:
            let name = Self.flatName(of: field)
            guard let column = fieldColumns.mapper?.column(forField: name) else { return error.message }
            return column == name ? "column '\(column)': \(reason)" : "column '\(column)' (\(name)): \(reason)"
        }
    }

    /// A field as the flat formats name it: their `sources` list holds each citation with its
    /// source's own fields, so a document's `citations[0].source` is their `sources[0].key`.
    static func flatName(of field: String) -> String {
        guard field.hasPrefix("citations[") else { return field }
        var name = "sources[" + field.dropFirst("citations[".count)
        if name.hasSuffix("].source") { name = name.dropLast(".source".count) + ".key" }
        return name
    }

    /// The mapper of a CSV or TSV file's columns, for naming a column in an error found when
    /// saving. The reading thread sets it before it hands over its first record; the saving thread
    /// reads it only after receiving one, and the read-ahead's lock orders the two.
    private final class FieldColumns: @unchecked Sendable {
        var mapper: RecordMapper?
        /// Written by the reading thread, read once the import is over.
        var unnamedColumnsWithValues: Set<Int> = []
    }

    private let fieldColumns = FieldColumns()

    /// How many entities and sources the timeline holds.
    private func directoryCounts() throws -> (entities: Int, sources: Int) {
        let counts = try store.database.prepare("SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM sources)")
        defer { counts.reset() }
        _ = try counts.step()
        return (counts.int(at: 0), counts.int(at: 1))
    }

    /// Reads a timeline document up to its events and saves its entities, relations and sources.
    ///
    /// In a dry run every bad entry is named (through `reject`), not only the first; if any is,
    /// the run stops there, before the events, which would name what the bad entries left out.
    private func saveDirectory(with saver: EventSaver, reject: (String) -> Void) throws -> DirectoryChanges {
        try input.skipByteOrderMark()
        let document = SeedDocumentReader(input: input)
        let head: [SeedDocumentReader.Member]
        do {
            head = try document.readHead()
        } catch let failure as SeedDocumentReader.Failure {
            throw TimelineError(.badData, "\(input.name):\(failure.line): invalid timeline document: \(failure.reason).")
        }
        seedDocument = document
        /// The line of the entry a field is in: `entities[2].type` is on `entities[2]`'s.
        func line(of error: EventJSONDecoder.FieldError) -> Int {
            let key = error.field.prefix { $0 != "[" && $0 != "." }
            return head.first { $0.key == key }?.line(of: error.field) ?? 1
        }
        /// `FILE:LINE: field 'entities[2].type': …` for an error in the document's head.
        func message(for error: EventJSONDecoder.FieldError) -> String {
            // The reason may end a sentence of its own (a date's); the message gets one period.
            let message = "\(input.name):\(line(of: error)): \(error.description)"
            return message.hasSuffix(".") ? message : message + "."
        }
        var context = DateParsingContext(today: options.today, missingTodayReason: options.missingTodayReason)
        context.todayGiven = options.todayGiven
        let members = head.map { ($0.key, $0.value) }
        // Every bad entry is found, whatever the order the saver checks them in (entities, then
        // relations, then sources): a dry run names them all, in the order of their lines; an
        // import stops at the first line's, the one a reader meets first.
        var problems: [(line: Int, message: String)] = []
        let report: ((EventJSONDecoder.FieldError) -> Void)? = { error in problems.append((line(of: error), message(for: error))) }
        let changes: DirectoryChanges
        do {
            let (directory, positions) = try SeedDocumentDecoder.directoryAndPositions(from: members, context: context, reporting: report)
            changes = try saver.save(directory, positions: positions, reporting: report)
        } catch let error as EventJSONDecoder.FieldError {
            // The first bad entry, or an error of the whole document (its format, a member it does not have).
            throw TimelineError(.badData, message(for: error))
        }
        guard problems.isEmpty else {
            let inLineOrder = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            guard options.dryRun else { throw TimelineError(.badData, inLineOrder[0].message) }
            for problem in inLineOrder {
                reject(problem.message)
            }
            let bad = problems.count
            throw TimelineError(.badData, "\(bad) of the entities, relations and sources in \(input.name) \(bad == 1 ? "is" : "are") bad (each named above); nothing was written, and the events were not checked.")
        }
        return changes
    }

    /// Whether a bad record is reported and passed over rather than stopping the run: skipped with
    /// --skip-invalid; in a dry run, named with all the others so one run finds every one.
    private var checksEveryRecord: Bool { options.skipInvalid || options.dryRun }

    /// Thrown at the end of a dry run, or of an import that changes nothing, so the transaction
    /// rolls back.
    private struct DryRunFinished: Error {}

    /// Calls `body` with each record's line, a function that gives its event (or throws why the
    /// record is not one), and the event's lists already rendered as stored JSON, if they were.
    ///
    /// A regular file is read and decoded on a second thread, a few hundred records ahead of
    /// `body`, which writes them: the two took about 40% and 60% of a large load one after the
    /// other. That thread also renders each event's lists, which the writer uses when saving
    /// leaves them as read. What `body` sees is the same, in the same order, errors included.
    /// Standard input is read here: its writer may keep a reading thread waiting after the import
    /// has failed; so is any file when the process can use one processor (`options.readsAhead`).
    private func forEachRecord(_ body: (Int, () throws -> RecordEvent, TimelineWriter.RenderedLists?) throws -> Void) throws {
        readAhead = input.isRegularFile && options.readsAhead
        guard readAhead else {
            return try decodeRecords { line, decode in
                try withoutActuallyEscaping(decode) { decode in try body(line, decode, nil) }
            }
        }
        let readAhead = try ReadAhead<DecodedRecord> { emit in
            try self.decodeRecords { line, decode in
                let event = Result { try decode() }
                let lists = (try? event.get()).map { TimelineWriter.RenderedLists(rendering: $0.event) }
                guard emit(DecodedRecord(line: line, event: event, renderedLists: lists)) else { throw ReadAheadStopped() }
            }
        }
        defer { readAhead.stop() }
        while var batch = try readAhead.next() {
            for index in batch.indices {
                try body(batch[index].line, { try batch[index].event.get() }, batch[index].renderedLists)
            }
            readAhead.recycle(&batch)
        }
    }

    /// A record as read ahead: its line, its event or why it is not one, and the event's lists.
    private struct DecodedRecord: Sendable {
        let line: Int
        let event: Result<RecordEvent, any Error>
        let renderedLists: TimelineWriter.RenderedLists?
    }

    /// Ends the reading thread's loop once nothing takes its records any more.
    private struct ReadAheadStopped: Error {}

    /// Calls `body` with each record's line and a function that turns it into an event.
    /// A record's event, the parts of it the record gives (an event it updates keeps the others),
    /// and the lists its columns give one item at a time (an event it updates keeps other items).
    typealias RecordEvent = (event: Event, given: EventFields, itemColumns: ItemColumns?)

    private func decodeRecords(_ body: (Int, () throws -> RecordEvent) throws -> Void) throws {
        var context = DateParsingContext(today: options.today, missingTodayReason: options.missingTodayReason)
        context.todayGiven = options.todayGiven
        switch format {
        case .csv, .tsv:
            let separator = format == .csv ? try Self.csvSeparator(of: input, given: options.delimiter) : UInt8(ascii: ",")
            let reader = DelimitedReader(input: input, dialect: format == .csv ? .csv : .tsv, separator: separator)
            var columnNames: [String] = []
            do {
                guard let header = try reader.next() else {
                    throw TimelineError(.badData, "\(input.name) is empty: a header row was expected.")
                }
                if header.fields.contains(where: { $0.utf8.contains(0x0D) }) {
                    // Read as one line, the whole file would be a header naming columns twice.
                    throw TimelineError(.badData, "\(input.name):1: the lines end in a carriage return alone (as \"CSV (Macintosh)\" saves them), which CSV and TSV do not take for line ends: convert them (tr '\\r' '\\n'), or save the file as CSV UTF-8.")
                }
                if let first = header.fields.first, let kind = Self.unreadableKind(firstField: first, only: header.fields.count == 1) {
                    throw TimelineError(.badData, "\(input.name) looks like \(kind), which import does not read; it reads CSV, TSV, NDJSON, JSON and timeline documents (as `export --format csv|tsv|ndjson|json|seed` writes them).")
                }
                columnNames = header.fields.map { $0.trimmingSpaces() }
                let mapper = try RecordMapper(header: header.fields, options: options, fileName: input.name,
                                              separatedBySemicolons: separator == UInt8(ascii: ";"))
                fieldColumns.mapper = mapper
                while true {
                    do {
                        guard try reader.advance() else { break }
                    } catch let failure as DelimitedReader.Failure where checksEveryRecord && failure.recoverable {
                        // A malformed row is a bad record like another: named, and skipped.
                        try body(failure.line) { throw RecordError(failure.reason(columnsNamedBy: columnNames)) }
                        try reader.skipFailedRecord()
                        continue
                    }
                    for index in mapper.unnamedColumns where index < reader.fieldCount && reader.withField(index, { !$0.isEmpty }) {
                        fieldColumns.unnamedColumnsWithValues.insert(index + 1)
                    }
                    try body(reader.recordLine) {
                        // Straight from the record's bytes when it can be; else, and to name what
                        // is wrong, through a String per field.
                        let object = try mapper.object(ofCurrentRecordIn: reader) ?? mapper.object(for: reader.currentFields())
                        do {
                            // The mapper makes no worked-out date fields: their columns are checked here, as bytes.
                            let event = try EventJSONDecoder.event(from: object, context: context, checkingWorkedOutFields: false)
                            try mapper.checkWorkedOutColumns(of: event, inCurrentRecordOf: reader)
                            // A record whose worked-out cells are empty (the way to change a date) gives no
                            // days. The first cell, given, decides: the date is then not looked at.
                            let givesDays = !mapper.workedOutColumns.isEmpty && !mapper.workedOutCellsAreEmpty(inCurrentRecordOf: reader)
                            return (event, givesDays ? mapper.givenFields : mapper.givenFields.union(Self.periodCodes(in: object)), mapper.itemColumns)
                        } catch let error as EventJSONDecoder.FieldError {
                            if error.reason == "is required", let column = mapper.column(forField: error.field) {
                                throw RecordError("column '\(column)' is empty, and an event needs a \(error.field)")
                            }
                            var reason = error.reason
                            if let dateFormat = options.dateFormat, error.field == "when" || error.field == "announced" || error.field.hasSuffix(".published") {
                                if let value = Self.quotedValue(inDateReason: reason), let mismatch = dateFormat.mismatch(of: value) {
                                    reason = "'\(value)' is not a day written \(dateFormat.pattern): \(mismatch)"
                                } else {
                                    if reason.hasSuffix(".") { reason.removeLast() }
                                    reason += "; nor is it a day written \(dateFormat.pattern)"
                                }
                            } else if options.dateFormat == nil,
                                      error.field == "when" || error.field == "announced" || error.field.hasSuffix(".published"),
                                      reason.contains("numeric dates are ambiguous") {
                                // A spreadsheet writes every day of the file in one order: say how to give it,
                                // with the file's own separator (`03.06.2023` is read by d.m.yyyy only).
                                if reason.hasSuffix(".") { reason.removeLast() }
                                let separator = Self.daySeparator(inDateReason: reason)
                                reason += "; or give the file's order with --date-format m\(separator)d\(separator)yyyy or d\(separator)m\(separator)yyyy"
                            }
                            if let column = mapper.column(forField: error.field), column != error.field {
                                if column == "--set" { throw SetValueError(field: error.field, reason: reason, options: options) }
                                throw RecordError("column '\(column)' (\(error.field)): \(reason)")
                            }
                            if error.reason == "is required" {
                                throw RecordError("no \(error.field): map a column to it (--map COLUMN=\(error.field)) or give it with --set \(error.field)=VALUE")
                            }
                            throw RecordError("column '\(error.field)': \(reason)")
                        }
                    }
                }
            } catch let failure as DelimitedReader.Failure {
                // Skipping bad records, this one is not skipped: say that everything stopped.
                let stopped = checksEveryRecord ? "; where the next record starts cannot be told, so reading stopped here and nothing was written" : ""
                throw TimelineError(.badData, "\(input.name):\(failure.line): \(failure.reason(columnsNamedBy: columnNames))\(stopped).")
            }
        case .ndjson:
            var line = 0
            try input.skipByteOrderMark()
            if Self.firstObjectSpansLines(try input.peekBytes(65_536)) {
                // Objects over several lines, one after another (`jq`'s default output).
                let scanner = JSONByteScanner(input: input)
                return try handJSONEvents(from: scanner.scanObject, context: context, to: body)
            }
            while let bytes = try input.nextLine() {
                line += 1
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                try Self.handJSONRecord(bytes, line: line, to: body) { try EventJSONDecoder.event(from: $0, context: context) }
            }
        case .json:
            try input.skipByteOrderMark()
            try handJSONEvents(from: JSONArrayReader(input: input).next, context: context, to: body)
        case .seed:
            guard let document = seedDocument else {
                throw TimelineError(.internalError, "the events of \(input.name) were read before its entities and sources.")
            }
            do {
                var index = 0
                while let element = try document.nextEvent() {
                    // A document's dates are EDTF, as export writes them: no period code to note.
                    try Self.handJSONRecord(element.bytes, line: element.line, notingPeriodCodes: false, to: body) { value in
                        do throws(EventJSONDecoder.FieldError) {
                            return try SeedDocumentDecoder.event(from: value, context: context)
                        } catch {
                            // Named as the document holds it, as entries before the events are.
                            let field = error.field == "(record)" ? "" : "." + error.field
                            throw EventJSONDecoder.FieldError(field: "events[\(index)]\(field)", reason: error.reason)
                        }
                    }
                    index += 1
                }
            } catch let failure as SeedDocumentReader.Failure {
                throw TimelineError(.badData, "\(input.name):\(failure.line): invalid timeline document: \(failure.reason).")
            }
        }
    }

    /// Hands `body` each event `next` cuts from the input (its bytes and first line), until it
    /// gives nil; a cut that is not JSON's is named with its line.
    private func handJSONEvents(from next: () throws -> (bytes: [UInt8], line: Int)?, context: DateParsingContext,
                                to body: (Int, () throws -> RecordEvent) throws -> Void) throws {
        do {
            while let element = try next() {
                try Self.handJSONRecord(element.bytes, line: element.line, to: body) {
                    try EventJSONDecoder.event(from: $0, context: context)
                }
            }
        } catch let failure as JSONByteScanner.Failure {
            throw TimelineError(.badData, "\(input.name):\(failure.line): invalid JSON: \(failure.reason).")
        }
    }

    /// `.periodCodeAsYears` when the record's `when` or `announced` is written as an EDTF
    /// period code that reads as years in prose; the caller has seen it gives no worked-out days.
    private static func periodCodes(in object: JSONValue) -> EventFields {
        for key in ["when", "announced"] {
            if case .string(let text)? = object[key], PeriodCodeAsYears.reading(in: text) != nil { return .periodCodeAsYears }
        }
        return []
    }

    /// Hands `body` a JSON record: its line, and a function that gives its event (`decode` of the
    /// parsed value; bytes that are not JSON are a `RecordError`, reported with the line or skipped).
    private static func handJSONRecord(_ bytes: [UInt8], line: Int, notingPeriodCodes: Bool = true,
                                       to body: (Int, () throws -> RecordEvent) throws -> Void,
                                       decode: (JSONValue) throws -> Event) throws {
        let parsed: Result<JSONValue, JSONParser.Failure> = bytes.withUnsafeBufferPointer { buffer in
            do throws(JSONParser.Failure) {
                return .success(try JSONParser.parse(buffer))
            } catch {
                return .failure(error)
            }
        }
        try withoutActuallyEscaping(decode) { decode in
            try body(line) {
                do {
                    let object = try parsed.get()
                    let given = EventFields(keysOf: object)
                    // Worked-out days given (not null, not empty) say the file means the date as EDTF.
                    let givesDays: Bool
                    switch object["earliest"] {
                    case nil, .null?, .string("")?: givesDays = false
                    default: givesDays = true
                    }
                    return (try decode(object), notingPeriodCodes && !givesDays ? given.union(Self.periodCodes(in: object)) : given, nil)
                } catch let failure as JSONParser.Failure {
                    throw RecordError(failure.description)
                }
            }
        }
    }

    /// Whether the object that `bytes` start with has a key only a timeline document has
    /// (`format`, `description`, `relations`, `events`), among those before its end or the end
    /// of `bytes`, or goes on past its first line with no key only an event has (`kind`,
    /// `title`, `when`, …): an NDJSON event does neither, events written one object over several
    /// lines (`jq`'s way) have an event's keys, and a document written by a tool that sorts keys
    /// starts with `description` or `entities`, not `format`.
    static func looksLikeDocument(_ bytes: [UInt8]) -> Bool {
        let documentKeys: [[UInt8]] = ["format", "description", "relations", "events"].map { Array($0.utf8) }
        let eventKeys: [[UInt8]] = ["uid", "kind", "status", "title", "summary", "when", "announced", "tags", "measures"]
            .map { Array($0.utf8) }
        var sawEventKey = false
        var spansLines = false
        var depth = 0
        var strings = JSONByteScanner.StringState()
        var stringStart: Int?
        var expectingKey = false
        for (index, byte) in bytes.enumerated() {
            let inString = strings.isText(byte)
            if inString {
                if stringStart == nil { stringStart = index + 1 }
                continue
            }
            if let start = stringStart {
                // The string that just ended, a key when at the object's own level.
                if expectingKey && depth == 1 {
                    let key = bytes[start..<index - 1]
                    if documentKeys.contains(where: { key.elementsEqual($0) }) { return true }
                    if eventKeys.contains(where: { key.elementsEqual($0) }) { sawEventKey = true }
                }
                stringStart = nil
                expectingKey = false
            }
            switch byte {
            // NDJSON holds an object a line: one that goes on past its first line is a document,
            // unless it is an event.
            case 0x0A where depth > 0: spansLines = true
            case UInt8(ascii: "{"):
                depth += 1
                expectingKey = depth == 1
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return spansLines && !sawEventKey }
            case UInt8(ascii: ",") where depth == 1: expectingKey = true
            default: break
            }
        }
        // The object goes on past the bytes looked at: a document on one line whose first member
        // is long (`jq -S -c` puts `entities` first). Its entities have a type; an event's a role.
        if depth > 0 && !sawEventKey && !spansLines {
            return contains(bytes, Array(#""type":"#.utf8)) && !contains(bytes, Array(#""role":"#.utf8))
        }
        return spansLines && !sawEventKey
    }

    private static func contains(_ bytes: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var index = 0
        while index <= bytes.count - pattern.count {
            if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    /// Whether the first object in `bytes` goes on past the line it starts on: events written
    /// as `jq` writes them by default, one object over several lines, not NDJSON's one a line.
    static func firstObjectSpansLines(_ bytes: [UInt8]) -> Bool {
        var depth = 0
        var strings = JSONByteScanner.StringState()
        for byte in bytes where !strings.isText(byte) {
            switch byte {
            case 0x0A where depth > 0: return true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return false }
            default: break
            }
        }
        return false
    }

    /// What a file whose header row starts with this field is, when it is one of the outputs
    /// import does not read: SQL, or (when the field is `only` one) Markdown or HTML; a column
    /// named `# laid off` is no heading. Nil otherwise.
    static func unreadableKind(firstField: String, only: Bool) -> String? {
        let line = firstField.trimmingSpaces().lowercased()
        if only && line.hasPrefix("# ") { return "Markdown (it starts with a heading)" }
        if only && (line.hasPrefix("<!doctype html") || line.hasPrefix("<html")) { return "HTML" }
        for statement in ["pragma ", "begin transaction", "create table", "insert into"] where line.hasPrefix(statement) {
            return "SQL (load an SQL export with the sqlite3 shell: sqlite3 NEW.sqlite < FILE)"
        }
        return nil
    }

    /// The delimiter given, else a semicolon when the header row has more semicolons than commas
    /// outside quotes and not before a space (spreadsheets in languages whose decimal mark is a
    /// comma save CSV so, and leave a comma in a heading such as `Montant (k€, HT)` unquoted),
    /// else a comma.
    static func csvSeparator(of input: InputFile, given: CSVDelimiter? = nil) throws -> UInt8 {
        try input.skipByteOrderMark()
        if let given { return given.byte }
        return HeaderSeparators(try input.peekLine().bytes).csvSeparator
    }

    /// From the extension, else from the first bytes: `[` JSON, `{` with a key only a timeline
    /// document has a timeline document, other `{` NDJSON, a first line with at least as many
    /// tabs as commas or semicolons (outside quotes) TSV, else CSV. A `.json` file that holds an object is a
    /// timeline document.
    static func guessFormat(path: String, input: InputFile) throws -> ImportOptions.Format {
        let lowercased = path.lowercased()
        for (suffix, format) in [(".csv", ImportOptions.Format.csv), (".tsv", .tsv), (".tab", .tsv), (".ndjson", .ndjson),
                                 (".jsonl", .ndjson)] where lowercased.hasSuffix(suffix) {
            guard format == .csv || format == .tsv else { return format }
            // A header row of tabs without a comma is TSV whatever the name says, and the other way round.
            try input.skipByteOrderMark()
            let header = HeaderSeparators(try input.peekLine().bytes)
            let hasTab = header.tabs > 0, hasComma = header.commas + header.semicolons > 0
            if hasTab && !hasComma { return .tsv }
            if hasComma && !hasTab { return .csv }
            return format
        }
        try input.skipByteOrderMark()
        while let byte = try input.peekByte(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            if byte == 0x09 && !lowercased.hasSuffix(".json") { return .tsv }
            _ = try input.nextByte()
        }
        if lowercased.hasSuffix(".json") {
            // An object is a timeline document, or events one after another (`jq -c`, `jq`).
            guard try input.peekByte() == UInt8(ascii: "{") else { return .json }
            return looksLikeDocument(try input.peekBytes(65_536)) ? .seed : .ndjson
        }
        switch try input.peekByte() {
        case UInt8(ascii: "[")?: return .json
        case UInt8(ascii: "{")?:
            return looksLikeDocument(try input.peekBytes(65_536)) ? .seed : .ndjson
        // Nothing at all: no events, as `list --format ndjson` writes when nothing matches.
        case nil: return .ndjson
        default:
            // A header row of tabs more than commas or semicolons is TSV (`export --format tsv` piped in).
            return HeaderSeparators(try input.peekLine().bytes).separatesByTabs ? .tsv : .csv
        }
    }
}
