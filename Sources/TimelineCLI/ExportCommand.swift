import ArgumentParser
import TimelineCore

extension Timeline {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the timeline out for other tools.",
            discussion: """
                --format sql writes the whole database (schema, data and migration history) as SQL that \
                the sqlite3 shell replays: `sqlite3 copy.sqlite < dump.sql` gives a database timeline opens \
                as it is; --dialect postgresql writes schema and data for psql instead. The other formats \
                write the events list's filters select: json, ndjson, csv and tsv with every field (they \
                import back unchanged), seed as one timeline document that also carries the entities' types, \
                descriptions and aliases, the relations between them and the sources' notes (the form of the \
                shipped seed data; it imports back with nothing left out), timelinejs for the TimelineJS viewer, markdown as a readable \
                chronology grouped by year with footnoted sources, html as one self-contained page: the events \
                on a time axis in lanes by entity or kind (--lanes), and a table of them with their sources.
                A file given with --output is written to a temporary file and renamed into place only when complete.

                Examples:
                  timeline export --format sql --output timeline.sql
                  timeline export --format csv --kind layoff --output layoffs.csv
                  timeline export --format csv --bom --output for-excel.csv
                  timeline export --format csv --bom --delimiter ';' --output pour-excel.csv
                  timeline export --format seed --entity amazon --related --output amazon.json
                  timeline export --format timelinejs --group entity --output timeline.json
                  timeline export --format markdown --from 2022 --output chronology.md
                  timeline export --format html --lanes kind --lang fr --output timeline.html
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var filters: QueryOptions
        @OptionGroup var dateField: DateFieldOption

        @Option(help: ArgumentHelp("sql, json, ndjson, csv, tsv, seed, timelinejs, markdown or html.", valueName: "format"))
        var format: ExportFormat = .sql

        @Option(name: [.short, .long], help: ArgumentHelp("Write here instead of standard output ('-' for standard output); never over the database, a file SQLite keeps beside it, or another SQLite database.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("With --format sql: sqlite (default) or postgresql.", valueName: "dialect"))
        var dialect: SQLDialect = .sqlite

        enum SQLDialect: String, CaseInsensitiveChoice {
            case sqlite, postgresql
        }

        @Option(help: ArgumentHelp("With --format timelinejs: group slides by kind (default) or entity.", valueName: "group"))
        var group: TimelineJSWriter.Grouping?

        @Option(help: ArgumentHelp("With --format html: lanes by entity (default) or kind.", valueName: "lanes"))
        var lanes: HTMLTimelineWriter.Lanes?

        @Option(help: ArgumentHelp("The language of dates and the words the format adds (timelinejs, markdown, html): en or fr.", valueName: "lang"))
        var lang: DateDisplayLanguage?

        @Flag(help: "With --format csv or tsv: start with a UTF-8 byte order mark, without which Excel reads accented letters wrong (import skips it).")
        var bom = false

        @Option(help: ArgumentHelp("With --format csv: what separates the fields, , (default) or ; for spreadsheets whose decimal mark is the comma, such as Excel in French, which opens a file separated by commas as one column (import reads either).", valueName: "delimiter"))
        var delimiter: CSVDelimiter?

        enum ExportFormat: String, CaseInsensitiveChoice {
            case sql, json, ndjson, csv, tsv, seed, timelinejs, markdown, html
        }

        func run() throws {
            try reportingErrors {
                // The events streamed once, then the process exits: a small recycled page cache.
                try global.withStore(pageCache: .smallRecycled) { store in
                    let query = try filters.query(dateField: dateField.dateField)
                    if group != nil && format != .timelinejs {
                        throw TimelineError(.usage, "--group applies to --format timelinejs only.")
                    }
                    if lanes != nil && format != .html {
                        throw TimelineError(.usage, "--lanes applies to --format html only.")
                    }
                    if lang != nil && ![.timelinejs, .markdown, .html].contains(format) {
                        throw TimelineError(.usage, "--lang applies to --format timelinejs, markdown and html only (the other formats write dates in EDTF and ISO).")
                    }
                    let lang = lang ?? .english
                    if format != .sql && dialect != .sqlite {
                        throw TimelineError(.usage, "--dialect applies to --format sql only.")
                    }
                    if bom && format != .csv && format != .tsv {
                        throw TimelineError(.usage, "--bom applies to --format csv and tsv only.")
                    }
                    if delimiter != nil && format != .csv {
                        throw TimelineError(.usage, "--delimiter applies to --format csv only" + (format == .tsv ? " (tsv is separated by tabs)." : "."))
                    }
                    if format == .sql && query != EventQuery() {
                        throw TimelineError(.usage, "--format sql exports the whole database; list's filters apply to the other formats.")
                    }
                    if let output { try store.checkExportDestination(output) }
                    let destination = try output.map { try TextOutput.file($0) } ?? .standardOutput()
                    if bom { try destination.write("\u{FEFF}") }
                    switch format {
                    case .sql where dialect == .postgresql:
                        try store.exportPostgreSQL(to: destination)
                    case .sql:
                        try store.exportSQL(to: destination)
                    case .seed:
                        try store.writeSeedDocument(matching: query, to: destination)
                    default:
                        let writer: EventStreamWriter
                        switch format {
                        case .timelinejs: writer = TimelineJSWriter(output: destination, grouping: group ?? .kind, language: lang)
                        case .markdown: writer = MarkdownChronologyWriter(output: destination, language: lang)
                        case .html: writer = HTMLTimelineWriter(output: destination, lanes: lanes ?? .entity, language: lang)
                        default:
                            writer = EventListWriter(format: OutputFormat(rawValue: format.rawValue)!, output: destination, language: lang,
                                                     csvDelimiter: delimiter ?? .comma)
                        }
                        try store.writeEvents(matching: query, to: writer)
                    }
                }
                filters.seasonNotes.forEach(printError)
            }
        }
    }
}

extension TimelineJSWriter.Grouping: CaseInsensitiveChoice {}

extension CSVDelimiter: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        default: return nil
        }
    }
}
extension HTMLTimelineWriter.Lanes: CaseInsensitiveChoice {}
