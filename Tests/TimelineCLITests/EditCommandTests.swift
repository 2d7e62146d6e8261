import Foundation
import Testing

@Suite struct EditCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    func show(_ uid: String) throws -> [String: Any] {
        let result = try CLI.run(["show", uid, "--db", db, "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// An event typed in with `add` that an imported one (uid with a content hash) already has by
    /// main entity, kind and date is named in a note, as a numbered uid's earlier event is.
    /// A write command whose confirmation cannot be written (stdout on a full disk) exits 74, but
    /// says its change was saved; a database it made stays, with the change.
    @Test func aConfirmationThatCannotBeWrittenSaysTheChangeWasSaved() throws {
        let made = folder.path("made.sqlite")
        let timeline = CLI.executable.path
        func run(_ arguments: String) throws -> CLIResult {
            try CLI.shell("'\(timeline)' --db '\(made)' \(arguments) > /dev/full")
        }
        let added = try run("add --kind launch --date 2020 --title X --entity A --uid fx")
        #expect(added.status == 74)
        #expect(added.stderr.hasSuffix("timeline: fx was added, but writing standard output failed: No space left on device.\n"), "\(added.stderr)")
        #expect(try CLI.run(["show", "fx", "--db", made]).status == 0, "the new database stays, with the event")
        let edited = try run("edit fx --title Y")
        #expect(edited.status == 74 && edited.stderr == "timeline: the change to fx was saved, but writing standard output failed: No space left on device.\n")
        let imported = try CLI.shell("printf 'uid,kind,when,title\\nq,launch,2020,T\\n' | '\(timeline)' --db '\(made)' import - > /dev/full")
        #expect(imported.status == 74 && imported.stderr == "timeline: the import was saved, but writing standard output failed: No space left on device.\n",
                "\(imported.stderr)")
        let again = try CLI.shell("printf 'uid,kind,when,title\\nq,launch,2020,T\\n' | '\(timeline)' --db '\(made)' import - > /dev/full")
        #expect(again.stderr == "timeline: the import changed nothing, but writing standard output failed: No space left on device.\n", "\(again.stderr)")
        let removed = try run("remove fx")
        #expect(removed.status == 74 && removed.stderr == "timeline: fx was removed, but writing standard output failed: No space left on device.\n")
        #expect(try CLI.run(["show", "q", "--db", made]).status == 0)
        #expect(try CLI.run(["show", "fx", "--db", made]).status == 66)
        let entity = try run("entities edit amazon --description 'The retailer'")
        #expect(entity.status == 74 && entity.stderr == "timeline: the change to amazon was saved, but writing standard output failed: No space left on device.\n",
                "\(entity.stderr)")
        let merged = try run("entities merge 'Neil Lindsay' amazon-health-services")
        #expect(merged.status == 74 && merged.stderr.hasPrefix("timeline: neil-lindsay was merged into amazon-health-services, but "), "\(merged.stderr)")
    }

