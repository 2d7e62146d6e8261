import ArgumentParser
import TimelineCore

extension Timeline {
    struct Add: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add an event.",
            discussion: """
                --kind, --date and --title are required. Without --uid, a readable uid is made from the \
                main entity, the kind and the date (amazon-care-layoff-2022-12-01), with -2, -3, … when taken \
                (a removed event's uid too). \
                A --uid that another event holds is refused (change that event with `timeline edit`); \
                adding the same event again, with its uid or without, changes nothing (`Unchanged UID`).

                Example:
                  timeline add --kind layoff --date "1er décembre 2022" \\
                    --announced 2022-09-08 \\
                    --title "Amazon Care lays off 159 employees" \\
                    --entity "Amazon Care:employer" \\
                    --measure employees-laid-off=159:person@amazon-care \\
                    --source https://example.org/article \\
                    --quote "environ 159 employés" --quote-lang fr
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: EventOptions

        @Option(help: ArgumentHelp("The event's uid (default: made from entity, kind and date).", valueName: "uid"))
        var uid: String?

        @Option(help: ArgumentHelp("The current day for relative dates (default: $TIMELINE_TODAY, else the real date).", valueName: "date"))
        var today: String?

        func validate() throws {
            if fields.kind == nil || fields.date == nil || fields.title == nil {
                let missing = [("--kind", fields.kind), ("--date", fields.date), ("--title", fields.title)].compactMap { $0.1 == nil ? $0.0 : nil }
                // The ones missing, by name: `add needs --title`.
                let named = missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " and " + missing[missing.count - 1]
                throw ValidationError("add needs \(named)" + (MistypedOption.hint(for: missing).map { ": \($0)" } ?? "."))
            }
        }

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    let context = try QueryOptions.dateContext(today: today)
                    var event = Event(uid: uid ?? "", kind: "", status: .occurred, title: "", when: try TimelineDate(edtf: "2000"))
                    try fields.apply(to: &event, context: context, sourceLanguage: store.language(ofSource:),
                                     sourcePublished: store.publicationDate(ofSource:), sourceKey: store.sourceKey(matching:))
                    let note = try fields.noteOnExistingSource(in: store, context: context)
                    let newSource = try fields.source.map { try store.sourceKey(matching: $0) == nil } == true
                    let lastEntity = try store.lastEntityID()
                    let saved = try store.save(event, uidPolicy: .readable, replacingExisting: false)
                    // Never .updated: a different event under the uid is refused.
                    confirmation.write(saved.outcome == .unchanged ? "Unchanged \(saved.uid)\n" : "Added \(saved.uid)\n",
                                       saved: saved.outcome == .unchanged ? "\(saved.uid) was already there, unchanged" : "\(saved.uid) was added")
                    if let note { printError(note) }
                    fields.seasonNotes.forEach(printError)
                    fields.decimalPointNotes.forEach(printError)
                    fields.fractionNotes.forEach(printError)
                    if newSource, saved.outcome == .inserted { fields.newSourceNotes(uid: saved.uid).forEach(printError) }
                    if !fields.entity.isEmpty { try noteRolesReadingAsOthers(in: store, uid: saved.uid) }
                    // A new entity spelt as a known one but for accents or case: maybe the same.
                    for alike in try store.entitiesReadingAlike(madeAfter: lastEntity) {
                        printError("note: the new entity '\(alike.name)' (\(alike.slug)) reads as '\(alike.otherText)' of \(alike.otherSlug) but for accents, case or "
                                   + "punctuation; if they are one, `timeline entities merge \(alike.slug) \(alike.otherSlug)` joins them.")
                    }
                    // A uid made with a number: another event has this one's main entity, kind and
                    // a date written the same in a uid; the same date, it may be the same event.
                    if uid == nil, saved.outcome == .inserted, let earlier = try store.eventNumberedBefore(saved.uid) {
                        if earlier.when.edtf == event.when.edtf {
                            printError("note: \(earlier.uid) has the same main entity, kind and date (`timeline show \(earlier.uid)`); "
                                       + "if \(saved.uid) repeats it, `timeline remove \(saved.uid)` takes it back.")
                        } else {
                            printError("note: \(saved.uid) is numbered because \(earlier.uid) has the same main entity and kind, and its date "
                                       + "(\(earlier.when.display())) reads as this one's (\(event.when.display())) in a uid; --uid names an event as you choose.")
                        }
                    } else if uid == nil, saved.outcome == .inserted, let imported = try store.importedEvents(withTheStemOf: saved.uid).first {
                        printError("note: \(imported), imported, has the same main entity, kind and date (`timeline show \(imported)`); "
                                   + "if \(saved.uid) repeats it, `timeline remove \(saved.uid)` takes it back.")
                    }
                }
                try confirmation.check()
            }
        }
    }

    struct Edit: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an event; the version it replaces stays in history.",
            discussion: """
                Takes add's flags. Each field given replaces that field; --entity and --tag replace the \
                whole list when given; --measure replaces the figures of its quantity, keeping the others \
                and their sources (QUANTITY= removes one quantity's, --measure '' all); --source adds a citation (one the event already has, same quote and all, is not added again; \
                --source with --stance alone changes the stance of the event's citation of that source), \
                and --remove-source takes a source's citations out. `--announced none` clears \
                the announcement date. `timeline list --as-of` still shows the event as it was before.

                Example:
                  timeline edit care-medical-layoff-2022-12-01 --status occurred
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The uid of the event to change.")
        var uid: String

        @OptionGroup var fields: EventOptions

        @Option(name: .customLong("remove-source"), help: ArgumentHelp("Remove the event's citations of this source, by URL or key (repeatable); a figure that comes from it must be changed or removed with --measure first.", valueName: "url"))
        var removeSource: [String] = []

        @Option(help: ArgumentHelp("The current day for relative dates (default: $TIMELINE_TODAY, else the real date).", valueName: "date"))
        var today: String?

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    // Read, changed and saved in one write transaction: another process's change
                    // to the event in between would otherwise be overwritten unseen.
                    let (saved, before, note, after, newSource) = try store.readingAndWriting {
                        guard var event = try store.event(uid: uid) else {
                            throw try store.noEventError(uid: uid)
                        }
                        let before = event
                        let context = try QueryOptions.dateContext(today: today)
                        let removed = Set(try removeSource.compactMap { try store.sourceKey(matching: $0) })
                        try fields.apply(to: &event, context: context, removedSources: removed, sourceLanguage: store.language(ofSource:),
                                         sourcePublished: store.publicationDate(ofSource:), sourceKey: store.sourceKey(matching:))
                        for reference in removeSource {
                            try Self.removeCitations(of: reference, from: &event, in: store)
                        }
                        let note = try fields.noteOnExistingSource(in: store, context: context)
                        let newSource = try fields.source.map { try store.sourceKey(matching: $0) == nil } == true
                        let saved = try store.save(event)
                        return (saved, before, note, try store.event(uid: saved.uid), newSource)
                    }
                    confirmation.write(saved.outcome == .unchanged ? "Unchanged \(saved.uid)\n" : "Updated \(saved.uid)\n",
                                       saved: saved.outcome == .unchanged ? "\(saved.uid) was left unchanged" : "the change to \(saved.uid) was saved")
                    if let note { printError(note) }
                    fields.seasonNotes.forEach(printError)
                    fields.decimalPointNotes.forEach(printError)
                    fields.fractionNotes.forEach(printError)
                    if newSource, saved.outcome == .updated { fields.newSourceNotes(uid: saved.uid).forEach(printError) }
                    if !fields.entity.isEmpty, saved.outcome == .updated, let after {
                        if let dropped = Self.droppedEntitiesNote(before: before.entities, after: after) { printError(dropped) }
                        if let roles = Self.defaultRolesNote(before: before.entities, after: after) { printError(roles) }
                        try noteRolesReadingAsOthers(in: store, uid: saved.uid)
                    }
                    // Only a figure given replaces; `--measure ''` and `QUANTITY=` remove, as asked
                    // (those quantities' figures are not named beside another's given).
                    if fields.measure.contains(where: { !$0.isEmpty && !$0.hasSuffix("=") }), fields.source == nil,
                       saved.outcome == .updated, let after,
                       let replaced = Self.replacedSourcedFiguresNote(before: before, after: after,
                                                                      removed: Set(fields.measure.filter { $0.hasSuffix("=") }.map { String($0.dropLast()) })) {
                        printError(replaced)
                    }
                    if fields.measure.contains(where: { !$0.isEmpty && !$0.hasSuffix("=") }), fields.source == nil,
                       saved.outcome == .updated, let after, let unsourced = Self.unsourcedNewFiguresNote(before: before, after: after) {
                        printError(unsourced)
                    }
                    if fields.source != nil, saved.outcome == .updated, let after,
                       let replaced = Self.replacedUnsourcedFiguresNote(before: before, after: after, given: fields.measure) {
                        printError(replaced)
                    }
                }
                try confirmation.check()
            }
        }

        /// `--entity` gives the whole list: the entities it left out are named, as one given to
        /// add a second entity would otherwise take the first one away unseen (with the figures
        /// that still count for it).
        static func droppedEntitiesNote(before: [EventEntity], after: Event) -> String? {
            let kept = Set(after.entities.map(\.slug))
            var dropped: [EventEntity] = []
            for entity in before where !kept.contains(entity.slug) && !dropped.contains(where: { $0.slug == entity.slug }) {
                dropped.append(entity)
            }
            guard !dropped.isEmpty else { return nil }
            let names = dropped.map { "\($0.name) (\($0.slug))" }
            let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
            let counting = after.measures.contains { figure in dropped.contains { $0.slug == figure.entity } }
            return "note: --entity gives the whole list, so \(after.uid) no longer involves \(list)"
                + (counting ? ", whose figures it still gives" : "")
                + "; give --entity once for each entity to keep."
        }

        /// The first three figures as `naming` names them (`a, b and c`), and how many more.
        static func figureList(_ figures: [Measure], naming: (Measure) -> String) -> String {
            let named = figures.prefix(3).map(naming)
            return (named.count == 1 ? named[0] : named.dropLast().joined(separator: ", ") + " and " + named.last!)
                + (figures.count > 3 ? " (and \(figures.count - 3) more)" : "")
        }

        /// `--measure` without `--source` replaces its quantity's figures from every source: those a
        /// source gave are named, as a correction typed in would otherwise erase, unseen, figures
        /// sources disagree about.
        static func replacedSourcedFiguresNote(before: Event, after: Event, removed: Set<String> = []) -> String? {
            // A figure restated (`1.5` for `1.500`, `eur` for `EUR`, naming the entity it left
            // unsaid) is the same figure, kept with its source.
            let gone = before.measures.filter { figure in
                figure.source != nil && !removed.contains(figure.quantity)
                    && !after.measures.contains { $0.source == figure.source && MeasureSpecification.restates($0, figure) }
            }
            guard let first = gone.first, let source = first.source else { return nil }
            let list = Self.figureList(gone) { "\($0.quantity) \($0.display(.english)) from \($0.source ?? "")" }
            return "note: --measure without --source replaced the figures of its quantity from every source, so \(after.uid) no longer has \(list); "
                + "give --source with --measure to replace one source's figures only (`timeline history \(after.uid)` shows what was there; "
                + "--measure \(first.quantity)=… --source \(source) gives it back)."
        }

        /// `--measure` with `--source` replaces its quantity's figures from that source and from
        /// none: a figure that cited no source is named, as a source's figure added beside it (one
        /// that contradicts it) would otherwise take its place unseen.
        static func replacedUnsourcedFiguresNote(before: Event, after: Event, given: [String]) -> String? {
            let quantities = Set(given.filter { !$0.hasSuffix("=") }.compactMap { $0.split(separator: "=", maxSplits: 1).first.map(String.init) })
            // One the new figure restates was given its source (as the note on unsourced figures
            // suggests): no news.
            let gone = before.measures.filter { figure in
                figure.source == nil && quantities.contains(figure.quantity) && !after.measures.contains { MeasureSpecification.restates($0, figure) }
            }
            guard let first = gone.first else { return nil }
            let list = Self.figureList(gone) { "\($0.quantity) \($0.display(.english))" }
            return "note: --measure with --source replaces the figures of its quantity from that source and from none, so \(after.uid) "
                + "no longer has \(list), which cited no source; a figure kept beside a source's needs a source of its own "
                + "(`timeline history \(after.uid)` shows what was there; --measure \(first.quantity)=… --source ITS-SOURCE gives it back)."
        }

        /// A figure of a new quantity `--measure` added without `--source` to an event that cites
        /// sources cites none: named, with the source that would back it, as `check` would warn
        /// of it later.
        static func unsourcedNewFiguresNote(before: Event, after: Event) -> String? {
            var keys: [String] = []
            for citation in after.citations where !keys.contains(citation.source.key) { keys.append(citation.source.key) }
            // Of a quantity the event had none of: a replaced figure has the note on replacing.
            let added = after.measures.filter { figure in figure.source == nil && !before.measures.contains { $0.quantity == figure.quantity } }
            guard let first = added.first, let key = keys.first else { return nil }
            let list = Self.figureList(added) { "\($0.quantity) \($0.display(.english))" }
            return "note: the new figure\(added.count == 1 ? "" : "s") \(list) of \(after.uid) cite\(added.count == 1 ? "s" : "") no source, "
                + "while the event cites \(keys.prefix(3).joined(separator: ", "))\(keys.count > 3 ? ", …" : ""); "
                + "`timeline edit \(after.uid) --measure \(first.quantity)=… --source \(key)` gives \(added.count == 1 ? "it" : "one") its source."
        }

        /// `--entity NAME` without a role is the subject: an entity the event kept whose role was
        /// another (`employer`) is named with the role it had, which the edit took away unseen.
        static func defaultRolesNote(before: [EventEntity], after: Event) -> String? {
            var changed: [(entity: EventEntity, had: [String])] = []
            for entity in after.entities where entity.role == "subject" && !changed.contains(where: { $0.entity.slug == entity.slug }) {
                let had = before.filter { $0.slug == entity.slug }.map(\.role)
                if !had.isEmpty, !had.contains("subject") { changed.append((entity, had)) }
            }
            guard !changed.isEmpty else { return nil }
            let list: String
            if changed.count == 1, let one = changed.first {
                list = "\(one.entity.name) (\(one.entity.slug)) is now its subject, no longer its \(one.had.joined(separator: " and "))"
            } else {
                let named = changed.map { "\($0.entity.name) (\($0.entity.slug), was \($0.had.joined(separator: " and ")))" }
                list = named.dropLast().joined(separator: ", ") + " and " + named.last! + " are now its subjects"
            }
            let example = changed[0]
            return "note: --entity NAME without a role gives the role subject, so \(list); "
                + "give --entity '\(example.entity.name):\(example.had[0])' to keep a role."
        }

        /// Takes out the event's citations of the source `reference` names (a key or URL); a
        /// source the event does not cite, or one a figure still comes from, is refused.
        static func removeCitations(of reference: String, from event: inout Event, in store: TimelineStore) throws {
            guard let key = try store.sourceKey(matching: reference) else {
                throw TimelineError(.usage, "--remove-source '\(reference)' names no source of the timeline; `timeline show \(event.uid)` lists the event's.")
            }
            guard event.citations.contains(where: { $0.source.key == key }) else {
                let cited = event.citations.map(\.source.key)
                throw TimelineError(.usage, "--remove-source '\(reference)': the event does not cite \(key)"
                    + (cited.isEmpty ? "; it cites no source." : "; it cites \(cited.joined(separator: ", "))."))
            }
            if let figure = event.measures.first(where: { $0.source == key }) {
                // `--measure Q= --source S` takes out S's figures of Q and those from no source:
                // say so when there are some, for they go too.
                let unsourced = event.measures.filter { $0.quantity == figure.quantity && $0.source == nil }.count
                let alsoUnsourced = unsourced == 0 ? "" : ", and the \(unsourced == 1 ? "one" : "\(unsourced)") from no source too"
                throw TimelineError(.usage, "--remove-source '\(reference)': the figure \(figure.quantity) comes from \(key); remove it in the same edit (--measure \(figure.quantity)= --source \(key) takes out that source's \(figure.quantity) figures\(alsoUnsourced); another source's stay), then give it again from another source if another gives it.")
            }
            event.citations.removeAll { $0.source.key == key }
        }
    }

    struct Remove: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove events; the last version of each stays in history for --as-of.",
            discussion: """
                Several uids are removed together, all or none (an unknown one removes none). \
                `timeline restore UID` brings one back.

                Examples:
                  timeline remove amazon-care-expansion-2022
                  timeline remove acme-layoff-2024-1 acme-layoff-2024-2
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The uids of the events to remove.")
        var uids: [String] = []

        func validate() throws {
            guard !uids.isEmpty else { throw ValidationError("remove needs the uid of an event; `timeline list` shows the uids.") }
        }

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    // One transaction: an unknown uid removes none (a uid given twice is one).
                    var seen = Set<String>()
                    let distinct = uids.filter { seen.insert($0).inserted }
                    try store.readingAndWriting {
                        for uid in distinct { try store.remove(uid: uid) }
                    }
                    confirmation.write(distinct.map { "Removed \($0)\n" }.joined(), saved: distinct.count == 1 ? "\(distinct[0]) was removed" : "the \(distinct.count) events were removed")
                }
                try confirmation.check()
            }
        }
    }

    struct Restore: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Bring back a removed event, as it was when removed.",
            discussion: """
                The event comes back under its uid, with its entities, figures and sources; its history \
                goes on (`timeline history UID` shows it removed, then added again). An entity merged \
                into another since is found under its old name, which the merge kept as an alias.

                Example:
                  timeline restore amazon-care-expansion-2022
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The uid of the removed event.")
        var uid: String

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    try store.restore(uid: uid)
                    confirmation.write("Restored \(uid)\n", saved: "\(uid) was restored")
                }
                try confirmation.check()
            }
        }
    }
}

/// A note for each role of the event's that no other event has and that reads as one another
/// has (`emplyer`: did you mean `employer`?), with the edit that puts it right.
func noteRolesReadingAsOthers(in store: TimelineStore, uid: String) throws {
    // The roles as saved (`Emplyer` is `emplyer`).
    guard let event = try store.event(uid: uid) else { return }
    for (role, meant) in try store.rolesReadingAsOthers(event.entities.map(\.role)) {
        let entity = event.entities.first { $0.role == role }?.name ?? "NAME"
        printError("note: the role '\(role)' is new to the timeline; did you mean '\(meant)'? "
                   + "`timeline edit \(uid) --entity '\(entity):\(meant)'` gives it that one (with the event's other entities).")
    }
}
