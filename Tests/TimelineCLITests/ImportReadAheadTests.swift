import Foundation
import Testing

/// A file is read and decoded on a second thread, a few batches ahead of the writer; standard
/// input is read in turn. The same records through both give the same database and messages,
/// in the same order, with bad records and broken files far past the first batches.
@Suite struct ImportReadAheadTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    static let recordCount = 3_000

    /// Record `index` (0-based): bad at the given indexes (an impossible date), a title over two
    /// lines now and then (so a CSV record's line is not its index), accents and commas.
    static func record(_ index: Int, badAt bad: Set<Int>) -> (kind: String, title: String, when: String) {
        let title = index % 97 == 0 ? "Ouverture n°\(index),\nà Lyon" : "Événement \(index), \"cité\""
        let day = 1 + index % 28
        let when = bad.contains(index) ? "2021-02-30" : "20\(10 + index % 15)-0\(1 + index % 9)-\(day < 10 ? "0" : "")\(day)"
        return ("launch", title, when)
    }

    /// The records in `format`; with `brokenAt`, the file stops there, in the middle of a record
    /// that never ends (a quote or an object never closed).
    static func file(format: String, badAt bad: Set<Int>, brokenAt broken: Int? = nil) -> String {
        var text = format == "csv" ? "kind,title,when\n" : format == "json" ? "[\n" : ""
        for index in 0..<(broken ?? recordCount) {
            let record = record(index, badAt: bad)
            switch format {
            case "csv":
                text += "\(record.kind),\"\(record.title.replacingOccurrences(of: "\"", with: "\"\""))\",\(record.when)\n"
            default:
                let object = try! JSONSerialization.data(withJSONObject: ["kind": record.kind, "title": record.title, "when": record.when],
                                                         options: [.sortedKeys])
                let element = String(decoding: object, as: UTF8.self)
                text += format == "json" ? "  \(element)\(index + 1 < recordCount ? "," : "")\n" : element + "\n"
            }
        }
        guard broken == nil else {
            return text + (format == "csv" ? "launch,\"never closed,2021\n" : "{\"kind\": \"launch\", \"title\": [1\n")
        }
        return format == "json" ? text + "]\n" : text
    }

    /// The line record `index` starts on.
    static func line(ofRecord index: Int, format: String) -> Int {
        switch format {
        case "csv": 2 + index + (index == 0 ? 0 : (index - 1) / 97 + 1)  // a header, and two lines every 97th record
        case "json": 2 + index
        default: 1 + index
        }
    }

    /// The import's stdout, stderr (the input's name replaced by FILE) and exit status, and the
    /// events' uids and titles in the order they were written.
    func run(_ text: String, format: String, fromStandardInput: Bool, arguments: [String] = []) throws -> [String] {
        let name = fromStandardInput ? "stdin" : "file"
        let db = folder.path("\(name)-\(format)-\(arguments.joined()).sqlite")
        let path = folder.path("events-\(format).\(format)")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        // An existing (seeded) database: a failed import into a new path would remove it.
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let result = try CLI.run(["import", fromStandardInput ? "-" : path, "--format", format, "--db", db] + arguments,
                                 stdin: fromStandardInput ? Data(text.utf8) : nil)
        let rows = try CLI.shell("sqlite3 '\(db)' \"SELECT uid, replace(title, char(10), ' ') FROM events WHERE id > 15 ORDER BY id\"")
        #expect(rows.status == 0, "\(rows.stderr)")
        return [String(result.status), result.stdout, result.stderr, rows.stdout].map {
            $0.replacingOccurrences(of: fromStandardInput ? "standard input" : path, with: "FILE")
        }
    }

    @Test(arguments: ["csv", "ndjson", "json"])
    func skippedRecordsAreTheSameReadAheadOrInTurn(format: String) throws {
        // Bad records in the first batch, around batch edges and far past the first few batches.
        let text = Self.file(format: format, badAt: [3, 255, 256, 1_500, 2_999])
        let ahead = try run(text, format: format, fromStandardInput: false, arguments: ["--skip-invalid"])
        let inTurn = try run(text, format: format, fromStandardInput: true, arguments: ["--skip-invalid"])
        #expect(ahead == inTurn)
        #expect(ahead[0] == "0")
        #expect(ahead[1].contains("2995 added, 0 updated, 0 unchanged, 5 rejected"), "\(ahead[1])")
        let rejectedLines = ahead[2].split(separator: "\n").map { $0.split(separator: ":")[2] }
        let expectedLines = [3, 255, 256, 1_500, 2_999].map { String(Self.line(ofRecord: $0, format: format)) }
        #expect(rejectedLines.map(String.init) == expectedLines, "every rejected record named by its own line, in file order")
        #expect(ahead[3].split(separator: "\n").count == 2_995)
    }

    @Test(arguments: ["csv", "ndjson", "json"])
    func aBadRecordFarIntoTheFileStopsTheImportAndWritesNothing(format: String) throws {
        let text = Self.file(format: format, badAt: [2_400, 2_700])
        let ahead = try run(text, format: format, fromStandardInput: false)
        #expect(ahead == (try run(text, format: format, fromStandardInput: true)))
        #expect(ahead[0] == "65")
        #expect(ahead[2].contains("'2021-02-30' is not a valid date"), "\(ahead[2])")
        #expect(ahead[2].split(separator: "\n").count == 1, "only the first bad record is named")
        #expect(ahead[3].isEmpty, "nothing written")
    }

    @Test(arguments: ["csv", "ndjson", "json"])
    func aBrokenFileFarIntoItEndsTheImportAtItsLine(format: String) throws {
        let text = Self.file(format: format, badAt: [10], brokenAt: 2_800)
        let ahead = try run(text, format: format, fromStandardInput: false, arguments: ["--skip-invalid"])
        #expect(ahead == (try run(text, format: format, fromStandardInput: true, arguments: ["--skip-invalid"])))
        let lines = ahead[2].split(separator: "\n")
        #expect(lines.first?.contains("FILE:\(Self.line(ofRecord: 10, format: format)): ") == true, "the skipped record comes first: \(ahead[2])")
        // The CSV reader names the line the unclosed quote opened on, the JSON array reader the
        // line the input ends on (after the last newline), the NDJSON reader the broken line.
        let brokenLine = Self.line(ofRecord: 2_800, format: format) + (format == "json" ? 1 : 0)
        #expect(lines.last?.contains("FILE:\(brokenLine): ") == true, "\(ahead[2])")
        #expect(lines.count == 2)
        if format == "ndjson" {
            // A line that is not JSON is one bad record: skipped, and the rest written.
            #expect(ahead[0] == "0")
            #expect(ahead[3].split(separator: "\n").count == 2_799)
        } else {
            #expect(ahead[0] == "65")
            #expect(ahead[3].isEmpty, "nothing written")
        }
    }
}
