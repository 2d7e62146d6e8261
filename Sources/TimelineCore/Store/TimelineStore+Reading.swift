import SQLiteStorage

extension TimelineStore {
    /// Calls `body` with each matching event, in order, reading a batch at a time.
    ///
    /// `details` says which lists to fill (the others are empty). Past versions (`--as-of` after
    /// edits) are matched against the query whole, so they come with every list.
    public func forEachEvent(matching query: EventQuery, details: EventDetails = .all, _ body: (Event) throws -> Void) throws {
        try reading(query) { query, entities in
            if let asOf = query.asOf, try hasHistory() {
                let reader = EventReader(database: database, asOf: query.asOf)
                for event in try eventsWithHistory(matching: query, asOf: asOf, entities: entities, reader: reader) {
                    try body(event)
                }
                return
            }
            let reader = EventReader(database: database, asOf: query.asOf, details: details)
            try reader.forEachEvent(in: query.selection(entities: entities), body)
        }
    }

    /// Writes the matching events, in order, from `begin` to `end`. The machine formats are written
    /// straight from the stored rows (`StoredEventText`), the others from whole events; both give
    /// the same text.
    public func writeEvents(matching query: EventQuery, to writer: EventStreamWriter) throws {
        if let named = writer.entityNaming {
            named.entityNames = Dictionary(try database.prepare("SELECT slug, name FROM entities").map { ($0.text(at: 0), $0.text(at: 1)) },
                                           uniquingKeysWith: { first, _ in first })
        }
        try writer.begin()
        if let writer = writer as? EventListWriter, writer.writesStoredText, query.asOf == nil {
            try reading(query) { query, entities in
                let selection = query.selection(entities: entities, columns: StoredEventText.selectedColumns)
                try StoredEventTextReader(database: database).forEachEvent(in: selection) { try writer.write($0) }
            }
        } else {
            try forEachEvent(matching: query) { try writer.write($0) }
        }
        try writer.end()
    }

    /// Validates the query, resolves its tags and entities, and runs `body` with the query naming
    /// tags as stored and the entities' ids, turning SQLite errors into sentences (a search FTS5
    /// cannot read is a usage error).
    ///
    /// All of it reads one snapshot (one read transaction): the sorted ids, then rows a batch at a
    /// time, come from the same state of the file even while another process writes.
    func reading(_ query: EventQuery, _ body: (EventQuery, EntityScope) throws -> Void) throws {
        let query = try validated(query)
        do {
            func run() throws {
                let named = try resolveEntities(query.entities)
                try body(query, query.related ? try relatedEntities(of: named) : EntityScope(named: named))
            }
            // Inside a caller's transaction, that one is the snapshot.
            if database.isInTransaction { try run() } else { try database.transaction(.deferred, run) }
        } catch let error as SQLiteError {
            if let search = query.search, error.message.contains("fts5") {
                // FTS5 says `syntax error near ""` when the search stops where it wanted more.
                let problem = error.message.hasSuffix("near \"\"") ? "it ends where more was expected (after AND, OR, NOT, NEAR or an open parenthesis)"
                    : String(error.message.dropFirst(error.message.hasPrefix("fts5: ") ? 6 : 0))
                throw TimelineError(.usage, "--search '\(search)' is not a search the index understands: \(problem); quote phrases and balance parentheses.")
            }
            throw Self.translate(error, path: path)
        }
    }

    /// How many events match, whatever the query's limit and offset.
    public func countEvents(matching query: EventQuery) throws -> Int {
        var unpaged = query
        unpaged.limit = nil
        unpaged.offset = 0
        // Past versions are matched whole, as `list` reads them.
        if unpaged.asOf != nil { return try events(matching: unpaged).count }
        var count: Int64 = 0
        try reading(unpaged) { query, entities in
            let selection = query.selection(entities: entities)
            count = try database.prepare("SELECT count(*) FROM (" + selection.sql + ")").first(selection.arguments) { $0.int64(at: 0) } ?? 0
        }
        return Int(count)
    }

