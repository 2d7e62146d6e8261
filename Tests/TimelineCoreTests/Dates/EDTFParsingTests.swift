import Testing
@testable import TimelineCore

/// Strict EDTF: every feature the project stores, through both `init(edtf:)` and `parse`.
@Suite("EDTF")
struct EDTFParsingTests {
    static let validVectors: [DateVector] = [
        // Level 0: day, month, year.
        DateVector("2022-12-01", "2022-12-01", "2022-12-01", "2022-12-01", .day),
        DateVector("2022-12", "2022-12", "2022-12-01", "2022-12-31", .month),
        DateVector("2022", "2022", "2022-01-01", "2022-12-31", .year),
        DateVector("0000", "0000", "0000-01-01", "0000-12-31", .year),
        DateVector("9999-12-31", "9999-12-31", "9999-12-31", "9999-12-31", .day),
        // Leap years.
        DateVector("2024-02-29", "2024-02-29", "2024-02-29", "2024-02-29", .day),
        DateVector("2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29", .day),
        DateVector("2024-02", "2024-02", "2024-02-01", "2024-02-29", .month),
        DateVector("1900-02", "1900-02", "1900-02-01", "1900-02-28", .month),
        // Seasons (level 1), northern meteorological; winter runs into the next year.
        DateVector("2021-21", "2021-21", "2021-03-01", "2021-05-31", .season),
        DateVector("2021-22", "2021-22", "2021-06-01", "2021-08-31", .season),
        DateVector("2021-23", "2021-23", "2021-09-01", "2021-11-30", .season),
        DateVector("2021-24", "2021-24", "2021-12-01", "2022-02-28", .season),
        DateVector("2023-24", "2023-24", "2023-12-01", "2024-02-29", .season),
        // Quarters and half-years (level 2 sub-year groupings).
        DateVector("2022-33", "2022-33", "2022-01-01", "2022-03-31", .quarter),
        DateVector("2022-34", "2022-34", "2022-04-01", "2022-06-30", .quarter),
        DateVector("2022-35", "2022-35", "2022-07-01", "2022-09-30", .quarter),
        DateVector("2022-36", "2022-36", "2022-10-01", "2022-12-31", .quarter),
        DateVector("2022-40", "2022-40", "2022-01-01", "2022-06-30", .halfYear),
        DateVector("2022-41", "2022-41", "2022-07-01", "2022-12-31", .halfYear),
        // Qualifiers (level 1) keep the span.
        DateVector("2019~", "2019~", "2019-01-01", "2019-12-31", .year, "~"),
        DateVector("2019?", "2019?", "2019-01-01", "2019-12-31", .year, "?"),
        DateVector("2019%", "2019%", "2019-01-01", "2019-12-31", .year, "%"),
        DateVector("2019-09?", "2019-09?", "2019-09-01", "2019-09-30", .month, "?"),
        DateVector("2022-34%", "2022-34%", "2022-04-01", "2022-06-30", .quarter, "%"),
        DateVector("2022-12-01~", "2022-12-01~", "2022-12-01", "2022-12-01", .day, "~"),
        // Unspecified digits (level 1).
        DateVector("201X", "201X", "2010-01-01", "2019-12-31", .decade),
        DateVector("19XX", "19XX", "1900-01-01", "1999-12-31", .century),
        DateVector("2019-XX", "2019-XX", "2019-01-01", "2019-12-31", .year),
        DateVector("2019-12-XX", "2019-12-XX", "2019-12-01", "2019-12-31", .month),
        DateVector("2019-XX-XX", "2019-XX-XX", "2019-01-01", "2019-12-31", .year),
        DateVector("201X~", "201X~", "2010-01-01", "2019-12-31", .decade, "~"),
        // Intervals (level 0 and 1): closed, open, unknown, mixed precision, qualified ends.
        DateVector("2019/2022-12-31", "2019/2022-12-31", "2019-01-01", "2022-12-31", .interval),
        DateVector("2019-09/2022-12", "2019-09/2022-12", "2019-09-01", "2022-12-31", .interval),
        DateVector("2019/..", "2019/..", "2019-01-01", nil, .interval),
        DateVector("../2022", "../2022", nil, "2022-12-31", .interval),
        DateVector("2019/", "2019/", "2019-01-01", nil, .interval),
        DateVector("/2022", "/2022", nil, "2022-12-31", .interval),
        DateVector("2019~/2022", "2019~/2022", "2019-01-01", "2022-12-31", .interval, "~"),
        DateVector("2022-01~/2022-04~", "2022-01~/2022-04~", "2022-01-01", "2022-04-30", .interval, "~"),
        DateVector("2021-24/2022-21?", "2021-24/2022-21?", "2021-12-01", "2022-05-31", .interval, "?"),
        DateVector("2022/2022-06", "2022/2022-06", "2022-01-01", "2022-06-30", .interval),
        DateVector("2022-12-01/2022-12-01", "2022-12-01/2022-12-01", "2022-12-01", "2022-12-01", .interval),
    ]

