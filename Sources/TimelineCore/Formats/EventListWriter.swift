/// Writes a list of events in one of the output formats, one event at a time.
///
/// Machine formats stream; `table` keeps the rows until the end to align its columns.
public final class EventListWriter {
    public let format: OutputFormat
    public let language: DateDisplayLanguage
    /// The fixed words of `table` and `markdown`: headings and statuses, in the display language.
    private let words: TimelineWords
    /// For a table with no rows, what to say instead of `No events match.` (asked only then):
    /// events may match, and paging leave none on the page.
    public var emptyPage: (() throws -> String?)?
    let output: TextOutput
    private var tableRows: [[String]] = []
    /// The line being built, and the JSON of one object or list: kept between events for their storage.
    var line: [UInt8] = []
    private var json = JSONText()
    var count = 0

    /// What separates `csv` fields: a comma, or a semicolon (`CSVDelimiter`).
    let csvSeparator: UInt8
    /// One `csv` field, quoted when it holds `csvSeparator`.
    let csvField: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void

    public init(format: OutputFormat, output: TextOutput, language: DateDisplayLanguage = .english, csvDelimiter: CSVDelimiter = .comma) {
        self.format = format
        self.output = output
        self.language = language
        words = TimelineWords.words(for: language)
        csvSeparator = csvDelimiter.byte
        if csvDelimiter == .comma {
            csvField = DelimitedText.appendCSVField(_:to:)
        } else {
            csvField = DelimitedText.appendSemicolonCSVField(_:to:)
        }
    }

    /// The columns of `csv` and `tsv`, in order: a stable contract for scripts. The list columns
    /// (entities, tags, measures, sources) hold JSON arrays of the same objects as the JSON format,
    /// so nothing is lost and `timeline import` reads the file back as it was.
    public static let flatColumns = [
        "uid", "kind", "status", "when", "earliest", "latest", "precision", "approximate", "uncertain",
        "announced", "announced_earliest", "announced_latest", "title", "summary", "entities", "tags", "measures",
        "sources",
    ]

    /// The headings of `table` and `markdown`, in the display language.
    var tableColumns: [String] {
        [words.when, words.announced, words.kind, words.status, words.title, words.figures, words.uid]
    }


    public func begin() throws {
        switch format {
        case .json: try output.write("[")
        case .csv: try output.write(DelimitedText.csvLine(Self.flatColumns, separator: csvSeparator))
        case .tsv: try output.write(DelimitedText.tsvLine(Self.flatColumns))
        case .markdown:
            let headings = tableColumns
            try output.write(MarkdownText.row(headings) + MarkdownText.separator(count: headings.count))
        case .table, .ndjson: break
        }
    }

    public func write(_ event: Event) throws {
        defer { count += 1 }
        switch format {
        case .json:
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: (count == 0 ? "\n" : ",\n").utf8)
            json.removeAll()
            EventJSON.appendObject(event, to: &json)
            line.append(contentsOf: json.bytes)
            try output.write(bytes: line)
        case .ndjson:
            json.removeAll()
            EventJSON.appendObject(event, to: &json)
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: json.bytes)
            line.append(0x0A)
            try output.write(bytes: line)
        case .csv:
            line.removeAll(keepingCapacity: true)
            Self.appendFlatValues(event, separator: csvSeparator, field: csvField, to: &line, json: &json)
            DelimitedText.endCSVLine(&line)
            try output.write(bytes: line)
        case .tsv:
            line.removeAll(keepingCapacity: true)
            Self.appendFlatValues(event, separator: 0x09, field: DelimitedText.appendTSVField, to: &line, json: &json)
            DelimitedText.endTSVLine(&line)
            try output.write(bytes: line)
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
                try output.write(try emptyPage?() ?? words.noEvents)
                try output.write("\n")
            } else {
                try output.write(AlignedTable.render(header: tableColumns, rows: tableRows))
            }
        case .ndjson, .csv, .tsv, .markdown: break
        }
        try output.finish()
    }

    /// The `flatColumns` of an event as fields of one CSV or TSV line, appended to `line`; the
    /// list columns are JSON built in `json` and escaped as one field.
    private static func appendFlatValues(_ event: Event, separator: UInt8,
                                         field: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void,
                                         to line: inout [UInt8], json: inout JSONText) {
        var first = true
        func text(_ value: String) {
            if !first { line.append(separator) }
            first = false
            var value = value
            value.withUTF8 { field($0, &line) }
        }
        func list(_ append: (Event, inout JSONText) -> Void) {
            json.removeAll()
            append(event, &json)
            line.append(separator)
            json.bytes.withUnsafeBufferPointer { field($0, &line) }
        }
        text(event.uid)
        text(event.kind)
        text(event.status.rawValue)
        text(event.when.edtf)
        text(event.when.earliest?.iso ?? "")
        text(event.when.latest?.iso ?? "")
        text(event.when.precision.rawValue)
        text(event.when.approximate ? "true" : "false")
        text(event.when.uncertain ? "true" : "false")
        text(event.announced?.edtf ?? "")
        text(event.announced?.earliest?.iso ?? "")
        text(event.announced?.latest?.iso ?? "")
        text(event.title)
        text(event.summary ?? "")
        list(EventJSON.appendEntities)
        list(EventJSON.appendTags)
        list(EventJSON.appendMeasures)
        list(EventJSON.appendSources)
    }

    /// The first two figures, and how many more there are (`…; and 14 more`): the table keeps to a
    /// line an event, and says what it leaves to `show`.
    static func mainFigures(_ measures: [Measure], language: DateDisplayLanguage, words: TimelineWords) -> String {
        var text = measures.prefix(2).map { $0.labelledDisplay(language) }.joined(separator: "; ")
        if measures.count > 2 { text += "; " + words.andMore(measures.count - 2) }
        return text
    }

    func tableValues(_ event: Event) -> [String] {
        [
            event.when.display(language), event.announced?.display(language) ?? "", event.kind, words.status(event.status),
            event.title, Self.mainFigures(event.measures, language: language, words: words), event.uid,
        ]
    }
}
