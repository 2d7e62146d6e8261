import Foundation
import Testing

@Suite struct ListCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func firstRunCreatesMigratesAndSeedsTheDatabase() throws {
        let nested = folder.path("a/b/timeline.sqlite")
        let result = try CLI.run(["list", "--db", nested])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: nested))
        for expected in ["Sep 2019", "Summer 2021", "Q2 2022", "1 Dec 2022", "31 Dec 2022", "amazon-care-layoff-2022-12-01"] {
            #expect(result.stdout.contains(expected), "table shows \(expected)")
        }
        // Said, so that a mistyped --db is not taken for the user's timeline; once.
        #expect(result.stderr == "timeline: note: there was no database at \(nested), so one was made, with the Amazon Care sample timeline (a timeline without it is started in a new file with `timeline --db NEW-FILE migrate --skip-seeds`).\n",
                "\(result.stderr)")
        let again = try CLI.run(["list", "--db", nested])
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        let export = try CLI.run(["export", "--db", folder.path("typo.sqlite"), "--format", "csv"])
        #expect(export.status == 0 && export.stderr.contains("no database at \(folder.path("typo.sqlite")), so one was made"), "\(export.stderr)")
        // Nothing is said where nothing was kept: a dry run, a failed command, `migrate` (which reports what it applies).
        let dryRun = try CLI.run(["import", "-", "--dry-run", "--db", folder.path("dry.sqlite")], stdin: Data("uid,kind,when,title\nd1,launch,2020,T\n".utf8))
        #expect(dryRun.status == 0 && !dryRun.stderr.contains("so one was made"), "\(dryRun.stderr)")
        let failed = try CLI.run(["list", "--db", folder.path("failed.sqlite"), "--entity", "no-such-entity"])
        #expect(failed.status != 0 && !failed.stderr.contains("so one was made"), "\(failed.stderr)")
        let migrated = try CLI.run(["migrate", "--db", folder.path("migrated.sqlite")])
        #expect(migrated.status == 0 && !migrated.stderr.contains("so one was made"), "\(migrated.stderr)")
    }

    /// An empty file at --db (`touch`ed, or emptied) is made a timeline as a missing one is, and
    /// said so; a failed command or a dry run empties it again, leaving it as it was.
    @Test func anEmptyFileIsMadeATimelineAndLeftEmptyByAFailure() throws {
        let empty = folder.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int ?? -1 }
        let failed = try CLI.run(["add", "--db", empty, "--kind", "lunch", "--date", "2022", "--title", "X"])
        #expect(failed.status == 64)
        let dryRun = try CLI.run(["import", "-", "--dry-run", "--db", empty], stdin: Data("uid,kind,when,title\nd1,launch,2020,T\n".utf8))
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let missing = try CLI.run(["show", "nouid", "--db", empty])
        #expect(missing.status == 66)
        // Commands that need a database there find none, and write nothing into the file.
        let backup = try CLI.run(["backup", folder.path("copy.sqlite"), "--db", empty])
        #expect(backup.status == 66 && backup.stderr.hasPrefix("timeline: there is no database at \(empty) to back up;"), "\(backup.stderr)")
        #expect(try CLI.run(["check", "--db", empty]).status == 66)
        #expect(try size() == 0, "still empty")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("")).filter { $0.hasPrefix("empty.sqlite") } == ["empty.sqlite"])
        let listed = try CLI.run(["list", "--db", empty])
        #expect(listed.status == 0 && listed.stdout.contains("amazon-care-layoff-2022-12-01"))
        #expect(listed.stderr == "timeline: note: the file \(empty) was empty, so a database was made in it, with the Amazon Care sample timeline (a timeline without it is started in a new file with `timeline --db NEW-FILE migrate --skip-seeds`).\n",
                "\(listed.stderr)")
        #expect(try size() > 0)
    }

    /// A file of a byte or a few (`echo > notes.db`) is someone's, not an empty file to make a
    /// database in: every command refuses it and leaves it as it was (SQLite alone would read a
    /// one-byte file as an empty database and write over it).
    @Test(arguments: [["list"], ["import", "{events}", "--dry-run"], ["backup", "{copy}"], ["migrate"], ["check"], ["sql", "SELECT 1"],
                      ["add", "--kind", "launch", "--date", "2020", "--title", "T", "--entity", "E"]])
    func aShortFileIsNoDatabase(arguments: [String]) throws {
        let notes = folder.path("notes.db")
        for content in ["\n", "ab", String(repeating: "x", count: 511)] {
            try content.write(toFile: notes, atomically: false, encoding: .utf8)
            let events = folder.path("e.ndjson")
            try #"{"uid":"e1","kind":"launch","title":"T","when":"2020"}"#.write(toFile: events, atomically: false, encoding: .utf8)
            let given = arguments.map { $0 == "{events}" ? events : $0 == "{copy}" ? folder.path("copy.sqlite") : $0 }
            let refused = try CLI.run(given + ["--db", notes])
            #expect(refused.status == 65 && refused.stderr == "timeline: \(notes) is not an SQLite database.\n", "\(given): \(refused.stderr)")
            #expect(try String(contentsOfFile: notes, encoding: .utf8) == content)
            #expect(!FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
        }
    }

    /// A link at --db to a file not made yet: the database is made where it leads (as SQLite
    /// makes it), and a failed command removes that file, not the user's link.
    /// A page left empty by --offset or --limit 0 says how many events match; a query nothing
    /// matches says so, paged or not.
    @Test func anEmptyPageSaysHowManyEventsMatch() throws {
        func table(_ arguments: [String]) throws -> String { try CLI.run(["list", "--db", db] + arguments).stdout }
        #expect(try table(["--limit", "0"]) == "No events shown: 15 match, and --limit 0 shows none.\n")
        #expect(try table(["--offset", "100"]) == "No events shown: 15 match, and --offset 100 skips them all.\n")
        #expect(try table(["--offset", "2", "--kind", "layoff"]) == "No events shown: 2 match, and --offset 2 skips them all.\n")
        #expect(try table(["--offset", "1", "--kind", "shutdown"]) == "No events shown: 1 matches, and --offset 1 skips it.\n")
        #expect(try table(["--offset", "100", "--lang", "fr"]) == "Aucun événement affiché\u{a0}: 15 correspondent, et --offset 100 les saute tous.\n")
        #expect(try table(["--offset", "40", "--search", "Amazon", "--entity", "amazon", "--related"]).hasPrefix("No events shown: "))
        #expect(try table(["--offset", "40", "--as-of", "2022-12-31"]).hasPrefix("No events shown: "))
        #expect(try table(["--offset", "1", "--from", "2030"]) == "No events match.\n")
        #expect(try table(["--limit", "0", "--from", "2030"]) == "No events match.\n")
        #expect(try table(["--offset", "14"]).split(separator: "\n").count == 3, "the header, its rule and the last event")
        #expect(try CLI.run(["list", "--db", db, "--offset", "100", "--format", "csv"]).stdout.split(separator: "\n").count == 1, "a header only")
    }

    @Test func aFailureRemovesTheFileALinkLedTo() throws {
        let target = folder.path("t/real.sqlite"), link = folder.path("link.sqlite")
        try FileManager.default.createDirectory(atPath: folder.path("t"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let failed = try CLI.run(["add", "--db", link, "--kind", "lunch", "--date", "2022", "--title", "X"])
        #expect(failed.status == 64)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "the link stays")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("t")).isEmpty, "no journal either")
        let listed = try CLI.run(["list", "--db", link])
        #expect(listed.status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func databaseComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        let fromVariable = try CLI.run(["list", "--format", "tsv"], environment: ["TIMELINE_DB": db])
        #expect(fromVariable.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))

        let xdg = try CLI.run(["list"], environment: ["XDG_DATA_HOME": folder.path("xdg")])
        #expect(xdg.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("xdg/timeline/timeline.sqlite")))

        let home = try CLI.run(["list"], environment: ["HOME": folder.path("home")])
        #expect(home.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("home/.local/share/timeline/timeline.sqlite")))
    }

    @Test func rangeWithPartialDatesAndKind() throws {
        let result = try CLI.run(["list", "--db", db, "--from", "2022-07", "--to", "2022", "--kind", "layoff", "--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("uid\tkind\tstatus\twhen\tearliest\tlatest\tprecision") == true)
        #expect(lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[0] }
            == ["amazon-care-layoff-2022-12-01", "care-medical-layoff-2022-12-01"])
    }

    /// Kinds and statuses are found in any case (and a kind with spaces for hyphens), in
    /// filters, in add and in an imported spreadsheet; an unknown one is still refused.
    @Test func kindsAndStatusesInAnyCase() throws {
        let plain = try CLI.run(["list", "--db", db, "--kind", "layoff", "--status", "planned", "--format", "tsv"]).stdout
        #expect(plain.split(separator: "\n").count > 1)
        #expect(try CLI.run(["list", "--db", db, "--kind", "Layoff", "--status", "PLANNED", "--format", "tsv"]).stdout == plain)
        #expect(try CLI.run(["list", "--db", db, "--kind", "Layoff", "--status", "Planned", "--format", "tsv", "--limit", "100"]).stdout == plain,
                "the full parser too")
        let added = try CLI.run(["add", "--db", db, "--kind", "Headcount Change", "--status", "Considered", "--title", "T", "--date", "2030", "--entity", "Acme"])
        #expect(added.stdout == "Added acme-headcount-change-2030\n", "\(added.stderr)")
        let csv = folder.path("k.csv")
        try "kind,status,title,when\nLayoff,Planned,Cuts,2031\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", csv, "--db", db]).status == 0)
        let imported = try CLI.run(["list", "--db", db, "--from", "2030", "--format", "tsv"]).stdout
        #expect(imported.contains("\theadcount-change\tconsidered\t") && imported.contains("\tlayoff\tplanned\t"), "\(imported)")
        #expect(try CLI.run(["list", "--db", db, "--kind", "Layof"]).status == 64)
        #expect(try CLI.run(["list", "--db", db, "--status", " Planned ", "--kind", "layoff", "--format", "tsv"]).stdout
                == CLI.run(["list", "--db", db, "--status", "planned", "--kind", "layoff", "--format", "tsv"]).stdout)
        // The same record with its kind in capitals is the same record, not a second event.
        try "kind,title,when,entity\nlayoff,Hash test,2023,Hco\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", csv, "--db", db]).stdout.contains("1 added"))
        try "kind,title,when,entity\nLayoff,Hash test,2023,Hco\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let again = try CLI.run(["import", csv, "--db", db])
        #expect(again.stdout.contains("0 added, 0 updated, 1 unchanged"), "\(again.stdout)\(again.stderr)")
    }

    @Test func quarterBoundsAndWithin() throws {
        let overlapping = try CLI.run(["list", "--db", db, "--from", "2022-Q3", "--to", "2022-Q3", "--format", "tsv"])
        #expect(overlapping.stdout.contains("amazon-care-expansion-2022\t"), "the whole-2022 expansion overlaps Q3")
        let within = try CLI.run(["list", "--db", db, "--from", "2022-Q3", "--to", "2022-Q3", "--within", "--format", "tsv"])
        #expect(!within.stdout.contains("amazon-care-expansion-2022\t"))
        #expect(within.stdout.contains("amazon-one-medical-acquisition-agreement-2022-07-20"))
    }

    @Test func entityByNameIsRepeatable() throws {
        let result = try CLI.run(["list", "--db", db, "--entity", "Care Medical", "--entity", "hilton", "--format", "ndjson"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 2)
    }

    /// A name or alias written without its accents (or with other punctuation) finds the entity
    /// when nothing answers to it as written, after a rename too.
    @Test func entityByNameWithoutItsAccents() throws {
        #expect(try CLI.run(["entities", "edit", "care-medical", "--db", db, "--name", "Éclair Médical", "--alias", "Soins à Domicile"]).status == 0)
        for name in ["Eclair Medical", "ECLAIR-MEDICAL", "eclair médical", "Soins a domicile", "Care Medical"] {
            let result = try CLI.run(["list", "--db", db, "--entity", name, "--format", "tsv"])
            #expect(result.status == 0 && result.stdout.contains("\ncare-medical-layoff-2022-12-01\t"), "\(name): \(result.stderr)")
        }
        #expect(try CLI.run(["list", "--db", db, "--entity", "Eclair Medic"]).status == 64)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let result = try CLI.run(["list", "--db", db, "--format", "json"])
        #expect(result.status == 0)
        let events = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(events.count == 15)
        for field in ["uid", "kind", "status", "title", "when", "earliest", "latest", "precision", "announced", "entities", "measures", "sources"] {
            #expect(events.allSatisfy { $0.keys.contains(field) }, "field \(field)")
        }
        let headcount = try #require(events.first { $0["uid"] as? String == "amazon-headcount-change-2022-q2" })
        #expect(headcount["when"] as? String == "2022-34")
        #expect(headcount["earliest"] as? String == "2022-04-01")
        #expect(headcount["latest"] as? String == "2022-06-30")
        #expect(headcount["precision"] as? String == "quarter")
        #expect(headcount["announced"] as? String == "2022-07-28")
        let measures = try #require(headcount["measures"] as? [[String: Any]])
        #expect(measures.contains { $0["value"] as? String == "-99000" })
    }

    @Test func csvAndMarkdownFormats() throws {
        let csv = try CLI.run(["list", "--db", db, "--format", "csv", "--limit", "1"])
        #expect(csv.stdout.hasPrefix("uid,kind,status,when,"))
        #expect(csv.stdout.contains("amazon-care-launch-2019-09,launch,occurred,2019-09,2019-09-01,2019-09-30,month"))
        let markdown = try CLI.run(["list", "--db", db, "--format", "markdown", "--limit", "1"])
        #expect(markdown.stdout.hasPrefix("| When | Announced | Kind |"))
        #expect(markdown.stdout.contains("| Sep 2019 |"))
        // --lang applies where dates are written for reading; the machine formats refuse it.
        let french = try CLI.run(["list", "--db", db, "--format", "markdown", "--limit", "1", "--lang", "fr"])
        #expect(french.stdout.hasPrefix("| Date | Annoncé | Type | Statut | Titre | Chiffres | UID |\n"), "\(french.stdout)")
        #expect(french.stdout.contains("| sept. 2019 |  | launch | a eu lieu |"), "\(french.stdout)")
        let refused = try CLI.run(["list", "--db", db, "--format", "csv", "--lang", "fr"])
        #expect(refused.status == 64 && refused.stdout.isEmpty)
        #expect(refused.stderr == "timeline: --lang applies to --format table and markdown only (the other formats write dates in EDTF and ISO).\n")
    }

    /// `--lang fr` gives the table's headings, statuses and dates in French; kinds stay the names
    /// `--kind` takes.
    @Test func theTableInFrench() throws {
        let french = try CLI.run(["list", "--db", db, "--kind", "layoff", "--lang", "fr"])
        #expect(french.status == 0, "\(french.stderr)")
        let lines = french.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true)
            == ["Date", "Annoncé", "Type", "Statut", "Titre", "Chiffres", "UID"], "\(french.stdout)")
        #expect(lines.contains { $0.hasPrefix("1er déc. 2022  8 sept. 2022  layoff  prévu ") }, "\(french.stdout)")
        let none = try CLI.run(["list", "--db", db, "--from", "1990", "--to", "1991", "--lang", "fr"])
        #expect(none.stdout == "Aucun événement ne correspond.\n")
        let english = try CLI.run(["list", "--db", db, "--kind", "layoff"])
        #expect(english.stdout.hasPrefix("When "), "\(english.stdout)")
        #expect(english.stdout.contains("  layoff  planned "), "\(english.stdout)")
        // The table gives two figures an event, and says how many more `show` has.
        let three = try CLI.run(["list", "--db", db, "--kind", "headcount-change"])
        #expect(three.stdout.contains("headcount change: -99,000 people; headcount: 1,622,000 people; and 1 more  "), "\(three.stdout)")
        let trois = try CLI.run(["list", "--db", db, "--kind", "headcount-change", "--lang", "fr"])
        #expect(trois.stdout.contains("; et 1 de plus  "), "\(trois.stdout)")
    }

    @Test func unknownKindIsAUsageErrorAndChangesNothing() throws {
        try CLI.run(["list", "--db", db])
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["list", "--db", db, "--kind", "layofs"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown kind 'layofs'"))
        #expect(result.stderr.contains("layoff"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    @Test func unknownEntityIsAUsageError() throws {
        let result = try CLI.run(["list", "--db", db, "--entity", "nobody"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown entity 'nobody'"))
        #expect(result.stderr.contains("amazon-care"))
        // Of a few, the one meant first, then all; a word of a longer name finds it.
        for (typed, meant) in [("amazn-car", "amazon-care"), ("Amazon Car", "amazon-care"), ("one", "one-medical")] {
            let close = try CLI.run(["list", "--db", db, "--entity", typed])
            #expect(close.status == 64 && close.stderr.hasPrefix("timeline: unknown entity '\(typed)' in --entity; did you mean \(meant)")
                    && close.stderr.contains("? (known entities: amazon, amazon-care,"), "\(close.stderr)")
        }
    }

    /// A kind, status or quantity mistyped in a filter names the one meant (a word of a longer
    /// name too), then the known ones; a mark is not taken for a typo of another.
    @Test func aMistypedKindStatusOrQuantityNamesTheOneMeant() throws {
        for (arguments, expected) in [
            (["list", "--kind", "layof"], "unknown kind 'layof' in --kind; did you mean layoff? (known kinds: acquisition,"),
            (["list", "--kind", "Layoffs"], "unknown kind 'Layoffs' in --kind; did you mean layoff? (known kinds:"),
            (["stats", "--kind", "lay off"], "unknown kind 'lay off' in --kind; did you mean layoff? (known kinds:"),
            (["list", "--status", "occured"], "--status 'occured' is not one of occurred, planned, considered, cancelled (did you mean 'occurred'?)"),
            (["stats", "--sum", "positions", "--by", "year"], "no figure in this timeline counts 'positions'; did you mean positions-cut? (known quantities:"),
        ] as [([String], String)] {
            let result = try CLI.run(arguments + ["--db", db])
            #expect(result.status == 64 && result.stderr.hasPrefix("timeline: " + expected), "\(arguments): \(result.stderr)")
        }
    }

    /// Of thousands of entities the message names the few close to the one asked for, not all.
    @Test func anUnknownEntityAmongManyGetsSuggestions() throws {
        let lines = (1...40).map { #"{"kind":"launch","title":"t","when":"2020","entities":["Company \#($0)"],"tags":["tag-\#($0)"]}"# }
        let path = folder.path("many.ndjson")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", path, "--db", db]).status == 0)
        let close = try CLI.run(["list", "--db", db, "--entity", "Compnay 17"])
        #expect(close.status == 64)
        #expect(close.stderr == "timeline: unknown entity 'Compnay 17' in --entity; did you mean company-17? (`timeline entities` lists all 50).\n")
        let far = try CLI.run(["list", "--db", db, "--entity", "zzz"])
        #expect(far.stderr == "timeline: unknown entity 'zzz' in --entity; `timeline entities` lists all 50.\n")
        // A word of a longer name, or of an alias, finds the entity too.
        for (word, entity) in [("1life", "one-medical"), ("lindsay", "neil-lindsay"), ("1Life Healthcar", "one-medical")] {
            let result = try CLI.run(["list", "--db", db, "--entity", word])
            #expect(result.stderr == "timeline: unknown entity '\(word)' in --entity; did you mean \(entity)? (`timeline entities` lists all 50).\n")
        }
        // Tags too.
        let tag = try CLI.run(["list", "--db", db, "--tag", "tagg-23"])
        #expect(tag.stderr.hasPrefix("timeline: unknown tag 'tagg-23' in --tag; did you mean tag-23? (`timeline sql"), "\(tag.stderr)")
        // A timeline without any says so, rather than listing none.
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["list", "--db", empty, "--tag", "nope"]).stderr == "timeline: unknown tag 'nope' in --tag; the timeline has no tags yet.\n")
    }

    /// `--tag` finds a tag whatever its case, accents or punctuation (`SANTÉ`, `sante`, `warn notice`),
    /// in `list`, `stats` and `export` alike.
    @Test func tagsMatchWhateverTheirCaseAndAccents() throws {
        let lines = [
            #"{"uid":"t1","kind":"launch","title":"Ouverture","when":"2020","tags":["santé"]}"#,
            #"{"uid":"t2","kind":"launch","title":"Fermeture","when":"2021","tags":["Warn-Notice"]}"#,
            #"{"uid":"t3","kind":"launch","title":"Autre","when":"2022","tags":["sport"]}"#,
        ]
        let db = folder.path("tags.sqlite")
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let path = folder.path("tags.ndjson")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", path, "--db", db]).status == 0)
        for (tag, uid) in [("santé", "t1"), ("SANTÉ", "t1"), ("sante", "t1"), ("Santé", "t1"), ("warn notice", "t2"), ("WARN-NOTICE", "t2")] {
            let listed = try CLI.run(["list", "--db", db, "--tag", tag, "--format", "tsv"])
            let uids = listed.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "\t" } }
            #expect(listed.status == 0 && uids == [Substring(uid)], "--tag \(tag): \(listed.stdout)\(listed.stderr)")
        }
        let stats = try CLI.run(["stats", "--db", db, "--tag", "SANTE", "--by", "year", "--format", "csv"])
        #expect(stats.status == 0 && stats.stdout.contains("2020,1"), "\(stats.stdout)\(stats.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--tag", "santes"]).status == 64)
    }

    /// Control characters in stored text are drawn, not sent to the terminal, by the table and
    /// `show`; the machine formats keep the text as it is.
    @Test func tableAndShowDrawControlCharacters() throws {
        let line = #"{"uid":"esc","kind":"launch","when":"2020","title":"\u001b]0;pwned\u0007\u001b[31mRED\u009b","summary":"one\r\ntwo"}"#
        try line.write(toFile: folder.path("esc.ndjson"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", folder.path("esc.ndjson"), "--db", db]).status == 0)
        let table = try CLI.run(["list", "--db", db, "--from", "2020", "--to", "2020"]).stdout
        let shown = try CLI.run(["show", "esc", "--db", db]).stdout
        for text in [table, shown] {
            #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }, "\(text.debugDescription)")
            #expect(text.contains("\u{241B}]0;pwned\u{2407}\u{241B}[31mRED\u{FFFD}"), "\(text.debugDescription)")
        }
        #expect(shown.contains("  one\n  two\n"))
        // Error messages quote what the timeline or the command line holds: drawn there too.
        let unknown = try CLI.run(["list", "--db", db, "--kind", "\u{1B}]0;pwned\u{07}"])
        #expect(unknown.status == 64 && unknown.stderr.hasPrefix("timeline: unknown kind '\u{241B}]0;pwned\u{2407}'"), "\(unknown.stderr.debugDescription)")
        let json = try CLI.run(["show", "esc", "--db", db, "--format", "json"]).stdout
        #expect(json.contains(#"\u001b]0;pwned"#), "\(json)")

        // A right-to-left override would print the rest of the row backwards; typographic
        // quotes and dashes, whose first byte it shares, and Arabic text stay as they are.
        let bidi = #"{"uid":"rtl","kind":"launch","when":"2021","title":"l’offre – \u202eevil\u202c, \u2067x\u2069 et مرحبا"}"#
        try bidi.write(toFile: folder.path("rtl.ndjson"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", folder.path("rtl.ndjson"), "--db", db]).status == 0)
        let rows = try CLI.run(["list", "--db", db, "--from", "2021", "--to", "2021"]).stdout
        #expect(rows.contains("l’offre – \u{FFFD}evil\u{FFFD}, \u{FFFD}x\u{FFFD} et مرحبا"), "\(rows.debugDescription)")
        let raw = try CLI.run(["list", "--db", db, "--from", "2021", "--to", "2021", "--format", "tsv"]).stdout
        #expect(raw.contains("\u{202E}evil\u{202C}"), "the machine formats keep them")
    }

    @Test func impossibleDateIsAnErrorNamingTheInput() throws {
        let result = try CLI.run(["list", "--db", db, "--from", "2022-02-30"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--from"))
        #expect(result.stderr.contains("2022-02-30"))
    }

    @Test func badLimitIsAUsageError() throws {
        let result = try CLI.run(["list", "--db", db, "--limit", "-1"])
        #expect(result.status == 64)
    }

    @Test func builtBinaryWorksAloneFromAnotherFolder() throws {
        let copy = folder.url.appendingPathComponent("bin/timeline")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.executable, to: copy)
        let elsewhere = folder.url.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        // Another test's process, forked while the copy was written, may hold it open for a moment
        // (it inherits the descriptor until its exec): running the copy is then "text file busy".
        var attempt = 0
        var run: CLIResult?
        while run == nil {
            do {
                run = try CLI.run(["list", "--db", "here.sqlite", "--format", "tsv"], executable: copy, currentDirectory: elsewhere)
            } catch let error as NSError where attempt < 50 && (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.code == Int(ETXTBSY) {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        let result = try #require(run)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 16)
    }

    @Test func notADatabaseIsBadDataAndUntouched() throws {
        let path = folder.path("notes.txt")
        try Data("just some text, not SQLite\n".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CLI.run(["list", "--db", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("not an SQLite database"))
        #expect(try folder.bytes("notes.txt") == Data("just some text, not SQLite\n".utf8))
    }

    /// Another application's SQLite file is not made a timeline: every command that would
    /// migrate it refuses it as bad data and leaves its bytes as they were; `sql` still reads it.
    @Test func anotherApplicationsDatabaseIsRefusedAndUntouched() throws {
        for (name, schema) in [("app.sqlite", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'alice'); PRAGMA user_version = 7;"),
                               ("other-history.sqlite", "CREATE TABLE schema_migrations (id INTEGER, applied TEXT);")] {
            let path = folder.path(name)
            #expect(try CLI.shell("sqlite3 '\(path)' \"\(schema)\"").status == 0)
            let before = try folder.bytes(name)
            for command in [["list"], ["add", "--kind", "launch", "--date", "2020", "--title", "x"], ["migrate"], ["migrate", "status"], ["stats"],
                            ["check", "--repair-lists"]] {
                let result = try CLI.run(command + ["--db", path])
                #expect(result.status == 65, "\(command): \(result.stderr)")
                #expect(result.stderr.contains("with tables or views of its own") && result.stderr.contains("belongs to another application"), "\(result.stderr)")
            }
            #expect(try folder.bytes(name) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
        let read = try CLI.run(["sql", "--db", folder.path("app.sqlite"), "SELECT name FROM users"])
        #expect(read.status == 0 && read.stdout.contains("alice"), "\(read.stderr)")
    }

    @Test func aFolderIsNotADatabase() throws {
        let result = try CLI.run(["list", "--db", folder.url.path])
        #expect(result.status == 73)
        #expect(result.stderr.contains("is a folder"))
    }

    @Test func helpExplainsTheCommand() throws {
        let result = try CLI.run(["list", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--within"))
        #expect(result.stdout.contains("Examples"))
        // The matching rules a user would otherwise guess at.
        let flat = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains("whatever its case, accents or punctuation (sante finds santé)") && flat.contains("Eclair finds Éclair"), "\(flat)")
        let date = try CLI.run(["help", "date"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(date.contains("early December 2022 (days 1-10, approximate)") && date.contains("late 2022 or early 2023"))
        let stats = try CLI.run(["help", "stats"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(stats.contains("one figure an event for each entity and unit"), "\(stats)")
    }
}
