/// A day of the proleptic Gregorian calendar, in years 0 through 9999.
///
/// Four-digit years are all EDTF level 0 and 1 can write without an exponent, so the range
/// keeps every stored date printable as `YYYY-MM-DD`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The years a day may have.
    static let yearRange = 0...9999

    /// Day numbers of 0000-01-01 and 9999-12-31.
    static let dayNumberRange = -719_528...2_932_896

    /// Nil when the day does not exist (month 13, 30 February, year 10000…).
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDay.yearRange.contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDay.daysInMonth(month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For callers that have already checked the parts.
    init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first and last day of a month (the month must exist).
    static func firstDay(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(checkedYear: year, month: month, day: 1)
    }

    static func lastDay(ofMonth month: Int, year: Int) -> CalendarDay {
        CalendarDay(checkedYear: year, month: month, day: daysInMonth(month, year: year))
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String { iso }
}
