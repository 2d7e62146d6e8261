/// Prints `timeline entities` in the list formats.
///
/// The table shows aliases by name and relations as `product-of amazon (2019-09/2022-12-31)`;
/// JSON and NDJSON give each entity as an object with `aliases` and `relations` arrays (the shape
/// of a timeline document's entities, with `relations` and `events` added); CSV and TSV write those
/// two lists as JSON arrays, as `list` does its lists.
public struct EntityListWriter {
    public let format: OutputFormat
    let output: TextOutput

    public init(format: OutputFormat, output: TextOutput) {
        self.format = format
        self.output = output
    }

    public func write(_ listings: [EntityListing]) throws {
        switch format {
        case .table, .markdown:
            let header = ["Slug", "Name", "Type", "Events", "Aliases", "Relations"]
            let rows = listings.map { listing in
                [listing.entity.slug, listing.entity.name, listing.entity.type, String(listing.events),
                 listing.entity.aliases.map(\.name).joined(separator: "; "),
                 listing.relations.map { relation in
                     "\(relation.relation) \(relation.other)" + (relation.valid.map { " (\($0.edtf))" } ?? "")
                 }.joined(separator: "; ")]
            }
            if format == .table {
                try output.write(rows.isEmpty ? "The timeline has no entities yet.\n" : AlignedTable.render(header: header, rows: rows))
            } else {
                try TextRows.write(format, header: header, rows: rows, to: output)
            }
        case .csv, .tsv:
            let header = ["slug", "name", "type", "description", "events", "aliases", "relations"]
            let rows = listings.map { listing -> [String] in
                var aliases = JSONText()
                Self.appendAliases(listing.entity, to: &aliases)
                var relations = JSONText()
                Self.appendRelations(listing.relations, to: &relations)
                return [listing.entity.slug, listing.entity.name, listing.entity.type, listing.entity.description ?? "",
                        String(listing.events), aliases.text, relations.text]
            }
            try TextRows.write(format, header: header, rows: rows, to: output)
        case .json, .ndjson:
            let lines = listings.map { listing -> String in
                var json = JSONText()
                json.beginObject()
                json.field("slug", listing.entity.slug)
                json.field("name", listing.entity.name)
                json.field("type", listing.entity.type)
                json.field("description", listing.entity.description)
                json.key("aliases")
                Self.appendAliases(listing.entity, to: &json)
                json.key("relations")
                Self.appendRelations(listing.relations, to: &json)
                json.key("events")
                json.int(listing.events)
                json.endObject()
                return json.text
            }
            try TextRows.writeJSON(format, objects: lines, to: output)
        }
        try output.finish()
    }

    /// `[{"alias": …, "language": …}, …]`, as a timeline document writes them.
    static func appendAliases(_ entity: Entity, to json: inout JSONText) {
        json.beginArray()
        for alias in entity.aliases {
            json.beginObject()
            json.field("alias", alias.name)
            json.field("language", alias.language)
            json.endObject()
        }
        json.endArray()
    }

    /// `[{"relation": …, "other": …, "valid": …, "source": …}, …]`.
    static func appendRelations(_ relations: [EntityRelation], to json: inout JSONText) {
        json.beginArray()
        for relation in relations {
            json.beginObject()
            appendRelationFields(relation, to: &json)
            json.endObject()
        }
        json.endArray()
    }

    /// A relation's fields but the entity it is about (whose entry holds it here, and which a
    /// document names before them).
    static func appendRelationFields(_ relation: EntityRelation, to json: inout JSONText) {
        json.field("relation", relation.relation)
        json.field("other", relation.other)
        json.field("valid", relation.valid?.edtf)
        json.field("source", relation.source)
    }
}
