/// The query's filters applied to an event in memory: for earlier versions kept in history, which
/// are not in the tables the SQL runs on. Tests check it agrees with the SQL on the same data.
extension EventQuery {
    /// `entitySlugs`: the slugs of the entities in scope (see `EntityScope`), each with the days its
    /// events count.
    func matches(_ event: Event, entitySlugs: [String: [EntityScope.Window]]?) -> Bool {
        let date: TimelineDate
        switch dateField {
        case .when: date = event.when
        case .announced:
            guard let announced = event.announced else { return false }
            date = announced
        }
        if within {
            if let from, !(date.earliest.map { $0 >= from } ?? false) { return false }
            if let to, !(date.latest.map { $0 <= to } ?? false) { return false }
        } else {
            if let to, let earliest = date.earliest, earliest > to { return false }
            if let from, let latest = date.latest, latest < from { return false }
        }
        if !kinds.isEmpty && !kinds.contains(event.kind) { return false }
        if !statuses.isEmpty && !statuses.contains(event.status) { return false }
        if !tags.isEmpty {
            let wanted = Set(tags.map { $0.lowercased() })
            if !event.tags.contains(where: { wanted.contains($0.lowercased()) }) { return false }
        }
        if let entitySlugs, !event.entities.contains(where: { entity in
            entitySlugs[entity.slug]?.contains { $0.overlaps(earliest: event.when.earliest, latest: event.when.latest) } ?? false
        }) { return false }
        if let asOf, !event.citations.contains(where: { citation in citation.source.published?.latest.map { $0 <= asOf } ?? false }) {
            return false
        }
        if let search, !SearchQuery.roughlyMatches(search, event: event) { return false }
        return true
    }

    /// Chronological order: earliest day (open start first), latest day (open end last), uid.
    static func chronologicalKey(_ event: Event, field: DateField) -> (Int, Int, String) {
        let date = field == .when ? event.when : (event.announced ?? event.when)
        return (date.earliest?.dayNumber ?? Int.min, date.latest?.dayNumber ?? Int.max, event.uid)
    }
}

extension SearchQuery {
    /// Every word of the search (case and accents ignored, `word*` as a prefix, phrases as given)
    /// found in the event's text. Operators are not interpreted: for history versions only.
    static func roughlyMatches(_ search: String, event: Event) -> Bool {
        var text = [event.title, event.summary ?? ""]
        text += event.citations.flatMap { [$0.quote ?? "", $0.translation ?? ""] }
        text += event.entities.flatMap { [$0.name, $0.slug] }
        let words = fold(text.joined(separator: " ")).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let joined = " " + words.joined(separator: " ") + " "
        for term in fold(search).split(separator: " ") where !["and", "or", "not"].contains(term) {
            let isPrefix = term.hasSuffix("*")
            let cleaned = term.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
            if cleaned.isEmpty { continue }
            if !joined.contains(" " + cleaned + (isPrefix ? "" : " ")) { return false }
        }
        return true
    }

    /// Lowercase with accents removed, as the search index sees text.
    static func fold(_ text: String) -> String {
        LatinFolding.folded(text)
    }
}