    /// What a table says when paging leaves no events on the page though some match (`--offset`
    /// past them, `--limit 0`); nil when none match.
    public func emptyPageText(of query: EventQuery, language: DateDisplayLanguage) throws -> String? {
        guard query.limit == 0 || query.offset > 0 else { return nil }
        let words = TimelineWords.words(for: language)
        let matching = try countEvents(matching: query)
        guard matching > 0 else { return nil }
        let forms = query.limit == 0 ? words.noneShownAtLimitZero : words.noneShownPastOffset
        let text = matching == 1 ? forms.one : forms.many
        return text.replacing("{n}", with: String(matching)).replacing("{offset}", with: String(query.offset))
    }

    /// Every matching event, in order.
    public func events(matching query: EventQuery) throws -> [Event] {
        var events: [Event] = []
        try forEachEvent(matching: query) { events.append($0) }
        return events
    }

    private func hasHistory() throws -> Bool {
        try database.tableExists("event_history") && database.scalar("SELECT 1 FROM event_history LIMIT 1") != nil
    }

    /// `--as-of` once events have been edited or removed: each event as it stood at the end of that
    /// day (see `version(of:asOf:before:)`), then the query's filters.
    private func eventsWithHistory(matching query: EventQuery, asOf: CalendarDay, entities: EntityScope,
                                   reader: EventReader) throws -> [Event] {
        var unlimited = query
        unlimited.limit = nil
        unlimited.offset = 0
        var events: [Event] = []
        try reader.forEachEvent(in: unlimited.selection(entities: entities, excludingUIDsWithHistory: true)) { events.append($0) }

        // After every time of the day (`2022-08-25T…` sorts before `2022-08-25~`) and before the
        // next: the next day itself does not exist after 9999-12-31.
        let boundary = asOf.iso + "~"
        // A version from before a merge names the merged entity by its own slug; its name lives on
        // as an alias of the entity it went into, so the slugs of the aliases find it too.
        var entitySlugs: [String: [EntityScope.Window]]?
        if !entities.isEmpty {
            var slugs: [String: [EntityScope.Window]] = [:]
            for member in entities.members {
                var names = try database.prepare("SELECT slug FROM entities WHERE id = ?1").map([.integer(member.id)]) { $0.text(at: 0) }
                names += try database.prepare("SELECT alias FROM entity_aliases WHERE entity_id = ?1").map([.integer(member.id)]) {
                    EventSaver.slug($0.text(at: 0))
                }
                for name in names { slugs[name, default: []] += member.windows }
            }
            entitySlugs = slugs
        }
        let uids = try database.prepare("SELECT DISTINCT uid FROM event_history ORDER BY uid").map { $0.text(at: 0) }
        for uid in uids {
            guard var event = try version(of: uid, asOf: asOf, before: boundary) else { continue }
            event.citations = event.citations.filter { $0.source.published?.latest.map { $0 <= asOf } ?? false }
            let keys = Set(event.citations.map(\.source.key))
            event.measures = event.measures.filter { $0.source.map(keys.contains) ?? false }
            if query.matches(event, entitySlugs: entitySlugs) { events.append(event) }
        }
        events.sort { EventQuery.chronologicalKey($0, field: query.dateField) < EventQuery.chronologicalKey($1, field: query.dateField) }
        if query.reverse { events.reverse() }
        let start = min(query.offset, events.count)
        let end = query.limit.map { min(events.count, start + $0) } ?? events.count
        return Array(events[start..<end])
    }

