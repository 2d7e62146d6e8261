/// A header and rows of text in one of the row formats that need no typing: Markdown, CSV, TSV.
/// The writers of `migrate status`, `stats` and `date` share it; each keeps its own table and JSON.
enum TextRows {
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
