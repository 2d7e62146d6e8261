/// A header and rows of text in one of the row formats that need no typing: Markdown, CSV, TSV;
/// and JSON objects, already written, as one array or one a line. The writers of `migrate status`,
/// `stats`, `date` and `entities` share it; each keeps its own table and JSON objects.
enum TextRows {
    /// `objects` as a JSON array, one a line (`json`), or one a line alone (`ndjson`).
    static func writeJSON(_ format: OutputFormat, objects: [String], to output: TextOutput) throws {
        if format == .json {
            try output.write("[" + (objects.isEmpty ? "" : "\n" + objects.joined(separator: ",\n") + "\n") + "]\n")
        } else {
            for object in objects { try output.write(object + "\n") }
        }
    }

    static func write(_ format: OutputFormat, header: [String], rows: [[String]], to output: TextOutput) throws {
        switch format {
        case .markdown:
            try output.write(MarkdownText.row(header) + MarkdownText.separator(count: header.count))
            for row in rows { try output.write(MarkdownText.row(row)) }
        case .csv:
            try output.write(DelimitedText.csvLine(header))
            for row in rows { try output.write(DelimitedText.csvLine(row)) }
        case .tsv:
            try output.write(DelimitedText.tsvLine(header))
            for row in rows { try output.write(DelimitedText.tsvLine(row)) }
        case .table, .json, .ndjson:
            preconditionFailure("TextRows writes Markdown, CSV and TSV only")
        }
    }
}
