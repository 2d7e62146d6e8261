import Foundation
import Testing

@Suite struct ImportCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The README's worked example.
    static let layoffsArguments = [
        "--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when", "--date-format", "m/d/yyyy",
        "--null", "NULL", "--map", "total_laid_off=measure:employees-laid-off:person",
        "--map", "percentage_laid_off=measure:workforce-share-laid-off:fraction", "--map", "country=tag",
        "--title-template", "{company} lays off {total_laid_off|staff}",
    ]

    /// A JSON field that is not an event's would be dropped: it is refused, naming it, at any depth.
    @Test(arguments: [
        (#"{"kind":"launch","title":"x","when":"2020","whne":"2021"}"#, "field 'whne' is not a field of an event; it has uid, kind, status, title, summary, when,"),
        (#"{"kind":"launch","title":"x","when":"2020","entities":[{"name":"Acme","rol":"employer"}]}"#,
         "field 'entities[0].rol' is not a field of an event's entity; it has slug, name and role (did you mean 'role'?)."),
        // Named before the field it was meant for is found missing, and with its guess.
        (#"{"kind":"launch","title":"x","whne":"2021"}"#, "field 'whne' is not a field of an event;"),
        (#"{"kind":"launch","title":"x","when":"2020","sources":[{"url":"https://a.example","qoute":"y"}]}"#,
         "field 'sources[0].qoute' is not a field of a source; it has key, url,"),
        (#"{"kind":"launch","title":"x","when":"2020","measures":[{"quantity":"q","value":"1","unit":"u","unti":"v"}]}"#,
         "field 'measures[0].unti' is not a field of a figure; it has quantity, value,"),
    ])
    func anUnknownJSONFieldIsRefused(record: String, message: String) throws {
        for (name, text) in [("record.ndjson", record + "\n"), ("records.json", "[" + record + "]")] {
            let path = try write(name, text)
            let result = try CLI.run(["import", path, "--db", db])
            #expect(result.status == 65)
            #expect(result.stderr.hasPrefix("timeline: \(path):1: \(message)"), "\(result.stderr)")
            if !record.contains(#""when""#) { #expect(result.stderr.hasSuffix(" (did you mean 'when'?).\n"), "\(result.stderr)") }
        }
    }

    /// Text in another encoding is named as such, with the way to convert it.
    @Test(arguments: [
        // UTF-8's mark then bytes that are no UTF-8, not UTF-16's mark: named by the text's code page.
        ("utf8-mark-then-fe.csv", [0xEF, 0xBB, 0xBF, 0xFE, 0xFF] + Array("caf".utf8) + [0xE9] + Array(",x\n".utf8),
         ":1: the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
        ("u32.csv", [0xFF, 0xFE, 0, 0, 0x6B, 0, 0, 0], " is UTF-32 text (it starts with a UTF-32 byte order mark); save it as UTF-8, or convert it with iconv -f UTF-32 -t UTF-8.\n"),
        ("latin1.ndjson", [0xE9] + Array(#"{"kind":"launch"}"#.utf8) + [0x0A], ":1: invalid JSON at byte 1: the byte 0xE9 is not UTF-8 text (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
        ("stray.ndjson", Array(#"é{"kind":"launch"}"#.utf8) + [0x0A], ":1: invalid JSON at byte 1: unexpected character 'é'.\n"),
        ("latin1-string.ndjson", Array(#"{"title":""#.utf8) + [0xE9] + Array(#""}"#.utf8) + [0x0A],
         ":1: invalid JSON at byte 11: a string is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
        // Named by its column, as a record's other faults are.
        ("latin1.csv", Array("kind,title,when\nlaunch,".utf8) + [0xE9] + Array("t\u{E9},2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
        // Cyrillic words (runs of such bytes) and Turkish letters name their code pages: a
        // Windows-1252 conversion would save them as other letters.
        ("cp1251.csv", Array("kind,title,when\nlaunch,".utf8) + [209, 238, 234, 240, 224, 249, 229, 237, 232, 229, 32, 226, 32, 168, 230, 232, 234] + Array(",2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as Windows-1251 (Cyrillic) or another alphabet's code page (WINDOWS-1255 Hebrew, WINDOWS-1256 Arabic, …)? import it with --encoding windows-1251, or convert it with iconv -f WINDOWS-1251 -t UTF-8).\n"),
        ("koi8.csv", Array("kind,title,when\nlaunch,".utf8) + [243, 207, 203, 210, 193, 221, 197, 206, 201, 197, 32, 215, 32, 179, 214, 201, 203] + Array(",2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as KOI8-R, Cyrillic? import it with --encoding koi8-r, or convert it with iconv -f KOI8-R -t UTF-8).\n"),
        ("cp1254.csv", Array("kind,title,when\nlaunch,".utf8) + [222, 105, 254, 108, 105, 32, 72, 111, 108, 100, 105, 110, 103] + Array(",2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as Windows-1254, Turkish? import it with --encoding windows-1254, or convert it with iconv -f WINDOWS-1254 -t UTF-8).\n"),
        ("cp1251.ndjson", Array(#"{"title":""#.utf8) + [209, 238, 234, 240, 224, 249, 229, 237, 232, 229] + Array(#""}"#.utf8) + [0x0A],
         ":1: invalid JSON at byte 11: a string is not valid UTF-8 (a file saved as Windows-1251 (Cyrillic) or another alphabet's code page (WINDOWS-1255 Hebrew, WINDOWS-1256 Arabic, …)? import it with --encoding windows-1251, or convert it with iconv -f WINDOWS-1251 -t UTF-8).\n"),
        // Western European letters side by side (`çõ`, `éé`) are no Cyrillic word.
        ("pt.csv", Array("kind,title,when\nlaunch,Expans".utf8) + [0xE3] + Array("o das opera".utf8) + [0xE7, 0xF5] + Array("es,2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
        ("fr.csv", Array("kind,title,when\nlaunch,Une soci".utf8) + [0xE9, 0x74, 0xE9, 0x20, 0x72, 0xE9, 0xE9, 0x6C, 0x75, 0x65, 0x20, 0xAB, 0xA0, 0x78, 0xA0, 0xBB] + Array(",2020\n".utf8),
         ":2: column 'title': the text is not valid UTF-8 (a file saved as Latin-1 or Windows-1252? import it with --encoding windows-1252, or convert it with iconv -f WINDOWS-1252 -t UTF-8).\n"),
    ] as [(String, [UInt8], String)])
    func textInAnotherEncodingIsNamed(name: String, bytes: [UInt8], message: String) throws {
        let path = folder.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(path)\(message)")
    }

    /// A spreadsheet's own file, a PDF, a compressed file or a database given for a table of
    /// events is named for what it is, with what to do instead, however it is given.
    @Test(arguments: [
        ("sheet.xlsx", Array("PK\u{03}\u{04}\u{14}\u{00}\u{06}\u{00}".utf8) + [0x08, 0x00, 0xE9, 0xFF],
         "is a ZIP archive (an .xlsx or .ods spreadsheet is one), not text of events; save the sheet as CSV (UTF-8) from the spreadsheet, and import that.\n"),
        ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0xFE],
         "is an Excel 97–2003 workbook (.xls), not text of events; save the sheet as CSV (UTF-8) from the spreadsheet, and import that.\n"),
        ("article.pdf", Array("%PDF-1.7\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3],
         "is a PDF document, not text of events; events are read from CSV, TSV, NDJSON, JSON or a timeline document (`timeline help import`).\n"),
        ("events.csv.gz", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00],
         "is compressed with gzip, not text of events; `gunzip -c {FILE} | timeline --db {DB} import -{OPTIONS}` reads what it holds.\n"),
    ] as [(String, [UInt8], String)])
    func aBinaryFileIsNamedForWhatItIs(name: String, bytes: [UInt8], message: String) throws {
        let path = folder.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=launch"])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(path) " + message.replacing("{FILE}", with: path).replacing("{DB}", with: db)
                    .replacing("{OPTIONS}", with: " --set kind=launch"), "\(result.stderr)")
        let piped = try CLI.run(["import", "-", "--db", db], stdin: Data(bytes))
        #expect(piped.status == 65)
        #expect(piped.stderr == "timeline: standard input " + message.replacing("{FILE}", with: "FILE").replacing("{DB}", with: db)
                    .replacing("{OPTIONS}", with: ""), "\(piped.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "no database made for it")
    }

    /// The command a compressed file's refusal gives, run as printed, imports it: with the
    /// options the import was given (quoted for the shell where they need it).
    @Test func theCommandForACompressedFileKeepsTheOptions() throws {
        let csv = folder.path("layoffs.csv")
        try "company,date,n\nAcme Corp,3/6/2023,120\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.shell("gzip -k '\(csv)'").status == 0)
        let options = ["--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when", "--date-format", "m/d/yyyy",
                       "--map", "n=measure:employees-laid-off:person", "--title-template", "{company} lays off {n|staff}",
                       "--null", "N/A", "--decimal-mark", ".", "--delimiter", ",", "--format", "csv", "--skip-invalid", "--today", "2024-01-01",
                       "--encoding", "utf-8"]
        let refused = try CLI.run(["import", csv + ".gz", "--db", db] + options)
        #expect(refused.status == 65)
        let command = refused.stderr.split(separator: "`").dropFirst().first.map(String.init) ?? ""
        #expect(command.hasPrefix("gunzip -c \(csv).gz | timeline --db \(db) import - --format csv --map company=entity:employer "), "\(command)")
        #expect(command.contains("--title-template '{company} lays off {n|staff}'"), "\(command)")
        // Every option import has is given above (but --dry-run, whose command would import
        // nothing: CheckBackupTests), and each is in the command: an option added to import and
        // not to the command fails here.
        let help = try CLI.run(["import", "--experimental-dump-help"])
        let arguments = ((try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])?["command"] as? [String: Any])?["arguments"]
            as? [[String: Any]] ?? []
        let names = arguments.filter { ["option", "flag"].contains($0["kind"] as? String) }
            .compactMap { ($0["preferredName"] as? [String: Any])?["name"] as? String }.map { "--" + $0 }
        #expect(names.count > 10, "\(help.stdout.prefix(300))")
        for name in names where !["--db", "--busy-timeout-ms", "--help", "--version", "--dry-run"].contains(name) {
            #expect(options.contains(name) && command.contains(" \(name)"), "\(name) is not given again: \(command)")
        }
        let run = try CLI.shell(command.replacing("| timeline ", with: "| '\(CLI.executable.path)' "))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try jsonEvents(["--search", "Acme"]).map { $0["title"] as? String } == ["Acme Corp lays off 120"])
    }

    /// An SQLite database given to import: a timeline's is exported and piped in.
    @Test func aDatabaseGivenToImportSaysHowToBringItsEventsIn() throws {
        let other = folder.path("other timeline.sqlite")
        #expect(try CLI.run(["list", "--db", other]).status == 0)
        let result = try CLI.run(["import", other, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(other) is an SQLite database, not text of events; for a timeline's, "
                + "`timeline --db '\(other)' export --format ndjson | timeline --db \(db) import -` brings its events in.\n", "\(result.stderr)")
        // A file whose name starts with '-' is named so that the command reads it as a file.
        let dashed = folder.path("-events.csv.gz")
        try Data([0x1F, 0x8B, 0x08, 0x00]).write(to: URL(fileURLWithPath: dashed))
        let named = try CLI.run(["import", "--db", db, "--", "-events.csv.gz"], currentDirectory: URL(fileURLWithPath: folder.path("")))
        #expect(named.stderr.contains("`gunzip -c ./-events.csv.gz | timeline --db \(db) import -`"), "\(named.stderr)")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let brought = try CLI.shell("'\(CLI.executable.path)' --db '\(other)' export --format ndjson | '\(CLI.executable.path)' --db '\(db)' import -")
        #expect(brought.status == 0 && brought.stdout.contains("15 added"), "\(brought.stderr)")
    }

    @Test func layoffsSpreadsheetIsAllOrNothing() throws {
        try CLI.run(["list", "--db", db])
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db] + Self.layoffsArguments)
        #expect(result.status == 65)
        #expect(result.stderr.contains("layoffs.csv:8: column 'date' is empty, and an event needs a when"))
        // The first bad record stops it; the columns that would be left out are named before it.
        #expect(result.stderr.split(separator: "\n").count == 2)
        #expect(result.stderr.hasPrefix("timeline: note: the columns 'location', 'industry', 'stage', 'funds_raised_millions' are no event fields and would be left out;"),
                "\(result.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == before, "nothing written")
    }

    @Test func layoffsSpreadsheetWithSkipInvalid() throws {
        let first = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--skip-invalid"] + Self.layoffsArguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("5 added, 0 updated, 1 unchanged, 2 rejected"))
        #expect(first.stderr.contains("layoffs.csv:8: column 'date' is empty"))
        #expect(first.stderr.contains("layoffs.csv:9: column 'date': '2/29/2023', read as m/d/yyyy, is not a valid date: February 2023 has 28 days (2023 is not a leap year).\n"))

        let again = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--skip-invalid"] + Self.layoffsArguments)
        #expect(again.stdout.contains("0 added, 0 updated, 6 unchanged, 2 rejected"), "re-importing changes nothing")

        let events = try jsonEvents(["--kind", "layoff", "--from", "2022-12-15"])
        let titles = events.compactMap { $0["title"] as? String }
        #expect(titles.contains("Initech, Inc. lays off 45"), "quoted commas")
        #expect(titles.contains("Acme Robotics lays off staff"), "a NULL figure takes its stand-in")
        #expect(titles.filter { $0.hasPrefix("Globex lays off") }.count == 2, "two layoffs on one day with different figures are two events")
        let amazon = try #require(events.first { $0["title"] as? String == "Amazon lays off 18000" })
        #expect(amazon["when"] as? String == "2023-01-04")
        #expect((amazon["entities"] as? [[String: Any]])?.first?["slug"] as? String == "amazon", "Amazon is the seed's entity")
        #expect((amazon["tags"] as? [String]) == ["United States"])
        let measures = try #require(amazon["measures"] as? [[String: Any]])
        #expect(measures.map { $0["value"] as? String } == ["18000", "0.01"])
    }

    @Test func dryRunWritesNothing() throws {
        try CLI.run(["list", "--db", db])
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--skip-invalid", "--dry-run"] + Self.layoffsArguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("would add 5"))
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    /// A row written twice in one file is one event, counted unchanged, and said to be a repeat;
    /// the same file imported again finds it so too. A file naming each event once says nothing.
    @Test func aRowWrittenTwiceIsNamed() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("dup.csv", "kind,title,when\nlaunch,X,2020\nlaunch,X,2020\nlaunch,Y,2021\nlaunch,X,2020\n")
        let note = "timeline: note: 2 records of the file give an event exactly as an earlier one does (launch-2020-"
        for expected in [": 2 added, 0 updated, 2 unchanged.\n", ": 0 added, 0 updated, 4 unchanged.\n"] {
            let imported = try CLI.run(["import", sheet, "--db", db])
            #expect(imported.stdout.hasSuffix(expected), "\(imported.stdout)")
            #expect(imported.stderr.hasPrefix(note) && imported.stderr.hasSuffix("and were counted unchanged: a row written twice is one event.\n"),
                    "\(imported.stderr)")
        }
        let once = try write("once.csv", "kind,title,when\nlaunch,X,2020\nlaunch,Y,2021\n")
        let quiet = try CLI.run(["import", once, "--db", db])
        #expect(quiet.stdout.hasSuffix(": 0 added, 0 updated, 2 unchanged.\n") && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // With its uid, a record giving every part (as export writes one) written twice is
        // named so too; records giving some parts (a uid and a title) may each repeat none.
        let line = try #require(try CLI.run(["export", "--db", db, "--format", "ndjson"]).stdout.split(separator: "\n").first)
        let twice = try write("twice.ndjson", line + "\n" + line + "\n")
        let other = folder.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "migrate", "--skip-seeds"]).status == 0)
        let withUID = try CLI.run(["import", twice, "--db", other])
        #expect(withUID.stdout.hasSuffix(": 1 added, 0 updated, 1 unchanged.\n")
                && withUID.stderr.hasPrefix("timeline: note: 1 record of the file gives an event exactly as an earlier one does ("), "\(withUID.stderr)")
        let uid = try #require((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["uid"] as? String)
        let partial = try write("partial.csv", "uid,kind,when,title\n\(uid),launch,2020,X\n\(uid),launch,2020,X\n")
        let parts = try CLI.run(["import", partial, "--db", other])
        #expect(parts.stdout.hasSuffix(": 0 added, 0 updated, 2 unchanged.\n") && parts.stderr.isEmpty, "\(parts.stdout)\(parts.stderr)")
    }

    /// A --map or --set to a field that is none is refused before anything is read, naming the
    /// field meant when one is near.
    @Test(arguments: [("Datum=wehn", "'wehn' is not a field to import into (did you mean 'when'?); fields: uid, kind,"),
                      ("F=mesure:drivers:person", "'mesure:drivers:person' is not a field to import into (did you mean 'measure:drivers:person'?); fields:"),
                      ("Land=entiy:place", "'entiy:place' is not a field to import into (did you mean 'entity:place'?); fields:"),
                      ("X=zzzz", "'zzzz' is not a field to import into; fields: uid, kind,"),
                      ("X=measure:drivers", "'measure:drivers' is not a field to import into (a figure is measure:QUANTITY:UNIT, as measure:employees-laid-off:person);"),
                      ("X=measure", "'measure' is not a field to import into (a figure is measure:QUANTITY:UNIT"),
                      ("X=entity:place:x", "'entity:place:x' is not a field to import into (an entity is entity or entity:ROLE, as entity:employer);"),
                      ("D=measure:Drivers:person", "'measure:Drivers:person': the quantity 'Drivers' is not written in lower-case letters, digits and hyphens; write measure:drivers:person.")])
    func anUnknownFieldIsNamed(map: String, message: String) throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let before = try folder.bytes("timeline.sqlite")
        let refused = try CLI.run(["import", try write("one.csv", "kind,title,when\nlaunch,X,2020\n"), "--db", db, "--map", map])
        #expect(refused.status == 64 && refused.stderr.hasPrefix("timeline: " + message), "\(refused.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    /// A dry run on a --db where there is no database (mistyped) says it was rehearsed on a new
    /// one with the sample, whose events it would otherwise report as the user's, and leaves none.
    @Test func aDryRunWhereThereIsNoDatabaseSaysSo() throws {
        let missing = folder.path("mistyped.sqlite")
        let note = "timeline: note: there is no database at \(missing), so the dry run was rehearsed on a new one with the Amazon Care sample timeline, and left none behind.\n"
        let imported = try CLI.run(["import", try write("one.csv", "kind,title,when\nlaunch,X,2020\n"), "--db", missing, "--dry-run"])
        #expect(imported.status == 0 && imported.stdout == "Dry run, nothing written: would add 1, update 0, leave 0 unchanged.\n", "\(imported.stderr)")
        #expect(imported.stderr == note)
        let merged = try CLI.run(["entities", "merge", "care-medical", "amazon-care", "--db", missing, "--dry-run"])
        #expect(merged.status == 0 && merged.stderr == note, "\(merged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
        // Failing, it says so too (an entity the sample lacks), before the error.
        let failed = try CLI.run(["entities", "merge", "acme", "amazon", "--db", missing, "--dry-run"])
        #expect(failed.status == 66 && failed.stderr.hasPrefix(note + "timeline: no entity is named 'acme'"), "\(failed.stderr)")
        // An empty file is left empty, and said so.
        #expect(FileManager.default.createFile(atPath: missing, contents: Data()))
        let inEmpty = try CLI.run(["import", try write("one.csv", "kind,title,when\nlaunch,X,2020\n"), "--db", missing, "--dry-run"])
        #expect(inEmpty.status == 0 && inEmpty.stderr == "timeline: note: the file \(missing) was empty, so the dry run was rehearsed on a new database in it "
                + "with the Amazon Care sample timeline, and left it empty.\n", "\(inEmpty.stderr)")
        #expect(try folder.bytes("mistyped.sqlite").isEmpty)
    }

    /// Without --skip-invalid a dry run still reads on, naming every bad record, then fails.
    @Test func dryRunNamesEveryBadRecord() throws {
        try CLI.run(["list", "--db", db])
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--dry-run"] + Self.layoffsArguments)
        #expect(result.status == 65)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 4, "\(result.stderr)")
        #expect(lines.first?.contains("layoffs.csv:8: column 'date' is empty") == true)
        #expect(lines[2].hasPrefix("timeline: note: the columns 'location', 'industry', 'stage', 'funds_raised_millions' are no event fields and would be left out;"))
        #expect(lines.last == "timeline: 2 of 8 records are bad in \(RepositoryFiles.fixture("layoffs.csv")) (each named above); nothing was written, and an import would stop at the first.")
        #expect(result.stdout.isEmpty)
        #expect(try folder.bytes("timeline.sqlite") == before)
        // A clean file's dry run still says what would change.
        let clean = try write("clean.ndjson", #"{"kind":"launch","title":"x","when":"2020"}"# + "\n")
        let fine = try CLI.run(["import", clean, "--db", db, "--dry-run"])
        #expect(fine.status == 0 && fine.stdout == "Dry run, nothing written: would add 1, update 0, leave 0 unchanged.\n", "\(fine.stdout)\(fine.stderr)")
    }

    func jsonEvents(_ arguments: [String], database: String? = nil) throws -> [[String: Any]] {
        let result = try CLI.run(["list", "--db", database ?? db, "--format", "json"] + arguments)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    }

    @Test(arguments: ["ndjson", "json", "csv", "tsv"])
    func exportImportExportIsByteIdentical(format: String) throws {
        let source = folder.path("source.sqlite")
        _ = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", source, "--skip-invalid"] + Self.layoffsArguments)
        let quirky = try write("quirky.ndjson", #"{"kind":"other","title":"Quote \" tab\t newline\n emoji 🙂 שלום","when":"2019~","summary":"x, \"y\"","tags":["a;b"],"measures":[{"quantity":"value","value":"0.000000000000000000001","unit":"USD"}]}"# + "\n")
        #expect(try CLI.run(["import", quirky, "--db", source]).status == 0)
        let first = folder.path("first.\(format)")
        #expect(try CLI.run(["export", "--format", format, "--db", source, "--output", first]).status == 0)

        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", empty]).status == 0)
        #expect(try CLI.run(["list", "--db", empty]).stdout == "No events match.\n")
        let imported = try CLI.run(["import", first, "--db", empty])
        #expect(imported.status == 0, "\(imported.stderr)")
        let second = folder.path("second.\(format)")
        #expect(try CLI.run(["export", "--format", format, "--db", empty, "--output", second]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: second)) == Data(contentsOf: URL(fileURLWithPath: first)))
    }

    @Test func csvDialectEdgeCases() throws {
        let text = "\u{FEFF}kind,title,when,summary\r\n"
            + "launch,\"Two\r\nlines, a comma and \"\"quotes\"\"\",2020-02-29,\r\n"
            + "launch,plain,Q2 2022,\"é « » 🙂\"\r\n"
            + "\r\n"
        let path = try write("edge.csv", text)
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let events = try jsonEvents(["--kind", "launch", "--from", "2020"])
        #expect(events.contains { $0["title"] as? String == "Two\r\nlines, a comma and \"quotes\"" && $0["when"] as? String == "2020-02-29" })
        #expect(events.contains { $0["title"] as? String == "plain" && $0["when"] as? String == "2022-34" && $0["summary"] as? String == "é « » 🙂" })
    }

    /// A file that is wrong in its form is refused whole (exit 65), naming its line and what is wrong.
    @Test(arguments: [
        ("bad.csv", "kind,title,when\nlaunch,ok,2020\nlaunch,\"never closed,2020\nlaunch,x,2021\n",
         "bad.csv:3: a quoted field opened on this line is never closed"),
        ("short.csv", "kind,title,when\nlaunch,ok,2020\nlaunch,missing\n",
         "short.csv:3: the record has 2 fields where the header has 3: no value for 'when'."),
        ("long.csv", "kind,title,when\nlaunch,ok,2020\nlaunch,Paris, France,2021\n",
         "long.csv:3: the record has 4 fields where the header has 3: a value that holds the delimiter must be in double quotes."),
        ("nowhen.ndjson", "{\"kind\":\"launch\",\"title\":\"x\"}\n", "nowhen.ndjson:1: field 'when' is required."),
        ("broken.json", "[\n  {\"kind\":\"launch\",\"title\":\"a\",\"when\":\"2020\"},\n  {\"kind\":\"launch\" \"title\":\"b\"}\n]\n",
         "broken.json:3: invalid JSON"),
    ])
    func aBadFileNamesItsLineAndWritesNothing(name: String, contents: String, message: String) throws {
        let path = try write(name, contents)
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try jsonEvents(["--kind", "launch", "--from", "2020"]).allSatisfy { $0["title"] as? String != "ok" && $0["title"] as? String != "a" },
                "the good records before the bad one were not written either")
    }

    /// What is found wrong only when saving (an unknown kind, a bad language tag, an unknown
    /// source) names its field as the file names it, as decoding errors do.
    @Test(arguments: [
        ("kind.ndjson", #"{"kind":"nope","title":"x","when":"2020"}"#, [String](),
         ":1: field 'kind': unknown kind 'nope'; known kinds: "),
        ("quote.ndjson", #"{"kind":"launch","title":"x","when":"2020","sources":[{"publisher":"P","quote":"q","quote_language":"english"}]}"#, [],
         ":1: field 'sources[0].quote_language': the quote's language 'english' is not a BCP 47 language tag"),
        ("key.ndjson", #"{"kind":"launch","title":"x","when":"2020","sources":[{"publisher":"P"},{"key":"nowhere"}]}"#, [],
         ":1: field 'sources[1].key': no source has the key 'nowhere'"),
        ("figure.ndjson", #"{"kind":"launch","title":"x","when":"2020","measures":[{"quantity":"jobs","value":"3","unit":"job","entity":"Zed"}]}"#, [],
         ":1: field 'measures[0].entity': the figure jobs counts 'Zed', which is no known entity"),
        ("kind.csv", "uid,type,when,title\nx,nope,2020,X", ["--map", "type=kind"],
         ":2: column 'type' (kind): unknown kind 'nope'; known kinds: "),
        ("language.csv", "kind,when,title,sources\nlaunch,2020,X,\"[{\"\"publisher\"\":\"\"P\"\",\"\"language\"\":\"\"français\"\"}]\"", [],
         ":2: column 'sources' (sources[0].language): the source's language 'français' is not a BCP 47 language tag"),
        ("source.csv", "uid,kind,when,title,src\nm1,layoff,2022,A,no-such-key", ["--map", "src=source"],
         ":2: column 'src' (sources[0].key): no source has the key 'no-such-key'"),
        ("host.ndjson", #"{"kind":"launch","title":"x","when":"2020","sources":[{"url":"not a url"}]}"#, [],
         ":1: field 'sources[0].publisher': the source has no publisher, and its URL 'not a url' has no host to stand in for one"),
    ])
    func anErrorFoundWhenSavingNamesTheFieldAsTheFileDoes(name: String, contents: String, arguments: [String], message: String) throws {
        let path = try write(name, contents + "\n")
        let result = try CLI.run(["import", path, "--db", db] + arguments)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("timeline: \(path)\(message)"), "\(result.stderr)")
    }

    /// A malformed CSV row (a stray quote) is a bad record like another: the import stops at it,
    /// and --skip-invalid skips it alone, going on with the next line, as it does in NDJSON.
    @Test func aMalformedCSVRowCostsOnlyItself() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = try write("broken.csv", "uid,kind,when,title,entity\nb1,launch,2020,\"Bad \"quote\" inside\",Acme\nb2,launch,2021,Good,Acme\n"
                            + "b3,launch,2022,a\"b,Acme\nb4,launch,\"2023\",\"Also\ngood\",Acme\n")
        let stopped = try CLI.run(["import", csv, "--db", db])
        #expect(stopped.status == 65 && stopped.stderr.contains("broken.csv:2: text after a closing quote"), "\(stopped.stderr)")
        let dryRun = try CLI.run(["import", csv, "--db", db, "--dry-run"])
        #expect(dryRun.stderr.contains("broken.csv:2: ") && dryRun.stderr.contains("broken.csv:4: a quote inside an unquoted field"), "\(dryRun.stderr)")
        let skipped = try CLI.run(["import", csv, "--db", db, "--skip-invalid"])
        #expect(skipped.status == 0 && skipped.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 2 rejected.\n"), "\(skipped.stdout)\(skipped.stderr)")
        let titles = try jsonEvents([]).compactMap { $0["title"] as? String }
        #expect(titles == ["Good", "Also\ngood"], "\(titles)")

        // A quoted field the bad row opens is skipped whole: what lies inside is never a record.
        let phantom = try write("phantom.csv", "title,kind,when,entity,summary\n\"One\" x,layoff,2020-01-01,acme,\"first line\n"
                                + "Ghost,layoff,2020-01-09,ghostco,from inside\nlast line\"\nThree,layoff,2020-01-03,acme,s\n")
        let ghost = try CLI.run(["import", phantom, "--db", db, "--skip-invalid"])
        #expect(ghost.status == 0 && ghost.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged, 1 rejected.\n")
                && ghost.stderr.contains("phantom.csv:2: text after a closing quote"), "\(ghost.stdout)\(ghost.stderr)")
        let entities = try CLI.run(["sql", "SELECT slug FROM entities", "--db", db, "--format", "tsv"]).stdout
        #expect(!entities.contains("ghostco"), "no entity from inside a field: \(entities)")
        // A record begun on an earlier line is named by that line, and stops the import: where
        // the next record starts cannot be told.
        let span = try write("span.csv", "title,kind,when,entity\nOne,layoff,2020-01-01,\"acme\nTwo,layoff,2020-01-02,\"acme\"\nThree,layoff,2020-01-03,acme\n")
        let spanned = try CLI.run(["import", span, "--db", db, "--skip-invalid"])
        #expect(spanned.status == 65 && spanned.stderr.contains("span.csv:2: text after a closing quote")
                && spanned.stderr.contains("so reading stopped here and nothing was written."), "\(spanned.stderr)")
        // Only a quote at a field's start opens a quoted field: stray ones later in a bad row
        // (`t"w"o`, `""`, a space before a quote) take nothing after the row with them.
        let stray = try write("stray.csv", "title,when,kind,entity\nA one,2020-01-01,launch,acme\nB t\"w\"o,2020-02-01,launch,acme\n"
                              + "C three,2020-03-01,launch,acme\nD \"\"fo\"\"ur,2020-04-01,launch,acme\nE five, \"x, y\",launch,acme\nF six,2020-06-01,launch,acme\n")
        let strays = try CLI.run(["import", stray, "--db", db, "--skip-invalid"])
        #expect(strays.status == 0 && strays.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged, 3 rejected.\n")
                && strays.stderr.contains("stray.csv:3: ") && strays.stderr.contains("stray.csv:5: ") && strays.stderr.contains("stray.csv:6: "),
                "\(strays.stdout)\(strays.stderr)")
        // TSV: a bad byte before a quoted field that may run over the next lines stops the import,
        // rather than reading those lines as records; elsewhere it costs its row only.
        let tsv = folder.path("bad.tsv")
        try Data("title\twhen\tkind\tentity\tsummary\nA one\t2020-01-01\tlaunch\tacme\tx\nB ".utf8 + [0xFF]
                 + "\t2020-02-01\tlaunch\tacme\t\"multi\nZ phantom\t2020-07-01\tlaunch\tacme\tq\"\nC three\t2020-03-01\tlaunch\tacme\ty\n".utf8)
            .write(to: URL(fileURLWithPath: tsv))
        let phantomTSV = try CLI.run(["import", tsv, "--db", db, "--skip-invalid"])
        #expect(phantomTSV.status == 65 && phantomTSV.stderr.contains("bad.tsv:3: "), "\(phantomTSV.stdout)\(phantomTSV.stderr)")
        let plainTSV = folder.path("plain.tsv")
        try Data("title\twhen\tkind\tentity\nA two\t2021-01-01\tlaunch\tacme\nB ".utf8 + [0xFF] + "\t2021-02-01\tlaunch\tacme\nC four\t2021-03-01\tlaunch\tacme\n".utf8)
            .write(to: URL(fileURLWithPath: plainTSV))
        let skippedTSV = try CLI.run(["import", plainTSV, "--db", db, "--skip-invalid"])
        #expect(skippedTSV.status == 0 && skippedTSV.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(skippedTSV.stdout)\(skippedTSV.stderr)")
        let phantoms = try CLI.run(["sql", "SELECT count(*) FROM events WHERE title LIKE '%phantom%'", "--db", db, "--format", "tsv"]).stdout
        #expect(phantoms.hasSuffix("\n0\n"), "\(phantoms)")
        // A bad byte in the last field of a file without a final line end costs that record only.
        let last = folder.path("last.csv")
        try Data("title,kind,when,entity\nOne,layoff,2020-01-05,acme\nTwo,layoff,2020-01-06,ac".utf8 + [0xE9] + "me".utf8).write(to: URL(fileURLWithPath: last))
        let lastRow = try CLI.run(["import", last, "--db", db, "--skip-invalid"])
        #expect(lastRow.status == 0 && lastRow.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(lastRow.stdout)\(lastRow.stderr)")
    }

    /// A figure's qualifier outside the known bounds is a bad field named as such, not the
    /// table's CHECK; "about" is how `approximate` reads, and is taken so.
    @Test func aFigureQualifierIsNamed() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        func record(_ qualifier: String) -> String {
            #"{"uid":"q","kind":"layoff","when":"2020","title":"Q","entities":["Acme"],"measures":[{"quantity":"n","value":"5","unit":"person","qualifier":"\#(qualifier)"}]}"# + "\n"
        }
        let refused = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data(record("roughly").utf8))
        #expect(refused.status == 65 && refused.stderr.contains("field 'measures[0].qualifier': 'roughly' is no qualifier: one of more-than, less-than, up-to, at-least"),
                "\(refused.stderr)")
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data(record("about").utf8)).status == 0)
        let figure = try #require((try jsonEvents([]).first?["measures"] as? [[String: Any]])?.first)
        #expect(figure["approximate"] as? Bool == true && figure["qualifier"] is NSNull, "\(figure)")
    }

    /// One key given two URLs (a spreadsheet reusing `src` for another article) is refused: the
    /// second citation would silently point to the first page. The same page spelt otherwise is
    /// the same source.
    @Test func aSourceKeyGivenAnotherPagesURLIsRefused() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        func record(_ uid: String, _ url: String) -> String {
            #"{"uid":"\#(uid)","kind":"launch","when":"2020","title":"T \#(uid)","entities":["Acme"],"sources":[{"key":"src","url":"\#(url)","publisher":"P"}]}"#
        }
        let file = try write("keys.ndjson", [record("a", "https://a.example/one"), record("b", "https://www.a.example/one/?utm_source=x"),
                                             record("c", "https://b.example/two")].joined(separator: "\n") + "\n")
        let refused = try CLI.run(["import", file, "--db", db])
        #expect(refused.status == 65 && refused.stderr.contains("\(file):3: ")
                && refused.stderr.contains("the source key 'src' is https://a.example/one, not https://b.example/two: give this source its own key"),
                "\(refused.stderr)")
        #expect(try jsonEvents([]).isEmpty, "nothing imported")
        let skipped = try CLI.run(["import", file, "--db", db, "--skip-invalid"])
        #expect(skipped.status == 0 && skipped.stdout.contains("2 added"), "\(skipped.stdout)\(skipped.stderr)")
        // Against a key the timeline holds, too.
        let later = try write("later.ndjson", record("d", "https://b.example/two") + "\n")
        #expect(try CLI.run(["import", later, "--db", db]).status == 65)
    }

    /// A record that replaces an event's sources but keeps its figures keeps the citations those
    /// figures come from whole (stance, quote, translation), not as bare supporting ones: else a
    /// correcting source's figure lost to the one it corrects in `stats --sum`.
    @Test func aFiguresSourceLeftOutOfAnUpdateKeepsItsCitationWhole() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "cut", "--kind", "layoff", "--date", "2022-34", "--title", "Santéo cuts jobs",
                             "--entity", "Santéo", "--measure", "positions-cut=120:position", "--source", "https://a.example.fr/1",
                             "--publisher", "A", "--published", "2022-06-28", "--quote", "120 postes", "--translation", "120 positions"]).status == 0)
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "positions-cut=140:position", "--source", "https://b.example.fr/2",
                             "--publisher", "B", "--published", "2022-07-04", "--stance", "corrects", "--quote", "140 postes"]).status == 0)
        func citations() throws -> [String] {
            let result = try CLI.run(["show", "cut", "--db", db, "--format", "json"])
            let event = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            return (event["sources"] as? [[String: Any]] ?? []).map {
                "\($0["key"] ?? "") \($0["stance"] ?? "") \($0["quote"] as? String ?? "-") \($0["translation"] as? String ?? "-")"
            }
        }
        func sum() throws -> String {
            try CLI.run(["stats", "--db", db, "--sum", "positions-cut", "--format", "tsv"]).stdout
        }
        let before = try citations()
        #expect(before == ["a-2022-06-28 supports 120 postes 120 positions", "b-2022-07-04 corrects 140 postes -"], "\(before)")
        #expect(try sum().contains("\t140\t"))
        // A spreadsheet row citing a third source: the figures stay, and so do their citations.
        let csv = try write("third.csv", "uid,kind,when,title,source,publisher,published,quote\n"
                            + "cut,layoff,2022-34,Santéo cuts jobs,https://c.example.fr/3,C,2022-07-10,Le plan touche 140 salariés.\n")
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0 && imported.stdout.hasSuffix("0 added, 1 updated, 0 unchanged.\n"), "\(imported.stdout)\(imported.stderr)")
        let after = try citations()
        #expect(after.count == 3 && after.contains("b-2022-07-04 corrects 140 postes -") && after.contains("a-2022-06-28 supports 120 postes 120 positions"),
                "\(after)")
        let summed = try sum()
        #expect(summed.contains("\t140\t"), "the correction still counts: \(summed)")
        // An NDJSON record giving both figures but only the first source (its translation
        // reworded: a version the event never had, which updates it).
        let record = #"{"uid":"cut","kind":"layoff","when":"2022-34","title":"Santéo cuts jobs","entities":[{"name":"Santéo"}],"#
            + #""measures":[{"quantity":"positions-cut","value":"120","unit":"position","source":"a-2022-06-28"},"#
            + #"{"quantity":"positions-cut","value":"140","unit":"position","source":"b-2022-07-04"}],"#
            + #""sources":[{"key":"a-2022-06-28","quote":"120 postes","translation":"120 jobs"}]}"#
        let ndjson = try write("update.ndjson", record + "\n")
        let updated = try CLI.run(["import", ndjson, "--db", db])
        #expect(updated.status == 0 && updated.stdout.hasSuffix("0 added, 1 updated, 0 unchanged.\n"), "\(updated.stdout)\(updated.stderr)")
        let kept = try citations()
        #expect(kept == ["a-2022-06-28 supports 120 postes 120 jobs", "b-2022-07-04 corrects 140 postes -"], "\(kept)")
        #expect(try sum().contains("\t140\t"))
    }

    /// A record without a uid that was edited since an earlier import comes in as a new event:
    /// the import says so, naming the pair, and does not for two events of one file.
    @Test func anEditedRecordWithoutAUidIsNamedAsAPossibleDuplicate() throws {
        let arguments = ["--db", db, "--set", "kind=layoff", "--map", "date=when", "--map", "company=entity",
                         "--map", "n=measure:employees-laid-off:person", "--title-template", "{company} cuts {n}"]
        // Two layoffs at one company on one day, in one file: two events, and nothing to say.
        let first = try write("cuts.csv", "company,date,n\nAcme,2023-01-05,120\nAcme,2023-01-05,30\nGlobex,2023-02-06,40\n")
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let imported = try CLI.run(["import", first] + arguments)
        #expect(imported.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged.\n") && imported.stderr.isEmpty, "\(imported.stderr)")
        let again = try CLI.run(["import", first] + arguments)
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n") && again.stderr.isEmpty, "\(again.stderr)")
        // Globex's figure corrected in the spreadsheet, then the file imported again.
        let edited = try write("cuts.csv", "company,date,n\nAcme,2023-01-05,120\nAcme,2023-01-05,30\nGlobex,2023-02-06,45\n")
        let old = try jsonEvents(["--entity", "globex", "--from", "2023"]).compactMap { $0["uid"] as? String }
        #expect(old.count == 1)
        let dryRun = try CLI.run(["import", edited, "--dry-run"] + arguments)
        #expect(dryRun.stderr.hasPrefix("timeline: note: 1 event would have the main entity, kind and date of events already in the timeline"),
                "\(dryRun.stderr)")
        let reimported = try CLI.run(["import", edited] + arguments)
        #expect(reimported.status == 0)
        #expect(reimported.stdout.hasSuffix(": 1 added, 0 updated, 2 unchanged.\n"))
        let uids = try jsonEvents(["--entity", "globex", "--from", "2023"]).compactMap { $0["uid"] as? String }
        let added = try #require(uids.first { !old.contains($0) })
        #expect(reimported.stderr == "timeline: note: 1 added event has the main entity, kind and date of events already in the timeline, "
                + "with other content (\(added) beside \(old[0])). Records without a uid are told apart by their content, so a record "
                + "edited since an earlier import comes in as a new event: give the file a uid column (`timeline export --format csv` "
                + "writes one) to update events in place, or `timeline remove` the versions not wanted.\n", "\(reimported.stderr)")

        // An event typed in with `add` (its uid the stem itself, or the stem and a number) is named too.
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03-07", "--title", "Initech cuts", "--entity", "Initech"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03-07", "--title", "Initech cuts more", "--entity", "Initech"]).status == 0)
        let sheet = try write("initech.csv", "company,date,n\nInitech,2023-03-07,12\n")
        let typedIn = try CLI.run(["import", sheet] + arguments)
        #expect(typedIn.stderr.hasPrefix("timeline: note: 1 added event has the main entity, kind and date of events already in the timeline"),
                "\(typedIn.stderr)")
        #expect(typedIn.stderr.contains(" beside initech-layoff-2023-03-07)"), "\(typedIn.stderr)")

        // An event that came in with a uid of its own (an API's JSON), and one whose main entity
        // was renamed since its uid was made, share no stem with the record: named too, by their
        // main entity, kind and day (whichever side the search starts from).
        let given = #"{"uid":"umbrella-cut","kind":"layoff","when":"2023-01-26","title":"Umbrella cuts","entities":[{"name":"Umbrella","role":"employer"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((given + "\n").utf8)).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-01-27", "--title", "Vandelay cuts", "--entity", "Vandelay"]).status == 0)
        #expect(try CLI.run(["entities", "edit", "vandelay", "--db", db, "--name", "Vandelay Industries"]).status == 0)
        let rows = "company,date,n\nUmbrella,2023-01-26,40\nVandelay Industries,2023-01-27,8\n"
            + (1...30).map { "Filler \($0),2023-05-\(String(format: "%02d", $0)),1\n" }.joined()
        for (file, content) in [("few.csv", String(rows.prefix { $0 != "F" })), ("many.csv", rows)] {
            let sheet = try CLI.run(["import", try write(file, content), "--dry-run"] + arguments)
            #expect(sheet.stderr.hasPrefix("timeline: note: 2 events would have the main entity, kind and date of events already in the timeline"),
                    "\(file): \(sheet.stderr)")
            #expect(sheet.stderr.contains(" beside umbrella-cut") && sheet.stderr.contains(" beside vandelay-layoff-2023-01-27"), "\(file): \(sheet.stderr)")
        }

        // The date edited only to say "about" or "uncertain": the same days, named too.
        _ = try CLI.run(["import", try write("hooli.csv", "company,date,n\nHooli,2023-04-03,10\n")] + arguments)
        for qualified in ["2023-04-03~", "2023-04-03?"] {
            let requalified = try CLI.run(["import", try write("hooli.csv", "company,date,n\nHooli,\(qualified),10\n")] + arguments)
            #expect(requalified.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"), "\(requalified.stdout)")
            #expect(requalified.stderr.hasPrefix("timeline: note: 1 added event has the main entity, kind and date of events already in the timeline"),
                    "\(requalified.stderr)")
        }
    }

    /// A record without a uid is the event its content hash names: importing the same file
    /// again after that event was edited in the timeline keeps the edit, and says so; so does a
    /// file with a uid column whose row is as it was. A row changed in the file replaces the
    /// event as its record gives it, but for the citation its `source` column cannot give
    /// (another source's), which it keeps, and says so.
    @Test func aFileImportedAgainKeepsEditsMadeSince() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("livi.csv", "when;kind;title;entity;source;publisher;published;Effectif\n"
                              + "2022-12-01;shutdown;Livi ferme;Livi;https://www.lemonde.fr/a.html;Le Monde;2022-12-01;45\n"
                              + "2023-01-10;layoff;Livi réduit;Livi;https://www.lemonde.fr/b.html;Le Monde;2023-01-10;12\n")
        let arguments = ["--db", db, "--map", "Effectif=measure:employees:person"]
        #expect(try CLI.run(["import", sheet] + arguments).stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged.\n"))
        let uid = try #require(try jsonEvents(["--kind", "shutdown"]).first?["uid"] as? String)
        let edit = try CLI.run(["edit", uid, "--db", db, "--source", "https://www.lesechos.fr/b.html", "--publisher", "Les Echos", "--published", "2022-12-02",
                                "--stance", "contradicts", "--quote", "38 salariés", "--quote-lang", "fr", "--measure", "employees=38:person",
                                "--title", "Livi ferme 3 centres"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let edited = try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout
        let note = "timeline: note: 1 event (\(uid)) was changed in the timeline after the version its record in this file gives: "
        for dryRun in [true, false] {
            let again = try CLI.run(["import", sheet] + arguments + (dryRun ? ["--dry-run"] : []))
            #expect(again.status == 0)
            #expect(again.stdout.hasSuffix(dryRun ? "would add 0, update 0, leave 2 unchanged.\n" : ": 0 added, 0 updated, 2 unchanged.\n"), "\(again.stdout)")
            #expect(again.stderr == note + "it \(dryRun ? "would stay" : "stayed") as the timeline has it (`timeline history \(uid)` shows the change); "
                    + "a record that gives anything no version had updates its event.\n", "\(again.stderr)")
            #expect(try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout == edited)
        }
        // With the uid given, a row as it was leaves the edit too.
        let withUID = try write("livi-uid.csv", "uid;when;kind;title;entity;source;publisher;published;Effectif\n"
                                + "\(uid);2022-12-01;shutdown;Livi ferme;Livi;https://www.lemonde.fr/a.html;Le Monde;2022-12-01;45\n")
        let same = try CLI.run(["import", withUID] + arguments)
        #expect(same.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n") && same.stderr.hasPrefix(note), "\(same.stdout)\(same.stderr)")
        #expect(try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout == edited)
        // A row the file changed is the event's new version.
        let changed = try write("livi-uid2.csv", "uid;when;kind;title;entity;source;publisher;published;Effectif\n"
                                + "\(uid);2022-12-01;shutdown;Livi ferme ses centres;Livi;https://www.lemonde.fr/a.html;Le Monde;2022-12-01;45\n")
        let replaced = try CLI.run(["import", changed] + arguments)
        #expect(replaced.stdout.hasSuffix(": 0 added, 1 updated, 0 unchanged.\n"), "\(replaced.stdout)")
        // Les Echos' figure is that source's, as its citation is: kept beside the sheet's.
        #expect(replaced.stderr.hasPrefix("timeline: note: 1 updated event (\(uid)) kept 1 figure of another quantity or source and 1 citation of another source or quote, which the file's columns do not give;"),
                "\(replaced.stderr)")
        let shutdown = try #require(try jsonEvents(["--kind", "shutdown"]).first)
        #expect(shutdown["title"] as? String == "Livi ferme ses centres")
        #expect((shutdown["sources"] as? [[String: Any]])?.compactMap { $0["url"] as? String } == ["https://www.lemonde.fr/a.html", "https://www.lesechos.fr/b.html"])
        #expect((shutdown["measures"] as? [[String: Any]])?.compactMap { $0["value"] as? String } == ["45", "38"])
    }

    /// A row with its uid that names another entity than every version had (a corrected company)
    /// is a new version: it updates an event edited since, and brings back one removed since.
    @Test(arguments: [false, true])
    func aRowNamingAnotherEntityIsANewVersion(removed: Bool) throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let first = try write("acme.csv", "uid,kind,when,title,entity,n\nx1,layoff,2022-03,Acme cuts jobs,Acme,100\n")
        let corrected = try write("beta.csv", "uid,kind,when,title,entity,n\nx1,layoff,2022-03,Acme cuts jobs,Beta,100\n")
        let figure = ["--db", db, "--map", "n=measure:employees-laid-off:person"]
        #expect(try CLI.run(["import", first] + figure).status == 0)
        if removed {
            #expect(try CLI.run(["remove", "x1", "--db", db]).status == 0)
        } else {
            #expect(try CLI.run(["edit", "x1", "--db", db, "--status", "planned"]).status == 0)
        }
        let again = try CLI.run(["import", corrected] + figure)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix(removed ? ": 1 added, 0 updated, 0 unchanged.\n" : ": 0 added, 1 updated, 0 unchanged.\n"), "\(again.stdout)")
        #expect(!again.stderr.contains("after the version its record in this file gives"), "\(again.stderr)")
        let event = try #require(try jsonEvents([]).first)
        #expect((event["entities"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["beta"])
        #expect((event["measures"] as? [[String: Any]])?.compactMap { $0["entity"] as? String } == ["beta"])
        #expect(event["status"] as? String == (removed ? "occurred" : "planned"))
        // The first file again: Acme's version, which history holds, leaves Beta's standing.
        let back = try CLI.run(["import", first] + figure)
        #expect(back.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(back.stdout)")
        #expect((try jsonEvents([]).first?["entities"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["beta"])
    }

    /// A removal stands when the event's entity was merged into another after it (whose slug a
    /// new uid would take), after an edit too.
    @Test(arguments: [false, true])
    func aRemovalStandsAfterTheEntityWasMerged(editedFirst: Bool) throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        // With a figure, which names the entity it counts by slug.
        let sheet = try write("acme.csv", "kind,title,when,entity,n\nlayoff,Acme lays off 100,2023-01-05,Acme Inc,100\n")
        let figure = ["--map", "n=measure:employees-laid-off:person"]
        #expect(try CLI.run(["import", sheet, "--db", db] + figure).status == 0)
        let uid = try #require(try jsonEvents([]).first?["uid"] as? String)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2022-05-01", "--title", "Acme Holdings forms", "--entity", "Acme Holdings"]).status == 0)
        if editedFirst { #expect(try CLI.run(["edit", uid, "--db", db, "--title", "Acme lays off 110"]).status == 0) }
        #expect(try CLI.run(["remove", uid, "--db", db]).status == 0)
        #expect(try CLI.run(["entities", "merge", "acme-inc", "acme-holdings", "--db", db]).status == 0)
        let again = try CLI.run(["import", sheet, "--db", db] + figure)
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(again.stdout)")
        #expect(again.stderr.hasPrefix("timeline: note: 1 event (\(uid)) was removed from the timeline after the version its record in this file gives"),
                "\(again.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["title"] as? String } == ["Acme Holdings forms"])
    }

    /// Two records' events made the same by a merge (the same words, one entity now) and
    /// removed: each record is its own event, and the note names each once; with one of them
    /// removed, its record is not taken for the other (nor for a row written twice).
    @Test func removedEventsMadeAlikeByAMergeAreEachTheirRecords() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("three.csv", "kind,when,title,entity\nlayoff,2022-03-01,Cuts,Alpha\nlayoff,2022-03-01,Cuts,Bravo\nlayoff,2022-03-01,Cuts,Charlie\n")
        #expect(try CLI.run(["import", sheet, "--db", db]).status == 0)
        let uids = try jsonEvents([]).compactMap { $0["uid"] as? String }.sorted()
        #expect(uids.count == 3)
        #expect(try CLI.run(["entities", "merge", "alpha", "bravo", "--db", db]).status == 0)
        #expect(try CLI.run(["entities", "merge", "charlie", "bravo", "--db", db]).status == 0)
        let bravo = try #require(uids.first { $0.hasPrefix("bravo-") })
        #expect(try CLI.run(["remove", bravo, "--db", db]).status == 0)
        let one = try CLI.run(["import", sheet, "--db", db])
        #expect(one.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n"), "\(one.stdout)")
        #expect(one.stderr == "timeline: note: 1 event (\(bravo)) was removed from the timeline after the version its record in this file gives, "
                + "and stayed removed; `timeline restore \(bravo)` brings it back.\n", "\(one.stderr)")
        for uid in uids where uid != bravo {
            #expect(try CLI.run(["remove", uid, "--db", db]).status == 0)
        }
        let all = try CLI.run(["import", sheet, "--db", db])
        #expect(all.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n"), "\(all.stdout)")
        #expect(all.stderr.hasPrefix("timeline: note: 3 events (") && uids.allSatisfy { all.stderr.contains($0) }, "\(all.stderr)")
        #expect(try jsonEvents([]).isEmpty)
    }

    /// An event removed after a file without uids made it stays removed when the file comes in
    /// again, as an edit stays; restored, it is the file's again.
    @Test func aRemovalStandsWhenTheFileComesInAgain() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("cuts.csv", "title,kind,when,entity\nAcme cuts 100 jobs,layoff,2023-03-01,Acme\nGlobex cuts,layoff,2023-04-01,Globex\n")
        #expect(try CLI.run(["import", sheet, "--db", db]).stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged.\n"))
        let uid = try #require(try jsonEvents(["--entity", "acme"]).first?["uid"] as? String)
        #expect(try CLI.run(["remove", uid, "--db", db]).status == 0)
        for dryRun in [true, false] {
            let again = try CLI.run(["import", sheet, "--db", db] + (dryRun ? ["--dry-run"] : []))
            #expect(again.stdout.hasSuffix(dryRun ? "would add 0, update 0, leave 2 unchanged.\n" : ": 0 added, 0 updated, 2 unchanged.\n"), "\(again.stdout)")
            #expect(again.stderr == "timeline: note: 1 event (\(uid)) was removed from the timeline after the version its record in this file gives, "
                    + "and \(dryRun ? "would stay" : "stayed") removed; `timeline restore \(uid)` brings it back.\n", "\(again.stderr)")
        }
        #expect(try jsonEvents([]).count == 1)
        #expect(try CLI.run(["restore", uid, "--db", db]).status == 0)
        let restored = try CLI.run(["import", sheet, "--db", db])
        #expect(restored.stdout.hasSuffix(": 0 added, 0 updated, 2 unchanged.\n") && restored.stderr.isEmpty, "\(restored.stderr)")
    }

    /// The other way round: the entities merged into the first one's, whose event the others'
    /// records now hash to. Each record is still its own event, held or removed.
    @Test func recordsOfEntitiesMergedAwayAreTheirOwnEvents() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("mg.csv", "kind,when,title,entity\nlayoff,2021-05,Layoffs announced,Alpha\nlayoff,2021-05,Layoffs announced,Bravo\n"
                              + "layoff,2021-05,Layoffs announced,Charlie\n")
        #expect(try CLI.run(["import", sheet, "--db", db]).status == 0)
        #expect(try CLI.run(["entities", "merge", "Bravo", "alpha", "--db", db]).status == 0)
        #expect(try CLI.run(["entities", "merge", "Charlie", "alpha", "--db", db]).status == 0)
        let held = try CLI.run(["import", sheet, "--db", db])
        #expect(held.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n") && held.stderr.isEmpty, "\(held.stdout)\(held.stderr)")
        let bravo = try #require(try jsonEvents([]).compactMap { $0["uid"] as? String }.first { $0.hasPrefix("bravo-") })
        #expect(try CLI.run(["remove", bravo, "--db", db]).status == 0)
        let removed = try CLI.run(["import", sheet, "--db", db])
        #expect(removed.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n"), "\(removed.stdout)")
        #expect(removed.stderr == "timeline: note: 1 event (\(bravo)) was removed from the timeline after the version its record in this file gives, "
                + "and stayed removed; `timeline restore \(bravo)` brings it back.\n", "\(removed.stderr)")
    }

    /// An event removed after a file with uids gave it stays removed when the file (the same
    /// scraper's dump, each night) gives it again as it was, whole or in part; a record that
    /// gives it anything new brings it back, and says so.
    @Test func aRemovalStandsAgainstAFileWithUidsGivingItAsItWas() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let record = #"{"uid":"r1","kind":"layoff","title":"Debunked claim","when":"2021","entities":[{"name":"Acme"}]}"#
        let file = try write("r.ndjson", record + "\n" + #"{"uid":"r2","kind":"launch","title":"Other","when":"2021"}"# + "\n")
        #expect(try CLI.run(["import", file, "--db", db]).status == 0)
        #expect(try CLI.run(["edit", "r1", "--db", db, "--title", "Debunked claim (edited)"]).status == 0)
        #expect(try CLI.run(["remove", "r1", "--db", db]).status == 0)
        for dryRun in [true, false] {
            let again = try CLI.run(["import", file, "--db", db] + (dryRun ? ["--dry-run"] : []))
            #expect(again.stdout.hasSuffix(dryRun ? "would add 0, update 0, leave 2 unchanged.\n" : ": 0 added, 0 updated, 2 unchanged.\n"), "\(again.stdout)")
            #expect(again.stderr == "timeline: note: 1 event (r1) was removed from the timeline after the version its record in this file gives, "
                    + "and \(dryRun ? "would stay" : "stayed") removed; `timeline restore r1` brings it back.\n", "\(again.stderr)")
        }
        // The last version, in part (a sheet of uid, kind, when and title): still removed.
        let sheet = try write("r.csv", "uid,kind,when,title\nr1,layoff,2021,Debunked claim (edited)\n")
        let partial = try CLI.run(["import", sheet, "--db", db])
        #expect(partial.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n") && partial.stderr.contains("stayed removed"), "\(partial.stdout)\(partial.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["uid"] as? String } == ["r2"])
        // Something new: back, with what the record leaves out kept from the version removed.
        let corrected = try write("r-new.csv", "uid,kind,when,title\nr1,layoff,2021-06,Debunked claim\n")
        let back = try CLI.run(["import", corrected, "--db", db])
        #expect(back.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"), "\(back.stdout)")
        #expect(back.stderr == "timeline: note: 1 event (r1) removed from the timeline came back: its record in this file gives what no version of it had; "
                + "`timeline remove r1` takes it out again.\n", "\(back.stderr)")
        let event = try #require(try jsonEvents(["--entity", "acme"]).first)
        #expect(event["uid"] as? String == "r1" && event["when"] as? String == "2021-06")
    }

    /// A file's record gives some parts; an event edited in a part it gives and in one it does
    /// not (a title, then a status) is still its record's event, as history holds it with the
    /// other parts of then: imported again, nothing is added, and the edits stand. With a uid, a
    /// row as it was keeps hand corrections too; removed, the event stays removed.
    @Test func editsInPartsAFileGivesAndDoesNotStand() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("b.csv", "company,total_laid_off,date\nCarvana,850,2023-01-20\n")
        let arguments = ["--db", db, "--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when",
                         "--map", "total_laid_off=measure:employees-laid-off:person", "--title-template", "{company} lays off {total_laid_off}"]
        #expect(try CLI.run(["import", sheet] + arguments).status == 0)
        let uid = try #require(try jsonEvents([]).first?["uid"] as? String)
        for (flag, value) in [("--title", "X"), ("--status", "planned"), ("--summary", "Said so"), ("--title", "Y")] {
            #expect(try CLI.run(["edit", uid, "--db", db, flag, value]).status == 0)
            let again = try CLI.run(["import", sheet] + arguments)
            #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "after \(flag): \(again.stdout)\(again.stderr)")
        }
        #expect(try jsonEvents([]).count == 1)
        // With uids: a hand correction of a field the file gives, then of one it does not.
        let withUIDs = try write("u.csv", "id,company,total_laid_off,date\nlf-1,Startup015,1091,2021-03-30\nlf-2,Startup092,40,2023-09-20\n")
        let uidArguments = ["--db", db, "--set", "kind=layoff", "--map", "id=uid", "--map", "company=entity:employer", "--map", "date=when",
                            "--map", "total_laid_off=measure:employees-laid-off:person", "--title-template", "{company} lays off {total_laid_off}"]
        #expect(try CLI.run(["import", withUIDs] + uidArguments).status == 0)
        #expect(try CLI.run(["edit", "lf-2", "--db", db, "--title", "Hand-written title"]).status == 0)
        #expect(try CLI.run(["edit", "lf-2", "--db", db, "--status", "planned"]).status == 0)
        let kept = try CLI.run(["import", withUIDs] + uidArguments)
        #expect(kept.stdout.hasSuffix(": 0 added, 0 updated, 2 unchanged.\n") && kept.stderr.hasPrefix("timeline: note: 1 event (lf-2) was changed in the timeline"),
                "\(kept.stdout)\(kept.stderr)")
        #expect(try jsonEvents(["--entity", "startup092"]).first?["title"] as? String == "Hand-written title")
        // Removed after those edits: a file giving some of its parts as they were leaves it removed.
        #expect(try CLI.run(["remove", "lf-2", "--db", db]).status == 0)
        let partial = try write("u2.csv", "id,company,date\nlf-2,Startup092,2023-09-20\n")
        let removed = try CLI.run(["import", partial, "--db", db, "--set", "kind=layoff", "--set", "title=Startup092 lays off 40", "--map", "id=uid",
                                   "--map", "company=entity:employer", "--map", "date=when"])
        #expect(removed.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n") && removed.stderr.contains("(lf-2) was removed"), "\(removed.stdout)\(removed.stderr)")
        // Two rows of the removed uid that differ are refused whichever comes first.
        let header = "id,company,date,title\n"
        let rows = ["lf-2,Startup092,2023-09-20,Startup092 lays off 40\n", "lf-2,Startup092,2023-09-20,Startup092 lays off more\n"]
        for order in [rows, rows.reversed()] {
            let two = try write("two.csv", header + order.joined())
            let refused = try CLI.run(["import", two, "--db", db, "--set", "kind=layoff", "--map", "id=uid", "--map", "company=entity:employer", "--map", "date=when"])
            #expect(refused.status == 65 && refused.stderr.contains("the uid 'lf-2' appears earlier in this file with different content"), "\(refused.stderr)")
        }
    }

    /// A share in the unit fraction above 1 (`15`, meant as 15%) is saved as given, and noted.
    @Test func aFractionAboveOneIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("p.csv", "company,pct,date\nA,15,2023-01-05\nB,15%,2023-01-06\nC,0.2,2023-01-07\n")
        let imported = try CLI.run(["import", sheet, "--db", db, "--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when",
                                    "--map", "pct=measure:workforce-share:fraction", "--title-template", "{company}"])
        #expect(imported.status == 0 && imported.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged.\n"), "\(imported.stdout)")
        #expect(imported.stderr.hasPrefix("timeline: note: 1 figure in the unit fraction is above 1 (a-layoff-2023-01-05-") && imported.stderr.contains(": workforce-share 15): "),
                "\(imported.stderr)")
    }

    /// A figure cell holding a range (`100-200`, a tracker's estimate) is refused, saying how to
    /// give it.
    @Test func aRangeInAFigureCellIsRefusedWithTheWaysToGiveIt() throws {
        let sheet = try write("r.csv", "company,n,date\nA,9188-9325,2023-01-05\n")
        let refused = try CLI.run(["import", sheet, "--db", db, "--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when",
                                   "--map", "n=measure:employees-laid-off:person", "--title-template", "{company}"])
        #expect(refused.status == 65 && refused.stderr.hasSuffix("; a range is no one figure: give its bound (at least 9188, up to 9325) or a value between, "
                + "or map each end to a column of its own.\n"), "\(refused.stderr)")
    }

    /// A year given as a JSON number (a script's integer column) is that year, for the event's
    /// dates and a source's publication; another number is refused.
    @Test func aYearGivenAsAJSONNumberIsThatYear() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let records = #"{"uid":"n1","kind":"launch","title":"N","when":2020,"announced":2019,"entities":["Acme"],"#
            + #""sources":[{"url":"https://a.example/x","publisher":"A","published":2019}]}"# + "\n"
        let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data(records.utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        let event = try #require(try jsonEvents([]).first)
        #expect(event["when"] as? String == "2020" && event["announced"] as? String == "2019")
        #expect((event["sources"] as? [[String: Any]])?.first?["published"] as? String == "2019")
        for number in ["2020.5", "99", "12345"] {
            let other = #"{"uid":"n2","kind":"launch","title":"M","when":"# + number + "}\n"
            let refused = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data(other.utf8))
            #expect(refused.status == 65 && refused.stderr.contains("field 'when': expected a string, found the number \(number), which is no year of four digits"),
                    "\(refused.stderr)")
        }
    }

    /// A list column's cell that is JSON of another type (`5`, `{"a":1}`) is refused in every
    /// list column, `measures` too (it cleared the figures of the event the row updated), with
    /// or without columns mapped to one figure each; nothing is written.
    @Test func aListCellOfAnotherTypeIsRefusedInEveryListColumn() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "x1", "--kind", "layoff", "--date", "2022-01-01", "--title", "T",
                             "--entity", "acme", "--measure", "drivers=5:person"]).status == 0)
        let before = try CLI.run(["export", "--db", db, "--format", "ndjson"]).stdout
        for (column, cell) in [("measures", "5"), ("measures", #""{""a"":1}""#), ("measures", "true"), ("entities", "5"), ("tags", "5")] {
            let sheet = try write("m.csv", "uid,kind,when,title,\(column)\nx1,layoff,2022-01-01,T,\(cell)\n")
            let refused = try CLI.run(["import", sheet, "--db", db])
            #expect(refused.status == 65 && refused.stderr.contains("column '\(column)': expected an array, found"), "\(column) \(cell): \(refused.stderr)")
        }
        let mapped = try write("mapped.tsv", "uid\tkind\twhen\ttitle\tFigures\tDrivers\nx1\tlayoff\t2022-01-01\tT\t5\t7\n")
        let refused = try CLI.run(["import", mapped, "--db", db, "--map", "Figures=measures", "--map", "Drivers=measure:drivers:person"])
        #expect(refused.status == 65 && refused.stderr.contains("column 'Figures' (measures): expected an array, found a number"), "\(refused.stderr)")
        #expect(try CLI.run(["export", "--db", db, "--format", "ndjson"]).stdout == before)
    }

    /// A record without a uid that is an event typed in, or exported without its uid column, names
    /// that event, whose uid the record cannot make: it still does after the event was edited or
    /// removed, as history holds the version the record gives.
    @Test func aRecordMatchingAnEventTypedInStillNamesItAfterAnEdit() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let uid = "initech-layoff-2023-03-07"
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03-07", "--title", "Initech cuts 40 jobs", "--entity", "Initech",
                                 "--source", "https://example.com/a", "--publisher", "Example News", "--published", "2023-03-07"])
        #expect(added.stdout == "Added \(uid)\n", "\(added.stderr)")
        let sheet = try write("initech.csv", "when,kind,title,entity,source,publisher,published\n"
                              + "2023-03-07,layoff,Initech cuts 40 jobs,Initech,https://example.com/a,Example News,2023-03-07\n"
                              + "2023-04-01,layoff,Initech cuts again,Initech,https://example.com/b,Example News,2023-04-01\n")
        #expect(try CLI.run(["import", sheet, "--db", db]).stdout.hasSuffix(": 1 added, 0 updated, 1 unchanged.\n"))
        #expect(try CLI.run(["edit", uid, "--db", db, "--title", "Initech cuts 41 jobs"]).status == 0)
        let edited = try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout
        for dryRun in [true, false] {
            let again = try CLI.run(["import", sheet, "--db", db] + (dryRun ? ["--dry-run"] : []))
            #expect(again.stdout.hasSuffix(dryRun ? "would add 0, update 0, leave 2 unchanged.\n" : ": 0 added, 0 updated, 2 unchanged.\n"), "\(again.stdout)")
            #expect(again.stderr.hasPrefix("timeline: note: 1 event (\(uid)) was changed in the timeline after the version its record in this file gives: "
                                           + "it \(dryRun ? "would stay" : "stayed") as the timeline has it"), "\(again.stderr)")
        }
        #expect(try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout == edited)

        // Edited again, then removed: the removal stands, the other record's event is kept.
        #expect(try CLI.run(["edit", uid, "--db", db, "--title", "Initech cuts 42 jobs"]).status == 0)
        #expect(try CLI.run(["remove", uid, "--db", db]).status == 0)
        let afterRemoval = try CLI.run(["import", sheet, "--db", db])
        #expect(afterRemoval.stdout.hasSuffix(": 0 added, 0 updated, 2 unchanged.\n"), "\(afterRemoval.stdout)")
        #expect(afterRemoval.stderr == "timeline: note: 1 event (\(uid)) was removed from the timeline after the version its record in this file gives, "
                + "and stayed removed; `timeline restore \(uid)` brings it back.\n", "\(afterRemoval.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["title"] as? String } == ["Initech cuts again"])
    }

    /// An event edited after a file without uids made it, whose entity was then renamed or merged
    /// into another, is still that record's: the file imported again adds nothing (history holds
    /// the record's version under the entity's earlier name).
    @Test(arguments: [["entities", "edit", "initech", "--name", "Initech Inc"], ["entities", "merge", "initech", "initech-corp"]])
    func anEditStandsAfterTheEntityWasRenamedOrMerged(change: [String]) throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "Corp", "--entity", "Initech Corp"]).status == 0)
        let sheet = try write("r2.csv", "kind,when,title,entities\nlayoff,2023-03-07,Initech cuts,\"[{\"\"name\"\":\"\"Initech\"\"}]\"\n")
        #expect(try CLI.run(["import", sheet, "--db", db]).stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"))
        let uid = try #require(try jsonEvents(["--kind", "layoff"]).first?["uid"] as? String)
        #expect(try CLI.run(["edit", uid, "--db", db, "--title", "Initech cuts 40"]).status == 0)
        #expect(try CLI.run(change + ["--db", db]).status == 0)
        let again = try CLI.run(["import", sheet, "--db", db])
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(again.stdout)\(again.stderr)")
        #expect(again.stderr.hasPrefix("timeline: note: 1 event (\(uid)) was changed in the timeline after the version its record in this file gives"), "\(again.stderr)")
        #expect(try jsonEvents(["--kind", "layoff"]).compactMap { $0["title"] as? String } == ["Initech cuts 40"])
    }

    /// A spreadsheet of one row a source gives one event two rows: without uids each is an event,
    /// and a note says so, naming the pair and how to give one event several sources; the same
    /// file imported again adds nothing and says nothing.
    @Test func twoRecordsOfOneEventInOneFileAreNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("pair.csv", "E;D;T;N;S\nLivi;1er décembre 2022;Livi supprime des postes;120;https://www.lesechos.fr/a\n"
                              + "Livi;1er décembre 2022;Livi supprime des postes;150;https://www.lemonde.fr/b\nQare;2023;Qare ferme;10;https://www.lemonde.fr/c\n")
        let arguments = ["--db", db, "--set", "kind=layoff", "--map", "E=entity:employer", "--map", "D=when", "--map", "T=title",
                         "--map", "N=measure:employees-laid-off:person", "--map", "S=source"]
        for dryRun in [true, false] {
            let imported = try CLI.run(["import", sheet] + arguments + (dryRun ? ["--dry-run"] : []))
            #expect(imported.status == 0)
            let uids = dryRun ? [] : try jsonEvents(["--entity", "livi"]).compactMap { $0["uid"] as? String }
            let pair = dryRun ? "" : "\(uids[1]) beside \(uids[0])"
            #expect(imported.stderr.hasPrefix("timeline: note: 1 \(dryRun ? "event would have" : "added event has") the main entity, kind, date and title of another record of this file, "
                                              + "with other content (\(pair)"), "\(imported.stderr)")
            #expect(imported.stderr.hasSuffix("each record without a uid is an event of its own. One event's several sources go in one record (its sources column a JSON list, "
                                              + "as export writes it), or are added to it with `timeline edit UID --source URL`; `timeline remove` takes out an event not wanted.\n"))
        }
        let again = try CLI.run(["import", sheet] + arguments)
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n") && again.stderr.isEmpty, "\(again.stderr)")
    }

    /// Records that differ only in how a URL is spelt (tracking added, `www.` or the scheme more
    /// or less), or an entity's name (`LIVI`, ` livi `) or a role's case, are one event, in one
    /// file as across two; an entity renamed since leaves the file's events found.
    @Test func recordsDifferingOnlyInSpellingAreOneEvent() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let header = "when,kind,title,company,source,publisher,published\n"
        func row(_ url: String, _ entity: String = "Livi") -> String {
            "2022-12-01,shutdown,Livi ferme,\(entity),\(url),Le Monde,2022-12-01\n"
        }
        let arguments = ["--db", db, "--map", "company=entity:employer"]
        let both = try write("both.csv", header + row("https://www.lemonde.fr/a.html?utm_source=twitter") + row("https://lemonde.fr/a.html")
                             + row("https://lemonde.fr/a.html", "LIVI") + row("https://lemonde.fr/a.html", "\" livi \""))
        let first = try CLI.run(["import", both] + arguments)
        #expect(first.stdout.hasSuffix(": 1 added, 0 updated, 3 unchanged.\n"), "\(first.stdout)\(first.stderr)")
        let other = try write("other.csv", header + row("http://www.lemonde.fr/a.html/"))
        let otherImport = try CLI.run(["import", other, "--db", db, "--map", "company=entity:Employer"])
        #expect(otherImport.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(otherImport.stdout)")
        let uids = try jsonEvents([]).compactMap { $0["uid"] as? String }
        #expect(uids.count == 1)

        // Renamed, then the event edited: the file still names it, and leaves the edit.
        #expect(try CLI.run(["entities", "edit", "livi", "--name", "Livi Santé", "--db", db]).status == 0)
        #expect(try CLI.run(["edit", uids[0], "--title", "Livi ferme ses centres", "--db", db]).status == 0)
        let again = try CLI.run(["import", both] + arguments)
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 4 unchanged.\n"), "\(again.stdout)")
        #expect(again.stderr.hasPrefix("timeline: note: 1 event (\(uids[0])) was changed in the timeline after the version its record in this file gives"),
                "one event, named once, however many records name it: \(again.stderr)")
    }

    @Test func jsonOfTheWrongTypeNamesTheField() throws {
        let path = try write("types.ndjson", "{\"kind\":\"launch\",\"title\":\"fine\",\"when\":\"2020\"}\n{\"kind\":5,\"title\":\"x\",\"when\":\"2020\"}\n")
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("types.ndjson:2: field 'kind': expected a string, found a number"))
        #expect(try jsonEvents(["--search", "fine"]).isEmpty, "the good first line was not written either")
    }

    /// The fields export works out from a date may be left out or repeated, not changed alone.
    @Test(arguments: [
        (#""earliest":"2020-03-01""#, "field 'earliest': '2020-03-01' does not follow from when '2020-02', which gives '2020-02-01'; earliest, latest, precision, approximate and uncertain are worked out from when: to change the date, change when and leave them out (empty, or no such column or field)."),
        (#""precision":"day""#, "field 'precision': 'day' does not follow from when '2020-02', which gives 'month';"),
        (#""approximate":true"#, "field 'approximate': true does not follow from when '2020-02', which gives false;"),
        (#""announced_earliest":"2020-01-01""#, "field 'announced_earliest': '2020-01-01' does not follow from no announced date, which gives null; announced_earliest, announced_latest and announced_precision are worked out from announced: to change the date, change announced and leave them out (empty, or no such column or field)."),
    ])
    func aWorkedOutDateFieldThatDisagreesWithItsDateIsRefused(field: String, message: String) throws {
        let agreeing = #"{"kind":"launch","title":"agrees","when":"2020-02","earliest":"2020-02-01","latest":"2020-02-29","precision":"month","approximate":false,"uncertain":false,"announced":null,"announced_earliest":null}"#
        let disagreeing = #"{"kind":"launch","title":"disagrees","when":"2020-02","#
        let path = try write("derived.ndjson", agreeing + "\n" + disagreeing + field + "}\n")
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("timeline: \(path):2: \(message)"), "\(result.stderr)")
        // null is "not given", as in a hand-written record; agreeing fields are fine.
        let fine = try write("fine.ndjson", agreeing + "\n" + disagreeing + #""latest":null,"precision":"month"}"# + "\n")
        let imported = try CLI.run(["import", fine, "--db", db])
        #expect(imported.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged.\n"), "\(imported.stderr)")
    }

    @Test func anEmptyColumnInATitleTemplateNeedsAStandIn() throws {
        let path = try write("template.csv", "company,n,date\nAcme,12,2023-01-05\nGlobex,NULL,2023-02-06\n")
        let base = ["import", path, "--db", db, "--set", "kind=layoff", "--map", "date=when", "--null", "NULL"]
        let refused = try CLI.run(base + ["--title-template", "{company} lays off {n}"])
        #expect(refused.status == 65)
        #expect(refused.stderr == "timeline: \(path):3: column 'n' is empty, and --title-template needs it; give it a stand-in with {n|…}.\n")
        let imported = try CLI.run(base + ["--title-template", "{company} lays off {n|staff}"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let titles = try jsonEvents(["--kind", "layoff", "--from", "2023"]).compactMap { $0["title"] as? String }
        #expect(titles == ["Acme lays off 12", "Globex lays off staff"])
    }

    @Test func aDateFormatLeavesDatesInOtherFormsToTheDateReader() throws {
        let path = try write("dates.csv", "company,date\nAcme,3/6/2023\nGlobex,2023-03-07\nInitech,Q2 2022\nHooli,sometime\nFoo,2/30/2023\nBar,13/1/2023\n")
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--map", "date=when", "--map", "company=entity",
                                  "--title-template", "{company} cuts", "--date-format", "m/d/yyyy", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged, 3 rejected.\n"), "\(result.stderr)")
        #expect(result.stderr.contains("dates.csv:5: column 'date' (when): 'sometime' is not a valid date: it is not a date form this tool reads (ISO and EDTF, and words in English or French, and their common forms in German, Dutch, Spanish, Italian and Portuguese: try 2022-12-01, 2022-12, Q2 2022, December 2022, 1 Dec 2022 or décembre 2022); nor is it a day written m/d/yyyy.\n"))
        // Worded as the same date in any other form is (`2023-02-30`), and with the pattern.
        #expect(result.stderr.contains("dates.csv:6: column 'date': '2/30/2023', read as m/d/yyyy, is not a valid date: February 2023 has 28 days.\n"))
        #expect(result.stderr.contains("dates.csv:7: column 'date': '13/1/2023', read as m/d/yyyy, is not a valid date: there is no month 13.\n"))
        let dates = Dictionary(uniqueKeysWithValues: try jsonEvents(["--kind", "layoff", "--from", "2022-01"]).compactMap { event in
            (event["title"] as? String).map { ($0, "\(event["when"] ?? "")") }
        })
        #expect(dates["Acme cuts"] == "2023-03-06")
        #expect(dates["Globex cuts"] == "2023-03-07")
        #expect(dates["Initech cuts"] == "2022-34", "a quarter stays a quarter")
    }

    /// `yy` reads two-digit years as spreadsheets do (00–29 this century, 30–99 the last); a
    /// pattern with a letter that is no part of a day, a time, or a year or month of another
    /// length is refused, saying what to write.
    @Test func aDateFormatOfTwoDigitYearsAndPatternsItRefuses() throws {
        let path = try write("yy.csv", "company,date\nAcme,3/6/23\nBeta,12/31/99\nGamma,1/1/29\nDelta,1/1/30\nEps,3/6/2023\n")
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--map", "date=when", "--map", "company=entity",
                                  "--title-template", "{company} cuts", "--date-format", "m/d/yy", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 4 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(result.stderr)")
        #expect(result.stderr.contains("yy.csv:6: column 'date' (when): '3/6/2023' is not a day written m/d/yy: its year has four digits (--date-format m/d/yyyy reads it).\n"),
                "\(result.stderr)")
        let dates = Dictionary(uniqueKeysWithValues: try jsonEvents(["--search", "cuts"]).compactMap { event in
            (event["title"] as? String).map { ($0, "\(event["when"] ?? "")") }
        })
        #expect(dates == ["Acme cuts": "2023-03-06", "Beta cuts": "1999-12-31", "Gamma cuts": "2029-01-01", "Delta cuts": "1930-01-01"], "\(dates)")
        for (pattern, reason) in [
            ("x/d/m/yyyy", "has 'x', which is no part of a day: d, m and yyyy (or yy) are, with marks such as / between them."),
            ("m/d/yyyy h:mm", "writes a time: give the day's parts only (m/d/yyyy); a time after the day, as in 3/6/2023 14:05, is read and left aside."),
            ("d-mmm-yyyy", "writes the month mmm; a month is m or mm, its number (a day written with a month's name, 6 Mar 2023, is read without --date-format)."),
            ("m/d/yyy", "writes the year yyy; write yyyy, or yy for two digits."),
            ("m/d/m/yyyy", "names the month twice."),
        ] {
            let refused = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--date-format", pattern])
            #expect(refused.status == 64 && refused.stderr == "timeline: --date-format '\(pattern)' \(reason)\n", "\(refused.stderr)")
        }
    }

    /// A file whose lines end in CR alone (Excel's "CSV (Macintosh)") is named for what it is,
    /// not for the columns its one long line would name twice.
    @Test func lineEndsOfCarriageReturnsAloneAreNamed() throws {
        let path = try write("mac.csv", "uid,kind,when,title\rq1,launch,2020,CR only\rq2,launch,2021,Second\r")
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(path):1: the lines end in a carriage return alone (as \"CSV (Macintosh)\" saves them), which CSV and TSV "
                + "do not take for line ends: convert them (tr '\\r' '\\n'), or save the file as CSV UTF-8.\n", "\(result.stderr)")
    }

    /// A spreadsheet saving cells as shown writes a currency's sign beside its amounts (`1 200 €`,
    /// `$45`), and a pasted negative may carry a typographic minus (`−1 000`): both are read when
    /// the sign is the unit's currency, and a sign of another currency is refused, naming the
    /// unit that fits; `add --measure` reads them alike.
    @Test func currencySignsAndTypographicMinusesAreRead() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("money.csv", "E;D;T;N\nLivi;2022;a;1 200 €\nLivi;2021;b;\u{2212}1 000\nLivi;2020;c;€ 3,5\nLivi;2019;d;45 $\n")
        let result = try CLI.run(["import", sheet, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                  "--map", "N=measure:investment:EUR", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("timeline: \(sheet):5: column 'N': '45 $' is in $, and the column's unit is 'EUR': "
                                        + "map it to that currency's (--map 'N=measure:investment:USD').\n"), "\(result.stderr)")
        let values = try jsonEvents(["--entity", "livi"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(values == ["3.5 EUR", "-1000 EUR", "1200 EUR"])
        let added = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "X", "--entity", "Livi", "--measure", "raised=$45:USD",
                                 "--measure", "staff=\u{2212}3:person"])
        #expect(added.status == 0, "\(added.stderr)")
        let refused = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021", "--title", "Y", "--entity", "Livi", "--measure", "raised=45 €:USD"])
        #expect(refused.status == 64 && refused.stderr.hasPrefix("timeline: --measure 'raised=45 €:USD' has '45 €', in €, and the unit 'USD'; give the unit of that currency (EUR)"),
                "\(refused.stderr)")
        // Other currencies' signs (the hryvnia, the shekel, …); in a comma-separated file,
        // points that can only group thousands (`2.500.000`) are refused, naming the
        // --decimal-mark that reads them.
        let more = try write("more.csv", "E;D;T;N\nKyivstar;2022;h;3 000 000 ₴\nKyivstar;2021;i;₴1,5\nKoç;2020;j;₺2.500.000\n")
        let hryvnia = try CLI.run(["import", more, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                   "--map", "N=measure:investment:UAH", "--skip-invalid"])
        #expect(hryvnia.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(hryvnia.stdout)\(hryvnia.stderr)")
        #expect(hryvnia.stderr.contains("more.csv:4: column 'N': '₺2.500.000' is in ₺, and the column's unit is 'UAH': map it to that currency's (--map 'N=measure:investment:TRY')"),
                "\(hryvnia.stderr)")
        let lira = try write("lira.csv", "E,D,T,N\nKoç,2020,j,₺2.500.000\n")
        let points = try CLI.run(["import", lira, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                  "--map", "N=measure:investment:TRY"])
        #expect(points.status == 65 && points.stderr.hasSuffix("'₺2.500.000' is not a number (digits with an optional '.', thousands grouped by spaces if at all, "
                + "after ~, environ, at least, plus de, … if any, and a % sign after it); points group its thousands, as German, French or Turkish prose "
                + "writes them: --decimal-mark , reads it as 2500000.\n"), "\(points.stderr)")
        #expect(try CLI.run(["import", lira, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                             "--map", "N=measure:investment:TRY", "--decimal-mark", ","]).status == 0)
        let unitsAndValues = try jsonEvents(["--entity", "kyivstar"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(unitsAndValues == ["1.5 UAH", "3000000 UAH"], "\(unitsAndValues)")
        #expect(try jsonEvents(["--entity", "koc"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "2500000")
        // A dollar sign with its country's letters (`R$`, `US$`), as Brazilian Excel saves a
        // currency cell; Portuguese, Spanish and German words around a number.
        let reais = try write("reais.csv", "E;D;T;V;N\nVarejão;2022;k;R$ 1.200.000,00;mais de 1.000\nVarejão;2021;l;R$1.500,5;cerca de 300\n"
                              + "Varejão;2020;m;10 r$;hasta 50\nVarejão;2019;n;US$ 300;mindestens 7\n")
        let real = try CLI.run(["import", reais, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                "--map", "V=measure:deal-value:BRL", "--map", "N=measure:staff:person", "--decimal-mark", ",", "--skip-invalid"])
        #expect(real.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(real.stdout)\(real.stderr)")
        #expect(real.stderr.contains("reais.csv:5: column 'V': 'US$ 300' is in US$, and the column's unit is 'BRL': map it to that currency's (--map 'V=measure:deal-value:USD')"),
                "\(real.stderr)")
        let figures = try jsonEvents(["--entity", "varejao"]).flatMap { ($0["measures"] as? [[String: Any]]) ?? [] }
            .map { "\($0["value"]!) \($0["unit"]!) \($0["qualifier"] as? String ?? (($0["approximate"] as? Bool) == true ? "~" : "="))" }
        #expect(figures == ["10 BRL =", "50 person up-to", "1500.5 BRL =", "300 person ~", "1200000.00 BRL =", "1000 person more-than"], "\(figures)")
    }

    /// A source cell of several URLs cites each; one copied without its scheme is a URL; a URL
    /// that holds several addresses is refused, by add too, leaving the timeline as it was.
    @Test func aSourceCellOfSeveralURLsCitesEach() throws {
        let sheet = try write("two.csv", "when,company,title,kind,url,quote\n2021,Z,two,other,\"https://a.example.org/x; https://b.example.org/y\",hello\n"
                              + "2020,Z,lines,other,\"https://a.example.org/x\nhttps://c.example.org/z\",\n2019,Z,bare,other,www.statnews.com/2023/x,\n")
        let result = try CLI.run(["import", sheet, "--db", db, "--map", "company=entity", "--map", "url=source"])
        #expect(result.status == 0, "\(result.stderr)")
        let cited = try jsonEvents(["--entity", "z"]).map { event in
            "\(event["title"]!): " + ((event["sources"] as? [[String: Any]]) ?? []).map { "\($0["url"]!) \($0["publisher"]!) \($0["quote"] as? String ?? "-")" }
                .joined(separator: ", ")
        }
        #expect(cited == ["bare: https://www.statnews.com/2023/x statnews.com -",
                          "lines: https://a.example.org/x a.example.org -, https://c.example.org/z c.example.org -",
                          "two: https://a.example.org/x a.example.org hello, https://b.example.org/y b.example.org -"], "\(cited)")
        // Commas of a list between them are the list's, not the URLs'.
        let listed = try write("listed.csv", "when,company,title,kind,url\n2016,Y,list,other,\"https://a.example.org/x, https://d.example.org/w\"\n"
                               + "2015,Y,spaced,other,\"https://a.example.org/x , https://e.example.org/v\"\n")
        #expect(try CLI.run(["import", listed, "--db", db, "--map", "company=entity", "--map", "url=source"]).status == 0)
        let urls = try jsonEvents(["--entity", "y"]).map { (($0["sources"] as? [[String: Any]]) ?? []).map { "\($0["url"]!)" }.joined(separator: " ") }
        #expect(urls == ["https://a.example.org/x https://e.example.org/v", "https://a.example.org/x https://d.example.org/w"], "\(urls)")
        let before = try CLI.run(["export", "--db", db, "--format", "sql"]).stdout
        let several = try write("several.csv", "when,company,title,kind,url\n2018,Z,space,other,https://a.example.org/a b https://b.example.org\n")
        let refused = try CLI.run(["import", several, "--db", db, "--map", "company=entity", "--map", "url=source"])
        #expect(refused.status == 65 && refused.stderr == "timeline: \(several):2: column 'url' (sources[0].url): the source URL "
                + "'https://a.example.org/a b https://b.example.org' holds 2 addresses: give each its own source (`edit --source` cites another; "
                + "a file's source cell may hold URLs alone, separated by spaces or ';', a space within one written %20).\n", "\(refused.stderr)")
        for given in ["https://a.example.org/p; https://b.example.org/q", "https://a.example.org/p;https://b.example.org/q", "https://a.example.org/p,https://b.example.org/q"] {
            let added = try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2018", "--title", "t", "--entity", "Z", "--source", given])
            #expect(added.status == 64 && added.stderr.hasPrefix("timeline: the source URL '\(given)' holds 2 addresses"), "\(added.stderr)")
        }
        let keys = try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2018", "--title", "t", "--entity", "Z", "--source", "www.a.example/x www.b.example/y"])
        #expect(keys.status == 64 && keys.stderr.hasPrefix("timeline: the source key 'www.a.example/x www.b.example/y' holds 2 addresses"), "\(keys.stderr)")
        #expect(try CLI.run(["export", "--db", db, "--format", "sql"]).stdout == before)
        // One address with a space of its own (a PDF's name) is one source, no host made of its end.
        let pdf = try write("pdf.csv", "when,company,title,kind,url\n2017,Z,pdf,other,https://i.example/files/annual report.pdf/view\n")
        #expect(try CLI.run(["import", pdf, "--db", db, "--map", "company=entity", "--map", "url=source"]).status == 0)
        let cites = try jsonEvents(["--entity", "z", "--to", "2017"]).first?["sources"] as? [[String: Any]]
        #expect(cites?.map { "\($0["url"]!)" } == ["https://i.example/files/annual report.pdf/view"], "\(String(describing: cites))")
    }

    /// A spreadsheet's `N/A` in a figure column names --null; a field in typographic quotes that
    /// holds the delimiter says those quotes are text; estimates read as approximate.
    @Test func placeholdersAndTypographicQuotesAreNamed() throws {
        let sheet = try write("notes.csv", "when,company,title,kind,staff\n2021,“Amazon, Inc.”,t,other,1\n2021,Y,t2,other,N/A\n"
                              + "2021,Y,t3,other,400 (approx.)\n2021,Y,t4,other,est. 300\n")
        let result = try CLI.run(["import", sheet, "--db", db, "--map", "company=entity", "--map", "staff=measure:staff:person", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 2 rejected.\n"), "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("notes.csv:2: the record has 6 fields where the header has 5: a value that holds the delimiter must be in double quotes "
                                       + "(straight ones, \"; the typographic quote starting '“Amazon' is text).\n"), "\(result.stderr)")
        #expect(result.stderr.contains("notes.csv:3: column 'staff': 'N/A' is not a number (") && result.stderr.contains(
            "; if 'N/A' means no value, --null 'N/A' reads it as an empty cell.\n"), "\(result.stderr)")
        let figures = try jsonEvents(["--entity", "y"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["approximate"]!)" } }
        #expect(figures == ["400 1", "300 1"] || figures == ["300 1", "400 1"], "\(figures)")
        #expect(try CLI.run(["import", sheet, "--db", db, "--map", "company=entity", "--map", "staff=measure:staff:person", "--null", "N/A",
                             "--skip-invalid"]).stdout.hasSuffix(": 1 added, 0 updated, 2 unchanged, 1 rejected.\n"))
    }

    /// Mapped by hand, the columns nothing maps are named in a note (a forgotten figure or notes
    /// column is not lost unseen), with the field one is nearly spelt as; a template's column
    /// is used, not left out.
    @Test func columnsLeftOutOfAMappedImportAreNamed() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("mapped.csv", "Date,Company,Event,Type,Source URL,Quote,Quote language,Notes,Staff\n"
                              + "3/15/2021,Acme,Opens,launch,https://e.org/a,Bonjour,fr,a note,12\n")
        let mapped = try CLI.run(["import", sheet, "--db", db, "--map", "Date=when", "--map", "Company=entity", "--map", "Event=title", "--map", "Type=kind",
                                  "--map", "Source URL=source", "--date-format", "m/d/yyyy", "--dry-run"])
        #expect(mapped.status == 0 && mapped.stderr == "timeline: note: the columns 'Quote language' (--map 'Quote language=quote_language'?), 'Notes', 'Staff' "
                + "are no event fields and would be left out; --map COLUMN=FIELD imports one (`timeline help import` lists the fields).\n", "\(mapped.stderr)")
        let templated = try CLI.run(["import", sheet, "--db", db, "--map", "Date=when", "--map", "Company=entity", "--title-template", "{Company} {Event}",
                                     "--map", "Type=kind", "--map", "Source URL=source", "--map", "Quote language=quote_language", "--map", "Staff=measure:staff:person",
                                     "--map", "Notes=summary", "--date-format", "m/d/yyyy"])
        #expect(templated.status == 0 && templated.stderr.isEmpty, "\(templated.stderr)")
    }

    /// A money column as a paper's figures fill it: `£1.2m`, `$450k`, `GBP 5,000`, `(£5,000)`,
    /// `1.2bn`; a sum's commas group thousands where a bare number's are refused.
    @Test func moneyCellsTakeScaleWordsCodesAndBrackets() throws {
        let sheet = try write("pounds.csv", "E,D,T,V\nOcado,2022,a,£1.2m\nOcado,2021,b,\"GBP 5,000\"\nOcado,2020,c,\"(£5,000)\"\nOcado,2019,d,1.2bn\n"
                              + "Ocado,2018,e,450k GBP\nOcado,2017,f,\"5,000\"\nOcado,2016,g,1.2m USD\n")
        let result = try CLI.run(["import", sheet, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                  "--map", "V=measure:raised:GBP", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 5 added, 0 updated, 0 unchanged, 2 rejected.\n"), "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("pounds.csv:7: column 'V': '5,000' is not a number"), "\(result.stderr)")
        #expect(result.stderr.contains("pounds.csv:8: column 'V': '1.2m USD' is in USD, and the column's unit is 'GBP': map it to that currency's "
                                       + "(--map 'V=measure:raised:USD')"), "\(result.stderr)")
        let values = try jsonEvents(["--entity", "ocado"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(values == ["450000 GBP", "1200000000 GBP", "-5000 GBP", "5000 GBP", "1200000 GBP"], "\(values)")
        // A semicolon CSV, whose comma is the decimal mark: a code or bracket around it is read,
        // and a cell that is no number is not told to try the other decimal mark.
        let reais = try write("reais.csv", "E;D;T;V\nVarejão;2022;a;R$ (1.200,00)\nVarejão;2021;b;BRL 1.200,00\nVarejão;2020;c;1,2,5\n")
        let real = try CLI.run(["import", reais, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                "--map", "V=measure:raised:BRL", "--skip-invalid"])
        #expect(real.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(real.stdout)\(real.stderr)")
        #expect(real.stderr.hasSuffix("reais.csv:4: column 'V': '1,2,5' is not a number (digits with an optional decimal comma, after ~, environ, at least, "
                                      + "plus de, … if any, and a % sign after it).\n"), "\(real.stderr)")
        // Worded in German, a cell's marks are German's in a comma-separated file too; English
        // words after a point before three digits are refused as either.
        let german = try write("german.csv", "E,D,T,V\nWirecard,2020,a,\"3,2 Mrd. €\"\nWirecard,2019,b,1.500 Mio. €\nWirecard,2018,c,1.200 million\n")
        let read = try CLI.run(["import", german, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                "--map", "V=measure:raised:EUR", "--skip-invalid"])
        #expect(read.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(read.stdout)\(read.stderr)")
        #expect(read.stderr.contains("german.csv:4: column 'V': '1.200 million' could be 1200 or a decimal"), "\(read.stderr)")
        // A comma before three digits with a scale word is refused as either; a sum's commas group
        // thousands in a semicolon CSV too; N/D names --null.
        // In a semicolon CSV, whose comma is the decimal mark, `$5,000` could be either and is
        // refused, while `1,899 €` (a price to the tenth of a cent) keeps the file's mark.
        let mexican = try write("mexican.csv", "E;D;T;V\nBimbo;2020;a;$1,500 millones\nBimbo;2019;b;$5,000\nBimbo;2018;c;N/D\nBimbo;2017;d;10 mil pesos\n")
        let pesos = try CLI.run(["import", mexican, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                 "--map", "V=measure:raised:MXN", "--skip-invalid"])
        #expect(pesos.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged, 3 rejected.\n"), "\(pesos.stdout)\(pesos.stderr)")
        #expect(pesos.stderr.contains("mexican.csv:2: column 'V': '$1,500 millones' could be 1500 or 1.5 before its word"), "\(pesos.stderr)")
        #expect(pesos.stderr.contains("mexican.csv:3: column 'V': '$5,000' could be 5000 or 5: the file's comma is its decimal mark, and MXN groups "
                                     + "thousands with one; --decimal-mark . reads it as 5000, --decimal-mark , as 5"), "\(pesos.stderr)")
        #expect(pesos.stderr.contains("mexican.csv:4: column 'V': 'N/D' is not a number") && pesos.stderr.contains("--null 'N/D'"), "\(pesos.stderr)")
        #expect(try jsonEvents(["--entity", "bimbo"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "10000")
        // After a lone 0, a point is a decimal one, worded in German in a semicolon CSV too.
        let share = try write("share.csv", "E;D;T;V\nZalando;2022;a;etwa 0.125\nZalando;2021;b;0,25\n")
        let shares = try CLI.run(["import", share, "--db", db, "--set", "kind=other", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                  "--map", "V=measure:share:fraction"])
        #expect(shares.status == 0, "\(shares.stderr)")
        let zalando = try jsonEvents(["--entity", "zalando"]).compactMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(zalando == ["0.25", "0.125"], "\(zalando)")
        let fuel = try write("fuel.csv", "E;D;T;V\nTotal;2022;a;1,899 €\n")
        #expect(try CLI.run(["import", fuel, "--db", db, "--set", "kind=other", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                             "--map", "V=measure:price:EUR"]).status == 0)
        #expect(try jsonEvents(["--entity", "total"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "1.899")
        // A refusal names the cell as written, not its digits.
        let marked = try write("marked.csv", "E,D,T,V\nGorillas,2021,a,€1.9bn\n")
        let refused = try CLI.run(["import", marked, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                   "--map", "V=measure:raised:EUR", "--decimal-mark", ","])
        #expect(refused.status == 65 && refused.stderr.contains("column 'V': '€1.9bn' is not a number with --decimal-mark ,"), "\(refused.stderr)")
        let euros = try jsonEvents(["--entity", "wirecard"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!)" } }
        #expect(euros == ["1500000000", "3200000000"], "\(euros)")
        let reals = try jsonEvents(["--entity", "varejao"]).compactMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(reals == ["1200.00 BRL", "-1200.00 BRL"], "\(reals)")
        // Dutch and Italian, spelled out and bounded, in a comma-separated file: their marks are theirs.
        let dutch = try write("dutch.csv", "E,D,T,V\nPicnic,2022,a,\"ruim 2,5 miljoen euro\"\nPicnic,2021,b,oltre 1.200 milioni\nPicnic,2020,c,ongeveer 1.500\n")
        let dutchRead = try CLI.run(["import", dutch, "--db", db, "--set", "kind=funding", "--map", "E=entity", "--map", "D=when", "--map", "T=title",
                                     "--map", "V=measure:raised:EUR"])
        #expect(dutchRead.status == 0, "\(dutchRead.stderr)")
        let picnic = try jsonEvents(["--entity", "picnic"]).compactMap { ($0["measures"] as? [[String: Any]])?.first }
            .map { "\($0["value"]!) \($0["qualifier"] ?? "") \($0["approximate"]!)" }
        #expect(picnic == ["1500 <null> 1", "1200000000 more-than 0", "2500000 more-than 0"], "\(picnic)")
    }

    /// A day in the shape of --date-format but for its marks or its year's length is named so,
    /// with the pattern that reads it, not as an ambiguous date.
    @Test func aDayOfAnotherShapeThanTheDateFormatNamesThePatternThatReadsIt() throws {
        let path = try write("shapes.csv", "E;D;P\nLivi;01/12/22;\nQare;1.12.2022;\nAlan;01/12/2022 14:00;\nKry;1 Dec 2022;\nDoc;01.12.22;\nAda;13/13/22;\n"
                             + "Bo;1/12/2022;01/12/22\n")
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--map", "D=when", "--map", "E=entity", "--map", "P=published",
                                  "--set", "source=https://example.org/a", "--title-template", "{E} cuts", "--date-format", "d/m/yyyy", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 5 rejected.\n"), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("timeline: \(path):2: column 'D' (when): '01/12/22' is not a day written d/m/yyyy: its year has two digits "
                                        + "(--date-format d/m/yy reads it).\ntimeline: \(path):3: column 'D' (when): '1.12.2022' is not a day written "
                                        + "d/m/yyyy: its parts are separated by '.', not '/' (--date-format d.m.yyyy reads it).\n"), "\(result.stderr)")
        #expect(result.stderr.contains(":6: column 'D' (when): '01.12.22' is not a day written d/m/yyyy: its parts are separated by '.', not '/', "
                                       + "and its year has two digits (--date-format d.m.yy reads it).\n"), "\(result.stderr)")
        // A pattern that would not read it either is not named.
        #expect(result.stderr.contains(":7: column 'D' (when): '13/13/22' is not a valid date: numeric dates are ambiguous"), "\(result.stderr)")
        #expect(result.stderr.contains(":8: column 'P' (sources[0].published): '01/12/22' is not a day written d/m/yyyy: its year has two digits "
                                       + "(--date-format d/m/yy reads it).\n"), "\(result.stderr)")
    }

    /// An export a spreadsheet saved again with its own day order (`01/01/2019` for 2019-01-01)
    /// changed no date: the refusal of its worked-out days says which --date-format reads them,
    /// and with it the file comes in unchanged.
    @Test func worksOutDaysASpreadsheetRewroteAreNamedWithTheOrderThatReadsThem() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2019", "--title", "T", "--entity", "Livi"]).status == 0)
        let exported = try CLI.run(["export", "--db", db, "--format", "csv"]).stdout
        let rewritten = try write("saved-again.csv", exported.replacingOccurrences(of: "2019-01-01", with: "01/01/2019")
            .replacingOccurrences(of: "2019-12-31", with: "31/12/2019"))
        let refused = try CLI.run(["import", rewritten, "--db", db])
        #expect(refused.status == 65 && refused.stderr == "timeline: \(rewritten):2: column 'earliest': '01/01/2019' is 2019-01-01 written in a spreadsheet's order, "
                + "not as export writes it; give the file's order with --date-format d/m/yyyy or m/d/yyyy, which reads its days so.\n", "\(refused.stderr)")
        let read = try CLI.run(["import", rewritten, "--db", db, "--date-format", "d/m/yyyy"])
        #expect(read.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(read.stderr)")
        let yearFirst = try write("year-first.csv", exported.replacingOccurrences(of: "2019-01-01", with: "2019/01/01")
            .replacingOccurrences(of: "2019-12-31", with: "2019/12/31"))
        let yearFirstRefused = try CLI.run(["import", yearFirst, "--db", db])
        #expect(yearFirstRefused.stderr.hasSuffix("give the file's order with --date-format yyyy/m/d, which reads its days so.\n"), "\(yearFirstRefused.stderr)")
    }

    /// Spreadsheets write a time after the day (Excel's `3/6/2023 0:00`): the day is the date,
    /// as an ISO date-time's is; a time that is none is still refused.
    @Test func aDateFormatTakesATimeAfterTheDay() throws {
        let path = try write("times.csv", "company,date\nAcme,3/6/2023 0:00\nBeta,3/7/2023 14:35:10\nGamma,3/8/2023 2:05 PM\nDelta,3/9/2023 25:00\n"
                             + "Eps,3/9/2023 13:00 PM\nZeta,3/9/2023 0:00 AM\n")
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--map", "date=when", "--map", "company=entity",
                                  "--title-template", "{company} cuts", "--date-format", "m/d/yyyy", "--skip-invalid"])
        #expect(result.stdout.hasSuffix(": 3 added, 0 updated, 0 unchanged, 3 rejected.\n"), "\(result.stderr)")
        #expect(result.stderr.contains("times.csv:5: column 'date' (when): '3/9/2023 25:00' is not a valid date"), "\(result.stderr)")
        #expect(result.stderr.contains("times.csv:6: column 'date' (when): '3/9/2023 13:00 PM' is not a valid date"), "\(result.stderr)")
        #expect(result.stderr.contains("times.csv:7: column 'date' (when): '3/9/2023 0:00 AM' is not a valid date"), "\(result.stderr)")
        let dates = try jsonEvents(["--kind", "layoff", "--from", "2023-03", "--to", "2023-03"]).compactMap { $0["when"] as? String }
        #expect(dates.filter { ["2023-03-06", "2023-03-07", "2023-03-08"].contains($0) }.count == 3, "\(dates)")
    }

    /// `2019-22` in a hand-made file is EDTF's summer 2019, kept so; as prose writes the years
    /// 2019 to 2022 that way, the import says so, as `add` does. A file that gives the worked-out
    /// days beside it (as export writes) meant the EDTF, and hears nothing.
    @Test func aSeasonCodeThatReadsAsYearsIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = try write("years.csv", "uid,kind,when,title,entity\na,launch,2019-22,T,Acme\nb,launch,2020-33~,U,Acme\nc,launch,summer 2019,V,Acme\n")
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0 && imported.stderr == "timeline: note: 2 records (lines 2, 3) write a date such as '2019-22', which is EDTF "
                + "for summer 2019; for the years 2019 to 2022, write 2019/2022.\n", "\(imported.stderr)")
        let ndjson = try write("years.ndjson", #"{"uid":"d","kind":"launch","when":"2021","announced":"2018-24","title":"W","entities":["Acme"]}"# + "\n")
        let fromJSON = try CLI.run(["import", ndjson, "--db", db])
        #expect(fromJSON.stderr.contains("1 record (line 1) writes a date such as '2018-24', which is EDTF for winter 2018"), "\(fromJSON.stderr)")
        for format in ["csv", "ndjson", "seed"] {
            let exported = folder.path("again.\(format)")
            #expect(try CLI.run(["export", "--format", format, "--db", db, "--output", exported]).status == 0)
            let again = try CLI.run(["import", exported, "--db", db])
            #expect(again.status == 0 && again.stderr.isEmpty, "\(format): \(again.stderr)")
        }
        // A record of a file with those columns whose cells are empty (the way to change a date)
        // gives no days: it is noted; one giving them is not.
        let emptied = try write("emptied.csv", "uid,kind,when,title,entity,earliest,latest\ne,launch,2019-23,X,Acme,,\nf,launch,2019-23,Y,Acme,2019-09-01,2019-11-30\n")
        let fromEmptied = try CLI.run(["import", emptied, "--db", db])
        #expect(fromEmptied.stderr == "timeline: note: 1 record (line 2) writes a date such as '2019-23', which is EDTF for autumn 2019; "
                + "for the years 2019 to 2023, write 2019/2023.\n", "\(fromEmptied.stderr)")
    }

    /// A spreadsheet writes its sources' publication dates as its events' dates: --date-format
    /// reads the `published` column too.
    @Test func aDateFormatReadsPublicationDates() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let path = try write("fr.csv", "uid,company,date,url,published\nf1,Santéo,12/09/2024,https://a.example.fr/1,13/09/2024\n")
        let result = try CLI.run(["import", path, "--db", db, "--set", "kind=layoff", "--map", "date=when", "--map", "company=entity",
                                  "--map", "url=source", "--title-template", "{company} cuts", "--date-format", "d/m/yyyy"])
        #expect(result.status == 0, "\(result.stderr)")
        let event = try #require(try jsonEvents([]).first)
        #expect(event["when"] as? String == "2024-09-12")
        #expect((event["sources"] as? [[String: Any]])?.first?["published"] as? String == "2024-09-13", "\(event)")
    }

    /// The same in CSV and TSV, whose exports carry those columns: an agreeing or empty one passes.
    @Test(arguments: ["csv", "tsv"])
    func aWorkedOutDateColumnThatDisagreesWithItsDateIsRefused(format: String) throws {
        let separator = format == "csv" ? "," : "\t"
        func file(_ name: String, _ rows: [[String]]) throws -> String {
            let header = ["uid", "kind", "title", "when", "earliest", "latest", "precision", "approximate", "uncertain", "announced_precision"]
            return try write("\(name).\(format)", ([header] + rows).map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n")
        }
        // As a spreadsheet saves booleans: in capitals.
        let agreeing = ["a", "launch", "Agrees", "2020-02", "2020-02-01", "2020-02-29", "month", "FALSE", "False", ""]
        let empty = ["b", "launch", "Leaves them out", "2020-02", "", "", "", "", "", ""]
        // As the sqlite3 shell writes them: 0 and 1.
        let numeric = ["n", "launch", "Numeric flags", "2020~", "2020-01-01", "2020-12-31", "year", "1", "0", ""]
        // As Excel in French and in German save them.
        let french = ["f", "launch", "Drapeaux", "2020~", "", "", "", "VRAI", "FAUX", ""]
        let german = ["g", "launch", "Flaggen", "2021", "", "", "", "FALSCH", "falsch", ""]
        let earliest = try file("earliest", [agreeing, empty, ["c", "launch", "Disagrees", "2020-02", "2020-03-01", "", "", "", "", ""]])
        var result = try CLI.run(["import", earliest, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr == "timeline: \(earliest):4: column 'earliest': '2020-03-01' does not follow from when '2020-02', which gives '2020-02-01'; earliest, latest, precision, approximate and uncertain are worked out from when: to change the date, change when and leave them out (empty, or no such column or field).\n")
        let uncertain = try file("uncertain", [agreeing, ["c", "launch", "Disagrees", "2020-02", "", "", "", "", "true", ""]])
        result = try CLI.run(["import", uncertain, "--db", db])
        #expect(result.stderr.hasPrefix("timeline: \(uncertain):3: column 'uncertain': 'true' does not follow from when '2020-02', which gives 'false';"))
        let announced = try file("announced", [["c", "launch", "Disagrees", "2020-02", "", "", "", "", "", "day"]])
        result = try CLI.run(["import", announced, "--db", db])
        #expect(result.stderr.hasPrefix("timeline: \(announced):2: column 'announced_precision': 'day' does not follow from no announced date, which gives null;"))
        let wrongNumber = try file("number", [["c", "launch", "Disagrees", "2020~", "", "", "", "0", "", ""]])
        result = try CLI.run(["import", wrongNumber, "--db", db])
        #expect(result.stderr.hasPrefix("timeline: \(wrongNumber):2: column 'approximate': '0' does not follow from when '2020~', which gives 'true';"))
        let wrongWord = try file("word", [["c", "launch", "Disagrees", "2020~", "", "", "", "FAUX", "", ""]])
        result = try CLI.run(["import", wrongWord, "--db", db])
        #expect(result.stderr.hasPrefix("timeline: \(wrongWord):2: column 'approximate': 'FAUX' does not follow from when '2020~', which gives 'true';"))
        let fine = try file("fine", [agreeing, empty, numeric, french, german])
        result = try CLI.run(["import", fine, "--db", db])
        #expect(result.stdout.hasSuffix(": 5 added, 0 updated, 0 unchanged.\n"), "\(result.stderr)")
        // What export writes imports back, the worked-out columns checked.
        let exported = try CLI.run(["export", "--db", db, "--format", format])
        let again = try write("exported.\(format)", exported.stdout)
        #expect(try CLI.run(["import", again, "--db", db]).stdout.hasSuffix(": 0 added, 0 updated, 20 unchanged.\n"))
    }

    /// An export a spreadsheet saved again has its worked-out days in the spreadsheet's form:
    /// read in --date-format, `2/1/2020` is the month's first day.
    @Test func workedOutDaysAreReadInTheDateFormat() throws {
        let header = "uid,kind,title,when,earliest,latest,precision\n"
        let saved = try write("saved.csv", header + "a,launch,Agrees,2020-02,2/1/2020,2/29/2020,month\n")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let read = try CLI.run(["import", saved, "--db", db, "--date-format", "m/d/yyyy"])
        #expect(read.status == 0 && read.stderr.isEmpty, "\(read.stderr)")
        let wrong = try write("wrong.csv", header + "b,launch,Disagrees,2020-02,3/1/2020,,\n")
        let refused = try CLI.run(["import", wrong, "--db", db, "--date-format", "m/d/yyyy"])
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("timeline: \(wrong):2: column 'earliest': '3/1/2020' does not follow from when '2020-02', which gives '2020-02-01';"), "\(refused.stderr)")
    }

    /// A record citing a source the timeline holds without a title or language gives it those,
    /// and the stored lists of the events already citing it follow (a bulk load suspends the
    /// triggers that would).
    @Test func anImportGivesAHeldSourceItsTitleAndLanguage() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "a", "--kind", "layoff", "--date", "2022", "--title", "A", "--entity", "X",
                             "--source", "ruling", "--publisher", "TC", "--published", "2022-01-01"]).status == 0)
        let record = #"{"uid":"b","kind":"layoff","title":"B","when":"2022","sources":[{"key":"ruling","title":"TC Lille, jugement n° 1","language":"fr"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8)).status == 0)
        let listed = try CLI.run(["list", "--db", db, "--format", "json"]).stdout
        let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        for event in events {
            let source = try #require((event["sources"] as? [[String: Any]])?.first)
            #expect(source["title"] as? String == "TC Lille, jugement n° 1" && source["language"] as? String == "fr", "\(event["uid"]!): \(source)")
        }
        #expect(try CLI.run(["check", "--db", db, "--errors-only"]).status == 0)
    }

    /// A figure given as a JSON number is a program's float: `1.2e9` and Python's `1200000000.0`
    /// are 1200000000; given as a string it is kept as written.
    @Test func aJSONNumberIsAFloatsValue() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let record = #"{"uid":"n","kind":"acquisition","title":"Deal","when":"2020","entities":["Acme"],"measures":["#
            + #"{"quantity":"deal-value","value":1.2e9,"unit":"USD"},{"quantity":"price","value":1200000000.0,"unit":"EUR"},"#
            + #"{"quantity":"share","value":"0.50","unit":"fraction"}]}"#
        let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        let figures = (try jsonEvents([]).first?["measures"] as? [[String: Any]] ?? []).map { "\($0["value"]!) \($0["unit"]!)" }
        #expect(figures == ["1200000000 USD", "1200000000 EUR", "0.50 fraction"], "\(figures)")
        #expect(try CLI.run(["show", "n", "--db", db]).stdout.contains("1,200,000,000 USD"))
    }

    /// A feed written the German or French way gives `"250.000"` euros and `"1.200"` people as
    /// strings: read as decimals, a sum would be a thousand off, so they are refused naming both
    /// readings; a price to three decimals (`"1.899"`), a distance, a lone 0 or a JSON number are read.
    @Test func aJSONStringWhosePointCouldGroupThousandsIsRefusedInPeopleAndMoney() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        func record(_ uid: String, _ value: String, _ unit: String) -> String {
            #"{"uid":"\#(uid)","kind":"other","title":"\#(uid)","when":"2023","entities":["Acme"],"measures":[{"quantity":"q-\#(uid)","value":\#(value),"unit":"\#(unit)"}]}"#
        }
        let before = try CLI.run(["sql", "--db", db, "SELECT count(*) FROM events"]).stdout
        let money = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record("g", #""250.000""#, "EUR") + "\n").utf8))
        #expect(money.status == 65 && money.stderr == "timeline: standard input:1: field 'measures[0].value': '250.000' could be 250000 or 250: "
                + "German or French group thousands with a point, and EUR is money (seldom written to three decimals); "
                + "write \"250000\" if the point groups thousands, or \"250\" if it is the decimal mark.\n", "\(money.stderr)")
        #expect(try CLI.run(["sql", "--db", db, "SELECT count(*) FROM events"]).stdout == before)
        let people = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record("a", #""-1.200""#, "person") + "\n").utf8))
        #expect(people.status == 65 && people.stderr.contains("'-1.200' could be -1200 or -1.2: German or French group thousands with a point, "
                + "and person counts people (-1.2 of them is unlikely)"), "\(people.stderr)")
        let read = [record("p", #""1.899""#, "EUR"), record("d", #""1.500""#, "km"), record("z", #""0.500""#, "EUR"),
                    record("m", #""250.000""#, "EUR-million"), record("n", "1.500", "person"), record("b", #""1.25""#, "EUR")]
        let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((read.joined(separator: "\n") + "\n").utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        let values = try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT value || ' ' || unit FROM measures ORDER BY id"]).stdout
        #expect(values == "value || ' ' || unit\n1.899 EUR\n1.500 km\n0.500 EUR\n250.000 EUR-million\n1.5 person\n1.25 EUR\n", "\(values)")
    }

    /// With the comma for the decimal mark (the option, or a CSV separated by semicolons), a comma
    /// before three digits in people or things, or in money with a 0 for its third decimal, could
    /// as well group thousands, as English writes them: refused naming both readings.
    @Test func aCommaBeforeThreeDigitsReadAsTheDecimalMarkIsRefusedInPeopleAndMoney() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let file = try write("comma.csv", "title,when,kind,n,v\nA,2023,layoff,\"1,500\",\"1,899\"\nB,2023,layoff,\"1,5\",\"2,500\"\nC,2023,layoff,15,\"2,50\"\n")
        let map = ["--map", "n=measure:employees-laid-off:person", "--map", "v=measure:price:EUR"]
        let refused = try CLI.run(["import", file, "--db", db, "--decimal-mark", ",", "--skip-invalid"] + map)
        #expect(refused.stderr.contains("comma.csv:2: column 'n': '1,500' could be 1500 or 1.5: the file's comma is its decimal mark (--decimal-mark ,), "
                + "where English groups thousands with one, and person counts people (1.5 of them is unlikely); write 1500 if the comma groups thousands, "
                + "or 1,5 if it is the decimal mark.\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("comma.csv:3: column 'v': '2,500' could be 2500 or 2.5: the file's comma is its decimal mark (--decimal-mark ,), "
                + "where English groups thousands with one, and EUR is money (seldom written to three decimals)"), "\(refused.stderr)")
        #expect(refused.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged, 2 rejected.\n"), "\(refused.stdout)")
        let semicolons = try write("semicolons.csv", "title;when;kind;v\nD;2023;layoff;1,500 €\nE;2023;layoff;1,899 €\n")
        let refusedToo = try CLI.run(["import", semicolons, "--db", db, "--skip-invalid", "--map", "v=measure:price:EUR"])
        #expect(refusedToo.stderr.contains("semicolons.csv:2: column 'v': '1,500 €' could be 1500 or 1.5: the file's comma is its decimal mark "
                + "(it is separated by semicolons)"), "\(refusedToo.stderr)")
        let values = try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT value || ' ' || unit FROM measures ORDER BY id"]).stdout
        #expect(values == "value || ' ' || unit\n15 person\n2.50 EUR\n1.899 EUR\n", "\(values)")
    }

    /// A figure cell with a word after its number (`1200 Stellen`, pasted from prose) is refused
    /// naming the word, as `add` names it, not the number; `N/A` is no number with a word.
    @Test func aWordAfterAFiguresNumberIsNamed() throws {
        let file = try write("stellen.tsv", "title\twhen\tkind\tStellen\nA\t2023\tlayoff\tca. 1.200 Stellen\nB\t2023\tlayoff\tmehr als 300 Jobs\n"
                             + "C\t2023\tlayoff\tN/A\n")
        let refused = try CLI.run(["import", file, "--db", db, "--dry-run", "--map", "Stellen=measure:employees-laid-off:person"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("stellen.tsv:2: column 'Stellen': 'ca. 1.200 Stellen' is not a number: 'Stellen' after the number is no scale word "
                + "or currency name this tool reads (thousand, million, Mio., Mrd., milliards, millones, miliardi, euros, dollars, …); what is counted "
                + "goes in the unit, here person from --map: the cell gives the number alone.\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("stellen.tsv:3: column 'Stellen': 'mehr als 300 Jobs' is not a number: 'Jobs' after the number"), "\(refused.stderr)")
        #expect(refused.stderr.contains("stellen.tsv:4: column 'Stellen': 'N/A' is not a number (digits") && refused.stderr.contains("--null 'N/A'"),
                "\(refused.stderr)")
    }

    /// A spreadsheet's `11,000` and `13%`: --decimal-mark says what a comma is; a percentage is
    /// read in the unit fraction or percent, and refused in another.
    @Test func decimalMarkAndPercentagesInFigures() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let file = try write("us.csv", "title,when,kind,n,share\r\nA,2023,layoff,\"11,000\",13%\r\nB,2023,layoff,\"1,234,567.5\",12.5 %\r\n")
        // A percentage's unit in any case is the timeline's `fraction`, which reads back as a percentage.
        let map = ["--map", "n=measure:employees-laid-off:person", "--map", "share=measure:workforce-share:Fraction"]
        let unsaid = try CLI.run(["import", file, "--db", db] + map)
        #expect(unsaid.status == 65)
        #expect(unsaid.stderr.hasSuffix("a comma could group thousands or be the decimal mark: --decimal-mark . reads 11,000 as 11000, --decimal-mark , reads 0,15 as 0.15.\n"), "\(unsaid.stderr)")
        let read = try CLI.run(["import", file, "--db", db, "--decimal-mark", "."] + map)
        #expect(read.status == 0, "\(read.stderr)")
        let figures = try jsonEvents([]).map { ($0["measures"] as? [[String: Any]] ?? []).map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(figures == [["11000 person", "0.13 fraction"], ["1234567.5 person", "0.125 fraction"]], "\(figures)")
        // With a point for the decimal mark, a comma that groups no thousands is still no number.
        let odd = try write("odd.csv", "title,when,kind,n\nC,2023,layoff,\"1,5\"\nD,2023,layoff,\"0,155\"\n")
        let refused = try CLI.run(["import", odd, "--db", db, "--decimal-mark", ".", "--skip-invalid", "--dry-run"] + map.prefix(2))
        #expect(refused.stderr.contains("odd.csv:2: column 'n': '1,5' is not a number (digits with an optional '.', thousands grouped by commas"), "\(refused.stderr)")
        #expect(refused.stderr.contains("odd.csv:3: column 'n': '0,155' is not a number"), "\(refused.stderr)")
        // Unsaid, such a comma can only be a decimal mark: the one option that reads it is named.
        let oddUnsaid = try CLI.run(["import", odd, "--db", db, "--skip-invalid", "--dry-run"] + map.prefix(2))
        for (line, figure, decimal) in [(2, "1,5", "1.5"), (3, "0,155", "0.155")] {
            #expect(oddUnsaid.stderr.contains("odd.csv:\(line): column 'n': '\(figure)' is not a number (")
                    && oddUnsaid.stderr.contains("; a comma before other than three digits, or after a lone 0, groups no thousands: "
                                                 + "--decimal-mark , reads it as \(decimal).\n"), "\(oddUnsaid.stderr)")
        }
        // Said to be the decimal mark, the comma leaves the point only grouping thousands.
        let pointed = try write("pointed-comma.csv", "title,when,kind,n\nK,2023,layoff,2.500\nL,2023,layoff,1.5\n")
        let grouping = try CLI.run(["import", pointed, "--db", db, "--decimal-mark", ",", "--skip-invalid", "--map", "n=measure:employees-laid-off:person"])
        #expect(grouping.stderr.contains("pointed-comma.csv:3: column 'n': '1.5' is not a number with --decimal-mark ,: the comma is the decimal mark, and a point only groups thousands in threes (1.234,5)"), "\(grouping.stderr)")
        #expect(try jsonEvents(["--search", "K"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "2500")
        // Unsaid, a point before three digits could be either too (German `1.200`): refused as
        // `11,000` is; a point before other than three digits, or after a 0, is a decimal.
        let ambiguous = try write("ambiguous.csv", "title,when,kind,n\nM,2023,layoff,1.200\nN,2023,layoff,-12.500\nO,2023,layoff,0.125\nP,2023,layoff,2.5\nQ,2023,layoff,+1.200\n"
                                  + "R,2023,layoff,1.200 million\n")
        let unclear = try CLI.run(["import", ambiguous, "--db", db, "--skip-invalid", "--map", "n=measure:employees-laid-off:person"])
        // In a unit of things that come whole, only the option that reads it as 1200 is offered:
        // the decimal reading is refused there with --decimal-mark . too (below).
        #expect(unclear.stderr.contains("ambiguous.csv:2: column 'n': '1.200' could be 1200 or a decimal: a point could group thousands or be the decimal mark; "
                                        + "--decimal-mark , reads it as 1200.\n"), "\(unclear.stderr)")
        #expect(unclear.stderr.contains("ambiguous.csv:3: column 'n': '-12.500' could be -12500 or a decimal"), "\(unclear.stderr)")
        #expect(unclear.stderr.contains("ambiguous.csv:6: column 'n': '+1.200' could be 1200 or a decimal"), "\(unclear.stderr)")
        // Before a scale word, the number before the word is what the marks read (not 1200 people).
        #expect(unclear.stderr.contains("ambiguous.csv:7: column 'n': '1.200 million' could be 1200 or a decimal before its word: "
                                        + "a point could group thousands or be the decimal mark; --decimal-mark . reads it as a decimal, "
                                        + "--decimal-mark , as 1200 before its word"), "\(unclear.stderr)")
        #expect(unclear.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 4 rejected.\n"), "\(unclear.stdout)")
        let said = try CLI.run(["import", ambiguous, "--db", db, "--decimal-mark", ".", "--map", "n=measure:distance:km"])
        #expect(said.status == 0, "\(said.stderr)")
        #expect(try jsonEvents(["--search", "M"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "1.200")
        // But in a unit of things that come whole, or money, a point before three digits read as
        // the decimal mark is refused, as `add` refuses `1.500:person`: `ruim 4.000` people are
        // not 4, nor `250.000 €` 250 euros; a fourth decimal says a price to the tenth of a cent.
        let whole = try write("whole.csv", "title,when,kind,n,cost\nS,2023,layoff,ruim 4.000,\nT,2023,layoff,12,250.000 €\nU,2023,layoff,12,1.8990\n"
                              + "V,2023,layoff,\"1,200.500\",\n")
        let wholeMap = ["--map", "n=measure:employees-laid-off:person", "--map", "cost=measure:cost:EUR"]
        let refusedWhole = try CLI.run(["import", whole, "--db", db, "--decimal-mark", ".", "--skip-invalid"] + wholeMap)
        #expect(refusedWhole.stderr.contains("whole.csv:2: column 'n': 'ruim 4.000' counts people, and 4 of them written to three decimals is unlikely: "
                                             + "--decimal-mark . makes its point the decimal mark, where German, French or Dutch group thousands with one; "
                                             + "write 4000 if the point groups thousands, or 4 if it is the decimal mark.\n"), "\(refusedWhole.stderr)")
        #expect(refusedWhole.stderr.contains("whole.csv:3: column 'cost': '250.000 €' is money, seldom written to three decimals: --decimal-mark . makes its point "
                                             + "the decimal mark, where German, French or Dutch group thousands with one; write 250000 if the point groups thousands, "
                                             + "or 250 if it is the decimal mark.\n"), "\(refusedWhole.stderr)")
        #expect(refusedWhole.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged, 2 rejected.\n"), "\(refusedWhole.stdout)")
        // Points that can only group thousands name the option that reads them so.
        let grouped = try write("grouped.csv", "title,when,kind,n\nW,2023,layoff,1.200.000\n")
        let groupedRefused = try CLI.run(["import", grouped, "--db", db, "--decimal-mark", ".", "--dry-run", "--map", "n=measure:distance:km"])
        #expect(groupedRefused.stderr.contains("grouped.csv:2: column 'n': '1.200.000' is not a number (")
                && groupedRefused.stderr.contains("; --decimal-mark . makes the point the decimal mark, which a figure has once, and its points group thousands: "
                                                  + "--decimal-mark , reads it as 1200000.\n"), "\(groupedRefused.stderr)")
        let wholeValues = try jsonEvents(["--search", "U OR V"]).compactMap { ($0["measures"] as? [[String: Any]])?.map { "\($0["value"]!) \($0["unit"]!)" } }
        #expect(wholeValues.flatMap { $0 }.sorted() == ["1.8990 EUR", "12 person", "1200.500 person"], "\(wholeValues)")
        // A comma for the decimal mark in a file separated by commas.
        let french = try write("fr.csv", "title,when,kind,share\nE,2023,layoff,\"0,15\"\nF,2023,layoff,\"15,5 %\"\n")
        #expect(try CLI.run(["import", french, "--db", db, "--decimal-mark", ",", "--map", "share=measure:workforce-share:percent"]).status == 0)
        let shares = try jsonEvents(["--search", "E OR F"]).compactMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(shares.sorted() == ["0.15", "15.5"], "\(shares)")
        // A JSON value given as a string percentage, and a --map role in any case.
        let json13 = #"{"kind":"layoff","title":"J","when":"2023","entities":["Acme"],"measures":[{"quantity":"workforce-share","value":"13%","unit":"FRACTION"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((json13 + "\n").utf8)).status == 0)
        #expect(try jsonEvents(["--search", "J"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } } == "0.13 fraction")
        let companies = try write("companies.csv", "Company,Date\nZeta Corp,2023\n")
        #expect(try CLI.run(["import", companies, "--db", db, "--map", "Company=Entity:Employer", "--map", "Date=when",
                             "--set", "kind=layoff", "--set", "title=Zeta cuts"]).status == 0)
        #expect((try jsonEvents(["--search", "Zeta"]).first?["entities"] as? [[String: Any]])?.first?["role"] as? String == "employer")
        // A percentage in a unit it is not.
        let people = try CLI.run(["import", file, "--db", db, "--decimal-mark", ".", "--map", "share=measure:workforce-share:person", "--dry-run"])
        #expect(people.stderr.contains("us.csv:2: column 'share': '13%' is a percentage, and the column's unit is 'person': map it to the unit fraction (13% is 0.13) or percent"), "\(people.stderr)")
        // It names columns, as --date-format does: JSON is refused it.
        let json = try write("e.ndjson", "{\"kind\":\"launch\",\"title\":\"G\",\"when\":\"2020\"}\n")
        #expect(try CLI.run(["import", json, "--db", db, "--decimal-mark", "."]).stderr
                == "timeline: --decimal-mark applies to CSV and TSV files; \(json) is read as ndjson, whose records name their fields.\n")
        // `add` reads a percentage the same way.
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2024", "--title", "H", "--entity", "Acme",
                                 "--measure", "workforce-share=13%:Fraction"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try jsonEvents(["--search", "H"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["unit"]!)" } } == "0.13 fraction")
        #expect(try CLI.run(["show", "--db", db, try jsonEvents(["--search", "H"]).first?["uid"] as? String ?? ""]).stdout.contains("13%"))
        let person = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2024", "--title", "I", "--entity", "Acme",
                                  "--measure", "workforce-share=13%:person"])
        #expect(person.status == 64 && person.stderr.contains("is a percentage in the unit 'person'; give it the unit fraction (13% is 0.13) or percent"), "\(person.stderr)")
    }

    /// A field a record has one of takes one column: two --map onto it are refused, and one takes
    /// it over the file's own column of that name (with no falling back to it when empty).
    @Test func oneColumnGivesAFieldARecordHasOneOf() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let two = try write("two.csv", "A,B,when\nfromA,fromB,2020\nfromA2,,2021\n")
        let refused = try CLI.run(["import", two, "--db", db, "--map", "A=title", "--map", "B=Title", "--set", "kind=launch"])
        #expect(refused.status == 64 && refused.stderr == "timeline: --map gives title two columns, 'A' and 'B', and a record has one title: "
                + "map one elsewhere, or compose the title of both with --title-template.\n", "\(refused.stderr)")
        let sources = try CLI.run(["import", two, "--db", db, "--map", "A=source", "--map", "B=source", "--map", "A=title", "--set", "kind=launch"])
        #expect(sources.status == 64 && sources.stderr.contains("--map gives source two columns, 'A' and 'B'"), "\(sources.stderr)")
        let named = try write("named.csv", "title,B,when\nfromTitle,fromB,2020\nfromTitle2,,2021\n")
        let mapped = try CLI.run(["import", named, "--db", db, "--map", "B=title", "--set", "kind=launch", "--skip-invalid"])
        #expect(mapped.stdout.contains("1 added") && mapped.stderr.contains("named.csv:3: column 'B' is empty, and an event needs a title"),
                "\(mapped.stdout)\(mapped.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["title"] as? String } == ["fromB"])
    }

    /// A column --map gives a field, a --set value and a --title-template are each the whole of a
    /// field a record has one of: two of them for one field are refused (one would be dropped
    /// unseen), while either takes a field over the file's own column of that name.
    @Test(arguments: [
        (["--map", "T=title", "--set", "title=Fixed"], "--map gives title the column 'T' and --set gives it 'Fixed', and a record has one title: leave one out."),
        (["--map", "T=title", "--title-template", "{E} cuts"],
         "--title-template composes the title and --map gives it the column 'T', and a record has one title: leave the --map out, or put {T} in the template."),
        (["--set", "title=Fixed", "--title-template", "{E} cuts"], "--title-template composes the title and --set gives it 'Fixed', and a record has one title: leave one out."),
        (["--map", "T=title", "--title-template", "{T} ({E})"],
         "--title-template composes the title and --map gives it the column 'T', and a record has one title: leave the --map out (the template takes {T} already)."),
        (["--map", "T=title", "--map", "L=source_language", "--set", "source=https://example.org/a", "--set", "source_language=en"],
         "--map gives source_language the column 'L' and --set gives it 'en', and a citation has one source_language: leave one out."),
    ])
    func aFieldGivenTwiceByTheCommandIsRefused(options: [String], message: String) throws {
        let sheet = try write("twice.csv", "E;D;T;L\nLivi;2022;Livi ferme Lyon;fr\n")
        let refused = try CLI.run(["import", sheet, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when"] + options)
        #expect(refused.status == 64 && refused.stderr == "timeline: \(message)\n", "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let own = try write("own.csv", "E;D;title\nLivi;2022;Livi ferme Lyon\n")
        let template = try CLI.run(["import", own, "--db", db, "--set", "kind=layoff", "--map", "E=entity", "--map", "D=when", "--title-template", "{E} cuts"])
        #expect(template.status == 0, "\(template.stderr)")
        #expect(try jsonEvents(["--entity", "livi"]).compactMap { $0["title"] as? String } == ["Livi cuts"])
    }

    /// A translation or a quote language without the quote is named by its field, not left to
    /// the citations table's constraint.
    @Test(arguments: [("translation", "is the translation of a quote"), ("quote_language", "is the language of a quote")])
    func whatDescribesAQuoteNeedsTheQuote(field: String, reason: String) throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let record = #"{"uid":"x","kind":"launch","when":"2021","title":"A","sources":[{"url":"https://ex.fr/b","publisher":"ex","FIELD":"fr"}]}"#
        let path = try write("t.ndjson", record.replacingOccurrences(of: "FIELD", with: field) + "\n")
        let refused = try CLI.run(["import", path, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr == "timeline: \(path):1: field 'sources[0].\(field)': \(reason), and the citation has none"
                + (field == "translation" ? "." : " (a source's own language goes in its field language).") + "\n", "\(refused.stderr)")
    }

    /// A source type the sources table would refuse is named by its field, in every format, as
    /// a timeline document's is; one in capitals (`News`) is that type.
    @Test func aSourceTypeIsCheckedByItsField() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let record = #"{"uid":"x","kind":"launch","when":"2021","title":"A","sources":[{"url":"https://ex.fr/b","publisher":"ex","type":"TYPE"}]}"#
        let types = "use news, press-release, filing, memo, dataset, other.\n"
        for dryRun in [false, true] {
            let path = try write("t.ndjson", record.replacingOccurrences(of: "TYPE", with: "report") + "\n")
            let refused = try CLI.run(["import", path, "--db", db] + (dryRun ? ["--dry-run"] : []))
            #expect(refused.status == 65)
            #expect(refused.stderr.hasPrefix("timeline: \(path):1: field 'sources[0].type': 'report' is not a source type; \(types)"), "\(refused.stderr)")
        }
        let sheet = try write("t.csv", "kind,when,title,sources\nlaunch,2021,B,\"[{\"\"url\"\":\"\"https://ex.fr/c\"\",\"\"publisher\"\":\"\"ex\"\",\"\"type\"\":\"\"memo!\"\"}]\"\n")
        let cell = try CLI.run(["import", sheet, "--db", db])
        #expect(cell.stderr == "timeline: \(sheet):2: column 'sources' (sources[0].type): 'memo!' is not a source type; \(types)", "\(cell.stderr)")
        let capitals = try write("n.ndjson", record.replacingOccurrences(of: "TYPE", with: "Press-Release") + "\n")
        #expect(try CLI.run(["import", capitals, "--db", db]).status == 0)
        #expect(try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT type FROM sources"]).stdout == "type\npress-release\n")
    }

    /// A new source's key written as no key is (`Interview Müller`) is saved as its slug, said
    /// so; the key as written names the source after, in the file and in `edit`.
    @Test func aSourceKeyWrittenOtherwiseIsSavedAsItsSlugAndNamesItAfter() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let path = try write("k.ndjson", #"{"uid":"a","kind":"other","title":"A","when":"2004","sources":[{"key":"Interview Müller","publisher":"Own","type":"other"}]}"#
                             + "\n" + #"{"uid":"b","kind":"other","title":"B","when":"2005","sources":[{"key":"Interview Müller"}]}"# + "\n")
        let imported = try CLI.run(["import", path, "--db", db])
        #expect(imported.status == 0)
        #expect(imported.stderr == "timeline: note: 1 new source key was saved as keys are written (lower-case letters, digits and '-'): "
                + "'Interview Müller' as interview-muller; the key as the file writes it names the source too (`timeline edit UID --source KEY`).\n",
                "\(imported.stderr)")
        let edited = try CLI.run(["edit", "b", "--db", db, "--source", "Interview Müller", "--stance", "corrects"])
        #expect(edited.status == 0 && edited.stderr.isEmpty, "no new source: \(edited.stderr)")
        #expect(try CLI.run(["sql", "--db", db, "--format", "tsv", "SELECT key FROM sources"]).stdout == "key\ninterview-muller\n")
        #expect(try CLI.run(["import", path, "--db", db]).stderr.contains("new source key") == false, "not new the second time")
        // A key with no letter a key is written with is refused by its field, not by the table's CHECK.
        let cjk = try write("cjk.csv", "kind,when,title,entity,source,publisher,published\nlaunch,2020,B,Acme,東京 会見,NHK,2020-01-01\n")
        let refused = try CLI.run(["import", cjk, "--db", db])
        #expect(refused.status == 65 && refused.stderr == "timeline: \(cjk):2: column 'source' (sources[0].key): the source key '東京 会見' has no letter or digit "
                + "a key is written with (a–z, 0–9, '-'); write one (nhk-2020-interview), or leave the key out and give the source's URL or publisher.\n",
                "\(refused.stderr)")
    }

    @Test func aJSONArrayIsReadElementByElement() throws {
        let path = try write("array.json", """
            [
              {"kind":"launch","title":"brackets ] and , and [ and \\" quotes","when":"2020",
               "tags":["a,b","c]"],"entities":[{"name":"Nested [Co]"}]},

              {"kind":"launch","title":"second","when":"2021"}
            ]

            """)
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 added"))
        let titles = try jsonEvents(["--kind", "launch", "--from", "2020", "--to", "2021"]).compactMap { $0["title"] as? String }
        #expect(titles.contains("brackets ] and , and [ and \" quotes"))
        let broken = try write("trailing.json", "[{\"kind\":\"launch\",\"title\":\"x\",\"when\":\"2020\"}]\nextra\n")
        let refused = try CLI.run(["import", broken, "--db", db])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("trailing.json:2: invalid JSON: unexpected text after the array"))
    }

    @Test func duplicateUIDWithDifferentContentInOneFileIsRefused() throws {
        let path = try write("dup.ndjson", """
            {"uid":"x-1","kind":"launch","title":"first","when":"2020"}
            {"uid":"x-1","kind":"launch","title":"second","when":"2020"}

            """)
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        #expect(result.stderr.contains("dup.ndjson:2: field 'uid': the uid 'x-1' appears earlier in this file with different content"))

        // An event written earlier at the same recorded time (a script pinning $TIMELINE_NOW) is
        // no earlier record of this file: it is updated.
        let pinned = ["TIMELINE_NOW": "2024-01-01T00:00:00.000Z"]
        #expect(try CLI.run(["add", "--db", db, "--uid", "z", "--kind", "layoff", "--date", "2022", "--title", "Z"], environment: pinned).status == 0)
        let update = try write("z.ndjson", #"{"uid":"z","kind":"layoff","when":"2022","title":"Z2"}"# + "\n")
        let updated = try CLI.run(["import", update, "--db", db], environment: pinned)
        #expect(updated.status == 0 && updated.stdout.contains("1 updated"), "\(updated.stderr)")
        let twice = try write("z2.ndjson", #"{"uid":"z","kind":"layoff","when":"2022","title":"Z3"}"# + "\n" + #"{"uid":"z","kind":"layoff","when":"2022","title":"Z4"}"# + "\n")
        #expect(try CLI.run(["import", twice, "--db", db], environment: pinned).stderr.contains("z2.ndjson:2: field 'uid': the uid 'z' appears earlier in this file"))

        // Whatever the timeline holds: a first copy that leaves the event unchanged is as much
        // the file's as one that changes it, and the second copy is refused either way.
        let held = try write("held.ndjson", #"{"uid":"h","kind":"launch","title":"First","when":"2020"}"# + "\n")
        #expect(try CLI.run(["import", held, "--db", db]).status == 0)
        let both = try write("both.ndjson", #"{"uid":"h","kind":"launch","title":"First","when":"2020"}"# + "\n"
                             + #"{"uid":"h","kind":"launch","title":"Second","when":"2020"}"# + "\n")
        let contradicted = try CLI.run(["import", both, "--db", db])
        #expect(contradicted.status == 65 && contradicted.stderr.contains("both.ndjson:2: field 'uid': the uid 'h' appears earlier in this file with different content"),
                "\(contradicted.stderr)")
        #expect(try jsonEvents(["--search", "First"]).first?["uid"] as? String == "h")

        // Ids another tool set far out of the usual range are marked as well.
        for id in ["1099511627776", "-5"] {
            let moved = try CLI.run([db, "PRAGMA foreign_keys = OFF; BEGIN; UPDATE events SET id = \(id) WHERE uid = 'h'; "
                                     + "UPDATE citations SET event_id = \(id) WHERE event_id NOT IN (SELECT id FROM events); COMMIT;"],
                                    executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
            #expect(moved.status == 0, "\(moved.stderr)")
            let again = try CLI.run(["import", held, "--db", db])
            #expect(again.status == 0 && again.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(id): \(again.stderr)")
            #expect(try CLI.run(["import", both, "--db", db]).status == 65, "\(id)")
        }
    }

    @Test func changedRowUpdatesAndKeepsHistory() throws {
        let first = try write("v1.ndjson", #"{"uid":"acme-cut","kind":"layoff","title":"Acme cuts 50","when":"2025-12-01","sources":[{"url":"https://example.org/a","publisher":"Example","published":"2025-12-02","language":"en"}]}"# + "\n")
        let second = try write("v2.ndjson", #"{"uid":"acme-cut","kind":"layoff","title":"Acme cuts 80","when":"2025-12-01","sources":[{"url":"https://example.org/a"}]}"# + "\n")
        #expect(try CLI.run(["import", first, "--db", db], environment: ["TIMELINE_NOW": "2026-01-10T00:00:00.000Z"]).stdout.contains("1 added"))
        #expect(try CLI.run(["import", second, "--db", db], environment: ["TIMELINE_NOW": "2026-02-10T00:00:00.000Z"]).stdout.contains("1 updated"))
        #expect(try jsonEvents(["--search", "acme"]).first?["title"] as? String == "Acme cuts 80")
        #expect(try jsonEvents(["--search", "acme", "--as-of", "2026-01-20"]).first?["title"] as? String == "Acme cuts 50")
        #expect(try jsonEvents(["--search", "acme", "--as-of", "2026-02-20"]).first?["title"] as? String == "Acme cuts 80")
    }

    /// Titles and summaries are saved without surrounding spaces and line breaks, whatever the
    /// format: a JSON record and the CSV export of it import as the same event. A new entity's
    /// name is stored as written, and found again with one space between its words.
    @Test func textIsTrimmedAlikeInEveryFormat() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let ndjson = try write("w.ndjson", #"{"uid":"w1","kind":"launch","title":"  t  ","summary":"\n\nx\r","when":"2022","entities":["Spacey  Co"]}"# + "\n")
        #expect(try CLI.run(["import", ndjson, "--db", db]).stdout.contains("1 added"))
        let event = try #require(try jsonEvents([]).first)
        #expect(event["title"] as? String == "t" && event["summary"] as? String == "x")
        #expect((event["entities"] as? [[String: Any]])?.first?["name"] as? String == "Spacey  Co")
        #expect(try jsonEvents(["--entity", "Spacey Co"]).count == 1)
        let csv = folder.path("w.csv")
        #expect(try CLI.run(["--db", db, "export", "--format", "csv", "--output", csv]).status == 0)
        #expect(try CLI.run(["import", csv, "--db", db]).stdout.contains("1 unchanged"))
        #expect(try CLI.run(["import", ndjson, "--db", db]).stdout.contains("1 unchanged"))
    }

    /// An import that changes nothing leaves every byte of the file (its schema too, which the
    /// bulk load takes apart); one that changes events leaves the SQL export's schema in the
    /// same order.
    @Test func anImportThatChangesNothingLeavesTheFileAlone() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let ndjson = folder.path("seed.ndjson")
        let document = folder.path("seed.json")
        #expect(try CLI.run(["--db", db, "export", "--format", "ndjson", "--output", ndjson]).status == 0)
        #expect(try CLI.run(["--db", db, "export", "--format", "seed", "--output", document]).status == 0)
        let bytes = try folder.bytes("timeline.sqlite")
        for file in [ndjson, document] {
            let result = try CLI.run(["import", file, "--db", db])
            #expect(result.stdout.contains("15 unchanged"), "\(result.stderr)")
            #expect(try folder.bytes("timeline.sqlite") == bytes, "\(file)")
        }
        func schema() throws -> [Substring] {
            try CLI.run(["--db", db, "export", "--format", "sql"]).stdout.split(separator: "\n").filter { $0.hasPrefix("CREATE") }
        }
        let before = try schema()
        let changed = try write("changed.ndjson", #"{"uid":"amazon-care-launch-2019-09","kind":"launch","when":"2019-09","title":"Changed"}"# + "\n")
        #expect(try CLI.run(["import", changed, "--db", db]).stdout.contains("1 updated"))
        #expect(try schema() == before)
    }

    /// What `jq` writes: events one a line in a `.json` file (`jq -c`), and events over several
    /// lines one after another (its default), in a file or piped in; a cut-off event names the
    /// line it starts on.
    @Test func eventsAsJQWritesThemAreRead() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let compact = try write("compact.json", #"{"uid":"a","kind":"launch","title":"A","when":"2020"}"# + "\n" + #"{"uid":"b","kind":"launch","title":"B","when":"2021"}"# + "\n")
        var result = try CLI.run(["import", compact, "--db", db])
        #expect(result.stdout.contains("2 added"), "\(result.stderr)")
        let pretty = "{\n  \"uid\": \"c\",\n  \"kind\": \"launch\",\n  \"title\": \"C {x}\",\n  \"when\": \"2022\"\n}\n{\n  \"uid\": \"d\",\n  \"kind\": \"launch\",\n  \"title\": \"D\",\n  \"when\": \"2023\"\n}\n"
        result = try CLI.run(["import", try write("pretty.json", pretty), "--db", db])
        #expect(result.stdout.contains("2 added"), "\(result.stderr)")
        result = try CLI.run(["import", "-", "--db", db], stdin: Data(pretty.utf8))
        #expect(result.stdout.contains("2 unchanged"), "\(result.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["title"] as? String } == ["A", "B", "C {x}", "D"])
        let cut = try CLI.run(["import", try write("cut.json", "{\n \"uid\": \"e\", \"kind\": \"launch\",\n \"title\": \"E\", \"when\": \"20"), "--db", db])
        #expect(cut.status == 65 && cut.stderr.contains("cut.json:3: invalid JSON: the input ends inside the event that starts on line 1"), "\(cut.stderr)")
    }

    /// A JSON value as text with sorted keys, to compare values read from JSON.
    static func canonical(_ value: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys]), as: UTF8.self)
    }

    /// A record updates only what it gives: a file without a column (or a JSON record without a
    /// field) leaves that part of the event it updates as it was, and says so; a column or field
    /// given empty clears it.
    @Test func anUpdateKeepsWhatTheRecordLeavesOut() throws {
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let uid = "amazon-care-layoff-2022-12-01"
        let before = try jsonEvents(["--search", "WARN", "--kind", "layoff", "--entity", "amazon-care"])
        let original = try #require(before.first { $0["uid"] as? String == uid })
        let partial = try write("partial.csv", "uid,kind,when,title\n\(uid),layoff,2022-12-01,Amazon Care lays off 159 employees\n")
        let result = try CLI.run(["import", partial, "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 updated"))
        #expect(result.stderr.contains("note: the updated events kept their status, summary, announced, entities, tags, measures and sources, which the file does not give"),
                "\(result.stderr)")
        var event = try #require(try jsonEvents(["--search", "159"]).first { $0["uid"] as? String == uid })
        #expect(event["title"] as? String == "Amazon Care lays off 159 employees")
        for field in ["status", "summary", "announced", "entities", "tags", "measures", "sources"] {
            #expect(try Self.canonical(event[field]) == Self.canonical(original[field]), "\(field) kept")
        }
        // Imported again, nothing changes; an empty announced column clears the announcement.
        #expect(try CLI.run(["import", partial, "--db", db]).stdout.contains("1 unchanged"))
        let cleared = try write("cleared.csv", "uid,kind,when,title,announced\n\(uid),layoff,2022-12-01,Amazon Care lays off 159 employees,\n")
        let clearing = try CLI.run(["import", cleared, "--db", db])
        #expect(clearing.stdout.contains("1 updated") && !clearing.stderr.contains("announced"), "\(clearing.stderr)")
        event = try #require(try jsonEvents(["--search", "159"]).first { $0["uid"] as? String == uid })
        #expect(event["announced"] is NSNull)
        #expect((event["sources"] as? [Any])?.count == (original["sources"] as? [Any])?.count)
        // JSON: a field left out is kept, one given as null or [] is cleared.
        let json = try write("partial.ndjson", #"{"uid":"\#(uid)","kind":"layoff","when":"2022-12-01","title":"Amazon Care lays off 159","tags":[],"summary":null}"# + "\n")
        let jsonResult = try CLI.run(["import", json, "--db", db])
        #expect(jsonResult.stdout.contains("1 updated"), "\(jsonResult.stderr)")
        event = try #require(try jsonEvents(["--search", "159"]).first { $0["uid"] as? String == uid })
        #expect((event["tags"] as? [Any])?.isEmpty == true && event["summary"] is NSNull)
        #expect((event["entities"] as? [Any])?.count == (original["entities"] as? [Any])?.count)
        #expect(event["status"] as? String == "planned")

        // Sources cleared, figures kept: each figure's source stays cited, so the event exports
        // as one an empty timeline imports.
        let noSources = try write("nosources.csv", "uid,kind,when,title,sources\n\(uid),layoff,2022-12-01,Amazon Care lays off 159,\n")
        #expect(try CLI.run(["import", noSources, "--db", db]).stdout.contains("1 updated"))
        event = try #require(try jsonEvents(["--search", "159"]).first { $0["uid"] as? String == uid })
        let cited = (event["sources"] as? [[String: Any]])?.compactMap { $0["key"] as? String }
        #expect(cited == ["cnbc-2022-09-09"], "the figure's source: \(String(describing: cited))")
        let exported = folder.path("one.ndjson")
        #expect(try CLI.run(["--db", db, "export", "--format", "ndjson", "--search", "159", "--output", exported]).status == 0)
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        let reimported = try CLI.run(["import", exported, "--db", empty])
        #expect(reimported.status == 0, "\(reimported.stderr)")

        // A mapped spreadsheet's figures count the record's first entity: the kept one, when
        // the file has no entity column.
        let mapped = try write("mapped.csv", "id,headline,date,type,n\n\(uid),Amazon Care lays off 160,2022-12-01,layoff,160\n")
        let mappedImport = try CLI.run(["import", mapped, "--db", db, "--map", "id=uid", "--map", "headline=title", "--map", "date=when",
                                        "--map", "type=kind", "--map", "n=measure:employees-laid-off:person"])
        #expect(mappedImport.stdout.contains("1 updated"), "\(mappedImport.stderr)")
        event = try #require(try jsonEvents(["--search", "160"]).first { $0["uid"] as? String == uid })
        let figure = try #require((event["measures"] as? [[String: Any]])?.first)
        #expect(figure["value"] as? String == "160" && figure["entity"] as? String == "amazon-care", "\(figure)")
    }

    /// TSV is known by its header row, whatever the file is called or when it is piped in; CSV
    /// whose header is separated by semicolons (a spreadsheet's where the comma is the decimal
    /// mark) is read with semicolons.
    @Test func theSeparatorIsKnownByTheHeaderRow() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let seeded = folder.path("seeded.sqlite")
        let tsv = try CLI.run(["--db", seeded, "export", "--format", "tsv"]).stdout
        #expect(tsv.contains("\t"))
        for (name, stdin) in [("tsv-as.csv", nil as Data?), ("tsv-as.txt", nil), ("-", Data(tsv.utf8))] {
            let path = name == "-" ? "-" : try write(name, tsv)
            let result = try CLI.run(["import", path, "--db", db, "--dry-run"], stdin: stdin)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stdout.hasPrefix("Dry run, nothing written: would add 15,"), "\(name): \(result.stdout)")
        }
        let csv = try CLI.run(["--db", seeded, "export", "--format", "csv", "--kind", "layoff"]).stdout
        let csvAsTSV = try write("csv-as.tsv", csv)
        #expect(try CLI.run(["import", csvAsTSV, "--db", db, "--dry-run"]).stdout.hasPrefix("Dry run, nothing written: would add 2,"))

        let semicolons = try write("semicolons.csv", "titre;date;type;part\nAcme ferme;5 janv. 2023;shutdown;0,15\n\"Beta; ferme\";2023-02;shutdown;12\n")
        let result = try CLI.run(["import", semicolons, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                                  "--map", "part=measure:workforce-share:fraction"])
        #expect(result.status == 0, "\(result.stderr)")
        let events = try jsonEvents(["--kind", "shutdown"])
        #expect(events.compactMap { $0["title"] as? String } == ["Acme ferme", "Beta; ferme"])
        // A lone quote in a TSV heading hides no tabs, piped in or named .txt.
        let stray = "size (\")\ttitle\tkind\twhen\n12\tAcme cuts\tlaunch\t2023-03-01\n"
        for (name, stdin) in [("-", Data(stray.utf8) as Data?), (try write("stray.txt", stray), nil)] {
            let read = try CLI.run(["import", name, "--db", db, "--dry-run"], stdin: stdin)
            #expect(read.status == 0 && read.stdout.hasPrefix("Dry run, nothing written: would add 1,"), "\(name): \(read.stderr)")
        }
        // Piped in, a tab inside a quoted heading separates nothing: semicolons still.
        let piped = try CLI.run(["import", "-", "--db", db, "--dry-run", "--map", "titre=title", "--map", "date=when", "--set", "kind=launch"],
                                stdin: Data("titre;date;\"note\tlibre\"\nOmega;2021;x\n".utf8))
        #expect(piped.status == 0 && piped.stdout.hasPrefix("Dry run, nothing written: would add 1,"), "\(piped.stderr)")
        // A heading with a comma, unquoted as French spreadsheets save it, or quoted: the
        // semicolons still win; --delimiter says it outright, where the header cannot.
        for header in ["Titre;Date;Montant (k€, HT)", "Titre;Date;\"Montant (k€, HT)\""] {
            let named = try write("montant.csv", header + "\r\nGamma;2020;1,5\r\n")
            let read = try CLI.run(["import", named, "--db", db, "--dry-run", "--map", "Titre=title", "--map", "Date=when", "--set", "kind=launch",
                                    "--map", "Montant (k€, HT)=measure:amount:kEUR"])
            #expect(read.status == 0 && read.stdout.hasPrefix("Dry run, nothing written: would add 1,"), "\(header): \(read.stderr)")
        }
        let commaHeader = try write("comma-header.csv", "Titre,Date\r\nGamma;x,2020\r\n")
        let asCommas = try CLI.run(["import", commaHeader, "--db", db, "--dry-run", "--map", "Titre=title", "--map", "Date=when", "--set", "kind=launch"])
        #expect(asCommas.status == 0, "\(asCommas.stderr)")
        let asSemicolons = try CLI.run(["import", commaHeader, "--db", db, "--dry-run", "--delimiter", ";", "--map", "Titre=title"])
        #expect(asSemicolons.stderr == "timeline: no column named 'Titre' in \(commaHeader); its columns are: Titre,Date "
                + "(read as separated by semicolons; --delimiter , reads it separated by commas).\n", "\(asSemicolons.stderr)")
        // A heading's comma before a space is its own; one without, a tie, is told how to read it.
        let tie = try write("tie.csv", "Date;Montant (k€,HT)\r\n2022-12-01;1,5\r\n")
        let tied = try CLI.run(["import", tie, "--db", db, "--dry-run", "--map", "Date=when"])
        #expect(tied.stderr == "timeline: no column named 'Date' in \(tie); its columns are: Date;Montant (k€, HT) "
                + "(read as separated by commas; --delimiter ';' reads it separated by semicolons).\n", "\(tied.stderr)")
        let spacedHeading = try write("spaced-heading.csv", "Date;Montant (k€, HT)\r\n2022-12-01;1,5\r\n")
        #expect(try CLI.run(["import", spacedHeading, "--db", db, "--dry-run", "--map", "Date=when", "--set", "kind=launch", "--set", "title=T"]).status == 0)
        let tsvDelimited = try CLI.run(["import", csvAsTSV, "--db", db, "--dry-run", "--format", "tsv", "--delimiter", ";"])
        #expect(tsvDelimited.stderr == "timeline: --delimiter applies to CSV files; \(csvAsTSV) is read as tsv, separated by tabs.\n", "\(tsvDelimited.stderr)")
        // With semicolons between fields, a figure's decimal mark may be a comma.
        let values = events.compactMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(values == ["0.15", "12"], "\(values)")
        // There, points between thousands are read as such, and a lone point before three
        // digits (2.500: 2500 or 2.5?) is refused, not guessed.
        let thousands = try write("thousands.csv", "titre;date;type;n\nDelta;2023;layoff;1.234,5\nEpsilon;2023;layoff;1.234.567\n")
        #expect(try CLI.run(["import", thousands, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                             "--map", "n=measure:employees-laid-off:person"]).status == 0)
        let counted = try jsonEvents(["--kind", "layoff", "--search", "Delta OR Epsilon"])
            .compactMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(counted.sorted() == ["1234.5", "1234567"], "\(counted)")
        // Spaces between thousands, as French writes numbers (plain, no-break or narrow), in
        // either kind of file; spaces that group otherwise are no number.
        let spaced = try write("spaced.csv", "titre;date;type;n\nTheta;2023;layoff;30 000 000\nIota;2023;layoff;1\u{A0}234,5\nKappa;2023;layoff;-2\u{202F}500\n")
        #expect(try CLI.run(["import", spaced, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                             "--map", "n=measure:employees-laid-off:person"]).status == 0)
        let ungrouped = try jsonEvents(["--kind", "layoff", "--search", "Theta OR Iota OR Kappa"])
            .compactMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String }
        #expect(ungrouped.sorted() == ["-2500", "1234.5", "30000000"], "\(ungrouped)")
        let pointed = try write("pointed.csv", "title,when,kind,n\nLambda,2023,layoff,\"12 500.5\"\nMu,2023,layoff,12 50\n")
        let mixed = try CLI.run(["import", pointed, "--db", db, "--map", "n=measure:employees-laid-off:person", "--skip-invalid"])
        #expect(mixed.status == 0 && mixed.stderr.contains("column 'n': '12 50' is not a number"), "\(mixed.stderr)")
        #expect(try jsonEvents(["--search", "Lambda"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "12500.5")
        let bad = try write("bad.csv", "titre;date;type;n\nEta;2023;layoff;>2,5 ou 3\n")
        let named = try CLI.run(["import", bad, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                                 "--map", "n=measure:employees-laid-off:person"])
        #expect(named.stderr.contains("column 'n': '>2,5 ou 3' is not a number (digits with an optional decimal comma, after ~, environ"), "as the file has it: \(named.stderr)")
        let ambiguous = try write("ambiguous.csv", "titre;date;type;n\nZeta;2023;layoff;2.500\n")
        let guessed = try CLI.run(["import", ambiguous, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                                   "--map", "n=measure:employees-laid-off:person"])
        #expect(guessed.status == 65 && guessed.stderr.contains("ambiguous.csv:2: column 'n': '2.500' could be 2500 or a decimal: a CSV separated by semicolons "
                + "takes the comma for the decimal mark, and a point could group thousands or be the decimal mark; --decimal-mark , reads it as 2500.\n"),
                "in people only that reading is offered: \(guessed.stderr)")
        let kilometres = try CLI.run(["import", ambiguous, "--db", db, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                                      "--map", "n=measure:distance:km"])
        #expect(kilometres.stderr.hasSuffix("--decimal-mark , reads it as 2500, --decimal-mark . as a decimal.\n"), "\(kilometres.stderr)")
        // Each reading a hint names does what it says.
        for (mark, figure, value) in [(",", "employees-laid-off:person", "2500"), (".", "distance:km", "2.500")] {
            let other = folder.path("mark\(mark).sqlite")
            #expect(try CLI.run(["migrate", "--skip-seeds", "--db", other]).status == 0)
            let read = try CLI.run(["import", ambiguous, "--db", other, "--map", "titre=title", "--map", "date=when", "--map", "type=kind",
                                    "--map", "n=measure:\(figure)", "--decimal-mark", mark])
            #expect(read.status == 0, "\(mark): \(read.stderr)")
            #expect(try jsonEvents([], database: other).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == value)
        }
        // A header with commas keeps commas, even with semicolons in its rows.
        let commas = try write("commas.csv", "title,when,kind,share\nGamma; closes,2024,shutdown,\"0,2\"\n")
        let refused = try CLI.run(["import", commas, "--db", db, "--map", "share=measure:workforce-share:fraction"])
        #expect(refused.stderr.contains("column 'share': '0,2' is not a number"), "a comma is no decimal mark here: \(refused.stderr)")
        #expect(try CLI.run(["import", commas, "--db", db]).status == 0)
        #expect(try jsonEvents(["--search", "Gamma"]).compactMap { $0["title"] as? String } == ["Gamma; closes"])
    }

    /// A file read by its header alone is in export's shape: a column a typo away from a field
    /// it lacks is refused (its values would be lost), other columns are named as left out, and a
    /// missing field names the column that looks like it.
    @Test func columnsThatAreNoEventFieldAreNotDroppedSilently() throws {
        let typo = try write("typo.csv", "uid,kind,when,title,annouced,sumary\nz1,layoff,2022-03-01,A,2022-02-01,Important\n")
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let refused = try CLI.run(["import", typo, "--db", db])
        #expect(refused.status == 64)
        #expect(refused.stderr == "timeline: the column 'annouced' of \(typo) is no event field, and its values would be left out: did you mean 'announced'? Rename it, or map it with --map 'annouced=announced'.\n")
        let mapped = try CLI.run(["import", typo, "--db", db, "--map", "annouced=announced", "--map", "sumary=summary"])
        #expect(mapped.status == 0, "\(mapped.stderr)")
        #expect(mapped.stderr.isEmpty, "columns mapped on purpose: no note")
        let event = try #require(try jsonEvents(["--search", "Important"]).first)
        #expect(event["announced"] as? String == "2022-02-01")

        let extra = try write("extra.csv", "uid,kind,when,title,notes,url\nz2,layoff,2022-03-01,B,x,y\n")
        let noted = try CLI.run(["import", extra, "--db", db])
        #expect(noted.status == 0, "\(noted.stderr)")
        #expect(noted.stderr == "timeline: note: the columns 'notes', 'url' are no event fields and were left out; --map COLUMN=FIELD imports one (`timeline help import` lists the fields).\n")
        // A run that bad records fail says so too (a dry run is where one looks), before the error.
        let bad = try write("bad.csv", "uid,kind,when,title,notes\nz9,layoff,2022-13-45,C,x\n")
        for dryRun in [["--dry-run"], []] {
            let failed = try CLI.run(["import", bad, "--db", db] + dryRun)
            let lines = failed.stderr.split(separator: "\n")
            let note = lines.firstIndex { $0.hasPrefix("timeline: note: the column 'notes' is no event field and would be left out; --map COLUMN=FIELD") }
            let error = lines.lastIndex { $0.contains("\(bad)") }
            #expect(failed.status == 65 && note != nil && error != nil && note! < error!, "\(dryRun): \(failed.stderr)")
        }

        // Columns named as --map targets of one value a record take it without options.
        let single = try write("single.csv", "uid,title,when,kind,entity,entity:employer,tag,source,quote,quote_language,translation,stance\n"
                               + "z3,D,2022,layoff,Acme,Beta,health,https://example.com/d,des postes,fr,jobs,contradicts\n")
        let singleImport = try CLI.run(["import", single, "--db", db])
        #expect(singleImport.status == 0 && singleImport.stderr.isEmpty, "\(singleImport.stderr)")
        let imported = try #require(try jsonEvents(["--search", "D"]).first { $0["uid"] as? String == "z3" })
        #expect((imported["entities"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["role"]!)" } == ["Acme subject", "Beta employer"])
        #expect(imported["tags"] as? [String] == ["health"])
        let cited = try #require((imported["sources"] as? [[String: Any]])?.first)
        #expect(cited["url"] as? String == "https://example.com/d")
        #expect(cited["quote"] as? String == "des postes" && cited["quote_language"] as? String == "fr")
        #expect(cited["translation"] as? String == "jobs" && cited["stance"] as? String == "contradicts")

        // A header's names are fields in any case, as spreadsheets capitalise them.
        let capitals = try write("capitals.csv", "UID,Title,When,Kind,Entity,Tag,Entity:Employer\ncaps,C,2022,layoff,Foo,tech,Bar\n")
        let read = try CLI.run(["import", capitals, "--db", db])
        #expect(read.status == 0 && read.stderr.isEmpty, "\(read.stderr)")
        let capitalised = try #require(try jsonEvents(["--search", "C"]).first { $0["uid"] as? String == "caps" })
        #expect((capitalised["entities"] as? [[String: Any]])?.map { "\($0["name"]!) \($0["role"]!)" } == ["Foo subject", "Bar employer"])
        #expect(capitalised["tags"] as? [String] == ["tech"])
        let twice = try write("twice.csv", "title,Title,when,kind\nC,D,2022,layoff\n")
        let twiceRefused = try CLI.run(["import", twice, "--db", db])
        #expect(twiceRefused.status == 65)
        #expect(twiceRefused.stderr == "timeline: \(twice):1: the columns 'title' and 'Title' both name the field title; rename one, or map it elsewhere with --map.\n")
        // A typo still has its column named.
        let knd = try write("knd.csv", "title,When,Knd\nC,2022,layoff\n")
        let missing = try CLI.run(["import", knd, "--db", db])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("gives events their kind (the column 'Knd' looks like it: --map 'Knd=kind')"), "\(missing.stderr)")
        // A spreadsheet mapped column by column leaves its other columns out as asked, and names
        // them once, so that one forgotten (a figure, the notes) is not lost unseen.
        let layoffs = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--skip-invalid"] + Self.layoffsArguments)
        #expect(layoffs.status == 0, "\(layoffs.stderr)")
        #expect(layoffs.stderr.contains("note: the columns 'location', 'industry', 'stage', 'funds_raised_millions' are no event fields and were left out;"),
                "\(layoffs.stderr)")
    }

    /// A JSON entity's slug decides which entity it is, and names stay one entity's each: a slug
    /// the timeline lacks with the name of one it has is that one; a slug it has with a name no
    /// entity answers to keeps the timeline's name, noted; an alias or another case is no note.
    @Test func anEntitysSlugAndNameAreReadTogether() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let records = [
            #"{"uid":"s1","kind":"launch","title":"T1","when":"2030","entities":[{"slug":"amazon","name":"Amazonas Mining SA"}]}"#,
            #"{"uid":"s2","kind":"launch","title":"T2","when":"2030","entities":[{"slug":"amzn","name":"Amazon"}]}"#,
            #"{"uid":"s3","kind":"launch","title":"T3","when":"2030","entities":[{"slug":"amazon","name":"Amazon.com, Inc."},"amazon-care",{"slug":"one-medical","name":"ONE MEDICAL"}]}"#,
            #"{"uid":"s4","kind":"launch","title":"T4","when":"2030","entities":[{"slug":"amazon","name":"Amazonas Mining SA"}]}"#,
        ]
        let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((records.joined(separator: "\n") + "\n").utf8))
        #expect(imported.status == 0)
        #expect(imported.stderr == "timeline: note: 2 records named the entity 'amazon' ('Amazon', named 'Amazonas Mining SA' in the file) by its slug "
                + "with another name; the slug decided, and the timeline's name was kept (`timeline entities edit SLUG --name` or `--alias` changes that).\n",
                "\(imported.stderr)")
        let slugs = try jsonEvents(["--from", "2030"]).map { event in
            ((event["entities"] as? [[String: Any]]) ?? []).map { $0["slug"] as? String ?? "" }.joined(separator: "+")
        }
        #expect(slugs == ["amazon", "amazon", "amazon+amazon-care+one-medical", "amazon"], "\(slugs)")
        #expect(try CLI.run(["--db", db, "check"]).stdout.contains("names amazon and amzn") == false, "no second entity named Amazon")
        // A slug is looked up as a slug, and the name given as a name, which an alias does not beat.
        let document = #"{"format":"timeline-seed/1","entities":[{"slug":"alphabet","name":"Alphabet","aliases":["Google"]},{"slug":"google-llc","name":"Google LLC"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "seed"], stdin: Data(document.utf8)).status == 0)
        let google = #"{"uid":"g1","kind":"launch","title":"G","when":"2030","entities":[{"slug":"google","name":"Google LLC"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((google + "\n").utf8)).status == 0)
        let named = try jsonEvents(["--from", "2030"]).first { $0["uid"] as? String == "g1" }
        #expect((named?["entities"] as? [[String: Any]])?.first?["slug"] as? String == "google-llc", "\(String(describing: named))")
        // Whatever came before in the file: the text alone (an alias here) resolves apart.
        let both = #"{"uid":"g2","kind":"launch","title":"G2","when":"2030","entities":["google"]}"#
            + "\n" + #"{"uid":"g3","kind":"launch","title":"G3","when":"2030","entities":[{"slug":"google","name":"Google LLC"}]}"#
            + "\n" + #"{"uid":"g4","kind":"launch","title":"G4","when":"2030","entities":[{"slug":"Google LLC","name":"Google"}]}"#
        let second = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((both + "\n").utf8))
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr == "timeline: note: 1 record named the entity 'google-llc' ('Google LLC', named 'Google' in the file) by its slug "
                + "with another name; the slug decided, and the timeline's name was kept (`timeline entities edit SLUG --name` or `--alias` changes that).\n",
                "'Google' is alphabet's alias: \(second.stderr)")
        let resolved = Dictionary(uniqueKeysWithValues: try jsonEvents(["--from", "2030"]).compactMap { event -> (String, String)? in
            guard let uid = event["uid"] as? String, let entity = (event["entities"] as? [[String: Any]])?.first?["slug"] as? String else { return nil }
            return (uid, entity)
        })
        #expect(resolved["g2"] == "alphabet" && resolved["g3"] == "google-llc", "\(resolved)")
        #expect(resolved["g4"] == "google-llc", "a slug written as a name is the slug it writes: \(resolved)")
        #expect(try CLI.run(["sql", "--db", db, "SELECT count(*) FROM entities WHERE slug LIKE 'google-llc-%'", "--format", "tsv"]).stdout.hasSuffix("0\n"))
        // A record rejected (its source unknown) after naming an entity otherwise is no part of the note.
        let rejected = #"{"uid":"r1","kind":"launch","title":"R","when":"2030","entities":[{"slug":"amazon","name":"Amazonas Mining SA"}],"sources":[{"key":"nowhere"}]}"#
            + "\n" + #"{"uid":"r2","kind":"launch","title":"R2","when":"2030","entities":["amazon"]}"#
        let skipped = try CLI.run(["import", "-", "--db", db, "--format", "ndjson", "--skip-invalid"], stdin: Data((rejected + "\n").utf8))
        #expect(skipped.status == 0 && skipped.stdout.hasSuffix("1 added, 0 updated, 0 unchanged, 1 rejected.\n"), "\(skipped.stdout)")
        #expect(!skipped.stderr.contains("note:"), "\(skipped.stderr)")
    }

    /// What spreadsheets and other tools leave in a file that holds nothing is read as nothing:
    /// rows of separators only, an empty worked-out field, an empty quote; a column with no name
    /// whose values would be left out is noted.
    @Test func emptyLeftoversAreNothingAndAnUnnamedColumnIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let rows = try write("rows.csv", "uid,kind,when,title,\r\ne1,launch,2020,Row,\r\n,,,,\r\n\"\",\"\",,,\r\n")
        let quiet = try CLI.run(["import", rows, "--db", db])
        #expect(quiet.status == 0 && quiet.stdout == "Imported \(rows): 1 added, 0 updated, 0 unchanged.\n" && quiet.stderr.isEmpty,
                "\(quiet.stdout)\(quiet.stderr)")
        let unnamed = try write("unnamed.csv", "uid,,kind,when,title,\ne2,x,launch,2020,Two,\ne3,,launch,2021,Three,y\n")
        let noted = try CLI.run(["import", unnamed, "--db", db])
        #expect(noted.status == 0)
        #expect(noted.stderr == "timeline: note: columns 2 and 6 have no name in the header row, and their values were left out; "
                + "name them there, then --map NAME=FIELD imports them.\n", "\(noted.stderr)")
        let record = #"{"uid":"e4","kind":"launch","title":"T","when":"2020","earliest":"","approximate":"","#
            + #""sources":[{"key":"memo","publisher":"Memo Corp","language":"en","quote":"","translation":" ","note":""}]}"#
        let json = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8))
        #expect(json.status == 0, "\(json.stderr)")
        let cited = try #require((try jsonEvents(["--search", "T"]).first { $0["uid"] as? String == "e4" }?["sources"] as? [[String: Any]])?.first)
        let titled = #"{"uid":"e5","kind":"launch","title":"T5","when":"2020","sources":[{"key":"titled","url":"https://e.example/1","publisher":"E","title":""}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((titled + "\n").utf8)).status == 0)
        #expect(try CLI.run(["sql", "--db", db, "SELECT quote(title) FROM sources WHERE key = 'titled'", "--format", "tsv"]).stdout.hasSuffix("NULL\n"),
                "an empty source title is none")
        #expect(cited["quote"] is NSNull && cited["translation"] is NSNull && cited["note"] is NSNull, "\(cited)")
        #expect(try CLI.run(["export", "--format", "markdown", "--db", db]).stdout.contains("[^1]: Memo Corp, undated\n"), "no empty “”")
    }

    /// TSV from Python's csv module (as spreadsheets write it): quoted fields read as quoted.
    @Test func tsvQuotedByOtherToolsImportsAsWritten() throws {
        let path = folder.path("python.tsv")
        let script = """
            import csv, sys
            w = csv.writer(open(sys.argv[1], 'w', newline=''), delimiter='\\t')
            w.writerow(['company', 'date', 'headline'])
            w.writerow(['Acme', '2023-03-06', 'He said "hi"'])
            w.writerow(['Beta', '2023-03-07', 'Two\\nlines'])
            w.writerow(['Gamma', '2023-03-08', '"Quoted" start'])
            """
        let written = try CLI.shell("python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' '\(path)'")
        #expect(written.status == 0, "\(written.stderr)")
        let result = try CLI.run(["import", path, "--db", db, "--map", "company=entity", "--map", "date=when", "--map", "headline=title",
                                  "--set", "kind=layoff"])
        #expect(result.status == 0, "\(result.stderr)")
        let titles = try jsonEvents(["--kind", "layoff", "--from", "2023-03-06", "--to", "2023-03-08"]).compactMap { $0["title"] as? String }
        #expect(titles == ["He said \"hi\"", "Two\nlines", "\"Quoted\" start"])
        // Exported and imported again: the same events.
        let exported = try CLI.run(["export", "--db", db, "--format", "tsv", "--kind", "layoff", "--from", "2023-03-06", "--to", "2023-03-08"])
        #expect(exported.stdout.contains("\t\"\"\"Quoted\"\" start\"\t"), "a leading quote is quoted")
        let again = try CLI.run(["import", "-", "--db", db], stdin: Data(exported.stdout.utf8))
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n"), "\(again.stdout)\(again.stderr)")
    }

    /// Export's TSV read and written again by Python's csv module comes back as it was: a field
    /// with a quote in it is quoted then, and export's escapes inside it (`\n`) still count.
    @Test func exportedTSVThroughPythonsCSVModuleImportsUnchanged() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        for (uid, title) in [("q1", "He said \"hi\"\nline two"), ("q2", "Tab\there \"and\" a back\\slash"), ("q3", "\"Quoted\" start\r\nwith CRLF")] {
            let added = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", title, "--entity", "Acme", "--uid", uid])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let exported = folder.path("export.tsv"), rewritten = folder.path("rewritten.tsv")
        #expect(try CLI.run(["export", "--db", db, "--format", "tsv", "--output", exported]).status == 0)
        let script = """
            import csv, sys
            rows = list(csv.reader(open(sys.argv[1], newline=''), delimiter='\\t'))
            csv.writer(open(sys.argv[2], 'w', newline=''), delimiter='\\t').writerows(rows)
            """
        let python = try CLI.shell("python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' '\(exported)' '\(rewritten)'")
        #expect(python.status == 0, "\(python.stderr)")
        let rewrittenText = try String(contentsOfFile: rewritten, encoding: .utf8)
        #expect(rewrittenText.contains("\"He said \"\"hi\"\"\\nline two\""), "Python quoted the field: \(rewrittenText)")
        let again = try CLI.run(["import", rewritten, "--db", db])
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 3 unchanged.\n"), "\(again.stdout)\(again.stderr)")
    }

    /// A record without a uid that is an event of the timeline in every other part (an export
    /// re-imported without its uid column, an event typed in with `add`) is that event, whatever
    /// its uid; one that differs is still added, and said to be a possible duplicate.
    @Test func recordsWithoutAUidFindIdenticalEventsWhateverTheirUid() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "Custom", "--entity", "Foo", "--uid", "dt-7",
                                 "--tag", "x", "--measure", "employees-laid-off=5:person", "--source", "https://ex.com/a", "--published", "2020-01-02"])
        #expect(added.status == 0, "\(added.stderr)")
        let exported = try CLI.run(["export", "--db", db, "--format", "csv"]).stdout
        var rows = exported.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[0].hasPrefix("uid,"))
        // Every uid in the seed and `dt-7` is plain (no comma or quote): the first field goes whole.
        rows = rows.map { $0.isEmpty ? $0 : String($0.drop { $0 != "," }.dropFirst()) }
        let withoutUIDs = rows.joined(separator: "\r\n")
        let again = try CLI.run(["import", "-", "--db", db], stdin: Data(withoutUIDs.utf8))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 16 unchanged.\n"), "\(again.stdout)\(again.stderr)")
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        // Edited: another event, beside the first.
        let edited = withoutUIDs.replacingOccurrences(of: ",Custom,", with: ",Custom launch,")
        let newer = try CLI.run(["import", "-", "--db", db], stdin: Data(edited.utf8))
        #expect(newer.stdout.hasSuffix(": 1 added, 0 updated, 15 unchanged.\n"), "\(newer.stdout)\(newer.stderr)")
    }

    /// A record that matched an event typed in with `add` still names it after the event was
    /// edited or removed and its entity renamed or merged since; a record of another entity
    /// with the same words is another event.
    @Test(arguments: [["entities", "edit", "initech", "--name", "Initech Inc"], ["entities", "merge", "initech", "initech-corp"]])
    func aRecordMatchingAnEventTypedInNamesItAfterItsEntityChanged(change: [String]) throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let uid = "initech-layoff-2023-03-07"
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03-07", "--title", "Cuts 40 jobs", "--entity", "Initech",
                             "--measure", "employees-laid-off=40:person@initech", "--source", "https://example.com/a", "--published", "2023-03-07"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "Corp", "--entity", "Initech Corp"]).status == 0)
        // With a figure, which names the entity it counts by slug.
        let sheet = try write("initech.csv", "when,kind,title,entity,source,n\n2023-03-07,layoff,Cuts 40 jobs,Initech,https://example.com/a,40\n")
        let figure = ["--map", "n=measure:employees-laid-off:person"]
        #expect(try CLI.run(["import", sheet, "--db", db] + figure).stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"))
        #expect(try CLI.run(["edit", uid, "--db", db, "--title", "Cuts 41 jobs"]).status == 0)
        #expect(try CLI.run(change + ["--db", db]).status == 0)
        let edited = try CLI.run(["import", sheet, "--db", db] + figure)
        #expect(edited.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(edited.stdout)\(edited.stderr)")
        #expect(edited.stderr.hasPrefix("timeline: note: 1 event (\(uid)) was changed in the timeline after the version its record"), "\(edited.stderr)")
        #expect(try CLI.run(["remove", uid, "--db", db]).status == 0)
        let removed = try CLI.run(["import", sheet, "--db", db] + figure)
        #expect(removed.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(removed.stdout)\(removed.stderr)")
        #expect(removed.stderr.hasPrefix("timeline: note: 1 event (\(uid)) was removed from the timeline after the version its record"), "\(removed.stderr)")
        let globex = try write("globex.csv", "when,kind,title,entity,source,n\n2023-03-07,layoff,Cuts 40 jobs,Globex,https://example.com/a,40\n")
        #expect(try CLI.run(["import", globex, "--db", db] + figure).stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"))
    }

    /// A sheet without a source column whose corrected figure takes the place of one a source
    /// gave says so: the figure now cites nothing, and what backed the old one is named.
    @Test func aSourcedFigureReplacedByTheSheetsIsNamed() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "v1", "--kind", "layoff", "--date", "2022-Q1", "--title", "Varejão demite", "--entity", "Varejão",
                             "--source", "https://valor.example/a", "--published", "2022-04-12", "--measure", "employees-laid-off=2300:person"]).status == 0)
        let mapping = ["--db", db, "--map", "Tipo=kind", "--map", "Data=when", "--map", "Título=title", "--map", "N=measure:employees-laid-off:person"]
        let same = try write("same.csv", "uid;Tipo;Data;Título;N\nv1;layoff;1T22;Varejão demite;2300\n")
        #expect(!(try CLI.run(["import", same] + mapping).stderr.contains("a source gave")), "a figure restated keeps its source")
        let fixed = try write("fix.csv", "uid;Tipo;Data;Título;N\nv1;layoff;1T22;Varejão demite;2350\n")
        let imported = try CLI.run(["import", fixed] + mapping)
        #expect(imported.status == 0)
        #expect(imported.stderr.contains("timeline: note: 1 figure a source gave was replaced by the file's, which cites no source "
                + "(v1: employees-laid-off 2,300 people from valor-example-2022-04-12); a `source` column names the file's source, and "
                + "`timeline edit v1 --measure QUANTITY=VALUE --source KEY` cites one (`timeline history v1` shows what was there).\n"), "\(imported.stderr)")
    }

    /// With a source column, a figure of the sheet's quantity that `edit --source` added from
    /// another source is that source's: a corrected row replaces its own source's figure only.
    @Test func aFigureOfAnotherSourceStaysWhenTheSheetCorrectsItsOwn() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let mapping = ["--db", db, "--map", "id=uid", "--set", "kind=layoff", "--map", "company=entity:employer", "--map", "date=when",
                       "--map", "n=measure:cut:person", "--map", "src=source", "--map", "q=quote", "--map", "t=title"]
        func sheet(_ cut: String) throws -> String {
            try write("cuts.csv", "id,company,date,n,src,q,t\nu1,Acme,2022-03-01,\(cut),https://a.example/x,cuts \(cut),Acme cuts\n")
        }
        #expect(try CLI.run(["import", try sheet("100")] + mapping).status == 0)
        let edit = try CLI.run(["edit", "u1", "--db", db, "--source", "https://b.example/y", "--quote", "cuts 120", "--measure", "cut=120:person"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let corrected = try CLI.run(["import", try sheet("110")] + mapping)
        #expect(corrected.stdout.hasSuffix(": 0 added, 1 updated, 0 unchanged.\n"), "\(corrected.stdout)")
        #expect(corrected.stderr.hasPrefix("timeline: note: 1 updated event (u1) kept 1 figure of another quantity or source and 1 citation"),
                "\(corrected.stderr)")
        let event = try #require(try jsonEvents([]).first)
        #expect((event["measures"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "")@\($0["source"] ?? "")@\($0["entity"] ?? "")" }
                == ["110@a-example@acme", "120@b-example@acme"])
        // The sheet's number the same as the other source's: still two sources' figures, not B's alone.
        #expect(try CLI.run(["import", try sheet("120")] + mapping).status == 0)
        let same = try #require(try jsonEvents([]).first)
        #expect((same["measures"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "")@\($0["source"] ?? "")" }.sorted()
                == ["120@a-example", "120@b-example"])
    }

    /// A spreadsheet whose columns give one entity, figure and source each is the event's share:
    /// imported again with a uid column, it keeps what `edit` added (another source's citation,
    /// a figure of another quantity, an entity of another role), says so, and still replaces what
    /// its columns give. A whole list (export's `entities`) still replaces the event's.
    @Test func itemColumnsKeepWhatAnEditAddedSince() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let mapping = ["--map", "ID=uid", "--map", "Datum=when", "--map", "Land=entity:place", "--set", "entity=Movia", "--map", "Ereignis=title",
                       "--map", "Art=kind", "--map", "Fahrer=measure:drivers:person", "--map", "Quelle=source"]
        func sheet(land: String, drivers: String) throws -> String {
            try write("movia.csv", "ID;Datum;Land;Ereignis;Art;Fahrer;Quelle\n"
                      + "mv-koeln;2021-03-15;\(land);Movia startet in Köln;launch;\(drivers);https://movia.de/koeln\n")
        }
        #expect(try CLI.run(["import", try sheet(land: "Deutschland", drivers: "1300"), "--db", db] + mapping).status == 0)
        let edited = try CLI.run(["edit", "mv-koeln", "--db", db, "--source", "https://www.reuters.com/koeln", "--quote", "Movia launched in Cologne",
                                  "--measure", "investment=2000000:EUR@movia", "--entity", "Movia", "--entity", "Deutschland:place",
                                  "--entity", "Stadt Köln:partner"])
        #expect(edited.status == 0, "\(edited.stderr)")
        func event() throws -> (entities: [String], figures: [String], sources: [String]) {
            let json = try #require(try jsonEvents([]).first)
            return ((json["entities"] as? [[String: Any]] ?? []).map { "\($0["slug"] ?? ""):\($0["role"] ?? "")" },
                    (json["measures"] as? [[String: Any]] ?? []).map { "\($0["quantity"] ?? "")=\($0["value"] ?? "")" },
                    (json["sources"] as? [[String: Any]] ?? []).map { "\($0["url"] ?? "")" })
        }
        let all = (entities: ["movia:subject", "deutschland:place", "stadt-koln:partner"], figures: ["drivers=1300", "investment=2000000"],
                   sources: ["https://movia.de/koeln", "https://www.reuters.com/koeln"])
        #expect(try event() == all)
        // The same sheet again: nothing to change.
        let same = try CLI.run(["import", try sheet(land: "Deutschland", drivers: "1300"), "--db", db] + mapping)
        #expect(same.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n") && same.stderr.isEmpty, "\(same.stdout)\(same.stderr)")
        // A corrected figure and place: replaced, the rest kept, and said so.
        let corrected = try CLI.run(["import", try sheet(land: "Österreich", drivers: "1350"), "--db", db] + mapping)
        #expect(corrected.stdout.hasSuffix(": 0 added, 1 updated, 0 unchanged.\n"), "\(corrected.stdout)\(corrected.stderr)")
        #expect(corrected.stderr == "timeline: note: 1 updated event (mv-koeln) kept 1 entity of another role, 1 figure of another quantity or source and "
                + "1 citation of another source or quote, which the file's columns do not give; `timeline edit UID` takes one out "
                + "(--entity, --measure QUANTITY=, --remove-source URL, --tag).\n", "\(corrected.stderr)")
        #expect(try event() == (entities: ["movia:subject", "osterreich:place", "stadt-koln:partner"], figures: ["drivers=1350", "investment=2000000"],
                                sources: all.sources))
        // A sheet without the subject's column: the subject keeps its place, first, and the
        // sheet's figure counts it.
        let placeOnly = try write("place.csv", "ID;Datum;Land;Ereignis;Art;Fahrer\nmv-koeln;2021-03-15;Schweiz;Movia startet in Köln;launch;1400\n")
        _ = try CLI.run(["import", placeOnly, "--db", db, "--map", "ID=uid", "--map", "Datum=when", "--map", "Land=entity:place", "--map", "Ereignis=title",
                         "--map", "Art=kind", "--map", "Fahrer=measure:drivers:person"])
        let placed = try #require(try jsonEvents([]).first)
        #expect((placed["entities"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } == ["movia", "schweiz", "stadt-koln"])
        #expect((placed["measures"] as? [[String: Any]])?.first.map { "\($0["value"]!) \($0["entity"]!)" } == "1400 movia")
        _ = try CLI.run(["import", try sheet(land: "Österreich", drivers: "1350"), "--db", db] + mapping)
        // An empty cell clears its quantity's figures and its role's entities.
        _ = try CLI.run(["import", try sheet(land: "", drivers: ""), "--db", db] + mapping)
        #expect(try event() == (entities: ["movia:subject", "stadt-koln:partner"], figures: ["investment=2000000"], sources: all.sources))
        // Export's whole lists replace the event's lists.
        let whole = try write("whole.csv", "uid,kind,when,title,entities,measures,sources\n"
                              + #"mv-koeln,launch,2021-03-15,Movia startet in Köln,"[{""name"":""Movia""}]",[],"[{""url"":""https://movia.de/koeln""}]""#
                              + "\n")
        let replaced = try CLI.run(["import", whole, "--db", db])
        #expect(replaced.status == 0 && !replaced.stderr.contains("kept"), "\(replaced.stderr)")
        #expect(try event() == (entities: ["movia:subject"], figures: [], sources: ["https://movia.de/koeln"]))
    }

    /// What `edit` gave a citation, a figure or the tags that a sheet's columns do not give (a
    /// stance, a quote, a figure's source, another tag) stays when the unchanged sheet comes in
    /// again: nothing to update.
    @Test func anUnchangedSheetKeepsWhatEditGaveItsItems() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let sheet = try write("qq.csv", "uid,kind,when,title,entity,source,tag,n\nev-1,layoff,2022-03-01,Cuts,Acme,https://news.example.com/a,france,40\n")
        let figure = ["--map", "n=measure:employees-laid-off:person"]
        #expect(try CLI.run(["import", sheet, "--db", db] + figure).status == 0)
        let figureOnly = try write("figure.csv", "uid,kind,when,title,n\nev-1,layoff,2022-03-01,Cuts,40\n")
        let edits: [[String]] = [["--source", "https://news.example.com/a", "--stance", "contradicts"],
                                 ["--source", "https://news.example.com/a", "--quote", "the exact words"],
                                 ["--tag", "france", "--tag", "verified"],
                                 ["--measure", "employees-laid-off=40:person", "--source", "https://other.example.com/b"]]
        for edit in edits {
            let edited = try CLI.run(["edit", "ev-1", "--db", db] + edit)
            #expect(edited.status == 0, "\(edit): \(edited.stderr)")
            let shown = try CLI.run(["show", "ev-1", "--db", db, "--format", "json"]).stdout
            for file in [sheet, figureOnly] {
                let again = try CLI.run(["import", file, "--db", db] + figure)
                #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 1 unchanged.\n"), "\(edit) \(file): \(again.stdout)\(again.stderr)")
            }
            #expect(try CLI.run(["show", "ev-1", "--db", db, "--format", "json"]).stdout == shown, "\(edit)")
        }
    }

    /// A record without a uid finds an event that a record before it in the same file moved into
    /// its span, after a record of that span had looked there already (a span is read once).
    @Test func aRecordWithoutAUidFindsAnEventMovedIntoItsSpanByAnEarlierRecord() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let header = "uid,kind,when,title,entity,source\n"
        let first = try write("first.csv", header + "acme-1,launch,2020,Acme opens,Acme,https://example.com/a\n")
        #expect(try CLI.run(["import", first, "--db", db]).stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"))
        let moved = ",launch,2021,Acme opens in Lyon,Acme,https://example.com/a\n"
        let second = try write("second.csv", header + ",launch,2021,Acme opens again,Acme,https://example.com/b\n"
                               + "acme-1" + moved + moved)
        let imported = try CLI.run(["import", second, "--db", db])
        #expect(imported.stdout.hasSuffix(": 1 added, 1 updated, 1 unchanged.\n"), "\(imported.stdout)\(imported.stderr)")
        #expect(try jsonEvents([]).compactMap { $0["uid"] as? String }.filter { $0.hasPrefix("acme-1") } == ["acme-1"])
    }

    /// Records without a uid find the events they made when the same file is imported again,
    /// after an entity they name was renamed or merged, or a source's publisher corrected, too.
    @Test func recordsWithoutAUidFindTheirEventsAfterRenames() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = try write("no-uid.csv", "kind,when,title,entity,source\nlayoff,2023-03,Épicerie Éclair cuts 40 jobs,Épicerie Éclair,https://lemonde.fr/a\n"
                            + "expansion,2022,Épicerie Éclair opens in Lyon,Épicerie Éclair,https://lemonde.fr/b\n")
        let first = try CLI.run(["import", csv, "--db", db])
        #expect(first.stdout.hasSuffix(": 2 added, 0 updated, 0 unchanged.\n"), "\(first.stdout)\(first.stderr)")
        #expect(try CLI.run(["entities", "edit", "epicerie-eclair", "--db", db, "--name", "Éclair Market"]).status == 0)
        let source = try write("source.json", #"{"format":"timeline-seed/1","sources":[{"key":"lemonde-fr","publisher":"Le Monde","language":"fr"}],"events":[]}"#)
        #expect(try CLI.run(["import", source, "--db", db]).status == 0)
        let again = try CLI.run(["import", csv, "--db", db, "--dry-run"])
        #expect(again.stdout == "Dry run, nothing written: would add 0, update 0, leave 2 unchanged.\n", "\(again.stdout)\(again.stderr)")
        // Merged into another entity, whose slug a new uid would take: still found.
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "Other", "--entity", "Éclair Group"]).status == 0)
        #expect(try CLI.run(["entities", "merge", "epicerie-eclair", "eclair-group", "--db", db]).status == 0)
        let merged = try CLI.run(["import", csv, "--db", db, "--dry-run"])
        #expect(merged.stdout.contains("would add 0,"), "\(merged.stdout)\(merged.stderr)")
    }

    /// Columns named publisher, published, source_title and source_language describe the record's
    /// source when it is new, so a spreadsheet's sources are dated and `--as-of` finds them; a new
    /// source quoted in a language is taken to be in it.
    @Test func sourceColumnsDescribeANewSource() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = try write("sourced.csv", "kind,when,title,source,publisher,published,source_title,quote,quote_language\n"
                            + "layoff,2023-03,Acme cuts 40 jobs,https://lemonde.fr/acme,Le Monde,2023-03-02,Acme supprime 40 postes,40 postes supprimés,fr\n"
                            + "launch,2021,Acme launches,https://example.com/acme,,,,Acme is live,en\n")
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sources = try jsonEvents([]).flatMap { ($0["sources"] as? [[String: Any]]) ?? [] }
        let monde = try #require(sources.first { $0["url"] as? String == "https://lemonde.fr/acme" })
        #expect(monde["publisher"] as? String == "Le Monde" && monde["published"] as? String == "2023-03-02"
                && monde["title"] as? String == "Acme supprime 40 postes" && monde["language"] as? String == "fr", "\(monde)")
        let example = try #require(sources.first { $0["url"] as? String == "https://example.com/acme" })
        #expect(example["publisher"] as? String == "example.com" && example["language"] as? String == "en", "\(example)")
        #expect(try jsonEvents(["--as-of", "2023-03-05"]).count == 1)
        // Without a source to describe, a publisher is an error naming its column.
        let orphan = try write("orphan.csv", "kind,when,title,publisher\nlayoff,2023,X,Le Monde\n")
        let refused = try CLI.run(["import", orphan, "--db", db])
        #expect(refused.status == 65 && refused.stderr.contains("column 'publisher' gives a publisher, but the record cites no source"), "\(refused.stderr)")
    }

    @Test func standardInput() throws {
        let result = try CLI.run(["import", "-", "--format", "ndjson", "--db", db],
                                 stdin: Data(#"{"kind":"launch","title":"from stdin","when":"2021"}"#.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try jsonEvents(["--search", "stdin"]).count == 1)
        // A filter that matches nothing pipes nothing: no events, not an error.
        let nothing = try CLI.run(["list", "--db", db, "--kind", "funding", "--format", "ndjson"])
        #expect(nothing.status == 0 && nothing.stdout.isEmpty)
        for format in [[], ["--format", "csv"], ["--format", "tsv"], ["--format", "json"], ["--format", "seed"]] {
            let empty = try CLI.run(["import", "-", "--db", db] + format, stdin: Data())
            #expect(empty.status == 0 && empty.stdout == "Imported standard input: 0 added, 0 updated, 0 unchanged.\n", "\(format): \(empty.stdout)\(empty.stderr)")
        }
        let emptyFile = try write("empty.csv", "")
        #expect(try CLI.run(["import", emptyFile, "--db", db]).status == 0)
    }

    /// `--set` gives its value to every record even where the file has a column for the field;
    /// a bad value given with it is named as such.
    @Test func setOverridesTheFilesOwnColumn() throws {
        let csv = try write("kinds.csv", "uid,kind,when,title\nk-1,layoff,2022,A\nk-2,launch,2023,B\n")
        let result = try CLI.run(["import", csv, "--db", db, "--set", "kind=shutdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let shutdowns = try jsonEvents(["--kind", "shutdown"]).compactMap { $0["uid"] as? String }
        #expect(shutdowns.contains("k-1") && shutdowns.contains("k-2"), "\(shutdowns)")

        // A bad value given to every record is the command's mistake, not the file's: exit 64.
        let bad = try CLI.run(["import", csv, "--db", db, "--set", "kind=nokind"])
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("timeline: --set kind=nokind: unknown kind 'nokind'; known kinds:"), "\(bad.stderr)")
        let badDate = try CLI.run(["import", csv, "--db", db, "--set", "when=2023-02-30", "--dry-run", "--skip-invalid"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr == "timeline: --set when=2023-02-30: '2023-02-30' is not a valid date: February 2023 has 28 days.\n", "\(badDate.stderr)")

        // Said too when no record would say it: a file of no bytes (a filter that matched
        // nothing), or a header alone; the file's own ways of writing a kind still count.
        let before = try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout
        for (name, text) in [("nothing.csv", ""), ("header.csv", "uid,when,title\n")] {
            let file = try write(name, text)
            let typo = try CLI.run(["import", file, "--db", db, "--set", "kind=layof"])
            #expect(typo.status == 64, "\(name)")
            #expect(typo.stderr.hasPrefix("timeline: --set kind=layof: unknown kind 'layof' (did you mean 'layoff'?); known kinds:"), "\(name): \(typo.stderr)")
            let spelled = try CLI.run(["import", file, "--db", db, "--set", "kind=Layoff"])
            #expect(spelled.status == 0 && spelled.stdout.hasSuffix(": 0 added, 0 updated, 0 unchanged.\n"), "\(name): \(spelled.stderr)")
        }
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout == before)
    }

    /// A spreadsheet of claims with their quotes: the quote, its language, a translation and the
    /// stance go to the citation of the record's source, in the database and in the outputs.
    @Test func mappedColumnsGiveTheSourcesQuote() throws {
        let csv = try write("quotes.csv", """
            company,date,url,citation,lang,english,position
            Acme,2023-01-05,https://www.lemonde.fr/a,« Acme ferme ses portes »,fr,Acme closes its doors,contradicts
            Beta,2023-02-05,https://example.com/b,Beta shuts down,,,

            """)
        let mapping = ["--set", "kind=shutdown", "--map", "company=entity", "--map", "date=when", "--title-template", "{company} closes",
                       "--map", "url=source", "--map", "citation=quote", "--map", "english=translation", "--map", "position=stance"]
        let imported = try CLI.run(["--db", db, "migrate", "--skip-seeds"])
        #expect(imported.status == 0)
        // The language of every quote with --set (the file's lang column left unread: mapped too,
        // it would be refused); a record without a quote is left without one.
        let result = try CLI.run(["import", csv, "--db", db, "--set", "quote_language=en"] + mapping)
        #expect(result.status == 0, "\(result.stderr)")
        let stored = try CLI.shell("sqlite3 '\(db)' \"SELECT e.title, c.quote, c.quote_language, c.translation, c.stance FROM citations c JOIN events e ON e.id = c.event_id ORDER BY 1\"")
        #expect(stored.stdout == """
            Acme closes|« Acme ferme ses portes »|en|Acme closes its doors|contradicts
            Beta closes|Beta shuts down|en||supports

            """, "\(stored.stderr)")
        // A quote with marks of its own is not marked again.
        let markdown = try CLI.run(["--db", db, "export", "--format", "markdown", "--search", "Acme"])
        #expect(markdown.stdout.contains(": « Acme ferme ses portes » (en)"), "\(markdown.stdout)")

        // A column's detail that has nowhere to go is an error naming the column; so is a bad value.
        let orphan = try write("orphan.csv", "company,date,url,citation,lang\nAcme,2023-01-05,,Acme closes,en\nBeta,2023-02-05,https://example.com/b,,fr\n")
        let base = ["--set", "kind=shutdown", "--map", "company=entity", "--map", "date=when", "--title-template", "{company} closes",
                    "--map", "url=source", "--map", "citation=quote", "--map", "lang=quote_language"]
        let dryRun = try CLI.run(["import", orphan, "--db", db, "--dry-run"] + base)
        #expect(dryRun.status == 65)
        #expect(dryRun.stderr.contains("orphan.csv:2: column 'citation' gives a quote, but the record cites no source; map its URL or key with --map COLUMN=source"),
                "\(dryRun.stderr)")
        #expect(dryRun.stderr.contains("orphan.csv:3: column 'lang' gives the quote's language, but the record has no quote in column 'citation'."),
                "\(dryRun.stderr)")
        let badLanguage = try write("language.csv", "company,date,url,citation,lang\nAcme,2023-01-05,https://example.com/a,Acme closes,fr_FR_x\n")
        let refused = try CLI.run(["import", badLanguage, "--db", db] + base)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("language.csv:2: column 'lang' (sources[0].quote_language): the quote's language 'fr_FR_x'"), "\(refused.stderr)")
        let badStance = try write("stance.csv", "company,date,url,position\nAcme,2023-01-05,https://example.com/a,agrees\n")
        let stance = try CLI.run(["import", badStance, "--db", db, "--set", "kind=shutdown", "--map", "company=entity", "--map", "date=when",
                                  "--title-template", "{company} closes", "--map", "url=source", "--map", "position=stance"])
        #expect(stance.stderr.contains("column 'position' (sources[0].stance): 'agrees' is not a stance; use supports, contradicts or corrects"),
                "\(stance.stderr)")
        #expect(try CLI.shell("sqlite3 '\(db)' 'SELECT count(*) FROM events'").stdout == "2\n", "nothing written by the failures")

        // With a source --set gives every record (listed first, as ever), the quote and figures
        // cite the record's own.
        let both = try write("both.csv", "company,date,url,excerpt,cut\nGamma,2023-03-05,https://example.com/g,environ 100,100\n")
        let cited = try CLI.run(["import", both, "--db", db, "--set", "kind=layoff", "--map", "company=entity", "--map", "date=when",
                                 "--title-template", "{company} cuts", "--map", "url=source", "--map", "excerpt=quote",
                                 "--map", "cut=measure:employees-laid-off:person", "--set", "source=https://www.lemonde.fr/x"])
        #expect(cited.status == 0, "\(cited.stderr)")
        let rows = try CLI.shell("sqlite3 '\(db)' \"SELECT s.url, coalesce(c.quote, '-') FROM citations c JOIN sources s ON s.id = c.source_id JOIN events e ON e.id = c.event_id WHERE e.title = 'Gamma cuts' ORDER BY c.id\"")
        #expect(rows.stdout == "https://www.lemonde.fr/x|-\nhttps://example.com/g|environ 100\n", "\(rows.stdout)")
        let figure = try CLI.shell("sqlite3 '\(db)' \"SELECT source_key, source_publisher FROM timeline_figures WHERE event LIKE 'Gamma%'\"")
        #expect(figure.stdout.contains("example.com"), "\(figure.stdout)")
    }

    @Test func unknownColumnIsAUsageErrorListingTheColumns() throws {
        let result = try CLI.run(["import", RepositoryFiles.fixture("layoffs.csv"), "--db", db, "--map", "firm=entity", "--set", "kind=layoff"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no column named 'firm'"))
        #expect(result.stderr.contains("total_laid_off"))
        #expect(!result.stderr.contains("did you mean"), "no column is near 'firm': \(result.stderr)")
        // A name spelt otherwise in case or accents, or a typo away, is named with the column meant.
        let sheet = try write("accents.csv", "Événement,Date,Type,Dates\nX,2023,launch,2023\n")
        for (given, meant) in [("Evenement", "Événement"), ("événement", "Événement"), ("Tpye", "Type"), ("DATE", "Date")] {
            let near = try CLI.run(["import", sheet, "--db", db, "--map", "\(given)=title", "--set", "kind=launch"])
            #expect(near.status == 64)
            #expect(near.stderr == "timeline: no column named '\(given)' in \(sheet); its columns are: Événement, Date, Type, Dates (did you mean '\(meant)'?).\n",
                    "\(near.stderr)")
        }
        // Two as near: neither is guessed.
        let two = try CLI.run(["import", sheet, "--db", db, "--map", "Datex=when", "--set", "kind=launch"])
        #expect(two.status == 64 && !two.stderr.contains("did you mean"), "\(two.stderr)")
        // A column without a name (a trailing comma's) is never the one meant.
        let trailing = try write("trailing.csv", "Titre,Date,Type,\nA,2023-03-01,layoff,\n")
        let unnamed = try CLI.run(["import", trailing, "--db", db, "--map", "T=title", "--map", "Date=when", "--map", "Type=kind"])
        #expect(unnamed.status == 64 && !unnamed.stderr.contains("did you mean"), "\(unnamed.stderr)")
    }

    /// A database the import would create (with its folders) is not left behind when the import
    /// fails or is a dry run; a successful import keeps it.
    @Test func aFailedOrDryRunImportIntoANewPathLeavesNothing() throws {
        let bad = try write("bad.csv", "kind,title,when\nlaunch,ok,2020\nlaunch,bad,2021-02-30\n")
        let failed = try CLI.run(["import", bad, "--db", folder.path("a/b/new.sqlite")])
        #expect(failed.status == 65)
        #expect(failed.stderr.contains("bad.csv:3:"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("a")), "no database, no folders")

        let dryRun = try CLI.run(["import", bad, "--skip-invalid", "--dry-run", "--db", folder.path("c/new.sqlite")])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("would add 1"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("c")))

        // Into an existing folder: the folder stays, the file goes.
        let intoFolder = try CLI.run(["import", bad, "--db", folder.path("new.sqlite")])
        #expect(intoFolder.status == 65)
        #expect(!FileManager.default.fileExists(atPath: folder.path("new.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("new.sqlite-wal")))
        #expect(FileManager.default.fileExists(atPath: bad))

        let kept = try CLI.run(["import", bad, "--skip-invalid", "--db", folder.path("d/new.sqlite")])
        #expect(kept.status == 0)
        #expect(try jsonEvents(["--search", "ok"], database: folder.path("d/new.sqlite")).count == 1)

        // Every record rejected: exit 65 for the script that checks, and no database made.
        let allBad = try write("all-bad.csv", "kind,title,when\nlaunch,bad,2021-02-30\nnokind,worse,2020\n")
        for dry in [[], ["--dry-run"]] {
            let none = try CLI.run(["import", allBad, "--skip-invalid", "--db", folder.path("e/new.sqlite")] + dry)
            #expect(none.status == 65, "\(dry)")
            #expect(none.stderr.contains("all-bad.csv:2:") && none.stderr.contains("all-bad.csv:3:"), "each rejected record is named: \(none.stderr)")
            #expect(none.stderr.hasSuffix("timeline: nothing \(dry.isEmpty ? "was" : "would be") imported from \(allBad): all 2 of its records were rejected.\n"), "\(none.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.path("e")))
        }
    }

    /// A record naming a source the timeline holds does not change it; another publisher, date
    /// or title is named in a note, and the same details (as an export gives back) are not.
    @Test func sourceDetailsForAKnownSourceAreNoted() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2020", "--entity", "X",
                             "--source", "https://lemonde.fr/a"]).status == 0)
        let csv = try write("sources.csv", """
            kind,title,when,url,publisher,published,source_title
            launch,B,2021,https://lemonde.fr/a,Le Monde,2020-04-10,Titre
            launch,C,2021,https://lemonde.fr/a,Le Monde,2020-04-10,Titre
            launch,D,2022,https://lemonde.fr/new,Le Monde,2020-04-11,Autre
            launch,E,2022,https://lemonde.fr/new,Le Monde,2020-04-11,Autre
            """)
        let imported = try CLI.run(["import", csv, "--db", db, "--map", "url=source"])
        #expect(imported.status == 0)
        // The source was held undated and untitled: it takes the date and the title (each noted),
        // and keeps its publisher.
        #expect(imported.stderr == "timeline: note: 2 citations in the file gave another publisher, publication date or title for the source 'lemonde-fr', which the timeline holds already; it was kept as it is, and a timeline document listing it changes it (see `timeline help import`).\n"
                + "timeline: note: 1 source without a publication date took the one the file gives: 'lemonde-fr'.\n"
                + "timeline: note: 1 source held without a title or a language took what the file gives: 'lemonde-fr'.\n",
                "\(imported.stderr)")
        let kept = try CLI.run(["sql", "--db", db, "SELECT key, publisher, title FROM sources ORDER BY key", "--format", "tsv"]).stdout
        #expect(kept.contains("lemonde-fr\tlemonde.fr\tTitre\n") && kept.contains("\tLe Monde\tAutre\n"), "\(kept)")
        let exported = folder.path("again.csv")
        #expect(try CLI.run(["export", "--db", db, "--format", "csv", "--output", exported]).status == 0)
        let again = try CLI.run(["import", exported, "--db", db])
        #expect(again.status == 0 && again.stderr.isEmpty, "an export names its sources as they are: \(again.stderr)")
    }

    /// Spaces around a source's publisher or title (a scraped page's <title>) are none of it: the
    /// source is saved without them, and the same record, or one naming a source held with them
    /// from before, describes it no otherwise.
    @Test func spacesAroundASourcesPublisherOrTitleAreNoneOfIt() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let record = #"{"uid":"p1","kind":"other","title":"pad","when":"2020","entities":[{"name":"Pad Co"}],"#
            + #""sources":[{"url":"https://example.org/pad","publisher":" Hürriyet ","published":"2020","language":"tr","title":"  Arşiv\r\n"}]}"#
        let file = try write("pad.ndjson", record + "\n")
        let first = try CLI.run(["import", file, "--db", db])
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        #expect(try CLI.run(["sql", "--db", db, "SELECT key, publisher, title FROM sources", "--format", "tsv"]).stdout
                == "key\tpublisher\ttitle\nhurriyet-2020\tHürriyet\tArşiv\n")
        let again = try CLI.run(["import", file, "--db", db])
        #expect(again.stdout.contains("1 unchanged") && again.stderr.isEmpty, "\(again.stderr)")
        // Held with the spaces (saved before they were trimmed): no other description either.
        _ = try CLI.run([db, "UPDATE sources SET publisher = ' Hürriyet ', title = '  Arşiv  '"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let held = try CLI.run(["import", file, "--db", db])
        #expect(held.status == 0 && held.stderr.isEmpty, "\(held.stderr)")
    }

    /// A figure cell says how exact it is as people write it: `~150`, `environ 1 200`, `150+`,
    /// `plus de 200`, `au moins 30 000`; NDJSON takes spaced thousands too.
    @Test func figureCellsTakeTheirQualifiers() throws {
        let csv = try write("figures.csv", """
            kind,title,when,n
            layoff,A,2020,~150
            layoff,B,2021,environ 1 200
            layoff,C,2022,150+
            layoff,D,2023,plus de 200
            layoff,E,2024,au moins 30 000
            layoff,F,2025,about 7
            layoff,G,2026,overall
            layoff,H,2027,plus\u{A0}de 50
            layoff,I,2028,au\u{202F}moins 30\u{202F}000
            """)
        let imported = try CLI.run(["import", csv, "--db", db, "--map", "n=measure:jobs:person", "--skip-invalid"])
        #expect(imported.stdout.contains("8 added") && imported.stderr.contains("figures.csv:8: column 'n': 'overall' is not a number"),
                "a word that only begins like one is no qualifier: \(imported.stderr)")
        let rows = try CLI.run(["sql", "--db", db, "SELECT value, approximate, coalesce(qualifier, '-') FROM measures WHERE quantity = 'jobs' ORDER BY id", "--format", "tsv"]).stdout
        // No-break spaces within the words, as pasted from a French page, are spaces.
        #expect(rows == "value\tapproximate\tcoalesce(qualifier, '-')\n150\t1\t-\n1200\t1\t-\n150\t0\tat-least\n200\t0\tmore-than\n30000\t0\tat-least\n7\t1\t-\n"
                + "50\t0\tmore-than\n30000\t0\tat-least\n", "\(rows)")
        let ndjson = try write("spaced.ndjson", #"{"kind":"launch","title":"J","when":"2020","measures":[{"quantity":"jobs","value":"1 200","unit":"person"}]}"# + "\n")
        #expect(try CLI.run(["import", ndjson, "--db", db]).status == 0)
        #expect(try jsonEvents(["--search", "J"]).first.flatMap { ($0["measures"] as? [[String: Any]])?.first?["value"] as? String } == "1200")
    }

    /// A quote imported without its language is in its source's, as `add` takes it.
    @Test func aQuoteWithoutALanguageIsInItsSources() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2020", "--entity", "X",
                             "--source", "https://lemonde.fr/a", "--quote", "bonjour", "--quote-lang", "fr"]).status == 0)
        let ndjson = try write("quotes.ndjson", """
            {"kind":"launch","title":"B","when":"2021","sources":[{"url":"https://lemonde.fr/a","quote":"salut"}]}
            {"kind":"launch","title":"C","when":"2022","sources":[{"url":"https://lemonde.fr/a","quote":"hello","quote_language":"en"}]}
            {"kind":"launch","title":"D","when":"2023","sources":[{"url":"https://unknown.example/x","quote":"quoi"}]}
            """)
        #expect(try CLI.run(["import", ndjson, "--db", db]).status == 0)
        let languages = try CLI.run(["sql", "--db", db, "SELECT quote, coalesce(quote_language, '-') FROM citations ORDER BY id", "--format", "tsv"]).stdout
        #expect(languages.hasSuffix("bonjour\tfr\nsalut\tfr\nhello\ten\nquoi\t-\n"), "\(languages)")
        let empty = try write("empty-language.ndjson", #"{"kind":"launch","title":"E","when":"2024","sources":[{"url":"https://lemonde.fr/a","quote":"vide","quote_language":""}]}"# + "\n")
        #expect(try CLI.run(["import", empty, "--db", db]).status == 0, "an empty language is none")
        #expect(try CLI.run(["sql", "--db", db, "SELECT quote_language FROM citations WHERE quote = 'vide'", "--format", "tsv"]).stdout.hasSuffix("\nfr\n"))
    }

    /// In a file too, a date without a year takes it from the record's source's publication
    /// date (a CSV `published` column, an NDJSON source's `published`); a record with none is
    /// refused, saying what would give it one.
    @Test func aDateWithoutAYearTakesItFromTheRecordsSource() throws {
        let csv = try write("yearless.csv", """
            kind,title,when,announced,url,publisher,published
            layoff,Coupes,fin mars,début mars,https://exemple.fr/a,Le Monde,2020-04-10
            layoff,Sans date,fin mars,,https://exemple.fr/b,Le Monde,
            """)
        let imported = try CLI.run(["import", csv, "--db", db, "--map", "url=source", "--skip-invalid"])
        #expect(imported.stdout.contains("1 added") && imported.stderr.contains(
            "yearless.csv:3: column 'when': 'fin mars' has no year: write one, or give the record's source a publication date to take it from."),
            "\(imported.stdout)\(imported.stderr)")
        let event = try #require(try jsonEvents(["--search", "Coupes"]).first)
        #expect(event["when"] as? String == "2020-03-21~/2020-03-31~")
        #expect(event["announced"] as? String == "2020-03-01~/2020-03-10~")
        let ndjson = try write("yearless.ndjson", #"{"kind":"launch","title":"Ouverture","when":"le 2 décembre","sources":[{"url":"https://exemple.fr/c","publisher":"Ouest-France","published":"2023-01-15"}]}"# + "\n")
        #expect(try CLI.run(["import", ndjson, "--db", db]).status == 0)
        #expect(try jsonEvents(["--search", "Ouverture"]).first?["when"] as? String == "2022-12-02")
    }

    /// A record's date read from its source's publication date names that date when it is the one
    /// that is wrong, not the event's date it was read for.
    @Test func aBadPublicationDateIsNamedWhenADateIsReadFromIt() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = try write("published.csv", "kind,when,title,source,publisher,published\n"
                            + "launch,Tuesday,A,https://ex.example/b,Ex,15/09/2022\nlaunch,mi-mars,B,https://ex.example/c,Ex,2022/..\n")
        let result = try CLI.run(["import", csv, "--db", db, "--skip-invalid"])
        #expect(result.stderr.contains("published.csv:2: column 'published' (sources[0].published): '15/09/2022' is not a valid date: numeric dates are ambiguous"),
                "\(result.stderr)")
        #expect(result.stderr.contains("a month name, as in 31 December 2022; or give the file's order with --date-format m/d/yyyy or d/m/yyyy.\n"),
                "the day order of a whole file is an option away: \(result.stderr)")
        // With the file's own separator, which the format must match.
        let dotted = try write("dotted.csv", "title,kind,when,entity\nT,layoff,03.06.2023,Acme\n")
        let named = try CLI.run(["import", dotted, "--db", db])
        #expect(named.stderr.hasSuffix("or give the file's order with --date-format m.d.yyyy or d.m.yyyy.\n"), "\(named.stderr)")
        #expect(try CLI.run(["import", dotted, "--db", db, "--date-format", "d.m.yyyy"]).status == 0)
        #expect(result.stderr.contains("published.csv:3: column 'published' (sources[0].published): the publication date '2022/..' is open at one end"),
                "\(result.stderr)")
    }

    /// Into an empty timeline too, a dry run and a failed import leave every byte of the file.
    @Test func aFailedOrDryRunImportIntoAnEmptyTimelineLeavesEveryByte() throws {
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        let before = try folder.bytes("empty.sqlite")
        let document = try CLI.run(["--db", folder.path("seeded.sqlite"), "export", "--format", "seed"]).stdout
        let good = try write("good.json", document)
        #expect(try CLI.run(["import", good, "--db", empty, "--dry-run"]).status == 0)
        #expect(try folder.bytes("empty.sqlite") == before, "dry run")
        let bad = try write("bad.ndjson", #"{"kind":"launch","title":"ok","when":"2020"}"# + "\n" + #"{"kind":"launch","title":"bad","when":"2020-02-30"}"# + "\n")
        #expect(try CLI.run(["import", bad, "--db", empty]).status == 65)
        #expect(try folder.bytes("empty.sqlite") == before, "failed import")
    }

    /// Exports import does not read are named as what they are, not as CSV without a kind.
    @Test(arguments: ["markdown", "html", "sql"])
    func anExportImportDoesNotReadIsNamed(format: String) throws {
        let exported = try CLI.run(["--db", folder.path("seeded.sqlite"), "export", "--format", format])
        #expect(exported.status == 0, "\(exported.stderr)")
        let path = try write("timeline.\(format).txt", exported.stdout)
        let result = try CLI.run(["import", path, "--db", db])
        #expect(result.status == 65)
        let kind = ["markdown": "Markdown", "html": "HTML", "sql": "SQL"][format]!
        #expect(result.stderr.hasPrefix("timeline: \(path) looks like \(kind)"), "\(result.stderr)")
        #expect(result.stderr.contains("which import does not read; it reads CSV, TSV, NDJSON, JSON and timeline documents"))
    }

    @Test func missingFileIsMissingInput() throws {
        let result = try CLI.run(["import", folder.path("nope.csv"), "--db", db])
        #expect(result.status == 66)
        #expect(result.stderr.contains("nope.csv"))
        // Refused before the database is opened: no new file is left behind.
        #expect(!FileManager.default.fileExists(atPath: db))
        let folderInput = try CLI.run(["import", folder.path(""), "--db", db])
        #expect(folderInput.status == 66)
        #expect(folderInput.stderr.contains("is a folder"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A file large beside the default timeline (the sample one, some 300 KB) goes in as into an
    /// empty one, its indexes built after the load: the timeline is whole and answers as before,
    /// for its own events and the new ones, to `timeline` and to the sqlite3 shell.
    @Test func aFileLargeBesideTheSampleTimelineIsLoadedWhole() throws {
        let environment = ["TIMELINE_DB": db]
        #expect(try CLI.run(["list", "--format", "tsv"], environment: environment).status == 0)
        let schemaBefore = try CLI.shell("sqlite3 '\(db)' .schema").stdout
        let sampleIn2019 = try CLI.run(["list", "--from", "2019-01-01", "--to", "2019-12-31", "--format", "tsv"], environment: environment)
        var text = "kind,title,when,sources\n"
        for index in 0..<3_000 {
            text += "launch,Ouverture \(index) à Lyon,\(2000 + index % 25)-0\(1 + index % 9)-1\(index % 10),"
                + "\"[{\"\"url\"\":\"\"https://example.org/ouverture-\(index)\"\"}]\"\n"
        }
        let path = try write("large.csv", text)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! Int
        let databaseSize = try FileManager.default.attributesOfItem(atPath: db)[.size] as! Int
        #expect(size * 4 >= databaseSize, "\(size) bytes beside \(databaseSize)")

        let imported = try CLI.run(["import", path], environment: environment)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("3000 added"), "\(imported.stdout)")
        let checked = try CLI.run(["check"], environment: environment)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        // The same statements; the indexes built again are listed after the others.
        #expect(try CLI.shell("sqlite3 '\(db)' .schema").stdout.split(separator: "\n").sorted() == schemaBefore.split(separator: "\n").sorted())
        #expect(try CLI.shell("sqlite3 '\(db)' \"SELECT rtreecheck('event_spans')\"").stdout == "ok\n")
        #expect(try CLI.shell("sqlite3 '\(db)' 'SELECT count(*) FROM event_spans'").stdout
                    == CLI.shell("sqlite3 '\(db)' 'SELECT count(*) FROM events'").stdout)

        let in2019 = try CLI.run(["list", "--from", "2019-01-01", "--to", "2019-12-31", "--format", "tsv"], environment: environment)
        let lines = in2019.stdout.split(separator: "\n")
        // Every sample event of 2019 (the header too) is still found, and the 120 new ones dated in 2019.
        for line in sampleIn2019.stdout.split(separator: "\n") { #expect(lines.contains(line)) }
        #expect(lines.count == sampleIn2019.stdout.split(separator: "\n").count + 120)
        let found = try CLI.run(["list", "--search", "Ouverture", "--format", "tsv"], environment: environment)
        #expect(found.stdout.split(separator: "\n").count == 1 + 3_000, "\(found.stderr)")
    }

    /// A title or a language a file gives a source held without one is written also when the
    /// file changes no event (it was undone with the load, and lost, unless some event changed).
    @Test func aSourceTakesTheTitleAndLanguageAFileChangingNoEventGives() throws {
        let environment = ["TIMELINE_DB": db]
        #expect(try CLI.run(["migrate", "--skip-seeds"], environment: environment).status == 0)
        let header = "uid,kind,title,when,sources\n"
        let bare = try write("bare.csv", header + #"x-1,launch,Opening,2020,"[{""url"":""https://example.org/a""}]""# + "\n")
        let described = try write("described.csv", header
            + #"x-1,launch,Opening,2020,"[{""url"":""https://example.org/a"",""title"":""The A page"",""language"":""fr""}]""# + "\n")
        #expect(try CLI.run(["import", bare], environment: environment).status == 0)
        let source = "sqlite3 '\(db)' 'SELECT key, title, language FROM sources'"
        #expect(try CLI.shell(source).stdout == "example-org||und\n")

        let dry = try CLI.run(["import", described, "--dry-run"], environment: environment)
        #expect(dry.status == 0)
        #expect(dry.stderr.contains("note: 1 source held without a title or a language would take what the file gives: 'example-org'."), "\(dry.stderr)")
        #expect(try CLI.shell(source).stdout == "example-org||und\n")

        let imported = try CLI.run(["import", described], environment: environment)
        #expect(imported.status == 0)
        #expect(imported.stdout == "Imported \(described): 0 added, 0 updated, 1 unchanged.\n")
        #expect(imported.stderr.contains("note: 1 source held without a title or a language took what the file gives: 'example-org'."), "\(imported.stderr)")
        #expect(try CLI.shell(source).stdout == "example-org|The A page|fr\n")
        let shown = try CLI.run(["show", "x-1"], environment: environment)
        #expect(shown.stdout.contains("The A page"), "\(shown.stdout)")

        let again = try CLI.run(["import", described], environment: environment)
        #expect(again.status == 0)
        #expect(!again.stderr.contains("note:"), "\(again.stderr)")
    }

    /// Under a rollback journal a reader's lock keeps a writer from spilling its cache into the
    /// file; an import asks at every spill, and the waits share the busy timeout: it gives up with
    /// exit 75 while the reader still reads, not once it has gone, and writes nothing.
    @Test func anImportBehindAReaderUnderARollbackJournalGivesUpAtTheBusyTimeout() throws {
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).status == 0)
        #expect(try CLI.shell("sqlite3 '\(db)' 'PRAGMA journal_mode = DELETE'").stdout == "delete\n")
        var text = "kind,title,when\n"
        for index in 0..<20_000 { text += "launch,Ouverture \(index) à Lyon,\(2000 + index % 25)-0\(1 + index % 9)-1\(index % 10)\n" }
        let path = try write("many.csv", text)
        let before = try CLI.shell("sqlite3 '\(db)' .dump | sha256sum").stdout
        // The reader holds its read transaction for 30 s (long beside the import, even on a busy
        // machine); the import gives up after waiting 0.3 s in all, and says whether the reader
        // still read then.
        let script = """
            (echo 'BEGIN; SELECT count(*) FROM events;'; sleep 30; echo 'SELECT 1;') | sqlite3 '\(db)' > /dev/null &
            sleep 1
            '\(CLI.executable.path)' --db '\(db)' import '\(path)' --busy-timeout-ms 300
            echo "exit $?"
            if kill -0 $! 2>/dev/null; then echo 'reader still reading'; fi
            wait
            """
        let run = try CLI.shell(script)
        #expect(run.stdout.contains("exit 75\nreader still reading\n"), "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("is busy (locked by another process); try again"), "\(run.stderr)")
        #expect(try CLI.shell("sqlite3 '\(db)' .dump | sha256sum").stdout == before)
    }
}