    /// The version of an event that stood at the end of day `asOf` (`boundary` sorts after every
    /// time of it): the live row or a history snapshot; none when the event had been removed by then.
    ///
    /// An event recorded by then is as the database held it at the end of that day. One recorded
    /// later (a timeline typed in after the fact) is as first recorded, and then with each later
    /// version that cites sources the one before did not, all published by then (a correction
    /// found and cited afterwards); the walk stops at the first other: a later edit citing nothing
    /// new is later knowledge (`planned` become `occurred`), and the versions after it carry it.
    private func version(of uid: String, asOf: CalendarDay, before boundary: String) throws -> Event? {
        struct Version {
            let recordedAt: String
            let supersededAt: String?
            let snapshot: String?
        }
        var versions = try database.prepare(
            "SELECT recorded_at, superseded_at, snapshot FROM event_history WHERE uid = ?1 ORDER BY recorded_at, id"
        ).map([.text(uid)]) { Version(recordedAt: $0.text(at: 0), supersededAt: $0.text(at: 1), snapshot: $0.text(at: 2)) }
        let liveID = try database.scalar("SELECT id FROM events WHERE uid = ?1", [.text(uid)])
        if case .integer? = liveID, case .text(let recorded)? = try database.scalar("SELECT recorded_at FROM events WHERE uid = ?1", [.text(uid)]) {
            versions.append(Version(recordedAt: recorded, supersededAt: nil, snapshot: nil))
        }
        func event(of version: Version) throws -> Event? {
            if let snapshot = version.snapshot {
                do {
                    var event = try EventJSONDecoder.event(from: try JSONParser.parse(snapshot))
                    event.recordedAt = version.recordedAt
                    return event
                } catch {
                    throw TimelineError(.badData, "the history of \(uid) recorded at \(version.recordedAt) cannot be read: \(error).")
                }
            }
            guard case .integer(let id)? = liveID else { return nil }
            return try EventReader(database: database).event(id: id)
        }
        var chosen: (index: Int, event: Event)?
        if let index = versions.lastIndex(where: { $0.recordedAt < boundary }) {
            // Recorded by then, the event is as the database held it at the end of that day.
            guard let held = try event(of: versions[index]) else { return nil }
            chosen = (index, held)
        } else {
            for (index, version) in versions.enumerated() {
                guard let candidate = try event(of: version) else { break }
                if let previous = chosen {
                    let cited = Set(previous.event.citations.map(\.source.key))
                    let added = candidate.citations.filter { !cited.contains($0.source.key) }
                    guard !added.isEmpty, added.allSatisfy({ $0.source.published?.latest.map { $0 <= asOf } ?? false }) else { break }
                }
                chosen = (index, candidate)
            }
        }
        guard let chosen else { return nil }
        // Removed by then: the version standing last was superseded before the end of the day by
        // no later version, but by the removal (one added again afterwards is still a gap then).
        let last = versions[chosen.index]
        if last.snapshot != nil, let supersededAt = last.supersededAt, supersededAt < boundary {
            return nil
        }
        return chosen.event
    }

    /// The event with this uid, or nil.
    public func event(uid: String, asOf: CalendarDay? = nil) throws -> Event? {
        let reader = EventReader(database: database, asOf: asOf)
        guard case .integer(let id)? = try database.scalar("SELECT id FROM events WHERE uid = ?1", [.text(uid)]) else {
            return nil
        }
        return try reader.event(id: id)
    }

    /// The names of the event kinds, sorted.
    public func eventKinds() throws -> [String] {
        try database.prepare("SELECT name FROM event_kinds ORDER BY name").map { $0.text(at: 0) }
    }

    /// Every entity, by slug, with its aliases in the order recorded.
    public func entities() throws -> [Entity] {
        try directory(entities: nil, sources: []).entities.sorted { $0.slug.utf8.lexicographicallyPrecedes($1.slug.utf8) }
    }

