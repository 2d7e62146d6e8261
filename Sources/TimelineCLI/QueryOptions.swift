import ArgumentParser
import TimelineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The filters `list` and `export` share.
struct QueryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Events on or after this date (2022, 2022-07, 2022-07-15, 2022-Q3, Q3 2022, …).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Events on or before this date; a partial date means its end (--to 2022 is through 2022-12-31).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Events on this date: the same as --from D --to D (--on 2022-12 is all of December 2022).", valueName: "date"))
    var on: String?

    @Flag(help: "Only events lying wholly inside the range (default: events overlapping it).")
    var within = false

    @Option(help: ArgumentHelp("Only events of this kind (repeatable): launch, layoff, shutdown, …", valueName: "kind"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Only events involving this entity, by slug, name or alias, any case (without its accents too: Eclair finds Éclair); repeatable.", valueName: "entity"))
    var entity: [String] = []

    @Flag(help: "With --entity: also events of entities that are part of it, products of it, its contractors or acquired by it, transitively, on the days those relations held (an acquisition from its date on).")
    var related = false

    @Option(help: ArgumentHelp("Only events with this status (repeatable).", valueName: "status"))
    var status: [EventStatus] = []

    @Option(help: ArgumentHelp("Only events with this tag, whatever its case, accents or punctuation (sante finds santé); repeatable.", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("Full-text search of titles, summaries, quotes and entity names; accents and case ignored; word*, \"a phrase\", \"a phr*\", AND, OR, NOT, -word after another.", valueName: "text"))
    var search: String?

    @Flag(help: "With --search: best matches first instead of chronological order.")
    var rank = false

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The timeline as it had been reported by this date: only events and citations from sources published by then.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("The current day for relative dates such as 'last quarter' (default: $TIMELINE_TODAY, else the real date).", valueName: "date"))
    var today: String?

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Skip this many events first.", valueName: "n"))
    var offset: Int = 0

    @Flag(help: "Latest first.")
    var reverse = false

    func validate() throws {
        try CountOption.limit.validate(limit)
        try CountOption.offset.validate(offset)
        if on != nil && (from != nil || to != nil) {
            throw ValidationError("--on is a whole range by itself; give either --on or --from/--to.")
        }
    }

    /// The options as plain values.
    var arguments: QueryArguments {
        QueryArguments(from: from, to: to, on: on, within: within, kind: kind, entity: entity, related: related,
                       status: status, tag: tag, search: search, rank: rank, asOf: asOf, today: today, limit: limit,
                       offset: offset, reverse: reverse)
    }

    /// The query these options describe; dates are read as people write them.
    func query(dateField: EventQuery.DateField = .when) throws -> EventQuery {
        try arguments.query(dateField: dateField)
    }

    /// Notes on dates that read as a span of years in prose (`QueryArguments.seasonNotes`).
    var seasonNotes: [String] { arguments.seasonNotes }

    /// `--today`, else `$TIMELINE_TODAY` (for reproducible runs), else today's date in UTC, as
    /// the context relative dates are read in. A bad `--today` is refused at once; a bad
    /// `$TIMELINE_TODAY` only when a relative date needs it, as a variable set for one task must
    /// not fail every other command.
    /// Why a current day given as text is none: the date reader's reason for one in the right
    /// form that does not exist (`2022-02-30`), else the form to give.
    private static func whyNotADay(_ text: String) -> String {
        if text.utf8.count == 10, case .failure(let error) = Result(catching: { try TimelineDate(edtf: text) }),
           let reason = (error as? TimelineDateError)?.reason {
            return reason
        }
        return "give it as YYYY-MM-DD"
    }

    static func dateContext(today override: String?) throws -> DateParsingContext {
        if let override {
            guard let day = CalendarDay(iso: override) else {
                throw TimelineError(.usage, "--today '\(override)' is not a day: \(Self.whyNotADay(override)).")
            }
            var context = DateParsingContext(today: day)
            context.todayGiven = true
            return context
        }
        if let text = EnvironmentVariable.value("TIMELINE_TODAY"), !text.isEmpty {
            guard let day = CalendarDay(iso: text) else {
                return DateParsingContext(missingTodayReason: "TIMELINE_TODAY '\(text)' is not a day (\(Self.whyNotADay(text)))")
            }
            return DateParsingContext(today: day)
        }
        return DateParsingContext(today: CalendarDay(dayNumber: Int(time(nil) / 86_400)))
    }
}

/// List's filters as plain values, however they were parsed.
struct QueryArguments: Equatable {
    var from: String?
    var to: String?
    var on: String?
    var within = false
    var kind: [String] = []
    var entity: [String] = []
    var related = false
    var status: [EventStatus] = []
    var tag: [String] = []
    var search: String?
    var rank = false
    var asOf: String?
    var today: String?
    var limit: Int?
    var offset = 0
    var reverse = false

    /// The query these filters describe; dates are read as people write them.
    func query(dateField: EventQuery.DateField = .when) throws -> EventQuery {
        // Alone it would change nothing, and look like an answer.
        if within && from == nil && to == nil && on == nil {
            throw TimelineError(.usage, "--within keeps the events wholly inside a range; give --from, --to or --on too.")
        }
        let context = try QueryOptions.dateContext(today: today)
        var query = EventQuery(
            within: within, dateField: dateField, kinds: kind, entities: entity, related: related, statuses: status,
            tags: tag, search: search, rank: rank, limit: limit, offset: offset, reverse: reverse)
        if let on {
            let date = try Self.bound(on, flag: "--on", context: context)
            query.from = date.earliest
            query.to = date.latest
        }
        if let asOf {
            // The end of the day, month or year given; a date with no last day (`2019/..`) would
            // count every source, and look like an answer.
            guard let last = try Self.bound(asOf, flag: "--as-of", context: context).latest else {
                throw TimelineError(.usage, "--as-of '\(asOf)' has no last day; give a day (or a month or year, read to its last day).")
            }
            query.asOf = last
        }
        // A bound with no day on its side (`--to 'since 2020'`) would leave the range open
        // there, and look like an answer.
        if let from {
            guard let first = try Self.bound(from, flag: "--from", context: context).earliest else {
                throw TimelineError(.usage, "--from '\(from)' has no first day; give the date the range starts at (a day, month, year, …).")
            }
            query.from = first
        }
        if let to {
            guard let last = try Self.bound(to, flag: "--to", context: context).latest else {
                throw TimelineError(.usage, "--to '\(to)' has no last day; give the date the range ends at (a day, month, year, …).")
            }
            query.to = last
        }
        return query
    }

    /// Notes on dates given in EDTF's season, quarter or half-year form that read as a span of
    /// years in prose (`--on 2021-22` is summer 2021): the query runs as EDTF reads them.
    var seasonNotes: [String] {
        [PeriodCodeAsYears.note("--on", on), PeriodCodeAsYears.note("--from", from), PeriodCodeAsYears.note("--to", to),
         PeriodCodeAsYears.note("--as-of", asOf)].compactMap { $0 }
    }

    private static func bound(_ text: String, flag: String, context: DateParsingContext) throws -> TimelineDate {
        do {
            return try TimelineDate.parse(text, context: context)
        } catch where error.needsYear {
            // A query has no reference date to take a year from: the year is to be written.
            throw TimelineError(.usage, "\(flag) '\(error.input)' has no year: write it (as in '\(error.input) \(context.today?.year ?? 2022)').")
        } catch {
            throw TimelineError(.usage, "\(flag) \(error.description)")
        }
    }
}

/// `--by when|announced` for list and export (stats uses --by for its grouping).
struct DateFieldOption: ParsableArguments {
    @Option(name: .customLong("by"), help: ArgumentHelp("The date to filter and sort on: when (default) or announced (events with no announcement date are left out).", valueName: "field"))
    var dateField: EventQuery.DateField = .when
}

extension EventQuery.DateField: CaseInsensitiveChoice {}
extension EventStatus: ExpressibleByArgument {
    /// In any case, or in French: `--status Planned` and `--status prévu` are `planned`.
    public init?(argument: String) {
        self.init(word: argument)
    }
}
