import SQLiteStorage

/// How many rows of a directory a save added or changed.
public struct DirectoryChanges: Sendable, Equatable {
    /// Kinds added to the vocabulary.
    public var kinds = 0
    public var entities = 0
    public var relations = 0
    public var sources = 0

    public init() {}
}

extension EventSaver {
    /// Writes a directory: kinds (added when new; a kind the timeline has keeps its description),
    /// then sources, then entities, then relations, each added when new and brought
    /// up to date when its slug or key exists (aliases are added, never removed; what the
    /// directory leaves out is kept). Errors are
    /// `FieldError`s naming the entry (`entities[2].type`).
    ///
    /// - Parameters:
    ///   - positions: where in its document each entry was, for the fields errors name; without
    ///     it, entries are named by their place in the directory.
    ///   - report: given, a bad entry is passed to it and left out, and the others are still
    ///     checked and saved (a dry run names every bad entry so). A relation naming an entity or
    ///     source whose entry was left out is checked in its other parts but not saved: what it
    ///     names is not missing, only bad.
    func save(_ directory: TimelineDirectory, positions: TimelineDirectory.Positions? = nil,
              reporting report: ((EventJSONDecoder.FieldError) -> Void)? = nil) throws -> DirectoryChanges {
        typealias FieldError = EventJSONDecoder.FieldError
        func kind(_ index: Int) -> String {
            "kinds[\(positions.flatMap { $0.kinds.indices.contains(index) ? $0.kinds[index] : nil } ?? index)]"
        }
        func source(_ index: Int) -> String { "sources[\(positions?.sources[index] ?? index)]" }
        func entity(_ index: Int) -> String { "entities[\(positions?.entities[index] ?? index)]" }
        func relation(_ index: Int) -> String { "relations[\(positions?.relations[index] ?? index)]" }
        /// Runs one entry's checks and saving; false when the entry was bad and reported.
        func entry(_ body: () throws -> Void) throws -> Bool {
            guard let report else {
                try body()
                return true
            }
            do {
                try body()
                return true
            } catch let error as FieldError {
                report(error)
                return false
            }
        }
        var changes = DirectoryChanges()
        var seenKinds: [String: Int] = [:]
        for (index, input) in directory.kinds.enumerated() {
            var changed = false
            let saved = try entry {
                if let first = seenKinds.updateValue(index, forKey: input.name) {
                    throw FieldError(field: kind(index) + ".name", reason: "'\(input.name)' is also the name of \(kind(first))")
                }
                changed = try saveKindEntry(input, field: kind(index))
            }
            if saved && changed { changes.kinds += 1 }
        }
        if changes.kinds > 0 { knownKinds = nil }
        // One entry a slug or key: a second would silently win over the first.
        var seenKeys: [String: Int] = [:]
        var seenURLs: [String: Int] = [:]
        var repeated: Set<String> = []
        for (index, input) in directory.sources.enumerated() {
            if let first = seenKeys.updateValue(index, forKey: input.key) {
                repeated.insert(source(index))
                _ = try entry { throw FieldError(field: source(index) + ".key", reason: "'\(input.key)' is also the key of \(source(first))") }
            } else if let url = input.url, let first = seenURLs.updateValue(index, forKey: url) {
                repeated.insert(source(index))
                _ = try entry {
                    throw FieldError(field: source(index) + ".url", reason: "'\(url)' is also the URL of \(source(first)); a URL names one source")
                }
            }
        }
        var seenSlugs: [String: Int] = [:]
        for (index, input) in directory.entities.enumerated() where !input.slug.isEmpty {
            if let first = seenSlugs.updateValue(index, forKey: input.slug) {
                repeated.insert(entity(index))
                _ = try entry { throw FieldError(field: entity(index) + ".slug", reason: "'\(input.slug)' is also the slug of \(entity(first))") }
            }
        }
        var refusedKeys: Set<String> = []
        // What changed rows name, whose events' stored lists the triggers cleared.
        var changedSourceIDs: [Int64] = []
        var changedEntityIDs: [Int64] = []
        for (index, input) in directory.sources.enumerated() where !repeated.contains(source(index)) {
            var changed = false
            if try entry({ changed = try saveSourceEntry(input, field: source(index)) }) {
                if changed {
                    changes.sources += 1
                    if case .integer(let id)? = try database.scalar("SELECT id FROM sources WHERE key = ?1", [.text(input.key)]) {
                        changedSourceIDs.append(id)
                    }
                }
            } else {
                refusedKeys.insert(input.key)
            }
        }
        let entityTypes = try database.prepare("SELECT name FROM entity_types ORDER BY name").map { $0.text(at: 0) }
        var refusedNames: Set<String> = []
        for (index, input) in directory.entities.enumerated() where !repeated.contains(entity(index)) {
            var changed = false
            if try entry({ changed = try saveEntityEntry(input, field: entity(index), types: entityTypes) }) {
                if changed {
                    changes.entities += 1
                    if let saved = try existingEntity(input.slug.isEmpty ? Self.trimmed(input.name) : input.slug) {
                        changedEntityIDs.append(try writer.entityID(saved.slug))
                    }
                }
            } else {
                refusedNames.formUnion([input.slug, input.name].filter { !$0.isEmpty })
            }
            // The next entry may name this one by a name or alias it has just been given.
            forgetResolved()
        }
        let relationTypes = try database.prepare("SELECT name FROM relation_types ORDER BY name").map { $0.text(at: 0) }
        for (index, input) in directory.relations.enumerated() {
            var changed = false
            let saved = try entry {
                changed = try saveRelationEntry(input, field: relation(index), types: relationTypes,
                                                namingBad: (refusedNames, refusedKeys))
            }
            if saved && changed { changes.relations += 1 }
        }
        // Names may have changed under what was resolved.
        forgetResolved()
        try storeClearedLists(namingEntities: changedEntityIDs, sources: changedSourceIDs)
        return changes
    }