    /// An event a readable uid was numbered after (`acme-layoff-2023-01-05-2` was made because
    /// `acme-layoff-2023-01-05` was taken), with its date: one with the same main entity and
    /// kind, and a date written the same in a uid (the same date, or `2019` for `until 2019`);
    /// of those numbered before it, one of the same date if there is one. nil when the uid was
    /// not numbered (`acme-launch-2019-2022` ends in its date), or no event has the stem.
    public func eventNumberedBefore(_ uid: String) throws -> (uid: String, when: TimelineDate)? {
        guard let hyphen = uid.lastIndex(of: "-"), hyphen != uid.startIndex else { return nil }
        let number = uid[uid.index(after: hyphen)...]
        guard let value = Int(number), value >= 2, !number.hasPrefix("0") else { return nil }
        let stem = String(uid[..<hyphen])
        guard let added = try event(uid: uid), EventSaver.readableStem(of: added) == stem else { return nil }
        // The stem's holder, or another numbered after it; one of the same date first.
        let candidates = try database.prepare(Self.uidsNumberedFromAStem).map([.text(stem), .text(uid)]) { (uid: $0.text(at: 0), edtf: $0.text(at: 1)) }
        var earlier: (uid: String, edtf: String)?
        for candidate in candidates {
            guard try candidate.uid == stem || event(uid: candidate.uid).map(EventSaver.readableStem) == stem else { continue }
            if earlier == nil || candidate.edtf == added.when.edtf && earlier?.edtf != added.when.edtf { earlier = candidate }
        }
        guard let earlier, let when = try? TimelineDate(edtf: earlier.edtf) else { return nil }
        return (earlier.uid, when)
    }

    /// The uid `?1` (a stem) and those numbered after it (`-2`, `-3`, …, and also
    /// `acme-launch-2019-2022`, whose own stem ends in its date), but `?2`, shortest first. The
    /// range between `stem-` and `stem.` reads only those uids from the index: a GLOB built from
    /// a parameter reads the whole table (half a second at a million events).
    static let uidsNumberedFromAStem = """
        SELECT uid, when_edtf FROM events
        WHERE uid = ?1 OR (uid > ?1 || '-' AND uid < ?1 || '.' AND uid GLOB ?1 || '-[1-9]*' AND uid <> ?2)
        ORDER BY length(uid), uid
        """

    /// Imported events (their uid the readable stem, `-` and an 8-digit content hash) with the main
    /// entity, kind and date of the event `uid`: for a note when `add` types in one of them again.
    public func importedEvents(withTheStemOf uid: String) throws -> [String] {
        guard let added = try event(uid: uid) else { return [] }
        let stem = EventSaver.readableStem(of: added)
        return try database.prepare(Self.uidsHashedFromAStem).map([.text(stem)]) { $0.text(at: 0) }
    }

    /// The uids of the stem `?1`, `-` and eight hexadecimal digits, read from the index's range.
    static let uidsHashedFromAStem = """
        SELECT uid FROM events WHERE uid > ?1 || '-' AND uid < ?1 || '-g' AND length(uid) = length(?1) + 9
            AND substr(uid, length(?1) + 2) NOT GLOB '*[^0-9a-f]*' ORDER BY uid
        """

    /// The key of the source a reference (a key or URL) names, the key first; nil when none.
    public func sourceKey(matching reference: String) throws -> String? {
        try SourceReference.key(matching: reference, in: database)
    }

    /// The publisher, publication date (EDTF) and title of the source with this key.
    public func publisherAndPublication(ofSource key: String) throws -> (publisher: String, published: String?, title: String?)? {
        try database.statement("SELECT publisher, published_edtf, title FROM sources WHERE key = ?1")
            .first([.text(key)]) { ($0.text(at: 0), $0.optionalText(at: 1), $0.optionalText(at: 2)) }
    }

    /// The language of the source with this key (else this URL), when the timeline has it and
    /// knows its language.
    public func language(ofSource reference: String) throws -> String? {
        guard case .text(let language)? = try database.scalar(
            "SELECT language FROM sources WHERE key = ?1 OR url = ?1 ORDER BY key = ?1 DESC LIMIT 1", [.text(reference)]),
            language != "und" else { return nil }
        return language
    }

