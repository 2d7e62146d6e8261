import SQLiteStorage

extension TimelineStore {
    /// One tag as the timeline spells it, and how many events carry it.
    struct TagSpelling {
        let tag: String
        let uses: Int64
    }

    /// The timeline's tags grouped by comparison key (`tagKey`), each group's most used spelling
    /// first (the first in byte order on a tie): the spelling an edit or import saves under.
    static func tagSpellings(in database: Database) throws -> [String: [TagSpelling]] {
        var groups: [String: [TagSpelling]] = [:]
        try database.statement("SELECT tag, count(*) FROM event_tags GROUP BY tag ORDER BY tag").forEachRow { row in
            let spelling = TagSpelling(tag: row.text(at: 0), uses: row.int64(at: 1))
            groups[tagKey(spelling.tag), default: []].append(spelling)
        }
        // Stable: byte order stays among spellings used as often.
        return groups.mapValues { group in
            group.enumerated().sorted { ($0.element.uses, -$0.offset) > ($1.element.uses, -$1.offset) }.map(\.element)
        }
    }

    /// Tags that read alike but for case, accents or punctuation (`santé`, `Santé`): every filter
    /// takes them for one, while `stats` and the exports list them apart. Edits and imports save
    /// the timeline's spelling now; these come from before, or from another tool.
    func tagSpellingsAlike() throws -> [String] {
        try Self.tagSpellings(in: database).values.filter { $0.count > 1 }.map { group in
            let named = group.map { "'\($0.tag)' (\($0.uses) event\($0.uses == 1 ? "" : "s"))" }
            let list = named.dropLast().joined(separator: ", ") + " and " + named.last!
            return "the tags \(list) read alike but for case, accents or punctuation; `timeline check --repair-lists` saves them all as '\(group[0].tag)'"
        }.sorted()
    }

    /// Saves every tag under its group's first spelling (see `tagSpellings`); returns how many
    /// spellings went. Run inside the repair's transaction, before the stored lists are rewritten.
    func unifyTagSpellings() throws -> Int {
        var merged = 0
        for group in try Self.tagSpellings(in: database).values where group.count > 1 {
            for other in group.dropFirst() {
                // An event carrying both keeps one row.
                try database.execute("UPDATE OR IGNORE event_tags SET tag = ?1 WHERE tag = ?2", [.text(group[0].tag), .text(other.tag)])
                try database.execute("DELETE FROM event_tags WHERE tag = ?1", [.text(other.tag)])
                merged += 1
            }
        }
        return merged
    }
}
