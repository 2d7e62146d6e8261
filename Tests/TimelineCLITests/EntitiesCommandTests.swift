import Foundation
import Testing

/// `timeline entities`: what --entity can name, with aliases, relations and event counts.
@Suite struct EntitiesCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
    }

    @Test func theTableListsEachEntityWithItsAliasesRelationsAndEvents() throws {
        let result = try CLI.run(["--db", db, "entities"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 12, "a header, a rule and the seed's ten entities")
        #expect(lines[0].hasPrefix("Slug"))
        let oneMedical = try #require(lines.first { $0.hasPrefix("one-medical ") })
        #expect(oneMedical.contains("1Life Healthcare; 1Life Healthcare, Inc."))
        #expect(oneMedical.contains("acquired-by amazon (2023-02-22)"))
        let amazonCare = try #require(lines.first { $0.hasPrefix("amazon-care ") })
        #expect(amazonCare.contains("product-of amazon (2019-09/2022-12-31)"))
        // The counts are list's: every event that names the entity, in any role.
        let listed = try CLI.run(["--db", db, "list", "--entity", "amazon-care", "--format", "ndjson"])
        let count = listed.stdout.split(separator: "\n").count
        #expect(amazonCare.split(separator: " ", omittingEmptySubsequences: true).contains(Substring(String(count))))
    }

    @Test func jsonGivesAliasesAndRelationsAsArrays() throws {
        let result = try CLI.run(["--db", db, "entities", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let entities = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(entities.map { $0["slug"] as? String ?? "" } == entities.map { $0["slug"] as? String ?? "" }.sorted())
        let oneMedical = try #require(entities.first { $0["slug"] as? String == "one-medical" })
        #expect(oneMedical["type"] as? String == "organisation")
        #expect((oneMedical["aliases"] as? [[String: Any]])?.first?["alias"] as? String == "1Life Healthcare")
        #expect((oneMedical["aliases"] as? [[String: Any]])?.first?["language"] as? String == "en")
        let relation = try #require((oneMedical["relations"] as? [[String: Any]])?.first)
        #expect(relation["relation"] as? String == "acquired-by")
        #expect(relation["other"] as? String == "amazon")
        #expect(relation["valid"] as? String == "2023-02-22")
        #expect(relation["source"] as? String != nil)
        #expect(oneMedical["events"] as? Int == 3)
    }

    @Test func csvLoadsIntoTheSQLiteShell() throws {
        let csv = folder.path("entities.csv")
        let written = try CLI.run(["--db", db, "entities", "--format", "csv"])
        try written.stdout.write(toFile: csv, atomically: true, encoding: .utf8)
        let loaded = try CLI.shell("sqlite3 :memory: '.import --csv \(csv) e' \"SELECT slug, events, json_extract(aliases, '$[0].alias') FROM e WHERE slug = 'one-medical'\"")
        #expect(loaded.status == 0, "\(loaded.stderr)")
        #expect(loaded.stdout == "one-medical|3|1Life Healthcare\n")
    }

    @Test func anEmptyTimelineSaysSo() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["--db", db, "entities"]).stdout == "The timeline has no entities yet.\n")
        #expect(try CLI.run(["--db", db, "entities", "--format", "json"]).stdout == "[]\n")
    }
}
