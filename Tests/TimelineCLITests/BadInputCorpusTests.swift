import Foundation
import Testing

/// A corpus of bad input across every command. For each: one clear line on stderr, the exit code
/// DESIGN.md gives, no crash or stack trace, and the database byte-for-byte unchanged.
struct BadInput: Sendable, CustomStringConvertible {
    /// Arguments; `{db}` is the test's database, `{file}` the input file written from `file`.
    let arguments: [String]
    let status: Int32
    var file: [UInt8]? = nil
    var stderrContains: String? = nil

    var description: String {
        let shown = arguments.joined(separator: " ")
        return shown.count > 90 ? String(shown.prefix(87)) + "…" : shown
    }
}

enum BadInputCorpus {
    /// Each of these is refused by the date parser with its reason.
    static let impossibleDates = [
        "2022-02-30", "2022-13", "2022-00-01", "2021-02-29", "Q5 2022", "31/12", "12/31/2022", "2022-37", "garbage",
        "2022-12-32", "99999", "2022-1-1", "20221301", "2019/2018", "1er trentembre 2022", "T5 2022", "summer",
        "décembre", "2022--01", "2022-12-01T25:00", "∞", "2022-06-31", "1900-02-29", "2022-Q0", "H3 2022",
        "2022-12-01/2022-11-30", "'; DROP TABLE events; --",
    ]

    static let dateContexts: [(prefix: [String], suffix: [String], status: Int32)] = [
        (["list", "--from"], [], 64), (["list", "--to"], [], 64), (["list", "--on"], [], 64), (["list", "--as-of"], [], 64),
        (["stats", "--from"], [], 64), (["export", "--format", "csv", "--to"], [], 64),
        (["add", "--kind", "launch", "--title", "x", "--date"], [], 64),
        (["add", "--kind", "launch", "--title", "x", "--date", "2020", "--announced"], [], 64),
        (["date"], [], 65),
    ]

    static let injection = "'; DROP TABLE events; --"

