import SQLiteStorage

/// Reads matching events as `StoredEventText`, a batch at a time, rendering their lists as JSON
/// straight from the column bytes: the fast path of the CSV, TSV, JSON and NDJSON formats.
///
/// It reads the same rows, through the same statements, as `EventReader`, and writes the same
/// text `EventJSON` writes for the `Event` those rows make (tests hold the two paths equal).
struct StoredEventTextReader {
    let details: EventReader

    init(database: Database) {
        details = EventReader(database: database)
    }

    /// Reads the selected events (`e.id` then `StoredEventText.selectedColumns`) and calls `body`
    /// with each, in the selection's order. The text is valid only during the call.
    ///
    /// The lists come from the event's row when it holds them (one row read per event); the events
    /// whose lists are NULL there have theirs rendered from the tables, a batch at a time.
    func forEachEvent(in selection: EventSelection, _ body: (StoredEventText) throws -> Void) throws {
        var events = [StoredEventText](repeating: StoredEventText(), count: EventReader.batchSize)
        // The events of the batch whose lists are not stored: their ids and places in `events`.
        var unstoredIDs: [Int64] = []
        var unstoredSlots: [Int] = []
        unstoredIDs.reserveCapacity(EventReader.batchSize)
        unstoredSlots.reserveCapacity(EventReader.batchSize)
        let columnCount = StoredEventText.Column.allCases.count
        let firstList = Int32(columnCount + 1)

        try selection.forEachRow(in: details.database, batchSize: EventReader.batchSize) { row, slot in
            events[slot].removeAll()
            for column in 1...columnCount {
                let index = Int32(column)
                if row.isNull(at: index) {
                    events[slot].appendColumn(nil)
                } else {
                    row.withTextBytes(at: index) { events[slot].appendColumn($0) }
                }
            }
            if row.isNull(at: firstList) || row.isNull(at: firstList + 1) || row.isNull(at: firstList + 2)
                || row.isNull(at: firstList + 3) {
                unstoredIDs.append(row.int64(at: 0))
                unstoredSlots.append(slot)
            } else {
                for list in firstList..<firstList + Int32(StoredEventText.List.allCases.count) {
                    row.withTextBytes(at: list) { events[slot].appendColumn($0) }
                }
            }
        } endBatch: { count, order in
            if !unstoredIDs.isEmpty {
                try renderLists(of: &events, ids: unstoredIDs, slots: unstoredSlots)
                unstoredIDs.removeAll(keepingCapacity: true)
                unstoredSlots.removeAll(keepingCapacity: true)
            }
            if let order {
                for place in order { try body(events[place]) }
            } else {
                for event in events[0..<count] { try body(event) }
            }
        }
    }

    /// Calls `body` with the uid of each event whose stored lists differ from what its rows in
    /// the tables give (`timeline check`): none, unless the triggers that clear them were dropped.
    func forEachEventWithStaleLists(_ body: (String) throws -> Void) throws {
        let statement = try details.database.prepare(
            """
            SELECT id, uid, entities_json, tags_json, measures_json, sources_json FROM events
            WHERE entities_json IS NOT NULL AND tags_json IS NOT NULL AND measures_json IS NOT NULL AND sources_json IS NOT NULL
            ORDER BY id
            """)
        var stored: [(uid: String, lists: [[UInt8]])] = []
        var ids: [Int64] = []
        var rendered = [StoredEventText](repeating: StoredEventText(), count: EventReader.batchSize)

        func compareBatch() throws {
            for slot in ids.indices { rendered[slot].removeAll() }
            try renderLists(of: &rendered, ids: ids, slots: Array(ids.indices))
            for (slot, event) in stored.enumerated() {
                let lists = rendered[slot]
                if event.lists != StoredEventText.List.allCases.map(lists.list) { try body(event.uid) }
            }
            ids.removeAll(keepingCapacity: true)
            stored.removeAll(keepingCapacity: true)
        }

        while try statement.step() {
            ids.append(statement.int64(at: 0))
            stored.append((statement.text(at: 1), (2...5).map { column in statement.withTextBytes(at: Int32(column)) { Array($0) } }))
            if ids.count == EventReader.batchSize { try compareBatch() }
        }
        if !ids.isEmpty { try compareBatch() }
    }

    /// The event's four lists rendered from the tables (only the lists of the result are set).
    func lists(ofEventID id: Int64) throws -> StoredEventText {
        var events = [StoredEventText()]
        try renderLists(of: &events, ids: [id], slots: [0])
        return events[0]
    }