    /// `tag` in its usual case; a `FieldError` naming `field` when it is no language tag.
    /// Writes again the stored lists of the events that name these entities or sources (as an
    /// entity, a figure's entity, a citation or a figure's source), which the triggers cleared as
    /// the rows changed: left cleared, such an event reads from the tables, but the view's
    /// figures label and an SQL export would lose them.
    private func storeClearedLists(namingEntities entityIDs: [Int64], sources sourceIDs: [Int64]) throws {
        guard !entityIDs.isEmpty || !sourceIDs.isEmpty else { return }
        func json(_ ids: [Int64]) -> SQLValue { .text("[" + ids.map(String.init).joined(separator: ",") + "]") }
        let events = try database.statement(
            """
            SELECT id FROM events WHERE entities_json IS NULL AND id IN (
                SELECT event_id FROM event_entities WHERE entity_id IN (SELECT value FROM json_each(?1))
                UNION SELECT event_id FROM measures WHERE entity_id IN (SELECT value FROM json_each(?1))
                UNION SELECT event_id FROM citations WHERE source_id IN (SELECT value FROM json_each(?2))
                UNION SELECT event_id FROM measures WHERE source_id IN (SELECT value FROM json_each(?2)))
            """
        ).map([json(entityIDs), json(sourceIDs)]) { $0.int64(at: 0) }
        for id in events { try writer.storeListsFromTables(eventID: id) }
    }

    private static func languageTag(_ tag: String, field: String) throws -> String {
        guard let canonical = LanguageTag.canonical(tag) else {
            throw EventJSONDecoder.FieldError(field: field, reason: LanguageTag.problem(with: tag))
        }
        return canonical
    }

    /// Checks and adds a kind entry of a directory; true when it was new. A kind the timeline has
    /// keeps its description: it is the timeline's vocabulary.
    private func saveKindEntry(_ kind: EventKind, field: String) throws -> Bool {
        typealias FieldError = EventJSONDecoder.FieldError
        guard Self.isSlug(kind.name) else {
            throw FieldError(field: field + ".name", reason: "'\(kind.name)' is not a kind: use lowercase letters, digits and '-'")
        }
        if try database.scalar("SELECT 1 FROM event_kinds WHERE name = ?1", [.text(kind.name)]) != nil { return false }
        guard let description = kind.description else {
            throw FieldError(field: field + ".description", reason: "is missing or empty, and a new kind needs one")
        }
        try database.statement("INSERT INTO event_kinds (name, description) VALUES (?1, ?2)").run([.text(kind.name), .text(description)])
        return true
    }

