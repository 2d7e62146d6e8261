import SQLiteStorage

extension Measure {
    /// A figure with what its label needs, from a `measures` row's quantity, value, unit,
    /// approximate and qualifier columns, in this order from `first` on; entity, source and note
    /// are left out.
    init(labelledFrom row: Statement, at first: Int32) {
        self.init(quantity: row.text(at: first), value: row.text(at: first + 1), unit: row.text(at: first + 2),
                  approximate: row.bool(at: first + 3), qualifier: row.optionalText(at: first + 4))
    }
}
