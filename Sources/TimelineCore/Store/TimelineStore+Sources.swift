import SQLiteStorage

/// A source as `timeline sources` lists it, with what rests on it: the events citing it, the
/// figures given from it, and the relations between entities it backs.
public struct SourceListing: Sendable, Equatable {
    public var source: Source
    public var events: Int
    public var figures: Int
    public var relations: Int
}

/// One source and everything that cites it (`timeline sources show`).
public struct SourceUse: Sendable, Equatable {
    /// An event citing the source, and what the citation says.
    public struct CitingEvent: Sendable, Equatable {
        public var uid: String
        public var title: String
        public var when: TimelineDate
        public var citation: Citation
    }

    /// A figure given from the source, and the event it is a figure of.
    public struct SourcedFigure: Sendable, Equatable {
        public var uid: String
        public var measure: Measure
    }

    public var listing: SourceListing
    /// In the order of the events' dates (then uids), an event citing it twice twice.
    public var citations: [CitingEvent]
    public var figures: [SourcedFigure]
    /// `entity relation other`, as `entities` prints a relation.
    public var relations: [EntityRelation]
}

/// Which sources `timeline sources` lists.
public struct SourceFilter: Sendable, Equatable {
    /// Only sources with no publication date (which `--as-of` never counts).
    public var undatedOnly = false
    /// Only sources whose publisher holds these words, in any case, accents and punctuation aside
    /// (`siecle` finds Siècle Digital, `washington post` The Washington Post).
    public var publisher: String?

    public init(undatedOnly: Bool = false, publisher: String? = nil) {
        self.undatedOnly = undatedOnly
        self.publisher = publisher
    }

    /// Whether the filter keeps `source`; `words` is `publisher` as `words(_:)` gives it, worked
    /// out once for all the sources.
    func admits(_ source: Source, publisherWords words: String?) -> Bool {
        if undatedOnly, source.published != nil { return false }
        if let words {
            // Whole words of the publisher's name: `post` finds The Washington Post, not Compost.
            guard ("-" + Self.words(source.publisher) + "-").contains("-" + words + "-") else { return false }
        }
        return true
    }

    /// A name as the words `--publisher` looks for, an apostrophe joining its word (`beckers`
    /// finds Becker's Healthcare), and a German umlaut's spelling with an e the letter alone
    /// (`sueddeutsche` finds Süddeutsche Zeitung, as `suddeutsche` does).
    static func words(_ name: String) -> String {
        EventSaver.slug(String(name.unicodeScalars.filter { $0 != "'" && $0 != "’" }.map(Character.init)))
            .replacing("ae", with: "a").replacing("oe", with: "o").replacing("ue", with: "u")
    }
}

extension TimelineStore {
    /// The sources, in order of publication (undated ones last), then by key, with how many events
    /// cite each, how many figures come from each, and how many relations each backs.
    public func sourceListings(_ filter: SourceFilter = SourceFilter()) throws -> [SourceListing] {
        let publisherWords = filter.publisher.map(SourceFilter.words)
        if let publisher = filter.publisher, publisherWords?.isEmpty == true {
            throw TimelineError(.usage, "--publisher '\(publisher)' holds no letter or digit to look for.")
        }
        return try readingSnapshot {
            try database.prepare(Self.allListingsSQL).map([], Self.listing).filter { filter.admits($0.source, publisherWords: publisherWords) }
        }
    }