    /// The publication date of the source a key or URL names, when it has one: the year a date
    /// written without one (`mid-March`) is taken from.
    public func publicationDate(ofSource reference: String) throws -> TimelineDate? {
        guard case .text(let edtf)? = try database.scalar(
            "SELECT published_edtf FROM sources WHERE key = ?1 OR url = ?1 ORDER BY key = ?1 DESC LIMIT 1", [.text(reference)])
        else { return nil }
        return try TimelineDate(edtf: edtf)
    }

    /// A quantity no figure in the timeline counts is a usage error that lists those some figure
    /// counts (for `stats --sum`: a misspelt one would otherwise give empty sums); with
    /// `includingHistory` (`--as-of`), a figure of an earlier version of an event counts too.
    public func validateQuantity(_ quantity: String, includingHistory: Bool = false) throws {
        // One lookup in the index of quantities; the list only for the message.
        if try database.scalar("SELECT 1 FROM measures WHERE quantity = ?1 LIMIT 1", [.text(quantity)]) != nil { return }
        let earlier = "SELECT json_extract(m.value, '$.quantity') AS quantity FROM event_history AS h, json_each(h.snapshot, '$.measures') AS m"
        if includingHistory,
           try database.scalar("SELECT 1 FROM (\(earlier)) WHERE quantity = ?1 LIMIT 1", [.text(quantity)]) != nil {
            return
        }
        let known = try database.prepare(
            "SELECT DISTINCT quantity FROM measures\(includingHistory ? " UNION SELECT * FROM (\(earlier))" : "") ORDER BY 1"
        ).map { $0.text(at: 0) }
        if known.isEmpty {
            throw TimelineError(.usage, "no figure in this timeline counts '\(quantity)' (it has no figures).")
        }
        throw TimelineError(.usage, "no figure in this timeline counts '\(quantity)'; \(Self.describe(known, near: quantity, as: "quantities", listedBy: "`timeline sql \"SELECT DISTINCT quantity FROM measures\"`")).")
    }

    /// The query with its tags as the timeline writes them; unknown kinds and tags are a usage
    /// error that lists the known ones.
    private func validated(_ query: EventQuery) throws -> EventQuery {
        var query = query
        if !query.kinds.isEmpty {
            let known = try eventKinds()
            // Any case, and spaces for hyphens: `--kind Layoff` is `layoff`.
            if let unknown = query.kinds.first(where: { !known.contains($0) && !known.contains(EventSaver.slug($0)) }) {
                let slug = EventSaver.slug(unknown)
                throw TimelineError(.usage, "unknown kind '\(unknown)' in --kind; \(Self.describe(known, near: slug.isEmpty ? unknown : slug, as: "kinds", listedBy: "`timeline kinds`")).")
            }
            query.kinds = query.kinds.map { known.contains($0) ? $0 : EventSaver.slug($0) }
        }
        if !query.tags.isEmpty {
            // As of a past day, the tags of earlier versions of events count too.
            let earlier = query.asOf == nil ? "" : " UNION SELECT t.value FROM event_history AS h, json_each(h.snapshot, '$.tags') AS t"
            let known = try database.prepare("SELECT DISTINCT tag FROM event_tags\(earlier) ORDER BY 1").map { $0.text(at: 0) }
            // `--tag sante` or `--tag SANTÉ` finds `santé`, and `--tag "warn notice"` `warn-notice`.
            var byKey: [String: [String]] = [:]
            for tag in known { byKey[Self.tagKey(tag), default: []].append(tag) }
            var stored: [String] = []
            for tag in query.tags {
                guard let spellings = byKey[Self.tagKey(tag)] else {
                    throw TimelineError(.usage, "unknown tag '\(tag)' in --tag; \(Self.describe(known, near: tag, as: "tags", listedBy: "`timeline sql \"SELECT DISTINCT tag FROM event_tags\"`")).")
                }
                stored += spellings.filter { !stored.contains($0) }
            }
            query.tags = stored
        }
        if query.related && query.entities.isEmpty {
            throw TimelineError(.usage, "--related widens --entity; name at least one entity with --entity.")
        }
        if let search = query.search, let exclusion = SearchQuery.misplacedExclusion(in: search) {
            // Looked for alone, `-moscow` would find the very events it means to leave out.
            throw TimelineError(.usage, "--search '\(search)': '\(exclusion)' leaves out what matches it only after something to look for "
                                + "(opens -moscow, or opens NOT moscow); put it after a word, or write NOT between the two.")
        }
        if let search = query.search, SearchQuery.ftsExpression(search).isEmpty {
            // FTS5 would answer "syntax error near """.
            throw TimelineError(.usage, "--search '\(search)' has no words to look for.")
        }
        if query.rank && query.search == nil {
            throw TimelineError(.usage, "--rank orders search results; give --search TEXT too.")
        }
        if let from = query.from, let to = query.to, from > to {
            throw TimelineError(.usage, "the range is empty: --from \(from.iso) is after --to \(to.iso).")
        }
        return query
    }

