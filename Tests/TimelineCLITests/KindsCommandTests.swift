import Foundation
import Testing

/// `timeline kinds`: the vocabulary of kinds, listed, added to, described and taken from.
@Suite struct KindsCommandTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        _ = try CLI.run(["migrate", "--db", db])
    }

    func sqlite(_ sql: String) throws -> String {
        try CLI.run([db, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
    }

    @Test func kindsAreListedWithTheirEventsAndDescriptions() throws {
        let csv = try CLI.run(["kinds", "--db", db, "--format", "csv"])
        #expect(csv.status == 0)
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "name,description,events")
        // The sample's two layoffs (its December 2022 and early 2023 cuts) and its one launch.
        #expect(lines.contains("layoff,Jobs are cut,2") && lines.contains("launch,\"A product, service or organisation starts\",1"), "\(lines)")
        #expect(lines.count == 1 + Int(try sqlite("SELECT count(*) FROM event_kinds").trimmingCharacters(in: .whitespacesAndNewlines))!)
        let json = try CLI.run(["kinds", "list", "--db", db, "--format", "json"])
        let kinds = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(kinds.first?["name"] as? String == "acquisition" && kinds.first?["events"] as? Int == 5)
    }

    @Test func aKindIsAddedThenUsedAndCannotBeRemovedWhileUsed() throws {
        let added = try CLI.run(["kinds", "add", "restructuring", "--db", db, "--description", " An organisation is reorganised "])
        #expect(added.status == 0 && added.stdout == "Added restructuring\n", "\(added.stderr)")
        #expect(try sqlite("SELECT description FROM event_kinds WHERE name = 'restructuring'") == "An organisation is reorganised\n")
        // A script's retry changes nothing; another description is refused, the file unchanged.
        #expect(try CLI.run(["kinds", "add", "restructuring", "--db", db, "--description", "An organisation is reorganised"]).stdout == "Unchanged restructuring\n")
        let before = try folder.bytes("timeline.sqlite")
        let other = try CLI.run(["kinds", "add", "restructuring", "--db", db, "--description", "Something else"])
        #expect(other.status == 64)
        #expect(other.stderr == "timeline: the kind 'restructuring' exists, described as 'An organisation is reorganised'; `timeline kinds edit restructuring --description TEXT` changes that.\n")
        #expect(try folder.bytes("timeline.sqlite") == before)

        #expect(try CLI.run(["add", "--db", db, "--kind", "restructuring", "--date", "2023", "--title", "Acme reorganises", "--entity", "Acme"]).status == 0)
        let used = try CLI.run(["kinds", "remove", "restructuring", "--db", db])
        #expect(used.status == 64)
        #expect(used.stderr == "timeline: the kind 'restructuring' cannot be removed: 1 event is of it (`timeline list --kind restructuring` shows them); edit them to another kind first (`timeline edit UID --kind OTHER`).\n")
        #expect(try CLI.run(["kinds", "edit", "restructuring", "--db", db, "--description", "Reorganised"]).stdout == "Edited restructuring\n")
        // Named as --kind takes it: in any case, spaces for hyphens.
        #expect(try CLI.run(["kinds", "edit", "Restructuring", "--db", db, "--description", "Reorganised"]).stdout == "Unchanged Restructuring\n")
        #expect(try sqlite("SELECT description FROM event_kinds WHERE name = 'restructuring'") == "Reorganised\n")

        #expect(try CLI.run(["edit", "acme-restructuring-2023", "--db", db, "--kind", "other"]).status == 0)
        #expect(try CLI.run(["kinds", "remove", "restructuring", "--db", db]).stdout == "Removed restructuring\n")
        #expect(try sqlite("SELECT count(*) FROM event_kinds WHERE name = 'restructuring'") == "0\n")
    }

    @Test(arguments: [
        (["kinds", "add", "Product Recall", "--description", "x"], 64, "'Product Recall' is not a kind name: use lowercase letters, digits and '-', as in 'product-recall'."),
        (["kinds", "add", "recall", "--description", "  "], 64, "a kind needs a description of what it means (--description 'A product is recalled')."),
        (["kinds", "edit", "layof", "--description", "x"], 66, "no kind 'layof'; did you mean 'layoff'? known kinds: "),
        (["kinds", "remove", "Layof"], 66, "no kind 'Layof'; did you mean 'layoff'? known kinds: "),
        (["kinds", "remove", "recall"], 66, "no kind 'recall'; known kinds: "),
        (["add", "--kind", "layof", "--date", "2023", "--title", "T", "--entity", "A"], 64, "unknown kind 'layof' (did you mean 'layoff'?); known kinds: "),
        (["add", "--kind", "recall", "--date", "2023", "--title", "T", "--entity", "A"], 64, "regulatory, shutdown; `timeline kinds add recall --description TEXT` adds it."),
    ])
    func badKindChangesAreRefusedAndChangeNothing(arguments: [String], status: Int32, message: String) throws {
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == status)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try folder.bytes("timeline.sqlite") == before)
    }
}
