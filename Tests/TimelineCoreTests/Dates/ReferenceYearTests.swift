import Testing
@testable import TimelineCore

/// A day or month written without a year takes the occurrence nearest to the reference.
@Suite("Year from the reference")
struct ReferenceYearTests {
    static let september = CalendarDay(year: 2022, month: 9, day: 12)!
    static let january = CalendarDay(year: 2023, month: 1, day: 5)!

    static let september2022: [DateVector] = [
        DateVector("1er décembre", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("dès le 1er décembre", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("December 1", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("in December", "2022-12", "2022-12-01", "2022-12-31", .month),
        // February 2023 starts 142 days after the reference, February 2022 ended 196 days before.
        DateVector("en février", "2023-02", "2023-02-01", "2023-02-28", .month),
        // March 2022 ended 165 days before, March 2023 starts 170 days after.
        DateVector("in March", "2022-03", "2022-03-01", "2022-03-31", .month),
        DateVector("l'été", "2022-22", "2022-06-01", "2022-08-31", .season),
        DateVector("au deuxième trimestre", "2022-34", "2022-04-01", "2022-06-30", .quarter),
    ]

    @Test(arguments: september2022)
    func nearSeptember2022(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input, context: .init(reference: Self.september)))
    }

    @Test(arguments: [
        DateVector("December", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("1er décembre", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("March", "2023-03", "2023-03-01", "2023-03-31", .month),
        DateVector("winter", "2022-24", "2022-12-01", "2023-02-28", .season),
        DateVector("29 February", "2024-02-29", "2024-02-29", "2024-02-29", .day),
        DateVector("December to March", "2022-12/2023-03", "2022-12-01", "2023-03-31", .interval),
        DateVector("du 1er au 5 décembre", "2022-12-01/2022-12-05", "2022-12-01", "2022-12-05", .interval),
        DateVector("since December", "2022-12/..", "2022-12-01", nil, .interval),
        DateVector("mi-décembre", "2022-12-11~/2022-12-20~", "2022-12-11", "2022-12-20", .interval, "~"),
    ])
    func nearJanuary2023(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input, context: .init(reference: Self.january)))
    }

    @Test("without a reference, a date without a year is an error", arguments: [
        InvalidDateVector("1er décembre", "it has no year"),
        InvalidDateVector("in December", "it has no year"),
        InvalidDateVector("December 1", "it has no year"),
        InvalidDateVector("summer", "it has no year"),
        InvalidDateVector("30 February", "February has at most 29 days"),
    ])
    func needsYear(vector: InvalidDateVector) {
        vector.expectParseFailure()
    }

    /// A day of the week beside a day without a year picks the year: 1 December was a Thursday in
    /// 2022 and a Friday in 2023.
    @Test(arguments: [
        DateVector("jeudi 1er décembre", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("vendredi 1er décembre", "2023-12-01", "2023-12-01", "2023-12-01", .day),
        DateVector("Wednesday, December 1", "2021-12-01", "2021-12-01", "2021-12-01", .day),
        // 29 February: the leap year before (2020, a Saturday) or after (2024, a Thursday).
        DateVector("samedi 29 février", "2020-02-29", "2020-02-29", "2020-02-29", .day),
        DateVector("Thursday 29 February", "2024-02-29", "2024-02-29", "2024-02-29", .day),
    ])
    func aDayOfTheWeekPicksTheYear(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input, context: .init(reference: Self.september)))
    }

    @Test func aDayOfTheWeekNoNearbyYearHasIsRefused() {
        // A Saturday in 2018 and 2029, far from 2022: the nearest year's day is named.
        InvalidDateVector("samedi 1er décembre", "it names a Saturday, but 1 Dec 2022 was a Thursday")
            .expectParseFailure(context: .init(reference: Self.september))
    }

    /// An announcement's day is the latest by the article's date: the year before when that is
    /// where the day of the week falls, never one after.
    @Test func anAnnouncementsDayOfTheWeekLooksBackOnly() throws {
        var context = DateParsingContext(reference: CalendarDay(year: 2023, month: 3, day: 10)!)
        context.latestBeforeReference = true
        #expect(try TimelineDate.parse("vendredi 3 mars", context: context).edtf == "2023-03-03")
        #expect(try TimelineDate.parse("jeudi 3 mars", context: context).edtf == "2022-03-03")
        InvalidDateVector("samedi 3 mars", "it names a Saturday, but 3 Mar 2023 was a Friday").expectParseFailure(context: context)
    }

    @Test func impossibleInEveryNearbyYear() {
        InvalidDateVector("31 April", "April 2022 has 30 days")
            .expectParseFailure(context: .init(reference: Self.september))
    }

