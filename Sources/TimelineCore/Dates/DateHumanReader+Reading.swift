extension DateHumanReader {
    /// A date as written, before its year is settled and it becomes a `TimelineDate`.
    struct Reading {
        enum Shape {
            case day(month: Int, day: Int)
            case month(Int)
            case season(Int)
            case quarter(Int)
            case halfYear(Int)
            /// 1 early, 2 mid, 3 late: January–April, May–August, September–December.
            case third(Int)
            /// 1 early, 2 mid, 3 late of a month: its days 1–10, 11–20, 21 to its end.
            case monthThird(Int, month: Int)
            /// 1 early, 2 mid, 3 late of a decade: its years 0–3, 4–6, 7–9.
            case decadeThird(Int, firstYear: Int)
            case decade(firstYear: Int)
            case century(firstYear: Int)
            /// The `1` of `1–5 December 2022`, which takes its month and year from the other end.
            case bareDay(Int)
            /// Read whole already: EDTF inside a human form, or a relative date.
            case complete(TimelineDate)
        }

        var shape: Shape
        /// Nil when not written: it then comes from the interval's other end or the reference.
        var year: Int?
        var approximate = false
        var uncertain = false

        init(_ shape: Shape, year: Int? = nil) {
            self.shape = shape
            self.year = year
        }

        /// True when the date means nothing until it has a year.
        var needsYear: Bool {
            guard year == nil else { return false }
            switch shape {
            case .day, .month, .season, .quarter, .halfYear, .third, .monthThird: return true
            case .decade, .decadeThird, .century, .bareDay, .complete: return false
            }
        }

        /// The period the reading names in `year`; nil for thirds, bare days and complete dates.
        func period(in year: Int) -> TimelineDate.Period? {
            switch shape {
            case .day(let month, let day): .day(year: year, month: month, day: day)
            case .month(let month): .month(year: year, month: month)
            case .season(let season): .season(year: year, season: season)
            case .quarter(let quarter): .quarter(year: year, quarter: quarter)
            case .halfYear(let half): .halfYear(year: year, half: half)
            case .decade(let firstYear): .decade(firstYear: firstYear)
            case .century(let firstYear): .century(firstYear: firstYear)
            case .third, .monthThird, .decadeThird, .bareDay, .complete: nil
            }
        }

        /// The first and last day the reading covers in `year`; nil when it does not exist then.
        func span(in year: Int) -> ClosedRange<CalendarDay>? {
            if case .third(let third) = shape {
                guard CalendarDay.yearRange.contains(year) else { return nil }
                return CalendarDay.firstDay(ofMonth: third * 4 - 3, year: year)...CalendarDay.lastDay(ofMonth: third * 4, year: year)
            }
            if case .monthThird(let third, let month) = shape {
                guard CalendarDay.yearRange.contains(year) else { return nil }
                let days = DateHumanReader.monthThirdDays(third, month: month, year: year)
                return CalendarDay(checkedYear: year, month: month, day: days.lowerBound)...CalendarDay(checkedYear: year, month: month, day: days.upperBound)
            }
            if case .decadeThird(let third, let firstYear) = shape {
                let years = DateHumanReader.decadeThirdYears(third)
                guard CalendarDay.yearRange.contains(firstYear + years.upperBound) else { return nil }
                return CalendarDay.firstDay(ofMonth: 1, year: firstYear + years.lowerBound)...CalendarDay.lastDay(ofMonth: 12, year: firstYear + years.upperBound)
            }
            if case .complete(let date) = shape {
                guard let first = date.earliest ?? date.latest, let last = date.latest ?? date.earliest else { return nil }
                return first...last
            }
            guard let period = period(in: year), period.problem == nil else { return nil }
            return period.earliest...period.latest
        }

        /// A year the reading fixes, for the other end of an interval to share.
        var knownYear: Int? {
            if let year { return year }
            switch shape {
            case .decade(let firstYear), .decadeThird(_, let firstYear), .century(let firstYear): return firstYear
            case .complete(let date): return (date.earliest ?? date.latest)?.year
            default: return nil
            }
        }
    }
}
