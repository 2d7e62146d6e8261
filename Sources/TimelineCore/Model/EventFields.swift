/// The parts of an event a record may give or leave out (kind, title and when it must give).
/// An import keeps, in an event it updates, the parts its record leaves out: a file with a
/// `uid,kind,when,title` header corrects those and takes nothing else away.
public struct EventFields: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let status = EventFields(rawValue: 1 << 0)
    public static let summary = EventFields(rawValue: 1 << 1)
    public static let announced = EventFields(rawValue: 1 << 2)
    public static let entities = EventFields(rawValue: 1 << 3)
    public static let tags = EventFields(rawValue: 1 << 4)
    public static let measures = EventFields(rawValue: 1 << 5)
    public static let citations = EventFields(rawValue: 1 << 6)
    public static let all: EventFields = [.status, .summary, .announced, .entities, .tags, .measures, .citations]
    /// Not a part but how a record gives its figures: those without an entity count the
    /// record's first entity (a mapped CSV's rule), which is the kept one when the record
    /// leaves the entities out.
    public static let figuresCountFirstEntity = EventFields(rawValue: 1 << 7)
    /// Not a part either: the record writes `when` or `announced` as an EDTF period code that
    /// reads as years in prose (`2019-22`), and gives no worked-out days beside it (as export
    /// writes them, which says the EDTF was meant).
    public static let periodCodeAsYears = EventFields(rawValue: 1 << 8)

    /// Each part with its name as export writes it (a timeline document names citations so).
    static let named: [(field: EventFields, names: [String])] = [
        (.status, ["status"]), (.summary, ["summary"]), (.announced, ["announced"]), (.entities, ["entities"]),
        (.tags, ["tags"]), (.measures, ["measures"]), (.citations, ["sources", "citations"]),
    ]

    /// The parts an event object gives by its keys; a key whose value is null or empty still
    /// gives its part (as nothing).
    init(keysOf object: JSONValue) {
        guard case .object(let members) = object else { self = .all; return }
        var fields: EventFields = []
        for (key, _) in members {
            if let part = Self.named.first(where: { $0.names.contains(key) }) { fields.insert(part.field) }
        }
        self = fields
    }

    /// The parts among these that `event` has something in (a status other than `occurred`).
    func filled(in event: Event) -> EventFields {
        var filled: EventFields = []
        if contains(.status) && event.status != .occurred { filled.insert(.status) }
        if contains(.summary) && event.summary != nil { filled.insert(.summary) }
        if contains(.announced) && event.announced != nil { filled.insert(.announced) }
        if contains(.entities) && !event.entities.isEmpty { filled.insert(.entities) }
        if contains(.tags) && !event.tags.isEmpty { filled.insert(.tags) }
        if contains(.measures) && !event.measures.isEmpty { filled.insert(.measures) }
        if contains(.citations) && !event.citations.isEmpty { filled.insert(.citations) }
        return filled
    }

    /// The names of the parts, as export writes them: `status, summary, sources`.
    var names: [String] {
        Self.named.filter { contains($0.field) }.map { $0.names[0] }
    }
}

extension Event {
    /// Takes `fields` from `other`: what a record that left them out keeps of the event it updates.
    mutating func keep(_ fields: EventFields, of other: Event) {
        if fields.contains(.status) { status = other.status }
        if fields.contains(.summary) { summary = other.summary }
        if fields.contains(.announced) { announced = other.announced }
        if fields.contains(.entities) { entities = other.entities }
        if fields.contains(.tags) { tags = other.tags }
        if fields.contains(.measures) { measures = other.measures }
        if fields.contains(.citations) { citations = other.citations }
    }
}