    /// `migrate` and `backup` whose report cannot be written say that their work was done, as the
    /// edit commands do; a file write past `ulimit -f` is an error (74), not death by SIGXFSZ.
    @Test func migrateAndBackupSayTheirWorkWasDoneWhenTheirReportIsLost() throws {
        let made = folder.path("made.sqlite")
        let timeline = CLI.executable.path
        let migrated = try CLI.shell("'\(timeline)' --db '\(made)' migrate > /dev/full")
        #expect(migrated.status == 74)
        #expect(migrated.stderr == "timeline: the migrations were applied, but writing standard output failed: No space left on device.\n", "\(migrated.stderr)")
        #expect(try CLI.run(["migrate", "status", "--db", made]).stdout.contains("applied"))
        let copy = folder.path("copy.sqlite")
        let backedUp = try CLI.shell("'\(timeline)' --db '\(made)' backup '\(copy)' > /dev/full")
        #expect(backedUp.status == 74)
        #expect(backedUp.stderr == "timeline: the backup \(copy) was written, but writing standard output failed: No space left on device.\n", "\(backedUp.stderr)")
        #expect(try CLI.run(["list", "--db", copy, "--format", "tsv"]).stdout.split(separator: "\n").count == 16)
        // 40 KB: the sample's page (about 60 KB) is more, its database's -shm less. Run with SIGXFSZ
        // at its default and unblocked (this process's children have it blocked), as from a shell.
        let script = "import os, signal, resource, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); "
            + "signal.signal(signal.SIGXFSZ, signal.SIG_DFL); resource.setrlimit(resource.RLIMIT_FSIZE, (40960, 40960)); "
            + "os.execv(sys.argv[1], sys.argv[1:])"
        let limited = try CLI.run(["-c", script, timeline, "--db", made, "export", "--format", "html", "--output", folder.path("big.html")],
                                  executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(limited.status == 74)
        #expect(limited.stderr == "timeline: writing \(folder.path("big.html")) failed: File too large.\n", "\(limited.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("big.html") }
        #expect(left.isEmpty, "no partial export: \(left)")
        // The database itself past the limit: SQLite's "disk I/O error" with the system's cause.
        let events = try ReliabilityData.ndjson(count: 3_000, in: folder)
        let before = try folder.bytes("made.sqlite")
        let grown = try CLI.run(["-c", script.replacingOccurrences(of: "40960, 40960", with: "400000, 400000"), timeline, "--db", made, "import", events],
                                executable: URL(fileURLWithPath: "/usr/bin/python3"))
        #expect(grown.status == 74)
        #expect(grown.stderr == "timeline: reading or writing \(made) failed: disk I/O error (File too large).\n", "\(grown.stderr)")
        #expect(try folder.bytes("made.sqlite") == before)
    }

    @Test func addNamesAnImportedEventWithTheSameMainEntityKindAndDate() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let csv = folder.path("closing.csv")
        try "kind,when,title,entity\nshutdown,2022-12-01,Eclair closes Bordeaux,Epicerie Eclair\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", csv, "--db", db]).status == 0)
        let imported = try #require(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout.split(separator: "\n").dropFirst().first?
            .split(separator: "\t").first.map(String.init))
        let added = try CLI.run(["add", "--db", db, "--kind", "shutdown", "--date", "1 Dec 2022", "--title", "Éclair ferme Bordeaux",
                                 "--entity", "Epicerie Eclair"])
        #expect(added.stdout == "Added epicerie-eclair-shutdown-2022-12-01\n")
        #expect(added.stderr == "timeline: note: \(imported), imported, has the same main entity, kind and date (`timeline show \(imported)`); "
                + "if epicerie-eclair-shutdown-2022-12-01 repeats it, `timeline remove epicerie-eclair-shutdown-2022-12-01` takes it back.\n",
                "\(added.stderr)")
        let other = try CLI.run(["add", "--db", db, "--kind", "shutdown", "--date", "2 Dec 2022", "--title", "Another", "--entity", "Epicerie Eclair"])
        #expect(other.status == 0 && other.stderr.isEmpty, "\(other.stderr)")
    }

    /// A date written without a year, as an article writes it (`mi-mars`, `le 3 janvier`), takes
    /// the nearest such day to the cited source's publication date: --published, else the one the
    /// timeline holds for the source; with neither, the error says what would give it one.
    @Test func aDateWithoutAYearTakesItFromTheCitedSource() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let first = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "mi-mars", "--title", "Coupes", "--entity", "Nébula",
                                 "--source", "https://exemple.fr/a", "--published", "2021-04-02"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try show("nebula-layoff-2021-03-11-2021-03-20")["when"] as? String == "2021-03-11~/2021-03-20~")
        let again = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "le 3 janvier", "--title", "Lancement", "--entity", "Nébula",
                                 "--source", "https://exemple.fr/a", "--announced", "30 décembre"])
        #expect(again.stdout == "Added nebula-launch-2021-01-03\n", "\(again.stderr)")
        #expect(try show("nebula-launch-2021-01-03")["announced"] as? String == "2020-12-30",
                "the nearest 30 December to 2 April 2021")
        let none = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "3 janvier", "--title", "Sans source", "--entity", "Nébula"])
        #expect(none.status == 64)
        #expect(none.stderr == "timeline: --date '3 janvier' has no year: write one, or cite a source with --published to take it from.\n", "\(none.stderr)")
        // An announcement is on or before the article: the event may come after it.
        let announced = try CLI.run(["add", "--db", db, "--uid", "ann", "--kind", "launch", "--date", "le 3 janvier", "--announced", "3 janvier",
                                     "--title", "Annonce", "--entity", "Nébula", "--source", "https://exemple.fr/z", "--published", "2022-09-12"])
        #expect(announced.status == 0, "\(announced.stderr)")
        #expect(try show("ann")["when"] as? String == "2023-01-03" && show("ann")["announced"] as? String == "2022-01-03")
        // A source the timeline has keeps its date: a --published not applied gives no year.
        let known = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "mi-avril", "--title", "Connue", "--entity", "Nébula",
                                 "--source", "https://exemple.fr/a", "--published", "2010-01-01"])
        #expect(known.stdout == "Added nebula-launch-2021-04-11-2021-04-20\n", "\(known.stdout)\(known.stderr)")
        let bad = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "35 janvier", "--title", "Faux", "--entity", "Nébula",
                               "--source", "https://exemple.fr/a"])
        #expect(bad.status == 64 && bad.stderr.contains("'35 janvier' is not a valid date"), "an impossible day keeps its own error: \(bad.stderr)")
    }

    /// A figure given with another source stands beside the first source's figure of that
    /// quantity, and replaces (or, with QUANTITY=, removes) only its own source's; without a
    /// source, the quantity's figures are replaced or removed together.
    @Test func aSecondSourcesFigureStandsBesideTheFirst() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        func figures() throws -> [String] {
            try (show("acq")["measures"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? "")@\($0["source"] as? String ?? "-")" }
        }
        #expect(try CLI.run(["add", "--db", db, "--uid", "acq", "--kind", "acquisition", "--title", "Rachat", "--date", "2023-03",
                             "--entity", "Nébula", "--measure", "deal-value=45000000:EUR", "--source", "https://a.example/1",
                             "--publisher", "A", "--published", "2023-03-02"]).status == 0)
        let contradicted = try CLI.run(["edit", "acq", "--db", db, "--source", "https://b.example/2", "--publisher", "B", "--published", "2023-03-05",
                                        "--stance", "contradicts", "--measure", "deal-value=52000000:EUR"])
        #expect(contradicted.status == 0, "\(contradicted.stderr)")
        #expect(try figures() == ["45000000@a-2023-03-02", "52000000@b-2023-03-05"])
        let stances = { try (self.show("acq")["sources"] as? [[String: Any]] ?? []).map { "\($0["key"] ?? "") \($0["stance"] ?? "")" } }
        #expect(try stances() == ["a-2023-03-02 supports", "b-2023-03-05 contradicts"])
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "https://b.example/2", "--measure", "deal-value=53000000:EUR"]).status == 0)
        #expect(try figures() == ["45000000@a-2023-03-02", "53000000@b-2023-03-05"], "B's figure replaced, A's kept")
        #expect(try stances() == ["a-2023-03-02 supports", "b-2023-03-05 contradicts"], "a bare --source the event cites is that citation")
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "b-2023-03-05", "--measure", "deal-value=45000000:EUR"]).status == 0)
        #expect(try figures() == ["45000000@a-2023-03-02"], "B restating A's number is A's figure, once")
        #expect(try CLI.run(["edit", "acq", "--db", db, "--measure", "deal-value=60000000:EUR"]).status == 0)
        #expect(try figures() == ["60000000@-"], "without a source, the quantity's figures are replaced")
        // With a source, the quantity's figure that cited none is replaced: named, as a
        // contradicting source's figure would otherwise take its place unseen.
        let sourced = try CLI.run(["edit", "acq", "--db", db, "--source", "https://a.example/1", "--measure", "deal-value=45000000:EUR"])
        #expect(sourced.status == 0 && sourced.stderr == "timeline: note: --measure with --source replaces the figures of its quantity from that source "
                + "and from none, so acq no longer has deal-value 60,000,000 EUR, which cited no source; a figure kept beside a source's needs a source "
                + "of its own (`timeline history acq` shows what was there; --measure deal-value=… --source ITS-SOURCE gives it back).\n", "\(sourced.stderr)")
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "https://b.example/2", "--measure", "deal-value=52000000:EUR"]).status == 0)
        #expect(try figures() == ["45000000@a-2023-03-02", "52000000@b-2023-03-05"])
        // QUANTITY= with a source removes that source's figures only, as a figure given with one replaces only those.
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "https://b.example/2", "--measure", "deal-value="]).status == 0)
        #expect(try figures() == ["45000000@a-2023-03-02"], "B's figure removed, A's kept")
        let none = try CLI.run(["edit", "acq", "--db", db, "--source", "b-2023-03-05", "--measure", "deal-value="])
        #expect(none.status == 64 && none.stderr.contains("the event has none; its figures of deal-value come from a-2023-03-02"), "\(none.stderr)")
        #expect(try figures() == ["45000000@a-2023-03-02"])
        // A figure given without a source replaces the quantity's figures from every source: named.
        let replaced = try CLI.run(["edit", "acq", "--db", db, "--measure", "deal-value=46000000:EUR"])
        #expect(replaced.status == 0)
        #expect(replaced.stderr == "timeline: note: --measure without --source replaced the figures of its quantity from every source, so acq no longer has "
                + "deal-value 45,000,000 EUR from a-2023-03-02; give --source with --measure to replace one source's figures only "
                + "(`timeline history acq` shows what was there; --measure deal-value=… --source a-2023-03-02 gives it back).\n", "\(replaced.stderr)")
        // An unsourced figure replaced so is no news, nor is a removal asked for.
        #expect(try CLI.run(["edit", "acq", "--db", db, "--measure", "deal-value=2:EUR"]).stderr.isEmpty)
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "https://a.example/1", "--measure", "deal-value=45000000:EUR"]).status == 0)
        let all = try CLI.run(["edit", "acq", "--db", db, "--measure", "deal-value="])
        #expect(all.status == 0 && all.stderr.isEmpty, "\(all.stderr)")
        #expect(try figures().isEmpty, "without a source, QUANTITY= removes them all")
        // A removal asked for beside another quantity's figure given is not named either; the new
        // quantity's figure, which cites no source while the event cites two, is.
        #expect(try CLI.run(["edit", "acq", "--db", db, "--source", "https://a.example/1", "--measure", "deal-value=45000000:EUR"]).status == 0)
        let beside = try CLI.run(["edit", "acq", "--db", db, "--measure", "deal-value=", "--measure", "stake=100:percent"])
        #expect(beside.status == 0 && beside.stderr == "timeline: note: the new figure stake 100 percent of acq cites no source, while the event cites "
                + "a-2023-03-02, b-2023-03-05; `timeline edit acq --measure stake=… --source a-2023-03-02` gives it its source.\n", "\(beside.stderr)")
        #expect(try figures() == ["100@-"])
    }

    /// `--measure` takes the words and spaced thousands a figure column does; a comma, which could
    /// be either mark, is refused with what to write.
    @Test func measureTakesWordsAndSpacedThousands() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--uid", "m", "--kind", "layoff", "--title", "T", "--date", "2020", "--entity", "Acme",
                                 "--measure", "jobs=environ 1 200:person", "--measure", "offices=at least 3:office"])
        #expect(added.status == 0, "\(added.stderr)")
        let figures = try #require(try show("m")["measures"] as? [[String: Any]])
        #expect(figures.map { "\($0["value"] ?? "") \($0["approximate"] ?? "") \($0["qualifier"] as? String ?? "-")" } == ["1200 1 -", "3 0 at-least"], "\(figures)")
        // A comma that groups no thousands is a decimal comma, as French writes it.
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "debt=1,3:EUR", "--measure", "share=~0,15:fraction"]).status == 0)
        let french = try #require(try show("m")["measures"] as? [[String: Any]]).filter { ["debt", "share"].contains($0["quantity"] as? String) }
        #expect(french.map { "\($0["quantity"]!) \($0["value"]!)" } == ["debt 1.3", "share 0.15"], "\(french)")
        let odd = try CLI.run(["edit", "m", "--db", db, "--measure", "debt=1,5e3:EUR"])
        #expect(odd.stderr.contains("'1,5e3', which is not an exact decimal number (digits with one decimal mark, '.' or ',' (1.5 or 1,5), thousands grouped by spaces if at all (1 200))"), "\(odd.stderr)")
        let accented = try CLI.run(["edit", "m", "--db", db, "--measure", "salariés-concernés=10:salarié"])
        #expect(accented.status == 64 && accented.stderr.contains("has a quantity that is not lowercase ASCII letters, digits and '-' (as in 'salaries-concernes')"), "\(accented.stderr)")
        let comma = try CLI.run(["edit", "m", "--db", db, "--measure", "debt=1,200:EUR"])
        #expect(comma.status == 64 && comma.stderr.contains("'1,200', which is not an exact decimal number (a comma before three digits could be a decimal mark or group thousands: write 1200, 1 200 or 1.2)"),
                "\(comma.stderr)")
        // People come whole: `3,870` of them can only be thousands grouped, as English prints them.
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "riders=3,870:Person", "--measure", "jobs=c. 1,500:jobs"]).status == 0)
        let whole = try #require(try show("m")["measures"] as? [[String: Any]]).filter { ["riders", "jobs"].contains($0["quantity"] as? String) }
        #expect(whole.map { "\($0["quantity"]!) \($0["value"]!) \($0["approximate"] as? Bool == true)" } == ["jobs 1500 true", "riders 3870 false"], "\(whole)")
    }

    /// Money as papers write it: `£1.2m`, `$450k`, `GBP 5,000`, `(£5,000)`; a sign or code of one
    /// currency gives the unit; `m` of a length is refused, not read as millions.
    @Test func measureTakesMoneyAsPapersWriteIt() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--uid", "m", "--kind", "funding", "--title", "T", "--date", "2020", "--entity", "Acme",
                                 "--measure", "raised=£1.2m", "--measure", "valuation=$1.2bn:USD", "--measure", "loss=(£5,000):GBP",
                                 "--measure", "fee=5000 CHF", "--measure", "users=1.5 million:person", "--measure", "grant=$12,500.50:USD"])
        #expect(added.status == 0, "\(added.stderr)")
        let figures = try #require(try show("m")["measures"] as? [[String: Any]])
        #expect(figures.map { "\($0["quantity"]!) \($0["value"]!) \($0["unit"]!)" }
                == ["raised 1200000 GBP", "valuation 1200000000 USD", "loss -5000 GBP", "fee 5000 CHF", "users 1500000 person", "grant 12500.50 USD"],
                "\(figures)")
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "raised=£450k:GBP-million"]).status == 0)
        #expect(try #require(try show("m")["measures"] as? [[String: Any]]).first.map { "\($0["value"]!) \($0["unit"]!)" } == "0.450 GBP-million")
        let metres = try CLI.run(["edit", "m", "--db", db, "--measure", "height=1.2m:metre"])
        #expect(metres.status == 64 && metres.stderr.contains("'1.2m', which is not an exact decimal number (~, >, <, >=, <=, about, at least, environ, plus de, … "
                                                               + "may come before it, and thousand, million, billion, or beside money k, m, bn, after it)"), "\(metres.stderr)")
        let dollars = try CLI.run(["edit", "m", "--db", db, "--measure", "raised=$3m"])
        #expect(dollars.status == 64 && dollars.stderr.contains("has no unit ('$' is the sign of several currencies: add :USD, :CAD, …)"), "\(dollars.stderr)")
        let yen = try CLI.run(["edit", "m", "--db", db, "--measure", "raised=¥5"])
        #expect(yen.status == 64 && yen.stderr.contains("has no unit ('¥' is the sign of several currencies: add :JPY, :CNY)"), "\(yen.stderr)")
        // Worded in German, its point groups thousands: a billion and a half, not a million and a half.
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "revenue=1.500 Mio. €"]).status == 0)
        #expect(try #require(try show("m")["measures"] as? [[String: Any]]).contains { $0["quantity"] as? String == "revenue" && $0["value"] as? String == "1500000000" })
        let english = try CLI.run(["edit", "m", "--db", db, "--measure", "revenue=€1.500m"])
        #expect(english.status == 64 && english.stderr.contains("has '€1.500m', whose number could be 1500 or 1.5"), "\(english.stderr)")
        // Several groups of three after commas can only be thousands; one stays refused as either.
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "deal=18,500,000,000:USD"]).status == 0)
        #expect(try #require(try show("m")["measures"] as? [[String: Any]]).contains { $0["quantity"] as? String == "deal" && $0["value"] as? String == "18500000000" })
        #expect(try CLI.run(["edit", "m", "--db", db, "--measure", "deal=1,500:USD"]).status == 64)
        let other = try CLI.run(["edit", "m", "--db", db, "--measure", "raised=GBP 5:USD"])
        #expect(other.status == 64 && other.stderr.contains("has 'GBP 5', in GBP, and the unit 'USD'; give the unit of that currency (GBP)"), "\(other.stderr)")
    }

    /// A quote cited without its language is noted, and citing the same quote again with one
    /// puts it right: the one citation takes the language (and translation), not a second one.
    @Test func aQuoteGivenAgainTakesItsLanguage() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--uid", "q", "--kind", "layoff", "--date", "2022", "--title", "T", "--entity", "X",
                                 "--source", "https://x.example/a", "--publisher", "Les Échos", "--published", "2022-01-01", "--quote", "Le tribunal a tranché"])
        #expect(added.stderr == "timeline: note: the new source https://x.example/a and its quote have no language; --quote-lang (fr, en, …) gives one when a source is created, "
                + "and `timeline edit q --source https://x.example/a --quote 'the same quote' --quote-lang fr` gives the quote one later.\n", "\(added.stderr)")
        #expect(try CLI.run(["edit", "q", "--db", db, "--source", "https://x.example/a", "--quote", "Le tribunal a tranché ",
                             "--quote-lang", "fr", "--translation", "The court ruled"]).stdout == "Updated q\n")
        let sources = try #require(try show("q")["sources"] as? [[String: Any]])
        #expect(sources.count == 1, "\(sources)")
        #expect(sources.first?["quote_language"] as? String == "fr" && sources.first?["translation"] as? String == "The court ruled")
        #expect(sources.first?["language"] as? String == "fr", "the source held in no language takes the quote's")
        // The same quote with --published dates its source, held undated.
        #expect(try CLI.run(["add", "--db", db, "--uid", "q2", "--kind", "layoff", "--date", "2020", "--title", "T2", "--entity", "X",
                             "--source", "k-q2", "--publisher", "Ex", "--quote", "hello", "--quote-lang", "en"]).status == 0)
        #expect(try CLI.run(["edit", "q2", "--db", db, "--source", "k-q2", "--quote", "hello", "--published", "2021-05-01"]).status == 0)
        #expect((try show("q2")["sources"] as? [[String: Any]])?.first?["published"] as? String == "2021-05-01")
        // Another quote from the same source is a citation of its own.
        #expect(try CLI.run(["edit", "q", "--db", db, "--source", "https://x.example/a", "--quote", "Une autre phrase", "--quote-lang", "fr"]).status == 0)
        #expect((try show("q")["sources"] as? [[String: Any]])?.count == 2)
    }

    /// A source held in no language that a later citation gives one gives it to the quotes cited
    /// from it without one, as a quote from a source in a language is in it: the export then
    /// imports back unchanged, and an edit run again changes nothing.
    @Test func aSourceGivenItsLanguageLaterGivesItToItsQuotes() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "a", "--kind", "launch", "--date", "2021", "--title", "A", "--entity", "Acme",
                             "--source", "https://ex.fr/a", "--quote", "lancé en 2021"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "b", "--kind", "shutdown", "--date", "2022", "--title", "B", "--entity", "Acme",
                             "--source", "https://ex.fr/a", "--quote", "fermé en 2022", "--quote-lang", "fr"]).status == 0)
        #expect((try show("a")["sources"] as? [[String: Any]])?.first?["quote_language"] as? String == "fr")
        #expect(try CLI.run(["edit", "a", "--db", db, "--source", "https://ex.fr/a"]).stdout == "Unchanged a\n")
        let exported = try CLI.run(["export", "--format", "ndjson", "--db", db]).stdout
        let path = folder.path("a.ndjson")
        try exported.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", path, "--db", db]).stdout == "Imported \(path): 0 added, 0 updated, 2 unchanged.\n")
        // So in one import, where the record that gives the language comes later.
        let records = folder.path("two.ndjson")
        try """
            {"uid":"c","kind":"launch","title":"C","when":"2021","sources":[{"url":"https://ex.fr/c","publisher":"Ex","quote":"un"}]}
            {"uid":"d","kind":"launch","title":"D","when":"2022","sources":[{"url":"https://ex.fr/c","publisher":"Ex","quote":"deux","quote_language":"fr"}]}

            """.write(toFile: records, atomically: true, encoding: .utf8)
        let other = folder.path("other.sqlite")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", other]).status == 0)
        #expect(try CLI.run(["import", records, "--db", other]).status == 0)
        let again = try CLI.run(["export", "--format", "ndjson", "--db", other]).stdout
        #expect(again.components(separatedBy: "\"quote_language\":\"fr\"").count == 3, "\(again)")
        let copy = folder.path("copy.sqlite")
        try again.write(toFile: folder.path("c.ndjson"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", copy]).status == 0)
        #expect(try CLI.run(["import", folder.path("c.ndjson"), "--db", copy]).status == 0)
        #expect(try CLI.run(["export", "--format", "ndjson", "--db", copy]).stdout == again)
    }

    /// --translation alone goes to the one quote the event cites from that source; with none, or
    /// with two to choose from, it is refused, naming what to give, and nothing changes.
    @Test func aTranslationAloneTranslatesTheQuoteCited() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let alone = try CLI.run(["add", "--db", db, "--uid", "t", "--kind", "launch", "--date", "2021", "--title", "A", "--entity", "Acme",
                                 "--source", "https://ex.fr/a", "--translation", "launched in 2021"])
        #expect(alone.status == 64 && alone.stderr == "timeline: --translation translates a quote: give the quote with --quote "
                + "(the event cites no quote from https://ex.fr/a to add it to).\n", "\(alone.stderr)")
        #expect(try CLI.run(["add", "--db", db, "--uid", "t", "--kind", "launch", "--date", "2021", "--title", "A", "--entity", "Acme",
                             "--source", "https://ex.fr/a", "--quote", "lancé en 2021", "--quote-lang", "fr"]).status == 0)
        let translated = try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--translation", "launched in 2021", "--quote-lang", "fr-CA"])
        #expect(translated.stdout == "Updated t\n", "\(translated.stderr)")
        var sources = try #require(try show("t")["sources"] as? [[String: Any]])
        #expect(sources.count == 1 && sources.first?["translation"] as? String == "launched in 2021", "\(sources)")
        #expect(sources.first?["quote_language"] as? String == "fr-CA", "--quote-lang goes with it, as with --quote")
        #expect(try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--quote", "fermé", "--quote-lang", "fr"]).status == 0)
        let before = try CLI.run(["export", "--format", "ndjson", "--db", db]).stdout
        let two = try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--translation", "closed"])
        #expect(two.status == 64 && two.stderr == "timeline: --translation translates one quote, and the event cites 2 from https://ex.fr/a: "
                + "give the one it translates with --quote.\n", "\(two.stderr)")
        #expect(try CLI.run(["export", "--format", "ndjson", "--db", db]).stdout == before)
        #expect(try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--quote", "fermé", "--translation", "closed"]).status == 0)
        sources = try #require(try show("t")["sources"] as? [[String: Any]])
        #expect(sources.compactMap { $0["translation"] as? String }.sorted() == ["closed", "launched in 2021"], "\(sources)")
        // A quote typed again with the keyboard's apostrophe, or other spaces, is the one stored.
        #expect(try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--quote", "l’usine  ferme", "--quote-lang", "fr"]).status == 0)
        #expect(try CLI.run(["edit", "t", "--db", db, "--source", "https://ex.fr/a", "--quote", "l'usine ferme", "--translation", "the plant closes"]).status == 0)
        sources = try #require(try show("t")["sources"] as? [[String: Any]])
        #expect(sources.count == 3, "\(sources)")
        #expect(sources.first { $0["quote"] as? String == "l’usine  ferme" }?["translation"] as? String == "the plant closes", "\(sources)")
    }

    /// A source that is no web page (a court ruling) is named by a key and given its title; given
    /// for a source that exists with another title, --source-title is not applied, and said.
    @Test func aSourceTitleIsGivenWhenTheSourceIsMade() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "r", "--kind", "layoff", "--date", "2022-09-28", "--title", "T", "--entity", "X",
                             "--source", "tc-lille-2022j00123", "--source-title", " TC Lille, jugement n° 2022J00123 ",
                             "--publisher", "Tribunal de commerce de Lille", "--published", "2022-09-28"]).status == 0)
        let source = try #require((try show("r")["sources"] as? [[String: Any]])?.first)
        #expect(source["key"] as? String == "tc-lille-2022j00123" && source["title"] as? String == "TC Lille, jugement n° 2022J00123", "\(source)")
        #expect(try CLI.run(["export", "--db", db, "--format", "markdown"]).stdout.contains("TC Lille, jugement n° 2022J00123"))
        // A source held without a title takes the one given later, stored lists and all.
        #expect(try CLI.run(["add", "--db", db, "--uid", "u", "--kind", "layoff", "--date", "2022-10", "--title", "U", "--entity", "X",
                             "--source", "tc-lille-2022j00456", "--publisher", "Tribunal de commerce de Lille", "--published", "2022-10-01"]).status == 0)
        let titled = try CLI.run(["edit", "u", "--db", db, "--source", "tc-lille-2022j00456", "--source-title", "TC Lille, jugement n° 2022J00456"])
        #expect(titled.status == 0 && titled.stderr.isEmpty, "\(titled.stderr)")
        #expect((try show("u")["sources"] as? [[String: Any]])?.first?["title"] as? String == "TC Lille, jugement n° 2022J00456")
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv", "--on", "2022-10"]).stdout.contains("TC Lille, jugement n° 2022J00456"))
        let other = try CLI.run(["edit", "r", "--db", db, "--source", "tc-lille-2022j00123", "--source-title", "Another title", "--stance", "corrects"])
        #expect(other.stderr == "timeline: the source 'tc-lille-2022j00123' exists already, so --source-title, which describes a new source, was not applied; "
                + "a timeline document listing the source changes it (see `timeline help import`).\n", "\(other.stderr)")
        let refused = try CLI.run(["edit", "r", "--db", db, "--source-title", "X"])
        // The options given are named, not every one there is.
        #expect(refused.status == 64 && refused.stderr.hasPrefix("timeline: --source-title describes a source: give --source URL too;"), "\(refused.stderr)")
        let two = try CLI.run(["edit", "r", "--db", db, "--translation", "X", "--stance", "contradicts"])
        #expect(two.status == 64 && two.stderr.hasPrefix("timeline: --translation and --stance describe a source: give --source URL too;"), "\(two.stderr)")
    }

    /// The French words the tool prints for statuses and stances read back: from the command
    /// line, and in a spreadsheet's column.
    @Test func frenchStatusesAndStancesReadBack() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "f", "--kind", "layoff", "--date", "2023", "--title", "T", "--entity", "X",
                             "--status", "Prévu", "--source", "https://x.example/a", "--stance", "contredit"]).status == 0)
        var event = try show("f")
        #expect(event["status"] as? String == "planned")
        #expect((event["sources"] as? [[String: Any]])?.first?["stance"] as? String == "contradicts")
        #expect(try CLI.run(["edit", "f", "--db", db, "--status", "annule"]).status == 0)
        event = try show("f")
        #expect(event["status"] as? String == "cancelled")
        let file = folder.path("statuts.csv")
        try "uid,title,kind,when,entity,status\ng,A,layoff,2020,X,a eu lieu\nh,B,layoff,2021,X,envisagée\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", file, "--db", db]).status == 0)
        #expect(try show("g")["status"] as? String == "occurred" && show("h")["status"] as? String == "considered")
        let refused = try CLI.run(["edit", "f", "--db", db, "--status", "fini"])
        #expect(refused.status == 64 && refused.stderr.contains("--status 'fini' is not one of occurred, planned, considered, cancelled"), "\(refused.stderr)")
    }

    /// A mistyped name of an option a command needs is named, not only the option missing.
    /// The same `add` run again after its main entity was merged into another is still the
    /// event it made, though the uid it would make now starts with the other entity's slug.
    @Test func addingAgainAfterAMergeChangesNothing() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        let first = ["add", "--db", db, "--kind", "layoff", "--date", "8 février 2023", "--title", "Meta : 10 000 postes",
                     "--entity", "Meta:employer", "--measure", "employees-laid-off=10000:person",
                     "--source", "https://www.lesechos.fr/meta-10000", "--published", "2023-03-14"]
        #expect(try CLI.run(first).stdout == "Added meta-layoff-2023-02-08\n")
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022-11-09", "--title", "Meta cuts 11,000",
                             "--entity", "Meta Platforms:employer"]).status == 0)
        #expect(try CLI.run(["entities", "merge", "Meta", "Meta Platforms", "--db", db]).status == 0)
        let again = try CLI.run(first)
        #expect(again.status == 0 && again.stdout == "Unchanged meta-layoff-2023-02-08\n", "\(again.stdout)\(again.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout.split(separator: "\n").count == 3)
    }

    /// A made uid skips one a removed event had: its history would read as the new event's past.
    /// The removed event itself, added again, takes its uid back.
    @Test func aMadeUIDSkipsARemovedEventsUID() throws {
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        func add(_ title: String) throws -> String {
            try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-02-08", "--title", title, "--entity", "Meta"]).stdout
        }
        #expect(try add("A") == "Added meta-layoff-2023-02-08\n")
        #expect(try CLI.run(["remove", "meta-layoff-2023-02-08", "--db", db]).status == 0)
        #expect(try add("B") == "Added meta-layoff-2023-02-08-2\n")
        let history = try CLI.run(["history", "meta-layoff-2023-02-08-2", "--db", db]).stdout
        #expect(history.contains("Recorded once, never changed since."), "\(history)")
        #expect(try add("A") == "Added meta-layoff-2023-02-08\n")
        #expect(try CLI.run(["history", "meta-layoff-2023-02-08", "--db", db]).stdout.contains("added again"))
    }

    /// Roles are free words: one no other event has, a typo away from one others have, is noted
    /// with the role meant, in add and in an edit of the entities; a role of its own is not.
    @Test func aRoleATypoAwayFromAKnownOneIsNoted() throws {
        let typo = try CLI.run(["add", "--db", db, "--uid", "r1", "--kind", "launch", "--date", "2024", "--title", "R", "--entity", "Acme:Emplyer"])
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("timeline: note: the role 'emplyer' is new to the timeline; did you mean 'employer'? "
                                     + "`timeline edit r1 --entity 'Acme:employer'` gives it that one (with the event's other entities).\n"), "\(typo.stderr)")
        let fixed = try CLI.run(["edit", "r1", "--db", db, "--entity", "Acme:employer"])
        #expect(fixed.status == 0 && !fixed.stderr.contains("is new to the timeline"), "\(fixed.stderr)")
        let again = try CLI.run(["edit", "r1", "--db", db, "--entity", "Acme:subjet"])
        #expect(again.stderr.contains("the role 'subjet' is new to the timeline; did you mean 'subject'?"), "\(again.stderr)")
        let own = try CLI.run(["add", "--db", db, "--uid", "r2", "--kind", "launch", "--date", "2024", "--title", "R2", "--entity", "Acme:sponsor"])
        #expect(own.status == 0 && !own.stderr.contains("is new to the timeline"), "\(own.stderr)")
    }

    @Test func aMistypedRequiredOptionIsNamed() throws {
        let add = try CLI.run(["add", "--db", db, "--kind", "layoff", "--dat", "2023", "--title", "x"])
        #expect(add.status == 64)
        #expect(add.stderr == "timeline: add needs --date: '--dat' is no option; did you mean '--date'? `timeline help add` lists its options.\n", "\(add.stderr)")
        let capitals = try CLI.run(["add", "--db", db, "--kind", "layoff", "--DATE", "2023", "--title", "x"])
        #expect(capitals.stderr.contains("'--DATE' is no option; did you mean '--date'?"), "\(capitals.stderr)")
        let missing = try CLI.run(["add", "--db", db, "--kind", "layoff", "--title", "x"])
        #expect(missing.stderr == "timeline: add needs --date; `timeline help add` lists its options.\n", "\(missing.stderr)")
        let two = try CLI.run(["add", "--db", db, "--kind", "layoff"])
        #expect(two.stderr == "timeline: add needs --date and --title; `timeline help add` lists its options.\n", "\(two.stderr)")
        let none = try CLI.run(["add", "--db", db])
        #expect(none.stderr == "timeline: add needs --kind, --date and --title; `timeline help add` lists its options.\n", "\(none.stderr)")
        let entities = try CLI.run(["entities", "edit", "amazon-care", "--db", db, "--nmae", "X"])
        #expect(entities.status == 64 && entities.stderr.contains("'--nmae' is no option; did you mean '--name'?"), "\(entities.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A source `add` creates without a publication date is noted: `--as-of` never shows it.
    @Test func anUndatedNewSourceIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let undated = try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2020", "--entity", "Acme", "--source", "https://news.example/a"])
        #expect(undated.status == 0)
        #expect(undated.stderr == "timeline: note: the new source https://news.example/a has no publication date, so `list --as-of` never shows what it says; --published gives one when a source is created.\n",
                "\(undated.stderr)")
        let known = try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "B", "--date", "2021", "--entity", "Acme", "--source", "https://news.example/a"])
        #expect(known.status == 0 && known.stderr.isEmpty, "a source the timeline has: \(known.stderr)")
        let dated = try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "C", "--date", "2022", "--entity", "Acme",
                                 "--source", "https://news.example/c", "--published", "2022-01-03"])
        #expect(dated.status == 0 && dated.stderr.isEmpty, "\(dated.stderr)")
        #expect(try CLI.run(["list", "--db", db, "--as-of", "2030", "--format", "tsv"]).stdout.split(separator: "\n").count == 2, "only the dated source's event")
        // `edit` citing a new source says what add says of it.
        let edited = try CLI.run(["edit", "acme-launch-2022", "--db", db, "--source", "https://news.example/e", "--quote", "цитата"])
        #expect(edited.status == 0 && edited.stderr == "timeline: note: the new source https://news.example/e has no publication date, so `list --as-of` never shows what it says; "
                + "--published gives one when a source is created.\n"
                + "timeline: note: the new source https://news.example/e and its quote have no language; --quote-lang (fr, en, …) gives one when a source is created, "
                + "and `timeline edit acme-launch-2022 --source https://news.example/e --quote 'the same quote' --quote-lang fr` gives the quote one later.\n",
                "\(edited.stderr)")
        let cited = try CLI.run(["edit", "acme-launch-2022", "--db", db, "--source", "https://news.example/e", "--quote", "другая"])
        #expect(cited.status == 0 && cited.stderr.isEmpty, "a source the timeline has: \(cited.stderr)")
    }

    /// A source comes out on a day, in a month or year: a publication date open at one end
    /// (`2022/..`) is refused wherever it is given, and nothing is written.
    @Test func aPublicationDateOpenAtOneEndIsRefused() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let before = try CLI.run(["--db", db, "export", "--format", "sql"]).stdout
        let flag = try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2020", "--entity", "Acme",
                                "--source", "https://news.example/a", "--published", "2022/.."])
        #expect(flag.status == 64)
        #expect(flag.stderr == "timeline: --published '2022/..' is open at one end, and a source was published on a day, in a month or year, "
                + "or between two of them.\n", "\(flag.stderr)")
        let csv = folder.path("open.csv"), ndjson = folder.path("open.ndjson")
        try "kind,when,title,source,publisher,published\nlaunch,2020,A,https://news.example/b,News,2021\nlaunch,2020,B,https://news.example/c,News,until 2022\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let fromCSV = try CLI.run(["import", "--db", db, csv])
        #expect(fromCSV.status == 65)
        #expect(fromCSV.stderr.hasPrefix("timeline: \(csv):3: column 'published'") && fromCSV.stderr.contains("'../2022' is open at one end"),
                "\(fromCSV.stderr)")
        try #"{"kind":"launch","when":"2020","title":"A","sources":[{"url":"https://news.example/d","publisher":"News","published":"2021/.."}]}"#
            .write(toFile: ndjson, atomically: true, encoding: .utf8)
        let fromNDJSON = try CLI.run(["import", "--db", db, ndjson])
        #expect(fromNDJSON.status == 65 && fromNDJSON.stderr.contains(":1: field 'sources[0].published': the publication date '2021/..' is open at one end"),
                "\(fromNDJSON.stderr)")
        #expect(try CLI.run(["--db", db, "export", "--format", "sql"]).stdout == before, "nothing written")
        let closed = try CLI.run(["add", "--db", db, "--kind", "launch", "--title", "A", "--date", "2020", "--entity", "Acme",
                                  "--source", "https://news.example/a", "--published", "2022-03/2022-05"])
        #expect(closed.status == 0, "a closed interval is a publication date: \(closed.stderr)")
    }

    /// `edit --entity` replaces the list, and names the entities it left out (and their figures).
    @Test func anEditLeavingAnEntityOutNamesIt() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--uid", "deal", "--kind", "acquisition", "--title", "T", "--date", "2024", "--entity", "Nébula Énergie:target",
                             "--measure", "amount=1240000000:EUR@nebula-energie"]).status == 0)
        let replaced = try CLI.run(["edit", "deal", "--db", db, "--entity", "TotalEnergies:acquirer"])
        #expect(replaced.status == 0)
        #expect(replaced.stderr == "timeline: note: --entity gives the whole list, so deal no longer involves Nébula Énergie (nebula-energie), whose figures it still gives; give --entity once for each entity to keep.\n",
                "\(replaced.stderr)")
        let both = try CLI.run(["edit", "deal", "--db", db, "--entity", "TotalEnergies:acquirer", "--entity", "Nébula Énergie:target"])
        #expect(both.status == 0 && both.stderr.isEmpty, "\(both.stderr)")
        // An entity given again without its role takes the subject's: named with the role it had.
        let roleless = try CLI.run(["edit", "deal", "--db", db, "--entity", "TotalEnergies", "--entity", "Nébula Énergie:target"])
        #expect(roleless.stderr == "timeline: note: --entity NAME without a role gives the role subject, so TotalEnergies (totalenergies) is now its subject, no longer its acquirer; give --entity 'TotalEnergies:acquirer' to keep a role.\n",
                "\(roleless.stderr)")
        #expect(try CLI.run(["edit", "deal", "--db", db, "--entity", "TotalEnergies", "--entity", "Nébula Énergie:target"]).stderr.isEmpty,
                "a subject given as the subject again is no news")
    }

    /// `2019-22` is EDTF's summer 2019, kept so; as prose writes a span of years that way, add
    /// and edit say so, and what to write for the years.
    @Test func aSeasonThatReadsAsYearsIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2019-22", "--title", "T", "--entity", "Nébula"])
        #expect(added.status == 0 && added.stdout == "Added nebula-launch-2019-22\n")
        #expect(added.stderr == "timeline: note: --date '2019-22' is EDTF for summer 2019; for the years 2019 to 2022, write 2019/2022.\n", "\(added.stderr)")
        let edited = try CLI.run(["edit", "nebula-launch-2019-22", "--db", db, "--announced", "2018-21"])
        #expect(edited.status == 0 && edited.stderr.contains("--announced '2018-21' is EDTF for spring 2018; for the years 2018 to 2021"), "\(edited.stderr)")
        let quarter = try CLI.run(["edit", "nebula-launch-2019-22", "--db", db, "--announced", "2020-33"])
        #expect(quarter.stderr.contains("--announced '2020-33' is EDTF for Q1 2020; for the years 2020 to 2033, write 2020/2033."), "\(quarter.stderr)")
        let approximate = try CLI.run(["edit", "nebula-launch-2019-22", "--db", db, "--date", "2019-22~"])
        #expect(approximate.stderr.contains("--date '2019-22~' is EDTF for summer 2019, approximate; for the years 2019 to 2022, write 2019~/2022~."), "\(approximate.stderr)")
        for prose in ["c. 2019-22", "circa 2019-22", "vers 2019-22", "~2019-22"] {
            let noted = try CLI.run(["edit", "nebula-launch-2019-22", "--db", db, "--date", prose])
            #expect(noted.status == 0 && noted.stderr.contains("--date '\(prose)' is EDTF for summer 2019, approximate; for the years 2019 to 2022, write 2019~/2022~."),
                    "\(prose): \(noted.stderr)")
        }
        let plain = try CLI.run(["edit", "nebula-launch-2019-22", "--db", db, "--date", "2019/2022"])
        #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
        let later = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "1998-22", "--title", "T2", "--entity", "Nébula"])
        #expect(later.status == 0 && later.stderr.isEmpty, "1998 to 1922 is no span: \(later.stderr)")
    }

    /// A query's date in that form (`list --on 2021-22`) is read as EDTF reads it, summer 2021,
    /// and said so, with what to write for the years; the output is the query's all the same.
    @Test func aQueryDateThatReadsAsYearsIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021-07", "--title", "Summer", "--entity", "Nébula"]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2022-03", "--title", "Spring", "--entity", "Nébula"]).status == 0)
        let on = try CLI.run(["list", "--db", db, "--on", "2021-22", "--format", "tsv"])
        #expect(on.status == 0 && on.stdout.contains("\tSummer\t") && !on.stdout.contains("\tSpring\t"), "\(on.stdout)")
        #expect(on.stderr == "timeline: note: --on '2021-22' is EDTF for summer 2021; for the years 2021 to 2022, write 2021/2022.\n", "\(on.stderr)")
        let years = try CLI.run(["list", "--db", db, "--on", "2021/2022", "--format", "tsv"])
        #expect(years.status == 0 && years.stdout.contains("\tSpring\t") && years.stderr.isEmpty, "\(years.stderr)")
        let range = try CLI.run(["list", "--db", db, "--from", "2021-22", "--to", "2022-34", "--by", "when", "--format", "tsv"])
        #expect(range.stderr.contains("--from '2021-22' is EDTF for summer 2021") && range.stderr.contains("--to '2022-34' is EDTF for Q2 2022"),
                "\(range.stderr)")
        for command in [["stats"], ["export", "--format", "csv"], ["list", "--format", "json"]] {
            let noted = try CLI.run(command + ["--db", db, "--on", "c. 2021-22"])
            #expect(noted.status == 0 && noted.stderr.contains("--on 'c. 2021-22' is EDTF for summer 2021, approximate; for the years 2021 to 2022, write 2021~/2022~."),
                    "\(command): \(noted.stderr)")
        }
        let asOf = try CLI.run(["list", "--db", db, "--as-of", "2021-22"])
        #expect(asOf.status == 0 && asOf.stderr.contains("--as-of '2021-22' is EDTF for summer 2021"), "\(asOf.stderr)")
        let failed = try CLI.run(["list", "--db", db, "--on", "2021-22", "--kind", "nosuch"])
        #expect(failed.status == 64 && !failed.stderr.contains("note:"), "the error alone: \(failed.stderr)")
    }

    /// `1.200` is 1.2, as the README says; as French and German prose write twelve hundred so,
    /// add and edit say how it was read and what to write for the thousands. In a unit of things
    /// that come whole (people, stores, hubs) 1.2 is no reading, nor in a currency (money is seldom
    /// written to three decimals): refused, naming both numbers, the timeline left as it was.
    @Test func aFigureWithAPointBeforeThreeDigitsIsNoted() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "T", "--entity", "Acme",
                                 "--measure", "distance=1.200:km"])
        #expect(added.status == 0 && added.stderr == "timeline: note: --measure 'distance=1.200:km' is read as 1.2 "
                + "(a point in a figure is its decimal mark); if the point groups thousands, write 1200.\n", "\(added.stderr)")
        let edited = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "distance=~12.500:km"])
        #expect(edited.status == 0 && edited.stderr.contains("is read as 12.5 (a point"), "\(edited.stderr)")
        for signed in ["length=1.500+:km", "headcount-change=-1.200:tonne", "length=≥1.200:kilometre"] {
            let noted = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", signed])
            #expect(noted.status == 0 && noted.stderr.contains("(a point in a figure is its decimal mark)"), "\(signed): \(noted.stderr)")
            #expect(!signed.contains("-1") || noted.stderr.contains("read as -1.2 ") && noted.stderr.contains("write -1200."), "\(noted.stderr)")
        }
        for plain in ["employees-laid-off=1.25:person", "employees-laid-off=1200:person", "employees-laid-off=0.125:percent",
                      "employees-laid-off=1 200.500:person", "headcount-change=-1 200.500:person", "employees-laid-off=~1 200.500:person"] {
            let quiet = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", plain])
            #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(plain): \(quiet.stderr)")
        }
        // Units of measure and time take fractions, and the dinars three decimals, and a currency
        // counted in millions: a note only. A point that a scale word's language groups with, none.
        for measured in ["cut=1.500:days", "cut=1.500:euros", "cut=1.500:tonnes", "cut=1.500:TND", "cut=1.500:EUR-million", "cut=1.500:mwh"] {
            let noted = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", measured])
            #expect(noted.status == 0 && noted.stderr.contains("(a point in a figure is its decimal mark)"), "\(measured): \(noted.stderr)")
        }
        let grouped = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "cut=1.500 Mio. €:EUR-Mrd"])
        #expect(grouped.status == 0 && grouped.stderr.isEmpty, "1.500 Mio. is 1.5 Mrd: \(grouped.stderr)")
        #expect(try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "cut="]).status == 0)
        let before = try CLI.run(["export", "--db", db, "--format", "sql"]).stdout
        let people = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022", "--title", "T", "--entity", "Acme",
                                  "--measure", "employees-laid-off=1.500:person"])
        #expect(people.status == 64 && people.stderr.hasPrefix("timeline: --measure 'employees-laid-off=1.500:person' counts people (1.5 of them is unlikely), "
                + "and a point in a figure is its decimal mark: write --measure 'employees-laid-off=1500:person' for 1500 (the point grouping thousands), "
                + "or 'employees-laid-off=1.5:person' if 1.5 is meant"), "\(people.stderr)")
        // In any case, in the plural; what to write keeps the qualifier and the sign.
        for (whole, written) in [("hubs=≥1.200:hub", "hubs=≥1200:hub"), ("headcount-change=-1.200:Person", "headcount-change=-1200:Person"),
                                 ("stores=12.000+:stores", "stores=12000+:stores"), ("jobs=~1.500:jobs@acme", "jobs=~1500:jobs@acme"),
                                 ("employees-laid-off=1.500:warehouse-workers", "employees-laid-off=1500:warehouse-workers"),
                                 ("cut=about 1.500:people", "cut=about 1500:people"), ("cut=1.500:staff", "cut=1500:staff"),
                                 ("cut=1.500:cities", "cut=1500:cities"), ("cut=1.500:persons", "cut=1500:persons"),
                                 ("deal-value=~12.500:EUR", "deal-value=~12500:EUR"), ("deal-value=1.500+:EUR", "deal-value=1500+:EUR"),
                                 ("raised=250.000 €", "raised=250000 €"), ("raised=EUR 1.500", "raised=EUR 1500")] {
            let refused = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", whole])
            #expect(refused.status == 64 && refused.stderr.contains("write --measure '\(written)' for "), "\(whole): \(refused.stderr)")
        }
        let money = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "price=1.899 €"])
        #expect(money.status == 64 && money.stderr.hasPrefix("timeline: --measure 'price=1.899 €' is money, seldom written to three decimals, and "
                + "a point in a figure is its decimal mark: write --measure 'price=1899 €' for 1899 (the point grouping thousands), "
                + "or 'price=1.8990 €' if 1.899 is meant"), "\(money.stderr)")
        #expect(try CLI.run(["export", "--db", db, "--format", "sql"]).stdout == before)
        #expect(try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "price=1.8990 €"]).stderr.isEmpty, "four decimals say it")
        // A fraction above 1 is most likely a percentage without its sign: said, as import says it.
        let fraction = try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "share=15:fraction"])
        #expect(fraction.status == 0 && fraction.stderr == "timeline: note: --measure 'share=15:fraction' is more than 1 in the unit fraction, "
                + "where 1 is 100%; a share written as a percentage goes in with its sign (15%) or in the unit percent.\n", "\(fraction.stderr)")
        for share in ["share=0.15:fraction", "share=15%:fraction", "share=1:fraction", "share=15:percent"] {
            #expect(try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", share]).stderr.isEmpty, "\(share)")
        }
        // Plural of a unit of count (`hub`, three letters, is a noun).
        #expect(try CLI.run(["edit", "acme-layoff-2023", "--db", db, "--measure", "hubs=100:hub"]).status == 0)
        #expect(try CLI.run(["show", "acme-layoff-2023", "--db", db]).stdout.contains("hubs: 100 hubs"))
    }

    /// An argument that is no UTF-8 (Latin-1 text from an old script) is refused, not stored with
    /// `�` in place of its letters; nothing is written.
    @Test func anArgumentThatIsNoUTF8IsRefused() throws {
        let result = try CLI.shell("'\(CLI.executable.path)' add --db '\(db)' --kind launch --date 2020 --title \"$(printf 'Soci\\351t\\351')\"")
        #expect(result.status == 64 && result.stderr.contains("is not valid UTF-8"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func addMakesAReadableUIDAndTakesEveryDateForm() throws {
        let arguments = ["add", "--db", db, "--kind", "layoff", "--date", "1er décembre 2022", "--announced", "8 Sep 2022",
                         "--title", "A test layoff", "--entity", "Amazon Care:employer", "--entity", "Nouvelle Société",
                         "--measure", "employees-laid-off=12:person@amazon-care", "--source", "https://example.org/a",
                         "--quote", "douze employés", "--quote-lang", "fr", "--published", "2022-09-09"]
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let first = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "Added amazon-care-layoff-2022-12-01-2\n", "the seed holds the plain stem")
        // … and the event numbered after is named, in case this one repeats it.
        #expect(first.stderr == "timeline: note: amazon-care-layoff-2022-12-01 has the same main entity, kind and date "
                + "(`timeline show amazon-care-layoff-2022-12-01`); if amazon-care-layoff-2022-12-01-2 repeats it, "
                + "`timeline remove amazon-care-layoff-2022-12-01-2` takes it back.\n", "\(first.stderr)")
        let event = try show("amazon-care-layoff-2022-12-01-2")
        #expect(event["when"] as? String == "2022-12-01")
        #expect(event["announced"] as? String == "2022-09-08")
        let entities = try #require(event["entities"] as? [[String: Any]])
        #expect(entities.map { $0["slug"] as? String } == ["amazon-care", "nouvelle-societe"])
        let sources = try #require(event["sources"] as? [[String: Any]])
        #expect(sources.first?["quote"] as? String == "douze employés")
        #expect(sources.first?["publisher"] as? String == "example.org")
        let measures = try #require(event["measures"] as? [[String: Any]])
        #expect(measures.first?["source"] as? String == sources.first?["key"] as? String, "the figure comes from the source given with it")
        // Run again (a script's retry), the same add is the event it made: nothing changes.
        let again = try CLI.run(arguments)
        #expect(again.status == 0 && again.stdout == "Unchanged amazon-care-layoff-2022-12-01-2\n" && again.stderr.isEmpty, "\(again.stdout)\(again.stderr)")
        var changed = arguments
        changed[changed.firstIndex(of: "A test layoff")!] = "A second test layoff"
        #expect(try CLI.run(changed).stdout == "Added amazon-care-layoff-2022-12-01-3\n", "another event of that day is numbered")
    }

    /// `edit --measure` replaces the figures of the quantity it names (with --source, those of
    /// that source or none) and keeps the others with their own sources; a figure restated without --source keeps its source; `QUANTITY=`
    /// removes one quantity's figures, `--measure ''` all; signs before a value qualify it.
    /// A figure of a new quantity added without --source to an event that cites a source cites
    /// none: the edit names it, with the source that would back it.
    @Test func aNewFigureWithoutASourceIsNamed() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022", "--title", "T", "--uid", "dh", "--entity", "Delivery Hero",
                             "--measure", "amount=5:EUR", "--source", "https://lm.example/a"]).status == 0)
        let edited = try CLI.run(["edit", "dh", "--db", db, "--measure", "impairment=€1.9bn"])
        #expect(edited.status == 0 && edited.stderr == "timeline: note: the new figure impairment 1,900,000,000 EUR of dh cites no source, while the event "
                + "cites lm-example; `timeline edit dh --measure impairment=… --source lm-example` gives it its source.\n", "\(edited.stderr)")
        // Given with its source, or restating a figure the event has, no note.
        #expect(try CLI.run(["edit", "dh", "--db", db, "--measure", "impairment=€1.9bn", "--source", "lm-example"]).stderr.isEmpty)
        #expect(try CLI.run(["edit", "dh", "--db", db, "--measure", "amount=5:EUR"]).stderr.isEmpty)
    }

    @Test func editingAFigureKeepsTheOthersAndTheirSources() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "fin 2022", "--title", "Nébula cuts", "--uid", "cut",
                                 "--entity", "Nébula Santé", "--measure", "employees-laid-off=17:person", "--measure", "workforce-share-laid-off=.2:fraction",
                                 "--measure", "offices=>=12:office", "--source", "https://ud.example/a", "--quote", "17 salariés", "--quote-lang", "fr"])
        #expect(added.status == 0, "\(added.stderr)")
        func figures() throws -> [String] {
            try #require(try show("cut")["measures"] as? [[String: Any]]).map { figure in
                [figure["quantity"], figure["value"], figure["qualifier"], figure["source"]].map { ($0 as? String) ?? "-" }.joined(separator: " ")
            }
        }
        #expect(try figures() == ["employees-laid-off 17 - ud-example", "workforce-share-laid-off 0.2 - ud-example",
                                  "offices 12 at-least ud-example"])
        let edited = try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=18:person", "--source", "https://lm.example/b",
                                  "--stance", "corrects", "--quote", "18 salariés", "--quote-lang", "fr"])
        #expect(edited.status == 0, "\(edited.stderr)")
        // The correcting source's figure stands beside the first source's (stats counts it).
        #expect(try figures() == ["employees-laid-off 17 - ud-example", "employees-laid-off 18 - lm-example",
                                  "workforce-share-laid-off 0.2 - ud-example", "offices 12 at-least ud-example"],
                "the other figures keep their place and source")
        // Restated without --source, a figure keeps its source; a new value has none.
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "workforce-share-laid-off=0.20:fraction", "--measure", "offices=<12:office"]).status == 0)
        #expect(try figures() == ["employees-laid-off 17 - ud-example", "employees-laid-off 18 - lm-example",
                                  "workforce-share-laid-off 0.20 - ud-example", "offices 12 less-than -"])
        // Restated with the entity it counts, where it counted none, it is the same figure, its source kept.
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "workforce-share-laid-off="]).status == 0)
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "workforce-share-laid-off=14%:fraction", "--source", "ud-example"]).status == 0)
        let named = try CLI.run(["edit", "cut", "--db", db, "--measure", "workforce-share-laid-off=14%:fraction@nebula-sante", "--measure", "offices=<12:office"])
        #expect(named.status == 0 && named.stderr.isEmpty, "\(named.stderr)")
        let share = try #require(try show("cut")["measures"] as? [[String: Any]]).first { $0["quantity"] as? String == "workforce-share-laid-off" }
        #expect(share?["source"] as? String == "ud-example" && share?["entity"] as? String == "nebula-sante", "\(String(describing: share))")
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "workforce-share-laid-off=0.20:fraction", "--source", "ud-example"]).status == 0)
        // Its unit in another case, its number written otherwise: the same figure, no note.
        for restated in ["workforce-share-laid-off=0.200:FRACTION", "workforce-share-laid-off=0.20:fraction"] {
            let same = try CLI.run(["edit", "cut", "--db", db, "--measure", restated])
            let figure = try #require(try show("cut")["measures"] as? [[String: Any]]).first { $0["quantity"] as? String == "workforce-share-laid-off" }
            #expect(same.status == 0 && same.stderr.isEmpty && figure?["source"] as? String == "ud-example", "\(restated): \(same.stderr)")
        }
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "offices="]).status == 0)
        #expect(try figures() == ["employees-laid-off 17 - ud-example", "employees-laid-off 18 - lm-example",
                                  "workforce-share-laid-off 0.20 - ud-example"])
        // A third source's figures: one restating another source's number is that figure, once.
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=18:person", "--measure", "employees-laid-off=20:person",
                             "--source", "https://s3.example/c"]).status == 0)
        #expect(try figures() == ["employees-laid-off 17 - ud-example", "employees-laid-off 18 - lm-example", "employees-laid-off 20 - s3-example",
                                  "workforce-share-laid-off 0.20 - ud-example"])
        // Restated by another source with the entity it counts, where it counted none: that figure counts it.
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=17:person@nebula-sante", "--source", "https://s4.example/d"]).status == 0)
        let counted = try #require(try show("cut")["measures"] as? [[String: Any]]).map { "\($0["value"]!) \($0["entity"] as? String ?? "-") \($0["source"]!)" }
        #expect(counted.prefix(3) == ["17 nebula-sante ud-example", "18 - lm-example", "20 - s3-example"], "\(counted)")
        let typo = try CLI.run(["edit", "cut", "--db", db, "--measure", "ofices="])
        #expect(typo.status == 64 && typo.stderr.contains("removes the figures of ofices, and the event has none; its figures count employees-laid-off, workforce-share-laid-off"),
                "\(typo.stderr)")
        let both = try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=1:person", "--measure", "employees-laid-off="])
        #expect(both.status == 64 && both.stderr.contains("which another --measure gives"), "\(both.stderr)")
        let mixed = try CLI.run(["edit", "cut", "--db", db, "--measure", "", "--measure", "offices=1:office"])
        #expect(mixed.status == 64 && mixed.stderr.contains("--measure '' removes every figure, and goes alone"), "\(mixed.stderr)")
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", ""]).status == 0)
        #expect(try figures() == [])
    }

    /// A corrected number given without @ENTITY counts the entity the figures it replaces
    /// counted (an imported figure counts the record's first entity): the event's figures do not
    /// change their entity because one was corrected. @ENTITY still says otherwise, and figures
    /// of several entities give none to follow.
    @Test func aCorrectedFigureKeepsTheEntityItCounts() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023-03", "--title", "Qare cuts", "--uid", "cut", "--entity", "Qare",
                                 "--entity", "Livi", "--measure", "employees-laid-off=40:person@qare", "--measure", "clinics-closed=2:clinic@qare",
                                 "--measure", "clinics-closed=3:clinic@livi"])
        #expect(added.status == 0, "\(added.stderr)")
        func figures() throws -> [String] {
            try #require(try show("cut")["measures"] as? [[String: Any]]).map { "\($0["quantity"]!) \($0["value"]!) \($0["entity"] as? String ?? "-")" }
        }
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=45:person", "--measure", "clinics-closed=4:clinic"]).status == 0)
        #expect(try figures() == ["employees-laid-off 45 qare", "clinics-closed 4 -"])
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=46:person@livi", "--source", "https://www.lemonde.fr/a"]).status == 0)
        #expect(try figures() == ["employees-laid-off 46 livi", "clinics-closed 4 -"])
        let history = try CLI.run(["history", "cut", "--db", db]).stdout
        #expect(history.contains("+ employees-laid-off: 45 people (qare)"), "\(history)")
        // A second source's number for the quantity counts what the first's counts.
        #expect(try CLI.run(["edit", "cut", "--db", db, "--measure", "employees-laid-off=50:person", "--source", "https://www.lesechos.fr/b"]).status == 0)
        #expect(try figures() == ["employees-laid-off 46 livi", "employees-laid-off 50 livi", "clinics-closed 4 -"])
    }

    /// `--source S --stance X` for a source the event cites changes that citation's stance (its
    /// quote stays), rather than citing the article a second time with the other stance; a source
    /// cited with two quotes needs the quote of the one to change.
    @Test func aStanceGivenAloneChangesTheCitationsStance() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let uid = "livi-layoff-2022-12-01"
        #expect(try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022-12-01", "--title", "T", "--entity", "Livi", "--measure", "employees-laid-off=150:person",
                             "--source", "https://www.lemonde.fr/b", "--published", "2022-11-16", "--stance", "contradicts", "--quote", "150 postes", "--quote-lang", "fr"]).status == 0)
        func citations() throws -> [String] {
            try #require(try show(uid)["sources"] as? [[String: Any]]).map { "\($0["key"]!) \($0["stance"]!) \($0["quote"] as? String ?? "-")" }
        }
        let changed = try CLI.run(["edit", uid, "--db", db, "--source", "https://www.lemonde.fr/b", "--stance", "corrects"])
        #expect(changed.stdout == "Updated \(uid)\n", "\(changed.stderr)")
        #expect(try citations() == ["lemonde-fr-2022-11-16 corrects 150 postes"])
        #expect(try CLI.run(["edit", uid, "--db", db, "--source", "lemonde-fr-2022-11-16", "--stance", "corrects"]).stdout == "Unchanged \(uid)\n")

        #expect(try CLI.run(["edit", uid, "--db", db, "--source", "https://www.lemonde.fr/b", "--quote", "la direction dément", "--quote-lang", "fr", "--stance", "supports"]).status == 0)
        #expect(try citations() == ["lemonde-fr-2022-11-16 corrects 150 postes", "lemonde-fr-2022-11-16 supports la direction dément"])
        let before = try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout
        let ambiguous = try CLI.run(["edit", uid, "--db", db, "--source", "https://www.lemonde.fr/b", "--stance", "contradicts"])
        #expect(ambiguous.status == 64 && ambiguous.stderr == "timeline: --stance with --source https://www.lemonde.fr/b changes the stance of the event's citation of that source, "
                + "and it cites it 2 times, each with a quote: give the quote of the one to change with --quote.\n", "\(ambiguous.stderr)")
        #expect(try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout == before)
        #expect(try CLI.run(["edit", uid, "--db", db, "--source", "https://www.lemonde.fr/b", "--quote", "la direction dément", "--stance", "contradicts"]).status == 0)
        #expect(try citations() == ["lemonde-fr-2022-11-16 corrects 150 postes", "lemonde-fr-2022-11-16 contradicts la direction dément"])

        // One article cited twice without a quote, with two stances (as a file may give it): the
        // stance given is its one citation's.
        let twice = folder.path("twice.ndjson")
        try Data(#"{"uid":"e1","kind":"layoff","when":"2022-12-01","title":"T","entities":[{"name":"Livi"}],"sources":[{"url":"https://www.lemonde.fr/c","stance":"supports"},{"url":"https://www.lemonde.fr/c","stance":"corrects"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: twice))
        #expect(try CLI.run(["import", twice, "--db", db]).status == 0)
        let once = try CLI.run(["edit", "e1", "--db", db, "--source", "https://www.lemonde.fr/c", "--stance", "contradicts"])
        #expect(once.status == 0, "\(once.stderr)")
        #expect(try #require(try show("e1")["sources"] as? [[String: Any]]).map { "\($0["stance"]!) \($0["quote"] as? String ?? "-")" } == ["contradicts -"])
    }

    /// `--remove-source` takes a source's citations out of an event; a source the event does not
    /// cite, one no source of the timeline, or one a figure still comes from is refused, with
    /// nothing changed; with the figure removed in the same edit, it goes.
    @Test func removeSourceTakesACitationOut() throws {
        let uid = "amazon-care-layoff-2022-12-01"
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        func cited() throws -> [String] {
            try #require(try show(uid)["sources"] as? [[String: Any]]).compactMap { $0["key"] as? String }
        }
        #expect(try cited() == ["cnbc-2022-09-09", "siecle-digital-2022-09-12"])
        let removed = try CLI.run(["edit", uid, "--db", db, "--remove-source", "https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try cited() == ["cnbc-2022-09-09"])
        let before = try CLI.run(["--db", db, "export", "--format", "sql"]).stdout
        for (reference, message) in [("siecle-digital-2022-09-12", "the event does not cite siecle-digital-2022-09-12; it cites cnbc-2022-09-09"),
                                     ("https://nowhere.example/", "names no source of the timeline"),
                                     ("cnbc-2022-09-09", "the figure employees-laid-off comes from cnbc-2022-09-09; remove it in the same edit "
                                      + "(--measure employees-laid-off= --source cnbc-2022-09-09 takes out that source's employees-laid-off figures; another source's stay)")] {
            let refused = try CLI.run(["edit", uid, "--db", db, "--remove-source", reference])
            #expect(refused.status == 64 && refused.stderr.contains(message), "\(refused.stderr)")
        }
        #expect(try CLI.run(["--db", db, "export", "--format", "sql"]).stdout == before, "nothing changed")
        // What the refusal advises keeps another source's figure of the quantity.
        #expect(try CLI.run(["edit", uid, "--db", db, "--measure", "employees-laid-off=170:person", "--source", "https://other.example/count",
                             "--stance", "contradicts"]).status == 0)
        let both = try CLI.run(["edit", uid, "--db", db, "--remove-source", "cnbc-2022-09-09", "--measure", "employees-laid-off=",
                                "--source", "cnbc-2022-09-09"])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try cited() == ["other-example"])
        let kept = try #require(try show(uid)["measures"] as? [[String: Any]])
        #expect(kept.map { "\($0["value"]!) \($0["source"]!)" } == ["170 other-example"], "\(kept)")
    }

    /// Figures from no source go with `--measure Q= --source S` too: the refusal's advice says so.
    @Test func removeSourceAdviceNamesTheFiguresFromNoSource() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let record = #"{"uid":"r3","kind":"layoff","when":"2022","title":"R","measures":[{"quantity":"cut","value":"5","unit":"person"},"#
            + #"{"quantity":"cut","value":"7","unit":"person","source":"a"}],"sources":[{"key":"a","url":"https://a.example/1","publisher":"A"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8)).status == 0)
        let refused = try CLI.run(["edit", "r3", "--db", db, "--remove-source", "a"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("(--measure cut= --source a takes out that source's cut figures, and the one from no source too; "
                                        + "another source's stay)"), "\(refused.stderr)")
    }

    /// A source's URL pasted with tracking added (`utm_…`, `fbclid`), a fragment, a trailing
    /// slash, under the other scheme or with `www.` more or less is the source already held; a URL whose query names another page is another source.
    @Test func aURLWithTrackingAddedIsTheSameSource() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        func add(_ uid: String, _ url: String) throws {
            let result = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021", "--title", uid, "--uid", uid, "--source", url])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func source(_ uid: String) throws -> String? {
            try #require(try show(uid)["sources"] as? [[String: Any]]).first?["key"] as? String
        }
        try add("a", "https://www.example.org/story/")
        try add("b", "https://www.example.org/story?utm_source=twitter&utm_medium=social#comments")
        try add("c", "https://www.example.org/story?fbclid=abc")
        try add("d", "https://www.example.org/story?id=3")
        try add("e", "https://www.example.org/storyline")
        try add("f", "http://example.org/story")
        try add("g", "HTTPS://Example.org/story/#top")
        try add("h", "https://www.example.net/story")
        try add("i", "HTTPS://WWW.EXAMPLE.ORG/story")
        // A one-page site's routes are pages of their own.
        try add("j", "https://app.example.org/#/story/1")
        try add("k", "https://app.example.org/#/story/2")
        try add("l", "https://app.example.org/#!/story/1")
        // A path written out or escaped as sent (either case of hex), a host in another script
        // in capitals: one page.
        try add("cy1", "https://ru.wikipedia.org/wiki/Газпром")
        try add("cy2", "https://ru.wikipedia.org/wiki/%D0%93%D0%B0%D0%B7%D0%BF%D1%80%D0%BE%D0%BC")
        try add("cy3", "https://ru.wikipedia.org/wiki/%d0%93%d0%b0%d0%b7%d0%bf%d1%80%d0%be%d0%bc/")
        try add("cy4", "https://президент.рф/news/1")
        try add("cy5", "https://ПРЕЗИДЕНТ.РФ/news/1")
        try add("cy6", "https://ru.wikipedia.org/wiki/Газпромнефть")
        // Escaped first: found from the other case of hex and from the written-out form.
        try add("cy7", "https://ru.wikipedia.org/wiki/%D0%9B%D1%83%D0%BA")
        try add("cy8", "https://ru.wikipedia.org/wiki/%d0%9b%d1%83%d0%ba")
        try add("cy9", "https://ru.wikipedia.org/wiki/Лук")
        #expect(try source("cy2") == source("cy1") && source("cy3") == source("cy1"))
        #expect(try source("cy5") == source("cy4") && source("cy4") != source("cy1"))
        #expect(try source("cy6") != source("cy1"), "another page")
        #expect(try source("cy8") == source("cy7") && source("cy9") == source("cy7") && source("cy7") != source("cy1"))
        let first = try source("a")
        #expect(try source("i") == first, "the scheme and host in capitals")
        #expect(try source("j") != source("k") && source("j") != source("l"))
        #expect(try source("b") == first && source("c") == first)
        #expect(try source("f") == first && source("g") == first, "another scheme, or www. more or less, is the same page")
        #expect(try source("h") != first)
        #expect(try source("d") != first && source("e") != first)
        let removed = try CLI.run(["edit", "b", "--db", db, "--remove-source", "https://www.example.org/story?utm_campaign=x"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try source("b") == nil)
        // A new source is kept without the tracking it was pasted with: its link in exports is
        // the page's; said so.
        let tracked = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021", "--title", "m", "--uid", "m",
                                   "--source", "https://news.example.com/a?id=7&utm_source=twitter&fbclid=x#part", "--published", "2021"])
        #expect(tracked.stderr == "timeline: note: the new source's URL was saved without the parameters that only say how a reader came to the page "
                + "(utm_…, fbclid, …): https://news.example.com/a?id=7#part.\n", "\(tracked.stderr)")
        let url = try #require(try show("m")["sources"] as? [[String: Any]]).first?["url"] as? String
        #expect(url == "https://news.example.com/a?id=7#part", "\(String(describing: url))")
        // An archive's copy of a page is named by the page's whole address, query and all: kept
        // as pasted, by add and by edit.
        let archived = "https://web.archive.org/web/20211201120000/https://www.hurriyet.com.tr/ekonomi/x-41234567?utm_source=twitter&ref=x#yorumlar"
        let archivedAdd = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021", "--title", "w", "--uid", "w", "--source", archived, "--published", "2021"])
        #expect(archivedAdd.status == 0 && archivedAdd.stderr.isEmpty, "\(archivedAdd.stderr)")
        #expect(try #require(try show("w")["sources"] as? [[String: Any]]).first?["url"] as? String == archived)
        // Its publisher, not given, is the archived site, not the archive.
        #expect(try #require(try show("w")["sources"] as? [[String: Any]]).first?["publisher"] as? String == "hurriyet.com.tr")
        let archiveToday = "https://archive.ph/2021.12.01-120000/https://example.com/b?utm_medium=social"
        #expect(try CLI.run(["edit", "w", "--db", db, "--source", archiveToday, "--published", "2021"]).status == 0)
        #expect(try #require(try show("w")["sources"] as? [[String: Any]]).compactMap { $0["url"] as? String }.contains(archiveToday))
        try add("o", "https://third.example.com/c?utm_source=x&")
        #expect(try #require(try show("o")["sources"] as? [[String: Any]]).first?["url"] as? String == "https://third.example.com/c")
        // Copied without its scheme, an address is still one, not a source key, and said to be read so.
        let schemeless = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021", "--title", "s", "--uid", "s", "--source", "www.example.org/story"])
        #expect(schemeless.stderr.hasPrefix("timeline: note: --source 'www.example.org/story' is read as the web address https://www.example.org/story.\n"),
                "\(schemeless.stderr)")
        #expect(try source("s") == first)
        // The French press tracks its links with AT Internet's xtor: the same article, not a second source.
        try add("p", "https://www.lemonde.fr/economie/article/2022/08/24/amazon-care.html")
        try add("q", "https://www.lemonde.fr/economie/article/2022/08/24/amazon-care.html?xtor=RSS-3208&at_medium=email")
        #expect(try source("q") == source("p"))
        // A file's URL is kept as written, so that an export imports back as it was.
        let record = #"{"uid":"n","kind":"launch","title":"N","when":"2021","sources":[{"url":"https://other.example.com/b?utm_source=x","publisher":"O"}]}"#
        #expect(try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8)).status == 0)
        #expect(try #require(try show("n")["sources"] as? [[String: Any]]).first?["url"] as? String == "https://other.example.com/b?utm_source=x")
    }

    /// Language tags are stored in their usual case (`FR-ca` is `fr-CA`), from the command line and
    /// from an imported file; a text that is no tag is refused, and nothing is written.
    @Test func languageTagsTakeTheirUsualCaseAndOthersAreRefused() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "Des postes supprimés",
                                 "--entity", "Acme", "--source", "https://example.org/fr", "--quote", "des postes",
                                 "--quote-lang", "FR-ca", "--uid", "tags-1"])
        #expect(added.status == 0, "\(added.stderr)")
        let source = try #require((try show("tags-1")["sources"] as? [[String: Any]])?.first)
        #expect(source["quote_language"] as? String == "fr-CA" && source["language"] as? String == "fr-CA")

        let before = try CLI.run(["--db", db, "export", "--format", "sql"]).stdout
        let refused = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "Autre",
                                   "--source", "https://example.org/x", "--quote", "x", "--quote-lang", "fr_FR"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("timeline: --quote-lang 'fr_FR' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write fr-FR;"), "\(refused.stderr)")
        let alone = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "Autre", "--entity", "Acme", "--quote-lang", "fr"])
        #expect(alone.status == 64 && alone.stderr.contains("--quote-lang"), "a quote language without a source is refused, not ignored: \(alone.stderr)")

        let file = folder.path("events.ndjson")
        let line = { (language: String, quoteLanguage: String) in
            #"{"uid":"tags-2","kind":"layoff","when":"2024","title":"Cuts","sources":[{"url":"https://example.org/de","#
                + #""publisher":"Beispiel","language":"\#(language)","quote":"Stellen","quote_language":"\#(quoteLanguage)"}]}"#
        }
        try (line("DE", "de-at") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let badFile = folder.path("bad.ndjson")
        try (line("de", "deutsch!") + "\n").write(toFile: badFile, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["import", "--db", db, badFile])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("the quote's language 'deutsch!' is not a BCP 47 language tag"), "\(bad.stderr)")
        #expect(try CLI.run(["--db", db, "export", "--format", "sql"]).stdout == before, "nothing written")

        let imported = try CLI.run(["import", "--db", db, file])
        #expect(imported.status == 0, "\(imported.stderr)")
        let importedSource = try #require((try show("tags-2")["sources"] as? [[String: Any]])?.first)
        #expect(importedSource["language"] as? String == "de" && importedSource["quote_language"] as? String == "de-AT")
    }

    /// --publisher and --published describe a new source: given with one the timeline has, they
    /// are not applied, and the command says so instead of dropping them without a word.
    @Test func detailsOfANewSourceGivenForAnExistingOneAreNamedAsNotApplied() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "Cited again", "--entity", "Acme",
                                 "--source", "siecle-digital-2022-09-12", "--publisher", "Le Monde", "--published", "2022-10-01",
                                 "--uid", "cited-again"])
        #expect(added.status == 0 && added.stdout == "Added cited-again\n", "\(added.stderr)")
        #expect(added.stderr == "timeline: the source 'siecle-digital-2022-09-12' exists already, so --publisher and --published, which "
                + "describe a new source, were not applied; a timeline document listing the source changes it (see `timeline help import`).\n")
        let source = try #require((try show("cited-again")["sources"] as? [[String: Any]])?.first)
        #expect(source["publisher"] as? String == "Siècle Digital" && source["published"] as? String == "2022-09-12")
        let quiet = try CLI.run(["edit", "cited-again", "--db", db, "--source", "siecle-digital-2022-09-12", "--quote", "de nouveau"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    /// `.15` as spreadsheets write it is `0.15`, from the command line and from an imported file.
    @Test func aFigureWithNoDigitBeforeThePointIsReadAsADecimal() throws {
        let added = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "A share cut",
                                 "--entity", "Amazon Care", "--measure", "share-laid-off=.15:ratio", "--uid", "share-cut"])
        #expect(added.status == 0, "\(added.stderr)")
        let measures = try #require(try show("share-cut")["measures"] as? [[String: Any]])
        #expect(measures.first?["value"] as? String == "0.15")

        let csv = folder.path("shares.csv")
        try "uid,kind,when,title,change\nshare-2,layoff,2023,Another,-.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", "--db", db, csv, "--map", "change=measure:headcount-change:percent"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let importedMeasures = try #require(try show("share-2")["measures"] as? [[String: Any]])
        #expect(importedMeasures.first?["value"] as? String == "-0.5")
    }

    /// SQLite's NOCASE folds ASCII letters only: an accented name in capitals still finds its
    /// entity (through the slug it would get), when listing and when adding, so no duplicate is made.
    @Test func anAccentedEntityNameInCapitalsFindsItsEntity() throws {
        let first = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "Première",
                                 "--entity", "Société Générale", "--uid", "sg-1"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2024", "--title", "Seconde",
                                  "--entity", "SOCIÉTÉ GÉNÉRALE", "--uid", "sg-2"])
        #expect(second.status == 0, "\(second.stderr)")
        let entities = try #require(try show("sg-2")["entities"] as? [[String: Any]])
        #expect(entities.map { $0["slug"] as? String } == ["societe-generale"])
        let listed = try CLI.run(["list", "--db", db, "--entity", "SOCIÉTÉ GÉNÉRALE", "--format", "tsv"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == 3, "a header and both events: \(listed.stdout)")
    }

    /// Cyrillic and Greek names get Latin slugs, and are found again in any case.
    @Test(arguments: [("Яндекс", "ЯНДЕКС", "yandeks"), ("Ελληνική Εταιρεία Ύδρευσης", "ΕΛΛΗΝΙΚΉ ΕΤΑΙΡΕΊΑ ΎΔΡΕΥΣΗΣ", "elliniki-etaireia-ydreysis"),
                      ("Київстар", "КИЇВСТАР", "kiyivstar")])
    func aNonLatinNameGetsALatinSlugAndIsFoundInAnyCase(name: String, capitals: String, slug: String) throws {
        let first = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2023", "--title", "First", "--entity", name, "--uid", "one"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2024", "--title", "Second", "--entity", capitals])
        #expect(second.stdout == "Added \(slug)-launch-2024\n", "\(second.stderr)")
        let entities = try #require(try show("\(slug)-launch-2024")["entities"] as? [[String: Any]])
        #expect(entities.map { $0["slug"] as? String } == [slug])
        #expect(entities.map { $0["name"] as? String } == [name], "the entity first named")
        let listed = try CLI.run(["list", "--db", db, "--entity", capitals.lowercased(), "--format", "tsv"])
        #expect(listed.stdout.split(separator: "\n").count == 3, "a header and both events: \(listed.stdout)")
    }

    @Test func addRefusesBadInput() throws {
        let unknownKind = try CLI.run(["add", "--db", db, "--kind", "layof", "--date", "2022", "--title", "x"])
        #expect(unknownKind.status == 64)
        #expect(unknownKind.stderr.contains("known kinds"))
        let badDate = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022-02-30", "--title", "x"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--date '2022-02-30'"))
        let badMeasure = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022", "--title", "x", "--measure", "cut=many:person"])
        #expect(badMeasure.status == 64)
        #expect(badMeasure.stderr.contains("--measure 'cut=many:person'"))
        let capitals = try CLI.run(["add", "--db", db, "--kind", "layoff", "--DATE", "2023", "--title", "x"])
        #expect(capitals.stderr.contains("'--DATE' is no option; did you mean '--date'?"), "\(capitals.stderr)")
        let missing = try CLI.run(["add", "--db", db, "--kind", "layoff", "--title", "x"])
        #expect(missing.status == 64)
    }

    /// `add` never overwrites: a --uid another event holds is refused and nothing is written;
    /// the same event added again under its uid is left as it is.
    @Test func addRefusesAUIDThatAnotherEventHolds() throws {
        try CLI.run(["list", "--db", db])
        let before = try folder.bytes("timeline.sqlite")
        let taken = try CLI.run(["add", "--db", db, "--kind", "layoff", "--date", "2022", "--title", "x",
                                 "--entity", "Brand New Co", "--uid", "amazon-care-launch-2019-09"])
        #expect(taken.status == 64)
        #expect(taken.stdout.isEmpty)
        #expect(taken.stderr.hasPrefix("timeline: the uid 'amazon-care-launch-2019-09' is taken by the event '"), "\(taken.stderr)")
        #expect(taken.stderr.contains("timeline edit amazon-care-launch-2019-09"), "\(taken.stderr)")
        #expect(taken.stderr.split(separator: "\n").count == 1)
        #expect(try folder.bytes("timeline.sqlite") == before, "no entity created, nothing replaced")

        let arguments = ["add", "--db", db, "--kind", "layoff", "--date", "2023-01-05", "--title", "A layoff",
                         "--entity", "Amazon Care", "--uid", "my-own-uid"]
        #expect(try CLI.run(arguments).stdout == "Added my-own-uid\n")
        let again = try CLI.run(arguments)
        #expect(again.status == 0)
        #expect(again.stdout == "Unchanged my-own-uid\n")
    }

    @Test func editKeepsHistoryAndAsOfAnswersFromIt() throws {
        try CLI.run(["list", "--db", db])
        let uid = "care-medical-layoff-2022-12-01"
        let edited = try CLI.run(["edit", uid, "--db", db, "--status", "occurred", "--title", "Care Medical cut 236 positions"],
                                 environment: ["TIMELINE_NOW": "2030-01-01T00:00:00.000Z"])
        #expect(edited.stdout == "Updated \(uid)\n")
        #expect(try show(uid)["status"] as? String == "occurred")
        let unchanged = try CLI.run(["edit", uid, "--db", db, "--status", "occurred"])
        #expect(unchanged.stdout == "Unchanged \(uid)\n")

        func listed(asOf: String) throws -> [[String: Any]] {
            let result = try CLI.run(["list", "--db", db, "--format", "json", "--entity", "care-medical", "--as-of", asOf])
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        }
        #expect(try listed(asOf: "2029-12-31").first?["status"] as? String == "planned", "before the edit")
        #expect(try listed(asOf: "2030-01-02").first?["status"] as? String == "occurred", "after the edit")
        #expect(try listed(asOf: "2022-09-20").first?["status"] as? String == "planned", "as first reported")

        let removed = try CLI.run(["remove", uid, "--db", db], environment: ["TIMELINE_NOW": "2030-02-01T00:00:00.000Z"])
        #expect(removed.stdout == "Removed \(uid)\n")
        #expect(try CLI.run(["show", uid, "--db", db]).status == 66)
        #expect(try listed(asOf: "2030-01-15").first?["title"] as? String == "Care Medical cut 236 positions", "still answered before the removal")
        #expect(try listed(asOf: "2030-02-02").isEmpty)
        // Added again later: the days between are still a gap.
        let again = try CLI.run(["add", "--db", db, "--uid", uid, "--kind", "layoff", "--date", "2022-12-01", "--title", "Care Medical cuts 236 positions",
                                 "--entity", "care-medical", "--source", "https://example.org/warn", "--publisher", "WARN", "--published", "2022-09-08"],
                                environment: ["TIMELINE_NOW": "2030-03-01T00:00:00.000Z"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try listed(asOf: "2030-02-15").isEmpty, "removed then")
        #expect(try listed(asOf: "2030-01-15").first?["title"] as? String == "Care Medical cut 236 positions")
        #expect(try listed(asOf: "2030-03-02").first?["title"] as? String == "Care Medical cuts 236 positions")
    }

    /// A source added undated takes the --published a later citation of it gives (else `--as-of`
    /// never counts it); a date it has is not changed so.
    @Test func anUndatedSourceTakesAPublicationDate() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let url = "https://www.cnil.example.fr/deliberation-2023"
        let added = try CLI.run(["add", "--db", db, "--uid", "reg", "--kind", "regulatory", "--date", "2023-34", "--title", "Avis",
                                 "--entity", "Santéo", "--source", url, "--publisher", "CNIL"])
        #expect(added.status == 0 && added.stderr.contains("has no publication date"), "\(added.stderr)")
        func asOf(_ day: String) throws -> Int {
            try CLI.run(["list", "--db", db, "--as-of", day, "--format", "tsv"]).stdout.split(separator: "\n").count - 1
        }
        let dated = try CLI.run(["edit", "reg", "--db", db, "--source", url, "--published", "2023-06-20"])
        #expect(dated.status == 0 && dated.stderr.contains("which had no publication date, is now dated 2023-06-20.") && !dated.stderr.contains("not applied"),
                "\(dated.stdout)\(dated.stderr)")
        let published = try CLI.run(["sql", "SELECT published_edtf FROM sources", "--db", db, "--format", "tsv"])
        #expect(published.stdout == "published_edtf\n2023-06-20\n", "\(published.stdout)")
        let redated = try CLI.run(["edit", "reg", "--db", db, "--source", url, "--published", "2023-07-01"])
        #expect(redated.stderr.contains("--published, which describes a new source, was not applied"), "\(redated.stderr)")
        #expect(try CLI.run(["sql", "SELECT published_edtf FROM sources", "--db", db, "--format", "tsv"]).stdout == published.stdout)

        // An import dates one too: a record that changes nothing else, and one after a record
        // that cited the source undated.
        let undated = "https://www.example.org/undated"
        #expect(try CLI.run(["add", "--db", db, "--uid", "u", "--kind", "launch", "--date", "2023", "--title", "U", "--entity", "Acme",
                             "--source", undated, "--publisher", "Ex"]).status == 0)
        let csv = folder.path("dates.csv")
        try Data("uid,kind,when,title,entity,source,published\nu,launch,2023,U,Acme,\(undated),\nu2,launch,2023,U2,Acme,\(undated),2023-02-01\n".utf8)
            .write(to: URL(fileURLWithPath: csv))
        let imported = try CLI.run(["import", csv, "--db", db])
        #expect(imported.status == 0 && imported.stderr.contains("1 source without a publication date took the one the file gives")
                && !imported.stderr.contains("gave another"), "\(imported.stdout)\(imported.stderr)")
        let sources = try CLI.run(["sql", "SELECT published_edtf FROM sources WHERE url = '\(undated)'", "--db", db, "--format", "tsv"])
        #expect(sources.stdout == "published_edtf\n2023-02-01\n", "\(sources.stdout)")
        // The copies of the sources kept in the citing events' rows say so too (the machine
        // formats read them), for a source the file made undated as well.
        let fresh = folder.path("fresh.csv")
        try Data("uid,kind,when,title,entity,source,published\nw1,launch,2023,W1,Acme,https://new.example.org/x,\nw2,launch,2023,W2,Acme,https://new.example.org/x,2023-04-01\n".utf8)
            .write(to: URL(fileURLWithPath: fresh))
        #expect(try CLI.run(["import", fresh, "--db", db]).status == 0)
        let checked = try CLI.run(["check", "--db", db])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let listed = try CLI.run(["list", "--db", db, "--format", "ndjson"]).stdout
        #expect(listed.contains(#""published":"2023-02-01""#) && !listed.contains(#""url":"https://www.example.org/undated","title":null,"publisher":"Ex","published":null"#)
                && listed.components(separatedBy: #""published":"2023-04-01""#).count == 3, "\(listed)")
        let third = "https://www.example.org/third"
        #expect(try CLI.run(["add", "--db", db, "--uid", "v", "--kind", "launch", "--date", "2023", "--title", "V", "--entity", "Acme",
                             "--source", third, "--publisher", "Ex"]).status == 0)
        let ndjson = folder.path("v.ndjson")
        let record = #"{"uid":"v","kind":"launch","when":"2023","title":"V","entities":["Acme"],"sources":[{"url":"\#(third)","published":"2023-03-01"}]}"#
        try Data((record + "\n").utf8).write(to: URL(fileURLWithPath: ndjson))
        let unchanged = try CLI.run(["import", ndjson, "--db", db])
        #expect(unchanged.stdout.hasSuffix("0 added, 0 updated, 1 unchanged.\n") && unchanged.stderr.contains("without a publication date took the one the file gives"),
                "\(unchanged.stdout)\(unchanged.stderr)")
        let kept = try CLI.run(["sql", "SELECT published_edtf FROM sources WHERE url = '\(third)'", "--db", db, "--format", "tsv"])
        #expect(kept.stdout == "published_edtf\n2023-03-01\n", "the date is not rolled back with the unchanged event: \(kept.stdout)")
    }

    /// `edit --uid` says that edit keeps uids and what to do instead, not "did you mean --kind".
    @Test func editSaysItKeepsUIDs() throws {
        let result = try CLI.run(["edit", "amazon-care-launch-2019-09", "--db", db, "--uid", "other"])
        #expect(result.status == 64 && result.stderr.contains("edit keeps an event's uid") && !result.stderr.contains("--kind"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "a usage error makes no database")
    }

    /// A blank entity is a usage error from `add` and a bad field in an import, named as such,
    /// not the tables' CHECK failing; `TIMELINE_NOW` given without a fraction is stored with
    /// `.000`, so that times compare in order as text.
    @Test func aBlankEntityIsNamedAndGivenTimesRunInOrder() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let blank = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "x", "--entity", "  "])
        #expect(blank.status == 64 && blank.stderr.contains("--entity '  ' needs a name"), "\(blank.stderr)")
        for entities in [#"[""]"#, #"["  "]"#, #"[{"slug":" ","name":""}]"#] {
            let record = #"{"kind":"launch","when":"2020","title":"x","entities":"# + entities + "}"
            let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"], stdin: Data((record + "\n").utf8))
            #expect(imported.status == 65 && imported.stderr.contains("entities[0]") && imported.stderr.contains("needs a slug or a name"),
                    "\(entities): \(imported.stderr)")
        }
        let added = try CLI.run(["add", "--db", db, "--uid", "t", "--kind", "launch", "--date", "2020", "--title", "A", "--entity", "Acme"],
                                environment: ["TIMELINE_NOW": "2030-01-01T00:00:00Z"])
        #expect(added.status == 0, "\(added.stderr)")
        let recorded = try CLI.run(["sql", "SELECT recorded_at FROM events WHERE uid = 't'", "--db", db, "--format", "tsv"])
        #expect(recorded.stdout.hasSuffix("\n2030-01-01T00:00:00.000Z\n"), "\(recorded.stdout)")
        // A time given before the event's last recording would write its history out of order.
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let backwards = try CLI.run(["edit", "t", "--db", db, "--title", "B"], environment: ["TIMELINE_NOW": "2029-12-31T23:00:00.000Z"])
        #expect(backwards.status == 64 && backwards.stderr.contains("is before t was last recorded (2030-01-01T00:00:00.000Z); history only runs forward"),
                "\(backwards.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try CLI.run(["edit", "t", "--db", db, "--title", "B"], environment: ["TIMELINE_NOW": "2030-01-02T00:00:00Z"]).status == 0)
        // A time stored without a fraction (by an earlier version) compares as with `.000`.
        let older = try CLI.run([db, "UPDATE events SET recorded_at = '2030-01-02T00:00:00Z' WHERE uid = 't'"],
                                executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        #expect(older.status == 0, "\(older.stderr)")
        let stored = try CLI.run(["edit", "t", "--db", db, "--title", "C"], environment: ["TIMELINE_NOW": "2030-01-02T00:00:00.500Z"])
        #expect(stored.status == 0, "\(stored.stderr)")
        // Added again after a removal, and imported: the same rule, and a usage error, not a bad record.
        #expect(try CLI.run(["remove", "t", "--db", db], environment: ["TIMELINE_NOW": "2030-02-01T00:00:00.000Z"]).status == 0)
        let readded = try CLI.run(["add", "--db", db, "--uid", "t", "--kind", "launch", "--date", "2020", "--title", "D", "--entity", "Acme"],
                                  environment: ["TIMELINE_NOW": "2030-01-15T00:00:00.000Z"])
        #expect(readded.status == 64 && readded.stderr.contains("is before t was last recorded (2030-02-01T00:00:00.000Z)"), "\(readded.stderr)")
        let record = #"{"uid":"t","kind":"launch","when":"2020","title":"D","entities":["Acme"]}"#
        for extra in [[], ["--skip-invalid"]] {
            let imported = try CLI.run(["import", "-", "--db", db, "--format", "ndjson"] + extra, environment: ["TIMELINE_NOW": "2030-01-15T00:00:00.000Z"],
                                       stdin: Data((record + "\n").utf8))
            #expect(imported.status == 64 && imported.stderr == "timeline: the recording time 2030-01-15T00:00:00.000Z is before t was last recorded "
                    + "(2030-02-01T00:00:00.000Z); history only runs forward: give a later time.\n", "\(extra): \(imported.stderr)")
        }
    }

    /// A timeline typed in after the fact: a correction cited by a later edit shows from its
    /// source's publication date, though the edit was recorded after it; a later edit citing
    /// nothing new (a status put right) does not, nor anything after it.
    @Test func asOfShowsACorrectionCitedAfterTheFact() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        func run(_ arguments: [String], at time: String) throws {
            let result = try CLI.run(arguments + ["--db", db], environment: ["TIMELINE_NOW": time])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        try run(["add", "--uid", "cut", "--kind", "layoff", "--status", "planned", "--title", "Coupes", "--date", "2023-01", "--entity", "Nébula",
                 "--measure", "employees-laid-off=1200:person", "--source", "https://latribune.fr/a", "--published", "2023-01-05"], at: "2026-11-01T00:00:00.000Z")
        try run(["edit", "cut", "--source", "https://latribune.fr/b", "--published", "2023-01-10", "--stance", "corrects",
                 "--measure", "employees-laid-off=1150:person"], at: "2026-11-02T00:00:00.000Z")
        try run(["edit", "cut", "--status", "occurred"], at: "2026-11-03T00:00:00.000Z")
        func figures(asOf: String) throws -> [String] {
            let listed = try CLI.run(["list", "--db", db, "--as-of", asOf, "--format", "json"]).stdout
            let events = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
            return events.flatMap { event in
                ((event["measures"] as? [[String: Any]]) ?? []).map { "\(event["status"] ?? "") \($0["value"] ?? "")" }
            }
        }
        #expect(try figures(asOf: "2023-01-07") == ["planned 1200"])
        #expect(try figures(asOf: "2023-01-15") == ["planned 1200", "planned 1150"], "the correction, but not the later status")
        #expect(try figures(asOf: "2026-11-01") == ["planned 1200"], "recorded by then: as the database held it that day")
        #expect(try figures(asOf: "2026-11-05") == ["occurred 1200", "occurred 1150"])
    }

    /// A quote from a source the timeline knows is in that source's language unless --quote-lang says otherwise.
    @Test func aQuoteWithoutALanguageTakesItsSourcesLanguage() throws {
        func quoteLanguages(_ uid: String) throws -> [String: String] {
            let sources = try #require(try show(uid)["sources"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: sources.compactMap { source in
                (source["quote"] as? String).map { ($0, source["quote_language"] as? String ?? "none") }
            })
        }
        let uid = "amazon-care-launch-2019-09"
        var result = try CLI.run(["edit", uid, "--db", db, "--source", "siecle-digital-2022-09-12", "--quote", "Amazon Care, lancé en 2019"])
        #expect(result.status == 0, "\(result.stderr)")
        // By URL too; and --quote-lang wins.
        result = try CLI.run(["edit", uid, "--db", db, "--source", "https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/",
                              "--quote", "un service de santé", "--stance", "corrects"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2019", "--title", "A quoted launch",
                              "--source", "retailwire-2019-09-26", "--quote", "said in English", "--quote-lang", "en-GB"])
        #expect(result.status == 0, "\(result.stderr)")
        // A new source has no language to give.
        result = try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2019", "--title", "Another quoted launch",
                              "--source", "https://example.org/new", "--quote", "no language known"])
        #expect(result.status == 0, "\(result.stderr)")
        let languages = try quoteLanguages(uid)
        #expect(languages["Amazon Care, lancé en 2019"] == "fr")
        #expect(languages["un service de santé"] == "fr")
        #expect(try quoteLanguages("launch-2019")["said in English"] == "en-GB")
        #expect(try quoteLanguages("launch-2019-2")["no language known"] == "none")
    }

    /// An edit run twice (a retried script) adds its citation once; a list that gives one
    /// citation twice stores it once. Another quote from the same source is another citation.
    @Test func aCitationGivenAgainIsNotAddedTwice() throws {
        let uid = "amazon-care-layoff-2022-12-01"
        let url = "https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/"
        let before = try #require(try show(uid)["sources"] as? [Any]).count
        let edit = ["edit", uid, "--db", db, "--source", url, "--quote", "environ 159 employés"]
        #expect(try CLI.run(edit).stdout == "Updated \(uid)\n")
        let again = try CLI.run(edit)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout == "Unchanged \(uid)\n")
        #expect(try #require(try show(uid)["sources"] as? [Any]).count == before + 1)
        #expect(try CLI.run(["edit", uid, "--db", db, "--source", url, "--quote", "une autre phrase"]).stdout == "Updated \(uid)\n")
        #expect(try #require(try show(uid)["sources"] as? [Any]).count == before + 2)
        // The same words with spaces around them, or the source again without words, add nothing.
        #expect(try CLI.run(["edit", uid, "--db", db, "--source", url, "--quote", "  une autre phrase "]).stdout == "Unchanged \(uid)\n")
        #expect(try CLI.run(["edit", uid, "--db", db, "--source", url]).stdout == "Unchanged \(uid)\n")
        #expect(try #require(try show(uid)["sources"] as? [Any]).count == before + 2)

        let twice = #"{"kind":"launch","title":"Cited twice","when":"2020","sources":[{"key":"k","url":"https://example.org/a","quote":"q"},{"key":"k","quote":"q"}]}"#
        let imported = try CLI.run(["import", "-", "--format", "ndjson", "--db", db], stdin: Data(twice.utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.shell("sqlite3 '\(db)' \"SELECT count(*) FROM citations c JOIN events e ON e.id = c.event_id WHERE e.title = 'Cited twice'\"").stdout == "1\n")
    }

    /// Tags are stored without surrounding spaces, a tag of spaces is none, and `--tag ''` alone
    /// removes them all.
    @Test func tagsAreTrimmedAndAnEmptyTagClearsThem() throws {
        let uid = "amazon-care-launch-2019-09"
        #expect(try CLI.run(["edit", uid, "--db", db, "--tag", " health  care ", "--tag", " ", "--tag", "pilot"]).status == 0)
        #expect(try show(uid)["tags"] as? [String] == ["health  care", "pilot"])
        #expect(try CLI.run(["edit", uid, "--db", db, "--tag", "pilot "]).status == 0)
        #expect(try show(uid)["tags"] as? [String] == ["pilot"])
        #expect(try CLI.run(["list", "--db", db, "--tag", " pilot ", "--format", "tsv"]).stdout.contains(uid), "a filter trimmed as tags are")
        #expect(try CLI.run(["edit", uid, "--db", db, "--tag", ""]).status == 0)
        #expect(try show(uid)["tags"] as? [String] == [])
    }

    /// A numbered uid is explained by the event that holds its stem: the same date is named as
    /// such, a date that only reads the same in a uid (`until 2019`, `2019`) as that; a uid that
    /// ends in its own date (`…-2019-2022`) is not numbered and gets no note.
    @Test func aNumberedUIDNamesTheEventBeforeIt() throws {
        func add(_ date: String) throws -> CLIResult {
            try CLI.run(["add", "--db", db, "--kind", "launch", "--entity", "Acme", "--title", "Launch \(date)", "--date", date])
        }
        #expect(try add("until 2019").stdout == "Added acme-launch-2019\n")
        let since = try add("since 2019")
        #expect(since.stdout == "Added acme-launch-2019-2\n")
        #expect(since.stderr == "timeline: note: acme-launch-2019-2 is numbered because acme-launch-2019 has the same main entity and kind, and its date (until 2019) reads as this one's (since 2019) in a uid; --uid names an event as you choose.\n")
        let interval = try add("2019/2022")
        #expect(interval.stdout == "Added acme-launch-2019-2022\n")
        #expect(interval.stderr.isEmpty, "\(interval.stderr)")
        #expect(try add("since 2019").stdout == "Unchanged acme-launch-2019-2\n", "the same add again changes nothing")
        let again = try CLI.run(["add", "--db", db, "--kind", "launch", "--entity", "Acme", "--title", "Launch again", "--date", "since 2019"])
        #expect(again.stderr.hasPrefix("timeline: note: acme-launch-2019-3 has the same main entity, kind and date")
                || again.stderr.hasPrefix("timeline: note: acme-launch-2019-2 has the same main entity, kind and date"), "\(again.stderr)")
    }

    /// A new entity spelt as a known name or alias but for accents (`Nebula`, `Nébula`) is noted
    /// when made, and `check` warns of the pair.
    @Test func aNewEntitySpeltAsAKnownOneButForAccentsIsNoted() throws {
        #expect(try CLI.run(["entities", "edit", "one-medical", "--db", db, "--alias", "Nébula"]).status == 0)
        let added = try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2020", "--title", "t", "--entity", "Nebula",
                                 "--source", "https://example.org/n", "--published", "2020-02-01"])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr == "timeline: note: the new entity 'Nebula' (nebula) reads as 'Nébula' of one-medical but for accents, case or punctuation; if they are one, `timeline entities merge nebula one-medical` joins them.\n")
        let again = try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2021", "--title", "t", "--entity", "Nebula",
                                 "--source", "https://example.org/n"])
        #expect(again.stderr.isEmpty, "the entity is not new any more: \(again.stderr)")
        let check = try CLI.run(["check", "--db", db, "--format", "tsv"])
        #expect(check.stdout.contains("warning\tentities\t'Nebula' (nebula) and 'Nébula' (one-medical) read alike but for accents, case or punctuation"),
                "\(check.stdout)")
        // Punctuation and spacing too: `Walmart` for `Wal-Mart`, `Hudsons Bay` for `Hudson's Bay`.
        for (known, new) in [("Wal-Mart", "Walmart"), ("Hudson's Bay Company", "Hudsons Bay Company"), ("Marks & Spencer", "Marks and Spencer"),
                             ("Standard and Poors", "Standard & Poor's")] {
            #expect(try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2007", "--title", "a", "--entity", known]).stderr.isEmpty)
            let second = try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2007", "--title", "b", "--entity", new])
            #expect(second.stderr.hasPrefix("timeline: note: the new entity '\(new)' "), "\(second.stderr)")
            #expect(second.stderr.contains(" reads as '\(known)' of "), "\(second.stderr)")
        }
        let checked = try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout
        #expect(checked.contains("'Wal-Mart' (wal-mart) and 'Walmart' (walmart) read alike"), "\(checked)")
        #expect(checked.contains("'Hudson's Bay Company' (hudson-s-bay-company) and 'Hudsons Bay Company' (hudsons-bay-company) read alike")
                || checked.contains("'Hudson's Bay Company' (hudsons-bay-company)"), "\(checked)")
    }

    /// An import that makes entities spelt as known ones (or as each other) but for accents,
    /// case, spacing or punctuation names them, with the merge that joins them.
    @Test func importNamesNewEntitiesSpeltAsKnownOnes() throws {
        #expect(try CLI.run(["add", "--db", db, "--kind", "other", "--date", "2007", "--title", "a", "--entity", "Wal-Mart"]).status == 0)
        let sheet = folder.path("alike.csv")
        try "kind,when,title,entity\nother,2008,b,Walmart\nother,2008,c,Schlecker AG\nother,2009,d,SCHLECKER-AG\nother,2009,e,Karstadt\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        for dryRun in [true, false] {
            let imported = try CLI.run(["import", sheet, "--db", db] + (dryRun ? ["--dry-run"] : []))
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stderr == "timeline: note: 1 new entity \(dryRun ? "would read" : "reads") as another but for accents, case, spacing or punctuation: "
                    + "'Walmart' (walmart) as 'Wal-Mart' (wal-mart); if they are one, `timeline entities merge walmart wal-mart` joins them "
                    + "(and keeps the spelling as an alias).\n", "\(imported.stderr)")
        }
        // Words run together are no other spelling (`The Rapist Support`, `Therapist Support`); a
        // pair is named once, however many of its names are new.
        let apart = folder.path("apart.csv")
        try "kind,when,title,entity\nother,2010,f,The Rapist Support\nother,2010,g,Therapist Support\nother,2011,h,Kaufhof-Galeria\nother,2011,i,KaufhofGaleria\n"
            .write(toFile: apart, atomically: true, encoding: .utf8)
        let once = try CLI.run(["import", apart, "--db", db])
        #expect(once.stderr.hasPrefix("timeline: note: 1 new entity reads as another but for accents, case, spacing or punctuation: "
                + "'KaufhofGaleria' (kaufhofgaleria) as 'Kaufhof-Galeria' (kaufhof-galeria);"), "\(once.stderr)")
        #expect(!(try CLI.run(["check", "--db", db, "--format", "tsv"]).stdout.contains("Therapist")))
        // Schlecker AG and SCHLECKER-AG are one entity already (by name, ignoring case and punctuation): no note.
        #expect(try CLI.run(["entities", "--db", db, "--format", "tsv"]).stdout.components(separatedBy: "schlecker").count == 2)
    }

    /// A uid typed without the hash an import gave it, or in capitals, names the uids it may
    /// mean, in every command that takes one.
    @Test func anUnknownUIDNamesTheUIDsItMayMean() throws {
        let sheet = folder.path("bhs.csv")
        try "kind,when,title,entity\nshutdown,2016-04-25,BHS closes,BHS\nother,2016-04-25,BHS owner sells,BHS\n".write(toFile: sheet, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", sheet, "--db", db]).status == 0)
        let listed = try CLI.run(["list", "--db", db, "--entity", "bhs", "--format", "tsv"]).stdout.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "\t" }) }
        let shutdown = try #require(listed.first { $0.hasPrefix("bhs-shutdown-2016-04-25-") })
        let other = try #require(listed.first { $0.hasPrefix("bhs-other-2016-04-25-") })
        for command in [["show"], ["edit", "--title", "x"], ["remove"], ["history"]] {
            let result = try CLI.run([command[0], "bhs-shutdown-2016-04-25", "--db", db] + command.dropFirst())
            #expect(result.status == 66)
            #expect(result.stderr.hasSuffix("the uid 'bhs-shutdown-2016-04-25'; did you mean '\(shutdown)'?\n"), "\(command): \(result.stderr)")
        }
        #expect(try CLI.run(["show", "BHS-SHUTDOWN-2016-04-25", "--db", db]).stderr.hasSuffix("did you mean '\(shutdown)'?\n"))
        #expect(try CLI.run(["show", "bhs", "--db", db]).stderr.hasSuffix("did you mean '\(other)' or '\(shutdown)'?\n"))
        #expect(try CLI.run(["show", "zzz", "--db", db]).stderr == "timeline: no event has the uid 'zzz'; `timeline list` shows the uids.\n")
        // A removed event's uid, for restore and history.
        #expect(try CLI.run(["remove", other, "--db", db]).status == 0)
        let restore = try CLI.run(["restore", "bhs-other-2016-04-25", "--db", db])
        #expect(restore.status == 66 && restore.stderr.hasSuffix("had the uid 'bhs-other-2016-04-25'; did you mean '\(other)'?\n"), "\(restore.stderr)")
        #expect(try CLI.run(["history", "bhs-other-2016-04-25", "--db", db]).stderr.hasSuffix("did you mean '\(other)'?\n"))
        // A uid given with --uid keeps its capitals: it is looked for as typed too.
        for uid in ["ACME-Layoff-2022", "Événement-Paris-1", "événement-lyon-1"] {
            #expect(try CLI.run(["add", "--db", db, "--uid", uid, "--kind", "layoff", "--date", "2022", "--title", uid, "--entity", "Acme"]).status == 0)
        }
        #expect(try CLI.run(["show", "ACME-Layoff", "--db", db]).stderr.hasSuffix("did you mean 'ACME-Layoff-2022'?\n"))
        #expect(try CLI.run(["history", "ACME", "--db", db]).stderr.hasSuffix("did you mean 'ACME-Layoff-2022'?\n"))
        let accented = try CLI.run(["show", "Événement", "--db", db]).stderr
        #expect(accented.hasSuffix("did you mean 'Événement-Paris-1' or 'événement-lyon-1'?\n"), "\(accented)")
        // In another mix of case, or short of its last letter.
        #expect(try CLI.run(["edit", "Acme-layoff-2022", "--db", db, "--title", "x"]).stderr.hasSuffix("did you mean 'ACME-Layoff-2022'?\n"))
        #expect(try CLI.run(["remove", String(shutdown.dropLast()), "--db", db]).stderr.hasSuffix("did you mean '\(shutdown)'?\n"))
        // A letter wrong or missing inside it.
        #expect(try CLI.run(["add", "--db", db, "--uid", "glovo-launch-2015", "--kind", "launch", "--date", "2015", "--title", "G", "--entity", "Glovo"]).status == 0)
        #expect(try CLI.run(["edit", "glovo-lanch-2015", "--db", db, "--title", "y"]).stderr.hasSuffix("did you mean 'glovo-launch-2015'?\n"))
        #expect(try CLI.run(["show", "glovo-lunch-2016", "--db", db]).stderr.hasSuffix("did you mean 'glovo-launch-2015'?\n"))
    }

    @Test func editAndRemoveOfAnUnknownUIDAreMissingInput() throws {
        #expect(try CLI.run(["edit", "nope", "--db", db, "--title", "x"]).status == 66)
        #expect(try CLI.run(["remove", "nope", "--db", db]).status == 66)
    }

    /// `remove` takes several uids, all removed or none: an unknown one among them removes
    /// none; one given twice is one.
    @Test func removeTakesSeveralUIDsAllOrNone() throws {
        for title in ["A", "B", "C"] {
            #expect(try CLI.run(["add", "--db", db, "--uid", title.lowercased(), "--kind", "launch", "--date", "2020", "--title", title]).status == 0)
        }
        let before = try folder.bytes("timeline.sqlite")
        let refused = try CLI.run(["remove", "a", "nope", "b", "--db", db])
        #expect(refused.status == 66 && refused.stderr == "timeline: no event has the uid 'nope'; `timeline list` shows the uids.\n", "\(refused.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == before, "none removed")
        let removed = try CLI.run(["remove", "a", "b", "a", "--db", db])
        #expect(removed.status == 0 && removed.stdout == "Removed a\nRemoved b\n", "\(removed.stdout)\(removed.stderr)")
        #expect(try CLI.run(["show", "a", "--db", db]).status == 66 && CLI.run(["show", "b", "--db", db]).status == 66)
        #expect(try CLI.run(["show", "c", "--db", db]).status == 0)
        #expect(try CLI.run(["remove", "--db", db]).status == 64)
    }

    @Test func globalDatabaseOptionBeforeTheCommand() throws {
        let result = try CLI.run(["--db", db, "list", "--format", "tsv"])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }
}