    static var cases: [BadInput] {
        var cases: [BadInput] = []
        for date in impossibleDates {
            for context in dateContexts {
                cases.append(BadInput(arguments: context.prefix + [date] + context.suffix + ["--db", "{db}"], status: context.status,
                                      stderrContains: date.isEmpty ? nil : date))
            }
        }
        // Unknown names anywhere a vocabulary applies.
        for arguments in [
            ["list", "--kind", "layof"], ["list", "--kind", injection], ["list", "--status", "rumoured"], ["list", "--entity", injection],
            ["list", "--entity", "nobody-at-all"], ["list", "--tag", injection], ["list", "--format", "xml"], ["list", "--by", "published"],
            ["list", "--lang", "de"], ["list", "--lang", "fr", "--format", "csv"], ["list", "--format", "json", "--lang", "en"],
            ["stats", "--by", "week"], ["stats", "--kind", "nope"], ["export", "--format", "pdf"],
            ["export", "--format", "sql", "--dialect", "oracle"], ["export", "--format", "csv", "--dialect", "postgresql"],
            ["export", "--format", "html", "--lanes", "status"], ["export", "--format", "csv", "--lanes", "kind"],
            ["export", "--format", "json", "--group", "entity"], ["export", "--format", "csv", "--lang", "fr"],
            ["export", "--format", "sql", "--lang", "en"], ["add", "--kind", "nope", "--date", "2020", "--title", "x"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--status", "rumoured"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--measure", "cut=many:person"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--measure", "cut"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--measure", "Cut=5:person"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--entity", ":role"],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--entity", "NewCo:"],
            ["edit", "amazon-care-launch-2019-09", "--measure", "X="],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--quote", "words without a source"],
            ["add", "--kind", "launch", "--date", "2020"], ["add", "--kind", "launch", "--date", "2020", "--title", ""],
            ["add", "--kind", "launch", "--date", "2020", "--title", "x", "--uid", "has space"],
            ["edit", "no-such-uid", "--title", "x"], ["remove", "no-such-uid"], ["show", "no-such-uid"], ["show", injection],
            ["list", "--limit", "-5"], ["list", "--limit", "many"], ["list", "--offset", "-1"], ["list", "--on", "2022", "--from", "2021"],
            ["list", "--rank"], ["list", "--related"], ["list", "--within"], ["stats", "--within"], ["list", "--search", "(unbalanced"],
            ["list", "--from", "2023", "--to", "2022"], ["list", "--today", "tomorrow", "--from", "today"],
            ["sql", "DELETE FROM events"], ["sql", injection], ["sql", "SELECT * FROM no_such_table"], ["sql", "SELECT :x", "-p", "y", "1"],
            ["sql", "SELECT 1", "--timeout-ms", "0"], ["sql", "SELECT 1", "-p", "only-a-name"],
            ["migrate", "--dir", "/no/such/folder/at/all"], ["import", "/no/such/file.csv"], ["import", "{db}", "--format", "xml"],
            ["backup", "/"], ["frobnicate"], ["list", "--no-such-flag"], ["date", "2020", "--ref", "not a date"],
        ] {
            let status: Int32
            switch arguments.first {
            case "edit" where arguments.contains("--measure"): status = 64
            case "edit", "remove", "show": status = 66
            case "import" where arguments[1] == "/no/such/file.csv": status = 66
            case "date": status = 64  // --ref's value, a flag's
            case "backup": status = 73
            case "migrate": status = 65
            default: status = 64
            }
            cases.append(BadInput(arguments: arguments + ["--db", "{db}"], status: status))
        }
        // Files that cannot be imported.
        let csvHeader = "kind,title,when\n"
        let files: [(String, [UInt8], [String])] = [
            ("a NUL byte", Array((csvHeader + "launch,a\u{0}b,2020\n").utf8), ["--format", "csv"]),
            ("invalid UTF-8", Array(csvHeader.utf8) + [0x6C, 0x61, 0x75, 0x6E, 0x63, 0x68, 0x2C, 0xFF, 0xFE, 0x2C, 0x32, 0x30, 0x32, 0x30, 0x0A], ["--format", "csv"]),
            ("an unbalanced quote", Array((csvHeader + "launch,\"open,2020\n").utf8), ["--format", "csv"]),
            ("a quote inside a field", Array((csvHeader + "launch,ab\"c,2020\n").utf8), ["--format", "csv"]),
            ("too few fields", Array((csvHeader + "launch,x\n").utf8), ["--format", "csv"]),
            ("too many fields", Array((csvHeader + "launch,x,2020,extra\n").utf8), ["--format", "csv"]),
            ("an impossible date", Array((csvHeader + "launch,x,2022-02-30\n").utf8), ["--format", "csv"]),
            ("an ambiguous date", Array((csvHeader + "launch,x,3/6/2023\n").utf8), ["--format", "csv"]),
            ("an unknown kind", Array((csvHeader + "launchh,x,2020\n").utf8), ["--format", "csv"]),
            ("a duplicate header", Array("kind,kind,title,when\nlaunch,launch,x,2020\n".utf8), ["--format", "csv"]),
            ("no title column", Array("kind,when\nlaunch,2020\n".utf8), ["--format", "csv"]),
            ("a TSV with a bad date", Array("kind\ttitle\twhen\nlaunch\tx\t2022-13\n".utf8), ["--format", "tsv"]),
            ("JSON kind a number", Array(#"{"kind":5,"title":"x","when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("JSON title an array", Array(#"{"kind":"launch","title":["x"],"when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("JSON when a number that is no year", Array(#"{"kind":"launch","title":"x","when":2020.5}"#.utf8), ["--format", "ndjson"]),
            ("JSON entities a string", Array(#"{"kind":"launch","title":"x","when":"2020","entities":"acme"}"#.utf8), ["--format", "ndjson"]),
            ("JSON measures value an object", Array(#"{"kind":"launch","title":"x","when":"2020","measures":[{"quantity":"q","value":{},"unit":"u"}]}"#.utf8), ["--format", "ndjson"]),
            ("JSON measure value an exponent past 400", Array(#"{"kind":"launch","title":"x","when":"2020","measures":[{"quantity":"q","value":1e999,"unit":"u"}]}"#.utf8), ["--format", "ndjson"]),
            ("JSON sources an object", Array(#"{"kind":"launch","title":"x","when":"2020","sources":{}}"#.utf8), ["--format", "ndjson"]),
            ("JSON a bad stance", Array(#"{"kind":"launch","title":"x","when":"2020","sources":[{"url":"https://a.example","stance":"likes"}]}"#.utf8), ["--format", "ndjson"]),
            ("JSON a bad status", Array(#"{"kind":"launch","title":"x","when":"2020","status":"maybe"}"#.utf8), ["--format", "ndjson"]),
            ("JSON missing when", Array(#"{"kind":"launch","title":"x"}"#.utf8), ["--format", "ndjson"]),
            ("JSON a duplicate key", Array(#"{"kind":"launch","kind":"layoff","title":"x","when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("JSON truncated", Array(#"{"kind":"launch","title":"x","wh"#.utf8), ["--format", "ndjson"]),
            ("JSON not an object", Array("[1, 2, 3]\n".utf8), ["--format", "ndjson"]),
            ("JSON array with a bad element", Array(#"[{"kind":"launch","title":"x","when":"2020"}, 7]"#.utf8), ["--format", "json"]),
            ("JSON an object instead of an array", Array(#"{"events":[]}"#.utf8), ["--format", "json"]),
            ("JSON nested too deep", Array((String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)).utf8), ["--format", "json"]),
            ("JSON a NUL character", Array(#"{"kind":"launch","title":"has\u0000nul","when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("JSON a lone surrogate", Array(#"{"kind":"launch","title":"\ud800","when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("JSON invalid UTF-8", Array(#"{"kind":"launch","title":""#.utf8) + [0xC3, 0x28] + Array(#"","when":"2020"}"#.utf8), ["--format", "ndjson"]),
            ("duplicate uids with different content", Array((#"{"uid":"d","kind":"launch","title":"x","when":"2020"}"# + "\n" + #"{"uid":"d","kind":"launch","title":"y","when":"2020"}"#).utf8), ["--format", "ndjson"]),
            ("a bad --date-format", Array((csvHeader + "launch,x,3/6/2023\n").utf8), ["--format", "csv", "--date-format", "m/yyyy"]),
            ("a --map to an unknown field", Array((csvHeader + "launch,x,2020\n").utf8), ["--format", "csv", "--map", "title=headline"]),
            ("a --map of a missing column", Array((csvHeader + "launch,x,2020\n").utf8), ["--format", "csv", "--map", "company=entity"]),
            ("a --set without a value", Array((csvHeader + "launch,x,2020\n").utf8), ["--format", "csv", "--set", "kind"]),
            ("a figure that is not a number", Array("kind,title,when,n\nlaunch,x,2020,\"1,000\"\n".utf8), ["--format", "csv", "--map", "n=measure:cut:person"]),
        ]
        for (name, bytes, options) in files {
            let status: Int32 = name.hasPrefix("a bad --date-format") || name.hasPrefix("a --") || name == "no title column" ? 64 : 65
            cases.append(BadInput(arguments: ["import", "{file}"] + options + ["--db", "{db}"], status: status, file: bytes,
                                  stderrContains: status == 65 && !name.hasPrefix("an empty") && !name.hasPrefix("JSON nested") && !name.hasPrefix("JSON array") ? "{file}:" : nil))
        }
        return cases
    }
}

/// The folder of the corpus's template database, removed when the test process exits.
nonisolated(unsafe) private var corpusTemplateFolder: String?

@Suite struct BadInputCorpusTests {
    /// A seeded database made once and copied for each case.
    static let template: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-corpus-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        corpusTemplateFolder = folder.path
        atexit {
            if let folder = corpusTemplateFolder { try? FileManager.default.removeItem(atPath: folder) }
        }
        let path = folder.appendingPathComponent("template.sqlite")
        _ = try? CLI.run(["list", "--db", path.path])
        // A plain rollback-journal copy, so each case's database is one self-contained file.
        _ = try? CLI.run([path.path, "PRAGMA journal_mode = DELETE"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        return path
    }()

    @Test func theCorpusIsLargeEnough() {
        #expect(BadInputCorpus.cases.count >= 200)
    }

    @Test(arguments: BadInputCorpus.cases)
    func refusedWithOneLineTheRightCodeAndNothingChanged(_ input: BadInput) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        try FileManager.default.copyItem(atPath: Self.template.path, toPath: db)
        let file = folder.path("input.data")
        if let bytes = input.file { try Data(bytes).write(to: URL(fileURLWithPath: file)) }
        let arguments = input.arguments.map { $0.replacingOccurrences(of: "{db}", with: db).replacingOccurrences(of: "{file}", with: file) }
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(arguments)
        #expect(result.status == input.status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        #expect(lines.count == 1, "one line on stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix("timeline: "))
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
        if let expected = input.stderrContains?.replacingOccurrences(of: "{file}", with: file) {
            #expect(result.stderr.contains(expected), "stderr names \(expected): \(result.stderr)")
        }
        #expect(try folder.bytes("timeline.sqlite") == before, "the database is unchanged")
    }
}

/// Valid text that looks dangerous is stored and shown back literally.
@Suite struct LiteralTextTests {
    @Test(arguments: [
        "'; DROP TABLE events; --", "\" OR 1=1 --", "Robert'); DROP TABLE events;--", "%' OR '1'='1", "<script>alert(1)</script>",
        "line\nbreak", "tab\there", "emoji 🙂 and שלום", "back\\slash", "{{template}}",
    ])
    func storedAndShownBackLiterally(_ text: String) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let added = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", text, "--summary", text,
                                 "--entity", text, "--uid", "literal", "--tag", text])
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try CLI.run(["show", "literal", "--db", db, "--format", "json"])
        let event = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(event["title"] as? String == text)
        #expect(event["summary"] as? String == text)
        #expect((event["entities"] as? [[String: Any]])?.first?["name"] as? String == text)
        #expect((event["tags"] as? [String]) == [text])
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout.contains("literal\t"))
        #expect(try CLI.run(["list", "--db", db, "--tag", text, "--format", "tsv"]).stdout.contains("literal\t"))
    }

    @Test func aTenMegabyteFieldIsStoredWhole() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let big = String(repeating: "abcdefghij", count: 1_000_000)
        let csv = folder.path("big.csv")
        try Data(("kind,title,when,summary\nlaunch,big,2020,\"" + big + "\"\n").utf8).write(to: URL(fileURLWithPath: csv))
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let length = try CLI.run([db, "SELECT length(summary) FROM events WHERE title = 'big'"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        #expect(length.stdout == "10000000\n")
    }

    @Test(arguments: ["folder", "under-a-file", "not-sqlite", "truncated", "newer"])
    func databasesThatCannotBeUsed(_ kind: String) throws {
        let folder = try TemporaryFolder()
        var db = folder.path("timeline.sqlite")
        var expected: Int32 = 65
        switch kind {
        case "folder":
            db = folder.url.path
            expected = 73
        case "under-a-file":
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder.path("file")))
            db = folder.path("file/timeline.sqlite")
            expected = 73
        case "not-sqlite":
            try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: db))
        case "truncated":
            let full = folder.path("full.sqlite")
            try CLI.run(["list", "--db", full])
            try CLI.run([full, "PRAGMA journal_mode = DELETE"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
            try Data(try folder.bytes("full.sqlite").prefix(8192)).write(to: URL(fileURLWithPath: db))
        default:
            try CLI.run(["list", "--db", db])
            try CLI.run([db, "INSERT INTO schema_migrations VALUES (9999, 'future', 'migration', 'ff', '2030-01-01'); PRAGMA user_version = 0;"],
                        executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        }
        let before = FileManager.default.contents(atPath: db)
        for arguments in [["list"], ["add", "--kind", "launch", "--date", "2020", "--title", "x"], ["export", "--format", "sql"]] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == expected, "\(kind) \(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("timeline: ") && result.stderr.split(separator: "\n").count == 1)
        }
        #expect(FileManager.default.contents(atPath: db) == before)
    }
}
