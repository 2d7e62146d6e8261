/// The time axis of the HTML timeline: which days it covers, where each day falls, and its ticks.
///
/// Its width grows with the span (within limits), so that many events stay apart and the page
/// scrolls sideways instead of squeezing them; ticks follow the span: months for a short one,
/// years, then decades and centuries for very long ones.
struct TimelineAxis: Equatable, Sendable {
    /// How many pixels the axis takes for a span.
    struct WidthPolicy: Equatable, Sendable {
        var pixelsPerYear: Double
        var minimumWidth: Double
        var maximumWidth: Double

        init(pixelsPerYear: Double = 300, minimumWidth: Double = 880, maximumWidth: Double = 24_000) {
            self.pixelsPerYear = pixelsPerYear
            self.minimumWidth = minimumWidth
            self.maximumWidth = maximumWidth
        }
    }

    /// The calendar unit of the labelled ticks.
    enum TickUnit: String, Sendable {
        case month, year, decade, century

        /// Months between labelled ticks.
        var months: Int {
            switch self {
            case .month: 1
            case .year: 12
            case .decade: 120
            case .century: 1200
            }
        }

        /// Months between the finer, unlabelled ticks, which are also what the ends round to.
        var minorMonths: Int {
            switch self {
            case .month: 1
            case .year: 3
            case .decade: 12
            case .century: 120
            }
        }
    }

    /// A vertical grid line.
    struct Tick: Equatable, Sendable {
        var x: Double
        var isMajor: Bool
    }

    /// A tick label, centred on the stretch of axis it names.
    struct TickLabel: Equatable, Sendable {
        var text: String
        var x: Double
        /// 0 for the main row; 1 for the years above a month axis.
        var row: Int
    }

    /// Day number (days since 1970-01-01) of the left edge.
    let firstDay: Int
    /// Day number just past the right edge.
    let endDay: Int
    /// Where the left edge is drawn.
    let left: Double
    let width: Double
    let unit: TickUnit
    let ticks: [Tick]
    let labels: [TickLabel]

    var right: Double { left + width }
    var pixelsPerDay: Double { width / Double(endDay - firstDay) }

    /// The x of the start of a day (by day number).
    func x(_ dayNumber: Int) -> Double {
        left + Double(dayNumber - firstDay) * pixelsPerDay
    }

    /// The x of the start of a day.
    func x(_ day: CalendarDay) -> Double { x(day.dayNumber) }

    /// An axis over `first…last`, rounded out to the unit's finer ticks, with room beyond the data
    /// on a side where some event runs on without end.
    init(from first: CalendarDay, through last: CalendarDay, roomBefore: Bool = false, roomAfter: Bool = false,
         left: Double = 0, policy: WidthPolicy = WidthPolicy(), language: DateDisplayLanguage = .english) {
        let spanDays = last.dayNumber - first.dayNumber + 1
        let unit: TickUnit =
            spanDays <= 731 ? .month : spanDays <= 30 * 366 ? .year : spanDays <= 300 * 366 ? .decade : .century
        let minor = unit.minorMonths
        let lastMonth = Self.monthIndex(last) + 1
        var startMonth = Self.floor(Self.monthIndex(first), to: minor)
        var endMonth = Self.floor(lastMonth + minor - 1, to: minor)
        // An open end needs some axis to run on: a tenth of the span, at least one finer tick.
        let room = max(minor, Self.floor((endMonth - startMonth) / 10 + minor - 1, to: minor))
        if roomBefore { startMonth -= room }
        if roomAfter { endMonth += room }
        startMonth = max(startMonth, 0)
        endMonth = min(endMonth, Self.monthCount)

        let firstDay = Self.dayNumber(ofMonthIndex: startMonth)
        let endDay = Self.dayNumber(ofMonthIndex: endMonth)
        let years = Double(endDay - firstDay) / 365.2425
        let width = min(max(years * policy.pixelsPerYear, policy.minimumWidth), policy.maximumWidth)
        let x = { (month: Int) in left + Double(Self.dayNumber(ofMonthIndex: month) - firstDay) * width / Double(endDay - firstDay) }

        var ticks: [Tick] = []
        var month = startMonth
        while month <= endMonth {
            ticks.append(Tick(x: x(month), isMajor: month % unit.months == 0))
            month += minor
        }
        self.unit = unit
        self.left = left
        self.firstDay = firstDay
        self.endDay = endDay
        self.width = width
        self.ticks = ticks
        self.labels = Self.labels(unit: unit, startMonth: startMonth, endMonth: endMonth, language: language, x: x)
    }

    /// Labels centred on each stretch between labelled ticks, left out where the stretch is too narrow.
    private static func labels(unit: TickUnit, startMonth: Int, endMonth: Int, language: DateDisplayLanguage,
                               x: (Int) -> Double) -> [TickLabel] {
        var labels: [TickLabel] = []
        func addLabels(every step: Int, row: Int, text: (Int) -> String) {
            var stretchStart = startMonth
            while stretchStart < endMonth {
                let stretchEnd = min(floor(stretchStart, to: step) + step, endMonth)
                let label = text(stretchStart)
                let (from, to) = (x(stretchStart), x(stretchEnd))
                if LabelTextWidth.width(label, fontSize: fontSize) + 6 <= to - from {
                    labels.append(TickLabel(text: label, x: (from + to) / 2, row: row))
                }
                stretchStart = stretchEnd
            }
        }
        switch unit {
        case .month:
            let names = language == .english ? DateDisplayWords.englishMonths : DateDisplayWords.frenchMonths
            addLabels(every: 1, row: 0) { names[$0 % 12] }
            addLabels(every: 12, row: 1) { CalendarDay.zeroPadded($0 / 12, width: 4) }
        case .year, .decade, .century:
            addLabels(every: unit.months, row: 0) { CalendarDay.zeroPadded(floor($0, to: unit.months) / 12, width: 4) }
        }
        return labels
    }

    /// Font size of the tick labels, in pixels.
    static let fontSize = 11.0

    /// Months from January of year 0 (to 9999-12, the last the calendar holds).
    private static let monthCount = 10_000 * 12

    private static func monthIndex(_ day: CalendarDay) -> Int { day.year * 12 + day.month - 1 }

    private static func floor(_ value: Int, to step: Int) -> Int { value / step * step }

    private static func dayNumber(ofMonthIndex index: Int) -> Int {
        if index >= monthCount { return CalendarDay(checkedYear: 9999, month: 12, day: 31).dayNumber + 1 }
        return CalendarDay.firstDay(ofMonth: index % 12 + 1, year: index / 12).dayNumber
    }
}