    /// The source with this key or URL and everything citing it; a `.notFound` error naming keys
    /// like it when there is none.
    public func sourceUse(_ reference: String) throws -> SourceUse {
        try readingSnapshot {
            guard let key = try SourceReference.key(matching: reference, in: database),
                  let listing = try database.prepare(Self.oneListingSQL).first([.text(key)], Self.listing)
            else {
                throw try noSourceError(reference)
            }
            let citations = try database.prepare(
                """
                SELECT e.uid, e.title, e.when_edtf, c.stance, c.quote, c.quote_language, c.translation, c.note
                FROM citations AS c JOIN events AS e ON e.id = c.event_id JOIN sources AS s ON s.id = c.source_id
                WHERE s.key = ?1 ORDER BY e.when_earliest, e.when_latest, e.uid, c.id
                """
            ).map([.text(key)]) { row in
                SourceUse.CitingEvent(
                    uid: row.text(at: 0), title: row.text(at: 1), when: try TimelineDate(edtf: row.text(at: 2)),
                    citation: Citation(source: listing.source, stance: Citation.Stance(rawValue: row.text(at: 3)) ?? .supports,
                                       quote: row.optionalText(at: 4), quoteLanguage: row.optionalText(at: 5),
                                       translation: row.optionalText(at: 6), note: row.optionalText(at: 7)))
            }
            // No index finds a source's figures: one pass over the figures, for one command.
            let figures = try database.prepare(
                """
                SELECT e.uid, m.quantity, m.value, m.unit, en.slug, m.approximate, m.qualifier, m.note
                FROM measures AS m JOIN events AS e ON e.id = m.event_id JOIN sources AS s ON s.id = m.source_id
                LEFT JOIN entities AS en ON en.id = m.entity_id
                WHERE s.key = ?1 ORDER BY e.when_earliest, e.when_latest, e.uid, m.id
                """
            ).map([.text(key)]) { row in
                SourceUse.SourcedFigure(
                    uid: row.text(at: 0),
                    measure: Measure(quantity: row.text(at: 1), value: row.text(at: 2), unit: row.text(at: 3),
                                     entity: row.optionalText(at: 4), approximate: row.bool(at: 5), qualifier: row.optionalText(at: 6),
                                     source: key, note: row.optionalText(at: 7)))
            }
            let relations = try directory(entities: nil, sources: []).relations.filter { $0.source == key }
            return SourceUse(listing: listing, citations: citations, figures: figures, relations: relations)
        }
    }

    private func noSourceError(_ reference: String) throws -> TimelineError {
        // Keys holding the words given (`ap-2022` may mean ap-2022-08-24), else a letter or two
        // from them (`cnbc-2022-09-9`).
        let words = EventSaver.slug(reference)
        var like = words.isEmpty ? [] : try database.prepare(
            "SELECT key FROM sources WHERE instr(key, ?1) > 0 ORDER BY key LIMIT 6"
        ).map([.text(words)]) { $0.text(at: 0) }
        if like.isEmpty, !words.isEmpty {
            like = NameSuggestions.closest(to: words, among: try database.prepare("SELECT key FROM sources").map { $0.text(at: 0) }, limit: 5)
        }
        let hint = like.isEmpty ? "`timeline sources` lists them."
            : "keys like it: " + like.prefix(5).joined(separator: ", ") + (like.count > 5 ? ", …" : "") + "."
        return TimelineError(.notFound, "no source has the key or URL '\(reference)'; \(hint)")
    }

    /// A source's columns, as `listing` reads them, before its three counts.
    private static let sourceColumns = "s.key, s.url, s.title, s.publisher, s.published_edtf, s.language, s.type, s.note"

    /// Every source with its counts, each counted in one pass over its table. The citations are
    /// read in table order and sorted, not through their index by source: at a million events that
    /// index leads to each citation's row in turn (4.1 s instead of 0.8).
    private static let allListingsSQL = """
        SELECT \(sourceColumns), coalesce(c.events, 0), coalesce(m.figures, 0), coalesce(r.relations, 0)
        FROM sources AS s
        LEFT JOIN (SELECT source_id, count(DISTINCT event_id) AS events FROM citations NOT INDEXED GROUP BY source_id) AS c
            ON c.source_id = s.id
        LEFT JOIN (SELECT source_id, count(*) AS figures FROM measures WHERE source_id IS NOT NULL GROUP BY source_id) AS m
            ON m.source_id = s.id
        LEFT JOIN (SELECT source_id, count(*) AS relations FROM entity_relations WHERE source_id IS NOT NULL GROUP BY source_id) AS r
            ON r.source_id = s.id
        ORDER BY s.published_earliest IS NULL, s.published_earliest, s.published_latest, s.key
        """

    /// The source with the key `?1` and its counts, its citations found by their index.
    private static let oneListingSQL = """
        SELECT \(sourceColumns), (SELECT count(DISTINCT event_id) FROM citations WHERE source_id = s.id),
               (SELECT count(*) FROM measures WHERE source_id = s.id), (SELECT count(*) FROM entity_relations WHERE source_id = s.id)
        FROM sources AS s WHERE s.key = ?1
        """

    private static func listing(_ row: Statement) throws -> SourceListing {
        SourceListing(
            source: Source(key: row.text(at: 0), url: row.optionalText(at: 1), title: row.optionalText(at: 2), publisher: row.text(at: 3),
                           published: try row.optionalText(at: 4).map { try TimelineDate(edtf: $0) }, language: row.text(at: 5),
                           type: row.text(at: 6), note: row.optionalText(at: 7)),
            events: Int(row.int64(at: 8)), figures: Int(row.int64(at: 9)), relations: Int(row.int64(at: 10)))
    }
}
