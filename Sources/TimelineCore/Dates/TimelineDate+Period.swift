extension TimelineDate {
    /// The span of the calendar a single (non-interval) date names, before qualifiers.
    ///
    /// Parsing builds one, checks it with `problem`, and takes precision, days and canonical EDTF
    /// from it; display rebuilds one from a date's precision and first day.
    enum Period: Hashable, Sendable {
        case day(year: Int, month: Int, day: Int)
        case month(year: Int, month: Int)
        /// 1 spring (March–May), 2 summer, 3 autumn, 4 winter (December to February of the next year).
        case season(year: Int, season: Int)
        case quarter(year: Int, quarter: Int)
        case halfYear(year: Int, half: Int)
        case year(Int)
        /// `201X`: the first year ends in 0.
        case decade(firstYear: Int)
        /// `19XX`: the first year ends in 00 (1900…1999, as EDTF counts it).
        case century(firstYear: Int)

        var year: Int {
            switch self {
            case .day(let year, _, _), .month(let year, _), .season(let year, _), .quarter(let year, _),
                 .halfYear(let year, _), .year(let year), .decade(let year), .century(let year):
                year
            }
        }

        var precision: DatePrecision {
            switch self {
            case .day: .day
            case .month: .month
            case .season: .season
            case .quarter: .quarter
            case .halfYear: .halfYear
            case .year: .year
            case .decade: .decade
            case .century: .century
            }
        }

        /// Why the period does not exist, or nil when it does.
        var problem: String? {
            guard CalendarDay.yearRange.contains(year) else {
                return "year \(year) is outside the years supported (0 to 9999)"
            }
            switch self {
            case .day(let year, let month, let day):
                guard (1...12).contains(month) else { return "there is no month \(month)" }
                let length = CalendarDay.daysInMonth(month, year: year)
                if day < 1 { return "there is no day \(day) in a month" }
                if day > length {
                    let monthYear = "\(Period.englishMonthNames[month - 1]) \(year) has \(length) days"
                    return month == 2 && day == 29 ? monthYear + " (\(year) is not a leap year)" : monthYear
                }
            case .month(_, let month):
                guard (1...12).contains(month) else { return "there is no month \(month)" }
            case .season(let year, let season):
                guard (1...4).contains(season) else { return "there is no season \(season)" }
                if season == 4 && year == CalendarDay.yearRange.upperBound {
                    return "winter \(year) ends in the year \(year + 1), after the last year supported"
                }
            case .quarter(_, let quarter):
                guard (1...4).contains(quarter) else { return "there is no quarter \(quarter) (quarters are 1 to 4)" }
            case .halfYear(_, let half):
                guard (1...2).contains(half) else { return "there is no half-year \(half) (half-years are 1 and 2)" }
            case .year, .decade, .century:
                break
            }
            return nil
        }

        /// The first day (the period must have no `problem`).
        var earliest: CalendarDay {
            switch self {
            case .day(let year, let month, let day): CalendarDay(checkedYear: year, month: month, day: day)
            case .month(let year, let month): .firstDay(ofMonth: month, year: year)
            case .season(let year, let season): .firstDay(ofMonth: season * 3, year: year)
            case .quarter(let year, let quarter): .firstDay(ofMonth: quarter * 3 - 2, year: year)
            case .halfYear(let year, let half): .firstDay(ofMonth: half * 6 - 5, year: year)
            case .year(let year), .decade(let year), .century(let year): .firstDay(ofMonth: 1, year: year)
            }
        }

        /// The last day (the period must have no `problem`).
        var latest: CalendarDay {
            switch self {
            case .day: earliest
            case .month(let year, let month): .lastDay(ofMonth: month, year: year)
            case .season(let year, let season):
                season == 4 ? .lastDay(ofMonth: 2, year: year + 1) : .lastDay(ofMonth: season * 3 + 2, year: year)
            case .quarter(let year, let quarter): .lastDay(ofMonth: quarter * 3, year: year)
            case .halfYear(let year, let half): .lastDay(ofMonth: half * 6, year: year)
            case .year(let year): .lastDay(ofMonth: 12, year: year)
            case .decade(let year): .lastDay(ofMonth: 12, year: year + 9)
            case .century(let year): .lastDay(ofMonth: 12, year: year + 99)
            }
        }

        /// Canonical EDTF without qualifier: `2022-12-01`, `2022-34`, `201X`.
        var edtf: String {
            let yyyy = CalendarDay.zeroPadded(year, width: 4)
            switch self {
            case .day(_, let month, let day):
                return yyyy + "-" + CalendarDay.zeroPadded(month, width: 2) + "-" + CalendarDay.zeroPadded(day, width: 2)
            case .month(_, let month): return yyyy + "-" + CalendarDay.zeroPadded(month, width: 2)
            case .season(_, let season): return yyyy + "-" + String(20 + season)
            case .quarter(_, let quarter): return yyyy + "-" + String(32 + quarter)
            case .halfYear(_, let half): return yyyy + "-" + String(39 + half)
            case .year: return yyyy
            case .decade: return String(yyyy.prefix(3)) + "X"
            case .century: return String(yyyy.prefix(2)) + "XX"
            }
        }

        /// The period of the same kind `step` periods later (earlier when negative): the one
        /// before `2020` is `2019`, the one after `Q4 2021` is `Q1 2022`; nil outside years 0–9999.
        func shifted(by step: Int) -> Period? {
            /// A count of periods `perYear` a year since year 0, back to a year and a number (1-based).
            func split(_ total: Int, _ perYear: Int) -> (year: Int, number: Int) {
                (total >= 0 ? total / perYear : (total - perYear + 1) / perYear, ((total % perYear) + perYear) % perYear + 1)
            }
            let shifted: Period
            switch self {
            case .day(let year, let month, let day):
                let number = CalendarDay(checkedYear: year, month: month, day: day).dayNumber + step
                guard CalendarDay.dayNumberRange.contains(number) else { return nil }
                let next = CalendarDay(dayNumber: number)
                shifted = .day(year: next.year, month: next.month, day: next.day)
            case .month(let year, let month):
                let (y, m) = split(year * 12 + month - 1 + step, 12)
                shifted = .month(year: y, month: m)
            case .season(let year, let season):
                let (y, s) = split(year * 4 + season - 1 + step, 4)
                shifted = .season(year: y, season: s)
            case .quarter(let year, let quarter):
                let (y, q) = split(year * 4 + quarter - 1 + step, 4)
                shifted = .quarter(year: y, quarter: q)
            case .halfYear(let year, let half):
                let (y, h) = split(year * 2 + half - 1 + step, 2)
                shifted = .halfYear(year: y, half: h)
            case .year(let year): shifted = .year(year + step)
            case .decade(let year): shifted = .decade(firstYear: year + 10 * step)
            case .century(let year): shifted = .century(firstYear: year + 100 * step)
            }
            return (0...9999).contains(shifted.year) ? shifted : nil
        }

        /// The period a single date of this precision starting on `earliest` names.
        init?(precision: DatePrecision, earliest day: CalendarDay) {
            switch precision {
            case .day: self = .day(year: day.year, month: day.month, day: day.day)
            case .month: self = .month(year: day.year, month: day.month)
            case .season: self = .season(year: day.year, season: max(1, day.month / 3))
            case .quarter: self = .quarter(year: day.year, quarter: (day.month - 1) / 3 + 1)
            case .halfYear: self = .halfYear(year: day.year, half: day.month <= 6 ? 1 : 2)
            case .year: self = .year(day.year)
            case .decade: self = .decade(firstYear: day.year - day.year % 10)
            case .century: self = .century(firstYear: day.year - day.year % 100)
            case .interval: return nil
            }
        }

        /// For error messages, which are in English.
        static let englishMonthNames = [
            "January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December",
        ]
    }

    /// A single date of `period`, whose EDTF is the period's canonical text plus the qualifier.
    init(period: Period, approximate: Bool = false, uncertain: Bool = false) {
        let qualifier = approximate && uncertain ? "%" : approximate ? "~" : uncertain ? "?" : ""
        self.init(edtf: period.edtf + qualifier, period: period, approximate: approximate, uncertain: uncertain)
    }
}
