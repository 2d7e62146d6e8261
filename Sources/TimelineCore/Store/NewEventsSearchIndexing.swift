import SQLiteStorage

/// Adds the events a bulk load added to the search index, each with the document the view
/// `event_search_documents` gives it, built from three ordered scans instead of the view; or
/// hands the documents to an index built aside (`SearchIndexBuiltAside`).
///
/// The view finds an event's citations, entities and aliases with lookups of their own, per
/// event: at a million new events the index took 12.3 s, 5 of them in those lookups, and takes
/// 9.7 s read this way. Here the events, their citations and their
/// entity links are each read once, in event order, side by side, and an entity's text and
/// aliases are looked up once per entity. The text is the view's to the byte (the same pieces,
/// in the order its lookups give them, joined as its `group_concat` joins them), so `check` finds
/// every entry as the view would have made it; events updated in place are still indexed
/// through the view.
struct NewEventsSearchIndexing {
    private let database: Database
    /// An entity's `name || ' ' || slug`, and its aliases in the order of the view's lookup (the
    /// index on `(entity_id, alias)`), read once each.
    private var entityTexts: [Int64: (text: [UInt8]?, aliases: [[UInt8]])] = [:]
    private let entityText: Statement
    private let entityAliases: Statement

    init(database: Database) throws {
        self.database = database
        entityText = try database.prepare("SELECT name || ' ' || slug FROM entities WHERE id = ?1")
        entityAliases = try database.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?1")
    }

    /// Indexes every event with an id above `lastIDBefore`.
    mutating func indexEvents(after lastIDBefore: Int64) throws {
        let insert = try database.prepare("INSERT INTO event_search (rowid, title, summary, quotes, names) VALUES (?1, ?2, ?3, ?4, ?5)")
        try forEachDocument(after: lastIDBefore) { id, fields in
            try insert.insertSearchDocument(id, fields)
        }
    }

    /// Calls `body` with the id and the document (title, summary, quotes, names: UTF-8 valid
    /// while it runs) of every event with an id above `lastIDBefore`, in id order.
    mutating func forEachDocument(
        after lastIDBefore: Int64,
        _ body: (Int64, SearchDocumentFields) throws -> Void
    ) throws {
        let after: [SQLValue] = [.integer(lastIDBefore)]
        let events = try database.prepare("SELECT id, title, coalesce(summary, '') FROM events WHERE id > ?1 ORDER BY id")
        // The view's lookups read an event's citations through `citations_by_event` (in id order
        // within an event) and its links by their primary key.
        let citations = try database.prepare(
            "SELECT event_id, coalesce(quote, '') || ' ' || coalesce(translation, '') FROM citations WHERE event_id > ?1 ORDER BY event_id, id")
        let links = try database.prepare(
            "SELECT event_id, entity_id FROM event_entities WHERE event_id > ?1 ORDER BY event_id, entity_id, role")
        try events.bind(after)
        try citations.bind(after)
        try links.bind(after)
        defer {
            events.reset()
            citations.reset()
            links.reset()
        }
        var citationReady = try citations.step()
        var linkReady = try links.step()
        var quotes: [UInt8] = []
        var names: [UInt8] = []
        var linkedEntities: [(text: [UInt8]?, aliases: [[UInt8]])] = []
        while try events.step() {
            let id = events.int64(at: 0)
            // `group_concat(…, ' ')`: the pieces (never empty here) with a space between.
            quotes.removeAll(keepingCapacity: true)
            while citationReady && citations.int64(at: 0) < id { citationReady = try citations.step() }
            while citationReady && citations.int64(at: 0) == id {
                if !quotes.isEmpty { quotes.append(UInt8(ascii: " ")) }
                citations.withTextBytes(at: 1) { quotes.append(contentsOf: $0) }
                citationReady = try citations.step()
            }
            linkedEntities.removeAll(keepingCapacity: true)
            while linkReady && links.int64(at: 0) < id { linkReady = try links.step() }
            while linkReady && links.int64(at: 0) == id {
                linkedEntities.append(try texts(of: links.int64(at: 1)))
                linkReady = try links.step()
            }
            // The entities' texts, then their aliases (the view's `UNION ALL`).
            names.removeAll(keepingCapacity: true)
            for entity in linkedEntities {
                // A link to no entity row joins nothing in the view (foreign keys forbid it).
                guard let text = entity.text else { continue }
                if !names.isEmpty { names.append(UInt8(ascii: " ")) }
                names.append(contentsOf: text)
            }
            for entity in linkedEntities {
                for alias in entity.aliases {
                    if !names.isEmpty { names.append(UInt8(ascii: " ")) }
                    names.append(contentsOf: alias)
                }
            }
            try events.withTextBytes(at: 1) { title in
                try events.withTextBytes(at: 2) { summary in
                    try quotes.withUnsafeBytes { quotes in
                        try names.withUnsafeBytes { names in
                            try body(id, (UnsafeRawBufferPointer(title), UnsafeRawBufferPointer(summary), quotes, names))
                        }
                    }
                }
            }
        }
    }

    private mutating func texts(of entity: Int64) throws -> (text: [UInt8]?, aliases: [[UInt8]]) {
        if let known = entityTexts[entity] { return known }
        let text = try entityText.first([.integer(entity)]) { row in row.withTextBytes(at: 0) { Array($0) } }
        let aliases = try entityAliases.map([.integer(entity)]) { row in row.withTextBytes(at: 0) { Array($0) } }
        entityTexts[entity] = (text, aliases)
        return (text, aliases)
    }
}
