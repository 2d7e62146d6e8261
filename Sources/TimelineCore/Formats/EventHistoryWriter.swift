/// `timeline history UID`: each version of an event, when it was recorded, and what each edit
/// changed (a line a field, a list's items taken out `−` and put in `+`); or every version whole,
/// as JSON, for scripts to compare.
public enum EventHistoryWriter {
    /// The text: a heading, then a paragraph a change, oldest first.
    public static func text(uid: String, versions: [EventVersion]) -> String {
        guard let last = versions.last else { return "" }
        // A removal is a change too, and an event added again under its uid after one has two.
        let count = versions.count - 1 + versions.filter { $0.ending == .remove }.count
        var text = "\(uid): \(continued(last.event.title, by: 2))\(last.ending == .remove ? " (removed)" : "")\n"
        text += count == 0 ? "Recorded once, never changed since.\n" : "\(count) change\(count == 1 ? "" : "s") since it was recorded.\n"
        for (index, version) in versions.enumerated() {
            if index == 0 {
                text += "\n\(version.recordedAt)  recorded\n"
                continue
            }
            let previous = versions[index - 1]
            let changes = Self.changes(from: previous.event, to: version.event)
            if previous.ending == .remove {
                text += "\n\(previous.supersededAt ?? "")  removed\n"
                text += "\n\(version.recordedAt)  added again\n"
                text += changes.isEmpty ? "  (as it was when removed)\n" : changes
            } else {
                text += "\n\(version.recordedAt)  edited\n"
                text += changes.isEmpty ? "  (no field changed: the same event saved again)\n" : changes
            }
        }
        if last.ending == .remove, let removedAt = last.supersededAt {
            text += "\n\(removedAt)  removed\n"
        }
        return TerminalText.visible(text, keepingLineBreaks: true)
    }

    /// A JSON array: each version with `recorded_at`, `superseded_at` (null for the one in force),
    /// `ended_by` (`edit`, `remove`, or null) and the `event` as `show --format json` prints it.
    public static func json(versions: [EventVersion]) -> String {
        var objects: [String] = []
        for version in versions {
            var json = JSONText()
            json.beginObject()
            json.field("recorded_at", version.recordedAt)
            json.field("superseded_at", version.supersededAt)
            json.field("ended_by", version.ending?.rawValue)
            json.key("event")
            EventJSON.appendObject(version.event, to: &json)
            json.endObject()
            objects.append(json.text)
        }
        return "[" + (objects.isEmpty ? "" : "\n" + objects.joined(separator: ",\n") + "\n") + "]\n"
    }

    /// A line for each field that differs; lists name the items taken out and put in.
    static func changes(from old: Event, to new: Event) -> String {
        var text = ""
        // A value's later lines (a title or summary of several) under its first.
        func single(_ name: String, _ before: String?, _ after: String?) {
            guard before != after else { return }
            let width = name.count + 4
            text += "  \(name): \(continued(before ?? "(none)", by: width)) → \(continued(after ?? "(none)", by: width))\n"
        }
        func list(_ name: String, _ before: [String], _ after: [String]) {
            let removed = before.filter { !after.contains($0) }
            let added = after.filter { !before.contains($0) }
            guard !removed.isEmpty || !added.isEmpty else { return }
            let lines = (removed.map { "− " + $0 } + added.map { "+ " + $0 }).map { continued($0, by: name.count + 6) }
            let indent = String(repeating: " ", count: name.count + 4)
            text += "  \(name): " + lines.joined(separator: "\n" + indent) + "\n"
        }
        single("kind", old.kind, new.kind)
        single("status", old.status.rawValue, new.status.rawValue)
        single("title", old.title, new.title)
        single("summary", old.summary, new.summary)
        single("when", describe(old.when), describe(new.when))
        single("announced", old.announced.map(describe), new.announced.map(describe))
        list("entities", old.entities.map { "\($0.name) (\($0.slug), \($0.role))" }, new.entities.map { "\($0.name) (\($0.slug), \($0.role))" })
        list("tags", old.tags, new.tags)
        list("figures", old.measures.map(figure), new.measures.map(figure))
        list("sources", old.citations.map(citation), new.citations.map(citation))
        return text
    }

    /// `value` with its later lines indented by `width` spaces, whatever ends them.
    private static func continued(_ value: String, by width: Int) -> String {
        guard value.contains(where: \.isNewline) else { return value }
        let pad = String(repeating: " ", count: width)
        return String(EventDetailText.indent(value, by: pad).dropFirst(width))
    }

    private static func describe(_ date: TimelineDate) -> String {
        let display = date.display()
        return display == date.edtf ? display : "\(display) (\(date.edtf))"
    }

    private static func figure(_ measure: Measure) -> String {
        var text = "\(measure.quantity): \(measure.display())"
        if let entity = measure.entity { text += " (\(entity))" }
        if let source = measure.source { text += " [source: \(source)]" }
        if let note = measure.note { text += " — \(note)" }
        return text
    }

    private static func citation(_ citation: Citation) -> String {
        var text = "\(citation.source.key) (\(citation.stance.rawValue))"
        if let quote = citation.quote {
            text += ": " + QuoteMarks.quoted(quote, language: citation.quoteLanguage ?? citation.source.language)
            if let language = citation.quoteLanguage { text += " (\(language))" }
        }
        if let translation = citation.translation { text += " — \(translation)" }
        if let note = citation.note { text += " [\(note)]" }
        return text
    }
}
