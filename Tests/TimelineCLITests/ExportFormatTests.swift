import Foundation
import Testing

@Suite struct ExportFormatTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    /// `--output` naming the database (or a link to it, or its -wal) would replace it with text,
    /// and another SQLite database too: refused, and nothing changes.
    @Test func anExportNeverOverwritesADatabase() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.sqlite"), withDestinationPath: db)
        for target in [db, folder.path("link.sqlite"), db + "-wal", db + "-journal"] {
            let refused = try CLI.run(["export", "--format", "csv", "--db", db, "--output", target])
            #expect(refused.status == 64 && refused.stderr.contains("the database being exported; give another path for the export"),
                    "\(target): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).status == 0)
        let other = folder.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "migrate", "--skip-seeds"]).status == 0)
        let otherBefore = try Data(contentsOf: URL(fileURLWithPath: other))
        let replaced = try CLI.run(["export", "--format", "sql", "--db", db, "--output", other])
        #expect(replaced.status == 73 && replaced.stderr.contains("is an SQLite database, which the export would replace"), "\(replaced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBefore)
        // Another database's log may hold its only copy of committed changes.
        #expect(FileManager.default.createFile(atPath: other + "-wal", contents: Data("log".utf8)))
        let log = try CLI.run(["export", "--format", "csv", "--db", db, "--output", other + "-wal"])
        #expect(log.status == 73 && log.stderr.contains("is a file SQLite keeps beside the database \(other)"), "\(log.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other + "-wal")) == Data("log".utf8))
    }

    /// `--bom` starts a CSV or TSV export with the mark Excel needs for UTF-8; Python's
    /// `utf-8-sig` reads it as the plain export, and import takes it back.
    @Test(arguments: ["csv", "tsv"])
    func aByteOrderMarkStartsTheExportWhenAsked(format: String) throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let path = folder.path("excel.\(format)")
        #expect(try CLI.run(["export", "--format", format, "--bom", "--db", db, "--output", path]).status == 0)
        let marked = try folder.bytes("excel.\(format)")
        #expect(Array(marked.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try CLI.run(["export", "--format", format, "--db", db]).stdout
        #expect(marked.dropFirst(3) == Data(plain.utf8))
        let python = try CLI.run(["-c", "import sys; sys.stdout.write(open(sys.argv[1], encoding='utf-8-sig', newline='').read())", path],
                                 executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(python.stdout == plain)
        let copy = folder.path("copy.sqlite")
        #expect(try CLI.run(["--db", copy, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["import", path, "--db", copy]).status == 0)
        #expect(try CLI.run(["export", "--format", format, "--db", copy]).stdout == plain)
        let json = try CLI.run(["export", "--format", "json", "--bom", "--db", db])
        #expect(json.status == 64 && json.stderr == "timeline: --bom applies to --format csv and tsv only.\n")
    }

    /// `--delimiter ';'` writes the CSV that Excel in French opens in columns: fields quoted when
    /// they hold a semicolon rather than a comma, the same rows as the comma file for Python's
    /// csv module, and import reads it back as it was.
    @Test func aSemicolonDelimiterWritesTheSameRows() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2024-03", "--title", "Semicolons; commas, \"quotes\"",
                             "--summary", "1,5 million; or so", "--entity", "Acme"]).status == 0)
        let path = folder.path("pour-excel.csv")
        #expect(try CLI.run(["export", "--format", "csv", "--delimiter", ";", "--bom", "--db", db, "--output", path]).status == 0)
        let text = String(decoding: try folder.bytes("pour-excel.csv").dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("uid;kind;status;when;earliest;latest;precision;"), "\(text.prefix(80))")
        #expect(text.contains(";\"Semicolons; commas, \"\"quotes\"\"\";\"1,5 million; or so\";"), "\(text)")
        #expect(text.contains(";Amazon Care pilot launches for Amazon employees in the Seattle area;"), "\(text.prefix(400))")
        let rows = """
            import csv, json, sys
            def rows(path, delimiter):
                with open(path, encoding='utf-8-sig', newline='') as f:
                    return list(csv.reader(f, delimiter=delimiter))
            print(json.dumps(rows(sys.argv[1], ',') == rows(sys.argv[2], ';') and len(rows(sys.argv[2], ';'))))
            """
        let commas = folder.path("commas.csv")
        #expect(try CLI.run(["export", "--format", "csv", "--db", db, "--output", commas]).status == 0)
        let same = try CLI.run(["-c", rows, commas, path], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(same.stdout == "17\n", "\(same.stdout)\(same.stderr)")
        let copy = folder.path("copy.sqlite")
        #expect(try CLI.run(["--db", copy, "migrate", "--skip-seeds"]).status == 0)
        let imported = try CLI.run(["import", path, "--db", copy])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["export", "--format", "json", "--db", copy]).stdout == CLI.run(["export", "--format", "json", "--db", db]).stdout)
        let tsv = try CLI.run(["export", "--format", "tsv", "--delimiter", ";", "--db", db])
        #expect(tsv.status == 64 && tsv.stderr == "timeline: --delimiter applies to --format csv only (tsv is separated by tabs).\n")
        let json = try CLI.run(["export", "--format", "json", "--delimiter", ",", "--db", db])
        #expect(json.status == 64 && json.stderr == "timeline: --delimiter applies to --format csv only.\n")
        let word = try CLI.run(["export", "--format", "csv", "--delimiter", "semicolon", "--db", db])
        #expect(word.stdout == String(decoding: try folder.bytes("pour-excel.csv").dropFirst(3), as: UTF8.self))
    }

    @Test func timelineJSCarriesOnlyTheDatePartsThePrecisionKnows() throws {
        let result = try CLI.run(["export", "--format", "timelinejs", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == 15)
        #expect(Set(events.compactMap { $0["unique_id"] as? String }).count == 15, "every event once")
        func event(_ uid: String) throws -> [String: Any] { try #require(events.first { $0["unique_id"] as? String == uid }) }

        let launch = try event("amazon-care-launch-2019-09")
        #expect(launch["start_date"] as? [String: String] == ["year": "2019", "month": "9"])
        #expect(launch["end_date"] == nil)
        #expect(launch["display_date"] as? String == "Sep 2019")
        #expect(launch["group"] as? String == "launch")

        let layoff = try event("amazon-care-layoff-2022-12-01")
        #expect(layoff["start_date"] as? [String: String] == ["year": "2022", "month": "12", "day": "1"])

        let headcount = try event("amazon-headcount-change-2022-q2")
        #expect(headcount["start_date"] as? [String: String] == ["year": "2022", "month": "4"])
        #expect(headcount["end_date"] as? [String: String] == ["year": "2022", "month": "6"])

        let year = try event("amazon-care-expansion-2022")
        #expect(year["start_date"] as? [String: String] == ["year": "2022"])

        let text = try #require((layoff["text"] as? [String: String])?["text"])
        #expect(text.contains("<a href=\"https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/\">Siècle Digital</a>"))
        #expect(text.contains("<q lang=\"fr\">environ 159 employés"))
        // What the Markdown and HTML exports carry too: a planned event says so, and the
        // translations, notes and stances are there.
        #expect(text.hasPrefix("<p><strong>planned</strong>; announced: 8 Sep 2022</p>"), "\(text)")
        #expect(text.contains("<p>employees laid off: 159 people (Amazon Care; source: CNBC)</p>"), "whose and from where: \(text)")
        // A figure counting an entity the event does not list is named by the timeline's name for it.
        #expect(try CLI.run(["add", "--db", db, "--uid", "ft", "--kind", "layoff", "--date", "2022-05", "--title", "Fig test", "--entity", "Amazon Care:employer",
                             "--measure", "positions-cut=5:position@One Medical"]).status == 0)
        let markdown = try CLI.run(["export", "--format", "markdown", "--db", db, "--from", "2022-05", "--to", "2022-05"]).stdout
        #expect(markdown.contains("positions cut: 5 positions (One Medical)"), "\(markdown)")
        #expect(text.contains(" — translation: <q lang=\"en\">about 159 Amazon Care employees"), "\(text)")
        let summer = try #require((try event("amazon-care-expansion-2021-summer")["text"] as? [String: String])?["text"])
        #expect(summer.contains("(<strong>contradicts</strong>). CNBC dates the nationwide roll-out to February 2022"), "\(summer)")
        #expect((document["title"] as? [String: Any]).flatMap { $0["text"] as? [String: String] }?["headline"] == "Timeline")
    }

    /// `--lang fr` writes the slides' own words in French, as the Markdown and HTML exports do.
    @Test func timelineJSInFrench() throws {
        let result = try CLI.run(["export", "--format", "timelinejs", "--lang", "fr", "--db", db])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((document["title"] as? [String: Any]).flatMap { $0["text"] as? [String: String] }?["headline"] == "Chronologie")
        let events = try #require(document["events"] as? [[String: Any]])
        let texts = events.compactMap { ($0["text"] as? [String: String])?["text"] }.joined(separator: "\n")
        for word in ["<strong>prévu</strong>", "(<strong>contredit</strong>)", "Sources\u{a0}:", "traduction\u{a0}: <q lang=\"en\">"] {
            #expect(texts.contains(word), "\(word)")
        }
        for english in ["<strong>planned</strong>", "(<strong>contradicts</strong>)", "<p>Sources:</p>", "translation: <q"] {
            #expect(!texts.contains(english), "\(english)")
        }
    }

    /// A quote stored with marks of its own (`« … »`) is not marked again by a `<q>` in the
    /// HTML and TimelineJS exports; others are, in their language.
    @Test func aQuoteWithItsOwnMarksIsNotMarkedTwice() throws {
        #expect(try CLI.run(["add", "--db", db, "--uid", "q", "--kind", "other", "--title", "Q", "--date", "2024", "--entity", "Acme",
                             "--source", "https://lemonde.fr/q", "--published", "2024-01-02", "--quote", "« Nous fermons »", "--quote-lang", "fr"]).status == 0)
        for format in ["html", "timelinejs"] {
            let text = try CLI.run(["export", "--format", format, "--db", db, "--from", "2024"]).stdout
            #expect(text.contains("« Nous fermons »</span>") && !text.contains("« Nous fermons »</q>"), "\(format): \(text)")
        }
        let seed = try CLI.run(["export", "--format", "html", "--db", db]).stdout
        #expect(seed.contains("environ 159 employés") && seed.contains("</q>"), "a quote without marks is in a <q>")
    }

    /// TimelineJS reads headlines and texts as HTML: a title's markup is text, only web
    /// addresses are links, a translation with its own marks is not marked twice, and a quote
    /// naming no language is in its source's.
    @Test func timelineJSTextIsSafeHTML() throws {
        let record = #"{"uid":"x","kind":"launch","when":"2024","title":"A \"big\" <launch> & more","entities":["Acme"],"#
            + #""sources":[{"key":"js","url":"javascript:alert(1)","publisher":"P","language":"de","quote":"Wir starten","translation":"“We start”"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8)).status == 0)
        let result = try CLI.run(["export", "--format", "timelinejs", "--db", db, "--from", "2024"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let slide = try #require((document["events"] as? [[String: Any]])?.first?["text"] as? [String: String])
        #expect(slide["headline"] == "A &quot;big&quot; &lt;launch&gt; &amp; more")
        let text = try #require(slide["text"])
        #expect(!text.contains("href=\"javascript") && text.contains("P (javascript:alert(1))"), "\(text)")
        #expect(text.contains("<q lang=\"de\">Wir starten</q>") && text.contains("<span lang=\"en\">“We start”</span>"), "\(text)")
        // The group's label goes into the page as HTML too.
        let named = #"{"uid":"y","kind":"launch","when":"2025","title":"T","entities":[{"slug":"x","name":"<img src=x onerror=alert(1)> & Co"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((named + "\n").utf8)).status == 0)
        let grouped = try CLI.run(["export", "--format", "timelinejs", "--group", "entity", "--db", db, "--from", "2025"])
        let groupedDocument = try #require(try JSONSerialization.jsonObject(with: Data(grouped.stdout.utf8)) as? [String: Any])
        #expect((groupedDocument["events"] as? [[String: Any]])?.first?["group"] as? String == "&lt;img src=x onerror=alert(1)&gt; &amp; Co",
                "\(grouped.stdout)")
    }

    @Test func timelineJSGroupsByEntity() throws {
        let result = try CLI.run(["export", "--format", "timelinejs", "--group", "entity", "--kind", "layoff", "--db", db])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groups = (document["events"] as? [[String: Any]])?.compactMap { $0["group"] as? String }
        #expect(groups == ["Amazon Care", "Care Medical"])
    }

    /// Events are filed under the year they start in, each year once: a date that spans years
    /// shows whole on its line, without splitting its first year in two.
    /// The footnotes wait in a temporary file; where it can take no more (a full disk, a file
    /// size limit), the rest wait in memory, and the chronology is whole all the same.
    @Test func markdownFootnotesOutgrowingTheirFileStayWhole() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        var records = ""
        for index in 0..<1_500 {
            records += #"{"uid":"q-\#(index)","kind":"launch","title":"Launch \#(index)","when":"2020-01-01","entities":["Acme"],"#
            records += #""sources":[{"url":"https://example.org/\#(index % 7)","publisher":"Exemple","quote":"Phrase numéro \#(index), assez longue pour remplir le fichier des notes","quote_language":"fr"}]}"# + "\n"
        }
        let path = folder.path("quotes.ndjson")
        try records.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--db", db, "import", path]).status == 0)
        let whole = try CLI.run(["--db", db, "export", "--format", "markdown"])
        #expect(whole.status == 0 && whole.stdout.contains("[^1500]: [Exemple]"), "\(whole.stderr)")
        // 64 KiB of file at most, for some 200 KB of footnotes: written to a pipe, which no limit holds.
        let limited = try CLI.run(["-c", "ulimit -f 64; exec \"$0\" --db \"$1\" export --format markdown", CLI.executable.path, db],
                                  executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(limited.status == 0, "\(limited.stderr)")
        #expect(limited.stdout == whole.stdout)
    }

    @Test func markdownFilesEachEventUnderTheYearItStartsIn() throws {
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        for (title, date) in [("Year", "2021"), ("Span", "2021/2023"), ("Month", "Dec 2021"), ("Decade", "201X"), ("Open", "until 2005")] {
            #expect(try CLI.run(["--db", empty, "add", "--kind", "other", "--title", title, "--date", date]).status == 0)
        }
        let markdown = try CLI.run(["--db", empty, "export", "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.split(separator: "\n").filter { $0.hasPrefix("## ") } == ["## Open start", "## 2010", "## 2021"], "\(markdown.stdout)")
        #expect(markdown.stdout.contains("- **2010s** — Decade") && markdown.stdout.contains("- **2021 – 2023** — Span"))
        // A title with a line break (a spreadsheet cell's) stays one line of its item.
        #expect(try CLI.run(["--db", empty, "add", "--kind", "other", "--title", "Two\r\nlines", "--date", "2022"]).status == 0)
        let broken = try CLI.run(["--db", empty, "export", "--format", "markdown"]).stdout
        #expect(broken.contains("- **2022** — Two lines\n"), "\(broken)")
    }

    @Test func markdownIsAChronologyWithFootnotedSources() throws {
        let result = try CLI.run(["export", "--format", "markdown", "--db", db, "--output", folder.path("timeline.md")])
        #expect(result.status == 0, "\(result.stderr)")
        let text = String(decoding: try folder.bytes("timeline.md"), as: UTF8.self)
        #expect(text.hasPrefix("# Timeline\n"))
        for year in ["## 2019", "## 2021", "## 2022", "## 2023"] { #expect(text.contains(year)) }
        #expect(text.range(of: "## 2019")!.lowerBound < text.range(of: "## 2023")!.lowerBound)
        #expect(text.contains("- **Q2 2022** — Amazon's headcount falls by 99,000"))
        #expect(text.contains("Figures: employees laid off: 159 people (Amazon Care; source: CNBC)"))
        // The summary and figures are paragraphs of their item, not lines running on into its title's.
        #expect(text.contains("(planned; announced: 8 Sep 2022)[^26][^27]\n\n  Amazon Care files WARN notices (advance notice"), "\(text)")
        #expect(text.contains("other jobs inside the company.\n\n  Figures: employees laid off: 159 people (Amazon Care; source: CNBC)\n- **"), "\(text)")
        #expect(text.contains(": «\u{a0}Malgré des efforts, nous avons déterminé qu'Amazon Care n'était pas la bonne solution à long terme pour nos entreprises clientes\u{a0}» (fr)"))
        #expect(text.contains(": “by the summer” (en)"), "a quote in English in English marks")
        #expect(text.contains("— **contradicts**"))
        let references = text.components(separatedBy: "\n").filter { $0.hasPrefix("[^") }
        #expect(!references.isEmpty)
        #expect(references.allSatisfy { line in text.contains(String(line.prefix { $0 != ":" })) })
    }

    /// What a title or a source holds shows as written: an entity (`&copy;`) is text, an address
    /// with spaces or parentheses is one link, and only a web address is a link at all.
    @Test func markdownShowsTextAndAddressesAsTheyAre() throws {
        let record = #"{"uid":"m1","kind":"launch","title":"AT&amp;T &copy; deal","when":"2031-01-01","sources":["#
            + #"{"key":"k1","url":"https://ex.com/report (final).pdf","publisher":"P"},{"key":"k2","url":"javascript:alert(1)","publisher":"Q"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8)).status == 0)
        let markdown = try CLI.run(["export", "--format", "markdown", "--from", "2031", "--db", db]).stdout
        #expect(markdown.contains(#"- **1 Jan 2031** — AT\&amp;T \&copy; deal[^1][^2]"#), "\(markdown)")
        #expect(markdown.contains("[^1]: [P](<https://ex.com/report (final).pdf>), undated\n"), "\(markdown)")
        #expect(markdown.contains("[^2]: Q (javascript:alert(1)), undated\n"), "\(markdown)")
    }

    /// Text with CRLF line ends (as spreadsheets write them) keeps its shape in the chronology and
    /// in `show`: every line indented, no carriage return left in.
    @Test func crlfTextIsIndentedLineByLine() throws {
        let csv = folder.path("crlf.csv")
        try Data("uid,kind,when,title,summary\ns-1,layoff,2023,T,\"line one\r\nline two\"\n".utf8).write(to: URL(fileURLWithPath: csv))
        #expect(try CLI.run(["import", csv, "--db", db]).status == 0)
        let markdown = try CLI.run(["export", "--format", "markdown", "--from", "2023", "--db", db])
        #expect(markdown.stdout.contains("  line one\n  line two\n"), "\(markdown.stdout)")
        let shown = try CLI.run(["show", "s-1", "--db", db])
        #expect(shown.stdout.contains("  line one\n  line two\n"), "\(shown.stdout)")
        #expect(!markdown.stdout.utf8.contains(0x0D) && !shown.stdout.utf8.contains(0x0D), "no carriage return")
    }

    /// The formats that write figures in words name the entity a figure counts by its name, one
    /// the event itself does not list too; the machine formats keep its slug.
    @Test func figuresNameTheEntityTheyCountByName() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03", "--title", "Cuts at Care",
                                 "--entity", "amazon-care", "--measure", "employees-laid-off=200:person@amazon",
                                 "--source", "https://example.com/a", "--published", "2023-03-02"])
        #expect(added.status == 0, "\(added.stderr)")
        let range = ["--from", "2023-03", "--to", "2023-03", "--db", db]
        let markdown = try CLI.run(["export", "--format", "markdown"] + range)
        #expect(markdown.stdout.contains("Figures: employees laid off: 200 people (Amazon; source: example.com)"), "\(markdown.stdout)")
        let timelineJS = try CLI.run(["export", "--format", "timelinejs"] + range)
        #expect(timelineJS.stdout.contains("employees laid off: 200 people (Amazon; source: example.com)"), "\(timelineJS.stdout)")
        let html = try CLI.run(["export", "--format", "html"] + range)
        #expect(html.stdout.contains("employees laid off, Amazon</span>"), "\(html.stdout)")
        let json = try CLI.run(["export", "--format", "json"] + range)
        #expect(json.stdout.contains("\"entity\":\"amazon\""), "\(json.stdout)")
    }

    /// In French, the chronology's dates and its own words: title, statuses, figures, stances.
    @Test func frenchChronology() throws {
        let result = try CLI.run(["export", "--format", "markdown", "--lang", "fr", "--db", db])
        #expect(result.stdout.hasPrefix("# Chronologie\n"))
        #expect(result.stdout.contains("**T2 2022**"))
        #expect(result.stdout.contains("(prévu\u{a0}; annoncé\u{a0}: 8 sept. 2022)"), "\(result.stdout)")
        // Whose figure by the entity's name, and which source gives it, in French punctuation.
        #expect(result.stdout.contains("  Chiffres\u{a0}: employees laid off\u{a0}: 159 person (Amazon Care\u{a0}; source\u{a0}: CNBC)"), "\(result.stdout)")
        #expect(result.stdout.contains("deal value\u{a0}: environ 3\u{202F}900\u{202F}000\u{202F}000 USD"), "\(result.stdout)")
        #expect(result.stdout.contains("— **contredit**"))
        // (The summaries and notes are the timeline's own English text, printed as they are.)
        for english in ["  Figures:", "; announced", "(planned", "**contradicts**", "# Timeline", ", undated"] {
            #expect(!result.stdout.contains(english), "\(english)")
        }
        let none = try CLI.run(["export", "--format", "markdown", "--lang", "fr", "--from", "1990", "--to", "1991", "--db", db])
        #expect(none.stdout == "# Chronologie\n\nAucun événement ne correspond.\n")
    }

    @Test func exportToAFileIsAtomic() throws {
        let target = folder.path("out.json")
        try Data("previous".utf8).write(to: URL(fileURLWithPath: target))
        let failed = try CLI.run(["export", "--format", "json", "--kind", "nope", "--db", db, "--output", target])
        #expect(failed.status == 64)
        #expect(try folder.bytes("out.json") == Data("previous".utf8), "a failed export leaves the old file")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        #expect(try CLI.run(["export", "--format", "json", "--db", db, "--output", target]).status == 0)
        #expect(try JSONSerialization.jsonObject(with: try folder.bytes("out.json")) is [Any])
    }
}
