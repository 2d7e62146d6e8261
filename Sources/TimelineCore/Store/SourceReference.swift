import SQLiteStorage

/// How a reference to a source (its key, else its URL) finds the source's key: one query for
/// the saver and the store, so that both prefer a key to a URL in the same way.
enum SourceReference {
    /// The key of the source a reference names, the source with that key before one with that
    /// URL; nil when none matches.
    static func key(matching reference: String, in database: Database) throws -> String? {
        // The URL lookup takes the URL itself before another naming the same page.
        try key(named: reference, in: database) ?? SourceURL.key(ofSamePageAs: reference, in: database)
    }

    /// The key of the source with this key, else with the key it is written as: a new source's
    /// key is saved as a slug (`Interview Müller` as `interview-muller`), and the key as the file
    /// or the command wrote it names that source too. (A URL is no key written otherwise.)
    static func key(named key: String, in database: Database) throws -> String? {
        let statement = try database.statement("SELECT key FROM sources WHERE key = ?1")
        if let found = try statement.first([.text(key)], { $0.text(at: 0) }) { return found }
        // A key saved as written is a slug already: no other spelling to look up (the common case).
        guard !EventSaver.isSlug(key), !key.utf8.contains(UInt8(ascii: ":")) || !key.contains("://"),
              case let slug = EventSaver.slug(key), !slug.isEmpty, slug != key else { return nil }
        return try statement.first([.text(slug)]) { $0.text(at: 0) }
    }
}
