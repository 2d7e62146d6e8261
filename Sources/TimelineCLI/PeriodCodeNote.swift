import TimelineCore

extension PeriodCodeAsYears {
    /// The note for an option's date in EDTF's season, quarter or half-year form that reads as a
    /// span of years in prose (`--date 2019-22`: summer 2019, not 2019 to 2022), with what to
    /// write for the years; nil for any other date.
    static func note(_ flag: String, _ text: String?) -> String? {
        guard let text, let reading = reading(in: text) else { return nil }
        return "note: \(flag) '\(text)' is EDTF for \(reading.periodName); for the years \(reading.year) to \(reading.end), write \(reading.yearsForm)."
    }
}
