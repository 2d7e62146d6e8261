import MigrationRunner
import SQLiteStorage

/// What saving an event did.
public enum SaveOutcome: String, Sendable {
    case inserted, updated, unchanged
}

/// How to make a uid for an event that comes without one.
public enum UIDPolicy: Sendable {
    /// A readable stem from the main entity, kind and date (`amazon-care-layoff-2022-12-01`), with
    /// `-2`, `-3`, … when another event holds it: for events typed in one by one.
    case readable
    /// The stem plus a short hash of the event's content: stable across re-imports of the same row,
    /// and different for rows that differ in anything.
    case contentHash
}

/// Saves events by uid (insert, update keeping history, or nothing when unchanged), resolving
/// entities and sources to existing rows and creating the ones that do not exist.
///
/// One saver serves one transaction, so it can remember what it resolved: kinds, entities and
/// sources are looked up once, not once per record.
final class EventSaver {
    let database: Database
    private(set) var writer: TimelineWriter
    let reader: EventReader
    var knownKinds: Set<String>?
    private var entityCache: [String: (slug: String, name: String)] = [:]
    /// What a slug given with a name resolved to, by slug then name (see `resolve(entityNamed:)`).
    private var entityBySlugAndName: [String: [String: (slug: String, name: String)]] = [:]
    /// Non-ASCII entity names and aliases, read when first needed and kept up to date.
    private var foldedNameIndex: EntityNameFolding.Index?
    private var sourceCache: [String: Source] = [:]
    /// What the record being saved named, as the timeline holds it: a URL given to the URL of
    /// the source it found or made, an entity's name given to the entity's slug (see `generateUID`).
    private var heldURLs: [String: String] = [:]
    private var heldEntitySlugs: [String: String] = [:]
    /// For `unique`: by table and stem, the first number after the ones found taken.
    private var nextFreeSuffix: [String: Int] = [:]
    /// Whether `normalised` records them: only for a record whose uid is to be its hash.
    private var recordsHeldSpellings = false
    /// Tags as spelled in the timeline, by their comparison key; read when first needed.
    var tagSpellings: [String: String]?
    /// Each tag as given, with the spelling it is saved under.
    var savedTagSpellings: [String: (spelling: String, key: String)] = [:]
    /// A figure's quantity, then its unit as given, to the unit's spelling saved (`savedUnit`).
    var unitSpellings: [String: [String: String]] = [:]
    /// The same by quantity and unit in lower case, for the spellings first met.
    var foldedUnitSpellings: [String: String] = [:]
    /// Source keys a figure named and found, so the next figure naming them skips the query.
    private var figureSourceKeys: Set<String> = []
    /// The uid the record being saved gives, while it is saved: the citations of the event it
    /// updates are the update's to change (see `describing`).
    private var uidBeingSaved: String?
    /// Sources the timeline held that citations described otherwise (another publisher,
    /// publication date or title), which were kept as they are: their keys in the order met,
    /// and how many citations did so.
    private(set) var sourcesDescribedOtherwise: [String] = []
    /// The keys of sources held undated that a citation gave a publication date, in order.
    private(set) var datedSources: [String] = []
    /// New sources whose key was given as no key is written (`Interview Müller`), saved as a
    /// slug of it (`interview-muller`): the given key and the saved one, in order.
    private(set) var sourceKeysWrittenAsSlugs: [(given: String, saved: String)] = []
    /// The keys of sources held without a title or language that a citation gave one: their
    /// citing events' stored lists are written again after a bulk load, as for dated ones.
    private(set) var describedSources: [String] = []
    private(set) var citationsDescribingSourcesOtherwise = 0
    /// Entities the timeline holds that records named by their slug with a name of no entity's
    /// (`amazon` as `Amazonas Mining SA`): the slug decided, and the name was not taken. Slugs in
    /// the order met (at most 100), with the first such name, and how many records did so.
    private(set) var entitiesNamedOtherwise: [EntityNamedOtherwise] = []
    private(set) var recordsNamingEntitiesOtherwise = 0
    /// Whether a new source's URL loses its tracking parameters (`add` and `edit`, whose URLs are
    /// pasted from a browser).
    var cleansPastedURLs = false
    /// Ids of events this saver updated, in order (inserted ones are the ids above `lastIDBefore`).
    private(set) var updatedEventIDs: [Int64] = []
    /// The same ids, to tell an event this saver wrote from one written earlier (at the same
    /// recorded time too, when a script pins `$TIMELINE_NOW`).
    private var updatedEventIDSet: Set<Int64> = []
    /// Events a record of this batch (an import) found unchanged, one bit an id: a later record
    /// naming the uid with different content is the file's contradiction, as one after an update
    /// is. Bits, not a set: a million events re-imported unchanged take 125 KB. Ids another tool
    /// set far out of that range (negative, or in the billions) go in a set.
    private var unchangedInBatch: [UInt64] = []
    private var unchangedInBatchOutOfRange: Set<Int64> = []
    private static let unchangedBitsLimit: Int64 = 1 << 28
    /// The largest event id when this saver began: events above it are the ones it inserted.
    private let lastIDBefore: Int64
    /// The parts of events this saver updated that their records left out, and that were kept.
    private(set) var keptInUpdates: EventFields = []
    /// Records that gave an event exactly as an earlier record of the same batch did (a row
    /// written twice): how many, and the first uids.
    private(set) var repeatedInBatch = 0
    private(set) var repeatedInBatchExamples: [String] = []
    /// Figures saved in the unit `fraction` above 1 (`15` for 15%, which is 1,500%): how many,
    /// and the first (`uid: quantity value`).
    private(set) var fractionsAboveOne = 0
    private(set) var fractionsAboveOneExamples: [String] = []
    /// Items of updated events that their records' item columns could not give, and were kept
    /// (see `Event.keepItems`): how many of each, in how many events, and the first uids.
    private(set) var itemsKeptInUpdates = Event.KeptItems()
    private(set) var eventsKeepingItems = 0
    private(set) var eventsKeepingItemsExamples: [String] = []
    /// Figures a source gave that a record's figure columns replaced with figures citing none
    /// (a corrected number in a sheet without a source column): how many, and the first
    /// (`uid: quantity value from key`).
    private(set) var sourcedFiguresReplaced = 0
    private(set) var sourcedFiguresReplacedExamples: [String] = []
    /// Events changed in the timeline since the record that made them, which a record without a
    /// uid named again as it was (see `save`): how many, and the first uids.
    private(set) var changedSinceTheirRecord = 0
    private(set) var changedSinceTheirRecordExamples: [String] = []
    /// Their ids, so that several records naming one event count it once.
    private var changedSinceTheirRecordIDs: Set<Int64> = []
    /// Records naming, as it was, an event removed from the timeline since they made it: how
    /// many, and the first uids.
    private(set) var removedSinceTheirRecord = 0
    private(set) var removedSinceTheirRecordExamples: [String] = []
    private var removedSinceTheirRecordUIDs: Set<String> = []
    /// Events removed from the timeline that a file's record with their uid gave anew (see
    /// `save`): their uids, and the first three.
    private var broughtBackUIDs: Set<String> = []
    private(set) var broughtBackExamples: [String] = []
    var broughtBack: Int { broughtBackUIDs.count }
    /// Events added from records without a uid whose main entity, kind, date and title an event
    /// added earlier by this saver has, with other content (one row a source, in a spreadsheet): how
    /// many, and the first pairs (added, earlier).
    private(set) var sameStemInBatch = 0
    private(set) var sameStemInBatchExamples: [(added: String, earlier: String)] = []
    /// The id of the first event added from a record without a uid, by a hash of its stem and
    /// title (see `noteSameStemInBatch`).
    private var addedStemsAndTitles: [Int: Int64] = [:]
    /// Whether history holds any version, read once (nil until asked): a timeline without any
    /// has no removed events to look for.
    private var historyHasVersions: Bool?
    /// History's versions by content, read when a record without a uid first looks for the
    /// event it was (see `uidOfEarlierVersion`).
    private var earlierVersions: EarlierVersionIndex?
    /// The events held before this saver began, by span, kind, title and date (see `uidOfSameEvent`).
    private var heldEvents = HeldEventsBySpan()
    /// The uids of the events this saver inserted, when it was asked to remember them on a
    /// timeline without events (`remembersNewUIDs`): a uid it never saw is in no row.
    private var newUIDs: NewUIDFilter?
    /// Caches stay bounded, so memory stays flat however many distinct names a file holds.
    static let cacheLimit = 50_000

    init(database: Database, recordedAt: String?) throws {
        self.database = database
        self.writer = try TimelineWriter(database: database, recordedAt: recordedAt)
        self.reader = EventReader(database: database)
        if case .integer(let id)? = try database.scalar("SELECT coalesce(max(id), 0) FROM events") {
            lastIDBefore = id
        } else {
            lastIDBefore = 0
        }
    }

