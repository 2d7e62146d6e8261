import Testing
@testable import TimelineCore

/// The months, seasons and thirds of German, Dutch, Spanish, Italian and Portuguese, as sources in
/// those languages write dates.
@Suite("German, Dutch, Spanish, Italian and Portuguese forms")
struct OtherLanguageFormTests {
    static let vectors: [DateVector] = [
        // German: the day's ordinal dot, am/im, the abbreviations that differ from English.
        DateVector("2. Juni 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("am 31. Dezember 2021", "2021-12-31", "2021-12-31", "2021-12-31", .day),
        DateVector("3. März 2020", "2020-03-03", "2020-03-03", "2020-03-03", .day),
        DateVector("Jänner 2023", "2023-01", "2023-01-01", "2023-01-31", .month),
        DateVector("Okt. 2021", "2021-10", "2021-10-01", "2021-10-31", .month),
        DateVector("Dez 2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("Mrz 2022", "2022-03", "2022-03-01", "2022-03-31", .month),
        DateVector("Maerz 2020", "2020-03", "2020-03-01", "2020-03-31", .month),
        DateVector("Fruehjahr 2023", "2023-21", "2023-03-01", "2023-05-31", .season),
        DateVector("im Sommer 2022", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("Frühjahr 2023", "2023-21", "2023-03-01", "2023-05-31", .season),
        DateVector("Herbst 2019", "2019-23", "2019-09-01", "2019-11-30", .season),
        DateVector("Ende 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("Anfang März 2021", "2021-03-01~/2021-03-10~", "2021-03-01", "2021-03-10", .interval, "~"),
        DateVector("Mitte 2020", "2020-05~/2020-08~", "2020-05-01", "2020-08-31", .interval, "~"),
        // Dutch.
        DateVector("2 juni 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("op 1 mei 2021", "2021-05-01", "2021-05-01", "2021-05-01", .day),
        DateVector("maart 2020", "2020-03", "2020-03-01", "2020-03-31", .month),
        DateVector("mrt 2020", "2020-03", "2020-03-01", "2020-03-31", .month),
        DateVector("zomer van 2022", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("najaar 2021", "2021-23", "2021-09-01", "2021-11-30", .season),
        DateVector("eind 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        // Spanish.
        DateVector("el 2 de junio de 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("junio del 2022", "2022-06", "2022-06-01", "2022-06-30", .month),
        DateVector("setiembre de 2019", "2019-09", "2019-09-01", "2019-09-30", .month),
        DateVector("otoño de 2020", "2020-23", "2020-09-01", "2020-11-30", .season),
        DateVector("a finales de 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("a mediados de marzo de 2021", "2021-03-11~/2021-03-20~", "2021-03-11", "2021-03-20", .interval, "~"),
        // Italian.
        DateVector("il 2 giugno 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("nel luglio 2021", "2021-07", "2021-07-01", "2021-07-31", .month),
        DateVector("estate 2021", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("inverno 2022", "2022-24", "2022-12-01", "2023-02-28", .season),
        DateVector("inizio 2022", "2022-01~/2022-04~", "2022-01-01", "2022-04-30", .interval, "~"),
        // Portuguese.
        DateVector("2 de março de 2022", "2022-03-02", "2022-03-02", "2022-03-02", .day),
        DateVector("em dezembro de 2021", "2021-12", "2021-12-01", "2021-12-31", .month),
        DateVector("verão de 2022", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("fim de 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        // A third alone at a range's start is of the end's month (`early or mid-March` already was).
        DateVector("Anfang bis Mitte März 2022", "2022-03-01~/2022-03-20~", "2022-03-01", "2022-03-20", .interval, "~"),
        DateVector("Mitte bis Ende Juni 2022", "2022-06-11~/2022-06-30~", "2022-06-11", "2022-06-30", .interval, "~"),
        DateVector("early to mid-March 2022", "2022-03-01~/2022-03-20~", "2022-03-01", "2022-03-20", .interval, "~"),
        DateVector("de début à mi-juin 2022", "2022-06-01~/2022-06-20~", "2022-06-01", "2022-06-20", .interval, "~"),
        DateVector("early to mid-1990s", "1990~/1996~", "1990-01-01", "1996-12-31", .interval, "~"),
        // Intervals take them as they take English months.
        DateVector("Juni–September 2022", "2022-06/2022-09", "2022-06-01", "2022-09-30", .interval),
        DateVector("de enero a marzo de 2022", "2022-01/2022-03", "2022-01-01", "2022-03-31", .interval),
        // Thirds in Italian, Dutch, Spanish and Portuguese too.
        DateVector("alla fine del 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("a metà marzo 2022", "2022-03-11~/2022-03-20~", "2022-03-11", "2022-03-20", .interval, "~"),
        DateVector("medio 2022", "2022-05~/2022-08~", "2022-05-01", "2022-08-31", .interval, "~"),
        DateVector("a fines de 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("finais de 2022", "2022-09~/2022-12~", "2022-09-01", "2022-12-31", .interval, "~"),
        DateVector("all'inizio del 2022", "2022-01~/2022-04~", "2022-01-01", "2022-04-30", .interval, "~"),
        // Open ends and ranges.
        DateVector("seit März 2021", "2021-03/..", "2021-03-01", nil, .interval),
        DateVector("ab 2022", "2022/..", "2022-01-01", nil, .interval),
        DateVector("desde 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("sinds 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("vanaf 2022", "2022/..", "2022-01-01", nil, .interval),
        DateVector("dal 2019", "2019/..", "2019-01-01", nil, .interval),
        DateVector("bis Ende 2023", "../2023-12~", nil, "2023-12-31", .interval, "~"),
        DateVector("hasta 2023", "../2023", nil, "2023-12-31", .interval),
        DateVector("tot 2023", "../2023", nil, "2023-12-31", .interval),
        DateVector("fino al 2023", "../2023", nil, "2023-12-31", .interval),
        DateVector("até 2023", "../2023", nil, "2023-12-31", .interval),
        DateVector("vom 1. bis 5. Juni 2022", "2022-06-01/2022-06-05", "2022-06-01", "2022-06-05", .interval),
        DateVector("März bis Juni 2021", "2021-03/2021-06", "2021-03-01", "2021-06-30", .interval),
        DateVector("von 2019 bis 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("zwischen 2019 und 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("entre 2019 y 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("entre 2019 e 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("tussen 2019 en 2022", "2019/2022", "2019-01-01", "2022-12-31", .interval),
        DateVector("van maart tot juni 2021", "2021-03/2021-06", "2021-03-01", "2021-06-30", .interval),
        DateVector("desde marzo hasta junio de 2021", "2021-03/2021-06", "2021-03-01", "2021-06-30", .interval),
        DateVector("März 2020 bis heute", "2020-03/..", "2020-03-01", nil, .interval),
        // Days of the week (checked against the day), ordinals, quarters and halves.
        DateVector("Donnerstag, 2. Juni 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("jueves 2 de junio de 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("giovedì 2 giugno 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("donderdag 2 juni 2022", "2022-06-02", "2022-06-02", "2022-06-02", .day),
        DateVector("1º de junio de 2022", "2022-06-01", "2022-06-01", "2022-06-01", .day),
        DateVector("1. Quartal 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("im ersten Quartal 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("primer trimestre de 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("primo trimestre 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("eerste kwartaal 2022", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("1. Halbjahr 2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("2º semestre de 2022", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
    ]

    @Test(arguments: vectors)
    func otherLanguage(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }

    /// After an English month's name, a number stays a day of it (`June 22`), its year from the
    /// reference as before; after another language's it could be its day or its year, and is
    /// refused, in a range too (`Okt 21 – Nov 21`, whose `Nov` is English as well).
    @Test func aNumberAfterAMonthOtherThanEnglishIsRefused() throws {
        let context = DateParsingContext(reference: CalendarDay(iso: "2022-07-15"))
        #expect(try TimelineDate.parse("June 22", context: context).edtf == "2022-06-22")
        #expect(try TimelineDate.parse("Oct 21", context: context).edtf == "2022-10-21")
        #expect(try TimelineDate.parse("MAR 22", context: context).edtf == "2022-03-22", "capitals are still English")
        // `Mär` and `déc` fold to English words (`mar`, `dec`) but are not written as English writes them,
        // nor is `Ma\u{308}r` with its accent decomposed.
        for text in ["Okt 21", "Dez. 22", "Juni 22", "juin 22", "mayo 15", "juin 31", "Okt 21 – Nov 21", "Sept 21 – Okt 21", "Mai 22 – Jun 22",
                     "Mär 22", "déc 22", "Déc. 22", "Ma\u{308}r 22", "févr 22"] {
            do {
                let date = try TimelineDate.parse(text, context: context)
                Issue.record("'\(text)' read as \(date.edtf)")
            } catch {
                #expect(error.reason.contains("could be its day or its year"), "\(text): \(error.reason)")
            }
        }
        #expect(try TimelineDate.parse("juin-22", context: context).edtf == "2022-06", "a spreadsheet's display stays month and year")
        // The month is named as written, not as folded to be matched.
        do {
            let date = try TimelineDate.parse("Mär 22", context: context)
            Issue.record("'Mär 22' read as \(date.edtf)")
        } catch {
            #expect(error.reason.hasPrefix("after the month's name 'Mär', 22 could be its day or its year (2022)") && error.reason.hasSuffix("(22 Mär)"),
                    "\(error.reason)")
        }
    }

    /// What stays refused: numeric days however written, the German dot before a number, and the
    /// Spanish and Italian abbreviations that are English words or too short to be sure of.
    @Test(arguments: [
        InvalidDateVector("2.6.2022", "numeric dates are ambiguous"),
        InvalidDateVector("02.06.2022", "numeric dates are ambiguous"),
        InvalidDateVector("1 ago 2022", "their common forms in German, Dutch, Spanish, Italian and Portuguese"),
        InvalidDateVector("2 set 2022", "not a date form this tool reads"),
        InvalidDateVector("2 . Juni 2022", "not a date form this tool reads"),
        InvalidDateVector("Freitag, 2. Juni 2022", "it names a Friday, but 2 Jun 2022 was a Thursday"),
        InvalidDateVector("im letzten Quartal 2022", "not a date form this tool reads"),
        InvalidDateVector("1 . Quartal 2022", "not a date form this tool reads"),
    ])
    func refused(vector: InvalidDateVector) {
        vector.expectParseFailure()
    }
}
