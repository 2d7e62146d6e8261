/// How rows are printed.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal; dates at their precision.
    case table
    /// One JSON array of objects.
    case json
    /// One JSON object a line.
    case ndjson
    /// RFC 4180 CSV with a header row.
    case csv
    /// Tab-separated values with a header row; tabs and newlines in values escaped as \t and \n,
    /// a value that starts with a double quote quoted as in CSV.
    case tsv
    /// A GitHub-flavoured Markdown table.
    case markdown
}
