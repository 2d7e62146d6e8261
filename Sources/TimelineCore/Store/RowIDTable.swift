/// Values by SQLite row id: a hash table with open addressing over plain arrays.
///
/// A `Dictionary` would do, but in a static executable the first use of one keyed by `Int64`
/// makes the Swift runtime check `Int64: Hashable` by scanning every protocol conformance in the
/// binary: 5% of a small `list`, which reads its events' details through this table.
struct RowIDTable<Value> {
    /// For each bucket, 1 + the index of its entry in `ids` and `values`; 0 for an empty bucket.
    private var buckets: [Int32] = []
    private var ids: [Int64] = []
    private var values: [Value] = []

    var count: Int { values.count }

    subscript(id: Int64) -> Value? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var bucket = Self.hash(id) & mask
        while true {
            let entry = Int(buckets[bucket])
            if entry == 0 { return nil }
            if ids[entry - 1] == id { return values[entry - 1] }
            bucket = (bucket + 1) & mask
        }
    }

    /// Adds `value` for `id`, or replaces the value it has.
    mutating func set(_ value: Value, for id: Int64) {
        if !buckets.isEmpty {
            let mask = buckets.count - 1
            var bucket = Self.hash(id) & mask
            while buckets[bucket] != 0 {
                let entry = Int(buckets[bucket])
                if ids[entry - 1] == id {
                    values[entry - 1] = value
                    return
                }
                bucket = (bucket + 1) & mask
            }
        }
        // At most half full, so that probes stay short.
        if (values.count + 1) * 2 > buckets.count { grow() }
        ids.append(id)
        values.append(value)
        place(id, entry: values.count)
    }

    mutating func reserveCapacity(_ capacity: Int) {
        ids.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        if capacity * 2 > buckets.count { grow(toHold: capacity) }
    }

    mutating func removeAll() {
        buckets.removeAll(keepingCapacity: true)
        ids.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
    }

    private mutating func place(_ id: Int64, entry: Int) {
        let mask = buckets.count - 1
        var bucket = Self.hash(id) & mask
        while buckets[bucket] != 0 { bucket = (bucket + 1) & mask }
        buckets[bucket] = Int32(entry)
    }

    private mutating func grow(toHold capacity: Int? = nil) {
        var size = max(16, buckets.count * 2)
        while size < 2 * (capacity ?? 0) { size *= 2 }
        buckets = [Int32](repeating: 0, count: size)
        for (index, id) in ids.enumerated() { place(id, entry: index + 1) }
    }

    /// Fibonacci hashing: row ids are often consecutive; multiplying spreads them over the table.
    private static func hash(_ id: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }
}
