extension EventListWriter {
    /// Whether this format can be written from `StoredEventText` (the machine formats), the same
    /// bytes `write(_: Event)` gives for the event those rows make.
    public var writesStoredText: Bool {
        switch format {
        case .csv, .tsv, .json, .ndjson: return true
        case .table, .markdown: return false
        }
    }

    /// Writes one event from its stored text; only for the formats of `writesStoredText`.
    func write(_ event: StoredEventText) throws {
        defer { count += 1 }
        line.removeAll(keepingCapacity: true)
        switch format {
        case .json, .ndjson:
            if format == .json { line.append(contentsOf: (count == 0 ? "\n" : ",\n").utf8) }
            Self.appendJSONObject(event, to: &line)
            if format == .ndjson { line.append(0x0A) }
        case .csv:
            Self.appendFlatValues(event, separator: csvSeparator, field: csvField, to: &line)
            DelimitedText.endCSVLine(&line)
        case .tsv:
            Self.appendFlatValues(event, separator: 0x09, field: DelimitedText.appendTSVField, to: &line)
            DelimitedText.endTSVLine(&line)
        case .table, .markdown:
            preconditionFailure("\(format) is written from events, not stored text")
        }
        try output.write(bytes: line)
    }

    /// `flatColumns` as one CSV or TSV line's fields (NULL as empty), like `write(_: Event)`.
    private static func appendFlatValues(_ event: StoredEventText, separator: UInt8,
                                         field: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void,
                                         to line: inout [UInt8]) {
        for (index, column) in flatTextColumns.enumerated() {
            if index > 0 { line.append(separator) }
            event.withColumn(column) { bytes in
                if let bytes { field(bytes, &line) }
            }
        }
        for list in StoredEventText.List.allCases {
            line.append(separator)
            event.withList(list) { field($0, &line) }
        }
    }

    /// The `flatColumns` before the lists.
    private static let flatTextColumns: [StoredEventText.Column] = [
        .uid, .kind, .status, .when, .earliest, .latest, .precision, .approximate, .uncertain,
        .announced, .announcedEarliest, .announcedLatest, .title, .summary,
    ]

    /// The object `EventJSON` writes, from the stored text.
    private static func appendJSONObject(_ event: StoredEventText, to output: inout [UInt8]) {
        for (prefix, column, raw) in jsonObjectFields {
            output.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
            event.withColumn(column) { bytes in
                guard let bytes else {
                    output.append(contentsOf: "null".utf8)
                    return
                }
                // The flags are selected as the words true and false: JSON literals already.
                if raw { output.append(contentsOf: bytes) } else { JSONText.appendString(utf8: bytes, to: &output) }
            }
        }
        for (prefix, list) in jsonListFields {
            output.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
            event.withList(list) { output.append(contentsOf: $0) }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// `EventJSON`'s keys before the lists (with the comma before each), their columns, and
    /// whether the column is JSON already.
    private static let jsonObjectFields: [(prefix: StaticString, column: StoredEventText.Column, raw: Bool)] = [
        ("{\"uid\":", .uid, false), (",\"kind\":", .kind, false), (",\"status\":", .status, false),
        (",\"title\":", .title, false), (",\"summary\":", .summary, false), (",\"when\":", .when, false),
        (",\"earliest\":", .earliest, false), (",\"latest\":", .latest, false), (",\"precision\":", .precision, false),
        (",\"approximate\":", .approximate, true), (",\"uncertain\":", .uncertain, true),
        (",\"announced\":", .announced, false), (",\"announced_earliest\":", .announcedEarliest, false),
        (",\"announced_latest\":", .announcedLatest, false), (",\"announced_precision\":", .announcedPrecision, false),
    ]

    /// `EventJSON`'s keys of the lists, in `StoredEventText.List` order.
    private static let jsonListFields: [(prefix: StaticString, list: StoredEventText.List)] = [
        (",\"entities\":", .entities), (",\"tags\":", .tags), (",\"measures\":", .measures), (",\"sources\":", .sources),
    ]
}
