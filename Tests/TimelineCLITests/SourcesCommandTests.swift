import Foundation
import Testing

/// `timeline sources`: every source with what rests on it, the undated ones, a publisher's, and
/// `sources show`, each checked against the sqlite3 shell reading the same file.
@Suite struct SourcesCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
    }

    private func sqlite(_ query: String) throws -> String {
        let result = try CLI.shell("sqlite3 '\(db)' \"\(query)\"")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    private func keys(_ arguments: [String]) throws -> [String] {
        let result = try CLI.run(["--db", db, "sources"] + arguments + ["--format", "tsv"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").dropFirst().map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[0]) }
    }

    @Test func theTableListsEverySourceByPublicationDateUndatedLast() throws {
        let result = try CLI.run(["--db", db, "sources"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Published  "))
        // No source of the sample has a title: no column of empty titles.
        #expect(!lines[0].contains("Title"))
        #expect(lines.count == 2 + Int(try sqlite("SELECT count(*) FROM sources").dropLast())!)
        #expect(lines[2].hasPrefix("26 Sep 2019 "), "the pilot's RetailWire report comes first")
        #expect(lines[2].hasSuffix(" retailwire-2019-09-26"))
        let firstUndated = try #require(lines.firstIndex { $0.hasPrefix("undated ") })
        #expect(lines[firstUndated...].allSatisfy { $0.hasPrefix("undated ") }, "\(result.stdout)")
        // The order is the publication dates' (earliest day, then latest), then the keys'.
        let ordered = try sqlite("SELECT key FROM sources ORDER BY published_earliest IS NULL, published_earliest, published_latest, key")
        #expect(try keys([]) == ordered.split(separator: "\n").map(String.init))
        // Siècle Digital's counts: the events citing it, the figures given from it.
        let siecle = try #require(lines.first { $0.hasSuffix(" siecle-digital-2022-09-12") })
        let cells = siecle.split(separator: " ").map(String.init)
        #expect(cells.contains(try sqlite("SELECT count(DISTINCT c.event_id) FROM citations c JOIN sources s ON s.id = c.source_id WHERE s.key = 'siecle-digital-2022-09-12'")
            .trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func countsAreTheTablesCountsForEverySource() throws {
        let written = try CLI.run(["--db", db, "sources", "--format", "csv"])
        #expect(written.status == 0, "\(written.stderr)")
        let csv = folder.path("sources.csv")
        try written.stdout.write(toFile: csv, atomically: true, encoding: .utf8)
        // The CSV loads into the shell, and its counts are what the tables hold, source by source.
        let loaded = try CLI.shell(
            "sqlite3 :memory: \"ATTACH '\(db)' AS t\" \".import --csv \(csv) listed\" "
            + "\"SELECT count(*), sum(l.events = (SELECT count(DISTINCT event_id) FROM t.citations c WHERE c.source_id = s.id) "
            + "AND l.figures = (SELECT count(*) FROM t.measures m WHERE m.source_id = s.id) "
            + "AND l.relations = (SELECT count(*) FROM t.entity_relations r WHERE r.source_id = s.id) "
            + "AND l.published = coalesce(s.published_edtf, '') AND l.publisher = s.publisher) "
            + "FROM listed AS l JOIN t.sources AS s ON s.key = l.key\"")
        #expect(loaded.status == 0, "\(loaded.stderr)")
        let total = try sqlite("SELECT count(*) FROM sources").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(loaded.stdout == "\(total)|\(total)\n")
        // Some source backs each kind of thing, so the comparison above is of counts that are not all 0.
        #expect(try sqlite("SELECT count(*) > 0 FROM entity_relations WHERE source_id IS NOT NULL") == "1\n")
        #expect(try sqlite("SELECT count(*) > 0 FROM measures WHERE source_id IS NOT NULL") == "1\n")
    }

    @Test func undatedListsTheSourcesAsOfNeverCountsUntilOneIsDated() throws {
        let undated = try keys(["--undated"])
        let heldUndated = try sqlite("SELECT key FROM sources WHERE published_edtf IS NULL ORDER BY key")
        #expect(undated == heldUndated.split(separator: "\n").map(String.init))
        #expect(undated.contains("cvs-health-sec-filing-2023-q1"))
        // Dated through the event citing it, it leaves the list.
        let dated = try CLI.run(["--db", db, "edit", "cvs-health-signify-health-acquisition-completed-2023-03-29",
                                 "--source", "cvs-health-sec-filing-2023-q1", "--published", "2023-05-03"])
        #expect(dated.status == 0, "\(dated.stderr)")
        #expect(try keys(["--undated"]) == undated.filter { $0 != "cvs-health-sec-filing-2023-q1" })
    }

    @Test(arguments: [
        ("washington post", ["washington-post-2022-07-21", "washington-post-2022-08-24", "washington-post-care-medical"]),
        ("WASHINGTON-POST", ["washington-post-2022-07-21", "washington-post-2022-08-24", "washington-post-care-medical"]),
        ("siecle", ["siecle-digital-2022-09-12"]),
        ("Siècle Digital", ["siecle-digital-2022-09-12"]),
        ("post", ["washington-post-2022-07-21", "washington-post-2022-08-24", "washington-post-care-medical"]),
        ("wash", []),
        ("cvs health", ["cvs-health-sec-filing-2023-q1", "cvs-health-sec-filing-signify-agreement"]),
        // An apostrophe joins its word.
        ("beckers", ["beckers-2022-09-06", "beckers-hospital-review-amazon-care-shutdown", "beckers-q2-2022-earnings-call"]),
        ("Becker’s Healthcare", ["beckers-2022-09-06", "beckers-q2-2022-earnings-call"]),
    ])
    func publisherFindsWholeWordsOfTheName(words: String, expected: [String]) throws {
        #expect(try keys(["--publisher", words]).sorted() == expected)
    }

    @Test func filtersThatMatchNothingSaySo() throws {
        let none = try CLI.run(["--db", db, "sources", "--publisher", "Le Figaro"])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout == "No sources match.\n")
        #expect(try CLI.run(["--db", db, "sources", "--publisher", "Le Figaro", "--format", "json"]).stdout == "[]\n")
        let nothingToFind = try CLI.run(["--db", db, "sources", "--publisher", "?!"])
        #expect(nothingToFind.status == 64)
        #expect(nothingToFind.stderr == "timeline: --publisher '?!' holds no letter or digit to look for.\n", "\(nothingToFind.stderr)")
    }

    @Test func anEmptyTimelineSaysSo() throws {
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["--db", empty, "sources"]).stdout == "The timeline has no sources yet.\n")
        #expect(try CLI.run(["--db", empty, "sources", "--format", "json"]).stdout == "[]\n")
    }

    @Test func jsonGivesEachSourceWithItsCounts() throws {
        let result = try CLI.run(["--db", db, "sources", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let sources = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let ap = try #require(sources.first { $0["key"] as? String == "ap-2022-08-24" })
        #expect(ap["publisher"] as? String == "Associated Press")
        #expect(ap["published"] as? String == "2022-08-24")
        #expect(ap["language"] as? String == "en")
        #expect(ap["type"] as? String == "news")
        #expect(ap["figures"] as? Int == 3)
        #expect(ap["relations"] as? Int == 2)
        let undated = try #require(sources.first { $0["key"] as? String == "cvs-health-sec-filing-2023-q1" })
        #expect(undated["published"] is NSNull)
        // NDJSON: the same objects, one a line.
        let lines = try CLI.run(["--db", db, "sources", "--format", "ndjson"]).stdout.split(separator: "\n")
        #expect(lines.count == sources.count)
    }

    @Test func showGivesEveryCitationFigureAndRelationOfASource() throws {
        let shown = try CLI.run(["--db", db, "sources", "show", "ap-2022-08-24"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Associated Press, 24 Aug 2022 (en, news; key ap-2022-08-24)")
        let citing = try sqlite("SELECT count(DISTINCT c.event_id) FROM citations c JOIN sources s ON s.id = c.source_id WHERE s.key = 'ap-2022-08-24'")
        #expect(lines.contains("Events (\(citing.dropLast()))"), "\(shown.stdout)")
        // In the order of the events' dates, each at its precision.
        #expect(lines.filter { $0.hasPrefix("  ") && $0.contains("  SUPPORTS  ") } == [
            "  Summer 2021  SUPPORTS  Amazon Care's virtual care becomes available in all 50 US states  (amazon-care-expansion-2021-summer)",
            "  2022  SUPPORTS  Amazon announces in-person Amazon Care will expand to 20-plus more cities in 2022  (amazon-care-expansion-2022)",
            "  31 Dec 2022  SUPPORTS  Amazon announces it will shut Amazon Care down by the end of 2022  (amazon-care-shutdown-2022-12-31)",
        ], "\(shown.stdout)")
        #expect(lines.contains("Figures (3)"))
        #expect(lines.contains("  amazon-care-expansion-2021-summer: states: 50 states (amazon-care)"), "\(shown.stdout)")
        #expect(lines.contains("Relations (2)"))
        #expect(lines.contains("  amazon-care product-of amazon (Sep 2019 – 31 Dec 2022)"), "\(shown.stdout)")

        // A quote is shown in its own language, with the translation.
        let siecle = try CLI.run(["--db", db, "sources", "show", "https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/"])
        #expect(siecle.status == 0, "\(siecle.stderr)")
        #expect(siecle.stdout.hasPrefix("Siècle Digital, 12 Sep 2022 (fr, news; key siecle-digital-2022-09-12)\n"
                                        + "  https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/\n"))
        #expect(siecle.stdout.contains("environ 159 employés d'Amazon Care seront licenciés\u{00A0}» [fr]\n"
                                       + "      translation: about 159 Amazon Care employees will be laid off\n"), "\(siecle.stdout)")
        // In French, the labels, stances and dates.
        let french = try CLI.run(["--db", db, "sources", "show", "siecle-digital-2022-09-12", "--lang", "fr"])
        #expect(french.stdout.contains("\nÉvénements (8)\n"), "\(french.stdout)")
        #expect(french.stdout.contains("  1er déc. 2022  APPUIE  "), "\(french.stdout)")
    }

    @Test func showAsJSONListsWhatTheTablesHold() throws {
        let shown = try CLI.run(["--db", db, "sources", "show", "cnbc-2022-09-09", "--format", "json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let source = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(source["key"] as? String == "cnbc-2022-09-09")
        #expect(source["published"] as? String == "2022-09-09~")
        let citedBy = try #require(source["cited_by"] as? [[String: Any]])
        #expect(citedBy.map { $0["uid"] as? String ?? "" }.sorted()
                == (try sqlite("SELECT e.uid FROM citations c JOIN sources s ON s.id = c.source_id JOIN events e ON e.id = c.event_id "
                               + "WHERE s.key = 'cnbc-2022-09-09' ORDER BY e.uid")).split(separator: "\n").map(String.init))
        #expect(citedBy.allSatisfy { $0["stance"] as? String != nil && $0["when"] as? String != nil })
        let figures = try #require(source["figures"] as? [[String: Any]])
        #expect(figures.map { "\($0["uid"] as? String ?? "") \($0["value"] as? String ?? "") \($0["unit"] as? String ?? "")" }.sorted()
                == (try sqlite("SELECT e.uid || ' ' || m.value || ' ' || m.unit FROM measures m JOIN sources s ON s.id = m.source_id "
                               + "JOIN events e ON e.id = m.event_id WHERE s.key = 'cnbc-2022-09-09' ORDER BY 1")).split(separator: "\n").map(String.init))
        #expect((source["relations"] as? [[String: Any]])?.count == 1)
    }

    @Test func anUnknownSourceIsMissingInputNamingKeysLikeIt() throws {
        let before = try sqlite(".dump")
        let unknown = try CLI.run(["--db", db, "sources", "show", "ap-2022"])
        #expect(unknown.status == 66)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr == "timeline: no source has the key or URL 'ap-2022'; keys like it: ap-2022-08-24.\n", "\(unknown.stderr)")
        // A letter or two from a key.
        let nearMiss = try CLI.run(["--db", db, "sources", "show", "cnbc-2022-09-9"])
        #expect(nearMiss.status == 66)
        #expect(nearMiss.stderr == "timeline: no source has the key or URL 'cnbc-2022-09-9'; keys like it: cnbc-2022-09-09.\n", "\(nearMiss.stderr)")
        let empty = try CLI.run(["--db", db, "sources", "show", ""])
        #expect(empty.status == 64)
        #expect(empty.stderr.hasPrefix("timeline: the source is empty; give its key or URL (`timeline sources` lists them)"), "\(empty.stderr)")
        let nothingLike = try CLI.run(["--db", db, "sources", "show", "https://example.com/nothing"])
        #expect(nothingLike.status == 66)
        #expect(nothingLike.stderr == "timeline: no source has the key or URL 'https://example.com/nothing'; `timeline sources` lists them.\n",
                "\(nothingLike.stderr)")
        #expect(try sqlite(".dump") == before)
    }
}

