/// A connection's prepared statements by key: a short list searched in order (a command
/// caches a handful), then a Dictionary once there are many (an import caches dozens).
///
/// A Dictionary from the start would cost every process its first use: the runtime checks
/// `Key: Hashable` by scanning every protocol conformance in a static binary (2.5% of the
/// instructions of a 100-event `list`).
struct StatementCache<Key: Hashable> {
    static var listLimit: Int { 16 }

    private var list: [(key: Key, statement: Statement)] = []
    private var table: [Key: Statement]?

    subscript(key: Key) -> Statement? {
        if let table { return table[key] }
        for entry in list where entry.key == key { return entry.statement }
        return nil
    }

    /// Adds a statement for a key not cached yet.
    mutating func insert(_ statement: Statement, for key: Key) {
        if table != nil {
            table![key] = statement
        } else if list.count < Self.listLimit {
            list.append((key, statement))
        } else {
            var table = Dictionary(minimumCapacity: list.count * 2) as [Key: Statement]
            for entry in list { table[entry.key] = entry.statement }
            table[key] = statement
            self.table = table
            list = []
        }
    }

    mutating func removeAll() {
        list = []
        table = nil
    }
}
