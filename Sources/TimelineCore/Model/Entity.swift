/// An organisation, product or service, person or place.
public struct Entity: Sendable, Equatable {
    public var slug: String
    public var name: String
    /// `organisation`, `product`, `person`, `place`.
    public var type: String
    public var description: String?
    public var aliases: [Alias]

    public init(slug: String, name: String, type: String, description: String? = nil, aliases: [Alias] = []) {
        self.slug = slug
        self.name = name
        self.type = type
        self.description = description
        self.aliases = aliases
    }

    /// Another name the entity goes by (a legal name, an acronym, a name in another language).
    public struct Alias: Sendable, Equatable {
        public var name: String
        /// BCP 47, when the name belongs to one language.
        public var language: String?

        public init(_ name: String, language: String? = nil) {
            self.name = name
            self.language = language
        }
    }
}

/// A dated link between two entities: `amazon-care` is a `product-of` `amazon` over `2019-09/2022-12-31`.
public struct EntityRelation: Sendable, Equatable {
    /// The slug of the entity the relation is about.
    public var entity: String
    /// A relation type: `part-of`, `product-of`, `contractor-of`, `acquired-by`.
    public var relation: String
    /// The slug of the entity it points to.
    public var other: String
    /// When it held, if known.
    public var valid: TimelineDate?
    /// The key of the source that gives it.
    public var source: String?

    public init(entity: String, relation: String, other: String, valid: TimelineDate? = nil, source: String? = nil) {
        self.entity = entity
        self.relation = relation
        self.other = other
        self.valid = valid
        self.source = source
    }
}
