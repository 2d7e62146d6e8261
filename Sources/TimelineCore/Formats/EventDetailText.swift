/// The readable page `timeline show UID` prints: every date, entity, figure and citation.
public enum EventDetailText {
    public static func render(_ event: Event, language: DateDisplayLanguage = .english) -> String {
        var text = event.title + "\n"
        text += "  uid:        \(event.uid)\n"
        text += "  kind:       \(event.kind)\n"
        text += "  status:     \(event.status.rawValue)\n"
        text += "  when:       \(describe(event.when, language))\n"
        if let announced = event.announced {
            text += "  announced:  \(describe(announced, language))\n"
        }
        if !event.entities.isEmpty {
            text += "  entities:   " + event.entities.map { "\($0.name) (\($0.slug), \($0.role))" }.joined(separator: "; ") + "\n"
        }
        if !event.tags.isEmpty {
            text += "  tags:       " + event.tags.joined(separator: ", ") + "\n"
        }
        if let summary = event.summary {
            text += "\n" + indent(summary, by: "  ") + "\n"
        }
        if !event.measures.isEmpty {
            text += "\nFigures\n"
            for measure in event.measures {
                text += "  \(measure.quantity): \(measure.display())"
                if let entity = measure.entity { text += " (\(entity))" }
                if let source = measure.source { text += " [source: \(source)]" }
                text += "\n"
                if let note = measure.note { text += indent("note: " + note, by: "    ") + "\n" }
            }
        }
        if !event.citations.isEmpty {
            text += "\nSources\n"
            for (index, citation) in event.citations.enumerated() {
                let source = citation.source
                var heading = "  [\(index + 1)] \(citation.stance.rawValue.uppercased()): \(source.publisher)"
                if let title = source.title { heading += ", “\(title)”" }
                heading += ", " + (source.published.map { $0.display(language) } ?? "undated")
                heading += " (\(source.language), \(source.type); key \(source.key))"
                text += heading + "\n"
                if let url = source.url { text += "      \(url)\n" }
                if let quote = citation.quote {
                    let languageTag = citation.quoteLanguage.map { " [\($0)]" } ?? ""
                    let quoted = QuoteMarks.quoted(quote, language: citation.quoteLanguage ?? source.language)
                    text += indent(quoted + languageTag, by: "      ") + "\n"
                }
                if let translation = citation.translation {
                    text += indent("translation: \(translation)", by: "      ") + "\n"
                }
                if let note = citation.note {
                    text += indent("note: \(note)", by: "      ") + "\n"
                }
            }
        }
        return text
    }

    /// `1 Dec 2022 (2022-12-01, day)` or `Q2 2022 (2022-04-01 … 2022-06-30, quarter, EDTF 2022-34)`.
    static func describe(_ date: TimelineDate, _ language: DateDisplayLanguage) -> String {
        let earliest = date.earliest?.iso ?? "open"
        let latest = date.latest?.iso ?? "open"
        let span = earliest == latest ? earliest : "\(earliest) … \(latest)"
        var qualifiers = [date.precision.rawValue]
        if date.approximate { qualifiers.append("approximate") }
        if date.uncertain { qualifiers.append("uncertain") }
        return "\(date.display(language)) (\(span), \(qualifiers.joined(separator: ", ")), EDTF \(date.edtf))"
    }

    /// Every line indented, whatever ends it: "\r\n" is one Character in Swift, so splitting on
    /// "\n" alone left the lines of CRLF text (as spreadsheets write it) unindented.
    static func indent(_ text: String, by prefix: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { prefix + $0 }.joined(separator: "\n")
    }
}
