/// How `timeline import` reads a file and turns its records into events.
public struct ImportOptions: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, tsv, ndjson, json
        /// A `timeline-seed/1` document: entities, relations and sources, then events.
        case seed
    }

    /// nil: from the file name's extension, else from the first bytes.
    public var format: Format?
    /// `--map COLUMN=FIELD`, in order.
    public var mappings: [(column: String, field: String)] = []
    /// `--set FIELD=VALUE`: the same value for every record.
    public var constants: [(field: String, value: String)] = []
    /// `--title-template '{company} lays off {total_laid_off|staff}'`.
    public var titleTemplate: String?
    /// `--date-format m/d/yyyy`: how `when` and `announced` columns write days.
    public var dateFormat: DayFormat?
    /// `--decimal-mark`: how figures in CSV and TSV write the decimal mark, and so what groups
    /// thousands; nil: a point, but a comma in CSV separated by semicolons, and a comma that could
    /// be either refused.
    public var decimalMark: DecimalMark?
    /// `--delimiter`: what separates a CSV file's fields; nil: read off its header row.
    public var delimiter: CSVDelimiter?
    /// `--encoding`: the file's encoding; nil: UTF-8, or UTF-16 when its byte order mark says so.
    public var encoding: TextEncoding?
    /// Values that mean "no value" besides the empty string (`NULL`, `N/A`).
    public var nullTokens: [String] = []
    /// Check everything, write nothing.
    public var dryRun = false
    /// The timeline's path as the user gave it, for the commands an error suggests (a dry run
    /// may run on a temporary copy); nil: the store's own.
    public var databasePath: String?
    /// The command's options as given, but the file and the database, for a command an error
    /// suggests that reads the file another way (`gunzip -c FILE | timeline import - OPTIONS`).
    public var optionsGiven: [String] = []
    /// Import the good records and report the rejected ones, instead of stopping at the first.
    public var skipInvalid = false
    /// The current day, for relative dates in the file.
    public var today: CalendarDay?
    /// How many new events make a bulk load build its search index aside, on another thread
    /// (`SearchIndexBuiltAside`); nil for never. Tests lower it to take that way with few events.
    var searchIndexAsideFrom: Int64? = BulkLoad.defaultSearchIndexAsideFrom
    /// Whether a file is read and decoded on a thread of its own, ahead of the writing one: when
    /// the process can use more than one processor (`ProcessorCount`). On one the two threads only
    /// take turns, and decoding in turn was faster (200,000 events pinned to one processor:
    /// 12.9-13.0 s against 13.7-13.9). Tests set it to take either way.
    var readsAhead = ProcessorCount.available > 1
    /// Whether a load into a timeline without events skips the lookup of each record's uid when
    /// no event written before it had that uid (`NewUIDFilter`). Tests clear it to take the
    /// plain way.
    var filtersNewUIDs = true
    /// Why `today` is missing, for the error of a record with a relative date.
    public var missingTodayReason: String?
    /// `--today` was given: relative dates count from it (see `DateParsingContext.todayGiven`).
    public var todayGiven = false
    /// Asked while waiting on standard input or a pipe: true stops the import (a signal).
    public var shouldStop: (@Sendable () -> Bool)?

    public init() {}

    /// The character that ends a figure's whole part.
    public enum DecimalMark: String, Sendable, CaseIterable {
        /// `11,000` and `1,234.5`: commas group thousands.
        case point = "."
        /// `0,15` and `1.234,5` (or `1 234,5`): points group thousands.
        case comma = ","
    }
}
