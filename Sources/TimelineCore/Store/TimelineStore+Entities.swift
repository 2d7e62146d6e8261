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
        return try readingSnapshot(run)
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
    /// - Parameter dryRun: make the merge and roll it back, to say what it would change.
    public func mergeEntity(_ from: String, into: String, dryRun: Bool = false) throws -> EntityMerge {
        dryRun ? try rehearsing { saver in try saver.merge(entity: from, into: into) }
            : try writing { saver in try saver.merge(entity: from, into: into) }
    }

    /// Removes an entity no event and no other entity's relation names, with its aliases and its own
    /// relations; returns its slug.
    public func removeEntity(_ reference: String) throws -> String {
        try writing { saver in try saver.remove(entity: reference) }
    }
}

extension TimelineStore {
    /// Whether a relation of this type holds from its date on (`acquired-by`), rather than
    /// during its dates: given an interval, it holds during it (bought, then sold).
    public func relationHoldsFromItsDate(_ relation: String) throws -> Bool {
        try database.scalar("SELECT holds_from_date FROM relation_types WHERE name = ?1", [.text(relation)]) == .integer(1)
    }
}

extension TimelineStore {
    /// How a name reads but for accents, case, spacing and punctuation: its slug (`Nébula` and
    /// `Nebula`, `Care Medical` and `Care-Medical`), and its slug with punctuation taken out
    /// rather than read as a space (`Wal-Mart` and `Walmart`, `Hudson's Bay` and `Hudsons Bay`),
    /// and with `&` as `and` (`Marks & Spencer`). Spaces stay: `The Rapist` is not `Therapist`.
    /// Two names read alike when a key is shared.
    static func readingKeys(of name: String) -> [String] {
        let slug = EventSaver.slug(name)
        guard !slug.isEmpty else { return [] }
        // ASCII letters, digits and spaces only (most names): no punctuation to take out.
        if name.utf8.allSatisfy({ byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x20
        }) {
            return [slug]
        }
        func joined(_ name: String) -> String {
            EventSaver.slug(String(String.UnicodeScalarView(name.unicodeScalars.filter { scalar in
                scalar.properties.isWhitespace || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    || scalar.properties.generalCategory == .nonspacingMark
            })))
        }
        var keys = [slug]
        func add(_ key: String) { if !key.isEmpty, !keys.contains(key) { keys.append(key) } }
        add(joined(name))
        // `Marks & Spencer` is `Marks and Spencer`, and `Standard & Poor's` `Standard and Poors`.
        if name.utf8.contains(UInt8(ascii: "&")) {
            let spelled = String(name.flatMap { $0 == "&" ? Array(" and ") : [$0] })
            add(EventSaver.slug(spelled))
            add(joined(spelled))
        }
        return keys
    }

    /// The entities made after `id` whose name reads as another entity's name or alias but for
    /// accents, case, spacing and punctuation (`readingKeys`), each with the first other made
    /// before it that it reads as (one the timeline held first), in the order they were made,
    /// each pair once: for a note
    /// after a write that made entities. One pass over the names and aliases.
    public func entitiesReadingAlike(madeAfter id: Int64) throws -> [EntityReadingAlike] {
        var byKey: [String: [(id: Int64, slug: String, text: String)]] = [:]
        var made: [(id: Int64, slug: String, name: String, keys: [String])] = []
        try database.prepare(
            """
            SELECT id, slug, name, 0 FROM entities
            UNION ALL SELECT e.id, e.slug, a.alias, 1 FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
            """
        ).forEachRow { row in
            let entity = row.int64(at: 0), text = row.text(at: 2)
            let keys = Self.readingKeys(of: text)
            for key in keys { byKey[key, default: []].append((entity, row.text(at: 1), text)) }
            if entity > id, row.int64(at: 3) == 0, !keys.isEmpty { made.append((entity, row.text(at: 1), text, keys)) }
        }
        var pairs = Set<[String]>()
        return made.sorted { $0.id < $1.id }.compactMap { entity in
            // Named beside one made before it: the timeline's, else the write's own earlier one.
            let others = entity.keys.flatMap { byKey[$0] ?? [] }.filter { $0.slug != entity.slug && $0.id < entity.id }
            guard let other = others.first(where: { $0.id <= id }) ?? others.first,
                  pairs.insert([entity.slug, other.slug].sorted()).inserted else { return nil }
            return EntityReadingAlike(slug: entity.slug, name: entity.name, otherSlug: other.slug, otherText: other.text)
        }
    }

