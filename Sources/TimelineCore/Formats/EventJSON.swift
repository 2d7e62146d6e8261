/// The JSON object of an event, as `list --format json|ndjson` and `show --format json` print it.
///
/// Field names and order are stable. Dates are EDTF with ISO earliest/latest days (null for an
/// open or unknown end); measure values are exact decimal strings. When a row was recorded is the
/// database's bookkeeping, not the event's, so it is left out: an export imports back unchanged.
enum EventJSON {
    static func object(_ event: Event) -> String {
        var json = JSONText()
        appendObject(event, to: &json)
        return json.text
    }

    static func appendObject(_ event: Event, to json: inout JSONText) {
        json.beginObject()
        json.field("uid", event.uid)
        json.field("kind", event.kind)
        json.field("status", event.status.rawValue)
        json.field("title", event.title)
        json.field("summary", event.summary)
        json.field("when", event.when.edtf)
        json.field("earliest", event.when.earliest?.iso)
        json.field("latest", event.when.latest?.iso)
        json.field("precision", event.when.precision.rawValue)
        json.field("approximate", event.when.approximate)
        json.field("uncertain", event.when.uncertain)
        json.field("announced", event.announced?.edtf)
        json.field("announced_earliest", event.announced?.earliest?.iso)
        json.field("announced_latest", event.announced?.latest?.iso)
        json.field("announced_precision", event.announced?.precision.rawValue)
        json.key("entities")
        appendEntities(event, to: &json)
        json.key("tags")
        appendTags(event, to: &json)
        json.key("measures")
        appendMeasures(event, to: &json)
        json.key("sources")
        appendSources(event, to: &json)
        json.endObject()
    }

    static func appendEntities(_ event: Event, to json: inout JSONText) {
        json.beginArray()
        for entity in event.entities {
            json.beginObject()
            json.field("slug", entity.slug)
            json.field("name", entity.name)
            json.field("role", entity.role)
            json.endObject()
        }
        json.endArray()
    }

    static func appendTags(_ event: Event, to json: inout JSONText) {
        json.beginArray()
        for tag in event.tags { json.string(tag) }
        json.endArray()
    }

    static func appendMeasures(_ event: Event, to json: inout JSONText) {
        json.beginArray()
        for measure in event.measures {
            json.beginObject()
            appendMeasureFields(measure, to: &json)
            json.endObject()
        }
        json.endArray()
    }

    /// A figure's fields: quantity, value, unit, entity, approximate, qualifier, source, note.
    @inline(__always)
    static func appendMeasureFields(_ measure: Measure, to json: inout JSONText) {
        json.field("quantity", measure.quantity)
        json.field("value", measure.value)
        json.field("unit", measure.unit)
        json.field("entity", measure.entity)
        json.field("approximate", measure.approximate)
        json.field("qualifier", measure.qualifier)
        json.field("source", measure.source)
        json.field("note", measure.note)
    }

    static func appendSources(_ event: Event, to json: inout JSONText) {
        json.beginArray()
        for citation in event.citations {
            json.beginObject()
            json.field("key", citation.source.key)
            json.field("url", citation.source.url)
            json.field("title", citation.source.title)
            json.field("publisher", citation.source.publisher)
            json.field("published", citation.source.published?.edtf)
            json.field("language", citation.source.language)
            json.field("type", citation.source.type)
            appendCitationFields(citation, to: &json)
            json.endObject()
        }
        json.endArray()
    }

    /// What a citation says beside its source: stance, quote, quote language, translation, note.
    static func appendCitationFields(_ citation: Citation, to json: inout JSONText) {
        json.field("stance", citation.stance.rawValue)
        json.field("quote", citation.quote)
        json.field("quote_language", citation.quoteLanguage)
        json.field("translation", citation.translation)
        json.field("note", citation.note)
    }
}
