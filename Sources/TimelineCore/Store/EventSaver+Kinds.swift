import SQLiteStorage

/// Changes to the kinds vocabulary (`event_kinds`), which `add`, `edit` and `import` check kinds against.
extension EventSaver {
    func addKind(_ name: String, description: String) throws -> KindChange {
        try Self.checkKindName(name)
        let description = try Self.checkedKindDescription(description)
        if let held = try kindDescription(name) {
            if held == description { return .unchanged }
            throw TimelineError(.usage, "the kind '\(name)' exists, described as '\(held)'; `timeline kinds edit \(name) --description TEXT` changes that.")
        }
        try database.statement("INSERT INTO event_kinds (name, description) VALUES (?1, ?2)").run([.text(name), .text(description)])
        knownKinds = nil
        return .added
    }

    func describeKind(_ given: String, as text: String) throws -> KindChange {
        let description = try Self.checkedKindDescription(text)
        let name = try knownKindName(given)
        guard let held = try kindDescription(name) else { throw try unknownKind(given) }
        if held == description { return .unchanged }
        try database.statement("UPDATE event_kinds SET description = ?2 WHERE name = ?1").run([.text(name), .text(description)])
        return .updated
    }

    func removeKind(_ given: String) throws {
        let name = try knownKindName(given)
        guard try kindDescription(name) != nil else { throw try unknownKind(given) }
        if case .integer(let count)? = try database.scalar("SELECT count(*) FROM events WHERE kind = ?1", [.text(name)]), count > 0 {
            let these = count == 1 ? "1 event is of it" : "\(count) events are of it"
            throw TimelineError(.usage, "the kind '\(name)' cannot be removed: \(these) (`timeline list --kind \(name)` shows them); edit them to another kind first (`timeline edit UID --kind OTHER`).")
        }
        try database.statement("DELETE FROM event_kinds WHERE name = ?1").run([.text(name)])
        knownKinds = nil
    }

    /// A kind as `--kind` takes it: `Layoff` and `Headcount change` are layoff and headcount-change.
    private func knownKindName(_ name: String) throws -> String {
        if try kindDescription(name) != nil { return name }
        return Self.slug(name)
    }

    private func kindDescription(_ name: String) throws -> String? {
        try database.statement("SELECT description FROM event_kinds WHERE name = ?1").first([.text(name)]) { $0.text(at: 0) }
    }

    private func unknownKind(_ name: String) throws -> TimelineError {
        let known = try database.prepare("SELECT name FROM event_kinds ORDER BY name").map { $0.text(at: 0) }
        let near = NameSuggestions.closest(to: name.lowercased(), among: known, limit: 1).first.map { "did you mean '\($0)'? " } ?? ""
        // Not found, as an unknown entity for `entities edit` is (exit 66).
        return TimelineError(.notFound, "no kind '\(name)'; \(near)known kinds: \(known.joined(separator: ", ")).")
    }

    /// A kind is a word of lowercase letters, digits and hyphens (`product-recall`), as uids and
    /// `--kind` take it.
    static func checkKindName(_ name: String) throws {
        guard isSlug(name) else {
            let suggestion = slug(name)
            throw TimelineError(.usage, "'\(name)' is not a kind name: use lowercase letters, digits and '-'"
                + (suggestion.isEmpty ? "." : ", as in '\(suggestion)'."))
        }
    }

    static func checkedKindDescription(_ description: String) throws -> String {
        let trimmed = description.trimmingSpaces()
        guard !trimmed.isEmpty else {
            throw TimelineError(.usage, "a kind needs a description of what it means (--description 'A product is recalled').")
        }
        return trimmed
    }
}
