/// What `timeline sources show KEY` prints: the source, then every event citing it with what the
/// citation says, every figure given from it, and every relation it backs.
public enum SourceUseText {
    /// The readable page, its control characters drawn rather than sent to the terminal.
    public static func render(_ use: SourceUse, language: DateDisplayLanguage = .english) -> String {
        TerminalText.visible(page(use, language: language), keepingLineBreaks: true)
    }

    private static func page(_ use: SourceUse, language: DateDisplayLanguage) -> String {
        let words = TimelineWords.words(for: language)
        let source = use.listing.source
        var text = EventDetailText.sourceHeading(source, words: words, language) + "\n"
        if let url = source.url { text += "  \(url)\n" }
        if let note = source.note { text += EventDetailText.indent(words.note + words.colon + note, by: "  ") + "\n" }

        text += "\n\(capitalised(words.eventPlural)) (\(Set(use.citations.map(\.uid)).count))\n"
        if use.citations.isEmpty { text += "  —\n" }
        for citing in use.citations {
            text += "  \(citing.when.display(language))  \(words.stance(citing.citation.stance).uppercased())  \(citing.title)  (\(citing.uid))\n"
            text += EventDetailText.citationWords(citing.citation, words: words, indent: "      ")
        }
        if !use.figures.isEmpty {
            text += "\n\(words.figures) (\(use.figures.count))\n"
            for figure in use.figures {
                let measure = figure.measure
                text += "  \(figure.uid)\(words.colon)\(measure.quantity)\(words.colon)\(measure.display(language))"
                if let entity = measure.entity { text += " (\(entity))" }
                text += "\n"
                if let note = measure.note { text += EventDetailText.indent(words.note + words.colon + note, by: "    ") + "\n" }
            }
        }
        if !use.relations.isEmpty {
            text += "\n\(words.relations) (\(use.relations.count))\n"
            for relation in use.relations {
                text += "  \(relation.entity) \(relation.relation) \(relation.other)" + (relation.valid.map { " (\($0.display(language)))" } ?? "") + "\n"
            }
        }
        return text
    }

    /// The source as one JSON object: its fields, then `cited_by` (each event's uid, title and
    /// date in EDTF with the citation's stance, quote, quote language, translation and note),
    /// `figures` (each with its event's uid, and `source`, this one's key) and `relations`.
    public static func json(_ use: SourceUse) -> String {
        var json = JSONText()
        json.beginObject()
        SourceListWriter.appendSourceFields(use.listing.source, to: &json)
        appendObjects("cited_by", use.citations, to: &json) { citing, json in
            json.field("uid", citing.uid)
            json.field("title", citing.title)
            json.field("when", citing.when.edtf)
            EventJSON.appendCitationFields(citing.citation, to: &json)
        }
        appendObjects("figures", use.figures, to: &json) { figure, json in
            json.field("uid", figure.uid)
            EventJSON.appendMeasureFields(figure.measure, to: &json)
        }
        appendObjects("relations", use.relations, to: &json) { relation, json in
            json.field("entity", relation.entity)
            EntityListWriter.appendRelationFields(relation, to: &json)
        }
        json.endObject()
        return json.text + "\n"
    }

    /// `"key":[{…},…]`, each item's fields written by `fields`.
    private static func appendObjects<Item>(_ key: String, _ items: [Item], to json: inout JSONText,
                                            _ fields: (Item, inout JSONText) -> Void) {
        json.key(key)
        json.beginArray()
        for item in items {
            json.beginObject()
            fields(item, &json)
            json.endObject()
        }
        json.endArray()
    }

    private static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }
}