    /// - Parameters:
    ///   - rejectingSecondVersionInBatch: refuse to change an event this same writer wrote
    ///     (one import naming a uid twice with different content).
    ///   - renderedLists: `input`'s lists, rendered ahead; used when saving leaves them as they are.
    ///   - replacingExisting: false to refuse, rather than replace, a different event with the same uid.
    ///   - given: the parts `input` gives; an event it updates keeps the others.
    func save(_ input: Event, uidPolicy: UIDPolicy, rejectingSecondVersionInBatch: Bool = false,
              renderedLists: TimelineWriter.RenderedLists? = nil,
              replacingExisting: Bool = true, given: EventFields = .all,
              itemColumns: ItemColumns? = nil) throws -> (uid: String, outcome: SaveOutcome) {
        let uidIsTheRecordsHash = input.uid.isEmpty && uidPolicy == .contentHash
        recordsHeldSpellings = uidIsTheRecordsHash
        defer { recordsHeldSpellings = false }
        // The event a record with a uid updates: a source the record describes (a language it
        // lacked) takes the quotes of other events into that language in place, and this
        // event's by the update, which history then keeps the version before of.
        // (Its uid, looked up only then: most records describe no source.)
        uidBeingSaved = input.uid.isEmpty ? nil : input.uid
        defer { uidBeingSaved = nil }
        var event = try normalised(input)
        // What the record gives: a record whose uid is its hash names the version it gives, which
        // an event it finds is or was, and keeps nothing item by item.
        let parts = RecordParts(kept: EventFields.all.subtracting(given), itemColumns: uidIsTheRecordsHash ? nil : itemColumns,
                                figuresCountFirstEntity: given.contains(.figuresCountFirstEntity))
        if event.uid.isEmpty {
            event.uid = try generateUID(for: event, asGiven: input, policy: uidPolicy, parts: parts)
        }
        guard Self.isPrintableASCII(event.uid) || event.uid.unicodeScalars.allSatisfy({ !$0.properties.isWhitespace && $0.value >= 0x20 }) else {
            throw TimelineError(.usage, "the uid '\(event.uid)' has spaces or control characters; use letters, digits and '-'.", field: "uid")
        }
        // A record's hash is 32 bits: another event of its stem may hold it. Such a record is
        // saved under the hash numbered (`…-1a2b3c4d-2`), where the same file finds it again.
        let hashedUID = event.uid
        var collisions = 0
        while let id = try existingEventID(uid: event.uid) {
            let existing = try reader.event(id: id)
            let kept = parts.kept
            let (merged, keptItems) = try applied(event, over: existing, parts)
            let mergedJSON = EventJSON.object(merged)
            if EventJSON.object(existing) == mergedJSON {
                if rejectingSecondVersionInBatch {
                    // An earlier record of this file gave it as it is: a row written twice. A
                    // record whose uid is its hash is all it gives, as is one with a uid that
                    // gives every part; one giving some (a source a row) may repeat none.
                    let givesAll = uidIsTheRecordsHash || parts.isWhole
                    if givesAll && (id > lastIDBefore || updatedEventIDSet.contains(id) || wasUnchangedInBatch(id)) {
                        repeatedInBatch += 1
                        if repeatedInBatchExamples.count < 3 && !repeatedInBatchExamples.contains(event.uid) { repeatedInBatchExamples.append(event.uid) }
                    }
                    markUnchangedInBatch(id)
                }
                return (event.uid, .unchanged)
            }
            if uidIsTheRecordsHash {
                // The event this record made, as history holds it, changed in the timeline since
                // (an edit, a merge): the record, the same as then, brings nothing the change
                // should give way to.
                if try holdsVersion(givenBy: event, parts, uid: event.uid) {
                    if rejectingSecondVersionInBatch { markUnchangedInBatch(id) }
                    if changedSinceTheirRecordIDs.insert(id).inserted {
                        changedSinceTheirRecord += 1
                        if changedSinceTheirRecordExamples.count < 3 { changedSinceTheirRecordExamples.append(event.uid) }
                    }
                    return (event.uid, .unchanged)
                }
                // Never this record's: another event with the same hash.
                collisions += 1
                guard collisions < 100 else {
                    throw TimelineError(.internalError, "the uids \(hashedUID) to \(hashedUID)-100 are all taken by other events; give the record a uid.", field: "uid")
                }
                event.uid = "\(hashedUID)-\(collisions + 1)"
                continue
            }
            // A file's record with the uid that gives a version history holds of its event
            // (a row unchanged since an earlier import), which changed in the timeline since (an
            // edit): the change stands, as for a record without a uid; a record giving anything
            // no version had updates the event.
            if rejectingSecondVersionInBatch, replacingExisting,
               !(id > lastIDBefore || updatedEventIDSet.contains(id) || wasUnchangedInBatch(id)),
               try historyHoldsEvents(), try holdsVersion(givenBy: event, parts, uid: event.uid) {
                markUnchangedInBatch(id)
                if changedSinceTheirRecordIDs.insert(id).inserted {
                    changedSinceTheirRecord += 1
                    if changedSinceTheirRecordExamples.count < 3 { changedSinceTheirRecordExamples.append(event.uid) }
                }
                return (event.uid, .unchanged)
            }
            event = merged
            guard replacingExisting else {
                throw TimelineError(.usage, "the uid '\(event.uid)' is taken by the event '\(existing.title)'; change that one with `timeline edit \(event.uid)`, or give another --uid.", field: "uid")
            }
            if rejectingSecondVersionInBatch && (id > lastIDBefore || updatedEventIDSet.contains(id) || wasUnchangedInBatch(id)) {
                throw TimelineError(.badData, "the uid '\(event.uid)' appears earlier in this file with different content.", field: "uid")
            }
            if rejectingSecondVersionInBatch { noteFractionsAboveOne(event) }
            try writer.replace(existing, eventID: id, with: event)
            heldEvents.update(id, in: Self.span(of: event), kind: event.kind, title: event.title, edtf: event.when.edtf, upTo: lastIDBefore)
            updatedEventIDs.append(id)
            updatedEventIDSet.insert(id)
            keptInUpdates.formUnion(kept.filled(in: existing))
            if !keptItems.isEmpty {
                itemsKeptInUpdates.entities += keptItems.entities
                itemsKeptInUpdates.figures += keptItems.figures
                itemsKeptInUpdates.citations += keptItems.citations
                itemsKeptInUpdates.tags += keptItems.tags
                eventsKeepingItems += 1
                if eventsKeepingItemsExamples.count < 3 { eventsKeepingItemsExamples.append(event.uid) }
            }
            if let quantities = parts.itemColumns?.quantities {
                noteSourcedFiguresReplaced(of: existing, by: event, quantities: quantities)
            }
            return (event.uid, .updated)
        }
        // A file's record of an event removed from the timeline since: one that gives it as it
        // was (the same file imported again, each night) leaves the removal standing, as an edit
        // stands; one that gives anything no version of it had brings it back, noted.
        if !uidIsTheRecordsHash, rejectingSecondVersionInBatch, try historyHoldsEvents(),
           let snapshot = try lastVersionInHistory(uid: event.uid),
           let removed = try? EventJSONDecoder.event(from: JSONParser.parse(snapshot)) {
            if try holdsVersion(givenBy: event, parts, uid: event.uid) {
                if removedSinceTheirRecordUIDs.insert(event.uid).inserted {
                    removedSinceTheirRecord += 1
                    if removedSinceTheirRecordExamples.count < 3 { removedSinceTheirRecordExamples.append(event.uid) }
                }
                return (event.uid, .unchanged)
            }
            // An earlier record of this file left it removed: this one gives it otherwise.
            if removedSinceTheirRecordUIDs.contains(event.uid) {
                throw TimelineError(.badData, "the uid '\(event.uid)' appears earlier in this file with different content.", field: "uid")
            }
            event = try applied(event, over: removed, parts).event
            if broughtBackUIDs.insert(event.uid).inserted, broughtBackExamples.count < 3 { broughtBackExamples.append(event.uid) }
        }
        try citeFigureSources(of: &event, citedBy: nil)
        // Removed from the timeline after this record made it: the removal stands, as an edit does.
        if uidIsTheRecordsHash, try historyHoldsEvents(), try holdsVersion(givenBy: event, parts, uid: event.uid) {
            // Once an event, however many records name it (two entities' records, one since a merge).
            if removedSinceTheirRecordUIDs.insert(event.uid).inserted {
                removedSinceTheirRecord += 1
                if removedSinceTheirRecordExamples.count < 3 { removedSinceTheirRecordExamples.append(event.uid) }
            }
            return (event.uid, .unchanged)
        }
        // Lists rendered from the input are the saved event's when resolving entities and
        // sources, sorting tags and dropping duplicates changed none of them.
        let listsAsRead = renderedLists.flatMap {
            event.entities == input.entities && event.tags == input.tags && event.measures == input.measures
                && event.citations == input.citations ? $0 : nil
        }
        let firstOfStemAndTitle = uidIsTheRecordsHash ? try noteSameStemInBatch(event) : nil
        if rejectingSecondVersionInBatch { noteFractionsAboveOne(event) }
        let id = try writer.insert(event, renderedLists: listsAsRead)
        newUIDs?.insert(event.uid)
        if let firstOfStemAndTitle { addedStemsAndTitles[firstOfStemAndTitle] = id }
        return (event.uid, .inserted)
    }

