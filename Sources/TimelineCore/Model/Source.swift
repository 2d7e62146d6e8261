/// Where a claim comes from.
public struct Source: Sendable, Equatable {
    /// A short stable key (`ap-2022-08-24`).
    public var key: String
    public var url: String?
    public var title: String?
    public var publisher: String
    public var published: TimelineDate?
    /// BCP 47: `fr`, `en`.
    public var language: String
    /// `news`, `press-release`, `filing`, `memo`, `dataset`, `other`.
    public var type: String
    public var note: String?

    public init(
        key: String, url: String? = nil, title: String? = nil, publisher: String, published: TimelineDate? = nil,
        language: String, type: String, note: String? = nil
    ) {
        self.key = key
        self.url = url
        self.title = title
        self.publisher = publisher
        self.published = published
        self.language = language
        self.type = type
        self.note = note
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

    public enum Stance: String, Sendable, CaseIterable, Equatable {
        case supports, contradicts, corrects
    }
}