    @Test("valid EDTF through init(edtf:)", arguments: validVectors)
    func strict(vector: DateVector) throws {
        vector.check(try TimelineDate(edtf: vector.input))
    }

    @Test("valid EDTF through parse", arguments: validVectors)
    func parsing(vector: DateVector) throws {
        vector.check(try TimelineDate.parse(vector.input))
        vector.check(try TimelineDate.parse("  \(vector.input) \n"))
    }

    static let invalidVectors: [InvalidDateVector] = [
        InvalidDateVector("2022-02-30", "February 2022 has 28 days"),
        InvalidDateVector("2021-02-29", "February 2021 has 28 days (2021 is not a leap year)"),
        InvalidDateVector("1900-02-29", "1900 is not a leap year"),
        InvalidDateVector("2022-04-31", "April 2022 has 30 days"),
        InvalidDateVector("2022-13", "13 is not a month"),
        InvalidDateVector("2022-00-01", "there is no month 00"),
        InvalidDateVector("2022-12-00", "there is no day 00"),
        InvalidDateVector("2022-37", "37 is not a month (01–12), a season (21–24), a quarter (33–36) or a half-year (40–41)"),
        InvalidDateVector("2022-25", "25 is not a month"),
        // Two years as fiscal years are written: the forms that read so are named.
        InvalidDateVector("1998-99", "99 is not a month (01–12), a season (21–24), a quarter (33–36) or a half-year (40–41); "
                          + "the years 1998 and 1999 are written 1998/99 or 1998–99"),
        InvalidDateVector("1999-00", "there is no month 00 (months are 01 to 12); the years 1999 and 2000 are written 1999/00 or 1999–00"),
        InvalidDateVector("2022-34-01", "a season, quarter or half-year cannot have a day"),
        InvalidDateVector("", "the text is empty"),
        InvalidDateVector("   ", "the text is empty"),
        InvalidDateVector("222-12", "does not start with a four-digit year"),
        InvalidDateVector("20221201", "a year has four digits"),
        InvalidDateVector("2022-1", "a month has two digits"),
        InvalidDateVector("2022-12-1", "a day has two digits"),
        InvalidDateVector("2022-12-01T25:00:00Z", "what follows the day is no time of day"),
        InvalidDateVector("2022/2019", "its end (2019) is before its start (2022)"),
        InvalidDateVector("2022-12/2022-06", "its end (2022-06) is before its start (2022-12)"),
        InvalidDateVector("2019/2020/2021", "an interval has a single '/'"),
        InvalidDateVector("../..", "an interval needs a date at one end at least"),
        InvalidDateVector("/", "an interval needs a date at one end at least"),
        InvalidDateVector("..", "marks the open end of an interval"),
        InvalidDateVector("2022/12/01", "days are written with dashes"),
        InvalidDateVector("?2019", "a qualifier ('?', '~' or '%') goes after the date"),
        InvalidDateVector("-0500", "only years 0000 to 9999"),
        InvalidDateVector("Y170000002", "only years 0000 to 9999"),
        InvalidDateVector("1XXX", "only the last one or two digits of a year can be X"),
        InvalidDateVector("20X9", "only the last digits of a year can be X"),
        InvalidDateVector("201X-05", "cannot have a month"),
        InvalidDateVector("2019-XX-05", "a day cannot be known when its month is not"),
        InvalidDateVector("9999-24", "winter 9999 ends in the year 10000"),
        InvalidDateVector("2022-12-01z", "unexpected 'z' after '2022-12-01'"),
    ]