    /// Checks and saves a source entry of a directory; true when a row changed.
    private func saveSourceEntry(_ input: Source, field: String) throws -> Bool {
        typealias FieldError = EventJSONDecoder.FieldError
        var source = input
        guard Self.isSlug(source.key) else {
            throw FieldError(field: field + ".key", reason: "'\(source.key)' is not a key: use lowercase letters, digits and '-'")
        }
        if !source.type.isEmpty {
            guard let type = Source.savedType(source.type) else { throw FieldError(field: field + ".type", reason: Source.typeProblem(source.type)) }
            if type != source.type { source.type = type }
        }
        if let problem = source.published?.publicationProblem {
            throw FieldError(field: field + ".published", reason: problem)
        }
        if let url = source.url {
            if let held = try SourceURL.key(ofSamePageAs: url, in: database), held != source.key {
                // The timeline has this page under another key (keys are made from a site and a
                // date, so two timelines' differ): what the document cites by its key cites that
                // source, which stays as it is.
                sourceKeysOfSamePage[source.key] = held
                return false
            }
            if case .text(let heldURL)? = try database.scalar("SELECT url FROM sources WHERE key = ?1", [.text(source.key)]),
               heldURL != url, SourceURL.comparable(heldURL) == nil || SourceURL.comparable(heldURL) != SourceURL.comparable(url) {
                // Taking the document's URL would point every event citing the key at another page.
                throw FieldError(field: field + ".key", reason: "'\(source.key)' is the key of \(heldURL) in the timeline, not of \(url): "
                    + "give this source another key in the document, and in what cites it")
            }
        }
        if !source.language.isEmpty {
            source.language = try Self.languageTag(source.language, field: field + ".language")
        }
        let exists = try database.scalar("SELECT 1 FROM sources WHERE key = ?1", [.text(source.key)]) != nil
        // A new source needs a publisher, or a URL whose host stands in for one; an existing one
        // keeps its own.
        if !exists && Self.publisher(of: source) == nil {
            throw FieldError(field: field + ".publisher", reason: source.url.map {
                "is missing or empty, and '\($0)' has no host to stand in for it: a new source needs a publisher"
            } ?? "is missing or empty, and a new source needs a publisher or a url")
        }
        return try saveSource(source, exists: exists)
    }

    /// Checks and saves an entity entry of a directory; true when a row changed.
    private func saveEntityEntry(_ input: Entity, field: String, types entityTypes: [String]) throws -> Bool {
        typealias FieldError = EventJSONDecoder.FieldError
        var entity = input
        entity.name = Self.trimmed(entity.name)
        guard !entity.name.isEmpty else { throw FieldError(field: field + ".name", reason: "is blank; an entity needs a name") }
        guard entity.slug.isEmpty || Self.isSlug(entity.slug) else {
            throw FieldError(field: field + ".slug", reason: "'\(entity.slug)' is not a slug: use lowercase letters, digits and '-'")
        }
        guard entity.type.isEmpty || entityTypes.contains(entity.type) else {
            throw FieldError(field: field + ".type", reason: "'\(entity.type)' is not an entity type; use \(entityTypes.joined(separator: ", "))")
        }
        // The entity the entry is: by its slug, or, without one, the one its name finds.
        let own = entity.slug.isEmpty ? try existingEntity(entity.name)?.slug : entity.slug
        // A name another entity answers to would make every reference to it ambiguous.
        if !entity.slug.isEmpty, let other = try answeringEntity(entity.name), other.kind.rawValue <= EntityMatchKind.alias.rawValue,
           other.slug != entity.slug {
            throw FieldError(field: field + ".name", reason: "'\(entity.name)' already names the entity '\(other.slug)'; give each entity a name of its own")
        }
        entity.aliases = try checkedAliases(entity, own: own, field: field)
        return try saveEntity(entity)
    }

    /// Checks and saves a relation entry of a directory; true when a row changed.
    ///
    /// An entity or source in `bad` (names and slugs of entities, keys of sources whose entries
    /// were bad and left out) is not looked for, and the relation is checked in its other parts
    /// but not saved.
    private func saveRelationEntry(_ relation: EntityRelation, field: String, types relationTypes: [String],
                                   namingBad bad: (names: Set<String>, keys: Set<String>) = ([], [])) throws -> Bool {
        typealias FieldError = EventJSONDecoder.FieldError
        func existing(_ reference: String, _ part: String) throws -> (slug: String, name: String)? {
            if bad.names.contains(reference) { return nil }
            guard let found = try existingEntity(reference) else {
                throw FieldError(field: field + "." + part, reason: "'\(reference)' is no entity of the document or the timeline")
            }
            return found
        }
        let entity = try existing(relation.entity, "entity")
        let other = try existing(relation.other, "other")
        if let entity, let other, entity.slug == other.slug {
            throw FieldError(field: field, reason: "'\(entity.slug)' cannot be related to itself")
        }
        guard relationTypes.contains(relation.relation) else {
            throw FieldError(field: field + ".relation", reason: "'\(relation.relation)' is not a relation; use \(relationTypes.joined(separator: ", "))")
        }
        var relation = relation
        relation.source = relation.source.map { sourceKeysOfSamePage[$0] ?? $0 }
        let namesBadSource = relation.source.map { bad.keys.contains($0) } ?? false
        if let key = relation.source, !namesBadSource,
           try database.scalar("SELECT 1 FROM sources WHERE key = ?1", [.text(key)]) == nil {
            throw FieldError(field: field + ".source", reason: "'\(key)' is no source of the document or the timeline")
        }
        guard let entity, let other, !namesBadSource else { return false }
        var resolved = relation
        resolved.entity = entity.slug
        resolved.other = other.slug
        return try saveRelation(resolved)
    }