/// `timeline restore`: a removed event comes back as it was, its history going on.
@Suite struct RestoreCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        _ = try CLI.run(["migrate", "--skip-seeds", "--db", db])
    }

    @Test func aRemovedEventComesBackAsItWasEvenAfterAMerge() throws {
        let add = ["add", "--db", db, "--uid", "cut", "--kind", "layoff", "--date", "18 January 2023", "--title", "Acme cuts 300",
                   "--entity", "Acme Corp:employer", "--measure", "employees-laid-off=300:person",
                   "--source", "https://example.com/acme", "--published", "2023-01-18", "--quote", "300 postes", "--tag", "tech"]
        #expect(try CLI.run(add).status == 0)
        let before = try CLI.run(["show", "cut", "--db", db, "--format", "json"]).stdout
        #expect(try CLI.run(["remove", "cut", "--db", db]).status == 0)
        let again = try CLI.run(["remove", "cut", "--db", db])
        #expect(again.status == 66 && again.stderr == "timeline: the event 'cut' was removed already; `timeline restore cut` brings it back.\n")
        // show and edit of it say so too, rather than take the uid for a typo.
        for command in [["show", "cut"], ["edit", "cut", "--title", "X"]] {
            let removed = try CLI.run(command + ["--db", db])
            #expect(removed.status == 66 && removed.stderr == "timeline: the event 'cut' was removed; `timeline restore cut` brings it back, "
                    + "and `timeline history cut` shows it.\n", "\(removed.stderr)")
        }
        #expect(try CLI.run(["restore", "cut", "--db", db]).stdout == "Restored cut\n")
        #expect(try CLI.run(["show", "cut", "--db", db, "--format", "json"]).stdout == before)
        #expect(try CLI.run(["history", "cut", "--db", db]).stdout.contains("added again\n  (as it was when removed)"))

        // Its entity merged into another meanwhile: the merge kept the old name as an alias.
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2020", "--title", "Other", "--entity", "Acme"]).status == 0)
        #expect(try CLI.run(["remove", "cut", "--db", db]).status == 0)
        #expect(try CLI.run(["entities", "merge", "Acme Corp", "Acme", "--db", db]).status == 0)
        #expect(try CLI.run(["restore", "cut", "--db", db]).status == 0)
        let restored = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["show", "cut", "--db", db, "--format", "json"]).stdout.utf8)) as? [String: Any])
        #expect((restored["entities"] as? [[String: Any]])?.map { "\($0["slug"]!) \($0["role"]!)" } == ["acme employer"])
        #expect(try CLI.run(["entities", "--db", db, "--format", "tsv"]).stdout.split(separator: "\n").count == 2, "no second Acme Corp")
    }

    @Test(arguments: [
        ("cut", 64, "the event 'cut' is in the timeline; only a removed event is restored (`timeline history cut` shows its versions)."),
        ("nope", 66, "no event has ever had the uid 'nope'; `timeline list` shows the uids."),
    ])
    func onlyARemovedEventIsRestored(uid: String, status: Int32, message: String) throws {
        #expect(try CLI.run(["add", "--db", db, "--uid", "cut", "--kind", "layoff", "--date", "2023", "--title", "T", "--entity", "A"]).status == 0)
        let bytes = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["restore", uid, "--db", db])
        #expect(result.status == status && result.stderr == "timeline: \(message)\n", "\(result.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == bytes)
    }
}
