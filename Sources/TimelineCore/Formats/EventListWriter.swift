/// Writes a list of events in one of the output formats, one event at a time.
///
/// Machine formats stream; `table` keeps the rows until the end to align its columns.
public final class EventListWriter {
    public let format: OutputFormat
    public let language: DateDisplayLanguage
    private let output: TextOutput
    private var tableRows: [[String]] = []
    private var count = 0

    public init(format: OutputFormat, output: TextOutput, language: DateDisplayLanguage = .english) {
        self.format = format
        self.output = output
        self.language = language
    }

    /// The columns of `csv` and `tsv`, in order: a stable contract for scripts. The list columns
    /// (entities, tags, measures, sources) hold JSON arrays of the same objects as the JSON format,
    /// so nothing is lost and `timeline import` reads the file back as it was.
    public static let flatColumns = [
        "uid", "kind", "status", "when", "earliest", "latest", "precision", "approximate", "uncertain",
        "announced", "announced_earliest", "announced_latest", "title", "summary", "entities", "tags", "measures",
        "sources",
    ]

    static let tableColumns = ["When", "Announced", "Kind", "Status", "Title", "Figures", "UID"]

    public func begin() throws {
        switch format {
        case .json: try output.write("[")
        case .csv: try output.write(DelimitedText.csvLine(Self.flatColumns))
        case .tsv: try output.write(DelimitedText.tsvLine(Self.flatColumns))
        case .markdown:
            try output.write(MarkdownText.row(Self.tableColumns) + MarkdownText.separator(count: Self.tableColumns.count))
        case .table, .ndjson: break
        }
    }

    public func write(_ event: Event) throws {
        defer { count += 1 }
        switch format {
        case .json:
            try output.write((count == 0 ? "\n" : ",\n") + EventJSON.object(event))
        case .ndjson:
            try output.write(EventJSON.object(event) + "\n")
        case .csv:
            try output.write(DelimitedText.csvLine(flatValues(event)))
        case .tsv:
            try output.write(DelimitedText.tsvLine(flatValues(event)))
        case .markdown:
            try output.write(MarkdownText.row(tableValues(event)))
        case .table:
            tableRows.append(tableValues(event))
        }
    }

    public func end() throws {
        switch format {
        case .json: try output.write(count == 0 ? "]\n" : "\n]\n")
        case .table:
            if tableRows.isEmpty {
                try output.write("No events match.\n")
            } else {
                try output.write(AlignedTable.render(header: Self.tableColumns, rows: tableRows))
            }
        case .ndjson, .csv, .tsv, .markdown: break
        }
        try output.finish()
    }

    func flatValues(_ event: Event) -> [String] {
        [
            event.uid, event.kind, event.status.rawValue, event.when.edtf, event.when.earliest?.iso ?? "",
            event.when.latest?.iso ?? "", event.when.precision.rawValue, event.when.approximate ? "true" : "false",
            event.when.uncertain ? "true" : "false", event.announced?.edtf ?? "", event.announced?.earliest?.iso ?? "",
            event.announced?.latest?.iso ?? "", event.title, event.summary ?? "",
            EventJSON.array(EventJSON.appendEntities, of: event),
            EventJSON.array(EventJSON.appendTags, of: event),
            EventJSON.array(EventJSON.appendMeasures, of: event),
            EventJSON.array(EventJSON.appendSources, of: event),
        ]
    }

    func tableValues(_ event: Event) -> [String] {
        [
            event.when.display(language), event.announced?.display(language) ?? "", event.kind, event.status.rawValue,
            event.title, event.measures.prefix(2).map { $0.display() }.joined(separator: "; "), event.uid,
        ]
    }
}
