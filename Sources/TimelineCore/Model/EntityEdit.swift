/// Changes to one entity, as `timeline entities edit` gives them: what is left nil or empty stays
/// as it is.
public struct EntityEdit: Sendable {
    /// A new name; the old one is kept as an alias, so references to it still resolve.
    public var name: String?
    /// `organisation`, `product`, `person` or `place`.
    public var type: String?
    /// A new description; an empty one removes it.
    public var description: String?
    public var addedAliases: [Entity.Alias] = []
    /// Aliases to remove, as written (any case).
    public var removedAliases: [String] = []
    /// Relations from this entity to add or re-date (`entity` is filled in by the edit).
    public var addedRelations: [EntityRelation] = []
    /// Relations from this entity to remove: the relation and the other entity (slug, name or alias).
    public var removedRelations: [(relation: String, other: String)] = []

    public init() {}
}

/// What merging one entity into another changed.
public struct EntityMerge: Sendable, Equatable {
    /// The entity merged away, and the one that remains.
    public var from: String
    public var into: String
    /// The uids of the events that named the first and now name the second (each edit kept in
    /// history), in uid order.
    public var events: [String]
    /// Relations both had with differing dates, where the remaining entity's dates were kept:
    /// `part-of amazon 2023 (signify-health's: 2020)`.
    public var keptRelationDates: [String]
}
