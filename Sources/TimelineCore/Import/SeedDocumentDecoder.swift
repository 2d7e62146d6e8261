/// Reads the parts of a `timeline-seed/1` document into the model: its directory (entities,
/// relations, sources) and its events, whose entities and sources are references (slugs and keys)
/// to what the directory or the timeline already holds.
///
/// Errors name the field (`entities[2].type`) and what is wrong with its value, like `EventJSONDecoder`'s.
/// A field the format does not have is refused: a misspelling whose value would otherwise be lost.
enum SeedDocumentDecoder {
    typealias FieldError = EventJSONDecoder.FieldError

    /// The directory from the document's members before its events; `format` must name timeline-seed/1.
    static func directory(from members: [(key: String, value: JSONValue)], context: DateParsingContext) throws(FieldError) -> TimelineDirectory {
        try directoryAndPositions(from: members, context: context).directory
    }

    /// The directory, and the index in the document of each entry it holds.
    ///
    /// - Parameter report: given, an entry that cannot be read is passed to it, and the others are
    ///   still read (a dry run names every bad entry so); the directory then lacks the bad entries,
    ///   and the positions say where in the document each entry it holds was.
    static func directoryAndPositions(
        from members: [(key: String, value: JSONValue)], context: DateParsingContext, reporting report: ((FieldError) -> Void)? = nil
    ) throws(FieldError) -> (directory: TimelineDirectory, positions: TimelineDirectory.Positions) {
        let document = JSONValue.object(members.map { ($0.key, $0.value) })
        guard let format = try EventJSONDecoder.optionalString(document, "format") else {
            throw FieldError(field: "format", reason: "is missing; a timeline document gives \"format\": \"\(SeedDocumentReader.formatName)\" (a list of events is a JSON array instead)")
        }
        guard format == SeedDocumentReader.formatName else {
            throw FieldError(field: "format", reason: "'\(format)' is not a format this version reads; expected \(SeedDocumentReader.formatName)")
        }
        for (key, _) in members where !SeedDocumentReader.directoryKeys.contains(key) && !SeedDocumentReader.otherKeys.contains(key) && key != "events" {
            throw FieldError(field: key, reason: "is not a member of a timeline document; it has \(SeedDocumentReader.memberList)")
        }
        /// Each element of the member `key`, read by `decode`; one that cannot be read is reported,
        /// when there is a `report`.
        func entries<Entry>(
            _ key: String, _ decode: (JSONValue, String) throws(FieldError) -> Entry
        ) throws(FieldError) -> (entries: [Entry], positions: [Int]) {
            var read: [Entry] = []
            var positions: [Int] = []
            for (index, element) in try EventJSONDecoder.array(document, key).enumerated() {
                do {
                    read.append(try decode(element, "\(key)[\(index)]"))
                    positions.append(index)
                } catch {
                    guard let report else { throw error }
                    report(error)
                }
            }
            return (read, positions)
        }
        let kinds = try entries("kinds") { (element, field) throws(FieldError) in try kind(from: element, field: field) }
        let entities = try entries("entities") { (element, field) throws(FieldError) in try entity(from: element, field: field) }
        let relations = try entries("relations") { (element, field) throws(FieldError) in
            try relation(from: element, field: field, context: context)
        }
        let sources = try entries("sources") { (element, field) throws(FieldError) in try source(from: element, field: field, context: context) }
        return (TimelineDirectory(kinds: kinds.entries, entities: entities.entries, relations: relations.entries, sources: sources.entries),
                TimelineDirectory.Positions(kinds: kinds.positions, entities: entities.positions, relations: relations.positions,
                                            sources: sources.positions))
    }

