import Foundation
import Testing

/// `export --format seed` and `import` of timeline documents: entities with their types,
/// descriptions and aliases, relations and sources travel with the events.
@Suite struct SeedDocumentTests {
    let folder: TemporaryFolder
    var db: String { folder.path("timeline.sqlite") }
    var empty: String { folder.path("empty.sqlite") }

    init() throws {
        folder = try TemporaryFolder()
        #expect(try CLI.run(["--db", empty, "migrate", "--skip-seeds"]).status == 0)
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let path = folder.path(name)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func sqlite(_ database: String, _ query: String) throws -> String {
        let result = try CLI.shell("sqlite3 '\(database)' \"\(query)\"")
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aDocumentRoundTripsWithNothingLeftOut() throws {
        let exported = try CLI.run(["--db", db, "export", "--format", "seed", "--output", folder.path("timeline.json")])
        #expect(exported.status == 0, "\(exported.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: folder.bytes("timeline.json")) as? [String: Any])
        #expect(document["format"] as? String == "timeline-seed/1")
        #expect((document["entities"] as? [Any])?.count == 10)
        #expect((document["relations"] as? [Any])?.count == 5)
        #expect((document["sources"] as? [Any])?.count == 25)
        #expect((document["events"] as? [Any])?.count == 15)

        let imported = try CLI.run(["--db", empty, "import", folder.path("timeline.json")])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix(": 15 added, 0 updated, 0 unchanged; 10 entities, 5 relations and 25 sources added or changed.\n"))
        // What the json export leaves out is there: aliases with their languages, types and
        // descriptions, relations with their dates and sources, the sources' own notes.
        for query in ["SELECT e.slug, a.alias, a.language FROM entity_aliases a JOIN entities e ON e.id = a.entity_id ORDER BY 1, 2",
                      "SELECT slug, name, type, description FROM entities ORDER BY slug",
                      "SELECT e.slug, r.relation, o.slug, r.valid_edtf, r.valid_earliest, r.valid_latest, s.key FROM entity_relations r "
                          + "JOIN entities e ON e.id = r.entity_id JOIN entities o ON o.id = r.other_id LEFT JOIN sources s ON s.id = r.source_id ORDER BY 1, 2, 3",
                      "SELECT key, url, title, publisher, published_edtf, language, type, note FROM sources ORDER BY key"] {
            let original = try sqlite(db, query)
            #expect(!original.isEmpty)
            #expect(try sqlite(empty, query) == original, "\(query)")
        }
        let again = try CLI.run(["--db", empty, "export", "--format", "seed"])
        #expect(again.stdout == String(decoding: try folder.bytes("timeline.json"), as: UTF8.self), "the copy exports the same bytes")

        // Alias lookups and --related answer in the copy as in the original.
        for arguments in [["list", "--entity", "1Life Healthcare", "--format", "tsv"], ["list", "--entity", "amazon", "--related", "--format", "tsv"]] {
            let original = try CLI.run(["--db", db] + arguments)
            let copy = try CLI.run(["--db", empty] + arguments)
            #expect(copy.status == 0, "\(copy.stderr)")
            #expect(copy.stdout == original.stdout)
        }

        let twice = try CLI.run(["--db", empty, "import", folder.path("timeline.json")])
        #expect(twice.stdout.hasSuffix(": 0 added, 0 updated, 15 unchanged; 0 entities, 0 relations and 0 sources added or changed.\n"))
    }

    /// A kind added to the vocabulary by hand travels in a document: export writes the kinds of
    /// its events, and import adds those the timeline lacks (a kind it has keeps its description).
    @Test func kindsAddedByHandTravelInADocument() throws {
        let source = folder.path("kinds.sqlite")
        #expect(try CLI.run(["--db", source, "migrate", "--skip-seeds"]).status == 0)
        _ = try sqlite(source, "INSERT INTO event_kinds (name, description) VALUES ('recall', 'A product is recalled')")
        #expect(try CLI.run(["--db", source, "add", "--kind", "recall", "--date", "2023", "--title", "Recall", "--uid", "rc-1", "--entity", "Testco"]).status == 0)
        let path = folder.path("recall.json")
        #expect(try CLI.run(["--db", source, "export", "--format", "seed", "--kind", "recall", "--output", path]).status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: folder.bytes("recall.json")) as? [String: Any])
        #expect(document["kinds"] as? [[String: String]] == [["name": "recall", "description": "A product is recalled"]])

        let imported = try CLI.run(["--db", empty, "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged; 1 kind, 1 entity, 0 relations and 0 sources added or changed.\n"),
                "\(imported.stdout)")
        #expect(try sqlite(empty, "SELECT description FROM event_kinds WHERE name = 'recall'") == "A product is recalled\n")
        #expect(try CLI.run(["--db", empty, "export", "--format", "seed", "--kind", "recall"]).stdout
                == String(decoding: try folder.bytes("recall.json"), as: UTF8.self))
        // The whole vocabulary travels with a whole timeline, and a kind held keeps its description.
        let whole = try CLI.run(["--db", db, "export", "--format", "seed"]).stdout
        #expect(whole.contains("{\"name\":\"layoff\",\"description\":\"Jobs are cut\"}"))
        let renamed = try write("described.json", """
            {"format": "timeline-seed/1", "kinds": [{"name": "layoff", "description": "Another meaning"}], "events": []}
            """)
        #expect(try CLI.run(["--db", empty, "import", renamed]).status == 0)
        #expect(try sqlite(empty, "SELECT description FROM event_kinds WHERE name = 'layoff'") == "Jobs are cut\n")

        // A new kind needs a description; kinds given after the events (as `jq` appends a member) count.
        let undescribed = try write("undescribed.json", """
            {"format": "timeline-seed/1", "kinds": [{"name": "strike"}], "events": []}
            """)
        let refused = try CLI.run(["--db", empty, "import", undescribed])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains(":1: field 'kinds[0].description' is missing or empty, and a new kind needs one."), "\(refused.stderr)")
        let late = try write("late.json", """
            {"format": "timeline-seed/1", "entities": [], "relations": [], "sources": [],
             "events": [{"uid": "s1", "kind": "strike", "title": "Strike", "when": "2023", "entities": ["testco"]}],
             "kinds": [{"name": "strike", "description": "Workers stop work"}]}
            """)
        let appended = try CLI.run(["--db", empty, "import", late])
        #expect(appended.status == 0, "\(appended.stderr)")
        #expect(try sqlite(empty, "SELECT count(*) FROM event_kinds WHERE name = 'strike'") == "1\n")
    }

    @Test func theShippedSeedFileImportsAsTheSeededDatabase() throws {
        let seed = RepositoryFiles.root.appendingPathComponent("Seeds/0001_amazon_care.json").path
        let imported = try CLI.run(["--db", empty, "import", seed])
        #expect(imported.status == 0, "\(imported.stderr)")
        let fromFile = try CLI.run(["--db", empty, "export", "--format", "seed"])
        let seeded = try CLI.run(["--db", db, "export", "--format", "seed"])
        #expect(fromFile.stdout == seeded.stdout)
        #expect(!seeded.stdout.isEmpty)
    }

    @Test func aFilteredDocumentCarriesWhatItsEventsNeed() throws {
        let path = folder.path("layoffs.json")
        #expect(try CLI.run(["--db", db, "export", "--format", "seed", "--kind", "layoff", "--output", path]).status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: folder.bytes("layoffs.json")) as? [String: Any])
        let events = try #require(document["events"] as? [[String: Any]])
        #expect(events.count == 2)
        #expect(events.allSatisfy { $0["kind"] as? String == "layoff" })
        let slugs = Set((document["entities"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String })
        // The layoffs' entities, and those related to them (Amazon, which Amazon Care is part of).
        #expect(slugs.isSuperset(of: ["amazon-care", "care-medical", "amazon"]))
        #expect(!slugs.contains("cvs-health"), "an entity neither layoff touches stays out")
        let keys = Set((document["sources"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String })
        let cited = Set(events.flatMap { ($0["citations"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String } })
        let relationSources = Set((document["relations"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String })
        #expect(keys == cited.union(relationSources))
        // It stands on its own: an empty timeline takes it whole.
        let imported = try CLI.run(["--db", empty, "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try CLI.run(["--db", empty, "list", "--format", "tsv"]).stdout
                == (try CLI.run(["--db", db, "list", "--kind", "layoff", "--format", "tsv"]).stdout))
    }

    @Test func entitiesAndSourcesMadeByADocumentsEventsAreCounted() throws {
        let path = try write("made.json", """
            {"format": "timeline-seed/1",
             "entities": [{"slug": "acme", "name": "Acme"}],
             "sources": [{"key": "globex-memo", "publisher": "Globex"}],
             "events": [
              {"kind": "layoff", "title": "Globex cuts jobs", "when": "2023-03", "entities": [{"entity": "Globex", "role": "employer"}],
               "citations": [{"source": "globex-memo"}]}
             ]}
            """)
        let dryRun = try CLI.run(["--db", db, "import", path, "--dry-run"])
        #expect(dryRun.stdout.hasSuffix("; would add or change 2 entities, 0 relations and 1 source.\n"), "\(dryRun.stdout)")
        let imported = try CLI.run(["--db", db, "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged; 2 entities, 0 relations and 1 source added or changed.\n"), "\(imported.stdout)")
    }

    @Test func aDocumentUpdatesEntitiesAndTheEventsThatNameThem() throws {
        let path = try write("update.json", """
            {"format": "timeline-seed/1",
             "entities": [
              {"slug": "care-medical", "name": "Care Medical Group", "type": "organisation", "aliases": [{"alias": "CMG", "language": "en"}]},
              {"name": "Acme Corp", "aliases": ["ACME"]}
             ],
             "relations": [{"entity": "ACME", "relation": "contractor-of", "other": "Amazon.com, Inc.", "valid": "2021/2023", "source": "acme-memo"}],
             "sources": [{"key": "acme-memo", "publisher": "Acme Corp", "language": "en", "type": "memo", "note": "Internal memo."}],
             "events": [
              {"uid": "acme-layoff-2023", "kind": "layoff", "title": "Acme cuts jobs", "when": "2023-03",
               "entities": [{"entity": "acme-corp", "role": "employer"}],
               "measures": [{"quantity": "employees-laid-off", "value": "120", "unit": "person", "source": "acme-memo"}],
               "citations": [{"source": "acme-memo", "quote": "Nous supprimons 120 postes", "quote_language": "fr"}]}
             ],
             "description": "a member after the events is allowed"}
            """)
        let imported = try CLI.run(["--db", db, "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged; 2 entities, 1 relation and 1 source added or changed.\n"))
        // The rename reaches the events already there: their lists and the search index.
        let renamed = try CLI.run(["--db", db, "list", "--search", "CMG", "--format", "json"])
        #expect(renamed.stdout.contains("\"name\":\"Care Medical Group\""), "\(renamed.stdout)")
        #expect(try CLI.run(["--db", db, "list", "--search", "CMG"]).stdout.contains("Care Medical"))
        // The description the document leaves out is kept; the relation found its ends by alias.
        #expect(try sqlite(db, "SELECT description IS NOT NULL FROM entities WHERE slug = 'care-medical'") == "1\n")
        // A type left out keeps the entity's; a new one without a type is an organisation.
        let typeless = try write("typeless.json", #"{"format": "timeline-seed/1", "entities": [{"slug": "amazon-care", "name": "Amazon Care"}, {"slug": "newco", "name": "NewCo"}]}"#)
        #expect(try CLI.run(["--db", db, "import", typeless]).status == 0)
        #expect(try sqlite(db, "SELECT slug, type FROM entities WHERE slug IN ('amazon-care', 'newco') ORDER BY slug") == "amazon-care|product\nnewco|organisation\n")
        #expect(try CLI.run(["--db", db, "list", "--entity", "amazon", "--related", "--format", "tsv"]).stdout.contains("acme-layoff-2023"))
        #expect(try sqlite(db, "SELECT valid_earliest, valid_latest FROM entity_relations r JOIN entities e ON e.id = r.entity_id WHERE e.slug = 'acme-corp'")
                == "2021-01-01|2023-12-31\n")
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }

    /// A source entry that leaves out its publisher, language or type (or gives them empty) keeps
    /// those of the source it updates; a new one takes the URL's host, `und` and `news`.
    @Test func aSourceEntryLeavingFieldsOutKeepsTheirValues() throws {
        try CLI.run(["--db", db, "list"])
        let siecle = "SELECT publisher, language, type FROM sources WHERE key = 'siecle-digital-2022-09-12'"
        #expect(try sqlite(db, siecle) == "Siècle Digital|fr|news\n")
        let filing = "SELECT publisher, language, type, title FROM sources WHERE key = '1life-healthcare-sec-filing-2022-09-02'"
        #expect(try sqlite(db, filing).hasPrefix("1Life Healthcare, Inc.|en|filing|"))
        let path = try write("partial.json", """
            {"format": "timeline-seed/1", "sources": [
             {"key": "siecle-digital-2022-09-12", "url": "https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/"},
             {"key": "1life-healthcare-sec-filing-2022-09-02", "publisher": "", "language": "", "type": null, "title": "A new title"},
             {"key": "new-one", "url": "https://www.Example.ORG/story", "publisher": " "}
            ]}
            """)
        let imported = try CLI.run(["--db", db, "import", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite(db, siecle) == "Siècle Digital|fr|news\n")
        #expect(try sqlite(db, filing) == "1Life Healthcare, Inc.|en|filing|A new title\n")
        #expect(try sqlite(db, "SELECT publisher, language, type FROM sources WHERE key = 'new-one'") == "example.org|und|news\n")
        #expect(try CLI.run(["--db", db, "check"]).status == 0)
    }

    /// A source's title or note given empty in a document clears it, and is stored as none.
    @Test func anEmptyTitleOrNoteInADocumentClearsIt() throws {
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        let first = try write("n1.json", #"{"format":"timeline-seed/1","sources":[{"key":"s1","url":"https://a.example/1","publisher":"A","title":"Old","note":"Old"},{"key":"s2","url":"https://a.example/2","publisher":"A","title":"","note":" "}]}"#)
        let second = try write("n2.json", #"{"format":"timeline-seed/1","sources":[{"key":"s1","url":"https://a.example/1","publisher":"A","title":"","note":""}]}"#)
        #expect(try CLI.run(["--db", db, "import", first]).status == 0)
        #expect(try sqlite(db, "SELECT key, quote(title), quote(note) FROM sources ORDER BY key") == "s1|'Old'|'Old'\ns2|NULL|NULL\n")
        let cleared = try CLI.run(["--db", db, "import", second])
        #expect(cleared.status == 0 && cleared.stdout.contains("1 source"), "\(cleared.stdout)")
        #expect(try sqlite(db, "SELECT quote(title), quote(note) FROM sources WHERE key = 's1'") == "NULL|NULL\n")
    }

    @Test func namesAndAliasesMatchIgnoringCaseInEveryScript() throws {
        let head = try write("yandex.json", """
            {"format": "timeline-seed/1",
             "entities": [{"slug": "yandex", "name": "Яндекс", "aliases": [{"alias": "Société Générale Russie", "language": "fr"}]},
                          {"slug": "odos", "name": "Οδός"}]}
            """)
        #expect(try CLI.run(["--db", db, "import", head]).status == 0)
        // Capitals, accents in capitals, Greek final sigma, and a decomposed é: the same entities.
        let events = try write("events.ndjson", """
            {"kind": "launch", "title": "A", "when": "2020", "entities": ["ЯНДЕКС"]}
            {"kind": "launch", "title": "B", "when": "2021", "entities": ["SOCIÉTÉ GÉNÉRALE RUSSIE"]}
            {"kind": "launch", "title": "C", "when": "2022", "entities": ["ΟΔΟΣ"]}
            {"kind": "launch", "title": "D", "when": "2023", "entities": ["socie\\u0301te\\u0301 ge\\u0301ne\\u0301rale russie"]}

            """)
        let imported = try CLI.run(["--db", db, "import", events])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite(db, "SELECT count(*) FROM entities WHERE slug NOT IN ('yandex', 'odos') AND name NOT GLOB '[A-Za-z0-9]*'") == "0\n")
        #expect(try sqlite(db, "SELECT e.slug, count(*) FROM event_entities x JOIN entities e ON e.id = x.entity_id "
                           + "WHERE e.slug IN ('yandex', 'odos') GROUP BY 1 ORDER BY 1") == "odos|1\nyandex|3\n")
        // The same goes for --entity.
        let listed = try CLI.run(["--db", db, "list", "--entity", "яндекс", "--format", "tsv"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").count == 4, "\(listed.stdout)")
        #expect(try CLI.run(["--db", db, "list", "--entity", "οδος", "--format", "tsv"]).stdout.split(separator: "\n").count == 2)
    }

    /// A name with no letters slugs can write (東京電力) gets a slug from its hash, the same in every
    /// timeline: a document from another timeline never takes one such entity for another.
    @Test func namesInOtherScriptsGetSlugsThatTravel() throws {
        let other = folder.path("other.sqlite")
        #expect(try CLI.run(["--db", other, "migrate", "--skip-seeds"]).status == 0)
        let tokyo = try write("tokyo.ndjson", #"{"uid":"t","kind":"launch","title":"T","when":"2020","entities":["東京電力"]}"# + "\n")
        let aramco = try write("aramco.ndjson", #"{"uid":"a","kind":"launch","title":"A","when":"2021","entities":["شركة أرامكو"]}"# + "\n")
        #expect(try CLI.run(["--db", empty, "import", tokyo]).status == 0)
        #expect(try CLI.run(["--db", other, "import", aramco]).status == 0)
        #expect(try CLI.run(["--db", other, "import", tokyo]).status == 0)
        let slugs = try sqlite(empty, "SELECT slug FROM entities")
        #expect(slugs.hasPrefix("entity-") && slugs.count == "entity-0123456789\n".count, "\(slugs)")
        #expect(try sqlite(other, "SELECT slug FROM entities WHERE name = '東京電力'") == slugs, "the same name, the same slug")
        // Aramco's document into the first timeline: a new entity beside Tokyo's, not Tokyo's renamed.
        let document = try CLI.run(["--db", other, "export", "--format", "seed", "--output", folder.path("other.json"), "--entity", "شركة أرامكو"])
        #expect(document.status == 0, "\(document.stderr)")
        #expect(try CLI.run(["--db", empty, "import", folder.path("other.json")]).status == 0)
        #expect(try sqlite(empty, "SELECT name FROM entities ORDER BY name") == "東京電力\nشركة أرامكو\n".split(separator: "\n").sorted().joined(separator: "\n") + "\n")
    }

    @Test func aRenameKeepsTheOldNameAndANameMatchKeepsTheStoredOne() throws {
        let rename = try write("rename.json", """
            {"format": "timeline-seed/1", "entities": [{"slug": "amazon-care", "name": "Amazon Care Services"}]}
            """)
        #expect(try CLI.run(["--db", db, "import", rename]).status == 0)
        // The old name still finds the entity, as an alias.
        #expect(try sqlite(db, "SELECT a.alias FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
                           + "WHERE e.slug = 'amazon-care' AND a.alias = 'Amazon Care'") == "Amazon Care\n")
        let byOldName = try CLI.run(["--db", db, "list", "--entity", "Amazon Care", "--format", "tsv"])
        #expect(byOldName.status == 0 && !byOldName.stdout.isEmpty, "\(byOldName.stderr)")
        // Without a slug, an entry found by an alias or another case of the name describes that
        // entity and leaves its name alone.
        let bySpelling = try write("by-alias.json", """
            {"format": "timeline-seed/1", "entities": [{"name": "AMAZON CARE", "description": "Telehealth service."}]}
            """)
        let imported = try CLI.run(["--db", db, "import", bySpelling])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try sqlite(db, "SELECT name, description FROM entities WHERE slug = 'amazon-care'")
                == "Amazon Care Services|Telehealth service.\n")
        #expect(try sqlite(db, "SELECT count(*) FROM entities WHERE name LIKE 'amazon care%'") == "1\n")
    }

    @Test(arguments: [
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "acme", "name": "Acme", "type": "company"}],
          "events": []}
         """, ":2: field 'entities[0].type': 'company' is not an entity type; use organisation, person, place, product.\n"),
        ("""
         {"format": "timeline-seed/1", "entities": [], "relations": [],
          "events": [{"kind": "layoff", "title": "x", "when": "2023"}],
          "sources": [], "sources": []}
         """, ":3: invalid timeline document: the key 'sources' appears twice in the document.\n"),
        ("""
         {"entities": [],
          "events": [
            {"kind": "layof", "title": "x", "when": "2023"}],
          "format": "timeline-seed/1"}
         """, ":3: field 'events[0].kind': unknown kind 'layof' (did you mean 'layoff'?); known kinds: acquisition, announcement, customer, expansion, funding, headcount-change, launch, layoff, leadership-change, other, partnership, regulatory, shutdown.\n"),
        ("""
         {"entities": [], "events": []}
         """, ":1: field 'format' is missing; a timeline document gives \"format\": \"timeline-seed/1\" (a list of events is a JSON array instead).\n"),
        ("""
         {"format": "timeline-seed/2", "events": []}
         """, ":1: field 'format': 'timeline-seed/2' is not a format this version reads; expected timeline-seed/1.\n"),
        ("""
         {"format": "timeline-seed/1",
          "relations": [{"entity": "acme", "relation": "part-of", "other": "amazon"}]}
         """, ":2: field 'relations[0].entity': 'acme' is no entity of the document or the timeline.\n"),
        ("""
         {"format": "timeline-seed/1",
          "relations": [{"entity": "amazon-care", "relation": "part-of", "other": "amazon", "valid": "2023-02-30"}]}
         """, ":2: field 'relations[0].valid': '2023-02-30' is not a valid date: February 2023 has 28 days.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "acme", "name": "Acme"}, {"slug": "acme", "name": "Acme Corp"}]}
         """, ":2: field 'entities[1].slug': 'acme' is also the slug of entities[0].\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "x1", "name": "Amazon"}]}
         """, ":2: field 'entities[0].name': 'Amazon' already names the entity 'amazon'; give each entity a name of its own.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "acme", "name": "Acme", "aliases": ["ACME Inc.", "amazon care"]}]}
         """, ":2: field 'entities[0].aliases[1]': 'amazon care' already names the entity 'amazon-care'; an alias must name one entity.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "publisher": "Acme", "url": "https://a.example"}, {"key": "memo", "publisher": "Acme", "url": "https://b.example"}]}
         """, ":2: field 'sources[1].key': 'memo' is also the key of sources[0].\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "siecle-digital-2022-09-12", "publisher": "Siècle Digital", "url": "https://siecledigital.fr/2022/09/13/autre/"}]}
         """, ":2: field 'sources[0].key': 'siecle-digital-2022-09-12' is the key of https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/ in the timeline, not of https://siecledigital.fr/2022/09/13/autre/: give this source another key in the document, and in what cites it.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "Memo 1", "publisher": "Acme", "language": "en"}]}
         """, ":2: field 'sources[0].key': 'Memo 1' is not a key: use lowercase letters, digits and '-'.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "acme", "name": "Acme"}],
          "events": [
           {"kind": "layoff", "title": "Acme cuts", "when": "2023", "entities": ["acme"]},
           {"kind": "layoff", "title": "Acme cuts again", "when": "2024", "citations": [{"source": "nope"}]}
          ]}
         """, ":5: field 'events[1].citations[0].source': no source has the key 'nope': add it to the document's sources, or name one the timeline holds.\n"),
        ("""
         {"format": "timeline-seed/1",
          "events": [
           {"kind": "layoff", "title": "x", "when": "2023"},
           {"kind": "layoff", "title": "y", "when": "2023-02-30"}
          ]}
         """, ":4: field 'events[1].when': "),
        ("""
         {"format": "timeline-seed/1",
          "entities": [
           {"slug": "acme", "name": "Acme"},
           {"slug": "beta", "name": "Beta",
            "aliases": ["B"], "descripton": "A typo would lose this."}
          ]}
         """, ":4: field 'entities[1].descripton' is not a field of an entity; it has slug, name, type, description and aliases (did you mean 'description'?).\n"),
        ("""
         {"format": "timeline-seed/1",
          "events": [
           {"kind": "layoff", "title": "x", "when": "2023"},
           {"kind": "layoff", "title": "y", "when": "2023", "sumary": "lost"}
          ]}
         """, ":4: field 'events[1].sumary' is not a field of an event; it has uid, kind, status, title, summary, when, announced, entities, tags, measures and citations (did you mean 'summary'?).\n"),
        ("""
         {"format": "timeline-seed/1",
          "events": [{"kind": "layoff", "title": "x", "when": "2023", "citations": [{"source": "memo", "qoute": "x"}]}]}
         """, ":2: field 'events[0].citations[0].qoute' is not a field of a citation; it has source, stance, quote, quote_language, translation and note (did you mean 'quote'?).\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "publisher": " ", "language": "fr"}]}
         """, ":2: field 'sources[0].publisher' is missing or empty, and a new source needs a publisher or a url.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "url": "not a url", "language": "fr"}]}
         """, ":2: field 'sources[0].publisher' is missing or empty, and 'not a url' has no host to stand in for it: a new source needs a publisher.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "url": " ", "publisher": ""}]}
         """, ":2: field 'sources[0].publisher' is missing or empty, and a new source needs a publisher or a url.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "publisher": "Acme", "published": "2022/.."}]}
         """, ":2: field 'sources[0].published' is open at one end, and a source was published on a day, in a month or year, or between two of them.\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "publisher": "Acme", "language": "fr_FR"}]}
         """, ":2: field 'sources[0].language': 'fr_FR' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write fr-FR.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [{"slug": "acme", "name": "Acme", "aliases": [{"alias": "Akmé", "language": "français"}]}]}
         """, ":2: field 'entities[0].aliases[0].language': 'français' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known).\n"),
        ("""
         {"format": "timeline-seed/1",
          "sources": [{"key": "memo", "publisher": "Acme", "language": "fr"}],
          "events": [{"kind": "layoff", "title": "x", "when": "2023",
                      "citations": [{"source": "memo", "quote": "Nous supprimons", "quote_language": "fr-"}]}]}
         """, ":3: field 'events[0].citations[0].quote_language': the quote's language 'fr-' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known).\n"),
        ("""
         {"format": "timeline-seed/1",
          "entites": []}
         """, ":2: invalid timeline document: 'entites' is not a member of a timeline document; it has format, description, kinds, entities, relations, sources and events.\n"),
        ("""
         {"format": "timeline-seed/1",
          "events": [],
          "notes": "after the events"}
         """, ":3: invalid timeline document: 'notes' is not a member of a timeline document; it has format, description, kinds, entities, relations, sources and events.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [
           {"slug": "acme", "name": "Acme"},
           {"slug": "beta", "name": "Beta",}
          ]}
         """, ":4: invalid timeline document: 'entities': invalid JSON: expected a key in quotes.\n"),
        ("""
         {"format": "timeline-seed/1",
          "entities": [
           {"slug": "acme", "name": "Acme"},

           {"slug": "beta", "name": "Beta", "type": "company"}
          ]}
         """, ":5: field 'entities[1].type': 'company' is not an entity type; use organisation, person, place, product.\n"),
    ])
    func aBadDocumentNamesLineAndFieldAndWritesNothing(document: String, message: String) throws {
        let path = try write("bad.json", document)
        let before = try CLI.run(["--db", db, "export", "--format", "sql"])
        let result = try CLI.run(["--db", db, "import", path])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("timeline: \(path)\(message)"), "\(result.stderr)")
        #expect(try CLI.run(["--db", db, "export", "--format", "sql"]).stdout == before.stdout, "nothing written")
    }

    /// Keys are made from a site and a date, so two timelines kept apart give one page different
    /// keys, and different pages one key. A document citing a page the timeline holds under
    /// another key cites that source (left as it is); a document's key that the timeline gives
    /// another page is refused, not taken as a new URL for every event citing it.
    @Test func documentKeysMeetTheTimelinesSourcesByPage() throws {
        func add(_ database: String, _ uid: String, _ url: String, _ extra: [String] = []) throws {
            let result = try CLI.run(["--db", database, "add", "--kind", "launch", "--date", "2022-03", "--title", uid, "--entity", "Foo",
                                      "--uid", uid, "--source", url, "--published", "2023-01-04"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let mine = folder.path("mine.sqlite"), other = folder.path("other.sqlite"), third = folder.path("third.sqlite")
        for database in [mine, other, third] { #expect(try CLI.run(["--db", database, "migrate", "--skip-seeds"]).status == 0) }
        try add(mine, "x1", "https://news.example.com/story-1")
        try add(other, "y1", "https://news.example.com/story-2")
        try add(third, "z1", "https://www.news.example.com/story-1/", ["--publisher", "Example News", "--measure", "employees-laid-off=5:person",
                                                                          "--quote", "five", "--quote-lang", "en"])
        for (database, name) in [(other, "other.json"), (third, "third.json")] {
            #expect(try CLI.run(["--db", database, "export", "--format", "seed", "--output", folder.path(name)]).status == 0)
        }

        let before = try CLI.run(["--db", mine, "export", "--format", "sql"]).stdout
        let clash = try CLI.run(["--db", mine, "import", folder.path("other.json")])
        #expect(clash.status == 65)
        #expect(clash.stderr.contains("'news-example-com-2023-01-04' is the key of https://news.example.com/story-1 in the timeline, "
                                      + "not of https://news.example.com/story-2"), "\(clash.stderr)")
        #expect(try CLI.run(["--db", mine, "export", "--format", "sql"]).stdout == before, "nothing written")

        let samePage = try CLI.run(["--db", mine, "import", folder.path("third.json")])
        #expect(samePage.status == 0, "\(samePage.stderr)")
        #expect(try sqlite(mine, "SELECT key || ' ' || url || ' ' || publisher FROM sources")
                == "news-example-com-2023-01-04 https://news.example.com/story-1 news.example.com\n")
        let z1 = try CLI.run(["--db", mine, "show", "z1", "--format", "json"]).stdout
        #expect(z1.contains("\"source\":\"news-example-com-2023-01-04\"") && z1.contains("\"quote\":\"five\""), "\(z1)")
        #expect(try CLI.run(["--db", mine, "check"]).status == 0)
    }

    /// A dry run names every bad entity, relation and source, not only the first, in the order of
    /// their lines, and stops before the events; a relation naming a bad entry is checked in its
    /// other parts, not reported as naming a missing one.
    @Test func aDryRunNamesEveryBadEntryOfTheDocument() throws {
        let path = try write("entries.json", """
            {"format": "timeline-seed/1",
             "entities": [
              {"slug": "acme", "name": "Acme", "type": "company"},
              {"slug": "beta", "name": "Beta"},
              {"slug": "beta", "name": "Beta Two"}
             ],
             "relations": [
              {"entity": "acme", "relation": "part-of", "other": "amazon"},
              {"entity": "beta", "relation": "owns", "other": "amazon"},
              {"entity": "acme", "relation": "part-of", "other": "nobody"}
             ],
             "sources": [
              {"key": "memo", "publisher": "Acme", "type": "blog", "url": "https://a.example/memo"},
              {"key": "note", "publisher": "Beta", "language": "FR", "url": "https://a.example/memo"}
             ],
             "events": [{"kind": "lunch", "title": "x", "when": "2023"}]}
            """)
        let before = try CLI.run(["--db", db, "export", "--format", "sql"])
        let result = try CLI.run(["--db", db, "import", "--dry-run", path])
        #expect(result.status == 65)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "timeline: \(path):3: field 'entities[0].type': 'company' is not an entity type; use organisation, person, place, product.",
            "timeline: \(path):5: field 'entities[2].slug': 'beta' is also the slug of entities[1].",
            "timeline: \(path):9: field 'relations[1].relation': 'owns' is not a relation; use acquired-by, contractor-of, part-of, product-of.",
            "timeline: \(path):10: field 'relations[2].other': 'nobody' is no entity of the document or the timeline.",
            "timeline: \(path):13: field 'sources[0].type': 'blog' is not a source type; use news, press-release, filing, memo, dataset, other.",
            "timeline: \(path):14: field 'sources[1].url': 'https://a.example/memo' is also the URL of sources[0]; a URL names one source.",
            "timeline: 6 of the entities, relations and sources in \(path) are bad (each named above); nothing was written, and the events were not checked.",
        ])
        #expect(result.stdout.isEmpty)
        #expect(try CLI.run(["--db", db, "export", "--format", "sql"]).stdout == before.stdout, "nothing written")
        // An import stops at the first of them by line, as a reader meets them, whatever the
        // order they are checked in.
        let sourcesFirst = try write("sources-first.json", """
            {"format": "timeline-seed/1",
             "sources": [{"key": "memo", "publisher": "Acme", "type": "blog"}],
             "entities": [{"slug": "acme", "name": "Acme", "type": "company"}]}
            """)
        let stopped = try CLI.run(["--db", db, "import", sourcesFirst])
        #expect(stopped.status == 65)
        #expect(stopped.stderr == "timeline: \(sourcesFirst):2: field 'sources[0].type': 'blog' is not a source type; use news, press-release, filing, memo, dataset, other.\n",
                "\(stopped.stderr)")

        // Entries that cannot be read are named with the others, which are still checked, by
        // their places in the document.
        let unreadable = try write("unreadable.json", """
            {"format": "timeline-seed/1",
             "entities": [{"slug": "acme", "name": "Acme", "typ": "organisation"}, {"slug": "beta", "name": 5},
                          {"slug": "gamma", "name": "Gamma", "type": "company"}],
             "relations": [{"entity": "acme", "relation": "part-of", "other": "amazon", "valid": "2023-02-30"},
                           {"entity": "amazon", "relation": "owns", "other": "amazon-care"}]}
            """)
        let named = try CLI.run(["--db", db, "import", "--dry-run", unreadable])
        #expect(named.status == 65)
        let lines = named.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 6, "\(named.stderr)")
        #expect(lines.first?.contains(":2: field 'entities[0].typ' is not a field of an entity") == true, "\(named.stderr)")
        #expect(lines.dropFirst().first?.contains(":2: field 'entities[1].name'") == true)
        #expect(lines.dropFirst(2).first?.contains(":3: field 'entities[2].type': 'company' is not an entity type") == true)
        #expect(lines.dropFirst(3).first?.contains(":4: field 'relations[0].valid'") == true)
        #expect(lines.dropFirst(4).first?.contains(":5: field 'relations[1].relation': 'owns' is not a relation") == true)
        #expect(lines.last == "timeline: 5 of the entities, relations and sources in \(unreadable) are bad (each named above); nothing was written, and the events were not checked.")

        // Without --dry-run, the first by line stops the import (keys and URLs given twice are
        // checked before the rest, but line 14 comes after line 3).
        let first = try CLI.run(["--db", db, "import", path])
        #expect(first.status == 65)
        #expect(first.stderr == "timeline: \(path):3: field 'entities[0].type': 'company' is not an entity type; use organisation, person, place, product.\n",
                "\(first.stderr)")
    }

    /// `jq -S -c` writes a document on one line with `entities` first: past the first 64 KiB
    /// looked at, its entities (with a type, not an event's role) still make it a document. An
    /// event of that shape, with a role, stays an event.
    @Test func aCompactSortedDocumentWithManyEntitiesIsADocument() throws {
        var events = ""
        for index in 0..<1_200 {
            events += #"{"kind":"launch","title":"Launch \#(index)","when":"2020","entities":[{"name":"A rather long company name number \#(index)"}]}"# + "\n"
        }
        let source = try write("many.ndjson", events)
        #expect(try CLI.run(["--db", db, "migrate", "--skip-seeds"]).status == 0)
        #expect(try CLI.run(["--db", db, "import", source]).status == 0)
        let document = folder.path("document.json")
        #expect(try CLI.run(["--db", db, "export", "--format", "seed", "--output", document]).status == 0)
        let compact = folder.path("compact.json")
        let script = "import json,sys; json.dump(json.load(open(sys.argv[1])), open(sys.argv[2], 'w'), sort_keys=True, separators=(',', ':'))"
        #expect(try CLI.shell("python3 -c \"\(script)\" '\(document)' '\(compact)'").status == 0)
        let bytes = try folder.bytes("compact.json")
        #expect(String(decoding: bytes.prefix(13), as: UTF8.self) == #"{"entities":["#)
        #expect(bytes.firstRange(of: Data(#""events":"#.utf8))!.lowerBound > 65_536, "the entities pass the bytes looked at")
        let imported = try CLI.run(["--db", empty, "import", compact])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasSuffix(": 1200 added, 0 updated, 0 unchanged; 1200 entities, 0 relations and 0 sources added or changed.\n"), "\(imported.stdout)")
        // An event whose first member is a long entities list, with roles: an event.
        let names = (0..<1_200).map { #"{"name":"A rather long company name number \#($0)","role":"subject"}"# }.joined(separator: ",")
        let event = try write("event.json", #"{"entities":["# + names + #"],"kind":"launch","title":"Many","when":"2021"}"# + "\n")
        let single = try CLI.run(["--db", empty, "import", event])
        #expect(single.status == 0 && single.stdout.hasSuffix(": 1 added, 0 updated, 0 unchanged.\n"), "\(single.stdout)\(single.stderr)")
        // Read as events all the same (`--format ndjson`), a document's members are named as a document's.
        let asEvents = try CLI.run(["--db", empty, "import", compact, "--format", "ndjson"])
        #expect(asEvents.status == 65)
        #expect(asEvents.stderr.contains("field 'events' is not a field of an event, but of a timeline document: give --format seed to read the file as one"), "\(asEvents.stderr)")
    }

    @Test func aDocumentWithSortedKeysRoundTripsFromAFileAndAPipe() throws {
        // Python's sort_keys (like `jq -S`) puts `events` before `format`, `relations` and
        // `sources`, and `description` first: still a timeline document, with nothing lost.
        let original = try CLI.run(["--db", db, "export", "--format", "seed"])
        #expect(original.status == 0, "\(original.stderr)")
        let path = try write("timeline.json", original.stdout)
        let sortedPath = folder.path("sorted")
        let script = "import json,sys; d=json.load(open(sys.argv[1])); d['description']='sorted'; "
            + "json.dump(d, open(sys.argv[2], 'w'), sort_keys=True, indent=2, ensure_ascii=False)"
        #expect(try CLI.shell("python3 -c \"\(script)\" '\(path)' '\(sortedPath)'").status == 0)
        let sorted = try folder.bytes("sorted")
        #expect(String(decoding: sorted.prefix(40), as: UTF8.self).contains("\"description\""))
        for (copy, arguments, stdin) in [("from-file.sqlite", ["import", sortedPath], nil as Data?),
                                         ("from-pipe.sqlite", ["import", "-"], sorted)] {
            let database = folder.path(copy)
            #expect(try CLI.run(["--db", database, "migrate", "--skip-seeds"]).status == 0)
            let imported = try CLI.run(["--db", database] + arguments, stdin: stdin)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.hasSuffix(": 15 added, 0 updated, 0 unchanged; 10 entities, 5 relations and 25 sources added or changed.\n"),
                    "\(imported.stdout)")
            let again = try CLI.run(["--db", database, "export", "--format", "seed"])
            #expect(again.stdout == original.stdout, "\(copy) exports the original's bytes")
        }
        // A bad event after them is still named by its line, and nothing is written.
        let broken = String(decoding: sorted, as: UTF8.self).replacingOccurrences(of: "\"kind\": \"launch\"", with: "\"kind\": \"lunch\"")
        let brokenPath = try write("broken", broken)
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"events\"") }! + 2
        for arguments in [["import", brokenPath], ["import", "-"]] {
            let failed = try CLI.run(["--db", empty] + arguments, stdin: arguments.last == "-" ? Data(broken.utf8) : nil)
            #expect(failed.status == 65)
            #expect(failed.stderr.contains(":\(line): field 'events[0].kind': unknown kind 'lunch'"), "\(failed.stderr)")
        }
        #expect(try sqlite(empty, "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM sources)") == "0\n")
    }

    @Test func theFormatIsKnownByItsFirstBytes() throws {
        let document = try CLI.run(["--db", db, "export", "--format", "seed", "--kind", "layoff"]).stdout
        // On standard input, `{"format"` is a document and other objects NDJSON.
        let fromStandardInput = try CLI.run(["--db", empty, "import", "-"], stdin: Data(document.utf8))
        #expect(fromStandardInput.status == 0, "\(fromStandardInput.stderr)")
        #expect(fromStandardInput.stdout.contains("2 added") && fromStandardInput.stdout.contains("entities"))
        let ndjson = try CLI.run(["--db", db, "export", "--format", "ndjson", "--kind", "layoff"]).stdout
        let lines = try CLI.run(["--db", empty, "import", "-"], stdin: Data(ndjson.utf8))
        #expect(lines.stdout == "Imported standard input: 0 added, 0 updated, 2 unchanged.\n", "\(lines.stderr)")
        // A name that says nothing: the first bytes tell. A name that says CSV: --format tells.
        let unnamed = try write("document.txt", document)
        #expect(try CLI.run(["--db", empty, "import", unnamed]).stdout.contains("2 unchanged; 0 entities"))
        let misnamed = try write("document.csv", document)
        #expect(try CLI.run(["--db", empty, "import", misnamed]).status == 65, "read as CSV")
        #expect(try CLI.run(["--db", empty, "import", misnamed, "--format", "seed"]).status == 0)
    }

    @Test(arguments: [["--set", "kind=layoff"], ["--map", "a=title"], ["--null", "NULL"], ["--date-format", "d/m/yyyy"],
                      ["--title-template", "{a}"]])
    func columnOptionsRefuseFilesWithoutColumns(options: [String]) throws {
        #expect(try CLI.run(["--db", db, "export", "--format", "json", "--output", folder.path("events.json")]).status == 0)
        let result = try CLI.run(["--db", db, "import", folder.path("events.json")] + options)
        #expect(result.status == 64)
        #expect(result.stderr == "timeline: \(options[0]) applies to CSV and TSV files; \(folder.path("events.json")) is read as json, whose records name their fields.\n")
    }
}
