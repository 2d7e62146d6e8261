import CSQLite

/// Building an R*Tree in one pass, instead of one insert at a time.
extension Database {
    /// Fills an empty one-dimensional `rtree_i32` table (`CREATE VIRTUAL TABLE t USING
    /// rtree_i32(id, low, high)`) with the rows `query` gives, each `(rowid, low, high)`, packed
    /// into full nodes in the order the query gives them, rows of each `group` apart.
    ///
    /// Inserting a row into an R*Tree chooses a leaf, rewrites it, and splits it when full: about
    /// 5 µs a row in SQLite's module. Packing writes each node once, from rows already in order, in
    /// SQLite's own node format (which the file format keeps stable): a 2-byte depth (the root's),
    /// a 2-byte cell count, then cells of an 8-byte rowid or child node number and two 4-byte
    /// coordinates, all big-endian; `t_rowid` maps each row to its leaf, `t_parent` each node
    /// but the root to its parent.
    ///
    /// Rows that share a node should be close in both coordinates, or every query near the node's
    /// bounds visits it: with rows ordered by `low`, one long row would stretch a leaf of short
    /// ones. So each `group(low, high)` (say, the rows of one order of magnitude of length) fills
    /// leaves of its own, in the query's order, and the levels above take the leaves group by
    /// group. `rtreecheck('t')` holds the result to SQLite's own rules.
    ///
    /// All or nothing (a savepoint); throws when the table is not an empty one-dimensional
    /// `rtree_i32`, or when a row's coordinates are not 32-bit integers with low <= high.
    public func packRTree(_ table: String, rows query: String, arguments: [SQLValue] = [],
                          group: (_ low: Int32, _ high: Int32) -> Int = { _, _ in 0 }) throws {
        try savepoint("pack_rtree") {
            try RTreePacker(database: self, table: table).pack(rows: query, arguments: arguments, group: group)
        }
    }
}

/// The work of `Database.packRTree`: one level of nodes at a time, leaves first.
private struct RTreePacker {
    let database: Database
    let table: String
    let nodeSize: Int
    let capacity: Int
    let insertNode: Statement
    let insertParent: Statement

    private static let cellSize = 16
    /// Each row's leaf node, in packing order (a temporary table).
    private static let mappingTable = "pack_rtree_rows"

    /// A node written, as its parent's cell will describe it.
    struct Cell {
        var number: Int64
        var low: Int32
        var high: Int32
    }

