import ArgumentParser
import TimelineCore

extension Timeline {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Count events, and add up a figure exactly, by kind, period or entity.",
            discussion: """
                Takes list's filters. --sum adds up one measure exactly, per unit: currencies are never \
                mixed, and decimals stay exact. With --by entity a figure counts toward the entity it \
                measures. A date less precise than the period asked for (2022 when grouping by month) \
                is counted in a group of its own, named by its EDTF date, rather than guessed into one. \
                --by given twice groups within groups: a row for each pair, in the first grouping's \
                order, then the second's.

                Examples:
                  timeline stats --by kind
                  timeline stats --kind layoff --sum positions-cut --by entity
                  timeline stats --by quarter --from 2022 --to 2022
                  timeline stats --kind layoff --sum employees-laid-off --by entity --by year
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: QueryOptions

        @Option(name: .customLong("by"), help: ArgumentHelp("kind (default), year, quarter, month or entity; given twice, groups within groups (--by entity --by year: each entity's years).", valueName: "group"))
        var groupBy: [TimelineStatistics.Grouping] = []

        func validate() throws {
            if groupBy.count > 2 {
                throw ValidationError("--by is given \(groupBy.count) times; it takes one grouping, or two for groups within groups (--by entity --by year).")
            }
            if groupBy.count == 2, groupBy[0] == groupBy[1] {
                throw ValidationError("--by \(groupBy[0].rawValue) is given twice; a second --by groups within the first by something else (--by entity --by year).")
            }
        }

        @Option(name: .customLong("date-field"), help: ArgumentHelp("The date that filters and groups: when (default) or announced (events with no announcement date are left out).", valueName: "field"))
        var dateField: EventQuery.DateField = .when

        @Option(help: ArgumentHelp("Add up this measure (employees-laid-off, positions-cut, deal-value, …): one figure an event for each entity and unit (a correcting source's, else the first listed not from a contradicting source); one naming no entity counts toward the event's first.", valueName: "quantity"))
        var sum: String?

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                try global.withStore { store in
                    let query = try filters.query(dateField: dateField)
                    if let sum { try store.validateQuantity(sum, includingHistory: query.asOf != nil) }
                    let groupings = groupBy.isEmpty ? [.kind] : groupBy
                    var statistics = TimelineStatistics(groupings: groupings, quantity: sum, dateField: query.dateField)
                    try store.addEvents(matching: query, to: &statistics)
                    try StatisticsWriter(format: format, output: .standardOutput())
                        .write(statistics.finished(), groupings: groupings, quantity: sum, entityNames: statistics.entityNames)
                    let several = statistics.eventsWithSeveralFigures
                    if let sum, let first = several.first {
                        let these = several.count == 1 ? "1 event gives" : "\(several.count) events give"
                        printError("note: \(these) more than one \(sum) figure for one entity and unit; one counts, "
                                   + "the correcting source's, else the first listed not from a contradicting one (`timeline show \(first)`"
                                   + (several.count > 1 ? " and \(several.count - 1) more" : "") + ").")
                    }
                }
                filters.seasonNotes.forEach(printError)
            }
        }
    }
}

extension TimelineStatistics.Grouping: CaseInsensitiveChoice {}
