import SQLiteStorage

extension EventSaver {
    /// The entity a slug, name or alias names, or an error (exit 66) suggesting the close ones.
    func knownEntity(_ reference: String) throws -> (id: Int64, slug: String, name: String) {
        guard let found = try existingEntity(reference) else {
            throw TimelineError(.notFound, "no entity is named '\(reference)'; \(try TimelineStore.entityHint(near: reference, in: database)).")
        }
        return (try writer.entityID(found.slug), found.slug, found.name)
    }

    /// Applies an edit by the rules a timeline document's entries follow (types and relations
    /// checked, a clashing alias refused, a new name keeping the old one as an alias), then
    /// removes what it names. Returns the entity's slug, and whether anything changed.
    func edit(entity reference: String, _ edit: EntityEdit) throws -> (slug: String, changed: Bool) {
        let entity = try knownEntity(reference)
        let changed = Entity(slug: entity.slug, name: edit.name ?? entity.name, type: edit.type ?? "",
                             description: edit.description, aliases: edit.addedAliases)
        let relations = try edit.addedRelations.map { relation in
            guard try existingEntity(relation.other) != nil else {
                throw TimelineError(.usage, "--relate \(relation.relation)=\(relation.other): no entity is named '\(relation.other)'.")
            }
            var relation = relation
            relation.entity = entity.slug
            return relation
        }
        var didChange = false
        do {
            let changes = try save(TimelineDirectory(entities: [changed], relations: relations))
            didChange = changes.entities + changes.relations > 0
        } catch let error as EventJSONDecoder.FieldError {
            let option = Self.option(naming: error.field, in: edit)
            throw TimelineError(.usage, error.reason.hasPrefix("is ") ? "\(option) \(error.reason)." : "\(option): \(error.reason).")
        }
        if edit.description == "" {
            try database.execute("UPDATE entities SET description = NULL WHERE id = ?1 AND description IS NOT NULL", [.integer(entity.id)])
            didChange = didChange || database.changes > 0
        }
        for alias in edit.removedAliases {
            try database.execute("DELETE FROM entity_aliases WHERE entity_id = ?1 AND alias = ?2", [.integer(entity.id), .text(alias)])
            didChange = true
            if database.changes > 0 { continue }
            // Not as written: any case, in any script.
            let aliases = try database.prepare("SELECT id, alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY id")
                .map([.integer(entity.id)]) { ($0.int64(at: 0), $0.text(at: 1)) }
            guard let match = aliases.first(where: { EntityNameFolding.folded($0.1) == EntityNameFolding.folded(alias) }) else {
                let list = aliases.isEmpty ? "it has none" : "its aliases are " + aliases.map { "'\($0.1)'" }.joined(separator: ", ")
                throw TimelineError(.usage, "--remove-alias: '\(alias)' is no alias of '\(entity.slug)'; \(list).")
            }
            try database.execute("DELETE FROM entity_aliases WHERE id = ?1", [.integer(match.0)])
        }
        for removed in edit.removedRelations {
            guard let other = try existingEntity(removed.other) else {
                throw TimelineError(.usage, "--unrelate \(removed.relation)=\(removed.other): no entity is named '\(removed.other)'.")
            }
            try database.execute("DELETE FROM entity_relations WHERE entity_id = ?1 AND relation = ?2 AND other_id = ?3",
                                 [.integer(entity.id), .text(removed.relation), .integer(try writer.entityID(other.slug))])
            guard database.changes > 0 else {
                throw TimelineError(.usage, "--unrelate \(removed.relation)=\(removed.other): '\(entity.slug)' is not \(removed.relation) '\(other.slug)'; `timeline entities` lists its relations.")
            }
        }
        forgetResolved()
        return (entity.slug, didChange || !edit.removedRelations.isEmpty)
    }

    /// The option of `timeline entities edit` a directory field came from.
    private static func option(naming field: String, in edit: EntityEdit) -> String {
        func index(after prefix: String) -> Int? {
            guard let range = field.firstRange(of: prefix) else { return nil }
            return Int(field[range.upperBound...].prefix { $0 != "]" })
        }
        if field.hasPrefix("relations["), let index = index(after: "relations["), index < edit.addedRelations.count {
            let relation = edit.addedRelations[index]
            return "--relate \(relation.relation)=\(relation.other)"
        }
        if let index = index(after: ".aliases["), index < edit.addedAliases.count {
            return "--alias '\(edit.addedAliases[index].name)'"
        }
        for (suffix, option) in [(".type", "--type"), (".name", "--name"), (".description", "--description")] where field.hasSuffix(suffix) {
            return option
        }
        return field
    }