    init(database: Database, table: String) throws {
        self.database = database
        self.table = table
        let definition = try database.scalar(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", [.text(table)])
        guard case .text(let sql)? = definition, sql.lowercased().contains("using rtree_i32"),
              try database.prepare("SELECT count(*) FROM pragma_table_info(?1)").first([.text(table)], { $0.int64(at: 0) }) == 3
        else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "\(table) is not a one-dimensional rtree_i32 table, so it cannot be packed")
        }
        let node = Self.shadow(table, "node")
        guard case .blob(let root)? = try database.scalar("SELECT data FROM \(node) WHERE nodeno = 1"),
              root.count >= 4 + Self.cellSize, root[2] == 0, root[3] == 0,
              try database.scalar("SELECT 1 FROM \(Self.shadow(table, "rowid")) LIMIT 1") == nil
        else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "\(table) is not empty, so it cannot be packed")
        }
        // Every node is as long as the root: SQLite reads the size from it when it opens the table.
        nodeSize = root.count
        capacity = (root.count - 4) / Self.cellSize
        insertNode = try database.prepare("INSERT INTO \(node) (nodeno, data) VALUES (?1, ?2)")
        insertParent = try database.prepare("INSERT INTO \(Self.shadow(table, "parent")) (nodeno, parentnode) VALUES (?1, ?2)")
    }

    static func shadow(_ table: String, _ suffix: String) -> String {
        SQLLiteral.identifier(table + "_" + suffix)
    }

    func pack(rows query: String, arguments: [SQLValue], group: (Int32, Int32) -> Int) throws {
        // Each row's leaf, gathered in packing order and written to `t_rowid` sorted by rowid:
        // written as they come, a million rowids in random order would each touch a random page.
        try database.execute("CREATE TEMP TABLE \(Self.mappingTable) (row INTEGER, node INTEGER)")
        defer { try? database.execute("DROP TABLE IF EXISTS temp.\(Self.mappingTable)") }
        let mapRow = try database.prepare("INSERT INTO temp.\(Self.mappingTable) (row, node) VALUES (?1, ?2)")

        var nextNode: Int64 = 2
        var leaves: [Int: LeafRun] = [:]
        let rows = try database.prepare(query)
        try rows.bind(arguments)
        func mapRows(_ ids: [Int64], to node: Int64) throws {
            for id in ids {
                try mapRow.bind(id, at: 1)
                try mapRow.bind(node, at: 2)
                try mapRow.step()
                mapRow.reset()
            }
        }
        while try rows.step() {
            let rowID = rows.int64(at: 0)
            guard let low = Int32(exactly: rows.int64(at: 1)), let high = Int32(exactly: rows.int64(at: 2)), low <= high else {
                throw SQLiteError(code: SQLITE_MISUSE, message: "row \(rowID) for \(table) has coordinates \(rows.value(at: 1)), \(rows.value(at: 2)), which are not 32-bit integers in order", sql: query)
            }
            let key = group(low, high)
            let run: LeafRun
            if let existing = leaves[key] {
                run = existing
            } else {
                run = LeafRun(nodeSize: nodeSize)
                leaves[key] = run
            }
            if run.node.count == capacity {
                run.written.append(try write(&run.node, as: nextNode))
                try mapRows(run.rows, to: nextNode)
                run.rows.removeAll(keepingCapacity: true)
                nextNode += 1
            }
            run.node.append(Cell(number: rowID, low: low, high: high))
            run.rows.append(rowID)
        }
        let groups = leaves.keys.sorted()
        guard !groups.isEmpty else { return }
        if groups.count == 1, let only = leaves[groups[0]], only.written.isEmpty {
            // Few enough rows for one node: the root is the leaf.
            only.node.setDepth(0)
            try database.execute("UPDATE \(Self.shadow(table, "node")) SET data = ?1 WHERE nodeno = 1", [.blob(only.node.bytes)])
            try mapRows(only.rows, to: 1)
        } else {
            var level: [Cell] = []
            for key in groups {
                guard let run = leaves[key] else { continue }
                if run.node.count > 0 {
                    run.written.append(try write(&run.node, as: nextNode))
                    try mapRows(run.rows, to: nextNode)
                    nextNode += 1
                }
                level += run.written
            }
            var depth: Int16 = 1
            while level.count > capacity {
                var parents: [Cell] = []
                var parent = NodeBuilder(size: nodeSize)
                for child in level {
                    if parent.count == capacity {
                        parents.append(try write(&parent, as: nextNode))
                        nextNode += 1
                    }
                    parent.append(child)
                    try insertParent.run([.integer(child.number), .integer(nextNode)])
                }
                parents.append(try write(&parent, as: nextNode))
                nextNode += 1
                level = parents
                depth += 1
            }
            var root = NodeBuilder(size: nodeSize)
            for child in level {
                root.append(child)
                try insertParent.run([.integer(child.number), .integer(1)])
            }
            root.setDepth(depth)
            try database.execute("UPDATE \(Self.shadow(table, "node")) SET data = ?1 WHERE nodeno = 1", [.blob(root.bytes)])
        }
        try database.execute(
            "INSERT INTO \(Self.shadow(table, "rowid")) (rowid, nodeno) SELECT row, node FROM temp.\(Self.mappingTable) ORDER BY row")
    }

    /// Writes a full (or the last) node of a level and starts the next one.
    private func write(_ node: inout NodeBuilder, as number: Int64) throws -> Cell {
        try insertNode.run([.integer(number), .blob(node.bytes)])
        let cell = Cell(number: number, low: node.low, high: node.high)
        node.removeAll()
        return cell
    }
}

/// One group's leaves: the leaf being filled, the rows in it, and the leaves written.
private final class LeafRun {
    var node: NodeBuilder
    var rows: [Int64] = []
    var written: [RTreePacker.Cell] = []

    init(nodeSize: Int) {
        node = NodeBuilder(size: nodeSize)
    }
}

/// The bytes of one node, filled a cell at a time, with the bounds of its cells.
private struct NodeBuilder {
    private(set) var bytes: [UInt8]
    private(set) var count = 0
    private(set) var low = Int32.max
    private(set) var high = Int32.min

    init(size: Int) {
        bytes = [UInt8](repeating: 0, count: size)
    }

    mutating func append(_ cell: RTreePacker.Cell) {
        var offset = 4 + count * 16
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes[offset] = UInt8(truncatingIfNeeded: cell.number >> Int64(shift))
            offset += 1
        }
        for value in [cell.low, cell.high] {
            let bits = UInt32(bitPattern: value)
            for shift in stride(from: 24, through: 0, by: -8) {
                bytes[offset] = UInt8(truncatingIfNeeded: bits >> UInt32(shift))
                offset += 1
            }
        }
        count += 1
        bytes[2] = UInt8(count >> 8)
        bytes[3] = UInt8(count & 0xFF)
        low = min(low, cell.low)
        high = max(high, cell.high)
    }

    /// The tree's depth, kept in the root's first two bytes (zero in every other node).
    mutating func setDepth(_ depth: Int16) {
        bytes[0] = UInt8(depth >> 8)
        bytes[1] = UInt8(depth & 0xFF)
    }

    mutating func removeAll() {
        for index in bytes.indices { bytes[index] = 0 }
        count = 0
        low = .max
        high = .min
    }
}
