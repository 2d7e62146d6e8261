/// Prints `timeline stats` rows in the list formats.
public struct StatisticsWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func write(_ rows: [TimelineStatistics.Row], grouping: TimelineStatistics.Grouping, quantity: String?) throws {
        try write(rows, groupings: [grouping], quantity: quantity)
    }

    /// One column for each grouping's key (`entity`, `year`), then the counts and sums. The table
    /// and Markdown name entities by `entityNames` (slug to name) and group a sum's thousands;
    /// CSV, TSV and JSON keep slugs and plain numbers, for other tools.
    public func write(_ rows: [TimelineStatistics.Row], groupings: [TimelineStatistics.Grouping], quantity: String?,
                      entityNames: [String: String] = [:]) throws {
        func shown(_ group: String, _ grouping: TimelineStatistics.Grouping) -> String {
            grouping == .entity ? entityNames[group] ?? group : Self.shownGroup(group, grouping: grouping)
        }
        let keys = groupings.count
        var columns = groupings.map(\.rawValue) + ["events"]
        if quantity != nil { columns += ["sum", "unit", "measures", "approximate", "qualifier"] }
        let cells = rows.map { row -> [String] in
            var cells = row.groups + [String(row.events)]
            if quantity != nil {
                cells += [row.sum ?? "", row.unit ?? "", String(row.measures), row.sum == nil ? "" : String(row.approximate), row.qualifier ?? ""]
            }
            return cells
        }
        switch format {
        case .table:
            let shown = cells.map { row -> [String] in
                var row = row
                for (index, grouping) in groupings.enumerated() { row[index] = shown(row[index], grouping) }
                if quantity != nil {
                    // In the table a sum reads as a figure does: "about 11,900,000,000", "at least 5,000,000",
                    // "more than about 1,200".
                    let sum = keys + 1
                    if !row[sum].isEmpty {
                        let words = Measure.qualifierWords(row[sum + 4].isEmpty ? nil : row[sum + 4], approximate: row[sum + 3] == "true", .english)
                        row[sum] = words + Measure.groupThousands(row[sum])
                    }
                    row.removeLast(2)
                }
                return row
            }
            let header = quantity == nil ? columns : Array(columns.dropLast(2))
            try output.write(rows.isEmpty ? "No events match.\n" : AlignedTable.render(header: header, rows: shown))
        case .markdown:
            let shown = cells.map { row -> [String] in
                var row = zip(row, groupings).map { shown($0, $1) } + row.dropFirst(keys)
                if quantity != nil, !row[keys + 1].isEmpty { row[keys + 1] = Measure.groupThousands(row[keys + 1]) }
                return row
            }
            try TextRows.write(format, header: columns, rows: shown, to: output)
        case .csv, .tsv:
            try TextRows.write(format, header: columns, rows: cells, to: output)
        case .json, .ndjson:
            var lines: [String] = []
            for row in rows {
                var json = JSONText()
                json.beginObject()
                for (grouping, key) in zip(groupings, row.groups) { json.field(grouping.rawValue, key) }
                json.key("events")
                json.int(row.events)
                if let quantity {
                    json.field("quantity", quantity)
                    json.field("sum", row.sum)
                    json.field("unit", row.unit)
                    json.key("measures")
                    json.int(row.measures)
                    json.field("approximate", row.approximate)
                    json.field("qualifier", row.qualifier)
                }
                json.endObject()
                lines.append(json.text)
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }

    /// A group as people read it, named as `list` names a date in the table and Markdown:
    /// `Q2 2022`, `Sep 2022`, and a date that spans several periods of the grouping (kept apart
    /// under its own EDTF, `2021-22` by quarter) as `Summer 2021`. The machine formats keep the
    /// sortable keys (`2022-Q2`, `2022-09`) and the EDTF.
    static func shownGroup(_ group: String, grouping: TimelineStatistics.Grouping) -> String {
        let bytes = Array(group.utf8)
        func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        switch grouping {
        case .kind, .entity:
            return group
        case .year:
            if bytes.count == 4 && digits(0..<4) { return group }
        case .quarter:
            // `2022-Q2` is the EDTF quarter `2022-34`.
            if bytes.count == 7 && digits(0..<4) && bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q"),
               let quarter = Int(group.suffix(1)), (1...4).contains(quarter),
               let shown = try? TimelineDate(edtf: "\(group.prefix(4))-\(32 + quarter)").display() {
                return shown
            }
        case .month:
            break
        }
        return (try? TimelineDate(edtf: group).display()) ?? group
    }
}
