import ArgumentParser
import TimelineCore

extension Timeline {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List events in chronological order.",
            discussion: """
                An event matches a range when its own span (earliest to latest possible day) overlaps it; \
                --within asks for events wholly inside. Dates print at their precision.

                Examples:
                  timeline list
                  timeline list --from 2022-07 --to 2022 --kind layoff
                  timeline list --entity "Amazon Care" --format json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: QueryOptions
        @OptionGroup var dateField: DateFieldOption

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("The language of dates, headings and statuses (table, markdown): en or fr.", valueName: "lang"))
        var lang: DateDisplayLanguage?

        /// What was asked, as plain values: the one thing `run` acts on, however it was parsed.
        var invocation: ListInvocation {
            ListInvocation(db: global.db, busyTimeoutMilliseconds: global.busyTimeoutMilliseconds, filters: filters.arguments,
                           dateField: dateField.dateField, format: format, lang: lang)
        }

        func run() throws {
            try invocation.run()
        }
    }
}
