import Testing
@testable import TimelineCore

@Suite("CalendarDay")
struct CalendarDayTests {
    @Test("leap years follow the Gregorian rule", arguments: [
        (2000, true), (1900, false), (2024, true), (2023, false), (2100, false), (0, true), (1600, true),
    ])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CalendarDay.isLeapYear(year) == isLeap)
    }

    @Test func monthLengths() {
        #expect(CalendarDay.daysInMonth(2, year: 2024) == 29)
        #expect(CalendarDay.daysInMonth(2, year: 2023) == 28)
        #expect(CalendarDay.daysInMonth(2, year: 1900) == 28)
        #expect(CalendarDay.daysInMonth(4, year: 2023) == 30)
        #expect(CalendarDay.daysInMonth(12, year: 2023) == 31)
        #expect(CalendarDay.daysInMonth(13, year: 2023) == 0)
    }

    @Test func impossibleDaysAreNil() {
        #expect(CalendarDay(year: 2022, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2022, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2022, month: 0, day: 1) == nil)
        #expect(CalendarDay(year: 2022, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 10000, month: 1, day: 1) == nil)
        #expect(CalendarDay(year: -1, month: 1, day: 1) == nil)
    }

    @Test("strict ISO text", arguments: [
        ("2022-12-01", "2022-12-01"), ("0000-01-01", "0000-01-01"), ("2024-02-29", "2024-02-29"),
    ])
    func isoRoundTrip(text: String, expected: String) {
        #expect(CalendarDay(iso: text)?.iso == expected)
        #expect(CalendarDay(iso: text)?.description == expected)
    }

    /// Every digit of every place: the text is the fields zero-padded, and reads back as the day.
    @Test func isoTextOfDaysAcrossTheWholeRange() {
        func padded(_ value: Int, _ width: Int) -> String {
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        let years = [0, 1, 9, 10, 99, 100, 999, 1000, 1969, 2022, 5678, 9998, 9999]
        for year in years {
            for month in 1...12 {
                for day in 1...CalendarDay.daysInMonth(month, year: year) {
                    let calendarDay = CalendarDay(year: year, month: month, day: day)!
                    let expected = padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
                    if calendarDay.iso != expected || CalendarDay(iso: calendarDay.iso) != calendarDay {
                        Issue.record("\(year)-\(month)-\(day) is written \(calendarDay.iso), not \(expected)")
                        return
                    }
                }
            }
        }
    }

    @Test("not strict ISO", arguments: ["2022-2-01", "2022-12-1", "20221201", "2022/12/01", "2023-02-29", " 2022-12-01", "2022-12-01T00", ""])
    func isoRejects(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test("day numbers count from 1970-01-01", arguments: [
        ("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017),
        ("2022-12-01", 19_327), ("0000-01-01", -719_528), ("9999-12-31", 2_932_896),
    ])
    func dayNumbers(text: String, number: Int) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.dayNumber == number)
        #expect(CalendarDay(dayNumber: number) == day)
    }

    @Test func dayNumbersRoundTripEveryDayOfFourCenturies() {
        var previous = CalendarDay(year: 1899, month: 12, day: 31)!.dayNumber
        for year in 1900...2300 {
            for month in 1...12 {
                for day in 1...CalendarDay.daysInMonth(month, year: year) {
                    let calendarDay = CalendarDay(year: year, month: month, day: day)!
                    let number = calendarDay.dayNumber
                    #expect(number == previous + 1)
                    previous = number
                    if CalendarDay(dayNumber: number) != calendarDay {
                        Issue.record("\(calendarDay) does not round-trip")
                        return
                    }
                }
            }
        }
    }

    @Test func ordering() {
        let days = ["2022-12-01", "2021-12-31", "2022-01-15", "2022-12-31"].compactMap { CalendarDay(iso: $0) }
        #expect(days.sorted().map(\.iso) == ["2021-12-31", "2022-01-15", "2022-12-01", "2022-12-31"])
    }

    @Test func arithmetic() {
        let day = CalendarDay(year: 2024, month: 3, day: 31)!
        #expect(day.adding(months: -1)?.iso == "2024-02-29")
        #expect(day.adding(months: -13)?.iso == "2023-02-28")
        #expect(day.adding(months: 1)?.iso == "2024-04-30")
        #expect(day.adding(days: -31)?.iso == "2024-02-29")
        #expect(day.isoWeekday == 7)  // a Sunday
        #expect(CalendarDay(year: 1970, month: 1, day: 1)!.isoWeekday == 4)
        #expect(CalendarDay(year: 9999, month: 12, day: 31)!.adding(days: 1) == nil)
        #expect(CalendarDay(year: 0, month: 1, day: 31)!.adding(months: -1) == nil)
    }
}