    /// Counts an event about to be added from a record without a uid whose stem and title an
    /// event this saver added has. Two titles are two events (two layoffs at one company on one
    /// day); one title twice is one event written twice. Returns the key under which `save`
    /// keeps the event's id once added, when it is the first of its stem and title.
    ///
    /// The first event of each stem and title is kept by a hash (16 bytes an event) and
    /// confirmed by its row: reading the stem's added events for each repeat cost a file of one
    /// group's deals, each title on two rows, time growing with the square of its rows.
    private func noteSameStemInBatch(_ event: Event) throws -> Int? {
        let stem = Self.readableStem(of: event)
        var hasher = Hasher()
        hasher.combine(stem)
        hasher.combine(event.title)
        let key = hasher.finalize()
        guard let id = addedStemsAndTitles[key] else { return key }
        guard let earlier = try database.statement("SELECT uid FROM events WHERE id = ?1 AND title = ?2")
            .first([.integer(id), .text(event.title)], { $0.text(at: 0) }),
              earlier.hasPrefix(stem + "-") else {
            // Rolled back since (a record --skip-invalid set aside), or another stem and title
            // of the same hash: this event is the first.
            return key
        }
        sameStemInBatch += 1
        if sameStemInBatchExamples.count < 3 { sameStemInBatchExamples.append((event.uid, earlier)) }
        return nil
    }

    /// Counts the figures of `event` in the unit `fraction` above 1: a share of a workforce
    /// written as a percentage without its sign (`15`) reads as 1,500%. (A growth of 150% is
    /// 1.5, which is right: a note, not a refusal.)
    private func noteFractionsAboveOne(_ event: Event) {
        for measure in event.measures where measure.unit == "fraction" {
            guard let value = Double(measure.value), value > 1 else { continue }
            fractionsAboveOne += 1
            if fractionsAboveOneExamples.count < 3 { fractionsAboveOneExamples.append("\(event.uid): \(measure.quantity) \(measure.value)") }
        }
    }

    private func markUnchangedInBatch(_ id: Int64) {
        guard id >= 0, id < Self.unchangedBitsLimit else {
            unchangedInBatchOutOfRange.insert(id)
            return
        }
        let word = Int(id >> 6)
        if word >= unchangedInBatch.count { unchangedInBatch.append(contentsOf: repeatElement(0, count: word + 1 - unchangedInBatch.count)) }
        unchangedInBatch[word] |= 1 << UInt64(id & 63)
    }

    private func wasUnchangedInBatch(_ id: Int64) -> Bool {
        guard id >= 0, id < Self.unchangedBitsLimit else { return unchangedInBatchOutOfRange.contains(id) }
        let word = Int(id >> 6)
        return word < unchangedInBatch.count && unchangedInBatch[word] & (1 << UInt64(id & 63)) != 0
    }

    /// Whether a citation names its source only by key, as in a timeline document (whose sources
    /// are listed apart): an unknown key is then to be added to that list, not given a publisher.
    var citesSourcesByKeyOnly = false

    /// A document's source keys naming pages the timeline holds under other keys, to those keys.
    var sourceKeysOfSamePage: [String: String] = [:]

    /// How the saved events' stored lists are made (see `TimelineWriter.StoredListsSource`).
    var storedLists: TimelineWriter.StoredListsSource {
        get { writer.storedLists }
        set { writer.storedLists = newValue }
    }

    /// Drops what was resolved, after a savepoint rolled back rows it may have created.
    /// How far the saver's notes (dated sources, sources and entities named otherwise) had come:
    /// a record rejected after it began takes its part out of them again.
    struct NotesMark {
        fileprivate let datedSources: Int
        fileprivate let sourceKeysWrittenAsSlugs: Int
        fileprivate let describedSources: Int
        fileprivate let sourcesDescribedOtherwise: Int
        fileprivate let citationsDescribingSourcesOtherwise: Int
        fileprivate let entitiesNamedOtherwise: Int
        fileprivate let recordsNamingEntitiesOtherwise: Int
        fileprivate let sameStemInBatch: Int
        fileprivate let sameStemInBatchExamples: Int
    }

    var notesMark: NotesMark {
        NotesMark(datedSources: datedSources.count, sourceKeysWrittenAsSlugs: sourceKeysWrittenAsSlugs.count, describedSources: describedSources.count, sourcesDescribedOtherwise: sourcesDescribedOtherwise.count,
                  citationsDescribingSourcesOtherwise: citationsDescribingSourcesOtherwise,
                  entitiesNamedOtherwise: entitiesNamedOtherwise.count, recordsNamingEntitiesOtherwise: recordsNamingEntitiesOtherwise,
                  sameStemInBatch: sameStemInBatch, sameStemInBatchExamples: sameStemInBatchExamples.count)
    }

    /// Forgets what was resolved (a savepoint rolled back may have taken rows it named), and the
    /// notes made since `mark`, when given.
    func forgetResolved(keepingNotesAsOf mark: NotesMark? = nil) {
        if let mark {
            datedSources.removeSubrange(min(mark.datedSources, datedSources.count)...)
            sourceKeysWrittenAsSlugs.removeSubrange(min(mark.sourceKeysWrittenAsSlugs, sourceKeysWrittenAsSlugs.count)...)
            describedSources.removeSubrange(min(mark.describedSources, describedSources.count)...)
            sourcesDescribedOtherwise.removeSubrange(min(mark.sourcesDescribedOtherwise, sourcesDescribedOtherwise.count)...)
            citationsDescribingSourcesOtherwise = mark.citationsDescribingSourcesOtherwise
            entitiesNamedOtherwise.removeSubrange(min(mark.entitiesNamedOtherwise, entitiesNamedOtherwise.count)...)
            sameStemInBatch = mark.sameStemInBatch
            sameStemInBatchExamples.removeSubrange(min(mark.sameStemInBatchExamples, sameStemInBatchExamples.count)...)
            recordsNamingEntitiesOtherwise = mark.recordsNamingEntitiesOtherwise
        }
        entityCache.removeAll()
        entityBySlugAndName.removeAll()
        foldedNameIndex = nil
        tagSpellings = nil
        savedTagSpellings.removeAll()
        unitSpellings.removeAll()
        foldedUnitSpellings.removeAll()
        sourceCache.removeAll()
        figureSourceKeys.removeAll()
        heldEvents = HeldEventsBySpan()
        writer.forgetRowIDs()
    }

    func remove(uid: String) throws {
        guard let id = try eventID(uid: uid) else {
            if try lastVersionInHistory(uid: uid) != nil {
                throw TimelineError(.notFound, "the event '\(uid)' was removed already; `timeline restore \(uid)` brings it back.")
            }
            throw TimelineError(.notFound, "no event has the uid '\(uid)'; \(try UIDSuggestions.hint(for: uid, in: database))")
        }
        let event = try reader.event(id: id)
        try writer.remove(event, eventID: id)
        heldEvents.forget(Self.span(of: event))
    }

    /// Brings a removed event back as it was when removed; its history goes on from there.
    func restore(uid: String) throws {
        if try eventID(uid: uid) != nil {
            throw TimelineError(.usage, "the event '\(uid)' is in the timeline; only a removed event is restored (`timeline history \(uid)` shows its versions).")
        }
        guard let snapshot = try lastVersionInHistory(uid: uid) else {
            throw TimelineError(.notFound, "no event has ever had the uid '\(uid)'; \(try UIDSuggestions.hint(for: uid, in: database, place: .history))")
        }
        let event: Event
        do {
            event = try EventJSONDecoder.event(from: try JSONParser.parse(snapshot))
        } catch {
            throw TimelineError(.badData, "the last version of \(uid) in history cannot be read: \(error).")
        }
        _ = try save(event, uidPolicy: .readable, replacingExisting: false)
    }

    /// Remembers the uid of every event this saver inserts from now on, in a filter of `bits`
    /// bits (`NewUIDFilter`), when the timeline has no events: a load's records then look up
    /// only the uids the filter cannot rule out. Nothing when it has events (their uids are not
    /// in the filter).
    func remembersNewUIDs(bits: Int) throws {
        guard newUIDs == nil, try database.scalar("SELECT EXISTS (SELECT 1 FROM events)") == .integer(0) else { return }
        newUIDs = NewUIDFilter(bits: bits)
    }