    /// A new entity whose name reads as another's name or alias (`otherText`) but for accents,
    /// case, spacing and punctuation.
    public struct EntityReadingAlike: Sendable, Equatable {
        public let slug: String
        public let name: String
        public let otherSlug: String
        public let otherText: String
    }

    /// The names and aliases of other entities than `slug` that read as `name` but for accents,
    /// case, spacing and punctuation (`readingKeys`: `Nébula` for `Nebula`, `Wal-Mart` for
    /// `Walmart`), with their entity's slug: for a note when a new entity may be one the
    /// timeline knows under another spelling.
    public func namesReadingAlike(_ name: String, otherThan slug: String) throws -> [(slug: String, text: String)] {
        let keys = Self.readingKeys(of: name)
        guard !keys.isEmpty else { return [] }
        var found: [(slug: String, text: String)] = []
        try database.prepare(
            "SELECT slug, name FROM entities UNION ALL SELECT e.slug, a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id"
        ).forEachRow { row in
            let owner = row.text(at: 0)
            let text = row.text(at: 1)
            if owner != slug, Self.readingKeys(of: text).contains(where: keys.contains), !found.contains(where: { $0.slug == owner && $0.text == text }) {
                found.append((owner, text))
            }
        }
        return found
    }

    /// Roles of `roles` that one event alone has, and that are a typo away from a role other
    /// events have (`emplyer` for `employer`), with that role: roles are free words, so a typo
    /// makes a new one silently.
    ///
    /// Roles have no index (this note is their only reader), so each lookup reads rows: a role
    /// in use is found in the first few; only a new role costs a pass over the links (a tenth of
    /// a second at 1.6 million), and the distinct roles another (grouping with counts took 0.7 s).
    public func rolesReadingAsOthers(_ roles: [String]) throws -> [(role: String, meant: String)] {
        var linkCounts: [String: Int64] = [:]
        // How many links have the role, counted up to two: one is the event's own.
        func linksHaving(_ role: String) throws -> Int64 {
            if let count = linkCounts[role] { return count }
            let value = try database.scalar("SELECT count(*) FROM (SELECT 1 FROM event_entities WHERE role = ?1 LIMIT 2)", [.text(role)])
            let count: Int64 = if case .integer(let count)? = value { count } else { 0 }
            linkCounts[role] = count
            return count
        }
        var everyRole: [String]?
        var found: [(role: String, meant: String)] = []
        for role in Set(roles).sorted() where try linksHaving(role) <= 1 {
            if everyRole == nil {
                everyRole = try database.prepare("SELECT DISTINCT role FROM event_entities").map { $0.text(at: 0) }
            }
            // The closest role another event has too: a closer one only this event has is passed over.
            var candidates = everyRole!.filter { $0 != role }
            while let closest = NameSuggestions.closest(to: role, among: candidates, limit: 1).first {
                if try linksHaving(closest) > 1 {
                    found.append((role, closest))
                    break
                }
                candidates.removeAll { $0 == closest }
            }
        }
        return found
    }

    /// The highest entity row id, to tell which entities a write made.
    public func lastEntityID() throws -> Int64 {
        if case .integer(let id)? = try database.scalar("SELECT coalesce(max(id), 0) FROM entities") { return id }
        return 0
    }
}
