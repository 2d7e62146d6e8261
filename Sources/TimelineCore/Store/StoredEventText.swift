/// An event as the database stores it, as UTF-8 text: its columns, and its four lists as the JSON
/// arrays the machine formats write (the same text `EventJSON` makes of them): the copy kept in the
/// event's row, or rendered from the tables when the row has none.
///
/// What `list` and `export` write in CSV, TSV, JSON and NDJSON comes straight from these bytes,
/// with no `Event` (and no Swift string) in between. The date columns are the ones written from
/// the event's date when it was saved (`TimelineWriter`), so they are what the date would give.
public struct StoredEventText {
    /// The columns' bytes, then the four lists' (`[...]` JSON arrays), one after another: one
    /// buffer an event, not one a column, since a batch's buffers are made and freed with it.
    private var bytes: [UInt8] = []
    /// Each part's start in `bytes` and its length (-1 for NULL), two numbers a part: the columns
    /// in `Column` order (when read), then the lists in `List` order.
    private var spans: [Int] = []

    /// The stored columns a query selects after `e.id`, in this order.
    enum Column: Int, CaseIterable {
        case uid, kind, status, title, summary
        case when, earliest, latest, precision, approximate, uncertain
        case announced, announcedEarliest, announcedLatest, announcedPrecision
    }

    /// The lists, in the order they follow the columns.
    enum List: Int, CaseIterable {
        case entities, tags, measures, sources
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
        spans.reserveCapacity(2 * (Column.allCases.count + List.allCases.count))
    }

    /// Empties it for the next event, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// Appends the next column (nil for NULL), or the next list whole.
    mutating func appendColumn(_ value: UnsafeBufferPointer<UInt8>?) {
        spans.append(bytes.count)
        guard let value else {
            spans.append(-1)
            return
        }
        bytes.append(contentsOf: value)
        spans.append(value.count)
    }

    /// Begins the next list, rendered an element at a time (`appendListElement`) until `endList`.
    mutating func beginList() {
        spans.append(bytes.count)
        spans.append(0)
    }

    /// Appends an element to the list begun last: `[` before the first, `,` before the others, then
    /// what `body` appends.
    mutating func appendListElement(_ body: (inout [UInt8]) -> Void) {
        bytes.append(bytes.count == spans[spans.count - 2] ? UInt8(ascii: "[") : UInt8(ascii: ","))
        body(&bytes)
    }

    /// Closes the list begun last (an empty one is `[]`).
    mutating func endList() {
        let start = spans[spans.count - 2]
        if bytes.count == start { bytes.append(UInt8(ascii: "[")) }
        bytes.append(UInt8(ascii: "]"))
        spans[spans.count - 1] = bytes.count - start
    }

    /// Calls `body` with the column's bytes, or nil when it is NULL.
    func withColumn<T>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        try withPart(column.rawValue, body)
    }

    /// Calls `body` with the list's JSON array (the last four parts, whether columns were read).
    func withList<T>(_ list: List, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try withPart(spans.count / 2 - List.allCases.count + list.rawValue) { try body($0 ?? UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// A copy of the list's JSON array.
    func list(_ list: List) -> [UInt8] {
        withList(list) { Array($0) }
    }

    private func withPart<T>(_ part: Int, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        let count = spans[2 * part + 1]
        guard count >= 0 else { return try body(nil) }
        let start = spans[2 * part]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }
}