    /// Whether `remembersNewUIDs` took: the lookups of uids are filtered.
    var filtersNewUIDs: Bool { newUIDs != nil }

    /// `eventID(uid:)`, but nil at once for a uid the filter of new uids never saw.
    private func existingEventID(uid: String) throws -> Int64? {
        if let newUIDs, !newUIDs.mightContain(uid) { return nil }
        return try eventID(uid: uid)
    }

    func eventID(uid: String) throws -> Int64? {
        try database.statement("SELECT id FROM events WHERE uid = ?1").first([.text(uid)]) { $0.int64(at: 0) }
    }

    /// The kind an event of `kind` is saved as: a known kind, or a spreadsheet's spelling of one
    /// (`Layoff`, `Headcount change`); else refused, naming the kind meant or the command that
    /// adds a new one.
    func savedKind(_ kind: String) throws -> String {
        if knownKinds == nil {
            knownKinds = Set(try database.prepare("SELECT name FROM event_kinds").map { $0.text(at: 0) })
        }
        if knownKinds?.contains(kind) == true { return kind }
        if case let folded = Self.slug(kind), knownKinds?.contains(folded) == true { return folded }
        let known = (knownKinds ?? []).sorted()
        // A typo is named with the kind meant; a new word with the command that adds it.
        let meant = NameSuggestions.closest(to: kind.lowercased(), among: known, limit: 1).first
        let adding = Self.isSlug(kind) && meant == nil ? "; `timeline kinds add \(kind) --description TEXT` adds it" : ""
        throw TimelineError(.usage, "unknown kind '\(kind)'\(meant.map { " (did you mean '\($0)'?)" } ?? ""); known kinds: \(known.joined(separator: ", "))\(adding).",
                            field: "kind")
    }

    /// The event as the database will hold it: kinds checked, entities and sources resolved to
    /// their rows (created when new), tags sorted, duplicates dropped.
    func normalised(_ input: Event) throws -> Event {
        var event = input
        if recordsHeldSpellings {
            heldURLs.removeAll(keepingCapacity: true)
            heldEntitySlugs.removeAll(keepingCapacity: true)
        }
        event.kind = try savedKind(event.kind)
        // Without surrounding spaces and line breaks, whichever format brought them: CSV's
        // reader trims its fields, and a JSON record holding "  t  " must save the same event.
        event.title = event.title.trimmingSpaces()
        event.summary = event.summary.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
        guard !event.title.isEmpty else { throw TimelineError(.usage, "the title is empty.", field: "title") }
        var seen = Set<String>()
        event.entities = try event.entities.compactMap { entity in
            let resolved = try resolve(entityNamed: entity.slug.isEmpty ? entity.name : entity.slug, displayName: entity.name,
                                       preferredSlug: entity.slug)
            if recordsHeldSpellings, entity.slug.isEmpty { heldEntitySlugs[entity.name] = resolved.slug }
            if !entity.slug.isEmpty, resolved.name != entity.name, case let given = Self.trimmed(entity.name), given != resolved.name,
               try existingEntity(given)?.slug != resolved.slug {
                recordsNamingEntitiesOtherwise += 1
                if entitiesNamedOtherwise.count < 100, !entitiesNamedOtherwise.contains(where: { $0.slug == resolved.slug }) {
                    entitiesNamedOtherwise.append(EntityNamedOtherwise(slug: resolved.slug, given: given, held: resolved.name))
                }
            }
            let roleSlug = Self.slug(entity.role)
            let role = roleSlug.isEmpty ? "subject" : roleSlug
            guard seen.insert(resolved.slug + " " + role).inserted else { return nil }
            return EventEntity(slug: resolved.slug, name: resolved.name, role: role)
        }
        event.tags = try savedTags(event.tags)
        // Errors name the field of the event they are about, by its place in the event's lists.
        event.citations = try event.citations.enumerated().map { index, citation in
            var citation = citation
            // An empty quote, translation or note (`"quote": ""`, an empty cell) is none, as an
            // empty summary is: never an empty quotation printed as `“”`.
            citation.quote = citation.quote.flatMap { $0.isBlank ? nil : $0 }
            citation.translation = citation.translation.flatMap { $0.isBlank ? nil : $0 }
            citation.note = citation.note.flatMap { $0.isBlank ? nil : $0 }
            do {
                // What describes a quote needs the quote (the citations table's CHECK would say
                // only that a constraint failed).
                if citation.quote == nil, citation.translation != nil {
                    throw TimelineError(.usage, "is the translation of a quote, and the citation has none.", field: "translation")
                }
                if citation.quote == nil, citation.quoteLanguage != nil {
                    throw TimelineError(.usage, "is the language of a quote, and the citation has none (a source's own language goes in its field language).", field: "quote_language")
                }
                citation.quoteLanguage = try citation.quoteLanguage.map {
                    try Self.languageTag($0, of: "the quote's language", field: "quote_language")
                }
                // A new source quoted in a language is taken to be written in it.
                if citation.source.language.isEmpty, let quoteLanguage = citation.quoteLanguage, citation.source.key.isEmpty {
                    citation.source.language = quoteLanguage
                }
                // A word the sources table's CHECK refuses, named as the document's is; in any case.
                if !citation.source.type.isEmpty {
                    guard let type = Source.savedType(citation.source.type) else {
                        throw TimelineError(.usage, Source.typeProblem(citation.source.type) + ".", field: "type")
                    }
                    if type != citation.source.type { citation.source.type = type }
                }
                if !citation.source.language.isEmpty {
                    let language = try Self.languageTag(citation.source.language, of: "the source's language", field: "language")
                    // Setting a source's field makes it a new box: only when the case changes.
                    if language != citation.source.language { citation.source.language = language }
                }
                do {
                    let given = citation.source
                    citation.source = try resolve(given)
                    if recordsHeldSpellings, given.key.isEmpty, let url = given.url, let held = citation.source.url { heldURLs[url] = held }
                    noteDetailsNotApplied(given, to: citation.source)
                    // A quote given no language is in its source's, as `add` takes it.
                    if citation.quote != nil, citation.quoteLanguage == nil, citation.source.language != "und",
                       !citation.source.language.isEmpty {
                        citation.quoteLanguage = citation.source.language
                    }
                } catch let error as TimelineError where error.field == nil {
                    throw error.within("source")
                }
            } catch let error as TimelineError {
                throw error.within("citations[\(index)]")
            }
            return citation
        }
        // A citation given twice (an edit run again, a list that repeats one) is one citation, and
        // a bare one (no quote, translation or note) says nothing another of the same source and
        // stance does not.
        if event.citations.count > 1 {
            var distinct: [Citation] = []
            for citation in event.citations {
                let sameBacking = { (kept: Citation) in kept.source.key == citation.source.key && kept.stance == citation.stance }
                if distinct.contains(where: { $0.saysTheSame(as: citation) }) || citation.isBare && distinct.contains(where: sameBacking) {
                    continue
                }
                if let bare = distinct.firstIndex(where: { $0.isBare && sameBacking($0) }) {
                    distinct[bare] = citation
                } else {
                    distinct.append(citation)
                }
            }
            if distinct.count < event.citations.count { event.citations = distinct }
        }
        event.measures = try event.measures.enumerated().map { index, measure in
            var measure = measure
            if let entity = measure.entity {
                // A figure counts something already known, or one of the event's own entities: a
                // typo after '@' must not make a new entity.
                guard let resolved = try existingEntity(entity) ?? event.entities.first(where: { $0.name == entity || $0.slug == entity })
                    .map({ (slug: $0.slug, name: $0.name) })
                else {
                    throw TimelineError(.usage, "the figure \(measure.quantity) counts '\(entity)', which is no known entity and not one of the event's.",
                                        field: "measures[\(index)].entity")
                }
                measure.entity = resolved.slug
            }
            measure.unit = try savedUnit(measure.unit, of: measure.quantity)
            if let source = measure.source {
                guard let key = try sourceKey(matching: source) else {
                    throw TimelineError(.usage, "the figure \(measure.quantity) names the source '\(source)', which is neither a source key nor a cited source's URL.",
                                        field: "measures[\(index)].source")
                }
                measure.source = key
            }
            return measure
        }
        return event
    }

