import SQLiteStorage

/// The ids of a batch of selected events, gathered before their rows are read with one statement:
/// in the selection's order, cut in segments (a run of events with the same days, to be put in uid
/// order once read, or one event).
struct EventIDBatch {
    private(set) var ids: [Int64] = []
    private var segments: [Int] = []
    /// The ids sorted, with their places, searched by halves: a Dictionary would do, but the first
    /// use of one keyed by Int64 makes the runtime scan every protocol conformance in the binary
    /// (6% of a small `list`).
    private var sortedPlaces: [(id: Int64, place: Int)] = []
    /// The uids of the events of runs (by place), read with their rows.
    private var uids: [[UInt8]]
    private var inRun: [Bool]

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        sortedPlaces.reserveCapacity(capacity)
        uids = Array(repeating: [], count: capacity)
        inRun = Array(repeating: false, count: capacity)
    }

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }

    /// Adds a segment: one event, or a run whose events are ordered by uid when read.
    mutating func append(_ segment: some Collection<Int64>) {
        ids.append(contentsOf: segment)
        segments.append(segment.count)
    }

    /// Reads the rows of the batch's events with `rows` (ids as the JSON array `?1`; the uid last)
    /// and calls `row` with each and its event's place in the batch.
    mutating func readRows(with rows: Statement, _ row: (Statement, Int) throws -> Void) throws {
        defer { rows.reset() }
        // Sorted by insertion, not by `sort`: a batch is small and often nearly in id order, and
        // the standard sort's first use makes the runtime check `Int: Comparable` by scanning every
        // protocol conformance in the binary (2% of a small `list`).
        sortedPlaces.removeAll(keepingCapacity: true)
        for (index, id) in ids.enumerated() {
            var slot = sortedPlaces.count
            sortedPlaces.append((id, index))
            while slot > 0 && sortedPlaces[slot - 1].id > id {
                sortedPlaces[slot] = sortedPlaces[slot - 1]
                slot -= 1
            }
            sortedPlaces[slot] = (id, index)
        }
        var start = 0
        for size in segments {
            for place in start..<start + size { inRun[place] = size > 1 }
            start += size
        }
        try rows.bindText(EventSelection.jsonArray(of: ids), at: 1)
        let uidColumn = rows.columnCount - 1
        var seen = 0
        while try rows.step() {
            guard let place = place(of: rows.int64(at: 0)) else { continue }
            try row(rows, place)
            if inRun[place] {
                uids[place] = rows.withTextBytes(at: uidColumn) { Array($0) }
            }
            seen += 1
        }
        guard seen == ids.count else {
            // One read transaction: no other writer took them meanwhile. The ids came from an
            // index that names events no longer in the table (another tool's REPLACE or change
            // of an id, unseen by the triggers).
            throw TimelineError(.badData, "\(ids.count - seen) of the selected events \(ids.count - seen == 1 ? "is" : "are") not in the events table: "
                + "an index names events that are gone (the span index, after another tool replaced an event or changed its id); "
                + "`timeline check` finds such entries and `timeline check --repair-lists` rewrites them.")
        }
    }

    /// The places of the batch in the selection's order: segment by segment, each run in the order
    /// SQLite gives its uids (after `readRows`).
    func placesInOrder(descending: Bool) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(ids.count)
        var start = 0
        for size in segments {
            if size == 1 {
                order.append(start)
            } else {
                for offset in EventSelection.places(inOrderOf: Array(uids[start..<start + size]), descending: descending) {
                    order.append(start + offset)
                }
            }
            start += size
        }
        return order
    }

    mutating func removeAll() {
        ids.removeAll(keepingCapacity: true)
        segments.removeAll(keepingCapacity: true)
    }

    private func place(of id: Int64) -> Int? {
        var low = 0
        var high = sortedPlaces.count
        while low < high {
            let middle = (low + high) / 2
            if sortedPlaces[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < sortedPlaces.count && sortedPlaces[low].id == id ? sortedPlaces[low].place : nil
    }
}
