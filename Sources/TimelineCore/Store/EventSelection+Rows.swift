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
    /// and the places to take in the selection's order: nil for 0..<size; for a selection ordered
    /// by days alone (`tieBreak`), the places in order, runs of equal days in uid order, those the
    /// offset or the limit leave out missing.
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
        if let tieBreak {
            try forEachRowBreakingTies(statement, tieBreak, rows: rows, in: database, batchSize: batchSize, row: row, endBatch: endBatch)
            return
        }
        var batch = EventIDBatch(capacity: batchSize)
        func readBatch() throws {
            try batch.readRows(with: rows, row)
            try endBatch(batch.count, nil)
            batch.removeAll()
        }
        while try statement.step() {
            batch.append(CollectionOfOne(statement.int64(at: 0)))
            if batch.count == batchSize { try readBatch() }
        }
        if !batch.isEmpty { try readBatch() }
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

    /// Steps through the rows of the events `statement` selects (id, earliest day, latest day,
    /// ordered by the days), in the selection's order, for `forEachRow`: a run of equal days is
    /// ordered by uid, then the offset and limit apply.
    ///
    /// A batch gathers the ids of several runs (and single events) before their rows are read, with
    /// one statement: one a run made a dozen statements a batch on a range of many short runs. A
    /// run that fits in a batch is ordered here from its rows' uids; a longer one by
    /// `tieBreak.sql`, ids only, its ids then taken one by one. The offset and the limit apply as
    /// each batch is read, in order; a run the offset skips whole is not read at all.
    private func forEachRowBreakingTies(_ statement: Statement, _ tieBreak: TieBreak, rows: Statement, in database: Database,
                                        batchSize: Int, row: (Statement, Int) throws -> Void,
                                        endBatch: (Int, [Int]?) throws -> Void) throws {
        let ties = try database.prepare(tieBreak.sql)
        var skipped = 0
        var passed = 0
        var limitReached: Bool { tieBreak.limit.map { passed >= $0 } ?? false }
        var batch = EventIDBatch(capacity: batchSize)

        /// Reads the batch's rows and applies the offset and the limit to its events, in order.
        func readBatch() throws {
            guard !batch.isEmpty else { return }
            defer { batch.removeAll() }
            try batch.readRows(with: rows, row)
            var kept: [Int] = []
            kept.reserveCapacity(batch.count)
            for place in batch.placesInOrder(descending: tieBreak.descending) {
                if limitReached { break }
                if skipped < tieBreak.offset {
                    skipped += 1
                    continue
                }
                passed += 1
                kept.append(place)
            }
            try endBatch(batch.count, kept)
        }

        /// Adds a run (or one event) in uid order to the batch; false once the limit is reached.
        func add<Run: Collection<Int64>>(_ run: Run) throws -> Bool {
            if limitReached { return false }
            // The offset skips the batch so far (at most) and then this run whole: not read.
            if skipped + batch.count + run.count <= tieBreak.offset {
                skipped += run.count
                return true
            }
            if batch.count + run.count > batchSize { try readBatch() }
            batch.append(run)
            // Read as soon as the batch may hold the last event the limit lets through.
            if let limit = tieBreak.limit, passed + batch.count - max(0, tieBreak.offset - skipped) >= limit {
                try readBatch()
            }
            return !limitReached
        }

        var run: [Int64] = []
        var runDays: (Int64, Int64) = (0, 0)
        /// Passes the run on in uid order; false once the limit is reached.
        func passRun() throws -> Bool {
            defer { run.removeAll(keepingCapacity: true) }
            if run.count <= batchSize { return try add(run) }
            if limitReached { return false }
            if skipped + batch.count + run.count <= tieBreak.offset {
                skipped += run.count
                return true
            }
            try readBatch()
            defer { ties.reset() }
            try ties.bindText(Self.jsonArray(of: run), at: 1)
            while try ties.step() {
                guard try add(CollectionOfOne(ties.int64(at: 0))) else { return false }
            }
            return true
        }
        stepping: do {
            while try statement.step() {
                let days = (statement.int64(at: 1), statement.int64(at: 2))
                if !run.isEmpty && days != runDays {
                    guard try passRun() else { break stepping }
                }
                runDays = days
                run.append(statement.int64(at: 0))
            }
            if !run.isEmpty { _ = try passRun() }
        }
        try readBatch()
    }
}
