/// Prints `timeline stats` rows in the list formats.
public struct StatisticsWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func write(_ rows: [TimelineStatistics.Row], grouping: TimelineStatistics.Grouping, quantity: String?) throws {
        var columns = [grouping.rawValue, "events"]
        if quantity != nil { columns += ["sum", "unit", "measures", "approximate"] }
        let cells = rows.map { row -> [String] in
            var cells = [row.group, String(row.events)]
            if quantity != nil { cells += [row.sum ?? "", row.unit ?? "", String(row.measures), row.sum == nil ? "" : String(row.approximate)] }
            return cells
        }
        switch format {
        case .table:
            let shown = cells.map { row -> [String] in
                var row = row
                row[0] = Self.shownGroup(row[0], grouping: grouping)
                if quantity != nil, !row[2].isEmpty {
                    // In the table an approximate sum reads as one: "about 11,900,000,000".
                    row[2] = (row[5] == "true" ? "about " : "") + Measure.groupThousands(row[2])
                    row.removeLast()
                }
                if quantity != nil, row.count == 6 { row.removeLast() }
                return row
            }
            let header = quantity == nil ? columns : Array(columns.dropLast())
            try output.write(rows.isEmpty ? "No events match.\n" : AlignedTable.render(header: header, rows: shown))
        case .markdown:
            let shown = cells.map { [Self.shownGroup($0[0], grouping: grouping)] + $0.dropFirst() }
            try TextRows.write(format, header: columns, rows: shown, to: output)
        case .csv, .tsv:
            try TextRows.write(format, header: columns, rows: cells, to: output)
        case .json, .ndjson:
            var lines: [String] = []
            for row in rows {
                var json = JSONText()
                json.beginObject()
                json.field(grouping.rawValue, row.group)
                json.key("events")
                json.int(row.events)
                if let quantity {
                    json.field("quantity", quantity)
                    json.field("sum", row.sum)
                    json.field("unit", row.unit)
                    json.key("measures")
                    json.int(row.measures)
                    json.field("approximate", row.approximate)
                }
                json.endObject()
                lines.append(json.text)
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }

    /// A group as people read it: a date that spans several periods of the grouping is kept
    /// apart under its own EDTF (`2021-22`, summer 2021, by quarter), which the table and
    /// Markdown name as `list` does (`Summer 2021`); the machine formats keep the EDTF.
    static func shownGroup(_ group: String, grouping: TimelineStatistics.Grouping) -> String {
        let bytes = Array(group.utf8)
        func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        switch grouping {
        case .kind, .entity:
            return group
        case .year:
            if bytes.count == 4 && digits(0..<4) { return group }
        case .quarter:
            if bytes.count == 7 && digits(0..<4) && bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q") { return group }
        case .month:
            if bytes.count == 7 && digits(0..<4) && bytes[4] == UInt8(ascii: "-") && digits(5..<7),
               let month = Int(group.suffix(2)), (1...12).contains(month) {
                return group
            }
        }
        return (try? TimelineDate(edtf: group).display()) ?? group
    }
}
