/// An entity the timeline holds that a record named by its slug with a name of no entity's
/// (`amazon` as `Amazonas Mining SA`): the slug decided, and the timeline's name was kept.
public struct EntityNamedOtherwise: Sendable, Equatable {
    public let slug: String
    /// The first such name a record gave.
    public let given: String
    /// The name the timeline holds, kept.
    public let held: String
}
