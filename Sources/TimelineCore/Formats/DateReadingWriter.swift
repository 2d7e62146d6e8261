/// Prints how the tool reads dates (`timeline date`): EDTF, span, precision and qualifiers.
public struct DateReadingWriter {
    public let format: OutputFormat
    public let language: DateDisplayLanguage
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput, language: DateDisplayLanguage = .english) {
        self.format = format
        self.output = output
        self.language = language
    }

    static let columns = ["input", "edtf", "display", "earliest", "latest", "precision", "approximate", "uncertain", "start", "end"]

    public func write(_ readings: [(input: String, date: TimelineDate)]) throws {
        let rows = readings.map { reading -> [String] in
            let date = reading.date
            return [reading.input, date.edtf, date.display(language), date.earliest?.iso ?? "", date.latest?.iso ?? "",
                    date.precision.rawValue, String(date.approximate), String(date.uncertain),
                    side(date.start, kind: date.startKind), side(date.end, kind: date.endKind)]
        }
        switch format {
        case .table:
            let header = Array(Self.columns.prefix(8))
            try output.write(AlignedTable.render(header: header, rows: rows.map { Array($0.prefix(8)) }))
        case .markdown, .csv, .tsv:
            try TextRows.write(format, header: Self.columns, rows: rows, to: output)
        case .json, .ndjson:
            let objects = readings.map { reading -> String in
                var json = JSONText()
                json.beginObject()
                json.field("input", reading.input)
                appendFields(reading.date, to: &json)
                json.endObject()
                return json.text
            }
            try TextRows.writeJSON(format, objects: objects, to: output)
        }
        try output.finish()
    }

    private func side(_ date: TimelineDate?, kind: TimelineDate.IntervalEnd?) -> String {
        guard let kind else { return "" }
        switch kind {
        case .date: return date?.edtf ?? ""
        case .open: return ".."
        case .unknown: return "unknown"
        }
    }

    /// The fields of one date; intervals add `start` and `end` objects of the same shape
    /// (null for an open or unknown end, with `start_kind`/`end_kind` saying which).
    private func appendFields(_ date: TimelineDate, to json: inout JSONText) {
        json.field("edtf", date.edtf)
        json.field("display", date.display(language))
        json.field("earliest", date.earliest?.iso)
        json.field("latest", date.latest?.iso)
        json.field("precision", date.precision.rawValue)
        json.field("approximate", date.approximate)
        json.field("uncertain", date.uncertain)
        if date.isInterval {
            for (name, side, kind) in [("start", date.start, date.startKind), ("end", date.end, date.endKind)] {
                json.key(name)
                if let side {
                    json.beginObject()
                    appendFields(side, to: &json)
                    json.endObject()
                } else {
                    json.string(nil)
                }
                json.field(name + "_kind", kind?.rawValue)
            }
        }
    }
}
