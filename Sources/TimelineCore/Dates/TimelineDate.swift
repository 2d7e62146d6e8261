/// A real-world date at the precision its sources allow, stored as EDTF (ISO 8601-2).
///
/// Every date covers a span of days, `earliest...latest` (both inclusive): `2022-12` is
/// 2022-12-01…2022-12-31, `2022-34` (Q2) is 2022-04-01…2022-06-30. Intervals (`2019/2022-12-31`)
/// keep their two ends as dates of their own; an open (`..`) or unknown (empty) end has no day.
public struct TimelineDate: Hashable, Sendable, CustomStringConvertible {
    /// Normalised EDTF text: `2022-34`, `2019~`, `2019-09/2022-12-31`, `2019/..`.
    public var edtf: String
    /// First possible day, inclusive; nil for an open or unknown start.
    public var earliest: CalendarDay?
    /// Last possible day, inclusive; nil for an open or unknown end.
    public var latest: CalendarDay?
    /// `.interval` for intervals.
    public var precision: DatePrecision
    /// `~` (or `%`); for an interval, true when either end is approximate.
    public var approximate: Bool
    /// `?` (or `%`); for an interval, true when either end is uncertain.
    public var uncertain: Bool
    public var isInterval: Bool
    /// What each end of an interval is; nil for a single date.
    public var startKind: IntervalEnd?
    public var endKind: IntervalEnd?

    /// A date's ends are dates themselves, so they are held indirectly.
    private var startStorage: IntervalEndStorage?
    private var endStorage: IntervalEndStorage?

    public enum IntervalEnd: String, Sendable {
        /// The end is a date (`start`/`end` holds it).
        case date
        /// `..`: the interval runs on without limit ("since 2019").
        case open
        /// Empty: the interval has an end that is not known ("2019 – ?").
        case unknown
    }

    private indirect enum IntervalEndStorage: Hashable, Sendable {
        case date(TimelineDate)

        var date: TimelineDate {
            switch self { case .date(let date): date }
        }
    }

    /// An interval's start; nil for a single date or an open or unknown start (see `startKind`).
    public var start: TimelineDate? {
        get { startStorage?.date }
        set { startStorage = newValue.map(IntervalEndStorage.date) }
    }

    /// An interval's end; nil for a single date or an open or unknown end (see `endKind`).
    public var end: TimelineDate? {
        get { endStorage?.date }
        set { endStorage = newValue.map(IntervalEndStorage.date) }
    }

    public var description: String { edtf }

    /// A single (non-interval) date.
    init(edtf: String, period: Period, approximate: Bool, uncertain: Bool) {
        self.edtf = edtf
        self.earliest = period.earliest
        self.latest = period.latest
        self.precision = period.precision
        self.approximate = approximate
        self.uncertain = uncertain
        self.isInterval = false
    }

    /// An interval; `edtf` is the ends' texts joined by `/` unless given.
    init(intervalFrom start: IntervalSide, to end: IntervalSide, edtf: String? = nil) {
        self.edtf = edtf ?? start.edtf + "/" + end.edtf
        self.earliest = start.date?.earliest
        self.latest = end.date?.latest
        self.precision = .interval
        self.approximate = start.date?.approximate == true || end.date?.approximate == true
        self.uncertain = start.date?.uncertain == true || end.date?.uncertain == true
        self.isInterval = true
        self.startKind = start.kind
        self.endKind = end.kind
        self.startStorage = start.date.map(IntervalEndStorage.date)
        self.endStorage = end.date.map(IntervalEndStorage.date)
    }
}