    /// The entry's aliases, tidied, with their language tags in canonical case, leaving out those
    /// that add nothing (the entity's name, or a name it has in another case); refusing a blank
    /// one, and one another entity answers to (by slug, name, alias, or the slug it would get),
    /// which would never find this entity.
    private func checkedAliases(_ entity: Entity, own: String?, field: String) throws -> [Entity.Alias] {
        typealias FieldError = EventJSONDecoder.FieldError
        var stored: [String] = []
        if let own {
            stored = try database.prepare(
                "SELECT a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id WHERE e.slug = ?1"
            ).map([.text(own)]) { $0.text(at: 0) }
        }
        let storedExactly = Set(stored)
        let key = { (name: String) in EntityNameFolding.folded(Self.singleSpaced(name)) }
        var seen = Set(stored.map(key))
        seen.insert(key(entity.name))
        var aliases: [Entity.Alias] = []
        for (index, input) in entity.aliases.enumerated() {
            var alias = input
            alias.name = Self.trimmed(alias.name)
            guard !alias.name.isEmpty else { throw FieldError(field: field + ".aliases[\(index)]", reason: "is blank") }
            alias.language = try alias.language.map { try Self.languageTag($0, field: field + ".aliases[\(index)].language") }
            // One it has as written is kept, so that its language can change.
            guard seen.insert(key(alias.name)).inserted || storedExactly.contains(alias.name) else { continue }
            if aliases.contains(where: { $0.name == alias.name }) { continue }
            if let other = try answeringEntity(alias.name), other.slug != own {
                throw FieldError(field: field + ".aliases[\(index)]",
                                 reason: "'\(alias.name)' already names the entity '\(other.slug)'; an alias must name one entity")
            }
            aliases.append(alias)
        }
        return aliases
    }

    /// A name or alias as stored: as written, without spaces around it.
    static func trimmed(_ name: String) -> String {
        var text = Substring(name)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }

