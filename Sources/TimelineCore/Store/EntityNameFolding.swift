import SQLiteStorage

/// Entity names and aliases compared ignoring case in every script. SQLite's NOCASE folds `A`–`Z`
/// only, so to it `ЯНДЕКС` is not `Яндекс` and `SOCIÉTÉ GÉNÉRALE` is not `Société Générale`;
/// without this a reference in capitals would make a second entity. Only names and aliases
/// holding non-ASCII characters are read, and only for references holding them (ASCII ones were
/// already compared by NOCASE, through an index).
enum EntityNameFolding {
    /// A name or alias that matched, and which of the two it was.
    struct Match {
        let id: Int64
        let slug: String
        let name: String
        let byAlias: Bool
    }

    static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The text lowercased in every script, with Greek final sigma as plain sigma (`ΟΔΟΣ` and
    /// `οδος` are one word; lowercasing alone gives `οδοσ`). Compared as Swift strings, so
    /// composed and decomposed accents are equal too.
    static func folded(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            scalars.append(scalar == "ς" ? "σ" : scalar)
        }
        return String(scalars)
    }

    /// Every non-ASCII name and alias, folded: read once per saver, then kept up to date by it,
    /// so a file naming thousands of new accented entities does not rescan them for each.
    struct Index {
        private var byFolded: [String: [Match]] = [:]

        init(database: Database) throws {
            // GLOB classes work on characters: this keeps rows with any character above U+007F.
            let nonASCII = "*[^\u{01}-\u{7F}]*"
            let rows = try database.cachedStatement(
                """
                SELECT id, slug, name, name, 0 FROM entities WHERE name GLOB ?1
                UNION ALL SELECT e.id, e.slug, e.name, a.alias, 1 FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
                          WHERE a.alias GLOB ?1
                """
            ).map([.text(nonASCII)]) { row in
                (Match(id: row.int64(at: 0), slug: row.text(at: 1), name: row.text(at: 2), byAlias: row.int64(at: 4) == 1),
                 row.text(at: 3))
            }
            for (match, text) in rows { add(match, as: text) }
        }

        /// Records a name or alias an entity has just been given.
        mutating func add(_ match: Match, as text: String) {
            guard !isASCII(text) else { return }
            byFolded[folded(text), default: []].append(match)
        }

        /// Entities whose name, or else an alias, equals `reference` ignoring case in any script;
        /// names first. Empty for an ASCII reference.
        func matches(_ reference: String) -> [Match] {
            guard !isASCII(reference), let found = byFolded[folded(reference)] else { return [] }
            return found.filter { !$0.byAlias } + found.filter(\.byAlias)
        }
    }
}
