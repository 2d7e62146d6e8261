import SQLiteStorage

/// Writes rows of plain values (from `timeline sql`) in the list formats.
///
/// In JSON, integers and reals are numbers, text is a string, NULL is null and a blob is a string
/// of hex digits. CSV and TSV write values as the sqlite3 shell does.
public final class RowWriter {
    public let format: OutputFormat
    private let output: TextOutput
    private var columns: [String] = []
    /// The keys of a JSON row: the column names, a repeated one with `_2`, `_3`, … after it.
    private var keys: [String] = []
    /// Repeated column names and the JSON keys that stand for them (`a` as `a_2`).
    public private(set) var renamedKeys: [(column: String, key: String)] = []
    private var bufferedRows: [[String]] = []
    private var count = 0

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func begin(columns: [String]) throws {
        self.columns = columns
        // A JSON object with a key twice keeps one value in most readers and loses the other
        // (`SELECT a.id, b.id …`), so the later ones get a suffix.
        var taken = Set(columns)
        var seen: Set<String> = []
        keys = columns.map { name in
            guard !seen.insert(name).inserted else { return name }
            var number = 2
            while taken.contains("\(name)_\(number)") { number += 1 }
            let key = "\(name)_\(number)"
            taken.insert(key)
            renamedKeys.append((name, key))
            return key
        }
        switch format {
        case .csv: try output.write(DelimitedText.csvLine(columns))
        case .tsv: try output.write(DelimitedText.tsvLine(columns))
        case .markdown: try output.write(MarkdownText.row(columns) + MarkdownText.separator(count: columns.count))
        case .json: try output.write("[")
        case .table, .ndjson: break
        }
    }

    public func write(_ values: [SQLValue]) throws {
        defer { count += 1 }
        switch format {
        case .json, .ndjson:
            var json = JSONText()
            json.beginObject()
            for (name, value) in zip(keys, values) {
                json.key(name)
                switch value {
                case .null: json.string(nil)
                case .integer(let integer): json.raw(String(integer))
                case .real(let real): json.raw(real.isFinite ? SQLLiteral.real(real) : "null")
                case .text(let text): json.string(text)
                case .blob(let bytes): json.string(Self.hex(bytes))
                }
            }
            json.endObject()
            if format == .json {
                try output.write((count == 0 ? "\n" : ",\n") + json.text)
            } else {
                try output.write(json.text + "\n")
            }
        case .csv: try output.write(DelimitedText.csvLine(values.map(Self.text)))
        case .tsv: try output.write(DelimitedText.tsvLine(values.map(Self.text)))
        case .markdown: try output.write(MarkdownText.row(values.map(Self.text)))
        case .table: bufferedRows.append(values.map(Self.text))
        }
    }

    public func end() throws {
        switch format {
        case .json: try output.write(count == 0 ? "]\n" : "\n]\n")
        case .table: try output.write(AlignedTable.render(header: columns, rows: bufferedRows))
        default: break
        }
        try output.finish()
    }

    static func text(_ value: SQLValue) -> String {
        switch value {
        case .null: return ""
        case .integer(let integer): return String(integer)
        case .real(let real): return SQLLiteral.real(real)
        case .text(let text): return text
        case .blob(let bytes): return hex(bytes)
        }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
