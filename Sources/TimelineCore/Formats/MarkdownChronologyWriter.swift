/// A readable chronology in Markdown: events grouped by year, dates at their precision, figures,
/// and the sources as footnotes with their quotes in their own language.
public final class MarkdownChronologyWriter: EventStreamWriter, NamesEntities {
    public var entityNames: [String: String] = [:]
    public var entityNaming: NamesEntities? { self }
    private let output: TextOutput
    private let language: DateDisplayLanguage
    private let words: TimelineWords
    private let heading: String
    private var currentGroup: String?
    /// One footnote per distinct citation, kept out of memory until the end, where they are printed.
    private let footnotes = FootnoteSpool()

    /// - Parameter heading: the document's title; by default `Timeline` in the display language.
    public init(output: TextOutput, language: DateDisplayLanguage = .english, heading: String? = nil) {
        self.output = output
        self.language = language
        words = TimelineWords.words(for: language)
        self.heading = heading ?? words.pageTitle
    }

    public func begin() throws {
        try output.write("# \(heading)\n")
    }

    public func write(_ event: Event) throws {
        let group = event.when.earliest.map { String($0.iso.prefix(4)) } ?? words.openStart
        if group != currentGroup {
            try output.write("\n## \(group)\n\n")
            currentGroup = group
        }
        var text = "- **\(escape(event.when.display(language)))** — \(escape(Self.oneLine(event.title)))"
        var details: [String] = []
        if event.status != .occurred { details.append(words.status(event.status)) }
        if let announced = event.announced { details.append(words.announced.lowercased() + words.colon + announced.display(language)) }
        if !details.isEmpty { text += " (\(details.joined(separator: words.listSeparator)))" }
        text += try footnoteReferences(event)
        text += "\n"
        // The summary and the figures are paragraphs of the item (a blank line, then indented):
        // lines merely indented would run on into the title's paragraph when rendered.
        if let summary = event.summary {
            // A blank line of the summary parts paragraphs, as in the summary.
            let lines = escape(summary).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
                .map { $0.isEmpty ? "" : "  " + $0 }
            text += "\n" + lines.joined(separator: "\n") + "\n"
        }
        if !event.measures.isEmpty {
            text += "\n  " + words.figures + words.colon
                + event.measures.map { escape(event.readableFigure($0, language: language, words: words, names: entityNames)) }.joined(separator: words.listSeparator) + "\n"
        }
        try output.write(text)
    }

    public func end() throws {
        if currentGroup == nil { try output.write("\n" + words.noEvents + "\n") }
        if !footnotes.isEmpty {
            try output.write("\n")
            try footnotes.write(to: output)
        }
        try output.finish()
    }

    /// `[^1][^2]`: one footnote per distinct citation, numbered in order of first use.
    private func footnoteReferences(_ event: Event) throws -> String {
        var references = ""
        for citation in event.citations {
            references += "[^\(try footnotes.number(for: footnoteText(citation)))]"
        }
        return references
    }

    private func footnoteText(_ citation: Citation) -> String {
        let source = citation.source
        var text = escape(source.publisher)
        if let url = source.url {
            // Only a web address is a link (a renderer that lets `javascript:` through would run
            // it); written between <> when the address has what would end it, `(final).pdf`.
            text = HTMLText.isWebAddress(url) ? "[\(text)](\(MarkdownText.linkDestination(url)))" : text + " (" + escape(url) + ")"
        }
        if let title = source.title { text += ", “\(escape(Self.oneLine(title)))”" }
        text += ", " + (source.published.map { $0.display(language) } ?? words.undated)
        if citation.stance != .supports { text += " — **\(words.stance(citation.stance))**" }
        if let quote = citation.quote {
            text += words.colon + QuoteMarks.quoted(escape(quote), language: citation.quoteLanguage ?? source.language)
            if let language = citation.quoteLanguage { text += " (\(language))" }
            if let translation = citation.translation { text += " — “\(escape(translation))”" }
        }
        if let note = citation.note { text += ". " + escape(note) }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Characters that Markdown would read as formatting.
    /// A title's line breaks as spaces: in a list item or a footnote, the next line would run on
    /// unindented, out of the item.
    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private func escape(_ text: String) -> String {
        MarkdownText.escapingFormatting(text)
    }
}
