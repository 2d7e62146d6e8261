import SQLiteStorage

/// An entity as `timeline entities` lists it: with its aliases, the relations it has to others,
/// and how many events involve it.
public struct EntityListing: Sendable, Equatable {
    public var entity: Entity
    public var relations: [EntityRelation]
    public var events: Int
}

extension TimelineStore {
    /// Every entity, by slug, with its aliases (in the order recorded), its relations to other
    /// entities, and the number of events that involve it. All from one snapshot of the file.
    public func entityListings() throws -> [EntityListing] {
        func run() throws -> [EntityListing] {
            let directory = try directory(entities: nil, sources: [])
            var eventCounts: [String: Int] = [:]
            try database.prepare(
                """
                SELECT e.slug, count(DISTINCT l.event_id) FROM entities AS e JOIN event_entities AS l ON l.entity_id = e.id
                GROUP BY e.id
                """
            ).forEachRow { eventCounts[$0.text(at: 0)] = Int($0.int64(at: 1)) }
            let relations = Dictionary(grouping: directory.relations, by: \.entity)
            return directory.entities
                .map { EntityListing(entity: $0, relations: relations[$0.slug] ?? [], events: eventCounts[$0.slug] ?? 0) }
                .sorted { $0.entity.slug.utf8.lexicographicallyPrecedes($1.entity.slug.utf8) }
        }
        do {
            return try database.isInTransaction ? run() : database.transaction(.deferred, run)
        } catch let error as SQLiteError {
            throw TimelineStore.translate(error, path: path)
        }
    }
}

extension TimelineStore {
    /// Changes an entity found by slug, name or alias, in one transaction; returns its slug and
    /// whether anything changed.
    public func editEntity(_ reference: String, _ edit: EntityEdit) throws -> (slug: String, changed: Bool) {
        try writing { saver in try saver.edit(entity: reference, edit) }
    }

    /// Merges one entity into another, in one transaction: events, figures, relations, name and
    /// aliases move to `into`, and `from` is removed.
    public func mergeEntity(_ from: String, into: String) throws -> EntityMerge {
        try writing { saver in try saver.merge(entity: from, into: into) }
    }

    /// Removes an entity no event names, with its aliases and relations; returns its slug.
    public func removeEntity(_ reference: String) throws -> String {
        try writing { saver in try saver.remove(entity: reference) }
    }
}
