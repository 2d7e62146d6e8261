/// Conversion to and from a count of days, for arithmetic and weekdays.
///
/// Uses Howard Hinnant's civil-from-days algorithms: exact for the proleptic Gregorian
/// calendar and free of loops and tables.
extension CalendarDay {
    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `dayNumber` days after 1970-01-01. The result must fall in years 0...9999.
    public init(dayNumber: Int) {
        precondition(CalendarDay.dayNumberRange.contains(dayNumber),
                     "day number \(dayNumber) is outside years 0...9999")
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(checkedYear: year, month: month, day: day)
    }

    /// The day `count` days later (earlier when negative); nil outside years 0...9999.
    func adding(days count: Int) -> CalendarDay? {
        let target = dayNumber + count
        guard CalendarDay.dayNumberRange.contains(target) else { return nil }
        return CalendarDay(dayNumber: target)
    }

    /// The same day `count` months later, clamped to the month's last day (31 March - 1 month = 28/29 February).
    func adding(months count: Int) -> CalendarDay? {
        let monthIndex = year * 12 + (month - 1) + count
        let newYear = monthIndex >= 0 ? monthIndex / 12 : -1
        guard CalendarDay.yearRange.contains(newYear) else { return nil }
        let newMonth = monthIndex % 12 + 1
        let newDay = min(day, CalendarDay.daysInMonth(newMonth, year: newYear))
        return CalendarDay(checkedYear: newYear, month: newMonth, day: newDay)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (dayNumber + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }
}
