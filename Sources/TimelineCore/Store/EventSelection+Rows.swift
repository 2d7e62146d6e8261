import SQLiteStorage

extension EventSelection {
    /// Steps through the selected events' rows a batch of at most `batchSize` events at a time:
    /// `row` is called with each row (`e.id`, then the columns) and the event's place in its batch,
    /// in any order within the batch; `endBatch` with the batch's size once all its rows were seen.
    /// Places follow the selection's order.
    func forEachRow(in database: Database, batchSize: Int, row: (Statement, Int) throws -> Void,
                    endBatch: (Int) throws -> Void) throws {
        let statement = try database.prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard let rowsSQL else {
            var count = 0
            while try statement.step() {
                try row(statement, count)
                count += 1
                if count == batchSize {
                    try endBatch(count)
                    count = 0
                }
            }
            if count > 0 { try endBatch(count) }
            return
        }
        let rows = try database.prepare(rowsSQL)
        var ids: [Int64] = []
        ids.reserveCapacity(batchSize)
        // The batch's ids sorted, with their places, searched by halves: a Dictionary would do, but
        // the first use of one keyed by Int64 makes the runtime scan every protocol conformance
        // in the binary (6% of a small `list`).
        var places: [(id: Int64, place: Int)] = []
        places.reserveCapacity(batchSize)
        func place(of id: Int64) -> Int? {
            var low = 0
            var high = places.count
            while low < high {
                let middle = (low + high) / 2
                if places[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low < places.count && places[low].id == id ? places[low].place : nil
        }

        func readBatch() throws {
            defer { rows.reset() }
            // Sorted by insertion, not by `sort`: a batch is small and often nearly in id order,
            // and the standard sort's first use makes the runtime check `Int: Comparable` by
            // scanning every protocol conformance in the binary (2% of a small `list`).
            for (index, id) in ids.enumerated() {
                var slot = places.count
                places.append((id, index))
                while slot > 0 && places[slot - 1].id > id {
                    places[slot] = places[slot - 1]
                    slot -= 1
                }
                places[slot] = (id, index)
            }
            try rows.bind(Self.jsonArray(of: ids), at: 1)
            var seen = 0
            while try rows.step() {
                guard let place = place(of: rows.int64(at: 0)) else { continue }
                try row(rows, place)
                seen += 1
            }
            guard seen == ids.count else {
                throw TimelineError(.internalError, "\(ids.count - seen) of the selected events disappeared while they were being read.")
            }
            try endBatch(ids.count)
            ids.removeAll(keepingCapacity: true)
            places.removeAll(keepingCapacity: true)
        }

        if let tieBreak {
            try forEachIDBreakingTies(statement, tieBreak, in: database) { id in
                ids.append(id)
                if ids.count == batchSize { try readBatch() }
            }
        } else {
            while try statement.step() {
                ids.append(statement.int64(at: 0))
                if ids.count == batchSize { try readBatch() }
            }
        }
        if !ids.isEmpty { try readBatch() }
    }

    /// Calls `body` with the ids of `statement` (id, earliest day, latest day, ordered by the days)
    /// in the selection's order: each run of equal days ordered by `tieBreak.sql`, then the offset
    /// and limit applied.
    private func forEachIDBreakingTies(_ statement: Statement, _ tieBreak: TieBreak, in database: Database,
                                       _ body: (Int64) throws -> Void) throws {
        let ties = try database.prepare(tieBreak.sql)
        var skipped = 0
        var passed = 0
        /// Passes an id on unless the offset skips it; false once the limit is reached.
        func pass(_ id: Int64) throws -> Bool {
            if let limit = tieBreak.limit, passed >= limit { return false }
            if skipped < tieBreak.offset {
                skipped += 1
                return true
            }
            passed += 1
            try body(id)
            return true
        }
        var run: [Int64] = []
        var runDays: (Int64, Int64) = (0, 0)
        /// Passes the run on in uid order; false once the limit is reached.
        func passRun() throws -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            if run.count == 1 { return try pass(run[0]) }
            defer { ties.reset() }
            try ties.bind(Self.jsonArray(of: run), at: 1)
            while try ties.step() {
                guard try pass(ties.int64(at: 0)) else { return false }
            }
            return true
        }
        while try statement.step() {
            let days = (statement.int64(at: 1), statement.int64(at: 2))
            if !run.isEmpty && days != runDays {
                guard try passRun() else { return }
            }
            runDays = days
            run.append(statement.int64(at: 0))
        }
        if !run.isEmpty { _ = try passRun() }
    }
}