/// German publishers typed as on a keyboard without umlauts.
@Suite struct SourcesPublisherSpellingTests {
    @Test(arguments: ["sueddeutsche", "Süddeutsche", "suddeutsche zeitung", "SUEDDEUTSCHE ZEITUNG"])
    func anUmlautWrittenWithAnEFindsThePublisher(words: String) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.sqlite")
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        for (url, publisher) in [("https://example.de/a", "Süddeutsche Zeitung"), ("https://example.de/b", "Börsen-Zeitung")] {
            let added = try CLI.run(["--db", db, "add", "--kind", "launch", "--date", "2021", "--title", "Event from \(publisher)",
                                     "--source", url, "--publisher", publisher, "--published", "2021-02-03"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let listed = try CLI.run(["--db", db, "sources", "--publisher", words, "--format", "tsv"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false)[3] }
                == ["Süddeutsche Zeitung"], "\(listed.stdout)")
    }
}

/// The title column, when a source has a title.
@Suite struct SourcesTitleColumnTests {
    @Test func aTitledSourceBringsTheColumn() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("t.sqlite")
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let added = try CLI.run(["--db", db, "add", "--kind", "launch", "--date", "2021", "--title", "Acme launches", "--source", "https://example.org/a",
                                 "--publisher", "Example News", "--published", "2021-02-03", "--source-title", "Acme opens its doors"])
        #expect(added.status == 0, "\(added.stderr)")
        let lines = try CLI.run(["--db", db, "sources"]).stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Published   Publisher     Title                 Type"), "\(lines[0])")
        #expect(lines[2].contains("  Example News  Acme opens its doors  news"), "\(lines[2])")
    }
}
