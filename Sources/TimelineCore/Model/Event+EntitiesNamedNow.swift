extension Event {
    /// This event (a version history holds) with its entities, and the entities its figures
    /// count, named as `now` names them, when each is the same entity now: the same slug, or
    /// one `sameEntity(then, now slug)` finds to be it (renamed or merged into since). Nil when
    /// the two differ in an entity, a role, or how many entities or figures they have.
    ///
    /// The caller compares the result with `now` whole: only the names may differ.
    func namingEntities(as now: Event, sameEntity: (_ then: EventEntity, _ nowSlug: String) throws -> Bool) rethrows -> Event? {
        guard entities.count == now.entities.count, measures.count == now.measures.count else { return nil }
        for (then, current) in zip(entities, now.entities) {
            guard then.role == current.role else { return nil }
            if then.slug != current.slug, try !sameEntity(then, current.slug) { return nil }
        }
        // Figures count entities by slug: each the same entity now, or none in both.
        for (then, current) in zip(measures, now.measures) where then.entity != current.entity {
            guard let thenSlug = then.entity, let nowSlug = current.entity else { return nil }
            let thenEntity = entities.first { $0.slug == thenSlug } ?? EventEntity(slug: thenSlug, name: "", role: "")
            guard try sameEntity(thenEntity, nowSlug) else { return nil }
        }
        var named = self
        named.entities = now.entities
        for index in named.measures.indices { named.measures[index].entity = now.measures[index].entity }
        return named
    }
}
