/// Writes a timeline document (`timeline-seed/1`, the form of the files in `Seeds/`): the format,
/// then the kinds of the events, the entities with their types, descriptions and aliases, the relations between them, the
/// sources, and the events, each citing its sources by key. One entry a line, so documents diff
/// well, and the events are streamed: memory does not grow with them.
///
/// `timeline import` reads it back with nothing lost that the other formats leave out (aliases,
/// entity types and descriptions, relations, source notes, kinds added to the vocabulary).
final class SeedDocumentWriter {
    private let output: TextOutput
    private var json = JSONText()
    private var eventCount = 0

    init(output: TextOutput) {
        self.output = output
    }

    /// Writes everything before the events.
    func begin(_ directory: TimelineDirectory) throws {
        try output.write("{\"format\":\"\(SeedDocumentReader.formatName)\",\n")
        try writeList("kinds", directory.kinds) { kind, json in
            json.beginObject()
            json.field("name", kind.name)
            json.field("description", kind.description)
            json.endObject()
        }
        try writeList("entities", directory.entities) { entity, json in
            json.beginObject()
            json.field("slug", entity.slug)
            json.field("name", entity.name)
            json.field("type", entity.type)
            json.field("description", entity.description)
            json.key("aliases")
            EntityListWriter.appendAliases(entity, to: &json)
            json.endObject()
        }
        try writeList("relations", directory.relations) { relation, json in
            json.beginObject()
            json.field("entity", relation.entity)
            EntityListWriter.appendRelationFields(relation, to: &json)
            json.endObject()
        }
        try writeList("sources", directory.sources) { source, json in
            json.beginObject()
            SourceListWriter.appendSourceFields(source, to: &json)
            json.endObject()
        }
        try output.write("\"events\":[")
    }

    func write(_ event: Event) throws {
        json.removeAll()
        json.beginObject()
        json.field("uid", event.uid)
        json.field("kind", event.kind)
        json.field("status", event.status.rawValue)
        json.field("title", event.title)
        json.field("summary", event.summary)
        json.field("when", event.when.edtf)
        json.field("announced", event.announced?.edtf)
        json.key("entities")
        json.beginArray()
        for entity in event.entities {
            json.beginObject()
            json.field("entity", entity.slug)
            json.field("role", entity.role)
            json.endObject()
        }
        json.endArray()
        json.key("tags")
        EventJSON.appendTags(event, to: &json)
        json.key("measures")
        EventJSON.appendMeasures(event, to: &json)
        json.key("citations")
        json.beginArray()
        for citation in event.citations {
            json.beginObject()
            json.field("source", citation.source.key)
            EventJSON.appendCitationFields(citation, to: &json)
            json.endObject()
        }
        json.endArray()
        json.endObject()
        try output.write(bytes: Array((eventCount == 0 ? "\n" : ",\n").utf8) + json.bytes)
        eventCount += 1
    }

    /// Writes the end of the document and flushes the output.
    func end() throws {
        try output.write(eventCount == 0 ? "]}\n" : "\n]}\n")
        try output.finish()
    }

    private func writeList<Element>(_ key: String, _ elements: [Element], _ append: (Element, inout JSONText) -> Void) throws {
        var text = Array("\"\(key)\":[".utf8)
        for (index, element) in elements.enumerated() {
            json.removeAll()
            append(element, &json)
            text += Array((index == 0 ? "\n" : ",\n").utf8)
            text += json.bytes
        }
        text += Array((elements.isEmpty ? "],\n" : "\n],\n").utf8)
        try output.write(bytes: text)
    }
}