    /// A figure's source is one of the event's sources: a figure naming one the event does not
    /// cite (its citations replaced by an import that kept its figures, say) brings the citations
    /// of it the event had before (`existing`), whole: their stance says which of two figures
    /// corrects the other, and their quotes are what backs it. Else a bare citation, so that the
    /// event as exported names every source its figures need.
    private func citeFigureSources(of event: inout Event, citedBy existing: Event?) throws {
        // Runs for every saved event: a search of its few citations, nothing allocated.
        for measure in event.measures {
            guard let key = measure.source, !event.citations.contains(where: { $0.source.key == key }) else { continue }
            let earlier = existing?.citations.filter { $0.source.key == key } ?? []
            if earlier.isEmpty {
                event.citations.append(Citation(source: try resolve(Source(key: key, publisher: "", language: "", type: ""))))
            } else {
                event.citations.append(contentsOf: earlier)
            }
        }
    }

    /// `tag` in its usual case (`FR` is `fr`); an error naming `what` (the event's `field`) when
    /// it is no language tag.
    static func languageTag(_ tag: String, of what: String, field: String? = nil) throws -> String {
        guard let canonical = LanguageTag.canonical(tag) else {
            throw TimelineError(.usage, "\(what) \(LanguageTag.problem(with: tag)).", field: field)
        }
        return canonical
    }

    /// An entity by slug, name or alias (any case); a new organisation when none matches.
    func resolve(entityNamed reference: String, displayName: String, preferredSlug: String = "") throws -> (slug: String, name: String) {
        // What a slug given with a name resolves to depends on both, and is cached apart from
        // what the same text alone resolves to (looked up every way), by slug then name: no key built.
        let slugAndName = !preferredSlug.isEmpty && preferredSlug == reference && displayName != reference
        if slugAndName {
            // A slug given with a name: the entity of that slug (as written, or as a slug writes
            // it: `Acme Corp` is `acme-corp`), else the one of that name (another timeline's
            // `amzn` for `Amazon`: names stay one entity's each), which an alias of another does
            // not beat. The slug is looked up as a slug only and the name as a name, so a new
            // entity costs four or five indexed lookups, as it did five.
            if let cached = entityBySlugAndName[reference]?[displayName] { return cached }
            let given = Self.trimmed(displayName)
            let written = Self.slug(reference)
            if let match = try entityMatch(reference, lookingUpNames: false)
                ?? (written.isEmpty || written == reference ? nil : entityMatch(written, lookingUpNames: false))
                ?? (given.isEmpty ? nil : entityMatch(given, lookingUpSlugs: false, derivedSlugLookedUp: written)) {
                if entityBySlugAndName.count > Self.cacheLimit { entityBySlugAndName.removeAll(keepingCapacity: true) }
                entityBySlugAndName[reference, default: [:]][displayName] = (match.slug, match.name)
                return (match.slug, match.name)
            }
        } else if let existing = try existingEntity(reference) {
            return existing
        }
        let name = Self.trimmed(displayName.isEmpty ? reference : displayName)
        var slug = preferredSlug.isEmpty ? Self.entitySlug(name) : Self.slug(preferredSlug)
        if slug.isEmpty { slug = Self.entitySlug(name) }
        slug = try unique(slug, in: "entities", column: "slug")
        let id = try writer.insert(Entity(slug: slug, name: name, type: "organisation"))
        foldedNameIndex?.add(.init(id: id, slug: slug, name: name, byAlias: false), as: name)
        if slugAndName {
            entityBySlugAndName[reference, default: [:]][displayName] = (slug, name)
        } else {
            entityCache[reference] = (slug, name)
        }
        return (slug, name)
    }

    /// An entity by slug, name or alias (any case, in any script), else by the slug the reference
    /// would get (so `SOCIÉTÉ GÉNÉRALE` finds `societe-generale`), or nil.
    func existingEntity(_ reference: String) throws -> (slug: String, name: String)? {
        if let cached = entityCache[reference] { return cached }
        guard let match = try entityMatch(reference) else { return nil }
        if entityCache.count > Self.cacheLimit { entityCache.removeAll(keepingCapacity: true) }
        entityCache[reference] = (match.slug, match.name)
        return (match.slug, match.name)
    }

    /// How a reference names an existing entity: the ways `existingEntity(_:)` tries, best first.
    enum EntityMatchKind: Int {
        case slug = 1, slugIgnoringCase, name, alias, derivedSlug
    }

    private func foldedNames() throws -> EntityNameFolding.Index {
        if let foldedNameIndex { return foldedNameIndex }
        let index = try EntityNameFolding.Index(database: database)
        foldedNameIndex = index
        return index
    }

    /// The entity a reference names and how, uncached.
    ///
    /// `lookingUpSlugs: false` leaves out the lookups of the reference as a slug, and
    /// `lookingUpNames: false` every other; `derivedSlugLookedUp` is a slug looked up already,
    /// not looked up again as the reference's derived one.
    func entityMatch(_ reference: String, lookingUpSlugs: Bool = true, lookingUpNames: Bool = true,
                     derivedSlugLookedUp: String? = nil) throws -> (slug: String, name: String, kind: EntityMatchKind)? {
        // One indexed lookup a way, best first, stopping at the first that finds one: a compound
        // query ordered by rank opened four temporary B-trees a call, five times the cost (most
        // of an import's time for a new entity).
        func lookUp(_ statement: Statement, _ value: String, as kind: EntityMatchKind) throws -> (slug: String, name: String, kind: EntityMatchKind)? {
            try statement.first([.text(value)]) { (slug: $0.text(at: 0), name: $0.text(at: 1), kind: kind) }
        }
        if lookingUpSlugs,
           let row = try lookUp(database.statement("SELECT slug, name FROM entities WHERE slug = ?1"), reference, as: .slug)
            ?? lookUp(database.statement("SELECT slug, name FROM entities WHERE slug = ?1 COLLATE NOCASE LIMIT 1"), reference, as: .slugIgnoringCase) {
            return row
        }
        guard lookingUpNames else { return nil }
        if let row = try lookUp(database.statement("SELECT slug, name FROM entities WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1"), reference, as: .name)
            ?? lookUp(database.statement(
                """
                SELECT e.slug, e.name FROM entity_aliases AS a JOIN entities AS e ON e.id = a.entity_id
                WHERE a.alias = ?1 COLLATE NOCASE ORDER BY a.id LIMIT 1
                """), reference, as: .alias) {
            return row
        }
        // Names and aliases beyond ASCII case rank as names and aliases do, above the derived slug.
        if !EntityNameFolding.isASCII(reference), let folded = try foldedNames().matches(reference).first {
            return (folded.slug, folded.name, folded.byAlias ? .alias : .name)
        }
        let referenceSlug = Self.entitySlug(reference)
        // Not again when looked up already: as the reference itself, or as the slug given.
        guard !referenceSlug.isEmpty, referenceSlug != derivedSlugLookedUp, !(lookingUpSlugs && referenceSlug == reference) else { return nil }
        return try lookUp(database.statement("SELECT slug, name FROM entities WHERE slug = ?1"), referenceSlug, as: .derivedSlug)
    }

    /// A source by key, else by URL, else by publisher, date and title; created when none matches.
    func resolve(_ source: Source) throws -> Source {
        var source = source
        // An empty title or note (`"title": ""`, as a CSV empty cell is) is none.
        if source.title?.isBlank == true { source.title = nil }
        if source.note?.isBlank == true { source.note = nil }
        // Spaces around a publisher or title (a page's <title> as scraped) are none of it, as an
        // event title's are not: kept, they made a source another citation described otherwise.
        if let title = source.title, case let trimmed = title.trimmingSpaces(), trimmed != title { source.title = trimmed }
        if case let trimmed = source.publisher.trimmingSpaces(), trimmed != source.publisher { source.publisher = trimmed }
        if let published = source.published, let problem = published.publicationProblem {
            throw TimelineError(.badData, "the publication date '\(published.edtf)' \(problem).", field: "published")
        }
        if let held = sourceKeysOfSamePage[source.key] { source.key = held }
        let cacheKey = source.key.isEmpty ? (source.url ?? "") : source.key
        if !cacheKey.isEmpty, let cached = sourceCache[cacheKey] {
            try checkSamePage(source, as: cached)
            guard Self.completes(cached, from: source) else { return cached }
            let dated = try dating(cached, from: source)
            sourceCache[cacheKey] = dated
            return dated
        }
        if sourceCache.count > Self.cacheLimit { sourceCache.removeAll(keepingCapacity: true) }
        let resolved = try resolveUncached(source)
        try checkSamePage(source, as: resolved)
        if !cacheKey.isEmpty { sourceCache[cacheKey] = resolved }
        return resolved
    }

    /// Writes again the stored lists of every event citing one of these sources: dated by a
    /// later record, they name it undated while the load keeps the triggers that would clear them
    /// suspended (those the import saved before it, and others the timeline holds).
    func refreshStoredLists(citing keys: [String]) throws {
        let citing = try database.statement(
            "SELECT DISTINCT c.event_id FROM citations AS c JOIN sources AS s ON s.id = c.source_id WHERE s.key = ?1")
        var ids = Set<Int64>()
        for key in Set(keys) {
            try citing.forEachRow([.text(key)]) { ids.insert($0.int64(at: 0)) }
        }
        for id in ids.sorted() { try writer.storeListsFromTables(eventID: id) }
    }

