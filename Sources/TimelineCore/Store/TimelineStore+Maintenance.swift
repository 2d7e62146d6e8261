#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MigrationRunner
import SQLiteStorage

/// One finding of `timeline check`.
public struct CheckFinding: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// The file or the history is damaged or does not match this binary.
        case error
        /// The data is valid but falls short of the tool's standards (an uncited event, …).
        case warning
    }

    public let severity: Severity
    public let check: String
    public let message: String
}

extension TimelineStore {
    /// What SQLite's integrity check finds wrong in the file (none when it is sound), with what it
    /// found before damage stopped it.
    public func integrityFindings() throws -> [CheckFinding] {
        do {
            let lines = try database.integrityCheck()
            guard lines != ["ok"] else { return [] }
            // A row may hold several lines, under a heading naming the schema (`*** in database main ***`).
            return lines.flatMap { $0.split(separator: "\n") }.filter { !$0.hasPrefix("*** ") }
                .map { CheckFinding(severity: .error, check: "integrity", message: String($0)) }
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Integrity, foreign keys, migration checksums, and data that falls short: an event no source
    /// cites, a figure with no source or no unit.
    ///
    /// - Parameter integrity: `integrityFindings()`, when the caller has them already. A damaged
    ///   file is reported by them alone: the other checks would stop at the damage.
    public func check(set: MigrationSet = TimelineMigrations.embedded, integrity: [CheckFinding]? = nil) throws -> [CheckFinding] {
        var findings = try integrity ?? integrityFindings()
        guard findings.isEmpty else { return findings }
        do {
            // One finding a table and parent: rows left by one delete made with foreign keys off
            // (the sqlite3 shell's default) are one mistake, not one per row.
            var violations: [String: (table: String, parent: String, rowIDs: [Int64], count: Int)] = [:]
            var order: [String] = []
            for violation in try database.foreignKeyViolations() {
                let key = violation.table + " " + violation.parent
                if violations[key] == nil { order.append(key) }
                violations[key, default: (violation.table, violation.parent, [], 0)].count += 1
                if let rowID = violation.rowID { violations[key]?.rowIDs.append(rowID) }
            }
            for key in order {
                guard let group = violations[key] else { continue }
                let rows = group.count == 1 ? "1 row" : "\(group.count) rows"
                let ids = group.rowIDs.isEmpty ? "" : " (rowid \(group.rowIDs.prefix(5).map(String.init).joined(separator: ", "))\(group.rowIDs.count > 5 ? ", …" : ""))"
                findings.append(CheckFinding(
                    severity: .error, check: "foreign-keys",
                    message: "\(rows) of \(group.table)\(ids) \(group.count == 1 ? "points" : "point") at \(group.count == 1 ? "a missing \(group.parent) row" : "missing \(group.parent) rows"): a delete made with foreign keys off (the sqlite3 shell's default; run PRAGMA foreign_keys = ON first) leaves such rows"))
            }
        } catch let error as SQLiteError {
            throw Self.translate(error, path: path)
        }
        let statuses = try migrationStatus(set: set)
        for status in statuses where status.state != .applied && status.state != .skipped {
            let name = "\(status.kind.rawValue) \(status.version) (\(status.name))"
            let message: String
            switch status.state {
            case .changed: message = "\(name) was changed after it was applied (recorded \(status.recordedChecksum ?? "?"), file \(status.checksum ?? "?"))"
            case .unknown: message = "\(name) is applied but unknown to this version of timeline: the database is newer"
            default: message = "\(name) is not applied yet; run `timeline migrate`"
            }
            findings.append(CheckFinding(severity: .error, check: "migrations", message: message))
        }
        // The data checks read the current schema; an unmigrated database has its errors already.
        guard !statuses.contains(where: { $0.kind == .migration && $0.state == .pending }) else { return findings }
        try StoredEventTextReader(database: database).forEachEventWithStaleLists { uid in
            findings.append(CheckFinding(
                severity: .error, check: "stored-lists",
                message: "event \(uid): the lists stored in its row differ from its entities, tags, figures and sources; `timeline check --repair-lists` rewrites them"))
        }
        findings += try dateFindings()
        findings += try figuresLabelFindings()
        findings += try staleSearchEntries().map { entry in
            CheckFinding(severity: .error, check: "search-index", message: entry.uid.map {
                "event \($0): its search index entry is not what its title, summary, quotes and entity names give, so --search may miss or wrongly find it; `timeline check --repair-lists` rewrites it"
            } ?? "the search index has an entry (rowid \(entry.id)) of no event; `timeline check --repair-lists` removes it")
        }
        findings += try staleSpans().map { entry in
            CheckFinding(severity: .error, check: "span-index", message: entry.uid.map {
                "event \($0): its entry in the span index is not its dates' span, so --from and --to may miss it; `timeline check --repair-lists` rewrites it"
            } ?? "the span index has an entry (id \(entry.id)) of no event, which stops a date range that reaches it; `timeline check --repair-lists` removes it")
        }
        let warnings: [(check: String, sql: String)] = [
            ("citations", "SELECT 'event ' || uid || ' is cited by no source' FROM events WHERE id NOT IN (SELECT event_id FROM citations) ORDER BY uid"),
            ("figures", "SELECT 'event ' || e.uid || ': the figure ' || m.quantity || ' has no source' FROM measures m JOIN events e ON e.id = m.event_id WHERE m.source_id IS NULL ORDER BY e.uid, m.id"),
            ("figures", "SELECT 'event ' || e.uid || ': the figure ' || m.quantity || ' has no unit' FROM measures m JOIN events e ON e.id = m.event_id WHERE trim(m.unit) = '' ORDER BY e.uid, m.id"),
            // Exports mark a quote with its language (`lang="fr"`, `(fr)`): unknown, they cannot.
            ("citations", """
                SELECT 'event ' || e.uid || ': the quote from ' || s.key || ' has no language (`timeline edit ' || e.uid || ' --source ' || s.key
                       || ' --quote ''the same quote'' --quote-lang fr` gives it one)'
                FROM citations c JOIN events e ON e.id = c.event_id JOIN sources s ON s.id = c.source_id
                WHERE c.quote IS NOT NULL AND coalesce(c.quote_language, s.language) IN ('und', '') ORDER BY e.uid, c.id
                """),
        ]
        for warning in warnings {
            findings += try database.prepare(warning.sql).map { CheckFinding(severity: .warning, check: warning.check, message: $0.text(at: 0)) }
        }
        findings += try sharedEntityNames().map { CheckFinding(severity: .warning, check: "entities", message: $0) }
        findings += try languagesOutOfForm().map { CheckFinding(severity: .warning, check: "languages", message: $0) }
        findings += try tagSpellingsAlike().map { CheckFinding(severity: .warning, check: "tags", message: $0) }
        findings += try unitSpellingsAlike().map { CheckFinding(severity: .warning, check: "figures", message: $0) }
        return findings
    }

    /// Units of one quantity written as one word in several cases (`EUR`, `eur`), as a timeline
    /// made before units took the timeline's spelling may hold: `stats --sum` adds them apart.
    func unitSpellingsAlike() throws -> [String] {
        var groups: [String: [(unit: String, uses: Int)]] = [:]
        var order: [String] = []
        try database.prepare("SELECT quantity, unit, count(*) FROM measures GROUP BY quantity, unit ORDER BY quantity, min(id)").forEachRow { row in
            let quantity = row.text(at: 0), unit = row.text(at: 1)
            let key = EventSaver.unitKey(quantity: quantity, unit: unit)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append((unit, Int(row.int64(at: 2))))
        }
        return order.compactMap { key -> String? in
            guard let group = groups[key], let first = group.first else { return nil }
            let alike = group.filter { EventSaver.isRecased($0.unit, first.unit) }
            guard alike.count > 1 else { return nil }
            let quantity = String(key[..<key.firstIndex(of: "\u{0}")!])
            let named = alike.map { "'\($0.unit)' (\($0.uses) figure\($0.uses == 1 ? "" : "s"))" }
            return "the \(quantity) figures write one unit as \(named.dropLast().joined(separator: ", ")) and \(named.last!), which "
                + "`stats --sum` adds apart; `timeline export --format ndjson | timeline import -` saves them all as '\(first.unit)'"
        }
    }

    /// Languages of sources, quotes and aliases that are not BCP 47 tags in their usual case:
    /// imports and edits now write them so (`FR` as `fr`) or refuse them, but a timeline may hold
    /// some from before, and `FR` and `fr` would then count as two languages.
    private func languagesOutOfForm() throws -> [String] {
        var uses: [(language: String, counts: [String])] = []
        try database.prepare(
            """
            SELECT language, count(*), 'source' FROM sources GROUP BY language
            UNION ALL SELECT quote_language, count(*), 'quote' FROM citations WHERE quote_language IS NOT NULL GROUP BY quote_language
            UNION ALL SELECT language, count(*), 'alias' FROM entity_aliases WHERE language IS NOT NULL GROUP BY language
            """
        ).forEachRow { row in
            let language = row.text(at: 0)
            guard LanguageTag.canonical(language) != language else { return }
            let count = row.int(at: 1)
            let what = row.text(at: 2)
            let counted = "\(count) \(what)\(count == 1 ? "" : (what == "alias" ? "es" : "s"))"
            if let index = uses.firstIndex(where: { $0.language == language }) {
                uses[index].counts.append(counted)
            } else {
                uses.append((language, [counted]))
            }
        }
        return uses.map { use in
            let holders = use.counts.joined(separator: ", ")
            if let canonical = LanguageTag.canonical(use.language) {
                return "the language '\(use.language)' (\(holders)) is written '\(canonical)' as a BCP 47 tag; `timeline export --format seed --output FILE`, then `timeline import FILE`, rewrites it"
            }
            return "the language \(LanguageTag.problem(with: use.language)) (\(holders))"
        }.sorted()
    }

    /// Names and aliases that more than one entity answers to (ignoring case in every script, and
    /// spacing), which make a reference to them ambiguous: edits refuse them now, but a timeline
    /// may hold some from before.
    private func sharedEntityNames() throws -> [String] {
        var slugsByName: [String: (text: String, slugs: [String])] = [:]
        try database.prepare(
            "SELECT slug, name FROM entities UNION ALL SELECT e.slug, a.alias FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id"
        ).forEachRow { row in
            let slug = row.text(at: 0)
            let text = row.text(at: 1)
            let key = EntityNameFolding.folded(EventSaver.singleSpaced(text))
            var entry = slugsByName[key] ?? (text, [])
            if !entry.slugs.contains(slug) { entry.slugs.append(slug) }
            slugsByName[key] = entry
        }
        let shared = slugsByName.values.filter { $0.slugs.count > 1 }
            .map { "'\($0.text)' names \($0.slugs.sorted().joined(separator: " and ")); `timeline entities merge` joins entities that are one, `entities edit` renames or removes an alias" }
        // Names of different entities that read alike but for accents, case or punctuation
        // (`Nébula`, `Nebula`; `Wal-Mart`, `Walmart`): a reading key shared, as `add --entity
        // Nebula` makes a second entity.
        var spellingsBySlug: [String: [(slug: String, text: String)]] = [:]
        for entry in slugsByName.values {
            for key in TimelineStore.readingKeys(of: entry.text) {
                for owner in entry.slugs where !(spellingsBySlug[key] ?? []).contains(where: { $0.slug == owner }) {
                    spellingsBySlug[key, default: []].append((owner, entry.text))
                }
            }
        }
        let alike = spellingsBySlug.values.filter { Set($0.map(\.slug)).count > 1 && Set($0.map(\.text)).count > 1 }
            .map { spellings in
                let named = spellings.sorted { $0.slug < $1.slug }.map { "'\($0.text)' (\($0.slug))" }.joined(separator: " and ")
                return "\(named) read alike but for accents, case or punctuation; `timeline entities merge` joins entities that are one"
            }
        // A pair sharing both its keys (`A.B. Foods`, `A.B Foods`) is named once.
        return Array(Set(shared + alike)).sorted()
    }

    /// Refuses `requested` (at `destination`, its links followed) as the path of a file a command
    /// writes when it is this database, or a file SQLite keeps beside it (its journal, log or
    /// shared memory: the next opening would remove or replay them).
    func refuseOwnFile(_ requested: String, resolved destination: String, being done: String, for what: String) throws {
        if DatabaseLocation.isSameFile(destination, path) {
            throw TimelineError(.usage, "\(requested) is the database being \(done); give another path for \(what).")
        }
        if let database = DatabaseLocation.databaseBeside(sideFile: destination), DatabaseLocation.isSameFile(database, path) {
            throw TimelineError(.usage, "\(requested) is a file SQLite keeps beside the database being \(done); give another path for \(what).")
        }
    }

    /// Refuses `requested` as the file an export writes: this database or a file SQLite keeps
    /// beside it (exit 64), or any other SQLite database, which an export's text would replace (73).
    public func checkExportDestination(_ requested: String) throws {
        guard requested != "-" else { return }
        let destination = DatabaseLocation.followingLinks(requested)
        try refuseOwnFile(requested, resolved: destination, being: "exported", for: "the export")
        if DatabaseLocation.isSQLiteDatabase(destination) {
            throw TimelineError(.cannotCreate, "\(requested) is an SQLite database, which the export would replace; give another path, or remove it first.")
        }
        // Another database's journal or log may hold its only copy of committed changes.
        if let database = DatabaseLocation.databaseBeside(sideFile: destination), DatabaseLocation.isSQLiteDatabase(database) {
            throw TimelineError(.cannotCreate, "\(requested) is a file SQLite keeps beside the database \(database), which the export would replace; give another path.")
        }
    }

    /// Copies the database to `destination` with the online backup API, consistent even while
    /// others write; written to a temporary file beside it and renamed into place when complete.
    /// - Parameter replacingAnyFile: whether a file at `destination` that is not a timeline
    ///   database (an earlier backup) may be replaced; without it such a file is refused, as a
    ///   mistyped path must not cost a document.
    public func backup(to requested: String, replacingAnyFile: Bool = false) throws {
        // The original is read first, so that a damaged one is named, not the copy.
        do {
            _ = try database.scalar("SELECT count(*) FROM sqlite_schema")
        } catch {
            throw Self.translate(error, path: path)
        }
        // A link to a backup stays a link: the copy replaces the file it points to.
        let destination = DatabaseLocation.followingLinks(requested)
        if DatabaseLocation.isSymbolicLink(destination) {
            throw TimelineError(.cannotCreate, "\(requested) is a symbolic link that leads back to itself; give another path for the copy.")
        }
        try refuseOwnFile(requested, resolved: destination, being: "backed up", for: "the copy")
        let notATimeline = try DatabaseLocation.nonTimelineFile(at: destination, busyTimeout: busyTimeout)
        if !replacingAnyFile, let what = notATimeline {
            throw TimelineError(.cannotCreate, "\(requested) exists and is \(what), not a timeline database; give another path, or --force to replace it.")
        }
        if DatabaseLocation.isDirectory(destination) {
            throw TimelineError(.cannotCreate, "\(destination) is a folder; give the path of the backup file.")
        }
        if let missing = DatabaseLocation.missingParentFolders(of: destination).first {
            throw TimelineError(.cannotCreate, "cannot create the backup \(destination): the folder \(missing) does not exist.")
        }
        // A timeline there (an earlier backup, or the timeline a backup restores) is written in
        // place under SQLite's locks: a process using it waits, then sees the copy. Renamed over,
        // it would go on writing into the file unlinked, and lose all it wrote.
        // One this process may not write (a read-only earlier backup in a folder it may write)
        // is replaced by a rename, as a file of another kind is.
        let writesInPlace = notATimeline == nil && DatabaseLocation.isSQLiteDatabase(destination) && DatabaseLocation.canWrite(destination)
        // Named for this run alone: two backups to one PATH at once each copy their own.
        // Interrupted, the half copy and its journal go. (The copy takes the original's journal
        // mode with its pages: WAL's files too.)
        guard let (temporary, slots) = TemporaryFiles.makeUniqueDatabaseFile(prefix: Self.temporaryPrefix(beside: destination)) else {
            throw TimelineError(.cannotCreate, "cannot create the backup \(destination): \(String(cString: strerror(errno))).")
        }
        defer { slots.forEach(TemporaryFiles.forget) }
        do {
            let copy = try Database(path: temporary, mode: .readWriteCreate)
            try database.backup(to: copy, stoppingWhen: shouldStop)
            try stopIfRequested()
            // The copy's check reads every page: a stop asked meanwhile breaks it off.
            if let shouldStop { copy.setProgressHandler(every: 10_000, shouldStop) }
            guard try copy.integrityCheck() == ["ok"] else {
                // Pages are copied as they are: damage in the original is the copy's too.
                if let damage = try integrityFindings().first {
                    throw TimelineError(.badData, "the database \(path) is damaged (\(damage.message)); `timeline check` lists what is wrong.")
                }
                throw TimelineError(.ioError, "the backup written to \(destination) did not pass its integrity check.")
            }
            // Checked at length: stopped meanwhile, the earlier backup stays.
            try stopIfRequested()
        } catch {
            DatabaseLocation.removeFile(temporary)
            guard let error = error as? SQLiteError else { throw error }
            if error.code == 14 {  // SQLITE_CANTOPEN
                throw TimelineError(.cannotCreate, "cannot create the backup \(destination): \(error.message).")
            }
            // Damage met while copying is the original's: the copy is new, and checked apart.
            throw Self.translate(error, path: error.code == 11 || error.code == 26 ? path : destination)  // SQLITE_CORRUPT, SQLITE_NOTADB
        }
        if writesInPlace {
            defer { DatabaseLocation.removeFile(temporary) }
            try copy(temporary, into: destination)
            return
        }
        // No more readable than what it copies (SQLite makes files 0644).
        DatabaseLocation.givePermissions(to: temporary, replacing: destination, elseOf: path)
        // An earlier backup's log or journal would be replayed into the new copy.
        DatabaseLocation.removeJournalFiles(of: destination)
        try DatabaseLocation.moveFile(temporary, to: destination)
    }

    /// Copies the checked copy at `temporary` into the database at `destination`, in one write
    /// transaction there: stopped or failed, `destination` stays as it was.
    /// `destination` and `.tmp-backup-`, the name cut short when it is long: the temporary
    /// file's name and its `-journal`'s must fit in a folder's 255 bytes a name, as the
    /// destination's own does.
    static func temporaryPrefix(beside destination: String) -> String {
        let suffix = ".tmp-backup-"
        let folderEnd = destination.lastIndex(of: "/").map { destination.index(after: $0) } ?? destination.startIndex
        let folder = destination[..<folderEnd], name = destination[folderEnd...]
        let room = 255 - suffix.utf8.count - "XXXXXX".utf8.count - "-journal".utf8.count
        guard name.utf8.count > room else { return destination + suffix }
        var kept = Substring.UnicodeScalarView()
        var bytes = 0
        for scalar in name.unicodeScalars {
            bytes += scalar.utf8.count
            guard bytes <= room else { break }
            kept.append(scalar)
        }
        return folder + String(kept) + suffix
    }

    private static func describe(_ value: SQLValue?) -> String {
        if case .integer(let number)? = value { return String(number) }
        return "?"
    }

    private func copy(_ temporary: String, into destination: String) throws {
        do {
            let copy = try Database(path: temporary, mode: .readOnly)
            let target = try Database(path: destination, mode: .readWrite, busyTimeout: busyTimeout)
            if let shouldStop { target.setBusyHandler(timeout: busyTimeout, stoppingWhen: shouldStop) }
            // SQLite copies into a WAL database only pages of its own size: one of another size
            // leaves WAL for the copy, and takes the copy's mode with its pages. Leaving WAL needs
            // every other connection closed, which SQLite does not wait for: it is waited for
            // here, as a lock is; a copy that fails puts WAL back, so the timeline stays as it was.
            let pageSizes = (copy: try copy.scalar("PRAGMA page_size"), target: try target.scalar("PRAGMA page_size"))
            var leftWAL = false
            if pageSizes.copy != pageSizes.target, try target.scalar("PRAGMA journal_mode") == .text("wal") {
                let deadline = ContinuousClock.now + .milliseconds(Int(busyTimeout))
                func leaveWAL() throws -> Bool {
                    do {
                        return try target.scalar("PRAGMA journal_mode = DELETE") != .text("wal")
                    } catch let error as SQLiteError where error.isBusy {
                        return false
                    }
                }
                while try !leaveWAL() {
                    guard ContinuousClock.now < deadline, !(shouldStop?() ?? false) else {
                        throw TimelineError(.busy, "\(destination) is open in another process, and a backup of another page size (\(Self.describe(pageSizes.copy)) bytes, "
                            + "\(Self.describe(pageSizes.target)) there) is written into it only once no other process has it open: close the others "
                            + "(a sqlite3 shell, another timeline command) and try again (--busy-timeout-ms sets how long to wait).")
                    }
                    usleep(20_000)
                }
                leftWAL = true
            }
            do {
                try copy.backup(to: target, waitingForLocks: false, stoppingWhen: shouldStop)
            } catch {
                if leftWAL { _ = try? target.scalar("PRAGMA journal_mode = WAL") }
                throw error
            }
        } catch let error as SQLiteError {
            if error.isBusy { throw DatabaseLocation.busyError(destination) }
            throw Self.translate(error, path: destination)
        }
    }

    /// Events whose dates are not what their EDTF says: an EDTF that cannot be read, or worked-out
    /// columns (span, precision, flags) that do not follow from it, are errors (ranges and `list`
    /// would disagree); a stored label (for the timeline_events view) that is missing or not the
    /// date's is a warning. All are what another tool leaves when it changes a date.
    private func dateFindings() throws -> [CheckFinding] {
        let hasLabels = try hasDateLabels()
        let labels = hasLabels ? "when_label, announced_label" : "NULL, NULL"
        let rows = try database.prepare("SELECT uid, \(labels), \(StoredDate.eventColumns) FROM events ORDER BY uid")
        var findings: [CheckFinding] = []
        let repair = "`timeline check --repair-lists` rewrites"
        while try rows.step() {
            let uid = rows.text(at: 0)
            for (name, first, label) in [("when", Int32(3), rows.optionalText(at: 1)), ("announced", Int32(9), rows.optionalText(at: 2))] {
                let stored = StoredDate(rows, from: first)
                guard let edtf = stored.edtf else { continue }
                let date: TimelineDate
                do {
                    date = try TimelineDate(edtf: edtf)
                } catch {
                    findings.append(CheckFinding(severity: .error, check: "dates",
                        message: "event \(uid): its \(name) date '\(edtf)' cannot be read (\(error.reason)); give it one in EDTF with the sqlite3 shell (UPDATE events SET \(name)_edtf = '2019' WHERE uid = '\(uid)'), then run `timeline check --repair-lists`"))
                    continue
                }
                let expected = StoredDate(date)
                if stored != expected {
                    findings.append(CheckFinding(severity: .error, check: "dates",
                        message: "event \(uid): the span, precision and flags stored for its \(name) date (\(stored.summary)) are not those of its EDTF '\(edtf)' (\(expected.summary)); \(repair) them from the EDTF"))
                }
                guard hasLabels, label != date.display() else { continue }
                // A warning: the view alone shows labels, and a newer timeline may name a date
                // otherwise (`c. 1990 – c. 1993` is now `early 1990s`).
                let problem = label.map { "the label '\($0)' stored for its \(name) date is not that date's ('\(date.display())')" }
                    ?? "its \(name) date has no stored label, so the timeline_events view shows it as it can"
                findings.append(CheckFinding(severity: .warning, check: "date-labels", message: "event \(uid): \(problem); \(repair) it"))
            }
        }
        return findings
    }

    /// Events whose stored figures label (for the timeline_events view) is not their figures':
    /// a wrong or missing one is a warning. Only events with stored lists are read,
    /// as only theirs are shown.
    private func figuresLabelFindings() throws -> [CheckFinding] {
        var findings: [CheckFinding] = []
        try forEachFiguresLabel(.shown) { _, uid, stored, label in
            guard stored != label else { return }
            let problem = stored.map { "the figures label stored in its row ('\($0)') is not that of its figures ('\(label)'); `timeline check --repair-lists` rewrites it" }
                ?? "it has no stored figures label, so the timeline_events view shows its figures as it can; `timeline check --repair-lists` writes it"
            findings.append(CheckFinding(severity: .warning, check: "figures-labels", message: "event \(uid): \(problem)"))
        }
        return findings.sorted { $0.message < $1.message }
    }
}