    /// Renders from the tables the entities, tags, measures and sources of the events with row ids
    /// `ids`, into `events` at `slots` (in the same order).
    private func renderLists(of events: inout [StoredEventText], ids: [Int64], slots slotOfIndex: [Int]) throws {
        var slots = RowIDTable<Int>()
        slots.reserveCapacity(ids.count)
        for (index, id) in ids.enumerated() { slots.set(slotOfIndex[index], for: id) }
        let idList = EventSelection.jsonArray(of: ids)

        // Each list of every event of the batch in turn: an event's lists follow one another in
        // its buffer, each closed before the next begins.
        func renderList(_ detail: EventReader.DetailTable, _ element: (Statement, inout [UInt8]) -> Void) throws {
            for slot in slotOfIndex { events[slot].beginList() }
            try details.forEachDetail(detail, idList: idList) { row in
                events[slots[row.int64(at: 0)]!].appendListElement { element(row, &$0) }
            }
            for slot in slotOfIndex { events[slot].endList() }
        }
        try renderList(.entities) { row, list in Self.appendObject(of: row, fields: Self.entityFields, to: &list) }
        try renderList(.tags) { row, list in row.withTextBytes(at: 1) { JSONText.appendString(utf8: $0, to: &list) } }
        try renderList(.measures) { row, list in Self.appendObject(of: row, fields: Self.measureFields, to: &list) }
        try renderList(.citations) { row, list in Self.appendObject(of: row, fields: Self.sourceFields, to: &list) }
    }

    /// How a column becomes a JSON value, as the `Event` path reads it: `text` reads NULL as "",
    /// `optional` as null, `bool` an integer as true or false.
    enum ValueKind {
        case text, optional, bool
    }

    /// One field of a rendered object: its `"key":` (with the comma before it) and its column.
    struct Field {
        let prefix: StaticString
        let column: Int32
        let kind: ValueKind
    }

    private static func appendObject(of row: Statement, fields: [Field], to output: inout [UInt8]) {
        for field in fields {
            output.append(contentsOf: UnsafeBufferPointer(start: field.prefix.utf8Start, count: field.prefix.utf8CodeUnitCount))
            switch field.kind {
            case .bool:
                output.append(contentsOf: row.int64(at: field.column) != 0 ? "true".utf8 : "false".utf8)
            case .optional where row.isNull(at: field.column):
                output.append(contentsOf: "null".utf8)
            case .text, .optional:
                row.withTextBytes(at: field.column) { JSONText.appendString(utf8: $0, to: &output) }
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    // The keys and their order are `EventJSON`'s; the columns are those of `EventReader`'s SQL.
    private static let entityFields = [
        Field(prefix: "{\"slug\":", column: 1, kind: .text), Field(prefix: ",\"name\":", column: 2, kind: .text),
        Field(prefix: ",\"role\":", column: 3, kind: .text),
    ]
    private static let measureFields = [
        Field(prefix: "{\"quantity\":", column: 1, kind: .text), Field(prefix: ",\"value\":", column: 2, kind: .text),
        Field(prefix: ",\"unit\":", column: 3, kind: .text), Field(prefix: ",\"entity\":", column: 4, kind: .optional),
        Field(prefix: ",\"approximate\":", column: 5, kind: .bool), Field(prefix: ",\"qualifier\":", column: 6, kind: .optional),
        Field(prefix: ",\"source\":", column: 7, kind: .optional), Field(prefix: ",\"note\":", column: 8, kind: .optional),
    ]
    private static let sourceFields = [
        Field(prefix: "{\"key\":", column: 1, kind: .text), Field(prefix: ",\"url\":", column: 2, kind: .optional),
        Field(prefix: ",\"title\":", column: 3, kind: .optional), Field(prefix: ",\"publisher\":", column: 4, kind: .text),
        Field(prefix: ",\"published\":", column: 5, kind: .optional), Field(prefix: ",\"language\":", column: 6, kind: .text),
        Field(prefix: ",\"type\":", column: 7, kind: .text), Field(prefix: ",\"stance\":", column: 9, kind: .text),
        Field(prefix: ",\"quote\":", column: 10, kind: .optional), Field(prefix: ",\"quote_language\":", column: 11, kind: .optional),
        Field(prefix: ",\"translation\":", column: 12, kind: .optional), Field(prefix: ",\"note\":", column: 13, kind: .optional),
    ]
}
