/// TimelineJS3 JSON (`{"title": …, "events": […]}`), for the TimelineJS viewer.
///
/// Dates carry only the parts their precision knows: a month-precise event has a year and a month,
/// a quarter or season spans from its first to its last month, an interval from its start to its end.
public final class TimelineJSWriter: EventStreamWriter, NamesEntities {
    public var entityNames: [String: String] = [:]
    public var entityNaming: NamesEntities? { self }
    public enum Grouping: String, Sendable, CaseIterable {
        case kind, entity
    }

    private let output: TextOutput
    private let grouping: Grouping
    private let language: DateDisplayLanguage
    private let headline: String
    private var count = 0

    /// - Parameter headline: the title slide's; by default the page title in `language`.
    public init(output: TextOutput, grouping: Grouping = .kind, language: DateDisplayLanguage = .english,
                headline: String? = nil) {
        self.output = output
        self.grouping = grouping
        self.language = language
        self.headline = headline ?? TimelineWords.words(for: language).pageTitle
    }

    public func begin() throws {
        var title = JSONText()
        title.beginObject()
        title.key("text")
        title.beginObject()
        title.field("headline", headline)
        title.endObject()
        title.endObject()
        try output.write("{\"title\":" + title.text + ",\"events\":[")
    }

    public func write(_ event: Event) throws {
        var json = JSONText()
        json.beginObject()
        json.field("unique_id", event.uid)
        let (start, end) = Self.dateParts(event.when)
        if let start {
            json.key("start_date")
            Self.append(start, to: &json)
        }
        if let end {
            json.key("end_date")
            Self.append(end, to: &json)
        }
        json.field("display_date", Self.escape(event.when.display(language)))
        json.key("text")
        json.beginObject()
        // TimelineJS reads the headline as HTML: a title's `<` or `&` is text.
        json.field("headline", Self.escape(event.title))
        json.field("text", Self.html(event, language: language, names: entityNames))
        json.endObject()
        // The group's label is HTML to TimelineJS too: an entity named `<img …>` is text.
        switch grouping {
        case .kind: json.field("group", Self.escape(event.kind))
        case .entity: json.field("group", Self.escape(event.entities.first?.name ?? ""))
        }
        json.endObject()
        try output.write((count == 0 ? "\n" : ",\n") + json.text)
        count += 1
    }

    public func end() throws {
        try output.write(count == 0 ? "]}\n" : "\n]}\n")
        try output.finish()
    }

    /// The parts of a TimelineJS date: year, and month and day where known.
    struct DateParts: Equatable {
        var year: Int
        var month: Int?
        var day: Int?
    }

    static func dateParts(_ date: TimelineDate) -> (start: DateParts?, end: DateParts?) {
        if date.isInterval {
            let start = date.start.flatMap { dateParts($0).start } ?? date.end.flatMap { dateParts($0).start }
            let end = date.end.flatMap { side -> DateParts? in let parts = dateParts(side); return parts.end ?? parts.start }
            return (start, date.start == nil ? nil : end)
        }
        guard let earliest = date.earliest, let latest = date.latest else { return (nil, nil) }
        switch date.precision {
        case .day:
            return (DateParts(year: earliest.year, month: earliest.month, day: earliest.day), nil)
        case .month:
            return (DateParts(year: earliest.year, month: earliest.month), nil)
        case .season, .quarter, .halfYear:
            return (DateParts(year: earliest.year, month: earliest.month), DateParts(year: latest.year, month: latest.month))
        case .year:
            return (DateParts(year: earliest.year), nil)
        case .decade, .century, .interval:
            return (DateParts(year: earliest.year), DateParts(year: latest.year))
        }
    }

    private static func append(_ parts: DateParts, to json: inout JSONText) {
        json.beginObject()
        json.field("year", String(parts.year))
        if let month = parts.month { json.field("month", String(month)) }
        if let day = parts.day { json.field("day", String(day)) }
        json.endObject()
    }

    /// The slide's text: the status when the event did not (yet) occur and the announcement
    /// date, then the summary, the figures, and the sources as links with their titles, dates,
    /// stances, quotes (in their language), translations and notes: what the Markdown and HTML
    /// exports carry, in the display language's words.
    static func html(_ event: Event, language: DateDisplayLanguage, names: [String: String] = [:]) -> String {
        let words = TimelineWords.words(for: language)
        var html = ""
        var details: [String] = []
        // A planned or cancelled event must not read as one that happened.
        if event.status != .occurred { details.append("<strong>" + escape(words.status(event.status)) + "</strong>") }
        if let announced = event.announced {
            details.append(escape(words.announced.lowercased() + words.colon + announced.display(language)))
        }
        if !details.isEmpty { html += "<p>" + details.joined(separator: escape(words.listSeparator)) + "</p>" }
        if let summary = event.summary { html += "<p>" + escape(summary) + "</p>" }
        if !event.measures.isEmpty {
            html += "<p>" + event.measures.map { escape(event.readableFigure($0, language: language, words: words, names: names)) }
                .joined(separator: escape(words.listSeparator)) + "</p>"
        }
        if !event.citations.isEmpty {
            html += "<p>" + escape(words.sources + String(words.colon.dropLast())) + "</p><ul>"
            for citation in event.citations {
                let source = citation.source
                // Only web addresses are links: never a `javascript:` one a crafted source could carry.
                var item = escape(source.publisher)
                if let url = source.url {
                    item = HTMLText.isWebAddress(url) ? "<a href=\"\(escape(url))\">\(item)</a>" : item + " (" + escape(url) + ")"
                }
                if let title = source.title { item += ", " + QuoteMarks.quoted(escape(title), language: language == .french ? "fr" : "en") }
                item += ", " + escape(source.published.map { $0.display(language) } ?? words.undated)
                if citation.stance != .supports { item += " (<strong>" + escape(words.stance(citation.stance)) + "</strong>)" }
                // As the HTML export writes them: in their language (the source's when the quote
                // names none), and one stored with marks of its own not marked twice.
                if let quote = citation.quote {
                    item += escape(words.colon) + HTMLEventTable.quotation(quote, language: citation.quoteLanguage ?? source.language)
                }
                if let translation = citation.translation {
                    item += " — " + escape(words.translation + words.colon) + HTMLEventTable.quotation(translation, language: "en")
                }
                if let note = citation.note { item += ". " + escape(note) }
                html += "<li>" + item + "</li>"
            }
            html += "</ul>"
        }
        return html
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
