/// Where a claim comes from.
///
/// A value like any other, but its fields live in one shared, immutable box: a source is cited by
/// many events, and each copy is then one reference count instead of one per field (reading a
/// range of events copies the same few sources into every citation). Setting a field makes a
/// new box.
public struct Source: Sendable, Equatable {
    /// The kinds of source, as the sources table's CHECK allows them.
    public static let types = ["news", "press-release", "filing", "memo", "dataset", "other"]

    /// `type` as saved: one of `types` in any case (`News`), in lower case; nil for another word.
    static func savedType(_ type: String) -> String? {
        // As saved already: most are (every citation of an import asks).
        if types.contains(type) { return type }
        let lowered = type.lowercased()
        return types.contains(lowered) ? lowered : nil
    }

    /// Why `type` is refused, as the error names it.
    static func typeProblem(_ type: String) -> String {
        "'\(type)' is not a source type; use \(types.joined(separator: ", "))"
    }

    /// A short stable key (`ap-2022-08-24`).
    public var key: String {
        get { fields.key }
        set { change { $0.key = newValue } }
    }
    public var url: String? {
        get { fields.url }
        set { change { $0.url = newValue } }
    }
    public var title: String? {
        get { fields.title }
        set { change { $0.title = newValue } }
    }
    public var publisher: String {
        get { fields.publisher }
        set { change { $0.publisher = newValue } }
    }
    public var published: TimelineDate? {
        get { fields.published }
        set { change { $0.published = newValue } }
    }
    /// BCP 47: `fr`, `en`.
    public var language: String {
        get { fields.language }
        set { change { $0.language = newValue } }
    }
    /// One of `types`.
    public var type: String {
        get { fields.type }
        set { change { $0.type = newValue } }
    }
    public var note: String? {
        get { fields.note }
        set { change { $0.note = newValue } }
    }

    public init(
        key: String, url: String? = nil, title: String? = nil, publisher: String, published: TimelineDate? = nil,
        language: String, type: String, note: String? = nil
    ) {
        box = Box(Fields(
            key: key, url: url, title: title, publisher: publisher, published: published, language: language,
            type: type, note: note))
    }

    public static func == (left: Source, right: Source) -> Bool {
        left.box === right.box || left.fields == right.fields
    }

    private var box: Box
    private var fields: Fields { box.fields }

    private mutating func change(_ edit: (inout Fields) -> Void) {
        var fields = box.fields
        edit(&fields)
        box = Box(fields)
    }

    private struct Fields: Sendable, Equatable {
        var key: String
        var url: String?
        var title: String?
        var publisher: String
        var published: TimelineDate?
        var language: String
        var type: String
        var note: String?
    }

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }
}

/// A source backing, contradicting or correcting one event, with its words where it gives them.
public struct Citation: Sendable, Equatable {
    public var source: Source
    public var stance: Stance
    /// The source's own words, in its own language.
    public var quote: String?
    public var quoteLanguage: String?
    /// An English translation of the quote.
    public var translation: String?
    public var note: String?

    public init(
        source: Source, stance: Stance = .supports, quote: String? = nil, quoteLanguage: String? = nil,
        translation: String? = nil, note: String? = nil
    ) {
        self.source = source
        self.stance = stance
        self.quote = quote
        self.quoteLanguage = quoteLanguage
        self.translation = translation
        self.note = note
    }

    /// Whether the two cite the same source (by key, once resolved) for the same words (spaces
    /// around them aside).
    func saysTheSame(as other: Citation) -> Bool {
        source.key == other.source.key && stance == other.stance && quote?.trimmingSpaces() == other.quote?.trimmingSpaces()
            && quoteLanguage == other.quoteLanguage && translation?.trimmingSpaces() == other.translation?.trimmingSpaces()
            && note?.trimmingSpaces() == other.note?.trimmingSpaces()
    }

    /// Whether it says no more than that the source backs (or contradicts) the event: no quote,
    /// translation or note.
    var isBare: Bool { quote == nil && translation == nil && note == nil }

    public enum Stance: String, Sendable, CaseIterable, Equatable {
        case supports, contradicts, corrects
    }
}