    /// Moves everything that names `from` to `into`: its events (each change kept in their
    /// history, as an edit), the figures that count it, its relations, and its name and aliases
    /// (as aliases of `into`, so references to it still resolve); then removes `from`.
    func merge(entity fromReference: String, into intoReference: String) throws -> EntityMerge {
        let from = try knownEntity(fromReference)
        let into = try knownEntity(intoReference)
        guard from.id != into.id else {
            throw TimelineError(.usage, "'\(fromReference)' and '\(intoReference)' are the same entity, '\(from.slug)'.")
        }
        let uids = try database.prepare(
            """
            SELECT uid FROM events WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id = ?1
                                                UNION SELECT event_id FROM measures WHERE entity_id = ?1)
            ORDER BY uid
            """
        ).map([.integer(from.id)]) { $0.text(at: 0) }
        for uid in uids {
            guard let id = try eventID(uid: uid) else { continue }
            var event = try reader.event(id: id)
            event.entities = event.entities.map { entity in
                entity.slug == from.slug ? EventEntity(slug: into.slug, name: into.name, role: entity.role) : entity
            }
            event.measures = event.measures.map { measure in
                var measure = measure
                if measure.entity == from.slug { measure.entity = into.slug }
                return measure
            }
            _ = try save(event, uidPolicy: .readable)
        }
        try database.execute(
            """
            INSERT INTO entity_aliases (entity_id, alias, language, recorded_at)
            SELECT ?2, alias, language, ?4 FROM entity_aliases WHERE entity_id = ?1 AND alias <> ?3
            UNION ALL SELECT ?2, name, NULL, ?4 FROM entities WHERE id = ?1 AND name <> ?3
            ON CONFLICT (entity_id, alias) DO NOTHING
            """, [.integer(from.id), .integer(into.id), .text(into.name), .text(writer.recordedAt)])
        // A relation both have (to the same entity, or from it): `into`'s stays, taking `from`'s
        // dates and source where it has none; differing dates are reported, not silently lost.
        var conflicts: [String] = []
        for (mine, theirs) in [("entity_id", "other_id"), ("other_id", "entity_id")] {
            conflicts += try database.prepare(
                """
                SELECT kept.relation, o.slug, kept.valid_edtf, gone.valid_edtf
                FROM entity_relations AS kept JOIN entity_relations AS gone
                     ON gone.\(mine) = ?1 AND kept.\(mine) = ?2 AND gone.relation = kept.relation AND gone.\(theirs) = kept.\(theirs)
                JOIN entities AS o ON o.id = kept.\(theirs)
                WHERE kept.valid_edtf IS NOT NULL AND gone.valid_edtf IS NOT NULL AND kept.valid_edtf <> gone.valid_edtf
                ORDER BY 1, 2
                """
            ).map([.integer(from.id), .integer(into.id)]) { row in
                let relation = mine == "entity_id" ? "\(row.text(at: 0)) \(row.text(at: 1))"
                    : "\(row.text(at: 1)) \(row.text(at: 0)) \(into.slug)"
                return "\(relation) \(row.text(at: 2)) (\(from.slug)'s: \(row.text(at: 3)))"
            }
            try database.execute(
                """
                UPDATE entity_relations AS kept SET
                    valid_edtf = iif(kept.valid_edtf IS NULL, gone.valid_edtf, kept.valid_edtf),
                    valid_earliest = iif(kept.valid_edtf IS NULL, gone.valid_earliest, kept.valid_earliest),
                    valid_latest = iif(kept.valid_edtf IS NULL, gone.valid_latest, kept.valid_latest),
                    valid_precision = iif(kept.valid_edtf IS NULL, gone.valid_precision, kept.valid_precision),
                    source_id = coalesce(kept.source_id, gone.source_id)
                FROM entity_relations AS gone
                WHERE kept.\(mine) = ?2 AND gone.\(mine) = ?1 AND gone.relation = kept.relation AND gone.\(theirs) = kept.\(theirs)
                """, [.integer(from.id), .integer(into.id)])
        }
        // A relation `from` had with `into` would relate `into` to itself, and one `into` has
        // already would be there twice: those go with `from`.
        try database.execute("UPDATE OR IGNORE entity_relations SET entity_id = ?2 WHERE entity_id = ?1 AND other_id <> ?2",
                             [.integer(from.id), .integer(into.id)])
        try database.execute("UPDATE OR IGNORE entity_relations SET other_id = ?2 WHERE other_id = ?1 AND entity_id <> ?2",
                             [.integer(from.id), .integer(into.id)])
        try database.execute("DELETE FROM entities WHERE id = ?1", [.integer(from.id)])
        forgetResolved()
        return EntityMerge(from: from.slug, into: into.slug, events: uids, keptRelationDates: conflicts)
    }

    /// Removes an entity no event names and no other entity's relation names, with its aliases and
    /// its own relations. Returns its slug.
    func remove(entity reference: String) throws -> String {
        let entity = try knownEntity(reference)
        let events = try database.scalar(
            "SELECT count(*) FROM (SELECT event_id FROM event_entities WHERE entity_id = ?1 UNION SELECT event_id FROM measures WHERE entity_id = ?1)",
            [.integer(entity.id)])
        if case .integer(let count)? = events, count > 0 {
            let these = count == 1 ? "1 event names it" : "\(count) events name it"
            throw TimelineError(.usage, "'\(entity.slug)' cannot be removed: \(these) (`timeline list --entity \(entity.slug)` shows them); merge it into another entity with `timeline entities merge \(entity.slug) OTHER`, or edit those events first.")
        }
        // Its own relations go with it; another entity's relation to it is that entity's, which
        // `--related` follows: taking it silently would change what the other one's answers hold.
        var held: [String] = []
        try database.statement(
            """
            SELECT en.slug, r.relation FROM entity_relations AS r JOIN entities AS en ON en.id = r.entity_id
            WHERE r.other_id = ?1 ORDER BY en.slug, r.relation
            """).forEachRow([.integer(entity.id)]) { row in
            held.append("\(row.text(at: 0)) \(row.text(at: 1)) \(entity.slug)")
        }
        if let first = held.first {
            let firstParts = first.split(separator: " ")
            let these = held.count == 1 ? "another entity's relation names it (\(first))" : "\(held.count) relations of other entities name it (\(held.joined(separator: ", ")))"
            throw TimelineError(.usage, "'\(entity.slug)' cannot be removed: \(these); remove \(held.count == 1 ? "it" : "them") first (`timeline entities edit \(firstParts[0]) --unrelate \(firstParts[1])=\(entity.slug)`), or merge it into another entity with `timeline entities merge \(entity.slug) OTHER`.")
        }
        try database.execute("DELETE FROM entities WHERE id = ?1", [.integer(entity.id)])
        forgetResolved()
        return entity.slug
    }
}
