import Testing
@testable import TimelineCore

@Suite("Invalid human forms")
struct InvalidFormTests {
    @Test(arguments: [
        InvalidDateVector("Q5 2022", "there is no quarter 5"),
        // Two digits after a year and a dash that are no later year of its century.
        InvalidDateVector("2022–21", "unexpected '–' after '2022'"),
        InvalidDateVector("2022-Q0", "there is no quarter 0"),
        InvalidDateVector("H3 2022", "there is no half-year 3"),
        InvalidDateVector("garbage", "not a date form"),
        InvalidDateVector("2019..", "it ends in '..': for the interval from 2019 on, write 2019/.. (or since 2019)"),
        InvalidDateVector("Q2 2022…", "write Q2 2022/.."),
        InvalidDateVector("2019/2020/..", "it ends in '..', which marks an open end only after a date and a '/' (as in 2019/..)"),
        InvalidDateVector("depuis 2019..", "which marks an open end only after a date and a '/'"),
        // A century or a decade: the error gives both spellings.
        InvalidDateVector("the 1800s", "either the century 1800–1899 (write 18XX, or '19th century') or the decade 1800–1809 (write 180X, or 'the 1800s decade')"),
        InvalidDateVector("early 1900s", "either the century 1900–1999"),
        InvalidDateVector("the 0100s", "(write 01XX, or '2nd century') or the decade 0100–0109 (write 010X, or 'the 0100s decade')"),
        InvalidDateVector("after 9999", "the period after it falls outside years 0–9999"),
        InvalidDateVector("before 0000-01-01", "the period before it falls outside years 0–9999"),
        InvalidDateVector("before early 2022", "'before' takes a single date"),
        InvalidDateVector("31/12", "numeric dates are ambiguous"),
        InvalidDateVector("12/31/2022", "numeric dates are ambiguous"),
        InvalidDateVector("31/12/2022", "write ISO, as in 2022-12-31, or a month name"),
        InvalidDateVector("13/2022", "13 is not a month"),
        InvalidDateVector("since 13/2022", "13 is not a month"),
        // A month and year inside a longer run of numbers is not taken for one.
        InvalidDateVector("12/2022/2023", "numeric dates are ambiguous"),
        InvalidDateVector("1.5.2022", "numeric dates are ambiguous"),
        InvalidDateVector("31.12.2022", "numeric dates are ambiguous"),
        // One that can be read one way only says so, and why the order is still not guessed.
        InvalidDateVector("15/03/2023", "numeric dates are ambiguous (here 15 can only be the day, but in a date such as 03/04 either number can be, so the order is not guessed)"),
        InvalidDateVector("03.15.2023", "(here 15 can only be the day, but in a date such as 03.04 either number can be"),
        // Two numbers alone: two years, or a month and a year of two digits, named so.
        InvalidDateVector("20/21", "neither 20 nor 21 is a month; the years 2020 and 2021 are written 2020/21"),
        // A month's whole name and two digits is no spreadsheet's display: a day as much as a year.
        InvalidDateVector("June-12", "it could be June 12, a day, or June 2012; write the day with its year (12 June YYYY) or the month with its year whole (2012-06)"),
        InvalidDateVector("Sept-30", "it could be Sept 30, a day, or Sept 1930"),
        // A spreadsheet's day that is no day says why.
        InvalidDateVector("31-Feb-2022", "February 2022 has 28 days"),
        InvalidDateVector("31-Feb-22", "February 2022 has 28 days"),
        InvalidDateVector("w/c March 2022", "a week is named by its first day, as in w/c 14 March 2022, and 'March 2022' is no one day"),
        InvalidDateVector("w/c 31 Feb 2022", "'31 Feb 2022' is none: February 2022 has 28 days"),
        InvalidDateVector("2021-W53", "2021 has no ISO week 53"),
        InvalidDateVector("2022-W00", "2022 has no ISO week 0"),
        InvalidDateVector("99/00", "it is no day and month; the years 1999 and 2000 are written 1999/00"),
        InvalidDateVector("00/01", "it is no day and month; the years 2000 and 2001 are written 2000/01"),
        InvalidDateVector("98/99", "the years 1998 and 1999 are written 1998/99"),
        InvalidDateVector("01/22", "write ISO, as in 2022-12-31, or a month name, as in 31 December 2022; "
                          + "a month and year are written with the year whole, 01/2022 or 2022-01"),
        InvalidDateVector("03/04/2023", "numeric dates are ambiguous (day or month first?)"),
        InvalidDateVector("13/14/2023", "numeric dates are ambiguous (day or month first?)"),
        InvalidDateVector("32/03/2023", "numeric dates are ambiguous (day or month first?)"),
        InvalidDateVector("30 February 2022", "February 2022 has 28 days"),
        InvalidDateVector("29 février 2023", "February 2023 has 28 days (2023 is not a leap year)"),
        InvalidDateVector("31 June 2022", "June 2022 has 30 days"),
        InvalidDateVector("circa 2022-13", "13 is not a month"),
        InvalidDateVector("2022 to 2019", "its end (2019) is before its start (2022)"),
        InvalidDateVector("de 2022 à 2019", "its end (2019) is before its start (2022)"),
        InvalidDateVector("the 90s", "write the decade with four digits"),
        InvalidDateVector("les années 90", "write the decade with four digits"),
        InvalidDateVector("the early 90s", "write the decade with four digits"),
        InvalidDateVector("late 1995s", "not a date form"),
        InvalidDateVector("December 32, 2022", "December 2022 has 31 days"),
        InvalidDateVector("early Smarch 2022", "not a date form"),
        InvalidDateVector("2023 or 30 February 2022", "February 2022 has 28 days"),
        InvalidDateVector("Q2", "it has no year"),
        InvalidDateVector("20221201", "a year has four digits"),
        InvalidDateVector("?", "a qualifier"),
        InvalidDateVector("since", "not a date form"),
    ])
    func rejects(vector: InvalidDateVector) {
        vector.expectParseFailure()
    }

    @Test func errorNamesTheTrimmedInput() {
        do {
            _ = try TimelineDate.parse("  31 June 2022 ")
            Issue.record("should fail")
        } catch {
            #expect(error.description == "'31 June 2022' is not a valid date: June 2022 has 30 days.")
        }
    }
}
