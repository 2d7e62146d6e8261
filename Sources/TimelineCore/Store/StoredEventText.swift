/// An event as the database stores it, as UTF-8 text: its columns, and its four lists as the JSON
/// arrays the machine formats write (the same text `EventJSON` makes of them): the copy kept in the
/// event's row, or rendered from the tables when the row has none.
///
/// What `list` and `export` write in CSV, TSV, JSON and NDJSON comes straight from these bytes,
/// with no `Event` (and no Swift string) in between. The date columns are the ones written from
/// the event's date when it was saved (`TimelineWriter`), so they are what the date would give.
public struct StoredEventText {
    /// The event columns, in `StoredEventText.Column` order; nil for NULL.
    private var bytes: [UInt8] = []
    private var starts: [Int] = []
    private var counts: [Int] = []
    /// `[...]` JSON arrays.
    var entities: [UInt8] = []
    var tags: [UInt8] = []
    var measures: [UInt8] = []
    var sources: [UInt8] = []

    /// The stored columns a query selects after `e.id`, in this order.
    enum Column: Int, CaseIterable {
        case uid, kind, status, title, summary
        case when, earliest, latest, precision, approximate, uncertain
        case announced, announcedEarliest, announcedLatest, announcedPrecision
    }

    /// The `Column`s, then the four stored lists (`entities_json` … `sources_json`, NULL when they
    /// are to be read from the tables).
    static let selectedColumns = """
        e.uid, e.kind, e.status, e.title, e.summary, \
        e.when_edtf, e.when_earliest, e.when_latest, e.when_precision, \
        CASE e.when_approximate WHEN 0 THEN 'false' ELSE 'true' END, CASE e.when_uncertain WHEN 0 THEN 'false' ELSE 'true' END, \
        e.announced_edtf, e.announced_earliest, e.announced_latest, e.announced_precision, \
        e.entities_json, e.tags_json, e.measures_json, e.sources_json
        """

    init() {
        bytes.reserveCapacity(512)
        starts.reserveCapacity(Column.allCases.count)
        counts.reserveCapacity(Column.allCases.count)
    }

    /// Empties it for the next event, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        entities.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        measures.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
    }

    /// Appends the next column (nil for NULL).
    mutating func appendColumn(_ value: UnsafeBufferPointer<UInt8>?) {
        starts.append(bytes.count)
        guard let value else {
            counts.append(-1)
            return
        }
        bytes.append(contentsOf: value)
        counts.append(value.count)
    }

    /// Calls `body` with the column's bytes, or nil when it is NULL.
    func withColumn<T>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        let count = counts[column.rawValue]
        guard count >= 0 else { return try body(nil) }
        let start = starts[column.rawValue]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }
}
