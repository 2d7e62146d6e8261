#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SQLiteStorage

extension EventSelection {
    /// Steps through the selected events' rows a batch of at most `batchSize` events at a time:
    /// `row` is called with each row (`e.id`, then the columns) and the event's place in its batch,
    /// in any order within the batch; `endBatch` with the batch's size once all its rows were seen,
    /// and the places to take in the selection's order: nil for 0..<size; for a run of events
    /// with the same days, read whole and put in uid order here, the places in that order (those
    /// the offset or the limit leave out are missing).
    func forEachRow(in database: Database, batchSize: Int, row: (Statement, Int) throws -> Void,
                    endBatch: (Int, [Int]?) throws -> Void) throws {
        let statement = try database.prepare(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        guard let rowsSQL else {
            var count = 0
            while try statement.step() {
                try row(statement, count)
                count += 1
                if count == batchSize {
                    try endBatch(count, nil)
                    count = 0
                }
            }
            if count > 0 { try endBatch(count, nil) }
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
            try endBatch(ids.count, nil)
            ids.removeAll(keepingCapacity: true)
            places.removeAll(keepingCapacity: true)
        }

        if let tieBreak {
            try forEachIDBreakingTies(statement, tieBreak, in: database, batchSize: batchSize) { id in
                ids.append(id)
                if ids.count == batchSize { try readBatch() }
            } smallRun: { run, take in
                // The rows of the batch so far first, then the run's, each read once: breaking
                // the tie from the rows themselves instead of reading them for their uids, then
                // again for the batch (a 100-event range query on one day read 100 pages twice).
                if !ids.isEmpty { try readBatch() }
                defer { rows.reset() }
                try rows.bind(Self.jsonArray(of: run), at: 1)
                let uidColumn = rows.columnCount - 1
                var uids: [[UInt8]] = []
                uids.reserveCapacity(run.count)
                while try rows.step() {
                    try row(rows, uids.count)
                    uids.append(rows.withTextBytes(at: uidColumn) { Array($0) })
                }
                guard uids.count == run.count else {
                    throw TimelineError(.internalError, "\(run.count - uids.count) of the selected events disappeared while they were being read.")
                }
                let order = take(Self.places(inOrderOf: uids, descending: tieBreak.descending))
                try endBatch(uids.count, order)
            }
        } else {
            while try statement.step() {
                ids.append(statement.int64(at: 0))
                if ids.count == batchSize { try readBatch() }
            }
        }
        if !ids.isEmpty { try readBatch() }
    }

    /// The places 0..<uids.count ordered as SQLite orders the uids (bytes compared as unsigned,
    /// a prefix first), by insertion: a run fits in a batch.
    static func places(inOrderOf uids: [[UInt8]], descending: Bool) -> [Int] {
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let (first, second) = descending ? (uids[b], uids[a]) : (uids[a], uids[b])
            let common = min(first.count, second.count)
            let compared = common == 0 ? 0 : first.withUnsafeBufferPointer { x in
                second.withUnsafeBufferPointer { y in memcmp(x.baseAddress!, y.baseAddress!, common) }
            }
            return compared != 0 ? compared < 0 : first.count < second.count
        }
        var places: [Int] = []
        places.reserveCapacity(uids.count)
        for place in uids.indices {
            var slot = places.count
            places.append(place)
            while slot > 0 && precedes(place, places[slot - 1]) {
                places[slot] = places[slot - 1]
                slot -= 1
            }
            places[slot] = place
        }
        return places
    }

    /// Calls `body` with the ids of `statement` (id, earliest day, latest day, ordered by the days)
    /// in the selection's order, the offset and limit applied. A run of equal days is ordered by
    /// uid: one that fits in a batch (and that the offset does not skip whole) goes to
    /// `smallRun` with a function that takes its places in uid order and returns those the offset
    /// and limit keep; a longer one is ordered by `tieBreak.sql`, ids only, and its ids passed on.
    private func forEachIDBreakingTies(_ statement: Statement, _ tieBreak: TieBreak, in database: Database, batchSize: Int,
                                       _ body: (Int64) throws -> Void,
                                       smallRun: ([Int64], ([Int]) -> [Int]) throws -> Void) throws {
        let ties = try database.prepare(tieBreak.sql)
        var skipped = 0
        var passed = 0
        var limitReached: Bool { tieBreak.limit.map { passed >= $0 } ?? false }
        /// Passes an id on unless the offset skips it; false once the limit is reached.
        func pass(_ id: Int64) throws -> Bool {
            if limitReached { return false }
            if skipped < tieBreak.offset {
                skipped += 1
                return true
            }
            passed += 1
            try body(id)
            return true
        }
        /// The places of a small run, in order, that the offset and the limit keep.
        func take(_ places: [Int]) -> [Int] {
            var kept: [Int] = []
            for place in places {
                if limitReached { break }
                if skipped < tieBreak.offset {
                    skipped += 1
                    continue
                }
                passed += 1
                kept.append(place)
            }
            return kept
        }
        var run: [Int64] = []
        var runDays: (Int64, Int64) = (0, 0)
        /// Passes the run on in uid order; false once the limit is reached.
        func passRun() throws -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            if run.count == 1 { return try pass(run[0]) }
            if limitReached { return false }
            // Skipped whole, in whatever order.
            if skipped + run.count <= tieBreak.offset {
                skipped += run.count
                return true
            }
            if run.count <= batchSize {
                try smallRun(run, take)
                return !limitReached
            }
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
