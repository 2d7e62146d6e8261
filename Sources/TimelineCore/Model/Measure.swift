/// A figure attached to an event: an exact decimal value with its unit and what it counts.
public struct Measure: Sendable, Equatable {
    /// What is measured: `employees-laid-off`, `positions-cut`, `deal-value`, …
    public var quantity: String
    /// The exact decimal text (`-99000`, `30.50`): never a binary float.
    public var value: String
    /// `person`, `position`, an ISO 4217 currency (`USD`), `percent`, …
    public var unit: String
    /// The slug of the entity counted, when there is one.
    public var entity: String?
    /// "About" this much.
    public var approximate: Bool
    /// `more-than`, `less-than`, `up-to`, `at-least`, or nil for the value itself.
    public var qualifier: String?
    /// The key of the source that gives the figure.
    public var source: String?
    public var note: String?

    public init(
        quantity: String, value: String, unit: String, entity: String? = nil, approximate: Bool = false,
        qualifier: String? = nil, source: String? = nil, note: String? = nil
    ) {
        self.quantity = quantity
        self.value = value
        self.unit = unit
        self.entity = entity
        self.approximate = approximate
        self.qualifier = qualifier
        self.source = source
        self.note = note
    }
}
