/// Writes `timeline kinds`: each kind with its description and how many events are of it.
public struct KindListWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func write(_ listings: [KindListing]) throws {
        switch format {
        case .table, .markdown:
            let header = ["Kind", "Events", "Description"]
            let rows = listings.map { [$0.name, String($0.events), $0.description] }
            if format == .table {
                try output.write(AlignedTable.render(header: header, rows: rows))
            } else {
                try TextRows.write(format, header: header, rows: rows, to: output)
            }
        case .csv, .tsv:
            try TextRows.write(format, header: ["name", "description", "events"],
                               rows: listings.map { [$0.name, $0.description, String($0.events)] }, to: output)
        case .json, .ndjson:
            let lines = listings.map { listing -> String in
                var json = JSONText()
                json.beginObject()
                json.field("name", listing.name)
                json.field("description", listing.description)
                json.key("events")
                json.int(listing.events)
                json.endObject()
                return json.text
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }
}
