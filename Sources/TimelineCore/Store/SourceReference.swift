import SQLiteStorage

/// How a reference to a source (its key, else its URL) finds the source's key: one query for
/// the saver and the store, so that both prefer a key to a URL in the same way.
enum SourceReference {
    /// The key of the source a reference names, the source with that key before one with that
    /// URL; nil when none matches.
    static func key(matching reference: String, in database: Database) throws -> String? {
        // The URL lookup takes the URL itself before another naming the same page.
        try database.statement("SELECT key FROM sources WHERE key = ?1").first([.text(reference)]) { $0.text(at: 0) }
            ?? SourceURL.key(ofSamePageAs: reference, in: database)
    }
}
