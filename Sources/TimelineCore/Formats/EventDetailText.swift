/// The readable page `timeline show UID` prints: every date, entity, figure and citation, with
/// its own words in the display language.
public enum EventDetailText {
    /// The page, its control characters drawn rather than sent to the terminal (line breaks kept).
    public static func render(_ event: Event, language: DateDisplayLanguage = .english) -> String {
        TerminalText.visible(page(event, language: language), keepingLineBreaks: true)
    }

    private static func page(_ event: Event, language: DateDisplayLanguage) -> String {
        let words = TimelineWords.words(for: language)
        // The head's labels in lower case, with the colon, padded so the values line up.
        let labelColon = String(words.colon.dropLast())
        let labels = [words.uid, words.kind, words.status, words.when, words.announced, words.entities, words.tags]
            .map { $0.lowercased() + labelColon }
        let width = max(12, (labels.map(\.count).max() ?? 0) + 1)
        func line(_ label: String, _ value: String) -> String {
            "  " + label + String(repeating: " ", count: width - label.count) + value + "\n"
        }
        var text = event.title + "\n"
        text += line(labels[0], event.uid)
        text += line(labels[1], event.kind)
        text += line(labels[2], words.status(event.status))
        text += line(labels[3], describe(event.when, words: words, language))
        if let announced = event.announced {
            text += line(labels[4], describe(announced, words: words, language))
        }
        if !event.entities.isEmpty {
            text += line(labels[5], event.entities.map { "\($0.name) (\($0.slug), \($0.role))" }.joined(separator: "; "))
        }
        if !event.tags.isEmpty {
            text += line(labels[6], event.tags.joined(separator: ", "))
        }
        if let summary = event.summary {
            text += "\n" + indent(summary, by: "  ") + "\n"
        }
        if !event.measures.isEmpty {
            text += "\n\(words.figures)\n"
            for measure in event.measures {
                text += "  \(measure.quantity)\(words.colon)\(measure.display(language))"
                if let entity = measure.entity { text += " (\(entity))" }
                if let source = measure.source { text += " [\(words.source)\(words.colon)\(source)]" }
                text += "\n"
                if let note = measure.note { text += indent(words.note + words.colon + note, by: "    ") + "\n" }
            }
        }
        if !event.citations.isEmpty {
            text += "\n\(words.sources)\n"
            for (index, citation) in event.citations.enumerated() {
                let source = citation.source
                text += "  [\(index + 1)] \(words.stance(citation.stance).uppercased())\(words.colon)"
                    + sourceHeading(source, words: words, language) + "\n"
                if let url = source.url { text += "      \(url)\n" }
                text += citationWords(citation, words: words, indent: "      ")
            }
        }
        return text
    }

    /// `Le Monde, “Amazon rachète One Medical”, 21 Jul 2022 (fr, news; key le-monde-2022-07-21)`.
    static func sourceHeading(_ source: Source, words: TimelineWords, _ language: DateDisplayLanguage) -> String {
        var heading = source.publisher
        if let title = source.title { heading += ", " + QuoteMarks.quoted(title, language: language == .french ? "fr" : "en") }
        heading += ", " + (source.published.map { $0.display(language) } ?? words.undated)
        heading += " (\(source.language), \(source.type)\(words.listSeparator)\(words.key) \(source.key))"
        return heading
    }

    /// A citation's quote (in its own language's quotation marks, the language named), translation
    /// and note, each line indented.
    static func citationWords(_ citation: Citation, words: TimelineWords, indent prefix: String) -> String {
        var text = ""
        if let quote = citation.quote {
            let languageTag = citation.quoteLanguage.map { " [\($0)]" } ?? ""
            let quoted = QuoteMarks.quoted(quote, language: citation.quoteLanguage ?? citation.source.language)
            text += indent(quoted + languageTag, by: prefix) + "\n"
        }
        if let translation = citation.translation {
            text += indent(words.translation + words.colon + translation, by: prefix) + "\n"
        }
        if let note = citation.note {
            text += indent(words.note + words.colon + note, by: prefix) + "\n"
        }
        return text
    }

    /// `1 Dec 2022 (2022-12-01, day)` or `Q2 2022 (2022-04-01 … 2022-06-30, quarter, EDTF 2022-34)`.
    static func describe(_ date: TimelineDate, words: TimelineWords, _ language: DateDisplayLanguage) -> String {
        let earliest = date.earliest?.iso ?? words.open
        let latest = date.latest?.iso ?? words.open
        let span = earliest == latest ? earliest : "\(earliest) … \(latest)"
        var qualifiers = [words.precision(date.precision)]
        if date.approximate { qualifiers.append(words.approximate) }
        if date.uncertain { qualifiers.append(words.uncertain) }
        return "\(date.display(language)) (\(span), \(qualifiers.joined(separator: ", ")), EDTF \(date.edtf))"
    }

    /// Every line indented, whatever ends it: "\r\n" is one Character in Swift, so splitting on
    /// "\n" alone left the lines of CRLF text (as spreadsheets write it) unindented.
    static func indent(_ text: String, by prefix: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { prefix + $0 }.joined(separator: "\n")
    }
}
