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

    /// After a merge, `--as-of` a day before it finds the events of the merged entity by its name,
    /// as they stood then (naming it by its own slug).
    @Test func asOfBeforeAMergeFindsTheMergedEntitysEvents() throws {
        let empty = folder.path("empty.sqlite")
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
        let before = ["TIMELINE_NOW": "2024-01-01T00:00:00.000Z"]
        #expect(try CLI.run(["--db", empty, "add", "--kind", "layoff", "--date", "2023", "--title", "Acme Inc cuts jobs", "--entity", "Acme Inc",
                             "--source", "https://example.fr/2", "--published", "2023-02-01"], environment: before).status == 0)
        #expect(try CLI.run(["--db", empty, "add", "--kind", "launch", "--date", "2022", "--title", "Acme Corp launch", "--entity", "Acme Corp",
                             "--source", "https://example.fr/2"], environment: before).status == 0)
        let merged = try CLI.run(["--db", empty, "entities", "merge", "Acme Inc", "acme-corp"], environment: ["TIMELINE_NOW": "2024-03-01T00:00:00.000Z"])
        #expect(merged.status == 0, "\(merged.stderr)")
        let asOf = try CLI.run(["--db", empty, "list", "--as-of", "2024-02-15", "--entity", "Acme Inc", "--format", "tsv"])
        #expect(asOf.status == 0, "\(asOf.stderr)")
        #expect(asOf.stdout.contains("\nacme-inc-layoff-2023\t"), "\(asOf.stdout)")
    }

    @Test func anEmptyTimelineSaysSo() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["--db", db, "entities"]).stdout == "The timeline has no entities yet.\n")
        #expect(try CLI.run(["--db", db, "entities", "--format", "json"]).stdout == "[]\n")
    }

    private func sqlite(_ query: String) throws -> String {
        let result = try CLI.shell("sqlite3 '\(db)' \"\(query)\"")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func editRenamesRetypesAndChangesAliasesAndRelations() throws {
        let edited = try CLI.run(["--db", db, "entities", "edit", "Amazon Care", "--name", "Amazon Care Services", "--type", "organisation",
                                  "--alias", "Amazon Santé@fr", "--alias", "AC@home", "--relate", "part-of=amazon@2019/2022",
                                  "--description", ""])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Edited amazon-care\n")
        #expect(edited.stderr.hasPrefix("timeline: note: --alias 'AC@home' is kept whole, '@' and all: 'home' is no language tag (fr, en, pt-BR); "
                + "for an alias in a language, give its tag after the '@'.\n"), "\(edited.stderr)")
        #expect(try sqlite("SELECT name, type, description IS NULL FROM entities WHERE slug = 'amazon-care'") == "Amazon Care Services|organisation|1\n")
        // The old name stays as an alias; a language after '@' only when it looks like one.
        #expect(try sqlite("SELECT alias, coalesce(language, '-') FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                           + "WHERE e.slug = 'amazon-care' ORDER BY a.id") == "Amazon Care|-\nAmazon Santé|fr\nAC@home|-\n")
        #expect(try sqlite("SELECT r.relation, o.slug, r.valid_edtf FROM entity_relations r JOIN entities e ON e.id = r.entity_id "
                           + "JOIN entities o ON o.id = r.other_id WHERE e.slug = 'amazon-care' ORDER BY 1") == "part-of|amazon|2019/2022\nproduct-of|amazon|2019-09/2022-12-31\n")
        // Events show the new name, and the search index knows the new alias.
        #expect(try CLI.run(["--db", db, "list", "--entity", "amazon-care", "--format", "json"]).stdout.contains("Amazon Care Services"))
        #expect(try CLI.run(["--db", db, "list", "--search", "Santé", "--format", "tsv"]).stdout.split(separator: "\n").count > 1)
        // The stored lists of the events naming it are written again with the new name, not left
        // cleared for the view and an SQL export to do without.
        #expect(try sqlite("SELECT count(*) FROM events WHERE entities_json IS NULL OR measures_json IS NULL OR figures_label IS NULL") == "0\n")
        #expect(try sqlite("SELECT count(*) FROM events WHERE entities_json LIKE '%Amazon Care Services%'") != "0\n")
        #expect(try CLI.run(["--db", db, "entities", "edit", "hilton", "--description", "Hotels"]).status == 0)
        #expect(try sqlite("SELECT count(*) FROM events WHERE entities_json IS NULL") == "0\n")

        // Removing: an alias in any case, a relation by the other's name.
        let removed = try CLI.run(["--db", db, "entities", "edit", "amazon care services", "--remove-alias", "AMAZON SANTÉ",
                                   "--unrelate", "part-of=Amazon"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try sqlite("SELECT count(*) FROM entity_aliases WHERE alias = 'Amazon Santé'") == "0\n")
        #expect(try sqlite("SELECT count(*) FROM entity_relations r JOIN entities e ON e.id = r.entity_id WHERE e.slug = 'amazon-care'") == "1\n")
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }

    @Test(arguments: [
        (["edit", "amazon-care", "--type", "company"], 64, "--type: 'company' is not an entity type; use organisation, person, place, product."),
        (["edit", "amazon-care", "--alias", "Amazon"], 64, "--alias 'Amazon': 'Amazon' already names the entity 'amazon'; an alias must name one entity."),
        (["edit", "amazon-care", "--relate", "owns=amazon"], 64, "--relate owns=amazon: 'owns' is not a relation; use acquired-by, contractor-of, part-of, product-of."),
        (["edit", "amazon-care", "--relate", "part-of=nobody"], 64, "--relate part-of=nobody: no entity is named 'nobody'."),
        (["edit", "amazon-care", "--relate", "part-of=Amazon Care"], 64, "--relate part-of=Amazon Care: 'amazon-care' cannot be related to itself."),
        (["edit", "amazon-care", "--alias", ""], 64, "--alias is empty; give the alias."),
        (["edit", "amazon-care", "--relate", "part-of"], 64, "--relate 'part-of' is not RELATION=OTHER, as in product-of=amazon."),
        (["edit", "amazon-care", "--relate", "part-of=amazon@2023-02-30"], 64, "--relate 'part-of=amazon@2023-02-30': '2023-02-30' is not a valid date"),
        (["edit", "amazon-care", "--remove-alias", "Nope"], 64, "--remove-alias: 'Nope' is no alias of 'amazon-care'; it has none."),
        (["edit", "amazon-care", "--unrelate", "part-of=amazon"], 64, "--unrelate part-of=amazon: 'amazon-care' is not part-of 'amazon'; `timeline entities` lists its relations."),
        (["edit", "amazon-care"], 64, "entities edit needs a change"),
        (["edit", "amazon-care", "--name", "AMAZON"], 64, "--name: 'AMAZON' already names the entity 'amazon'; give each entity a name of its own."),
        (["edit", "amazon-care", "--name", " \t "], 64, "--name is blank; an entity needs a name."),
        (["edit", "one-medical", "--alias", " Hilton "], 64, "--alias ' Hilton ': 'Hilton' already names the entity 'hilton'; an alias must name one entity."),
        (["edit", "one-medical", "--alias", "CVS  Health"], 64, "--alias 'CVS  Health': 'CVS  Health' already names the entity 'cvs-health'"),
        (["edit", "one-medical", "--alias", "Care Medical!"], 64, "--alias 'Care Medical!': 'Care Medical!' already names the entity 'care-medical'"),
        (["edit", "one-medical", "--alias", "  "], 64, "--alias '  ' is blank."),
        (["edit", "amazn-car", "--type", "product"], 66, "no entity is named 'amazn-car'; did you mean amazon-care? (known entities: amazon, amazon-care,"),
        (["edit", "zzz", "--type", "product"], 66, "no entity is named 'zzz'; known entities: amazon, amazon-care,"),
        (["remove", "amazon-care"], 64, "'amazon-care' cannot be removed: 8 events name it"),
        (["merge", "amazon", "Amazon.com, Inc."], 64, "'amazon' and 'Amazon.com, Inc.' are the same entity, 'amazon'."),
        (["merge", "nobody", "amazon"], 66, "no entity is named 'nobody'"),
    ] as [([String], Int32, String)])
    func aBadEntityChangeIsRefusedAndChangesNothing(arguments: [String], status: Int32, message: String) throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        let before = try CLI.run(["--db", db, "export", "--format", "seed"]).stdout
        let result = try CLI.run(["--db", db, "entities"] + arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("timeline: " + message), "\(result.stderr)")
        #expect(try CLI.run(["--db", db, "export", "--format", "seed"]).stdout == before)
    }

    /// Two entities that are one: events, figures, relations, names and aliases move over, and
    /// every event changed keeps its old version in history.
    @Test func mergeMovesEverythingAndKeepsHistory() throws {
        let events = folder.path("typed-twice.ndjson")
        try """
            {"uid":"a","kind":"launch","title":"Care app","when":"2021","entities":[{"name":"Amazon Care Inc","role":"operator"},{"name":"Amazon Care","role":"operator"}],"measures":[{"quantity":"users","value":"5","unit":"person","entity":"Amazon Care Inc"}]}
            {"uid":"b","kind":"expansion","title":"Care in Texas","when":"2021-06","entities":[{"name":"Amazon Care Inc","role":"subject"}]}

            """.write(toFile: events, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--db", db, "import", events]).status == 0)
        let document = folder.path("relations.json")
        try #"{"format":"timeline-seed/1","entities":[{"slug":"amazon-care-inc","name":"Amazon Care Inc","aliases":["ACI"]}],"relations":[{"entity":"amazon-care-inc","relation":"contractor-of","other":"hilton"},{"entity":"amazon-care-inc","relation":"product-of","other":"amazon"},{"entity":"amazon-care-inc","relation":"part-of","other":"amazon-care"}]}"#
            .write(toFile: document, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--db", db, "import", document]).status == 0)

        // A dry run names the events the merge would change, and leaves the file as it was.
        let before = try folder.bytes("timeline.sqlite")
        let rehearsed = try CLI.run(["--db", db, "entities", "merge", "AMAZON CARE INC", "amazon-care", "--dry-run"])
        #expect(rehearsed.status == 0, "\(rehearsed.stderr)")
        #expect(rehearsed.stdout == "Dry run, nothing written: merging amazon-care-inc into amazon-care would change 2 events:\n  a\n  b\n")
        #expect(try folder.bytes("timeline.sqlite") == before)
        #expect(try sqlite("SELECT count(*) FROM entities WHERE slug = 'amazon-care-inc'") == "1\n")
        // Nor does a dry run leave a database behind where there was none.
        let nowhere = folder.path("none.sqlite")
        #expect(try CLI.run(["--db", nowhere, "entities", "merge", "amazon-care", "amazon", "--dry-run"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: nowhere))
        let merged = try CLI.run(["--db", db, "entities", "merge", "AMAZON CARE INC", "amazon-care"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == "Merged amazon-care-inc into amazon-care: 2 events changed\n")
        #expect(try sqlite("SELECT count(*) FROM entities WHERE slug = 'amazon-care-inc'") == "0\n")
        // One entity per role on the event, and the figure counts the one that remains.
        let shown = try CLI.run(["--db", db, "show", "a", "--format", "json"]).stdout
        #expect(shown.contains(#""entities":[{"slug":"amazon-care","name":"Amazon Care","role":"operator"}]"#), "\(shown)")
        #expect(shown.contains(#""entity":"amazon-care""#))
        #expect(try sqlite("SELECT uid, change FROM event_history ORDER BY uid") == "a|edit\nb|edit\n")
        // The old name and alias find the entity; its relations moved, except the one to itself
        // and the one amazon-care already had.
        #expect(try CLI.run(["--db", db, "list", "--entity", "Amazon Care Inc", "--format", "tsv"]).stdout.contains("\nb\t"))
        #expect(try CLI.run(["--db", db, "list", "--entity", "ACI", "--format", "tsv"]).status == 0)
        #expect(try sqlite("SELECT r.relation, o.slug FROM entity_relations r JOIN entities e ON e.id = r.entity_id "
                           + "JOIN entities o ON o.id = r.other_id WHERE e.slug = 'amazon-care' ORDER BY 1") == "contractor-of|hilton\nproduct-of|amazon\n")
        #expect(try CLI.run(["--db", db, "check", "--format", "tsv"]).stdout.contains("error") == false)
    }

    /// An entity no event names goes with its aliases and its own relations; another entity's
    /// relation to it is refused, named, as an event naming it is.
    @Test func removeTakesAnEntityNoEventNames() throws {
        let document = folder.path("acme.json")
        try #"{"format":"timeline-seed/1","entities":[{"slug":"acme","name":"Acme","aliases":["ACME Inc."]},{"slug":"acme-labs","name":"Acme Labs"}],"relations":[{"entity":"acme","relation":"contractor-of","other":"amazon"},{"entity":"acme-labs","relation":"part-of","other":"acme","valid":"2015/.."}]}"#
            .write(toFile: document, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["--db", db, "import", document]).status == 0)
        let before = try CLI.run(["--db", db, "export", "--format", "seed"]).stdout
        let held = try CLI.run(["--db", db, "entities", "remove", "acme"])
        #expect(held.status == 64)
        #expect(held.stderr == "timeline: 'acme' cannot be removed: another entity's relation names it (acme-labs part-of acme); remove it first "
                + "(`timeline entities edit acme-labs --unrelate part-of=acme`), or merge it into another entity with `timeline entities merge acme OTHER`.\n",
                "\(held.stderr)")
        #expect(try CLI.run(["--db", db, "export", "--format", "seed"]).stdout == before, "acme-labs keeps its relation")
        #expect(try CLI.run(["--db", db, "entities", "merge", "acme-labs", "acme", "--dry-run"]).stdout
                == "Dry run, nothing written: merging acme-labs into acme would change 0 events.\n")
        #expect(try CLI.run(["--db", db, "export", "--format", "seed"]).stdout == before)
        #expect(try CLI.run(["--db", db, "entities", "edit", "acme-labs", "--unrelate", "part-of=acme"]).status == 0)
        let removed = try CLI.run(["--db", db, "entities", "remove", "ACME Inc."])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout == "Removed acme\n")
        #expect(try sqlite("SELECT (SELECT count(*) FROM entities WHERE slug = 'acme') + (SELECT count(*) FROM entity_aliases WHERE alias = 'ACME Inc.')") == "0\n")
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }

    /// Names and aliases are stored trimmed; an alias that adds nothing is left out, and an edit
    /// that changes nothing says so.
    @Test func aliasesThatAddNothingAreLeftOut() throws {
        let edited = try CLI.run(["--db", db, "entities", "edit", "amazon-care", "--alias", " Amazon Soins@FR", "--alias", "amazon soins",
                                  "--alias", "AMAZON CARE", "--alias", "Amazon Care@pt-br"])
        #expect(edited.stdout == "Edited amazon-care\n", "\(edited.stderr)")
        #expect(try sqlite("SELECT alias, language FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE e.slug = 'amazon-care'")
                == "Amazon Soins|fr\n")
        let again = try CLI.run(["--db", db, "entities", "edit", "amazon-care", "--alias", "AMAZON SOINS", "--type", "product"])
        #expect(again.stdout == "Unchanged amazon-care\n", "\(again.stderr)")
        // A language can still change on an alias written as it is stored.
        #expect(try CLI.run(["--db", db, "entities", "edit", "amazon-care", "--alias", "Amazon Soins@fr-ca"]).stdout == "Edited amazon-care\n")
        #expect(try sqlite("SELECT language FROM entity_aliases WHERE alias = 'Amazon Soins'") == "fr-CA\n")
        // A locale's underscore is a tag's hyphen.
        #expect(try CLI.run(["--db", db, "entities", "edit", "amazon-care", "--alias", "Amazon Santé@fr_FR"]).stderr.isEmpty)
        #expect(try sqlite("SELECT language FROM entity_aliases WHERE alias = 'Amazon Santé'") == "fr-FR\n")
    }

    /// Merging two entities that both had a relation keeps the remaining one's dates, takes the
    /// other's where it had none, and says which dates were set aside.
    @Test func mergeKeepsOneDatedRelationAndSaysSo() throws {
        for arguments in [["signify-health", "--relate", "part-of=amazon@2020"], ["one-medical", "--relate", "part-of=amazon@2023"],
                          ["cvs-health", "--relate", "contractor-of=signify-health@2021"], ["cvs-health", "--relate", "contractor-of=one-medical"]] {
            let edited = try CLI.run(["--db", db, "entities", "edit"] + arguments)
            #expect(edited.status == 0, "\(edited.stderr)")
        }
        let rehearsed = try CLI.run(["--db", db, "entities", "merge", "signify-health", "one-medical", "--dry-run"])
        #expect(rehearsed.stdout.hasPrefix("Dry run, nothing written: merging signify-health into one-medical would change 3 events:\n"
                + "  amazon-signify-health-acquisition-bid-2022-08-21\n"), "\(rehearsed.stdout)")
        #expect(rehearsed.stdout.hasSuffix("\nWould keep one-medical's dates where both had a relation: part-of amazon 2023 (signify-health's: 2020)\n"))
        let merged = try CLI.run(["--db", db, "entities", "merge", "signify-health", "one-medical"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.hasSuffix("Kept one-medical's dates where both had a relation: part-of amazon 2023 (signify-health's: 2020)\n"), "\(merged.stdout)")
        #expect(try sqlite("SELECT e.slug, r.relation, o.slug, r.valid_edtf FROM entity_relations r JOIN entities e ON e.id = r.entity_id "
                           + "JOIN entities o ON o.id = r.other_id WHERE r.relation IN ('part-of', 'contractor-of') AND e.slug IN ('cvs-health', 'one-medical') ORDER BY 1, 2")
                == "cvs-health|contractor-of|one-medical|2021\none-medical|part-of|amazon|2023\n")
    }

    /// A name two entities answer to (made before edits refused them) is a check warning, and a
    /// merge clears it.
    @Test func checkWarnsOfANameTwoEntitiesAnswerTo() throws {
        #expect(try CLI.run(["--db", db, "migrate"]).status == 0)
        _ = try sqlite("INSERT INTO entities (slug, name, type) VALUES ('amazon-2', 'AMAZON', 'organisation')")
        let checked = try CLI.run(["--db", db, "check", "--format", "tsv"])
        #expect(checked.status == 65)
        #expect(checked.stdout.contains("warning\tentities\t'Amazon' names amazon and amazon-2; `timeline entities merge` joins entities that are one"),
                "\(checked.stdout)")
        #expect(try CLI.run(["--db", db, "entities", "merge", "amazon-2", "amazon"]).status == 0)
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }
}