    @Test func aWrittenYearIgnoresTheReference() throws {
        let date = try TimelineDate.parse("December 2019", context: .init(reference: Self.september))
        #expect(date.edtf == "2019-12")
    }

    /// A source published `2022` was written some day of 2022: the nearest occurrence is the
    /// nearest to any of its days, not to 1 January (which put `1er décembre` in 2021).
    @Test(arguments: [
        DateVector("1er décembre", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("juillet", "2022-07", "2022-07-01", "2022-07-31", .month),
        DateVector("janvier", "2022-01", "2022-01-01", "2022-01-31", .month),
        DateVector("Q4", "2022-36", "2022-10-01", "2022-12-31", .quarter),
    ])
    func nearAYearOfPublication(vector: DateVector) throws {
        let context = DateParsingContext(reference: CalendarDay(iso: "2022-01-01"))
        var year = context
        year.referenceEnd = CalendarDay(iso: "2022-12-31")
        vector.check(try TimelineDate.parse(vector.input, context: year))
    }

    /// An announcement comes before the article reporting it: the latest occurrence begun by the
    /// publication day, whatever its length (September and Q3 2022 alike for 12 September 2022).
    @Test(arguments: [
        DateVector("September", "2022-09", "2022-09-01", "2022-09-30", .month),
        DateVector("Q3", "2022-35", "2022-07-01", "2022-09-30", .quarter),
        DateVector("H2", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
        DateVector("mi-septembre", "2022-09-11~/2022-09-20~", "2022-09-11", "2022-09-20", .interval, "~"),
        DateVector("12 septembre", "2022-09-12", "2022-09-12", "2022-09-12", .day),
        DateVector("13 septembre", "2021-09-13", "2021-09-13", "2021-09-13", .day),
        DateVector("octobre", "2021-10", "2021-10-01", "2021-10-31", .month),
        DateVector("29 February", "2020-02-29", "2020-02-29", "2020-02-29", .day),
    ])
    func announcedBeforeSeptember2022(vector: DateVector) throws {
        let date = try TimelineDate.parse(vector.input, context: .init(), yearFrom: { .published(try TimelineDate(edtf: "2022-09-12")) }, onOrBefore: true)
        vector.check(date)
    }

    /// `Q2/2022` is Q2 2022, as `06/2022` is June 2022 (anywhere `June 2022` goes): not an interval
    /// from Q2 to the end of 2022.
    @Test(arguments: [
        DateVector("Q2/2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("T2/2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("H1/2022", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("March/2021", "2021-03", "2021-03-01", "2021-03-31", .month),
        DateVector("déc./2022", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("2e trimestre/2022", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("06/2022~", "2022-06~", "2022-06-01", "2022-06-30", .month, "~"),
        DateVector("vers 06/2022", "2022-06~", "2022-06-01", "2022-06-30", .month, "~"),
        DateVector("6.2022%", "2022-06%", "2022-06-01", "2022-06-30", .month, "%"),
        DateVector("~06/2022", "2022-06~", "2022-06-01", "2022-06-30", .month, "~"),
        // A month in digits goes wherever a month's name goes.
        DateVector("since 06/2022", "2022-06/..", "2022-06-01", nil, .interval),
        DateVector("06/2022/..", "2022-06/..", "2022-06-01", nil, .interval),
        DateVector("until 06/2022", "../2022-06", nil, "2022-06-30", .interval),
        DateVector("early 06/2022", "2022-06-01~/2022-06-10~", "2022-06-01", "2022-06-10", .interval, "~"),
        DateVector("mid-06/2022", "2022-06-11~/2022-06-20~", "2022-06-11", "2022-06-20", .interval, "~"),
        DateVector("06/2022 – 12/2022", "2022-06/2022-12", "2022-06-01", "2022-12-31", .interval),
        DateVector("from 06/2022 to 9.2022", "2022-06/2022-09", "2022-06-01", "2022-09-30", .interval),
        DateVector("entre 06/2022 et 09/2022", "2022-06/2022-09", "2022-06-01", "2022-09-30", .interval),
        DateVector("Q2/2022~", "2022-34~", "2022-04-01", "2022-06-30", .quarter, "~"),
        DateVector("Q2/2022?", "2022-34?", "2022-04-01", "2022-06-30", .quarter, "?"),
        DateVector("March/May 2022", "2022-03/2022-05", "2022-03-01", "2022-05-31", .interval),
        DateVector("Q2 2022/2023", "2022-34/2023", "2022-04-01", "2023-12-31", .interval),
    ])
    func aPartOfAYearSlashItsYear(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
    }
}
