import SQLiteStorage

/// A date as an event's row stores it: its EDTF and the columns worked out from it.
struct StoredDate: Equatable {
    var edtf: String?
    var earliest: String?
    var latest: String?
    var precision: String?
    var approximate: Bool
    var uncertain: Bool

    /// The twelve columns of an event's two dates, `when` then `announced`, in the order
    /// `init(_:from:)` reads them (from some column, then six on).
    static let eventColumns = ["when", "announced"].map { date in
        ["edtf", "earliest", "latest", "precision", "approximate", "uncertain"].map { "\(date)_\($0)" }.joined(separator: ", ")
    }.joined(separator: ", ")

    /// The six columns from `first` on: edtf, earliest, latest, precision, approximate, uncertain.
    init(_ row: Statement, from first: Int32) {
        edtf = row.optionalText(at: first)
        earliest = row.optionalText(at: first + 1)
        latest = row.optionalText(at: first + 2)
        precision = row.optionalText(at: first + 3)
        approximate = row.int(at: first + 4) != 0
        uncertain = row.int(at: first + 5) != 0
    }

    /// The columns as the writer stores them for `date`.
    init(_ date: TimelineDate) {
        edtf = date.edtf
        earliest = date.earliest?.iso
        latest = date.latest?.iso
        precision = date.precision.rawValue
        approximate = date.approximate
        uncertain = date.uncertain
    }

    /// `2010-01-01 … 2019-12-31, decade`, with `approximate` and `uncertain` when set.
    var summary: String {
        var parts = ["\(earliest ?? "open") … \(latest ?? "open")", precision ?? "no precision"]
        if approximate { parts.append("approximate") }
        if uncertain { parts.append("uncertain") }
        return parts.joined(separator: ", ")
    }
}
