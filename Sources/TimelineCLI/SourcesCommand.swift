import ArgumentParser
import TimelineCore

extension Timeline {
    struct Sources: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sources",
            abstract: "List the sources, and show what rests on one.",
            discussion: """
                A source is cited by events (`add`/`edit --source`, an import's sources), gives figures \
                and backs relations between entities. A source with no publication date never counts \
                for --as-of: `timeline sources --undated` finds them, and `timeline edit UID --source KEY \
                --published DATE`, for an event that cites it, dates one (`sources show KEY` names those events).

                Examples:
                  timeline sources
                  timeline sources --undated
                  timeline sources --publisher "washington post" --format csv
                  timeline sources show ap-2022-08-24
                """,
            subcommands: [List.self, Show.self],
            defaultSubcommand: List.self
        )
    }
}

extension Timeline.Sources {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the sources, by publication date (undated ones last), with how many events, figures and relations rest on each (the default).",
            discussion: """
                Examples:
                  timeline sources
                  timeline sources --undated --format json
                """
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Only sources with no publication date (which --as-of never counts).")
        var undated = false

        @Option(help: ArgumentHelp("Only sources whose publisher's name holds these whole words, any case, accents and punctuation aside (siecle finds Siècle Digital, sueddeutsche Süddeutsche).", valueName: "words"))
        var publisher: String?

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                try global.withStore(pageCache: .smallRecycled) { store in
                    let filter = SourceFilter(undatedOnly: undated, publisher: publisher)
                    try SourceListWriter(format: format, output: .standardOutput())
                        .write(try store.sourceListings(filter), filtered: filter != SourceFilter())
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one source and every event citing it (with the quote), figure given from it and relation it backs.",
            discussion: """
                Examples:
                  timeline sources show siecle-digital-2022-09-12 --format json
                  timeline sources show \\
                    https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The source: its key, or its URL.", valueName: "key-or-url"))
        var source: String

        func validate() throws {
            if source.allSatisfy(\.isWhitespace) { throw ValidationError("the source is empty; give its key or URL (`timeline sources` lists them).") }
        }

        @Option(help: ArgumentHelp("text (default) or json.", valueName: "format"))
        var format: Timeline.Show.ShowFormat = .text

        @Option(help: ArgumentHelp("The language of the page: en or fr (its labels, stances and dates; what the timeline holds stays as stored).", valueName: "lang"))
        var lang: DateDisplayLanguage = .english

        func run() throws {
            try reportingErrors {
                try global.withStore(pageCache: .smallRecycled) { store in
                    let use = try store.sourceUse(source)
                    let output = TextOutput.standardOutput()
                    switch format {
                    case .text: try output.write(SourceUseText.render(use, language: lang))
                    case .json: try output.write(SourceUseText.json(use))
                    }
                    try output.finish()
                }
            }
        }
    }
}