    /// Whether a citation gives a source something it lacks: a publication date, a title, or a
    /// language for one held in none (`und`).
    private static func completes(_ stored: Source, from given: Source) -> Bool {
        (stored.published == nil && given.published != nil)
            || (stored.title == nil && given.title?.isBlank == false)
            || (stored.language == "und" && !given.language.isEmpty && given.language != "und")
    }

    /// A source held without a title or a language takes those a citation gives it (a ruling's
    /// reference given later, the language a quote from it is in): what exports show of it.
    /// Neither is changed this way once it has one. Then `dating`'s date.
    private func describing(_ stored: Source, from given: Source) throws -> Source {
        guard !stored.key.isEmpty else { return stored }
        var described = stored
        if stored.title == nil, let title = given.title?.trimmingSpaces(), !title.isEmpty {
            try database.statement("UPDATE sources SET title = ?2 WHERE key = ?1 AND title IS NULL").run([.text(stored.key), .text(title)])
            if database.changes > 0 { described.title = title; describedSources.append(stored.key) }
        }
        if stored.language == "und", !given.language.isEmpty, given.language != "und" {
            try database.statement("UPDATE sources SET language = ?2 WHERE key = ?1 AND language = 'und'").run([.text(stored.key), .text(given.language)])
            if database.changes > 0 {
                described.language = given.language
                describedSources.append(stored.key)
                // Its quotes cited without a language are in it, as they would have been taken to
                // be had it had one then: else they read back as in no language, and an export
                // imported again would give them this one, an edit of each event.
                try database.statement(
                    """
                    UPDATE citations SET quote_language = ?2
                    WHERE source_id = (SELECT id FROM sources WHERE key = ?1) AND quote IS NOT NULL AND quote_language IS NULL
                        AND event_id IS NOT (SELECT id FROM events WHERE uid = ?3)
                    """).run([.text(stored.key), .text(given.language), .text(uidBeingSaved)])
            }
        }
        return described
    }

    /// A source held undated takes the publication date a citation gives it: without one,
    /// `--as-of` never counts what it says. A date it has is not changed this way (nor one
    /// another spelling of its reference gave it meanwhile, read back). It takes a title and a
    /// language it lacks too (`describing`).
    private func dating(_ held: Source, from given: Source) throws -> Source {
        let stored = try describing(held, from: given)
        guard stored.published == nil, let published = given.published, !stored.key.isEmpty else { return stored }
        try database.statement(
            """
            UPDATE sources SET published_edtf = ?2, published_earliest = ?3, published_latest = ?4, published_precision = ?5
            WHERE key = ?1 AND published_edtf IS NULL
            """).run([.text(stored.key), .text(published.edtf), .text(published.earliest?.iso), .text(published.latest?.iso),
                      .text(published.precision.rawValue)])
        guard database.changes > 0 else { return try storedSource(key: stored.key) }
        datedSources.append(stored.key)
        var dated = stored
        dated.published = published
        return dated
    }

    /// A key and a URL that name two pages (a key reused for another article in a spreadsheet)
    /// are refused: the citation would silently point to the key's page.
    private func checkSamePage(_ given: Source, as found: Source) throws {
        guard !given.key.isEmpty, let url = given.url, let foundURL = found.url, url != foundURL else { return }
        let page = SourceURL.comparable(url), foundPage = SourceURL.comparable(foundURL)
        guard page == nil || page != foundPage else { return }
        throw TimelineError(.badData, "the source key '\(given.key)' is \(foundURL), not \(url): give this source its own key, "
            + "or leave the key out to find or make the source by its URL.", field: "url")
    }

    private func resolveUncached(_ source: Source) throws -> Source {
        var existingKey: String?
        if !source.key.isEmpty {
            existingKey = try SourceReference.key(named: source.key, in: database)
        }
        if existingKey == nil, let url = source.url {
            existingKey = try SourceURL.key(ofSamePageAs: url, in: database)
        }
        if existingKey == nil, source.key.isEmpty, source.url == nil {
            existingKey = try database.scalar(
                "SELECT key FROM sources WHERE publisher = ?1 AND published_edtf IS ?2 AND title IS ?3 LIMIT 1",
                [.text(source.publisher), .text(source.published?.edtf), .text(source.title)]).flatMap(Self.text)
        }
        if let existingKey {
            return try dating(try storedSource(key: existingKey), from: source)
        }
        // `https://a.example/x; https://b.example/y` is two sources, which saved as one would
        // cite neither (its publisher the second's site). (One address with a space, as a PDF's
        // name pasted, `report (final).pdf`, is kept as written.)
        for (text, field) in [(source.url, "url"), (source.key, "key")] {
            guard let text, let addresses = SourceURL.severalAddresses(in: text) else { continue }
            throw TimelineError(.usage, "the source \(field == "url" ? "URL" : "key") '\(text)' holds \(addresses) addresses: give each its own source "
                                + "(`edit --source` cites another; a file's source cell may hold URLs alone, separated by spaces or ';', a space within one written %20).", field: field)
        }
        var created = source
        guard !source.publisher.isEmpty || source.url != nil else {
            throw TimelineError(.usage, citesSourcesByKeyOnly
                ? "no source has the key '\(source.key)': add it to the document's sources, or name one the timeline holds."
                : "no source has the key '\(source.key)': name one the timeline (or the file's sources) holds, or give its publisher or URL to create it.")
        }
        guard let publisher = Self.publisher(of: source) else {
            throw TimelineError(.usage, "the source has no publisher, and its URL '\(source.url ?? "")' has no host to stand in for one; give its publisher.",
                                field: "publisher")
        }
        created.publisher = publisher
        // A URL pasted on the command line is kept as the page's address, which exports print as
        // the citation's link: without the parameters that only say how a reader came to it
        // (`?utm_source=twitter`). A file's URL is kept as written, so that an export imports back
        // as it was.
        if cleansPastedURLs { created.url = created.url.map(SourceURL.withoutTracking) }
        if created.language.isEmpty { created.language = "und" }
        if created.key.isEmpty {
            let stem = Self.slug(created.publisher + " " + (created.published?.edtf ?? ""))
            created.key = try unique(stem.isEmpty ? "source" : stem, in: "sources", column: "key")
        } else {
            created.key = Self.slug(created.key)
            guard !created.key.isEmpty else {
                // `東京 会見`, `!!!`: no letter a key is written with.
                throw TimelineError(.usage, "the source key '\(source.key)' has no letter or digit a key is written with (a–z, 0–9, '-'); "
                    + "write one (nhk-2020-interview), or leave the key out and give the source's URL or publisher.", field: "key")
            }
            if created.key != source.key { sourceKeysWrittenAsSlugs.append((source.key, created.key)) }
        }
        _ = try writer.insert(created)
        // The row is what was just written: no need to read it back (one query less per new
        // source, which most citations in a large import name).
        return created
    }

    /// Counts a citation whose publisher, publication date or title differs from those of the
    /// source it resolved to: a citation names a source, it does not change it (a document's
    /// `sources` list does), and a spreadsheet's column saying otherwise must not pass unseen.
    private func noteDetailsNotApplied(_ given: Source, to kept: Source) {
        let publisher = given.publisher.trimmingSpaces(), title = given.title?.trimmingSpaces()
        // A source held with spaces around them (saved so before they were trimmed) is no other.
        let differs = (!publisher.isEmpty && publisher != kept.publisher.trimmingSpaces())
            || (given.published.map { $0.edtf != kept.published?.edtf } ?? false)
            || (title.map { !$0.isEmpty && $0 != kept.title?.trimmingSpaces() } ?? false)
        guard differs else { return }
        citationsDescribingSourcesOtherwise += 1
        if sourcesDescribedOtherwise.count < 100, !sourcesDescribedOtherwise.contains(kept.key) {
            sourcesDescribedOtherwise.append(kept.key)
        }
    }

    private func sourceKey(matching reference: String) throws -> String? {
        let reference = sourceKeysOfSamePage[reference] ?? reference
        if figureSourceKeys.contains(reference) { return reference }
        let key = try SourceReference.key(matching: reference, in: database)
        // Only a reference found as a key is remembered: a key names the same row for the whole
        // transaction (the lookup prefers it to a URL match), while a reference that matched
        // nothing, or only a URL, may match differently once more sources exist.
        if let key, key == reference {
            if figureSourceKeys.count > Self.cacheLimit { figureSourceKeys.removeAll(keepingCapacity: true) }
            figureSourceKeys.insert(key)
        }
        return key
    }