    /// What tags are compared by: their slug (case, accents and punctuation aside), or the tag
    /// folded to lower case when it has no Latin letters or digits.
    static func tagKey(_ tag: String) -> String {
        let slug = EventSaver.slug(tag)
        return slug.isEmpty ? EntityNameFolding.folded(tag) : slug
    }

    /// The entities given and, transitively, those that are part of, a product of, a contractor of
    /// or acquired by them (relation types marked to be followed), each with the days its chains of
    /// relations held (see `EntityScope`). A relation of a type that holds from its date holds
    /// from a single date on; given as an interval (an acquisition, then a sale), it holds during it.
    func relatedEntities(of ids: [Int64]) throws -> EntityScope {
        var windows: [Int64: [EntityScope.Window]] = [:]
        var frontier: [(id: Int64, window: EntityScope.Window)] = []
        for id in ids where windows[id] == nil {
            windows[id] = [.always]
            frontier.append((id, .always))
        }
        let statement = try database.cachedStatement(
            """
            SELECT r.entity_id, r.valid_earliest, r.valid_latest, t.holds_from_date AND instr(ifnull(r.valid_edtf, ''), '/') = 0
            FROM entity_relations AS r JOIN relation_types AS t ON t.name = r.relation
            WHERE t.transitive = 1 AND r.other_id = ?1
            """)
        while let (id, window) = frontier.popLast() {
            let relations = try statement.map([.integer(id)]) { row in
                (id: row.int64(at: 0),
                 window: EntityScope.Window(
                    earliest: row.optionalText(at: 1).flatMap(CalendarDay.init(iso:)),
                    latest: row.int64(at: 3) == 1 ? nil : row.optionalText(at: 2).flatMap(CalendarDay.init(iso:))))
            }
            for relation in relations {
                // A chain holds on the days every link of it held; a window inside one already
                // found adds nothing.
                guard let reached = window.intersection(relation.window) else { continue }
                var known = windows[relation.id, default: []]
                if known.contains(where: { $0.contains(reached) }) { continue }
                known.removeAll { reached.contains($0) }
                known.append(reached)
                windows[relation.id] = known
                frontier.append((relation.id, reached))
            }
        }
        return EntityScope(members: windows.map { EntityScope.Member(id: $0.key, windows: $0.value) })
    }

