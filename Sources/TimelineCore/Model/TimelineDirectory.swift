/// What a timeline's events refer to, apart from the events: the entities (with their types,
/// descriptions and aliases), the relations between them, and the sources.
public struct TimelineDirectory: Sendable, Equatable {
    /// The kinds the events are of, with what they mean.
    public var kinds: [EventKind]
    public var entities: [Entity]
    public var relations: [EntityRelation]
    public var sources: [Source]

    public init(kinds: [EventKind] = [], entities: [Entity] = [], relations: [EntityRelation] = [], sources: [Source] = []) {
        self.kinds = kinds
        self.entities = entities
        self.relations = relations
        self.sources = sources
    }

    /// Where in a document each entry of a directory read from it was (entries it could not read
    /// being left out): errors name an entry by its place in the document (`entities[2]`).
    struct Positions: Sendable, Equatable {
        var kinds: [Int] = []
        var entities: [Int]
        var relations: [Int]
        var sources: [Int]
    }
}
