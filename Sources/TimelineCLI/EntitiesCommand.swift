import ArgumentParser
import TimelineCore

extension Timeline {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entities",
            abstract: "List the entities: slugs, names, types, aliases, relations and how many events involve each.",
            discussion: """
                Any of a slug, a name or an alias finds an entity in --entity. To add or change entities, \
                aliases and relations, import a timeline document (see `timeline help import`); \
                `timeline export --format seed` writes one to start from.

                Examples:
                  timeline entities
                  timeline entities --format json
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                try global.withStore { store in
                    try EntityListWriter(format: format, output: .standardOutput()).write(try store.entityListings())
                }
            }
        }
    }
}
