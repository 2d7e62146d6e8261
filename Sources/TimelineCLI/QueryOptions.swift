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

    @Flag(help: "Only events lying wholly inside the range (default: events overlapping it).")
    var within = false

    @Option(name: .customLong("by"), help: ArgumentHelp("The date to filter and sort on: when (default) or announced.", valueName: "field"))
    var dateField: EventQuery.DateField = .when

    @Option(help: ArgumentHelp("Only events of this kind (repeatable): launch, layoff, shutdown, …", valueName: "kind"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Only events involving this entity, by slug, name or alias (repeatable).", valueName: "entity"))
    var entity: [String] = []

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Skip this many events first.", valueName: "n"))
    var offset: Int = 0

    @Flag(help: "Latest first.")
    var reverse = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be zero or more, not \(limit).") }
        if offset < 0 { throw ValidationError("--offset must be zero or more, not \(offset).") }
    }

    /// The query these options describe; dates are read as people write them.
    func query() throws -> EventQuery {
        let context = DateParsingContext(today: Self.today())
        var query = EventQuery(
            within: within, dateField: dateField, kinds: kind, entities: entity, limit: limit, offset: offset,
            reverse: reverse)
        if let from {
            query.from = try Self.bound(from, flag: "--from", context: context).earliest
        }
        if let to {
            query.to = try Self.bound(to, flag: "--to", context: context).latest
        }
        return query
    }

    private static func bound(_ text: String, flag: String, context: DateParsingContext) throws -> TimelineDate {
        do {
            return try TimelineDate.parse(text, context: context)
        } catch {
            throw TimelineError(.usage, "\(flag) \(error.description)")
        }
    }

    /// `$TIMELINE_TODAY` when set (for reproducible runs), else today's date in UTC.
    static func today() -> CalendarDay {
        if let text = DatabaseLocation.processEnvironment["TIMELINE_TODAY"], let day = CalendarDay(iso: text) {
            return day
        }
        return CalendarDay(dayNumber: Int(time(nil) / 86_400))
    }
}

extension EventQuery.DateField: ExpressibleByArgument {}
