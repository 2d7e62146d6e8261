import MigrationRunner
import SQLiteStorage

extension TimelineStore {
    /// The state of each known and recorded file.
    public func migrationStatus(set: MigrationSet = TimelineMigrations.embedded) throws -> [MigrationStatus] {
        do {
            return try TimelineMigrations.runner(for: database, set: set).status()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The files `migrate` would apply, after checking the history (a refusal throws).
    public func pendingMigrations(set: MigrationSet = TimelineMigrations.embedded) throws -> [MigrationFile] {
        do {
            return try TimelineMigrations.runner(for: database, set: set).validate()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Applies what is pending; returns what this call applied.
    @discardableResult
    public func migrate(set: MigrationSet = TimelineMigrations.embedded, skippingSeeds: Bool = false) throws -> [MigrationFile] {
        do {
            let applied = try TimelineMigrations.runner(for: database, set: set).migrate(skippingSeeds: skippingSeeds)
            if !applied.isEmpty { try storeMissingLists() }
            return applied
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Reads `Migrations/` and `Seeds/` from a folder instead of the embedded set.
    public static func migrationSet(directory: String) throws -> MigrationSet {
        do {
            return try MigrationSet(directory: directory)
        } catch {
            throw translate(error, path: directory)
        }
    }

    /// Writes the stored lists (migration 0007) of the events that have none: after migrating a
    /// database from before they existed, all of its events, once. In one transaction; nothing to
    /// do when the schema has no such columns.
    /// The date labels (migration 0009) of events without them are written in the same pass.
    func storeMissingLists() throws {
        guard try hasStoredLists() else { return }
        try database.transaction(.immediate) {
            try storeListsFromTables(rewritingAll: false)
            try storeDateLabels(rewritingAll: false)
        }
    }

    /// Rewrites every event's stored lists from its rows in the tables, and its date labels from
    /// its dates (`timeline check --repair-lists`), in one transaction.
    public func rewriteStoredLists() throws {
        do {
            guard try hasStoredLists() else { return }
            try database.transaction(.immediate) {
                try storeListsFromTables(rewritingAll: true)
                try storeDateLabels(rewritingAll: true)
            }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    private func hasStoredLists() throws -> Bool {
        try database.scalar("SELECT 1 FROM pragma_table_info('events') WHERE name = 'entities_json'") != nil
    }

    private func storeListsFromTables(rewritingAll: Bool) throws {
        let ids = try database.prepare(
            """
            SELECT id FROM events
            WHERE ?1 OR entities_json IS NULL OR tags_json IS NULL OR measures_json IS NULL OR sources_json IS NULL
            """
        ).map([.bool(rewritingAll)]) { $0.int64(at: 0) }
        let writer = try TimelineWriter(database: database)
        for id in ids { try writer.storeListsFromTables(eventID: id) }
    }

    /// Writes the labels of events' dates (`when_label`, `announced_label`: the dates as `list`
    /// shows them, for the timeline_events view) where a date has none, or everywhere. Nothing to
    /// do when the schema has no such columns.
    private func storeDateLabels(rewritingAll: Bool) throws {
        guard try database.scalar("SELECT 1 FROM pragma_table_info('events') WHERE name = 'when_label'") != nil else { return }
        let rows = try database.prepare(
            """
            SELECT id, when_edtf, announced_edtf FROM events
            WHERE ?1 OR (when_label IS NULL AND when_edtf IS NOT NULL) OR (announced_label IS NULL AND announced_edtf IS NOT NULL)
            """
        ).map([.bool(rewritingAll)]) { ($0.int64(at: 0), $0.optionalText(at: 1), $0.optionalText(at: 2)) }
        let update = try database.prepare("UPDATE events SET when_label = ?2, announced_label = ?3 WHERE id = ?1")
        for (id, when, announced) in rows {
            try update.bind([.integer(id), .text(Self.dateLabel(when)), .text(Self.dateLabel(announced))])
            _ = try update.step()
            update.reset()
        }
    }

    /// A stored EDTF date as `list` shows it; nil for none, or for text that is no date (left to
    /// the view, which shows it as it is).
    static func dateLabel(_ edtf: String?) -> String? {
        guard let edtf, let date = try? TimelineDate(edtf: edtf) else { return nil }
        return date.display()
    }
}
