import CSQLite

extension Database {
    /// Inserts every row of the table `table` of the database `source` (another connection)
    /// into the table of that name here, in the order read, each value bound as it is stored:
    /// no conversion through Swift values, no copy of text or blobs beyond SQLite's own. Both
    /// tables must have the same columns in the same order; returns the number of rows copied.
    @discardableResult
    public func copyRows(of table: String, from source: Database) throws -> Int {
        let name = SQLLiteral.identifier(table)
        let read = try source.prepare("SELECT * FROM \(name)")
        let columns = read.columnCount
        guard columns > 0 else { return 0 }
        let write = try prepare("INSERT INTO \(name) VALUES (\((1...columns).map { "?\($0)" }.joined(separator: ", ")))")
        var copied = 0
        while try read.step() {
            for column in 0..<columns {
                try check(sqlite3_bind_value(write.handle, column + 1, sqlite3_column_value(read.handle, column)), sql: write.sql)
            }
            defer { write.reset() }
            try write.step()
            copied += 1
        }
        return copied
    }
}
