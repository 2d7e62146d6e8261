import SQLiteStorage

/// The SQL that reads a query's events in order.
///
/// Either one statement selects the rows (`e.id`, then the columns) in order, as the whole timeline
/// is read along the date index; or, for a selection that has to be sorted, `sql` selects only the
/// ids, sorted, and `rowsSQL` reads the rows of a batch of them. Sorting whole rows (an event's
/// lists are a kilobyte or more) made SQLite spill a big selection to a temporary file and read it
/// back; sorting ids keeps the sort in memory, and each row is still read once.
struct EventSelection {
    /// Selects the rows in order, or, when `rowsSQL` is set, the ids in order.
    let sql: String
    let arguments: [SQLValue]
    /// Selects the rows (`e.id`, then the columns, then `e.uid` last) of the events whose ids are
    /// the JSON array `?1`, in any order; nil when `sql` selects the rows itself.
    let rowsSQL: String?
    /// Set when `sql` selects (id, earliest day, latest day) ordered by the days alone.
    let tieBreak: TieBreak?

    /// How ids in `sql`'s order become the selection's order: the events of a run with the same
    /// days are ordered by uid (a run that fits in a batch from its rows, read once; a longer one
    /// by `sql`, ids as the JSON array `?1`, ordered by uid); then `offset` and `limit` apply.
    struct TieBreak {
        let sql: String
        /// The order of `sql`'s uids, which a run read whole is sorted to here.
        let descending: Bool
        let offset: Int
        let limit: Int?
    }

    init(sql: String, arguments: [SQLValue], rowsSQL: String? = nil, tieBreak: TieBreak? = nil) {
        self.sql = sql
        self.arguments = arguments
        self.rowsSQL = rowsSQL
        self.tieBreak = tieBreak
    }

    /// Ids as a JSON array, for `json_each(?1)`: one short statement, prepared once, whatever the
    /// number of ids.
    static func jsonArray(of ids: some Collection<Int64>) -> [UInt8] {
        // Digits written straight into the bytes: `String(id)` for each made a string a row.
        var list: [UInt8] = [UInt8(ascii: "[")]
        list.reserveCapacity(ids.count * 8 + 2)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: any Int64 with its sign
        for id in ids {
            if list.count > 1 { list.append(UInt8(ascii: ",")) }
            if id < 0 { list.append(UInt8(ascii: "-")) }
            var magnitude = id.magnitude
            withUnsafeMutableBytes(of: &digits) { buffer in
                var start = buffer.count
                repeat {
                    start -= 1
                    buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    magnitude /= 10
                } while magnitude > 0
                list.append(contentsOf: buffer[start...])
            }
        }
        list.append(UInt8(ascii: "]"))
        return list
    }

    /// The rows of the events with these ids: `e.id`, then `columns` (of `events AS e`), then
    /// `e.uid`, which orders a run of tied events read whole.
    static func rowsSQL(columns: String) -> String {
        "SELECT e.id, \(columns), e.uid FROM events AS e WHERE e.id IN (SELECT value FROM json_each(?1))"
    }
}
