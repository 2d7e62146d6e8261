extension Event {
    /// How many items of each list `keepItems` kept.
    struct KeptItems: Equatable {
        var entities = 0, figures = 0, citations = 0, tags = 0
        var isEmpty: Bool { entities == 0 && figures == 0 && citations == 0 && tags == 0 }
    }

    /// Keeps the items of `existing` that `columns` cannot give: entities of other roles (in
    /// their places, so the main entity stays), figures of other quantities and, with a source
    /// column, of other sources (and a figure the record restates, with its source and entity),
    /// citations of other sources and of other
    /// quotes (and the parts of the record's citation no column gives: its stance, its quote),
    /// other tags. A list that comes out holding the same items as `existing`'s keeps that list's
    /// order, so a spreadsheet imported again changes nothing an edit only reordered.
    ///
    /// - Parameter figuresCountFirstEntity: the record's figures count its first entity (a mapped
    ///   file's rule): they count the event's first one once the entities are merged.
    mutating func keepItems(of existing: Event, notGivenBy columns: ItemColumns, figuresCountFirstEntity: Bool) -> KeptItems {
        var kept = KeptItems()
        if let roles = columns.entityRoles {
            let recordsFirst = entities.first?.slug
            var merged: [EventEntity] = []
            var placed = false
            // The record's entities take the place of the first of their roles (its roles are
            // all among `roles`), after the others when none was there.
            for held in existing.entities {
                if roles.contains(held.role) {
                    if !placed { merged += entities }
                    placed = true
                } else {
                    merged.append(held)
                    kept.entities += 1
                }
            }
            if !placed { merged += entities }
            entities = Self.inHeldOrder(merged, held: existing.entities)
            if figuresCountFirstEntity, let first = entities.first?.slug {
                for index in measures.indices where measures[index].entity == nil || measures[index].entity == recordsFirst {
                    measures[index].entity = first
                }
            }
        }
        if let quantities = columns.quantities {
            // A figure restated (the same number, unit and qualifier) is the one it restates; it
            // counts the record's entity where it counted the event's first (a corrected company),
            // and keeps one an edit gave it.
            let heldFirst = existing.entities.first?.slug
            for index in measures.indices {
                let given = measures[index]
                // With a source column, the sheet's source's figure (or one of none): another
                // source's of the same number is that source's claim, kept below.
                if var held = existing.measures.first(where: {
                    $0.quantity == given.quantity && $0.value == given.value && $0.unit == given.unit
                        && $0.qualifier == given.qualifier && $0.approximate == given.approximate
                        && (!columns.citeOneSource || given.source == nil || $0.source == nil || $0.source == given.source)
                }) {
                    if held.entity == heldFirst, let entity = given.entity { held.entity = entity }
                    measures[index] = held
                }
            }
            // With a source column, a figure of the quantity that another source gives (added
            // with `edit --source`) is that source's, as its citation is: kept.
            let givenSources = Set(measures.compactMap(\.source))
            let others = existing.measures.filter { held in
                guard !measures.contains(held) else { return false }
                guard quantities.contains(held.quantity) else { return true }
                guard columns.citeOneSource, let source = held.source else { return false }
                return !givenSources.contains(source) && !citations.contains { $0.source.key == source }
            }
            kept.figures = others.count
            measures = Self.inHeldOrder(measures + others, held: existing.measures)
        }
        if columns.citeOneSource {
            var merged: [Citation] = []
            for given in citations {
                let held = existing.citations.filter { $0.source.key == given.source.key }
                guard let first = held.first else {
                    merged.append(given)
                    continue
                }
                if columns.citationParts.contains("quote") {
                    // The citation of the same words, else the first, with what no column gives.
                    var citation = given
                    let same = held.first { $0.quote == given.quote } ?? first
                    if !columns.citationParts.contains("stance") { citation.stance = same.stance }
                    if !columns.citationParts.contains("quote_language") { citation.quoteLanguage = same.quoteLanguage }
                    if !columns.citationParts.contains("translation") { citation.translation = same.translation }
                    citation.note = same.note
                    merged.append(citation)
                    let others = held.filter { $0 != same && $0.quote != given.quote }
                    merged += others
                    kept.citations += others.count
                } else {
                    // No quote column: the event's citations of the source as they are, with the
                    // stance a column gives.
                    merged += held.map { held in
                        var citation = held
                        if columns.citationParts.contains("stance") { citation.stance = given.stance }
                        return citation
                    }
                }
            }
            let others = existing.citations.filter { held in !citations.contains { $0.source.key == held.source.key } }
            kept.citations += others.count
            citations = Self.inHeldOrder(merged + others, held: existing.citations)
        }
        if columns.tagOneByOne {
            let others = existing.tags.filter { !tags.contains($0) }
            kept.tags = others.count
            // In the order tags are saved in.
            tags = (tags + others).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
        return kept
    }

    /// `items` in `held`'s order when they are `held`'s items in another order; else as they are.
    private static func inHeldOrder<Item: Equatable>(_ items: [Item], held: [Item]) -> [Item] {
        guard items.count == held.count, items != held, items.allSatisfy({ held.contains($0) }), held.allSatisfy({ items.contains($0) }) else {
            return items
        }
        return held
    }
}
