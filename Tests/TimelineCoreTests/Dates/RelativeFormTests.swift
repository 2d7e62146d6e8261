import Testing
@testable import TimelineCore

@Suite("Relative forms")
struct RelativeFormTests {
    /// A Monday, so that weeks are easy to check by eye.
    static let today = CalendarDay(year: 2022, month: 9, day: 12)!
    static let endOfMarch = CalendarDay(year: 2024, month: 3, day: 31)!

    static let vectors: [DateVector] = [
        DateVector("today", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("Yesterday", "2022-09-11", "2022-09-11", "2022-09-11", .day),
        DateVector("tomorrow", "2022-09-13", "2022-09-13", "2022-09-13", .day),
        DateVector("this week", "2022-09-12/2022-09-18", "2022-09-12", "2022-09-18", .interval),
        DateVector("last week", "2022-09-05/2022-09-11", "2022-09-05", "2022-09-11", .interval),
        DateVector("next week", "2022-09-19/2022-09-25", "2022-09-19", "2022-09-25", .interval),
        DateVector("this month", "2022-09", "2022-09-01", "2022-09-30", .month),
        DateVector("last month", "2022-08", "2022-08-01", "2022-08-31", .month),
        DateVector("next month", "2022-10", "2022-10-01", "2022-10-31", .month),
        DateVector("this quarter", "2022-35", "2022-07-01", "2022-09-30", .quarter),
        DateVector("last quarter", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("next quarter", "2022-36", "2022-10-01", "2022-12-31", .quarter),
        DateVector("this year", "2022", "2022-01-01", "2022-12-31", .year),
        DateVector("last year", "2021", "2021-01-01", "2021-12-31", .year),
        DateVector("next year", "2023", "2023-01-01", "2023-12-31", .year),
        DateVector("30 days ago", "2022-08-13", "2022-08-13", "2022-08-13", .day),
        DateVector("2 weeks ago", "2022-08-29", "2022-08-29", "2022-08-29", .day),
        DateVector("3 months ago", "2022-06-12", "2022-06-12", "2022-06-12", .day),
        DateVector("a year ago", "2021-09-12", "2021-09-12", "2021-09-12", .day),
        // Small counts in words, as articles write them.
        DateVector("two weeks ago", "2022-08-29", "2022-08-29", "2022-08-29", .day),
        DateVector("il y a trois jours", "2022-09-09", "2022-09-09", "2022-09-09", .day),
        DateVector("il y a quinze jours", "2022-08-28", "2022-08-28", "2022-08-28", .day),
        DateVector("dans six mois", "2023-03-12", "2023-03-12", "2023-03-12", .day),
        // A month with last or next: the last one before this month, the next after it.
        DateVector("last August", "2022-08", "2022-08-01", "2022-08-31", .month),
        DateVector("last September", "2021-09", "2021-09-01", "2021-09-30", .month),
        DateVector("next March", "2023-03", "2023-03-01", "2023-03-31", .month),
        DateVector("next October", "2022-10", "2022-10-01", "2022-10-31", .month),
        DateVector("en juin dernier", "2022-06", "2022-06-01", "2022-06-30", .month),
        DateVector("septembre dernier", "2021-09", "2021-09-01", "2021-09-30", .month),
        DateVector("le mois de mars prochain", "2023-03", "2023-03-01", "2023-03-31", .month),
        // A season with last or next: the last one before the season this day is in (autumn
        // 2022 on 12 September), the next after it; a winter is its December's year's.
        DateVector("last summer", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("l'été dernier", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("last fall", "2021-23", "2021-09-01", "2021-11-30", .season),
        DateVector("last winter", "2021-24", "2021-12-01", "2022-02-28", .season),
        DateVector("l’hiver prochain", "2022-24", "2022-12-01", "2023-02-28", .season),
        DateVector("next autumn", "2023-23", "2023-09-01", "2023-11-30", .season),
        DateVector("le printemps prochain", "2023-21", "2023-03-01", "2023-05-31", .season),
        DateVector("aujourd'hui", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("aujourd’hui", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("hier", "2022-09-11", "2022-09-11", "2022-09-11", .day),
        DateVector("demain", "2022-09-13", "2022-09-13", "2022-09-13", .day),
        DateVector("la semaine dernière", "2022-09-05/2022-09-11", "2022-09-05", "2022-09-11", .interval),
        DateVector("le mois dernier", "2022-08", "2022-08-01", "2022-08-31", .month),
        DateVector("le mois prochain", "2022-10", "2022-10-01", "2022-10-31", .month),
        DateVector("ce mois-ci", "2022-09", "2022-09-01", "2022-09-30", .month),
        DateVector("l'année dernière", "2021", "2021-01-01", "2021-12-31", .year),
        DateVector("l’année dernière", "2021", "2021-01-01", "2021-12-31", .year),
        DateVector("l'an dernier", "2021", "2021-01-01", "2021-12-31", .year),
        DateVector("le trimestre dernier", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("il y a 3 jours", "2022-09-09", "2022-09-09", "2022-09-09", .day),
        DateVector("il y a 2 semaines", "2022-08-29", "2022-08-29", "2022-08-29", .day),
        DateVector("il y a 1 mois", "2022-08-12", "2022-08-12", "2022-08-12", .day),
        DateVector("il y a 2 ans", "2020-09-12", "2020-09-12", "2020-09-12", .day),
        DateVector("since last year", "2021/..", "2021-01-01", nil, .interval),
        DateVector("from last month to next month", "2022-08/2022-10", "2022-08-01", "2022-10-31", .interval),
        DateVector("the day before yesterday", "2022-09-10", "2022-09-10", "2022-09-10", .day),
        DateVector("the day after tomorrow", "2022-09-14", "2022-09-14", "2022-09-14", .day),
        // Days of the week, from Monday 12 September 2022: the last one before, the next after,
        // and alone the nearest (a Monday is that day).
        DateVector("last Tuesday", "2022-09-06", "2022-09-06", "2022-09-06", .day),
        DateVector("last Monday", "2022-09-05", "2022-09-05", "2022-09-05", .day),
        DateVector("mardi dernier", "2022-09-06", "2022-09-06", "2022-09-06", .day),
        DateVector("le vendredi précédent", "2022-09-09", "2022-09-09", "2022-09-09", .day),
        DateVector("next Friday", "2022-09-16", "2022-09-16", "2022-09-16", .day),
        DateVector("lundi prochain", "2022-09-19", "2022-09-19", "2022-09-19", .day),
        DateVector("on Tuesday", "2022-09-13", "2022-09-13", "2022-09-13", .day),
        DateVector("Saturday", "2022-09-10", "2022-09-10", "2022-09-10", .day),
        DateVector("ce jeudi", "2022-09-15", "2022-09-15", "2022-09-15", .day),
        DateVector("Monday", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("since last Tuesday", "2022-09-06/..", "2022-09-06", nil, .interval),
        DateVector("until next Friday", "../2022-09-16", nil, "2022-09-16", .interval),
        DateVector("since Saturday", "2022-09-10/..", "2022-09-10", nil, .interval),
        DateVector("depuis samedi", "2022-09-10/..", "2022-09-10", nil, .interval),
        DateVector("until Friday", "../2022-09-09", nil, "2022-09-09", .interval),  // the nearest, three days before
    ]

    @Test(arguments: vectors)
    func relative(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input, context: .init(today: Self.today)))
    }

    /// In summer, last summer is the year before's: AP's "last summer" of 24 August 2022 is
    /// summer 2021, as the sample timeline dates the nationwide roll-out.
    @Test func lastSummerInSummerIsTheYearBefores() throws {
        let august = DateParsingContext(today: CalendarDay(year: 2022, month: 8, day: 24)!)
        #expect(try TimelineDate.parse("last summer", context: august).edtf == "2021-22")
        #expect(try TimelineDate.parse("next summer", context: august).edtf == "2023-22")
        let january = DateParsingContext(today: CalendarDay(year: 2023, month: 1, day: 15)!)
        #expect(try TimelineDate.parse("last winter", context: january).edtf == "2021-24", "January 2023 is in winter 2022")
        #expect(try TimelineDate.parse("l'hiver prochain", context: january).edtf == "2023-24")
    }

    @Test("month arithmetic clamps to the month's last day", arguments: [
        DateVector("1 month ago", "2024-02-29", "2024-02-29", "2024-02-29", .day),
        DateVector("13 months ago", "2023-02-28", "2023-02-28", "2023-02-28", .day),
        DateVector("1 year ago", "2023-03-31", "2023-03-31", "2023-03-31", .day),
        DateVector("last quarter", "2023-36", "2023-10-01", "2023-12-31", .quarter),
        DateVector("this week", "2024-03-25/2024-03-31", "2024-03-25", "2024-03-31", .interval),
    ])
    func clamping(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input, context: .init(today: Self.endOfMarch)))
    }

    /// An announcement is on or before the article reporting it: a day of the week named alone
    /// is the last such day up to the article's.
    @Test(arguments: [
        DateVector("Thursday", "2022-09-08", "2022-09-08", "2022-09-08", .day),
        DateVector("Monday", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("next Thursday", "2022-09-15", "2022-09-15", "2022-09-15", .day),
    ])
    func aWeekdayAnnouncedIsOnOrBeforeTheArticle(vector: DateVector) throws {
        var context = DateParsingContext(today: Self.today)
        context.latestBeforeReference = true
        vector.check(try TimelineDate.parse(vector.input, context: context))
    }

    /// A day of the week written beside a date must be that date's.
    @Test(arguments: [
        InvalidDateVector("Friday, November 19, 2019", "it names a Friday, but 19 Nov 2019 was a Tuesday"),
        InvalidDateVector("mercredi 19 novembre 2019", "it names a Wednesday, but 19 Nov 2019 was a Tuesday"),
        InvalidDateVector("Sat 2019-11-19", "it names a Saturday, but 19 Nov 2019 was a Tuesday"),
        // In an interval or one of two dates, each goes with its end; one alone with the first.
        InvalidDateVector("Thursday, 1 December 2022 – Saturday, 2 December 2022", "it names a Saturday, but 2 Dec 2022 was a Friday"),
        InvalidDateVector("du lundi 18 au mercredi 19 novembre 2019", "it names a Wednesday, but 19 Nov 2019 was a Tuesday"),
        InvalidDateVector("Friday 2 December 2022 or Sunday 5 December 2022", "it names a Sunday, but 5 Dec 2022 was a Monday"),
        InvalidDateVector("Friday 1 – 2 December 2022", "it names a Friday, but 1 Dec 2022 was a Thursday"),
        InvalidDateVector("before Friday 19 November 2019", "it names a Friday, but 19 Nov 2019 was a Tuesday"),
        // Beside a month or a year it names no day of the date.
        InvalidDateVector("Tuesday 2019", "it names a day of the week, but its date is no single day"),
        InvalidDateVector("Friday November 2019", "it names a day of the week, but its date is no single day"),
    ])
    func aWeekdayBesideADateMustBeItsDay(vector: InvalidDateVector) {
        vector.expectParseFailure()
    }

    @Test(arguments: [
        DateVector("Tuesday, November 19, 2019", "2019-11-19", "2019-11-19", "2019-11-19", .day),
        DateVector("mardi 19 novembre 2019", "2019-11-19", "2019-11-19", "2019-11-19", .day),
        DateVector("du lundi 18 au mardi 19 novembre 2019", "2019-11-18/2019-11-19", "2019-11-18", "2019-11-19", .interval),
        DateVector("Thursday 1 – 2 December 2022", "2022-12-01/2022-12-02", "2022-12-01", "2022-12-02", .interval),
        // Before or after a day: the day of the week is the day's named, not the bound's.
        DateVector("before Tuesday 19 November 2019", "../2019-11-18", nil, "2019-11-18", .interval),
        DateVector("après le mardi 19 novembre 2019", "2019-11-20/..", "2019-11-20", nil, .interval),
    ])
    func aWeekdayBesideItsDateIsRead(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }

    /// A day of the week alone is no end of an interval: the nearest Wednesday to today is no
    /// day of the date beside it.
    @Test func aWeekdayAloneIsNoEndOfAnInterval() {
        #expect(throws: TimelineDateError.self) { try TimelineDate.parse("Wednesday or Thursday, 1 Dec 2022", context: .init(today: Self.today)) }
    }

    @Test("a relative form without today is an error", arguments: ["today", "last quarter", "30 days ago", "hier"])
    func needsToday(text: String) {
        InvalidDateVector(text, "no current date was given").expectParseFailure()
    }
}
