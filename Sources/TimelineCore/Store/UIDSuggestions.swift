import SQLiteStorage

/// What a not-found error offers for a uid no event has: the uids it is the start of
/// (`bhs-insolvency-2016-04-25` for `bhs-insolvency-2016-04-25-1a2b3c4d`: an imported event's
/// content hash is what a typist drops, or its last letter), or that it is in other case (uids
/// are made in lower case; one given with --uid keeps its own). One range of the uid index
/// each, and a scan of them only when those found none.
enum UIDSuggestions {
    /// Where the uids are looked for: events in force, or every version history holds (for
    /// `restore` and `history`).
    enum Place {
        case events, history

        var sql: StaticString {
            switch self {
            case .events:
                return "SELECT uid FROM events WHERE uid >= ?1 AND uid < ?1 || char(1114111) ORDER BY uid LIMIT 4"
            case .history:
                return "SELECT DISTINCT uid FROM event_history WHERE uid >= ?1 AND uid < ?1 || char(1114111) ORDER BY uid LIMIT 4"
            }
        }

        /// The uids that start as `?1` does (its first word and hyphen), a thousand at most.
        var sameStartSQL: StaticString {
            switch self {
            case .events:
                return "SELECT uid FROM events WHERE uid >= ?1 AND uid < ?1 || char(1114111) ORDER BY uid LIMIT 1000"
            case .history:
                return "SELECT DISTINCT uid FROM event_history WHERE uid >= ?1 AND uid < ?1 || char(1114111) ORDER BY uid LIMIT 1000"
            }
        }

        /// The same in any case of ASCII letters (`acme-layoff` for `ACME-Layoff-2022`): a scan
        /// of the uids, run only when the index found none.
        var anyCaseSQL: StaticString {
            switch self {
            case .events:
                return "SELECT uid FROM events WHERE substr(lower(uid), 1, length(?1)) = lower(?1) ORDER BY uid LIMIT 4"
            case .history:
                return "SELECT DISTINCT uid FROM event_history WHERE substr(lower(uid), 1, length(?1)) = lower(?1) ORDER BY uid LIMIT 4"
            }
        }
    }

    /// Up to four uids `uid` may mean.
    static func uids(meantBy uid: String, in database: Database, place: Place = .events) throws -> [String] {
        guard !uid.isEmpty else { return [] }
        if place == .history, try !database.tableExists("event_history") { return [] }
        // Made uids are in lower case: one typed in capitals is looked for so too, and as typed,
        // since a uid given with --uid keeps its capitals (`ACME-Layoff-2022`).
        var meant = try database.statement(place.sql).map([.text(uid)]) { $0.text(at: 0) }
        let lowered = uid.lowercased()
        if lowered != uid {
            meant += try database.statement(place.sql).map([.text(lowered)]) { $0.text(at: 0) }.filter { !meant.contains($0) }
        }
        meant = meant.filter { $0 != uid }
        if meant.isEmpty {
            meant = try database.statement(place.anyCaseSQL).map([.text(uid)]) { $0.text(at: 0) }.filter { $0 != uid }
        }
        if meant.isEmpty, let first = uid.split(separator: "-").first, first.count < uid.count {
            // A letter wrong or missing (`glovo-lanch-2015`): the uids of its first word's range,
            // a few letters from it.
            let sameStart = try database.statement(place.sameStartSQL).map([.text(String(first) + "-")]) { $0.text(at: 0) }
            meant = NameSuggestions.closest(to: uid, among: sameStart, limit: 4)
        }
        return Array(meant.sorted().prefix(4))
    }

    /// The end of a not-found error's sentence, with its stop: the uids it may mean (three at
    /// most), else where the uids are shown.
    static func hint(for uid: String, in database: Database, place: Place = .events) throws -> String {
        let meant = try uids(meantBy: uid, in: database, place: place)
        switch meant.count {
        case 0: return "`timeline list` shows the uids."
        case 1: return "did you mean '\(meant[0])'?"
        default:
            let named = meant.prefix(3).map { "'\($0)'" }
            return "did you mean " + named.dropLast().joined(separator: ", ") + " or " + named.last! + (meant.count > 3 ? " (or another of that start)" : "") + "?"
        }
    }
}