    /// The words of a name with one space between them, for comparing names (`CVS  Health` is
    /// `CVS Health`), not for storing them.
    static func singleSpaced(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The entity a name answers to, as written or with single spaces between its words.
    private func answeringEntity(_ name: String) throws -> (slug: String, name: String, kind: EntityMatchKind)? {
        let match = try entityMatch(name)
        let spaced = Self.singleSpaced(name)
        // Only a match no better than the derived slug is worth a second look with single spaces.
        guard spaced != name, match.map({ $0.kind == .derivedSlug }) ?? true else { return match }
        return try entityMatch(spaced) ?? match
    }

    /// Adds the source, or updates the one with its key (a field the document leaves out, null or,
    /// for the publisher, language and type, empty, keeps its value); true when a row changed.
    private func saveSource(_ input: Source, exists: Bool) throws -> Bool {
        var source = input
        // A title or note given empty clears it (stored as none); left out, it is kept.
        if source.title?.isBlank == true { source.title = "" }
        if source.note?.isBlank == true { source.note = "" }
        if !exists {
            if source.title == "" { source.title = nil }
            if source.note == "" { source.note = nil }
            if let publisher = Self.publisher(of: source) { source.publisher = publisher }
            if source.language.isEmpty { source.language = "und" }
            if source.type.isEmpty { source.type = "news" }
            _ = try writer.insert(source)
            return true
        }
        func given(_ text: String) -> SQLValue { text.isEmpty ? .null : .text(text) }
        let published = source.published
        try database.statement(
            """
            UPDATE sources SET url = coalesce(?2, url), title = iif(?3 = '', NULL, coalesce(?3, title)), publisher = coalesce(?4, publisher),
                published_edtf = coalesce(?5, published_edtf), published_earliest = iif(?5 IS NULL, published_earliest, ?6),
                published_latest = iif(?5 IS NULL, published_latest, ?7),
                published_precision = coalesce(?8, published_precision), language = coalesce(?9, language),
                type = coalesce(?10, type), note = iif(?11 = '', NULL, coalesce(?11, note))
            WHERE key = ?1 AND (url IS NOT coalesce(?2, url) OR title IS NOT iif(?3 = '', NULL, coalesce(?3, title))
                OR publisher IS NOT coalesce(?4, publisher) OR published_edtf IS NOT coalesce(?5, published_edtf)
                OR language IS NOT coalesce(?9, language) OR type IS NOT coalesce(?10, type) OR note IS NOT iif(?11 = '', NULL, coalesce(?11, note)))
            """).run([
                .text(source.key), .text(source.url), .text(source.title), given(source.publisher),
                .text(published?.edtf), .text(published?.earliest?.iso), .text(published?.latest?.iso),
                .text(published?.precision.rawValue), given(source.language), given(source.type), .text(source.note),
            ])
        return database.changes > 0
    }

    /// Adds the entity, or updates the one with its slug (a description left out keeps the one it
    /// has; a new name keeps the old one as an alias, so references to it still resolve). Given
    /// no slug, the entity its name or alias finds is updated, and keeps its name: the entry does
    /// not say which of the two is right. True when a row changed.
    private func saveEntity(_ input: Entity) throws -> Bool {
        var entity = input
        if entity.slug.isEmpty {
            if let existing = try existingEntity(entity.name) {
                entity.slug = existing.slug
                entity.name = existing.name
            } else {
                entity.slug = try unique(Self.entitySlug(entity.name), in: "entities", column: "slug")
            }
        }
        guard let (id, oldName) = try database.statement("SELECT id, name FROM entities WHERE slug = ?1").first(
            [.text(entity.slug)], { ($0.int64(at: 0), $0.text(at: 1)) })
        else {
            if entity.type.isEmpty { entity.type = "organisation" }
            _ = try writer.insert(entity)
            return true
        }
        try database.statement(
            """
            UPDATE entities SET name = ?2, type = coalesce(nullif(?3, ''), type), description = coalesce(?4, description)
            WHERE id = ?1 AND (name IS NOT ?2 OR type IS NOT coalesce(nullif(?3, ''), type) OR description IS NOT coalesce(?4, description))
            """
        ).run([.integer(id), .text(entity.name), .text(entity.type), .text(entity.description)])
        var changed = database.changes > 0
        if oldName != entity.name {
            try database.statement(
                """
                INSERT INTO entity_aliases (entity_id, alias, language, recorded_at) VALUES (?1, ?2, NULL, ?3)
                ON CONFLICT (entity_id, alias) DO NOTHING
                """).run([.integer(id), .text(oldName), .text(writer.recordedAt)])
        }
        for alias in entity.aliases {
            try database.statement(
                """
                INSERT INTO entity_aliases (entity_id, alias, language, recorded_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (entity_id, alias) DO UPDATE SET language = excluded.language WHERE language IS NOT excluded.language
                """).run([.integer(id), .text(alias.name), .text(alias.language), .text(writer.recordedAt)])
            if database.changes > 0 { changed = true }
        }
        return changed
    }

    /// Adds the relation, or updates the dates and source it names; true when a row changed.
    private func saveRelation(_ relation: EntityRelation) throws -> Bool {
        let valid = relation.valid
        try database.statement(
            """
            INSERT INTO entity_relations (entity_id, relation, other_id, valid_edtf, valid_earliest, valid_latest,
                                          valid_precision, source_id, recorded_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            ON CONFLICT (entity_id, relation, other_id) DO UPDATE SET
                valid_edtf = coalesce(excluded.valid_edtf, valid_edtf),
                valid_earliest = iif(excluded.valid_edtf IS NULL, valid_earliest, excluded.valid_earliest),
                valid_latest = iif(excluded.valid_edtf IS NULL, valid_latest, excluded.valid_latest),
                valid_precision = coalesce(excluded.valid_precision, valid_precision),
                source_id = coalesce(excluded.source_id, source_id)
            WHERE valid_edtf IS NOT coalesce(excluded.valid_edtf, valid_edtf) OR source_id IS NOT coalesce(excluded.source_id, source_id)
            """).run(
            [.integer(try writer.entityID(relation.entity)), .text(relation.relation), .integer(try writer.entityID(relation.other)),
             .text(valid?.edtf), .text(valid?.earliest?.iso), .text(valid?.latest?.iso), .text(valid?.precision.rawValue),
             .integer(try relation.source.map(writer.sourceID)), .text(writer.recordedAt)])
        return database.changes > 0
    }
}
