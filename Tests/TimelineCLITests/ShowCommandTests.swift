import Foundation
import Testing

@Suite struct ShowCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func showsDatesFiguresAndQuotesInTheirLanguage() throws {
        let result = try CLI.run(["show", "amazon-care-shutdown-2022-12-31", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("31 Dec 2022 (2022-12-31, day"))
        #expect(result.stdout.contains("24 Aug 2022"))
        #expect(result.stdout.contains("Siècle Digital"))
        #expect(result.stdout.contains("n'était pas la bonne solution à long terme"))
        #expect(result.stdout.contains("[fr]"))
        #expect(result.stdout.contains("SUPPORTS"))
    }

    /// In French: the labels aligned, with French colons, and statuses, stances and precisions.
    @Test func showsThePageInFrench() throws {
        let result = try CLI.run(["show", "amazon-care-layoff-2022-12-01", "--db", db, "--lang", "fr"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  uid\u{a0}:        amazon-care-layoff-2022-12-01")
        #expect(lines[3] == "  statut\u{a0}:     prévu")
        #expect(lines[4] == "  date\u{a0}:       1er déc. 2022 (2022-12-01, jour, EDTF 2022-12-01)")
        #expect(lines.contains("Chiffres") && lines.contains("Sources"))
        #expect(result.stdout.contains("  [2] APPUIE\u{a0}: Siècle Digital, 12 sept. 2022 (fr, news\u{a0}; clé siecle-digital-2022-09-12)"))
        #expect(result.stdout.contains("      traduction\u{a0}: about 159 Amazon Care employees will be laid off"))
        // English is as it was.
        let english = try CLI.run(["show", "amazon-care-layoff-2022-12-01", "--db", db]).stdout.split(separator: "\n").map(String.init)
        #expect(english[3] == "  status:     planned")
        #expect(english.contains("  [2] SUPPORTS: Siècle Digital, 12 Sep 2022 (fr, news; key siecle-digital-2022-09-12)"))
    }

    @Test func showsContradictingSources() throws {
        let result = try CLI.run(["show", "amazon-care-expansion-2021-summer", "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.contains("CONTRADICTS: CNBC"))
        #expect(result.stdout.contains("Summer 2021 (2021-06-01 … 2021-08-31, season"))
    }

    @Test func showsFigures() throws {
        let result = try CLI.run(["show", "care-medical-layoff-2022-12-01", "--db", db])
        #expect(result.stdout.contains("positions-cut: 236 positions (care-medical)"))
    }

    @Test func jsonIsOneObject() throws {
        let result = try CLI.run(["show", "amazon-care-layoff-2022-12-01", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["uid"] as? String == "amazon-care-layoff-2022-12-01")
        #expect(object["announced"] as? String == "2022-09-08")
    }

    @Test func unknownUIDIsMissingInput() throws {
        let result = try CLI.run(["show", "no-such-event", "--db", db])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no-such-event"))
    }
}
