import ArgumentParser
import TimelineCore

extension Timeline {
    struct DateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "date",
            abstract: "Show how timeline reads dates: EDTF, earliest and latest day, precision, qualifiers.",
            discussion: """
                Takes EDTF (2019, 2019-09, 2022-34, 2021-22, 2019~, 2019/2022-12-31, 2019/..) and the forms \
                people write, in English and French: Q2 2022, December 2022, 1 Dec 2022, summer 2021, \
                circa 2019, since 2019, early 2022, early December 2022 (days 1-10, approximate), mid-1990s, \
                late 2022 or early 2023 (the interval spanning both, its ends uncertain), 2H 2021, 4Q21, \
                2021–22 (with a dash: two years), March 2020 – present, no later than 2021, décembre 2022, \
                1er décembre 2022, T2 2022, été 2021, vers 2019, mi-mars 2021, 2019 ou 2020; and months, \
                seasons, early/mid/late, open ends, ranges and quarters in German, Dutch, Spanish, Italian \
                and Portuguese: 2. Juni 2022, im Sommer 2022, Ende 2022, seit März 2021, 1. Quartal 2022, \
                2 de junio de 2022, desde 2019, giugno 2022, zomer van 2022, van maart tot juni 2021, verão de 2022. \
                Relative forms (today, last quarter, 30 days ago, le mois dernier) resolve against --today, \
                else a day given as --ref (the day the text was written), else $TIMELINE_TODAY, else the real date. A day or month with no year takes the year \
                nearest to --ref (a day, or a period such as 2022: nearest to any of its days). An input it cannot read is reported with the reason, and exits 65.

                Examples:
                  timeline date "Q2 2022" "1er décembre 2022" 2019~
                  timeline date "1er décembre" --ref 2022-09-12 --format json
                  timeline date "last quarter" --today 2026-11-27
                """
        )

        @Argument(help: "The dates to read.")
        var inputs: [String]

        @Option(help: ArgumentHelp("A date that gives a year to a day or month written without one (e.g. a source's publication date: a day, or a period such as 2022).", valueName: "date"))
        var ref: String?

        @Option(help: ArgumentHelp("The current day for relative forms (default: $TIMELINE_TODAY, else the real date).", valueName: "date"))
        var today: String?

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        @Option(help: ArgumentHelp("The language of the display column: en or fr.", valueName: "lang"))
        var lang: DateDisplayLanguage = .english

        func run() throws {
            var failed = false
            try reportingErrors {
                var context = try QueryOptions.dateContext(today: today)
                if let ref {
                    let reference: TimelineDate
                    do {
                        reference = try TimelineDate.parse(ref, context: context)
                    } catch {
                        throw TimelineError(.usage, "--ref \((error as? TimelineDateError)?.description ?? "\(error)")")
                    }
                    // A period (`--ref 2022`) counts all its days, as a source published then does.
                    guard reference.earliest != nil, reference.latest != nil, context.setReference(reference) else {
                        throw TimelineError(.usage, "--ref '\(ref)' is open at one end, and so no time a text was written; give a day, month or year.")
                    }
                    // A day the text was written is the day its relative forms count from
                    // (`mercredi dernier`), as `add` counts them from a source's publication day.
                    if today == nil, reference.precision == .day, !reference.isInterval, let day = reference.earliest {
                        context.today = day
                    }
                }
                var readings: [(input: String, date: TimelineDate)] = []
                for input in inputs {
                    do {
                        readings.append((input, try TimelineDate.parse(input, context: context)))
                    } catch {
                        printError("\(error)")
                        failed = true
                    }
                }
                if !readings.isEmpty || !failed {
                    try DateReadingWriter(format: format, output: .standardOutput(), language: lang).write(readings)
                }
            }
            if failed { throw ExitCode(65) }
        }
    }
}
