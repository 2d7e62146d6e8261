/// The table under the HTML timeline's chart: every event, in the order given, with its dates at
/// their precision, summary, figures and every source with its link, date and quote. It is what
/// screen readers, printers and pages without scripts rely on, and where the chart's links lead.
struct HTMLEventTable {
    let events: [Event]
    let language: DateDisplayLanguage
    let words: TimelineWords
    let colours: EventKindColours
    /// Every entity's name by slug, for a figure counting one the event does not list.
    var entityNames: [String: String] = [:]

    func html() -> String {
        var html = "<table class=\"events\">\n<caption>" + HTMLText.escape(words.tableCaption) + "</caption>\n<thead><tr>"
        for heading in [words.when, words.announced, words.event, words.summary, words.figures, words.sources] {
            html += "<th scope=\"col\">" + HTMLText.escape(heading) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for event in events { html += row(event) }
        return html + "</tbody>\n</table>\n"
    }

    private func row(_ event: Event) -> String {
        var classes = [colours.className(for: event.kind), event.status.rawValue]
        if event.when.approximate { classes.append("approximate") }
        if event.when.uncertain { classes.append("uncertain") }
        var html = "<tr id=\"" + HTMLText.anchor(forUID: event.uid) + "\" class=\"" + classes.joined(separator: " ")
            + "\" data-uid=\"" + HTMLText.escape(event.uid) + "\">"
        html += "<td class=\"when\">" + HTMLText.time(event.when, language: language) + "</td>"
        html += "<td class=\"announced\">" + (event.announced.map { HTMLText.time($0, language: language) } ?? "") + "</td>"
        html += "<th scope=\"row\" class=\"title\"><span class=\"swatch\" aria-hidden=\"true\"></span>" + HTMLText.escape(event.title) + "</th>"

        html += "<td class=\"summary\">"
        if let summary = event.summary { html += "<p>" + HTMLText.escape(summary) + "</p>" }
        var meta = [event.kind, words.status(event.status)]
        if !event.entities.isEmpty {
            meta.append(event.entities.map { $0.name + " (" + $0.role + ")" }.joined(separator: ", "))
        }
        if !event.tags.isEmpty { meta.append(event.tags.map { "#" + $0 }.joined(separator: " ")) }
        html += "<p class=\"meta\">" + HTMLText.escape(meta.joined(separator: " · ")) + "</p></td>"

        html += "<td class=\"figures\">"
        if !event.measures.isEmpty {
            html += "<ul>" + event.measures.map { "<li>" + figure($0, of: event) + "</li>" }.joined() + "</ul>"
        }
        html += "</td>"

        html += "<td class=\"sources\">"
        if !event.citations.isEmpty {
            html += "<ol>" + event.citations.map { "<li>" + citation($0) + "</li>" }.joined() + "</ol>"
        }
        return html + "</td></tr>\n"
    }

    /// `159 people`, then what is counted and whose figure it is: `employees laid off, amazon-care (CNBC)`.
    private func figure(_ measure: Measure, of event: Event) -> String {
        var html = "<strong>" + HTMLText.escape(measure.display(language)) + "</strong> "
        var about = String(measure.quantity.map { $0 == "-" ? " " : $0 })
        if let entity = measure.entity { about += ", " + event.entityName(of: entity, names: entityNames) }
        html += "<span class=\"quantity\">" + HTMLText.escape(about) + "</span>"
        if let key = measure.source, let source = event.citations.first(where: { $0.source.key == key })?.source {
            html += " <span class=\"figure-source\">(" + HTMLText.escape(source.publisher) + ")</span>"
        }
        if let note = measure.note { html += " <span class=\"note\">" + HTMLText.escape(note) + "</span>" }
        return html
    }

    /// The publisher (linked), title, date, stance, the quote in its own language and its translation.
    private func citation(_ citation: Citation) -> String {
        let source = citation.source
        var html = ""
        if let url = source.url, HTMLText.isWebAddress(url) {
            html += "<a href=\"" + HTMLText.escape(url) + "\" rel=\"noreferrer\">" + HTMLText.escape(source.publisher) + "</a>"
        } else {
            html += HTMLText.escape(source.publisher)
            if let url = source.url { html += " <span class=\"url\">" + HTMLText.escape(url) + "</span>" }
        }
        if let title = source.title {
            html += ", <cite" + HTMLText.langAttribute(source.language) + ">" + HTMLText.escape(title) + "</cite>"
        }
        html += ", " + (source.published.map { HTMLText.time($0, language: language) } ?? HTMLText.escape(words.undated))
        if citation.stance != .supports {
            html += " <strong class=\"stance " + citation.stance.rawValue + "\">" + HTMLText.escape(words.stance(citation.stance)) + "</strong>"
        }
        if let quote = citation.quote {
            html += HTMLText.escape(words.colon) + Self.quotation(quote, language: citation.quoteLanguage ?? source.language)
        }
        if let translation = citation.translation {
            html += " <span class=\"translation\">(" + HTMLText.escape(words.translation + words.colon)
                + Self.quotation(translation, language: "en") + ")</span>"
        }
        if let note = citation.note { html += " <span class=\"note\">" + HTMLText.escape(note) + "</span>" }
        return html
    }

    /// A quote in a `<q>`, whose marks the browser sets in the manner of its language; one
    /// stored with marks of its own (`« … »` from a spreadsheet) in a `<span>`, not marked twice.
    static func quotation(_ text: String, language: String) -> String {
        let element = QuoteMarks.isMarked(text) ? "span" : "q"
        return "<" + element + HTMLText.langAttribute(language) + ">" + HTMLText.escape(text) + "</" + element + ">"
    }
}
