import SQLiteStorage

/// What many events of one read share, built once and then reused: entities' slugs and names,
/// and whole sources, by row id.
///
/// Events of a range name the same few entities and cite the same few sources: reading them once
/// each saves building their strings again for every event (and freeing them after), most of what
/// reading an event's details costs beyond SQLite's own work. The values are shared copies of
/// the same strings, so the events read are what they were.
struct SharedDetails {
    private var entities = RowIDTable<(slug: String, name: String)>()
    private var entitySlugs = RowIDTable<String>()
    private var sources = RowIDTable<Source>()
    private var sourceKeys = RowIDTable<String>()

    /// At most this many values of each kind are remembered (the first met): a read of a whole
    /// large timeline keeps its memory bounded, and one of a few events costs a few entries.
    static let limit = 4096

    /// The slug and name of the entity whose row id is in column `id` of `row`, read from columns
    /// `slug` and `name` the first time.
    mutating func entity(_ row: Statement, id: Int32, slug: Int32, name: Int32) -> (slug: String, name: String) {
        let key = row.int64(at: id)
        if let known = entities[key] { return known }
        let entity = (slug: row.text(at: slug), name: row.text(at: name))
        if entities.count < Self.limit { entities.set(entity, for: key) }
        return entity
    }

    /// The slug of the entity whose row id is in column `id` (nil when that is NULL), read from
    /// column `slug` the first time.
    mutating func entitySlug(_ row: Statement, id: Int32, slug: Int32) -> String? {
        guard let key = row.optionalInt64(at: id) else { return nil }
        return entities[key]?.slug ?? Self.text(of: row, at: slug, rememberedAs: key, in: &entitySlugs)
    }

    /// The key of the source whose row id is in column `id` (nil when that is NULL), read from
    /// column `key` the first time.
    mutating func sourceKey(_ row: Statement, id: Int32, key: Int32) -> String? {
        guard let rowID = row.optionalInt64(at: id) else { return nil }
        return sources[rowID]?.key ?? Self.text(of: row, at: key, rememberedAs: rowID, in: &sourceKeys)
    }

    private static func text(of row: Statement, at column: Int32, rememberedAs key: Int64, in texts: inout RowIDTable<String>) -> String {
        if let known = texts[key] { return known }
        let text = row.text(at: column)
        if texts.count < limit { texts.set(text, for: key) }
        return text
    }

    /// The source whose row id is in column `id`, made by `read` the first time.
    mutating func source(_ row: Statement, id: Int32, read: () throws -> Source) rethrows -> Source {
        let key = row.int64(at: id)
        if let known = sources[key] { return known }
        let source = try read()
        if sources.count < Self.limit { sources.set(source, for: key) }
        return source
    }
}