    @Test("invalid EDTF is an error naming the input and why", arguments: invalidVectors)
    func rejects(vector: InvalidDateVector) {
        vector.expectParseFailure()
        #expect(throws: TimelineDateError.self) { try TimelineDate(edtf: vector.input) }
    }

    /// Only a code that is the next year's two digits gets the two-year forms.
    @Test func otherCodesNameNoYears() throws {
        for input in ["2022-37", "2022-13", "2022-00-01", "9999-00"] {
            let error = try #require(throws: TimelineDateError.self) { try TimelineDate.parse(input) }
            #expect(!error.reason.contains("the years"), "\(input): \(error.reason)")
        }
        let forms = try ["1998/99", "1998–99", "1999/00", "1999–00"].map { try TimelineDate.parse($0).edtf }
        #expect(forms == ["1998/1999", "1998/1999", "1999/2000", "1999/2000"])
    }

    /// A date and time other tools write is read as its day, as written in its own offset; the
    /// strict reader, for stored values, refuses it.
    @Test(arguments: [
        ("2022-06-15T10:00:00+02:00", "2022-06-15"), ("2022-06-15T23:30:00-05:00", "2022-06-15"), ("2022-06-15T10:00:00Z", "2022-06-15"),
        ("2022-06-15 10:00", "2022-06-15"), ("2022-06-15T10:00:00.123456Z", "2022-06-15"), ("2022-06-15T10:00:00+0530", "2022-06-15"),
    ])
    func aDateAndTimeIsReadAsItsDay(text: String, day: String) throws {
        let date = try TimelineDate.parse(text)
        #expect(date.edtf == day && date.precision == .day)
        #expect(throws: TimelineDateError.self) { try TimelineDate(edtf: text) }
    }

    @Test func aDateAndTimeWithAnImpossibleDayNamesTheDay() {
        #expect(throws: TimelineDateError(input: "2022-02-30T10:00Z", reason: "February 2022 has 28 days")) {
            try TimelineDate.parse("2022-02-30T10:00Z")
        }
    }

    @Test func errorSentence() {
        #expect(throws: TimelineDateError(input: "2022-02-30", reason: "February 2022 has 28 days")) {
            try TimelineDate(edtf: "2022-02-30")
        }
        let error = TimelineDateError(input: "2022-02-30", reason: "February 2022 has 28 days")
        #expect(error.description == "'2022-02-30' is not a valid date: February 2022 has 28 days.")
    }

    @Test("init(edtf:) reads EDTF only", arguments: ["Q2 2022", " 2022", "2022 ", "december 2022", "201x", "2019~?", "22-12"])
    func strictRejectsHumanForms(text: String) {
        #expect(throws: TimelineDateError.self) { try TimelineDate(edtf: text) }
    }

    @Test func intervalEnds() throws {
        let closed = try TimelineDate(edtf: "2019-09/2022-12-31")
        #expect(closed.startKind == .date && closed.endKind == .date)
        #expect(closed.start?.edtf == "2019-09" && closed.start?.precision == .month)
        #expect(closed.end?.edtf == "2022-12-31" && closed.end?.precision == .day)

        let open = try TimelineDate(edtf: "2019/..")
        #expect(open.startKind == .date && open.endKind == .open && open.end == nil)

        let unknown = try TimelineDate(edtf: "/2022")
        #expect(unknown.startKind == .unknown && unknown.start == nil && unknown.end?.edtf == "2022")

        let single = try TimelineDate(edtf: "2022")
        #expect(single.startKind == nil && single.endKind == nil && single.start == nil && single.end == nil)
    }

    @Test func equalityAndHashing() throws {
        let first = try TimelineDate(edtf: "2019/2022-12-31")
        let second = try TimelineDate.parse("2019/2022-12-31")
        #expect(first == second)
        #expect(Set([first, second]).count == 1)
        #expect(try TimelineDate(edtf: "2019") != TimelineDate(edtf: "2019~"))
        #expect(first.description == "2019/2022-12-31")
    }
}
