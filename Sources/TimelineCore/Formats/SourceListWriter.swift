/// Prints `timeline sources` in the list formats.
///
/// The table shows each source's publication date at its precision (`undated` for none), its
/// publisher and title (when any source has one), and how many events, figures and relations rest on it; JSON and NDJSON
/// give each source as an object with the fields of a timeline document's sources and those three
/// counts; CSV and TSV the same columns, the date in EDTF.
public struct SourceListWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func write(_ listings: [SourceListing], filtered: Bool = false) throws {
        switch format {
        case .table, .markdown:
            // A column of titles none has (sources given by URL alone, as the sample's) is left out.
            let titled = listings.contains { $0.source.title != nil }
            let header = ["Published", "Publisher"] + (titled ? ["Title"] : []) + ["Type", "Language", "Events", "Figures", "Relations", "Key"]
            let rows = listings.map { listing -> [String] in
                let source = listing.source
                return [source.published?.display() ?? TimelineWords.english.undated, source.publisher] + (titled ? [source.title ?? ""] : [])
                    + [source.type, source.language, String(listing.events), String(listing.figures), String(listing.relations), source.key]
            }
            if format == .table {
                let none = filtered ? "No sources match.\n" : "The timeline has no sources yet.\n"
                try output.write(rows.isEmpty ? none : AlignedTable.render(header: header, rows: rows))
            } else {
                try TextRows.write(format, header: header, rows: rows, to: output)
            }
        case .csv, .tsv:
            let header = ["key", "url", "title", "publisher", "published", "language", "type", "note", "events", "figures", "relations"]
            let rows = listings.map { listing -> [String] in
                let source = listing.source
                return [source.key, source.url ?? "", source.title ?? "", source.publisher, source.published?.edtf ?? "",
                        source.language, source.type, source.note ?? "",
                        String(listing.events), String(listing.figures), String(listing.relations)]
            }
            try TextRows.write(format, header: header, rows: rows, to: output)
        case .json, .ndjson:
            let lines = listings.map { listing -> String in
                var json = JSONText()
                json.beginObject()
                Self.appendSourceFields(listing.source, to: &json)
                json.key("events")
                json.int(listing.events)
                json.key("figures")
                json.int(listing.figures)
                json.key("relations")
                json.int(listing.relations)
                json.endObject()
                return json.text
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }

    /// A source's own fields, as a timeline document names them.
    static func appendSourceFields(_ source: Source, to json: inout JSONText) {
        json.field("key", source.key)
        json.field("url", source.url)
        json.field("title", source.title)
        json.field("publisher", source.publisher)
        json.field("published", source.published?.edtf)
        json.field("language", source.language)
        json.field("type", source.type)
        json.field("note", source.note)
    }
}
