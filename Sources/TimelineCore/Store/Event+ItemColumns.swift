extension Event {
    /// How many items of each list `keepItems` kept.
    struct KeptItems: Equatable {
        var entities = 0, figures = 0, sources = 0
        var isEmpty: Bool { entities == 0 && figures == 0 && sources == 0 }
    }

    /// Keeps, after this event's own, the items of `existing` that `columns` cannot give:
    /// entities of other roles, figures of other quantities, citations of other sources. A list
    /// that comes out holding the same items as `existing`'s keeps that list's order, so a
    /// spreadsheet imported again changes nothing an edit only reordered.
    mutating func keepItems(of existing: Event, notGivenBy columns: ItemColumns) -> KeptItems {
        var kept = KeptItems()
        if let roles = columns.entityRoles {
            let others = existing.entities.filter { held in
                !roles.contains(held.role) && !entities.contains { $0.slug == held.slug && $0.role == held.role }
            }
            kept.entities = others.count
            entities = Self.inHeldOrder(entities + others, held: existing.entities)
        }
        if let quantities = columns.quantities {
            let others = existing.measures.filter { !quantities.contains($0.quantity) && !measures.contains($0) }
            kept.figures = others.count
            measures = Self.inHeldOrder(measures + others, held: existing.measures)
        }
        if columns.citeOneSource {
            let others = existing.citations.filter { held in !citations.contains { $0.source.key == held.source.key } }
            kept.sources = Set(others.map(\.source.key)).count
            citations = Self.inHeldOrder(citations + others, held: existing.citations)
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
