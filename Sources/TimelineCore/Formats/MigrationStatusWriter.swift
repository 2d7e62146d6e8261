import MigrationRunner

/// Prints `migrate status` rows in the list formats.
public struct MigrationStatusWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    static let columns = ["version", "name", "kind", "state", "applied_at", "checksum"]

    public func write(_ statuses: [MigrationStatus]) throws {
        let rows = statuses.map { status in
            [String(status.version), status.name, status.kind.rawValue, status.state.rawValue, status.appliedAt ?? "",
             status.checksum ?? status.recordedChecksum ?? ""]
        }
        switch format {
        case .table:
            try output.write(AlignedTable.render(header: Self.columns, rows: rows.map { row in
                var shortened = row
                shortened[5] = String(row[5].prefix(12))
                return shortened
            }))
        case .markdown, .csv, .tsv:
            try TextRows.write(format, header: Self.columns, rows: rows, to: output)
        case .json, .ndjson:
            var lines: [String] = []
            for (status, row) in zip(statuses, rows) {
                var json = JSONText()
                json.beginObject()
                json.key("version")
                json.int(status.version)
                json.field("name", row[1])
                json.field("kind", row[2])
                json.field("state", row[3])
                json.field("applied_at", status.appliedAt)
                json.field("checksum", status.checksum)
                json.field("recorded_checksum", status.recordedChecksum)
                json.endObject()
                lines.append(json.text)
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }
}
