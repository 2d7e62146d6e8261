import SQLiteStorage

/// The events a timeline held before a save began, by span, then by kind, title and date as
/// written: the events a record without a uid may be (see `EventSaver.uidOfSameEvent`).
///
/// A span's events are read once, when the first record of that span looks, and kept as a
/// hash and an id each (16 bytes), not their text: a file of thousands of records in one busy
/// year reads that year once, not once a record. The caller confirms a candidate by reading
/// the event.
struct HeldEventsBySpan {
    /// A span as the events table holds it: its first and last days (nil for an open end).
    struct Span: Hashable {
        let earliest: String?
        let latest: String?
    }

    private var candidates: [Span: [(hash: Int, id: Int64)]] = [:]
    private var heldCount = 0
    /// At most this many events are kept (2M: 32 MB); past it, spans are read again when asked.
    private let limit: Int

    init(limit: Int = 2_000_000) {
        self.limit = limit
    }

    /// The ids, at most `lastID`, of the events of `span` with this kind, title and date.
    mutating func ids(ofKind kind: String, title: String, edtf: String, in span: Span, upTo lastID: Int64,
                      database: Database) throws -> [Int64] {
        let held = try candidates[span] ?? read(span, upTo: lastID, database: database)
        var kind = kind, title = title, edtf = edtf
        let hash = kind.withUTF8 { kind in title.withUTF8 { title in edtf.withUTF8 { Self.hash(kind: kind, title: title, edtf: $0) } } }
        return held.lazy.filter { $0.hash == hash }.map(\.id)
    }

    /// Forgets what was read of `span`, whose events changed: it is read again when next asked.
    mutating func forget(_ span: Span) {
        if let held = candidates.removeValue(forKey: span) { heldCount -= held.count }
    }

    /// The event `id`, updated to this kind, title and date in `span`: found under them too,
    /// where that span was read (and `id` is at most `lastID`, the bound it was read with). What
    /// was read stays: a file whose updates and records without uids alternate in one busy year
    /// read the whole year again for each record. The entry under its old key stays too; the
    /// caller, confirming a candidate by reading the event, finds it is another now.
    mutating func update(_ id: Int64, in span: Span, kind: String, title: String, edtf: String, upTo lastID: Int64) {
        guard id <= lastID, candidates[span] != nil else { return }
        var kind = kind, title = title, edtf = edtf
        let hash = kind.withUTF8 { kind in title.withUTF8 { title in edtf.withUTF8 { Self.hash(kind: kind, title: title, edtf: $0) } } }
        candidates[span]?.append((hash, id))
        heldCount += 1
    }

    private mutating func read(_ span: Span, upTo lastID: Int64, database: Database) throws -> [(hash: Int, id: Int64)] {
        var held: [(hash: Int, id: Int64)] = []
        try database.statement(
            "SELECT id, kind, title, when_edtf FROM events WHERE when_earliest IS ?1 AND when_latest IS ?2 AND id <= ?3"
        ).forEachRow([.text(span.earliest), .text(span.latest), .integer(lastID)]) { row in
            let hash = row.withTextBytes(at: 1) { kind in
                row.withTextBytes(at: 2) { title in row.withTextBytes(at: 3) { Self.hash(kind: kind, title: title, edtf: $0) } }
            }
            held.append((hash, row.int64(at: 0)))
        }
        if heldCount + held.count > limit {
            candidates.removeAll()
            heldCount = 0
        }
        candidates[span] = held
        heldCount += held.count
        return held
    }

    private static func hash(kind: UnsafeBufferPointer<UInt8>, title: UnsafeBufferPointer<UInt8>, edtf: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        // Lengths first: `ab` + `c` and `a` + `bc` are two keys.
        hasher.combine(kind.count)
        hasher.combine(title.count)
        hasher.combine(bytes: UnsafeRawBufferPointer(kind))
        hasher.combine(bytes: UnsafeRawBufferPointer(title))
        hasher.combine(bytes: UnsafeRawBufferPointer(edtf))
        return hasher.finalize()
    }
}