    private func storedSource(key: String) throws -> Source {
        guard let source = try database.statement(
            "SELECT key, url, title, publisher, published_edtf, language, type, note FROM sources WHERE key = ?1"
        ).first([.text(key)], { row in
            Source(key: row.text(at: 0), url: row.optionalText(at: 1), title: row.optionalText(at: 2), publisher: row.text(at: 3),
                   published: try row.optionalText(at: 4).map { try TimelineDate(edtf: $0) }, language: row.text(at: 5),
                   type: row.text(at: 6), note: row.optionalText(at: 7))
        }) else {
            throw TimelineError(.internalError, "the source \(key) disappeared while it was being saved.")
        }
        return source
    }

    /// The readable part of a made uid: main entity, kind and date (`amazon-care-layoff-2022-12-01`).
    static func readableStem(of event: Event) -> String {
        readableStem(mainEntity: event.entities.first?.slug ?? "", of: event)
    }

    static func readableStem(mainEntity: String, of event: Event) -> String {
        slug([mainEntity, event.kind, event.when.edtf].filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// A uid for an event given without one: readable and free, or (for an imported record) the
    /// readable stem and a hash of the record as the file gives it.
    ///
    /// The hash is of the record as given, trimmed, not as resolved against the timeline: a record
    /// names entities and sources that a rename or a corrected publisher changes in the timeline,
    /// and the same file imported again must find the events it made. Records imported before
    /// were hashed as resolved; such a uid is still found when the record's own is not.
    private func generateUID(for event: Event, asGiven input: Event, policy: UIDPolicy, parts: RecordParts) throws -> String {
        let stem = Self.readableStem(of: event)
        switch policy {
        case .readable:
            // The stem, or the first free numbered one; but an event there that is this one
            // already (an `add` run twice, a script's retry) is its uid, and the save changes nothing.
            // A removed event's uid is not free: its history would read as the new event's past.
            // The removed event itself, added again, takes it back.
            var candidate = stem
            var suffix = 2
            while true {
                var same = event
                same.uid = candidate
                if let id = try eventID(uid: candidate) {
                    if EventJSON.object(try reader.event(id: id)) == EventJSON.object(same) { return candidate }
                } else if let removed = try lastVersionInHistory(uid: candidate) {
                    if removed == EventJSON.object(same) { return candidate }
                } else {
                    break
                }
                candidate = "\(stem)-\(suffix)"
                suffix += 1
            }
            // The same event under another uid: one added before its main entity was merged into
            // another, whose slug the stem now takes.
            return try uidOfSameEvent(as: event) ?? candidate
        case .contentHash:
            func hashed(_ event: Event, stem: String = stem) -> String {
                let content = EventJSON.object(event).dropFirst()  // the uid is empty here; hash the rest
                return stem + "-" + String(SHA256.hexDigest(of: content.utf8).prefix(8))
            }
            var given = input
            given.kind = event.kind  // `Layoff` is `layoff`: a vocabulary word, not the record's text
            given.title = given.title.trimmingSpaces()
            given.summary = given.summary.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            given.tags = Array(Set(given.tags.lazy.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }))
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            // A URL as the timeline holds its page (`https://www.lemonde.fr/a` for a pasted
            // `lemonde.fr/a?utm_source=x`), an entity by its slug however the record spells its
            // name (`LIVI`, `Livi`; renamed since, too) and a role as saved (`employer` for
            // `Employer`): records that differ only there are one event, in one file as across two.
            var held = given
            for index in held.citations.indices {
                let source = held.citations[index].source
                if source.key.isEmpty, let url = source.url, let page = heldURLs[url], page != url { held.citations[index].source.url = page }
            }
            for index in held.entities.indices where held.entities[index].slug.isEmpty {
                let entity = held.entities[index]
                let role = Self.slug(entity.role)
                held.entities[index] = EventEntity(slug: heldEntitySlugs[entity.name] ?? Self.entitySlug(entity.name), name: "",
                                                   role: role.isEmpty ? "subject" : role)
            }
            let uid = hashed(held)
            // By the main entity as the record names it, for an event saved before that entity
            // was merged into another (whose slug the stem now takes), each entity by the slug
            // its name made then: the uids the record made then.
            func namedUIDs() -> [String] {
                guard let named = input.entities.first.map({ $0.slug.isEmpty ? Self.entitySlug($0.name) : $0.slug }),
                      case let namedStem = Self.readableStem(mainEntity: named, of: event), namedStem != stem else { return [] }
                var derived = held
                for index in derived.entities.indices where given.entities[index].slug.isEmpty {
                    derived.entities[index].slug = Self.entitySlug(given.entities[index].name)
                }
                return [hashed(derived, stem: namedStem), hashed(given, stem: namedStem)]
            }
            if try eventID(uid: uid) != nil {
                // The event of the entity merged into, alike since the merge: a record naming
                // the merged entity is its own event, held or removed (which stays removed).
                for own in namedUIDs() where own != uid {
                    if try eventID(uid: own) != nil { return own }
                    if try historyHoldsEvents(), try holdsVersion(givenBy: event, parts, uid: own) { return own }
                }
                return uid
            }
            // Nothing saved before this import can hold another of its uids in a timeline that had
            // no events, unless it had some once (all removed since: each record's own removal stands).
            guard try lastIDBefore > 0 || historyHoldsEvents() else { return try uidOfEarlierVersion(of: event, hashed: uid, parts: parts) ?? uid }
            // Saved when records were hashed as written, or by the names the record gives.
            let earlierUIDs = [hashed(given)] + namedUIDs()
            for earlier in earlierUIDs where earlier != uid {
                if try eventID(uid: earlier) != nil { return earlier }
            }
            let resolved = hashed(event)
            if resolved != uid, try eventID(uid: resolved) != nil { return resolved }
            // Removed under one of them (an entity merged since or not): the removal stands
            // (`save` finds the record's version in history under the uid returned). The uids as
            // the record names its entities first (the one it made), then as they are now: after
            // a merge, two entities' records hash alike under the entity they are now, and the
            // other's event, the same as this one's since, is not the event this record made.
            // Looked for before events of the same content are (`uidOfSameEvent`).
            if try historyHoldsEvents() {
                var candidates: [String] = []
                for earlier in earlierUIDs + [uid, resolved] where !candidates.contains(earlier) { candidates.append(earlier) }
                for earlier in candidates where try holdsVersion(givenBy: event, parts, uid: earlier) { return earlier }
            }
            if let same = try uidOfSameEvent(as: event) { return same }
            return try uidOfEarlierVersion(of: event, hashed: uid, parts: parts) ?? uid
        }
    }

    /// The uid of an event that `event` is an earlier version of, edited or removed since; nil
    /// when history holds none, or holds this one under `hashed`, the record's own uid (which
    /// `save` finds there).
    private func uidOfEarlierVersion(of event: Event, hashed: String, parts: RecordParts) throws -> String? {
        guard try historyHoldsEvents() else { return nil }
        var named = event
        named.uid = hashed
        let json = EventJSON.object(named)
        if try holdsVersion(givenBy: event, parts, uid: hashed) { return nil }
        if earlierVersions == nil { earlierVersions = try EarlierVersionIndex(database: database) }
        return try earlierVersions?.uid(ofEarlierVersion: json, in: database) { then, now in
            try slugNow(of: then) == now
        }
    }

    private func historyHoldsEvents() throws -> Bool {
        if let known = historyHasVersions { return known }
        let holds = try database.scalar("SELECT 1 FROM event_history LIMIT 1") != nil
        historyHasVersions = holds
        return holds
    }

    /// Whether history holds a version of `uid`, changed or removed since, that `record` gives:
    /// the record's parts over that version's others (`parts`, as an update of it would have
    /// them), as it is, else but for how its entities are named: a record's names resolve to
    /// today's (`Initech Inc` renamed since, `initech-corp` merged into since), so each entity
    /// then must be the entity now (`slugNow(of:)`); another entity is another version. The
    /// uid's versions (one indexed read) are compared as text first, and decoded only when none
    /// is the same (a record giving some parts, a rename, a merge, or another record's hash).
    func holdsVersion(givenBy record: Event, _ parts: RecordParts, uid: String) throws -> Bool {
        let versions = try database.statement("SELECT snapshot FROM event_history WHERE uid = ?1").map([.text(uid)]) { $0.text(at: 0) }
        guard !versions.isEmpty else { return false }
        var named = record
        named.uid = uid
        if parts.isWhole, versions.contains(EventJSON.object(named)) { return true }
        for snapshot in versions {
            guard let held = try? EventJSONDecoder.event(from: JSONParser.parse(snapshot)) else { continue }
            let candidate = try applied(named, over: held, parts).event
            let json = EventJSON.object(candidate)
            if json == snapshot { return true }
            if let renamed = try held.namingEntities(as: candidate, sameEntity: { try slugNow(of: $0) == $1 }),
               EventJSON.object(renamed) == json {
                return true
            }
        }
        return false
    }

    /// Counts the figures of `quantities` a source gave in `existing` that `updated` no longer
    /// has, where it has one of that quantity citing no source: the sheet's number took the
    /// place of a sourced one, and what backed it is gone unseen (`edit` names such figures too).
    private func noteSourcedFiguresReplaced(of existing: Event, by updated: Event, quantities: Set<String>) {
        for held in existing.measures where held.source != nil && quantities.contains(held.quantity) && !updated.measures.contains(held)
            && updated.measures.contains(where: { $0.quantity == held.quantity && $0.source == nil }) {
            sourcedFiguresReplaced += 1
            if sourcedFiguresReplacedExamples.count < 3 {
                sourcedFiguresReplacedExamples.append("\(updated.uid): \(held.quantity) \(held.display(.english)) from \(held.source ?? "")")
            }
        }
    }

    /// The slug of the entity that `then`, an entity as a version history holds names it, is
    /// now: found by its slug, else by its name (an entity merged into another left its name as
    /// an alias of that one, not its slug).
    private func slugNow(of then: EventEntity) throws -> String? {
        if let entity = try existingEntity(then.slug) { return entity.slug }
        return then.name.isEmpty ? nil : try existingEntity(then.name)?.slug
    }

    /// What a record gives of an event: every part but `kept`, and of lists its one-item
    /// columns give (`itemColumns`), only those items.
    struct RecordParts {
        var kept: EventFields
        var itemColumns: ItemColumns?
        /// The record's figures without an entity count its first entity (a mapped file's rule).
        var figuresCountFirstEntity: Bool

        /// The whole event: what it leaves out, it clears.
        var isWhole: Bool { kept.isEmpty && (itemColumns?.isEmpty ?? true) }
    }

    /// `record` over `base`, as an update of `base` by it saves it: the parts it does not give
    /// and the items its one-item columns do not give kept, a figure's source cited as `base`
    /// cites it; with how many items were kept.
    func applied(_ record: Event, over base: Event, _ parts: RecordParts) throws -> (event: Event, keptItems: Event.KeptItems) {
        var merged = Self.event(record, keeping: parts.kept, of: base, figuresCountFirstEntity: parts.figuresCountFirstEntity)
        var keptItems = Event.KeptItems()
        if let itemColumns = parts.itemColumns, !itemColumns.isEmpty {
            keptItems = merged.keepItems(of: base, notGivenBy: itemColumns, figuresCountFirstEntity: parts.figuresCountFirstEntity)
        }
        try citeFigureSources(of: &merged, citedBy: base)
        return (merged, keptItems)
    }

    /// `event`, a record giving the parts not in `kept`, over `existing`: an update keeps the
    /// others. A record giving figures but not entities counts its figures without an entity for
    /// the event's first entity, as it would its own.
    static func event(_ event: Event, keeping kept: EventFields, of existing: Event, figuresCountFirstEntity: Bool) -> Event {
        guard !kept.isEmpty else { return event }
        var merged = event
        merged.keep(kept, of: existing)
        if figuresCountFirstEntity, kept.contains(.entities), let first = merged.entities.first {
            for index in merged.measures.indices where merged.measures[index].entity == nil {
                merged.measures[index].entity = first.slug
            }
        }
        return merged
    }

    /// The last version history holds of `uid`, as `show --format json` printed it; nil for a uid
    /// never used.
    func lastVersionInHistory(uid: String) throws -> String? {
        try database.statement("SELECT snapshot FROM event_history WHERE uid = ?1 ORDER BY id DESC LIMIT 1")
            .first([.text(uid)]) { $0.text(at: 0) }
    }

    /// The uid of an event the timeline held before this save began that is `event` in every
    /// part but its uid: a record without a uid names it (an export re-imported without its uid
    /// column, an event typed in with `add` and listed in a spreadsheet), and must not add it
    /// again beside itself.
    ///
    /// Looked for among events of the same span, kind, title and date, which `heldEvents` reads
    /// once a span. An import into a timeline with no events before pays nothing.
    private func uidOfSameEvent(as event: Event) throws -> String? {
        guard lastIDBefore > 0 else { return nil }
        let candidates = try heldEvents.ids(ofKind: event.kind, title: event.title, edtf: event.when.edtf,
                                            in: Self.span(of: event), upTo: lastIDBefore, database: database)
        guard !candidates.isEmpty else { return nil }
        let json = EventJSON.object(event)
        for id in candidates {
            var stored = try reader.event(id: id)
            let uid = stored.uid
            stored.uid = event.uid
            if EventJSON.object(stored) == json { return uid }
        }
        return nil
    }

    private static func span(of event: Event) -> HeldEventsBySpan.Span {
        HeldEventsBySpan.Span(earliest: event.when.earliest?.iso, latest: event.when.latest?.iso)
    }

    /// `stem`, else `stem-2`, `stem-3`, … whichever is free.
    ///
    /// The next number to try is kept for each stem: a file of thousands of sources with one
    /// stem (one publisher, no dates) looked at every taken one again for each new one.
    func unique(_ stem: String, in table: String, column: String) throws -> String {
        let key = table + "\u{1F}" + stem
        var suffix = nextFreeSuffix[key] ?? 1
        var candidate = suffix == 1 ? stem : "\(stem)-\(suffix)"
        while try database.scalar("SELECT 1 FROM \(table) WHERE \(column) = ?1", [.text(candidate)]) != nil {
            suffix += 1
            candidate = "\(stem)-\(suffix)"
        }
        if nextFreeSuffix.count > Self.cacheLimit { nextFreeSuffix.removeAll(keepingCapacity: true) }
        nextFreeSuffix[key] = max(suffix + 1, 2)
        return candidate
    }

    /// Lowercase ASCII letters and digits joined by single hyphens; accents dropped (`Siècle Digital` →
    /// `siecle-digital`), Cyrillic and Greek written in Latin letters (`Яндекс` → `yandeks`).
    static func slug(_ text: String) -> String {
        if isSlug(text) { return text }
        // ASCII (most names: `Oakridge Clinics SA`) needs no folding: bytes in, bytes out.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingHyphen = false
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingHyphen && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                    pendingHyphen = false
                    bytes.append(byte | (byte >= UInt8(ascii: "A") ? 0x20 : 0))
                default:
                    pendingHyphen = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        var pendingHyphen = false
        for scalar in text.asciiFoldedScalars {
            let value = scalar.value
            if (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                let lowercase = (0x41...0x5A).contains(value) ? value + 0x20 : value
                result.unicodeScalars.append(Unicode.Scalar(lowercase)!)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// The slug an entity of this name gets: `slug(_:)`'s, or, for a name in a script it does not
    /// write in Latin letters (東京電力, شركة), `entity-` and a hash of the name: the same in every
    /// timeline, so a document moving between two never takes one such entity for another, as
    /// a plain `entity`, `entity-2`, … numbered by arrival would.
    static func entitySlug(_ name: String) -> String {
        let slug = slug(name)
        guard slug.isEmpty else { return slug }
        return "entity-" + SHA256.hexDigest(of: Array(EntityNameFolding.folded(name).utf8)).prefix(10)
    }

    /// Whether the text is already a slug (`[a-z0-9]+` runs joined by single hyphens), which
    /// `slug(_:)` then gives back as it is: the usual case, checked without folding.
    static func isSlug(_ text: String) -> Bool {
        var previousWasHyphen = true  // no hyphen first
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }

    /// Printable ASCII only (no space, no control character): a uid that needs no Unicode check.
    private static func isPrintableASCII(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// A new source's publisher: the one given, else its URL's host; nil when it has neither
    /// (a made-up one would pass for a fact).
    static func publisher(of source: Source) -> String? {
        guard source.publisher.isEmpty else { return source.publisher }
        let url = source.url ?? ""
        // An archive's copy of a page (`https://web.archive.org/web/2021…/https://example.org/a`)
        // is the archived site's: its host, not the archive's.
        if let archived = SourceURL.archivedAddress(in: url), let host = host(of: archived) { return host }
        return host(of: url)
    }

    static func host(of url: String) -> String? {
        let parts = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0].hasSuffix(":"), parts[1].isEmpty else { return nil }
        // Host names ignore case: `www.Example.COM` is `example.com`.
        let host = parts[2].prefix { $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        return host.isEmpty ? nil : host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    private static func text(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension String {
    /// Unicode scalars with accented Latin letters replaced by their ASCII bases, and Cyrillic and
    /// Greek letters by Latin ones: enough for readable slugs.
    fileprivate var asciiFoldedScalars: [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        for scalar in unicodeScalars {
            if scalar.isASCII {
                scalars.append(scalar)
            } else if let base = LatinFolding.base[scalar.value] ?? Transliteration.latin[scalar.value] {
                scalars.append(contentsOf: base.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return scalars
    }
}
