import SQLiteStorage

extension TimelineStore {
    /// Writes the matching events as a timeline document (`timeline-seed/1`), with the kinds,
    /// entities, relations and sources they refer to: with no filter, every kind, entity, relation and source;
    /// with filters, the events' entities and the entities related to them, and the sources the
    /// events and those relations cite. All of it from one snapshot of the file.
    public func writeSeedDocument(matching query: EventQuery, to output: TextOutput) throws {
        let writer = SeedDocumentWriter(output: output)
        func run() throws {
            var slugs: Set<String>?
            var keys: Set<String>?
            var kinds: Set<String>?
            if query != EventQuery() {
                var eventSlugs = Set<String>()
                var eventKeys = Set<String>()
                var eventKinds = Set<String>()
                try forEachEvent(matching: query) { event in
                    eventKinds.insert(event.kind)
                    eventSlugs.formUnion(event.entities.map(\.slug))
                    eventSlugs.formUnion(event.measures.compactMap(\.entity))
                    eventKeys.formUnion(event.citations.map(\.source.key))
                    eventKeys.formUnion(event.measures.compactMap(\.source))
                }
                slugs = eventSlugs
                keys = eventKeys
                kinds = eventKinds
            }
            var directory = try directory(entities: slugs, sources: keys)
            directory.kinds = try database.prepare("SELECT name, description FROM event_kinds ORDER BY name").map {
                EventKind(name: $0.text(at: 0), description: $0.text(at: 1))
            }.filter { kinds?.contains($0.name) ?? true }
            try writer.begin(directory)
            try forEachEvent(matching: query) { try writer.write($0) }
            try writer.end()
        }
        try readingSnapshot(run)
    }

    /// The entities with these slugs and those related to them, the relations that touch them, and
    /// the sources with these keys or cited by those relations, in the order they were recorded;
    /// nil for all of them.
    func directory(entities wanted: Set<String>?, sources wantedSources: Set<String>?) throws -> TimelineDirectory {
        var directory = TimelineDirectory()
        var slugs = wanted
        var keys = wantedSources
        let relations = try database.prepare(
            """
            SELECT e.slug, r.relation, o.slug, r.valid_edtf, s.key
            FROM entity_relations AS r JOIN entities AS e ON e.id = r.entity_id JOIN entities AS o ON o.id = r.other_id
            LEFT JOIN sources AS s ON s.id = r.source_id ORDER BY r.id
            """
        ).map { row in
            EntityRelation(entity: row.text(at: 0), relation: row.text(at: 1), other: row.text(at: 2),
                           valid: try row.optionalText(at: 3).map { try TimelineDate(edtf: $0) }, source: row.optionalText(at: 4))
        }
        for relation in relations where wanted.map({ $0.contains(relation.entity) || $0.contains(relation.other) }) ?? true {
            directory.relations.append(relation)
            slugs?.formUnion([relation.entity, relation.other])
            if let source = relation.source { keys?.insert(source) }
        }
        let aliases = try database.cachedStatement("SELECT alias, language FROM entity_aliases WHERE entity_id = ?1 ORDER BY id")
        let entities: [(id: Int64, entity: Entity)] = try database.prepare(
            "SELECT id, slug, name, type, description FROM entities ORDER BY id"
        ).map { row in
            (row.int64(at: 0), Entity(slug: row.text(at: 1), name: row.text(at: 2), type: row.text(at: 3), description: row.optionalText(at: 4)))
        }
        for (id, entity) in entities where slugs?.contains(entity.slug) ?? true {
            var entity = entity
            entity.aliases = try aliases.map([.integer(id)]) { Entity.Alias($0.text(at: 0), language: $0.optionalText(at: 1)) }
            directory.entities.append(entity)
        }
        if keys?.isEmpty == true { return directory }
        directory.sources = try database.prepare(
            "SELECT key, url, title, publisher, published_edtf, language, type, note FROM sources ORDER BY id"
        ).map { row in
            Source(key: row.text(at: 0), url: row.optionalText(at: 1), title: row.optionalText(at: 2), publisher: row.text(at: 3),
                   published: try row.optionalText(at: 4).map { try TimelineDate(edtf: $0) }, language: row.text(at: 5),
                   type: row.text(at: 6), note: row.optionalText(at: 7))
        }.filter { keys?.contains($0.key) ?? true }
        return directory
    }
}
