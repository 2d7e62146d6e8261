/// How much of the calendar a date pins down. Raw values are stored and exported.
public enum DatePrecision: String, Sendable, CaseIterable {
    case day
    case month
    case season
    case quarter
    case halfYear = "half-year"
    case year
    case decade
    case century
    /// A span between two dates (`2019/2022-12-31`, `2019/..`), each end with its own precision.
    case interval
}
