import ArgumentParser
import TimelineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Timeline {
    struct Import: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read events from CSV, TSV, NDJSON, JSON or a timeline document into the database.",
            discussion: """
                Events are matched by uid: a new one is added, a changed one updated (its old version kept \
                for --as-of), an identical one left alone, so importing a file twice changes nothing the \
                second time. An update changes only what the record gives: a part of the event the file has \
                no column for (or a JSON record no field for) is kept, and one given empty is cleared. Columns of one entity, figure or source each (`entity:place`, `measure:drivers:person`, \
                `source`) replace the entities of their role, the figures of their quantity (with a source column, \
                those of the record's source) and the citation of their source, and keep the event's others. Records without a uid get one made from the main entity, kind, date and a \
                short hash of the content: such a record is the event it made, so an event edited in the timeline since \
                keeps the edit when the same file comes in again (a note names it); so does a record with a uid that gives a \
                version history holds, while one giving anything no version had updates its event. NDJSON and JSON are what `timeline export` writes; a timeline document \
                (`export --format seed`, a .json file holding an object) also brings entities with their types, \
                descriptions and aliases, the relations between them, and sources, added or brought up to date \
                before its events. A CSV or TSV \
                header whose names are event fields (uid, kind, status, title, summary, when, announced, \
                entities, tags, measures, sources) needs no options; other columns are mapped with --map, \
                constants given with --set, and unmapped columns left out (named in a note).

                All or nothing: the first bad record stops the import with FILE:LINE and the reason, exit 65, \
                and nothing written. --skip-invalid imports the good records and reports each rejected one (exit 65 if all were). \
                --dry-run reads the whole file and names every bad record, writing nothing (in a \
                timeline document, every bad entity, relation and source first).

                Example (a layoffs-tracker spreadsheet):
                  timeline import layoffs.csv --set kind=layoff --map company=entity:employer \\
                    --map date=when --date-format m/d/yyyy --null NULL \\
                    --map total_laid_off=measure:employees-laid-off:person \\
                    --map percentage_laid_off=measure:workforce-share-laid-off:fraction \\
                    --map country=tag --skip-invalid \\
                    --title-template '{company} lays off {total_laid_off|staff}'
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The file to read, or - for standard input.")
        var file: String

        @Option(help: ArgumentHelp("csv, tsv, ndjson, json or seed (default: from the extension, else from the first bytes).", valueName: "format"))
        var format: ImportOptions.Format?

        @Option(help: ArgumentHelp("Map a column onto a field (repeatable): title, kind, when, announced, status, summary, uid, entity, entity:ROLE, tag, source (a URL or key), measure:QUANTITY:UNIT; for the citation of the record's own source: quote, quote_language, translation, stance; and to describe that source when the timeline does not have it yet: publisher, published, source_title, source_language.", valueName: "column=field"))
        var map: [String] = []

        @Option(help: ArgumentHelp("Give a field the same value in every record, over the file's own column for it (repeatable), e.g. kind=layoff.", valueName: "field=value"))
        var set: [String] = []

        @Option(name: .customLong("title-template"), help: ArgumentHelp("Compose titles from columns: '{company} lays off {total_laid_off|staff}' ('|staff' stands in for an empty value; without a stand-in, an empty column rejects the record).", valueName: "template"))
        var titleTemplate: String?

        @Option(name: .customLong("date-format"), help: ArgumentHelp("How the file writes days in when, announced and published: m/d/yyyy, d/m/yyyy, dd.mm.yyyy, …, or m/d/yy for two-digit years (00–29 the 2000s, 30–99 the 1900s), a time after the day left out (values in other forms, such as ISO days or Q2 2022, are read as `timeline date` reads them, as they are without this option).", valueName: "format"))
        var dateFormat: String?

        @Option(name: .customLong("decimal-mark"), help: ArgumentHelp("The decimal mark of the file's figures, . or , (point or comma): with ., commas group thousands (11,000), but a point before three digits is refused in people, things or money (4.000 people); with ,, points do (1.234,5), and a comma before three digits is refused in people or things, and in money when the third decimal is 0 (1,500 people, 2,500 €). Default: a point, a comma in CSV separated by semicolons; a figure whose comma or point could be either (11,000, 1.200) is refused.", valueName: "mark"))
        var decimalMark: ImportOptions.DecimalMark?

        @Option(help: ArgumentHelp("What separates a CSV file's fields, , or ; (default: ; when the header row has more semicolons than commas outside quotes, else ,).", valueName: "delimiter"))
        var delimiter: CSVDelimiter?

        @Option(help: ArgumentHelp("The file's encoding, when it is not UTF-8: windows-1252 (also latin-1), iso-8859-15 (latin-9), macintosh (macroman), windows-1250, windows-1251, windows-1253, windows-1254, windows-1257, koi8-r, utf-16, utf-16le or utf-16be (UTF-16 that starts with its byte order mark, as spreadsheets save \"Unicode text\", is read without it).", valueName: "encoding"))
        var encoding: String?

        @Option(help: ArgumentHelp("A value that means 'no value' (repeatable), e.g. NULL or N/A; the empty string always does.", valueName: "token"))
        var null: [String] = []

        @Flag(help: "Check every record (and every entity, relation and source of a timeline document), name each bad one, and report what would change; write nothing (exit 65 if any is bad, unless --skip-invalid). A timeline that cannot be written is rehearsed on a temporary copy.")
        var dryRun = false

        @Flag(help: "Import the good records and report every rejected one, instead of stopping at the first.")
        var skipInvalid = false

        @Option(help: ArgumentHelp("The current day for relative dates in the file (default: $TIMELINE_TODAY, else the real date).", valueName: "date"))
        var today: String?

        /// The options given, but the file and the database, as words that parse to them again:
        /// for a command an error suggests (`gunzip -c FILE | timeline import - …`). An option
        /// added to import goes here too (a test reads import's options from its help and fails
        /// for one missing).
        var optionsAsGiven: [String] {
            var words: [String] = []
            if let format { words += ["--format", format.rawValue] }
            for pair in map { words += ["--map", pair] }
            for pair in set { words += ["--set", pair] }
            if let titleTemplate { words += ["--title-template", titleTemplate] }
            if let dateFormat { words += ["--date-format", dateFormat] }
            if let decimalMark { words += ["--decimal-mark", decimalMark.rawValue] }
            if let delimiter { words += ["--delimiter", delimiter.rawValue] }
            if let encoding { words += ["--encoding", encoding] }
            for token in null { words += ["--null", token] }
            if dryRun { words.append("--dry-run") }
            if skipInvalid { words.append("--skip-invalid") }
            if let today { words += ["--today", today] }
            return words
        }

        func run() throws {
            try reportingErrors {
                var options = ImportOptions()
                options.format = format
                options.mappings = try map.map { try Self.pair($0, flag: "--map", shape: "COLUMN=FIELD") }.map { ($0.0, $0.1) }
                options.constants = try set.map { try Self.pair($0, flag: "--set", shape: "FIELD=VALUE") }.map { ($0.0, $0.1) }
                options.titleTemplate = titleTemplate
                options.dateFormat = try dateFormat.map { try DayFormat($0) }
                options.decimalMark = decimalMark
                options.delimiter = delimiter
                options.nullTokens = null
                if let encoding {
                    guard let named = TextEncoding(named: encoding) else {
                        throw TimelineError(.usage, "--encoding '\(encoding)' is no encoding import reads; use one of \(TextEncoding.names.joined(separator: ", ")).")
                    }
                    options.encoding = named
                }
                options.shouldStop = { Interruption.requested() }
                options.dryRun = dryRun
                options.skipInvalid = skipInvalid
                let dates = try QueryOptions.dateContext(today: today)
                (options.today, options.missingTodayReason, options.todayGiven) = (dates.today, dates.missingTodayReason, dates.todayGiven)
                try InputFile.checkReadable(path: file)
                // Hints name the timeline as given, not a dry run's copy of it.
                options.databasePath = try global.databasePath()
                options.optionsGiven = optionsAsGiven
                let (summary, onACopy) = try global.withStore(dryRun: dryRun) { store in
                    let summary = try importEvents(into: store, options: options)
                    if summary.rejected > 0, summary.inserted + summary.updated + summary.unchanged == 0,
                       summary.directory.map({ $0.entities + $0.relations + $0.sources == 0 }) ?? true {
                        // A script's `import --skip-invalid || alert` must hear of a file that
                        // brought nothing; thrown here, a database the import made goes again.
                        let records = summary.rejected == 1 ? "its one record was" : "all \(summary.rejected) of its records were"
                        throw TimelineError(.badData, "nothing \(dryRun ? "would be" : "was") imported from \(file == "-" ? "standard input" : file): \(records) rejected.")
                    }
                    return summary
                }
                var line = dryRun ? "Dry run, nothing written: would add \(summary.inserted), update \(summary.updated), leave \(summary.unchanged) unchanged"
                    : "Imported \(file == "-" ? "standard input" : file): \(summary.inserted) added, \(summary.updated) updated, \(summary.unchanged) unchanged"
                if skipInvalid { line += ", \(summary.rejected) rejected" }
                if let directory = summary.directory {
                    // Kinds only when a document added some: most documents use the vocabulary as it is.
                    let counts = ((directory.kinds > 0 ? [(directory.kinds, "kind", "kinds")] : [])
                                  + [(directory.entities, "entity", "entities"), (directory.relations, "relation", "relations"),
                                     (directory.sources, "source", "sources")])
                        .map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
                    let list = counts.dropLast().joined(separator: ", ") + " and " + counts[counts.count - 1]
                    line += dryRun ? "; would add or change \(list)" : "; \(list) added or changed"
                }
                var confirmation = Confirmation()
                confirmation.write(line + ".\n", saved: dryRun ? "the dry run wrote nothing" : summary.changesNothing ? "the import changed nothing" : "the import was saved")
                if onACopy { printError(try global.rehearsalNote()) }
                if let note = Self.ignoredColumnsNote(summary.ignoredColumns, nearFields: summary.ignoredColumnsNearFields, saved: !dryRun) {
                    printError(note)
                }
                if !summary.unnamedColumnsWithValues.isEmpty {
                    let columns = summary.unnamedColumnsWithValues.map(String.init)
                    let list = columns.count == 1 ? "column \(columns[0]) has" : "columns \(columns.dropLast().joined(separator: ", ")) and \(columns.last!) have"
                    let leftOut = dryRun ? "would be" : "were"
                    printError("note: \(list) no name in the header row, and \(columns.count == 1 ? "its" : "their") values \(leftOut) left out; name \(columns.count == 1 ? "it" : "them") there, then --map NAME=FIELD imports \(columns.count == 1 ? "it" : "them").")
                }
                if !summary.keptFields.isEmpty {
                    let fields = summary.keptFields.count == 1 ? summary.keptFields[0]
                        : summary.keptFields.dropLast().joined(separator: ", ") + " and " + summary.keptFields.last!
                    let kept = dryRun ? "the events to update would keep" : "the updated events kept"
                    printError("note: \(kept) their \(fields), which the file does not give (a column or field given empty clears one).")
                }
                if summary.repeatedRecords > 0 {
                    let count = summary.repeatedRecords, one = count == 1
                    printError("note: \(count) record\(one ? "" : "s") of the file \(one ? "gives" : "give") an event exactly as an earlier one does "
                               + "(\(Self.firstThree(summary.repeatedRecordExamples))), and \(one ? "was" : "were") counted unchanged: a row written twice is one event.")
                }
                if summary.fractionsAboveOne > 0 {
                    let count = summary.fractionsAboveOne, one = count == 1
                    let named = summary.fractionsAboveOneExamples.joined(separator: ", ")
                        + (count > summary.fractionsAboveOneExamples.count ? ", …" : "")
                    printError("note: \(count) figure\(one ? "" : "s") in the unit fraction \(one ? "is" : "are") above 1 (\(named)): a fraction of 1 is 100%, "
                               + "so 15 is 1,500%; a share written as a percentage goes in with its sign (15%) or in the unit percent, "
                               + "and `timeline edit UID --measure QUANTITY=0.15:fraction` corrects one.")
                }
                if summary.eventsKeepingItems > 0 { printError(Self.itemsKeptNote(summary, dryRun: dryRun)) }
                if summary.sourcedFiguresReplaced > 0 { printError(Self.sourcedFiguresReplacedNote(summary, dryRun: dryRun)) }
                if summary.changedSinceTheirRecord > 0 { printError(Self.changedSinceTheirRecordNote(summary, dryRun: dryRun)) }
                if summary.removedSinceTheirRecord > 0 {
                    let count = summary.removedSinceTheirRecord, one = count == 1
                    let uids = Self.firstThree(summary.removedSinceTheirRecordExamples, of: count)
                    printError("note: \(count) event\(one ? "" : "s") (\(uids)) \(one ? "was" : "were") removed from the timeline after the version\(one ? "" : "s") "
                               + "\(one ? "its record" : "their records") in this file \(one ? "gives" : "give"), and \(dryRun ? "would stay" : "stayed") removed; "
                               + "`timeline restore \(summary.removedSinceTheirRecordExamples[0])` brings \(one ? "it" : "one") back.")
                }
                if summary.broughtBack > 0 {
                    let count = summary.broughtBack, one = count == 1
                    let uids = Self.firstThree(summary.broughtBackExamples, of: count)
                    printError("note: \(count) event\(one ? "" : "s") (\(uids)) removed from the timeline \(dryRun ? "would come" : "came") back: "
                               + "\(one ? "its record" : "their records") in this file \(one ? "gives" : "give") what no version of \(one ? "it" : "them") had; "
                               + "`timeline remove \(summary.broughtBackExamples[0])` takes \(one ? "it" : "one") out again.")
                }
                if summary.possibleDuplicates > 0 { printError(Self.possibleDuplicatesNote(summary, dryRun: dryRun)) }
                if summary.entitiesReadingAlike > 0 { printError(Self.entitiesReadingAlikeNote(summary, dryRun: dryRun)) }
                if summary.sameStemInFile > 0 { printError(Self.sameStemInFileNote(summary, dryRun: dryRun)) }
                if summary.citationsDescribingSourcesOtherwise > 0 { printError(Self.sourcesKeptNote(summary)) }
                if !summary.sourceKeysWrittenAsSlugs.isEmpty { printError(Self.sourceKeysNote(summary, dryRun: dryRun)) }
                if summary.recordsNamingEntitiesOtherwise > 0 { printError(Self.entityNamesKeptNote(summary)) }
                if summary.periodCodesAsYears > 0 { printError(Self.periodCodesNote(summary)) }
                if !summary.datedSources.isEmpty {
                    let keys = summary.datedSources
                    let named = Self.quotedFirstThree(keys)
                    printError("note: \(keys.count) source\(keys.count == 1 ? "" : "s") without a publication date \(dryRun ? "would take" : "took") "
                        + "the one the file gives: \(named).")
                }
                if !summary.describedSources.isEmpty {
                    let keys = summary.describedSources
                    let named = Self.quotedFirstThree(keys)
                    printError("note: \(keys.count) source\(keys.count == 1 ? "" : "s") held without a title or a language \(dryRun ? "would take" : "took") "
                        + "what the file gives: \(named).")
                }
                try confirmation.check()
            }
        }

        /// Dates written as EDTF period codes that read as years in prose (`2019-22`), as `add` notes one.
        static func periodCodesNote(_ summary: ImportSummary) -> String {
            let count = summary.periodCodesAsYears
            guard let first = summary.periodCodeExamples.first, let reading = PeriodCodeAsYears.reading(in: first.date) else { return "" }
            let lines = summary.periodCodeExamples.map { "\($0.line)" }.joined(separator: ", ") + (count > summary.periodCodeExamples.count ? ", …" : "")
            return "note: \(count) record\(count == 1 ? "" : "s") (line\(count == 1 ? "" : "s") \(lines)) write\(count == 1 ? "s" : "") a date such as "
                + "'\(first.date)', which is EDTF for \(reading.periodName); for the years \(reading.year) to \(reading.end), write \(reading.yearsForm)."
        }

        /// The first three keys, `'a', 'b', 'c'`, and how many more.
        static func quotedFirstThree(_ keys: [String]) -> String {
            keys.prefix(3).map { "'\($0)'" }.joined(separator: ", ") + (keys.count > 3 ? " (and \(keys.count - 3) more)" : "")
        }

        /// The first three items, `a, b and c`, and how many more of `total` (the items' count
        /// unless only the first were kept).
        static func firstThree(_ items: [String], of total: Int? = nil) -> String {
            let shown = Array(items.prefix(3))
            let more = (total ?? items.count) - shown.count
            return (shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " and " + shown.last!)
                + (more > 0 ? " (and \(more) more)" : "")
        }

        /// Updated events that kept entities, figures or sources the file's columns of one item each could not give.
        static func itemsKeptNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let counts = [(summary.entitiesKept, "entity of another role", "entities of other roles"),
                          (summary.figuresKept, "figure of another quantity or source", "figures of other quantities or sources"),
                          (summary.citationsKept, "citation of another source or quote", "citations of other sources or quotes"),
                          (summary.tagsKept, "other tag", "other tags")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            let items = counts.count == 1 ? counts[0] : counts.dropLast().joined(separator: ", ") + " and " + counts.last!
            let count = summary.eventsKeepingItems, one = count == 1
            let events = "\(count) \(dryRun ? "event\(one ? "" : "s") to update" : "updated event\(one ? "" : "s")")"
            return "note: \(events) (\(firstThree(summary.eventsKeepingItemsExamples, of: count))) \(dryRun ? "would keep" : "kept") \(items), "
                + "which the file's columns do not give; "
                + "`timeline edit UID` takes one out (--entity, --measure QUANTITY=, --remove-source URL, --tag)."
        }

        /// Figures sources gave that the file's figure columns replaced with figures citing none.
        static func sourcedFiguresReplacedNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let count = summary.sourcedFiguresReplaced, one = count == 1
            let uid = summary.sourcedFiguresReplacedExamples[0].prefix { $0 != ":" }
            return "note: \(count) figure\(one ? "" : "s") a source gave \(dryRun ? "would be" : one ? "was" : "were") replaced by the file's, "
                + "which cite\(one ? "s" : "") no source (\(firstThree(summary.sourcedFiguresReplacedExamples, of: count))); a `source` column "
                + "names the file's source, and `timeline edit \(uid) --measure QUANTITY=VALUE --source KEY` cites one "
                + "(`timeline history \(uid)` shows what was there)."
        }

        /// Events edited since the version a record without a uid gives (made by it, or matched), which the file names again as then.
        static func changedSinceTheirRecordNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let count = summary.changedSinceTheirRecord
            let one = count == 1
            let uids = firstThree(summary.changedSinceTheirRecordExamples, of: count)
            return "note: \(count) event\(one ? "" : "s") (\(uids)) \(one ? "was" : "were") changed in the timeline after the version\(one ? "" : "s") "
                + "\(one ? "its record" : "their records") in this file \(one ? "gives" : "give"): \(one ? "it" : "they") \(dryRun ? "would stay" : "stayed") "
                + "as the timeline has \(one ? "it" : "them") (`timeline history \(summary.changedSinceTheirRecordExamples[0])` shows the change); "
                + "a record that gives anything no version had updates its event."
        }

        /// New sources whose key the file wrote otherwise than keys are written.
        static func sourceKeysNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let keys = summary.sourceKeysWrittenAsSlugs, one = keys.count == 1
            let named = firstThree(keys.map { "'\($0.given)' as \($0.saved)" })
            return "note: \(keys.count) new source key\(one ? "" : "s") \(dryRun ? "would be" : one ? "was" : "were") saved as keys are written "
                + "(lower-case letters, digits and '-'): \(named); the key as the file writes it names the source too (`timeline edit UID --source KEY`)."
        }

        /// Sources the timeline holds that records gave another publisher, date or title.
        static func sourcesKeptNote(_ summary: ImportSummary) -> String {
            let keys = summary.sourcesDescribedOtherwise
            let named = firstThree(keys.map { "'\($0)'" })
            let count = summary.citationsDescribingSourcesOtherwise
            return "note: \(count) citation\(count == 1 ? "" : "s") in the file gave another publisher, publication date or title for the source\(keys.count == 1 ? "" : "s") \(named), "
                + "which the timeline holds already; \(keys.count == 1 ? "it was" : "they were") kept as \(keys.count == 1 ? "it is" : "they are"), "
                + "and a timeline document listing \(keys.count == 1 ? "it" : "them") changes \(keys.count == 1 ? "it" : "them") (see `timeline help import`)."
        }

        /// Entities the timeline holds that records named by slug with another name.
        static func entityNamesKeptNote(_ summary: ImportSummary) -> String {
            let entities = summary.entitiesNamedOtherwise
            let named = firstThree(entities.map { "'\($0.slug)' ('\($0.held)', named '\($0.given)' in the file)" })
            let count = summary.recordsNamingEntitiesOtherwise
            let one = entities.count == 1
            return "note: \(count) record\(count == 1 ? "" : "s") named the entit\(one ? "y" : "ies") \(named) by \(one ? "its slug" : "their slugs") with another name; "
                + "the slug decided, and the timeline's name\(one ? " was" : "s were") kept (`timeline entities edit SLUG --name` or `--alias` changes that)."
        }

        /// Added events of the main entity, kind, date and title of another record of the file: a
        /// spreadsheet's one row a source makes one event a row.
        static func sameStemInFileNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let count = summary.sameStemInFile
            let pairs = summary.sameStemInFileExamples.map { "\($0.added) beside \($0.existing)" }.joined(separator: ", ")
                + (count > summary.sameStemInFileExamples.count ? ", …" : "")
            let have = dryRun ? "would have" : count == 1 ? "has" : "have"
            return "note: \(count) \(dryRun ? "" : "added ")event\(count == 1 ? "" : "s") \(have) the main entity, kind, date and title of another record of this file, "
                + "with other content (\(pairs)); each record without a uid is an event of its own. One event's several sources go in one record "
                + "(its sources column a JSON list, as export writes it), or are added to it with `timeline edit UID --source URL`; "
                + "`timeline remove` takes out an event not wanted."
        }

        /// New entities whose names read as other entities' but for accents, case, spacing or
        /// punctuation: maybe one entity under two spellings.
        static func entitiesReadingAlikeNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let count = summary.entitiesReadingAlike, one = count == 1
            let pairs = summary.entitiesReadingAlikeExamples.map { "'\($0.name)' (\($0.slug)) as '\($0.otherText)' (\($0.otherSlug))" }
            let first = summary.entitiesReadingAlikeExamples[0]
            return "note: \(count) new entit\(one ? "y" : "ies") \(dryRun ? "would read" : one ? "reads" : "read") as "
                + "\(one ? "another" : "others") but for accents, case, spacing or punctuation: \(firstThree(pairs, of: count)); "
                + "if they are one, `timeline entities merge \(first.slug) \(first.otherSlug)` joins them (and keeps the spelling as an alias)."
        }

        /// Added events that look like new versions of earlier ones: a record without a uid that
        /// was edited since an earlier import comes in as a new event, beside the old one.
        static func possibleDuplicatesNote(_ summary: ImportSummary, dryRun: Bool) -> String {
            let count = summary.possibleDuplicates
            let events = count == 1 ? "event" : "events"
            let pairs = summary.possibleDuplicateExamples.map { "\($0.added) beside \($0.existing)" }.joined(separator: ", ")
                + (count > summary.possibleDuplicateExamples.count ? ", …" : "")
            let have = dryRun ? "would have" : count == 1 ? "has" : "have"
            return "note: \(count) \(dryRun ? "" : "added ")\(events) \(have) the main entity, kind and date of "
                + "events already in the timeline, with other content (\(pairs)). Records without a uid are told apart by their "
                + "content, so a record edited since an earlier import comes in as a new event: give the file a uid column "
                + "(`timeline export --format csv` writes one) to update events in place, or `timeline remove` the versions not wanted."
        }

        private func importEvents(into store: TimelineStore, options: ImportOptions) throws -> ImportSummary {
            let importer = try Importer(store: store, path: file, options: options)
            let showProgress = isatty(2) == 1
            let summary: ImportSummary
            do {
                summary = try importer.run(
                    reject: { printError($0) },
                    progress: { count in
                        if showProgress { writeToStandardError("\rimporting: \(count) records read") }
                    })
            } catch {
                // Bad records failed the run: the columns that would be left out are said too,
                // before the error, so that one fix of the file mends both.
                let ignored = importer.ignoredColumns
                if let note = Self.ignoredColumnsNote(ignored.names, nearFields: ignored.nearFields, saved: false) { printError(note) }
                throw error
            }
            if showProgress && summary.records >= 1000 { writeToStandardError("\n") }
            return summary
        }

        /// The note naming a file's columns that are no event field (and the field one may be
        /// meant for), left out of an import saved, or that would be of one not saved.
        static func ignoredColumnsNote(_ names: [String], nearFields: [String: String], saved: Bool) -> String? {
            guard !names.isEmpty else { return nil }
            let columns = names.map { name in "'\(name)'" + (nearFields[name].map { " (--map '\(name)=\($0)'?)" } ?? "") }.joined(separator: ", ")
            let one = names.count == 1
            let leftOut = !saved ? "would be" : one ? "was" : "were"
            return "note: the column\(one ? "" : "s") \(columns) \(one ? "is no event field" : "are no event fields") and \(leftOut) left out; "
                + "--map COLUMN=FIELD imports one (`timeline help import` lists the fields)."
        }

        static func pair(_ text: String, flag: String, shape: String) throws -> (String, String) {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw TimelineError(.usage, "\(flag) '\(text)' is not \(shape).")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }
    }
}

extension ImportOptions.Format: CaseInsensitiveChoice {}

extension ImportOptions.DecimalMark: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case ".", "point", "dot": self = .point
        case ",", "comma": self = .comma
        default: return nil
        }
    }
}
