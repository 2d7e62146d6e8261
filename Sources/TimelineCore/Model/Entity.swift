/// An organisation, product or service, person or place.
public struct Entity: Sendable, Equatable {
    public var slug: String
    public var name: String
    /// `organisation`, `product`, `person`, `place`.
    public var type: String
    public var description: String?
    public var aliases: [String]

    public init(slug: String, name: String, type: String, description: String? = nil, aliases: [String] = []) {
        self.slug = slug
        self.name = name
        self.type = type
        self.description = description
        self.aliases = aliases
    }
}
