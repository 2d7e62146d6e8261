import ArgumentParser
import TimelineCore

extension Timeline {
    struct SQL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sql",
            abstract: "Run one read-only SQL query against the database.",
            usage: "timeline sql <query> [-p <name> <value> ...] [<options>]",
            discussion: """
                The database is opened read-only, with PRAGMA query_only on and an authorizer that \
                refuses writes, ATTACH, load_extension and pragmas that set anything: whatever the query \
                says, nothing changes. A query running past --timeout-ms is stopped (exit 75).

                Parameters: -p NAME VALUE binds :NAME (a number written as SQLite writes it, 42 or 0.5, \
                as a number; the rest, 007 and 1.50 included, as text); write -p NAME=VALUE for a value that starts with '-' (-p n=-1), which would read as \
                an option. One -p may give several (-p a 1 b 2); the query may come before or after them. \
                A number binds ?NNN, or a bare ? by its place (-p 1 5).

                In JSON, a repeated column name gets a key of its own (id_2), with a note on standard error.

                The views timeline_events, timeline_citations and timeline_figures are a good start.

                Examples:
                  timeline sql "SELECT kind, count(*) FROM events GROUP BY kind"
                  timeline sql "SELECT * FROM timeline_events WHERE kind = :kind" \\
                    -p kind layoff --format json
                """
        )

        @OptionGroup var global: GlobalOptions

        // Optional only to the parser: a query written after -p's words arrives among them
        // (`validate` takes it from there).
        @Argument(help: "One SQL statement that reads.")
        var query: String?

        @Option(name: .customShort("p"), parsing: .upToNextOption, help: ArgumentHelp("A parameter: NAME VALUE or NAME=VALUE (repeatable).", valueName: "name value"))
        var parameter: [String] = []

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        @Option(name: .customLong("timeout-ms"), help: ArgumentHelp("Stop the query after this many milliseconds.", valueName: "n"))
        var timeoutMilliseconds: Int = 5_000

        @Option(name: .customLong("max-rows"), help: ArgumentHelp("Print at most this many rows.", valueName: "n"))
        var maxRows: Int?

        mutating func validate() throws {
            let words = try SQLParameterWords(parameter)
            if let leftover = words.leftover {
                guard query == nil else { throw ValidationError(SQLParameterWords.missingValue(after: leftover)) }
                query = leftover
                parameter.removeLast()
            }
            guard query != nil else {
                throw ValidationError("missing expected argument '<query>': timeline sql QUERY [-p NAME VALUE ...].")
            }
            try CountOption.timeout.validate(timeoutMilliseconds)
            try CountOption.maxRows.validate(maxRows)
        }

        func run() throws {
            try reportingErrors {
                let path = try global.databasePath()
                var runner = ReadOnlySQL(path: path)
                runner.timeoutMilliseconds = timeoutMilliseconds
                runner.busyTimeoutMilliseconds = global.busyTimeoutMilliseconds
                runner.maximumRows = maxRows
                let pairs = try SQLParameterWords(parameter).pairs
                let writer = RowWriter(format: format, output: .standardOutput())
                let result = try runner.run(query ?? "", parameters: pairs, columns: { columns in
                    try writer.begin(columns: columns)
                    if (format == .json || format == .ndjson) && !writer.renamedKeys.isEmpty {
                        let renamed = writer.renamedKeys.map { "'\($0.column)' as '\($0.key)'" }
                        printError("a JSON object holds a key once, so repeated columns are written under keys of their own: \(renamed.joined(separator: ", ")).")
                    }
                }, row: { try writer.write($0) })
                try writer.end()
                if result.truncated {
                    printError("stopped after \(result.rows) rows (--max-rows); more rows match")
                }
            }
        }
    }

    struct Check: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the database: integrity, foreign keys, migration checksums, and data warnings.",
            discussion: """
                Prints each problem found: errors (a damaged file, a row pointing nowhere, a migration that \
                changed or is unknown) and warnings (an event no source cites, a figure with no source or \
                no unit, a name two entities answer to, a language that is no BCP 47 tag or not in its \
                usual case). Exits 0 only when there is nothing to report, 65 otherwise (with \
                --errors-only, 65 only for errors).

                Each event's row keeps a copy of its lists (entities, tags, figures, sources) for fast \
                reading; check compares every copy with the tables. Triggers clear a copy whenever its \
                rows change, so a difference means they were dropped or did not see the change (an INSERT OR \
                REPLACE, an id changed by hand): --repair-lists rewrites the copies, and the search and span \
                index entries that are not what the events give. \
                Dates are checked against their EDTF (a date another tool changed alone keeps its old span): \
                --repair-lists works each date's span, precision, flags and label out again from it. Tags \
                that read alike but for case, accents or punctuation (santé, Santé) are one to every filter: \
                --repair-lists saves them under the most used spelling. It says on stderr what it put right.

                Examples:
                  timeline check && echo clean
                  timeline check --repair-lists
                """
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Rewrite every event's stored lists and figures label from its entities, tags, figures and sources, its dates' spans and labels from their EDTF, and its search and span index entries where stale, then check.")
        var repairLists = false

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        var writesDatabase: Bool { repairLists }

        @Flag(help: "Exit 65 only for errors (a damaged file, a row pointing nowhere, a changed migration); warnings are still printed, and exit 0. For a health check in a pipeline.")
        var errorsOnly = false

        @Flag(help: "One row a kind of finding (severity, check, how many, and the first one's message) in place of every finding: for a large timeline with many of one kind (every event without a source).")
        var summary = false

        /// `put right the stored lists of 1 event, 1 date and 2 date labels`, or that all was right.
        static func describe(_ repair: StoredCopyRepair) -> String {
            let parts = [(repair.lists, "the stored lists of 1 event", "the stored lists of \(repair.lists) events"),
                         (repair.missingLists, "the cleared lists of 1 event", "the cleared lists of \(repair.missingLists) events"),
                         (repair.dates, "1 date", "\(repair.dates) dates"), (repair.labels, "1 date label", "\(repair.labels) date labels"),
                         (repair.figuresLabels, "the figures label of 1 event", "the figures labels of \(repair.figuresLabels) events"),
                         (repair.searchEntries, "1 search index entry", "\(repair.searchEntries) search index entries"),
                         (repair.spans, "1 span index entry", "\(repair.spans) span index entries"),
                         (repair.tagSpellings, "1 tag spelling", "\(repair.tagSpellings) tag spellings")]
                .filter { $0.0 > 0 }.map { $0.0 == 1 ? $0.1 : $0.2 }
            guard let last = parts.last else { return "note: --repair-lists found every stored list, date and label right already." }
            let list = parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " and " + last
            return "note: --repair-lists put right \(list)."
        }

        func run() throws {
            try reportingErrors {
                let path = try global.databasePath()
                guard DatabaseLocation.exists(path) else {
                    throw TimelineError(.notFound, "there is no database at \(path).")
                }
                try global.withStore(migrations: .none) { store in
                    // A damaged file is reported by what the integrity check finds, alone; a sound
                    // one of another application is refused before anything is said of its lists.
                    let integrity = try store.integrityFindings()
                    if integrity.isEmpty {
                        _ = try store.migrationStatus(set: TimelineMigrations.embedded)
                        if repairLists {
                            printError(Self.describe(try store.rewriteStoredLists()))
                            Interruption.disarm(afterSaving: "the repair was saved, and the check after it not made")
                        }
                    }
                    let findings = try store.check(integrity: integrity)
                    let writer = RowWriter(format: format, output: .standardOutput())
                    if findings.isEmpty && format == .table {
                        let output = TextOutput.standardOutput()
                        try output.write("ok: integrity, foreign keys, migrations and data all clean.\n")
                        try output.finish()
                        return
                    }
                    if summary {
                        // In the order each kind is first found, as the findings come.
                        var kinds: [(severity: String, check: String, count: Int, first: String)] = []
                        var positions: [String: Int] = [:]
                        for finding in findings {
                            let key = finding.severity.rawValue + "\u{1F}" + finding.check
                            if let position = positions[key] {
                                kinds[position].count += 1
                            } else {
                                positions[key] = kinds.count
                                kinds.append((finding.severity.rawValue, finding.check, 1, finding.message))
                            }
                        }
                        try writer.begin(columns: ["severity", "check", "count", "first"])
                        for kind in kinds {
                            try writer.write([.text(kind.severity), .text(kind.check), .integer(Int64(kind.count)), .text(kind.first)])
                        }
                    } else {
                        try writer.begin(columns: ["severity", "check", "message"])
                        for finding in findings {
                            try writer.write([.text(finding.severity.rawValue), .text(finding.check), .text(finding.message)])
                        }
                    }
                    try writer.end()
                    if !findings.isEmpty {
                        let errors = findings.filter { $0.severity == .error }.count
                        let warnings = findings.count - errors
                        let counted = "check found \(errors) \(errors == 1 ? "error" : "errors") and \(warnings) \(warnings == 1 ? "warning" : "warnings")."
                        if errorsOnly && errors == 0 {
                            printError("note: " + counted)
                            return
                        }
                        throw TimelineError(.badData, counted)
                    }
                }
            }
        }
    }

    struct Backup: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the database to a file, safely, even while it is in use.",
            discussion: """
                Uses SQLite's online backup API: the copy is a consistent snapshot even while other \
                processes write. It is written beside PATH and checked first; a new PATH is that copy, renamed.

                PATH may be an earlier backup, or the timeline a backup restores: a timeline there is \
                written in place, in one transaction under SQLite's locks, so that processes using it \
                wait and then read the copy (exit 75 if one holds it past --busy-timeout-ms). A file \
                there that is not a timeline database is refused unless --force is given. A symbolic \
                link keeps pointing to the copy.

                Examples (the second restores a backup into the timeline ./timeline.sqlite):
                  timeline backup ~/backups/timeline-$(date +%F).sqlite
                  timeline --db ~/backups/latest.sqlite backup timeline.sqlite
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "Where to write the copy: a new file, an earlier backup to replace, or a timeline to restore.")
        var path: String

        @Flag(help: "Replace PATH even when it holds something other than a timeline database.")
        var force = false

        func run() throws {
            try reportingErrors {
                if path.isEmpty {
                    throw TimelineError(.usage, "the backup path is empty; give the path of the copy.")
                }
                if path == "-" {
                    throw TimelineError(.usage, "backup writes a database file, not standard output; give the path of the copy.")
                }
                try global.requireExistingDatabase(toWhat: "back up")
                // Copied as it is: a database of a newer version too (whose backup comes before
                // any downgrade), and one of an older version without migrating it first.
                var confirmation = Confirmation()
                try global.withStore(migrations: .none) { store in
                    try store.backup(to: path, replacingAnyFile: force)
                    confirmation.write("Backed up \(store.path) to \(path)\n", saved: "the backup \(path) was written")
                }
                try confirmation.check()
            }
        }
    }
}