    /// Entity slugs, names or aliases (any case, in any script), or the slug a name would get (`SOCIÉTÉ
    /// GÉNÉRALE` is `societe-generale`), else the entities whose name or an alias reads as it but
    /// for accents and punctuation, to ids; an unknown one is a usage error listing the known slugs.
    func resolveEntities(_ names: [String]) throws -> [Int64] {
        var ids: [Int64] = []
        var foldedNames: EntityNameFolding.Index?
        for name in names {
            let slug = EventSaver.entitySlug(name)
            var matches = try database.cachedStatement(
                """
                SELECT id FROM entities WHERE slug = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE OR slug = ?2
                UNION SELECT entity_id FROM entity_aliases WHERE alias = ?1 COLLATE NOCASE
                """
            ).map([.text(name), slug.isEmpty ? .null : .text(slug)]) { $0.int64(at: 0) }
            if !EntityNameFolding.isASCII(name) {
                let index = try foldedNames ?? EntityNameFolding.Index(database: database)
                foldedNames = index
                for match in index.matches(name) where !matches.contains(match.id) { matches.append(match.id) }
            }
            if matches.isEmpty {
                // `Eclair Market` for `Éclair Market`: a name or alias read but for accents, case
                // and punctuation (its slug), when nothing answers to it as written.
                for alike in try namesReadingAlike(name, otherThan: "") {
                    let id = try database.statement("SELECT id FROM entities WHERE slug = ?1").first([.text(alike.slug)]) { $0.int64(at: 0) }
                    if let id, !matches.contains(id) { matches.append(id) }
                }
            }
            if matches.isEmpty {
                throw TimelineError(.usage, "unknown entity '\(name)' in --entity; \(try Self.entityHint(near: name, in: database)).")
            }
            ids += matches
        }
        return ids
    }

    /// The known entities for an error about one that is not: those whose slug, name or an
    /// alias is close to it (`meta` finds `meta-platforms`, `1life` the entity whose alias is
    /// `1Life Healthcare`), then all of a few, or of many where to see them.
    static func entityHint(near wanted: String, in database: Database) throws -> String {
        let known = try database.prepare("SELECT slug FROM entities ORDER BY slug").map { $0.text(at: 0) }
        if known.isEmpty { return "the timeline has no entities yet" }
        var bySlugOfName: [String: [String]] = [:]
        try database.prepare(
            "SELECT slug, slug FROM entities UNION SELECT slug, name FROM entities UNION SELECT e.slug, a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id"
        ).forEachRow { row in
            let text = EventSaver.slug(row.text(at: 1))
            if !text.isEmpty { bySlugOfName[text, default: []].append(row.text(at: 0)) }
        }
        let slug = EventSaver.slug(wanted)
        var close = NameSuggestions.closest(to: slug.isEmpty ? wanted : slug, among: Array(bySlugOfName.keys), limit: 6)
        if close.isEmpty && !slug.isEmpty {
            // A word of a longer name, as `meta` is of `meta-platforms`.
            close = NameSuggestions.holdingWords(of: slug, among: bySlugOfName.keys).sorted()
        }
        var suggested: [String] = []
        for text in close { for entity in bySlugOfName[text] ?? [] where !suggested.contains(entity) { suggested.append(entity) } }
        // A few are all listed, after the ones meant if any (`gorilas`: did you mean gorillas?).
        let all = known.count <= 20 ? "known entities: \(known.joined(separator: ", "))" : "`timeline entities` lists all \(known.count)"
        return suggested.isEmpty ? all : "did you mean \(suggested.prefix(3).joined(separator: ", "))? (\(all))"
    }

    /// Known names for an error: the ones close to what was asked, if any, then all of a few,
    /// or of many what lists them.
    static func describe(_ known: [String], near wanted: String, as plural: String, listedBy command: String) -> String {
        if known.isEmpty { return "the timeline has no \(plural) yet" }
        var close = NameSuggestions.closest(to: wanted, among: known)
        if close.isEmpty, case let slug = EventSaver.slug(wanted), !slug.isEmpty {
            // Written otherwise (`M&A` for `m-and-a`), or a word of a longer one (`positions`
            // of `positions-cut`).
            close = known.contains(slug) ? [slug] : NameSuggestions.closest(to: slug, among: known)
            if close.isEmpty { close = Array(NameSuggestions.holdingWords(of: slug, among: known).prefix(3)) }
        }
        let all = known.count <= 20 ? "known \(plural): \(known.joined(separator: ", "))" : "\(command) lists all \(known.count)"
        return close.isEmpty ? all : "did you mean \(close.joined(separator: ", "))? (\(all))"
    }
}
