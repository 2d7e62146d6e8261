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
            let applied = try TimelineMigrations.runner(for: database, set: set, appliedAt: recordingTime).migrate(skippingSeeds: skippingSeeds)
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
    /// The date labels (migration 0009) and figures labels (0010) of events without them are
    /// written in the same pass.
    func storeMissingLists() throws {
        guard try hasStoredLists() else { return }
        try database.transaction(.immediate) {
            try storeListsFromTables(rewritingAll: false)
            try storeDateLabels(rewritingAll: false)
            try storeMissingFiguresLabels()
        }
    }

    /// Rewrites every event's stored lists from its rows in the tables, and its date labels from
    /// its dates (`timeline check --repair-lists`), in one transaction.
    /// - Returns: what it put right: the events whose lists differed from their tables, and the
    ///   dates and date labels that did not follow from their EDTF.
    @discardableResult
    public func rewriteStoredLists() throws -> StoredCopyRepair {
        do {
            guard try hasStoredLists() else { return StoredCopyRepair() }
            var repair = StoredCopyRepair()
            try database.transaction(.immediate) {
                try StoredEventTextReader(database: database).forEachEventWithStaleLists { _ in repair.lists += 1 }
                // As `check` counts them: the labels the view reads, and apart, the lists another
                // tool's change cleared (which reading does without, and this writes again).
                try forEachFiguresLabel(.shown) { _, _, stored, label in
                    if stored != label { repair.figuresLabels += 1 }
                }
                if case .integer(let count)? = try database.scalar(
                    "SELECT count(*) FROM events WHERE entities_json IS NULL OR tags_json IS NULL OR measures_json IS NULL OR sources_json IS NULL") {
                    repair.missingLists = Int(count)
                }
                repair.tagSpellings = try unifyTagSpellings()
                // Rewriting the lists writes every figures label too.
                try storeListsFromTables(rewritingAll: true)
                repair.searchEntries = try rewriteStaleSearchEntries()
                repair.spans = try rewriteStaleSpans()
                (repair.dates, repair.labels) = try storeDateLabels(rewritingAll: true)
                try stopIfRequested()
            }
            adoptWriteAheadLog()
            return repair
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Whether the schema keeps date labels (migration 0009).
    func hasDateLabels() throws -> Bool {
        try database.scalar("SELECT 1 FROM pragma_table_info('events') WHERE name = 'when_label'") != nil
    }

    /// The row ids and uids of events whose search entry is missing or differs from what their
    /// title, summary, quotes and names give, and the ids of entries of no event (uid nil): what
    /// another tool leaves when it changes those rows with the triggers dropped, or before
    /// migration 0011 updated an alias or an event's entity in place.
    func staleSearchEntries() throws -> [(id: Int64, uid: String?)] {
        var stale = try database.prepare(
            """
            SELECT d.id, e.uid FROM event_search_documents AS d JOIN events AS e ON e.id = d.id
            LEFT JOIN event_search AS s ON s.rowid = d.id
            WHERE s.rowid IS NULL OR s.title IS NOT d.title OR s.summary IS NOT d.summary
               OR s.quotes IS NOT d.quotes OR s.names IS NOT d.names
            ORDER BY e.uid
            """
        ).map { (id: $0.int64(at: 0), uid: Optional($0.text(at: 1))) }
        stale += try database.prepare("SELECT rowid FROM event_search WHERE rowid NOT IN (SELECT id FROM events) ORDER BY rowid")
            .map { (id: $0.int64(at: 0), uid: nil) }
        return stale
    }

    /// The row ids and uids of events whose entry in the span index (`event_spans`, which date
    /// ranges are answered from) is missing or not their dates' span, and the ids of entries of no
    /// event (uid nil): what another tool leaves when it replaces an event (`INSERT OR REPLACE`
    /// fires no delete trigger unless `recursive_triggers` is on) or changes its id. Nothing for
    /// a schema without the index.
    func staleSpans() throws -> [(id: Int64, uid: String?)] {
        guard try database.tableExists("event_spans") else { return [] }
        var stale = try database.prepare(
            """
            SELECT r.id, e.uid FROM event_span_rows AS r JOIN events AS e ON e.id = r.id
            LEFT JOIN event_spans AS s ON s.id = r.id
            WHERE s.id IS NULL OR s.earliest_day <> r.earliest_day OR s.latest_day <> r.latest_day
            ORDER BY e.uid
            """
        ).map { (id: $0.int64(at: 0), uid: Optional($0.text(at: 1))) }
        stale += try database.prepare("SELECT id FROM event_spans WHERE id NOT IN (SELECT id FROM events) ORDER BY id")
            .map { (id: $0.int64(at: 0), uid: nil) }
        return stale
    }

    /// Writes again the span index entries `staleSpans` finds; returns how many.
    private func rewriteStaleSpans() throws -> Int {
        try rewriteEntries(
            of: try staleSpans(), deleting: "DELETE FROM event_spans WHERE id = ?1",
            inserting: "INSERT INTO event_spans (id, earliest_day, latest_day) SELECT id, earliest_day, latest_day FROM event_span_rows WHERE id = ?1")
    }

    /// Writes again the search entries `staleSearchEntries` finds; returns how many.
    private func rewriteStaleSearchEntries() throws -> Int {
        try rewriteEntries(
            of: try staleSearchEntries(), deleting: "DELETE FROM event_search WHERE rowid = ?1",
            inserting: "INSERT INTO event_search (rowid, title, summary, quotes, names) SELECT id, title, summary, quotes, names FROM event_search_documents WHERE id = ?1")
    }

    /// Deletes each event's entry of an index and makes it again from its row (none for an event
    /// that is gone); returns how many.
    private func rewriteEntries(of stale: [(id: Int64, uid: String?)], deleting: String, inserting: String) throws -> Int {
        let delete = try database.prepare(deleting)
        let insert = try database.prepare(inserting)
        for entry in stale {
            try delete.run([.integer(entry.id)])
            try insert.run([.integer(entry.id)])
        }
        return stale.count
    }

    /// Whether the schema keeps figures labels (migration 0010).
    func hasFiguresLabels() throws -> Bool {
        try database.scalar("SELECT 1 FROM pragma_table_info('events') WHERE name = 'figures_label'") != nil
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
    /// shows them, for the timeline_events view) where a date has none; with `rewritingAll`, also
    /// puts right every label, span, precision and flag that does not follow from its EDTF (what
    /// another tool leaves when it changes a date). A date that cannot be read is left to `check`.
    /// Nothing to do when the schema has no labels.
    /// - Returns: how many dates' columns, and how many labels, it changed.
    @discardableResult
    private func storeDateLabels(rewritingAll: Bool) throws -> (dates: Int, labels: Int) {
        guard try hasDateLabels() else { return (0, 0) }
        var changed = (dates: 0, labels: 0)
        let rows = try database.prepare(
            """
            SELECT id, when_label, announced_label, \(StoredDate.eventColumns) FROM events
            WHERE ?1 OR (when_label IS NULL AND when_edtf IS NOT NULL) OR (announced_label IS NULL AND announced_edtf IS NOT NULL)
            """
        ).map([.bool(rewritingAll)]) { row in
            (id: row.int64(at: 0), labels: [row.optionalText(at: 1), row.optionalText(at: 2)],
             dates: [StoredDate(row, from: 3), StoredDate(row, from: 9)])
        }
        let update = try database.prepare(
            """
            UPDATE events SET when_label = ?2, announced_label = ?3,
                when_earliest = ?4, when_latest = ?5, when_precision = ?6, when_approximate = ?7, when_uncertain = ?8,
                announced_earliest = ?9, announced_latest = ?10, announced_precision = ?11, announced_approximate = ?12,
                announced_uncertain = ?13
            WHERE id = ?1
            """)
        let updateLabels = try database.prepare("UPDATE events SET when_label = ?2, announced_label = ?3 WHERE id = ?1")
        for row in rows {
            let dates = row.dates.map { stored in stored.edtf.flatMap { try? TimelineDate(edtf: $0) } }
            // A date that cannot be read keeps its columns; the others take those of their EDTF.
            let columns = zip(row.dates, dates).map { stored, date in date.map(StoredDate.init) ?? stored }
            let labels = zip(row.labels, dates).map { label, date in date?.display() ?? label }
            changed.dates += zip(columns, row.dates).count { $0 != $1 }
            changed.labels += zip(labels, row.labels).count { $0 != $1 }
            if columns != row.dates {
                var values: [SQLValue] = [.integer(row.id), .text(labels[0]), .text(labels[1])]
                for date in columns {
                    values += [.text(date.earliest), .text(date.latest), .text(date.precision), .bool(date.approximate), .bool(date.uncertain)]
                }
                try update.bind(values)
            } else if labels != row.labels {
                // Labels alone: an update of the span columns would rebuild the event's R*Tree entry.
                try updateLabels.bind([.integer(row.id), .text(labels[0]), .text(labels[1])])
            } else {
                continue
            }
            let statement = columns != row.dates ? update : updateLabels
            _ = try statement.step()
            statement.reset()
        }
        return changed
    }

    /// Which events' figures labels to read.
    enum FiguresLabelScope: String {
        /// Every event's.
        case all = "1"
        /// Those of events whose lists are stored: the view reads no other's label.
        case shown = "e.measures_json IS NOT NULL"
        /// Those of events whose lists are stored and that have no label.
        case missing = "e.measures_json IS NOT NULL AND e.figures_label IS NULL"
    }

    /// Calls `body` with each event's row id, uid, stored figures label and the label its figures
    /// make, in the given scope. Nothing when the schema has no such labels.
    func forEachFiguresLabel(_ scope: FiguresLabelScope, _ body: (Int64, String, String?, String) throws -> Void) throws {
        guard try hasFiguresLabels() else { return }
        let rows = try database.prepare(
            """
            SELECT e.id, e.uid, e.figures_label, m.id IS NOT NULL, m.quantity, m.value, m.unit, m.approximate, m.qualifier
            FROM events AS e LEFT JOIN measures AS m ON m.event_id = e.id
            WHERE \(scope.rawValue)
            ORDER BY e.id, m.id
            """)
        var current: (id: Int64, uid: String, stored: String?)?
        var figures: [Measure] = []
        while try rows.step() {
            let id = rows.int64(at: 0)
            if let event = current, event.id != id {
                try body(event.id, event.uid, event.stored, Measure.labelledList(figures))
                figures.removeAll(keepingCapacity: true)
            }
            if current?.id != id { current = (id, rows.text(at: 1), rows.optionalText(at: 2)) }
            if rows.bool(at: 3) { figures.append(Measure(labelledFrom: rows, at: 4)) }
        }
        if let event = current { try body(event.id, event.uid, event.stored, Measure.labelledList(figures)) }
    }

    /// Writes the figures labels (for the timeline_events view) of events with stored lists and
    /// no label: after migration 0010, every event's, once.
    private func storeMissingFiguresLabels() throws {
        var labels: [(Int64, String)] = []
        try forEachFiguresLabel(.missing) { id, _, _, label in labels.append((id, label)) }
        let update = try database.prepare("UPDATE events SET figures_label = ?2 WHERE id = ?1")
        for (id, label) in labels {
            try update.bind([.integer(id), .text(label)])
            _ = try update.step()
            update.reset()
        }
    }
}