    static func kind(from element: JSONValue, field: String) throws(FieldError) -> EventKind {
        try requireObject(element, field)
        try EventJSONDecoder.checkFieldNames(element, field, of: "a kind", ["name", "description"])
        let description = try EventJSONDecoder.optionalString(element, "description", field: field + ".description")
        return EventKind(name: try EventJSONDecoder.requiredString(element, "name", field: field + ".name"),
                         description: description.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil })
    }

    static func entity(from element: JSONValue, field: String) throws(FieldError) -> Entity {
        try requireObject(element, field)
        try EventJSONDecoder.checkFieldNames(element, field, of: "an entity", ["slug", "name", "type", "description", "aliases"])
        var aliases: [Entity.Alias] = []
        for (index, alias) in try EventJSONDecoder.array(element, "aliases").enumerated() {
            let aliasField = "\(field).aliases[\(index)]"
            switch alias {
            case .string(let name) where !name.isEmpty:
                aliases.append(Entity.Alias(name))
            case .object:
                try EventJSONDecoder.checkFieldNames(alias, aliasField, of: "an alias", ["alias", "language"])
                aliases.append(Entity.Alias(
                    try EventJSONDecoder.requiredString(alias, "alias", field: aliasField + ".alias"),
                    language: try EventJSONDecoder.optionalString(alias, "language", field: aliasField + ".language")))
            default:
                throw FieldError(field: aliasField, reason: "expected an object with an alias, or a name, found \(alias.typeName)")
            }
        }
        return Entity(
            slug: try EventJSONDecoder.optionalString(element, "slug", field: field + ".slug") ?? "",
            name: try EventJSONDecoder.requiredString(element, "name", field: field + ".name"),
            // Empty when left out: a new entity is an organisation, an existing one keeps its type.
            type: try EventJSONDecoder.optionalString(element, "type", field: field + ".type") ?? "",
            description: try EventJSONDecoder.optionalString(element, "description", field: field + ".description"),
            aliases: aliases)
    }

    static func relation(from element: JSONValue, field: String, context: DateParsingContext) throws(FieldError) -> EntityRelation {
        try requireObject(element, field)
        try EventJSONDecoder.checkFieldNames(element, field, of: "a relation", ["entity", "relation", "other", "valid", "source"])
        return EntityRelation(
            entity: try EventJSONDecoder.requiredString(element, "entity", field: field + ".entity"),
            relation: try EventJSONDecoder.requiredString(element, "relation", field: field + ".relation"),
            other: try EventJSONDecoder.requiredString(element, "other", field: field + ".other"),
            valid: try EventJSONDecoder.date(element, "valid", field: field + ".valid", context: context),
            source: try EventJSONDecoder.optionalString(element, "source", field: field + ".source"))
    }

    static func source(from element: JSONValue, field: String, context: DateParsingContext) throws(FieldError) -> Source {
        try requireObject(element, field)
        try EventJSONDecoder.checkFieldNames(element, field, of: "a source", ["key", "url", "title", "publisher", "published", "language", "type", "note"])
        // A blank URL or publisher is none, as in other imports: a new source takes the URL's host
        // for its publisher (the saver refuses one with neither), an existing one keeps its own.
        func nonBlank(_ text: String?) -> String? { text.flatMap { $0.contains { !$0.isWhitespace } ? $0 : nil } }
        let url = nonBlank(try EventJSONDecoder.optionalString(element, "url", field: field + ".url"))
        let publisher = nonBlank(try EventJSONDecoder.optionalString(element, "publisher", field: field + ".publisher"))
        return Source(
            key: try EventJSONDecoder.requiredString(element, "key", field: field + ".key"), url: url,
            title: try EventJSONDecoder.optionalString(element, "title", field: field + ".title"),
            publisher: publisher ?? "",
            published: try EventJSONDecoder.date(element, "published", field: field + ".published", context: context),
            language: try EventJSONDecoder.optionalString(element, "language", field: field + ".language") ?? "",
            // Empty when left out: a new source is news, an existing one keeps its type.
            type: try EventJSONDecoder.optionalString(element, "type", field: field + ".type") ?? "",
            note: try EventJSONDecoder.optionalString(element, "note", field: field + ".note"))
    }

    /// An event: `kind`, `title` and `when` required; `entities` are slugs (`{"entity": …, "role": …}`
    /// or a plain string) and `citations` name sources by key.
    /// An event's date. A relative one (`yesterday`) counts from its source's publication day,
    /// which citations by key do not give here: with citations it is refused, as a date without a
    /// year is; without, it counts from today, as in the other imports.
    private static func eventDate(_ value: JSONValue, _ key: String, context: DateParsingContext) throws(FieldError) -> TimelineDate? {
        guard let text = try EventJSONDecoder.optionalString(value, key), !text.isEmpty else { return nil }
        let cites = !((try? EventJSONDecoder.array(value, "citations")) ?? []).isEmpty
        do {
            return try TimelineDate.parse(text, context: context, yearFrom: { cites ? .citedUndated : .none })
        } catch {
            throw FieldError(field: key, reason: (error as? TimelineDateError)?.description ?? "\(error)")
        }
    }

    static func event(from value: JSONValue, context: DateParsingContext) throws(FieldError) -> Event {
        try requireObject(value, "(record)")
        try EventJSONDecoder.checkFieldNames(value, "", of: "an event", ["uid", "kind", "status", "title", "summary", "when", "announced", "entities", "tags",
                                                    "measures", "citations"])
        let uid = try EventJSONDecoder.optionalString(value, "uid") ?? ""
        let kind = try EventJSONDecoder.requiredString(value, "kind")
        let title = try EventJSONDecoder.requiredString(value, "title")
        let statusText = try EventJSONDecoder.optionalString(value, "status") ?? "occurred"
        guard let status = EventStatus(rawValue: statusText) else {
            throw FieldError(field: "status", reason: "'\(statusText)' is not a status; use occurred, planned, considered or cancelled")
        }
        guard let when = try eventDate(value, "when", context: context) else {
            throw FieldError(field: "when", reason: "is required")
        }
        var entities: [EventEntity] = []
        for (index, element) in try EventJSONDecoder.array(value, "entities").enumerated() {
            let field = "entities[\(index)]"
            switch element {
            case .string(let slug) where !slug.isEmpty:
                entities.append(EventEntity(slug: slug, name: slug, role: "subject"))
            case .object:
                try EventJSONDecoder.checkFieldNames(element, field, of: "an event's entity", ["entity", "role"])
                let slug = try EventJSONDecoder.requiredString(element, "entity", field: field + ".entity")
                entities.append(EventEntity(slug: slug, name: slug,
                                            role: try EventJSONDecoder.optionalString(element, "role", field: field + ".role") ?? "subject"))
            default:
                throw FieldError(field: field, reason: "expected an object with an entity, or a slug, found \(element.typeName)")
            }
        }
        var tags: [String] = []
        for (index, element) in try EventJSONDecoder.array(value, "tags").enumerated() {
            guard case .string(let tag) = element else {
                throw FieldError(field: "tags[\(index)]", reason: "expected a string, found \(element.typeName)")
            }
            tags.append(tag)
        }
        let measures = try EventJSONDecoder.array(value, "measures").enumerated().map { (index, element) throws(FieldError) in
            try EventJSONDecoder.checkFieldNames(element, "measures[\(index)]", of: "a figure",
                            ["quantity", "value", "unit", "entity", "approximate", "qualifier", "source", "note"])
            return try EventJSONDecoder.measure(from: element, field: "measures[\(index)]")
        }
        var citations: [Citation] = []
        for (index, element) in try EventJSONDecoder.array(value, "citations").enumerated() {
            let field = "citations[\(index)]"
            try requireObject(element, field)
            try EventJSONDecoder.checkFieldNames(element, field, of: "a citation", ["source", "stance", "quote", "quote_language", "translation", "note"])
            let stanceText = try EventJSONDecoder.optionalString(element, "stance", field: field + ".stance") ?? "supports"
            guard let stance = Citation.Stance(rawValue: stanceText) else {
                throw FieldError(field: field + ".stance", reason: "'\(stanceText)' is not a stance; use supports, contradicts or corrects")
            }
            // The key alone: the source is the directory's or the timeline's, found by the saver.
            let key = try EventJSONDecoder.requiredString(element, "source", field: field + ".source")
            citations.append(Citation(
                source: Source(key: key, publisher: "", language: "", type: "news"), stance: stance,
                quote: try EventJSONDecoder.optionalString(element, "quote", field: field + ".quote"),
                quoteLanguage: try EventJSONDecoder.optionalString(element, "quote_language", field: field + ".quote_language"),
                translation: try EventJSONDecoder.optionalString(element, "translation", field: field + ".translation"),
                note: try EventJSONDecoder.optionalString(element, "note", field: field + ".note")))
        }
        return Event(
            uid: uid, kind: kind, status: status, title: title,
            summary: try EventJSONDecoder.optionalString(value, "summary"), when: when,
            announced: try eventDate(value, "announced", context: context),
            entities: entities, tags: tags, measures: measures, citations: citations)
    }

    private static func requireObject(_ value: JSONValue, _ field: String) throws(FieldError) {
        guard case .object = value else { throw FieldError(field: field, reason: "expected an object, found \(value.typeName)") }
    }
}
