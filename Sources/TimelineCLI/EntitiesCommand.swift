import ArgumentParser
import TimelineCore

extension Timeline {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entities",
            abstract: "List, edit, merge and remove entities.",
            discussion: """
                Any of a slug, a name or an alias finds an entity, here and in --entity. A timeline \
                document (see `timeline help import`) changes many at once; `timeline export --format seed` \
                writes one to start from.

                Examples:
                  timeline entities
                  timeline entities edit amazon-care --alias "Amazon Santé@fr"
                  timeline entities merge "Amazon Care Inc" amazon-care
                """,
            subcommands: [List.self, Edit.self, Merge.self, Remove.self],
            defaultSubcommand: List.self
        )
    }
}

extension Timeline.Entities {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the entities: slugs, names, types, aliases, relations and how many events involve each (the default).",
            discussion: """
                Examples:
                  timeline entities
                  timeline entities --format json
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                try global.withStore { store in
                    try EntityListWriter(format: format, output: .standardOutput()).write(try store.entityListings())
                }
            }
        }
    }

    struct Edit: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Rename an entity, change its type or description, add or remove aliases and relations.",
            discussion: """
                A new name keeps the old one as an alias, so what named the entity still finds it. An \
                alias another entity already answers to is refused. Removing matches an alias in any case. \
                A relation is RELATION=OTHER, with @DATES for when it held (any form `timeline date` \
                reads, an interval too: an acquisition given one holds during it, as for one bought then sold, \
                which is noted); giving one it has already re-dates it. The search index and \
                every event's lists follow the change.

                Examples:
                  timeline entities edit amazon-care --type product \\
                    --alias "Amazon Care Services" --alias "Amazon Santé@fr"
                  timeline entities edit 1life-healthcare --name "One Medical" \\
                    --relate acquired-by=amazon@2023-02-22
                  timeline entities edit acme --remove-alias ACME \\
                    --unrelate contractor-of=amazon --description ""
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The entity: its slug, name or an alias.", valueName: "entity"))
        var entity: String

        @Option(help: ArgumentHelp("A new name (the old one stays as an alias).", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("organisation, product, person or place.", valueName: "type"))
        var type: String?

        @Option(help: ArgumentHelp("A new description; \"\" removes it.", valueName: "text"))
        var description: String?

        @Option(help: ArgumentHelp("Add an alias, with @LANGUAGE when it belongs to one: 'Amazon Santé@fr' (repeatable).", valueName: "alias[@lang]"))
        var alias: [String] = []

        @Option(name: .customLong("remove-alias"), help: ArgumentHelp("Remove an alias (repeatable).", valueName: "alias"))
        var removeAlias: [String] = []

        @Option(help: ArgumentHelp("Add or re-date a relation: part-of, product-of, contractor-of or acquired-by another entity, with @DATES when known: 'product-of=amazon@2019/2022' (repeatable).", valueName: "relation=other[@dates]"))
        var relate: [String] = []

        @Option(help: ArgumentHelp("Remove a relation: 'contractor-of=amazon' (repeatable).", valueName: "relation=other"))
        var unrelate: [String] = []

        func validate() throws {
            if name == nil && type == nil && description == nil && alias.isEmpty && removeAlias.isEmpty && relate.isEmpty && unrelate.isEmpty {
                let changes = ["--name", "--type", "--description", "--alias", "--remove-alias", "--relate", "--unrelate"]
                throw ValidationError("entities edit needs a change: --name, --type, --description, --alias, --remove-alias, --relate or --unrelate"
                                      + (MistypedOption.hint(for: changes).map { "; \($0)" } ?? "."))
            }
            if name?.isEmpty == true { throw ValidationError("--name is empty; an entity needs a name.") }
        }

        func run() throws {
            try reportingErrors {
                var edit = EntityEdit()
                edit.name = name
                edit.type = type
                edit.description = description
                let aliases = try alias.map(Self.alias)
                edit.addedAliases = aliases.map(\.alias)
                edit.removedAliases = removeAlias
                edit.addedRelations = try relate.map(Self.relation)
                edit.removedRelations = try unrelate.map { try Self.relationAndOther($0, option: "--unrelate") }
                var confirmation = Confirmation()
                try global.withStore { store in
                    let edited = try store.editEntity(entity, edit)
                    for note in aliases.compactMap(\.note) { printError("note: " + note) }
                    for (text, relation) in zip(relate, edit.addedRelations) {
                        if let note = try Self.heldDuringNote(text, relation, in: store) { printError(note) }
                    }
                    confirmation.write(edited.changed ? "Edited \(edited.slug)\n" : "Unchanged \(edited.slug)\n",
                                       saved: edited.changed ? "the change to \(edited.slug) was saved" : "\(edited.slug) was left unchanged")
                }
                try confirmation.check()
            }
        }

        /// `NAME` or `NAME@LANG`, where LANG is a language tag with a two- or three-letter
        /// language (`fr`, `pt-BR`, or as a locale writes it, `fr_FR`), kept in its usual case;
        /// any other `@` is part of the name, with a note when what follows it reads as a try at a
        /// tag (`@français`, `@home`): a mistyped tag would otherwise make an alias no one types.
        static func alias(_ text: String) throws -> (alias: Entity.Alias, note: String?) {
            var alias = Entity.Alias(text)
            var note: String?
            if let at = text.lastIndex(of: "@") {
                let written = String(text[text.index(after: at)...])
                let language = String(written.map { $0 == "_" ? "-" : $0 })
                let first = language.prefix { $0 != "-" }
                if (2...3).contains(first.count), let tag = LanguageTag.canonical(language) {
                    alias = Entity.Alias(String(text[..<at]), language: tag)
                } else if !written.isEmpty, at != text.startIndex, written.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) {
                    note = "--alias '\(text)' is kept whole, '@' and all: '\(written)' is no language tag (fr, en, pt-BR); "
                        + "for an alias in a language, give its tag after the '@'."
                }
            }
            guard !alias.name.isEmpty else {
                throw TimelineError(.usage, text.isEmpty ? "--alias is empty; give the alias." : "--alias '\(text)' has no name before the '@'.")
            }
            return (alias, note)
        }

        static func relationAndOther(_ text: String, option: String) throws -> (String, String) {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex, text.index(after: equals) != text.endIndex else {
                throw TimelineError(.usage, "\(option) '\(text)' is not RELATION=OTHER, as in product-of=amazon.")
            }
            return (String(text[..<equals]), String(text[text.index(after: equals)...]))
        }

        /// A relation that holds from its date on (an acquisition) given an interval holds during
        /// it, bought then sold: said, as `late 2021` or `between 2021 and 2022`, read as
        /// intervals, mean a time bought, and would leave out every later event.
        static func heldDuringNote(_ text: String, _ relation: EntityRelation, in store: TimelineStore) throws -> String? {
            guard let valid = relation.valid, valid.edtf.contains("/"), let latest = valid.latest,
                  try store.relationHoldsFromItsDate(relation.relation) else { return nil }
            let start = valid.edtf.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let fromThenOn = start.isEmpty || start == ".." ? "" : ", or \(start)/.. for from then on"
            return "note: --relate '\(text)' is read as \(valid.edtf), so \(relation.relation) holds during it, as for one bought then sold, "
                + "and the events after \(latest.iso) are not the other's with --related; for a time bought, give one date (a day, month, quarter or year)"
                + fromThenOn + "."
        }

        static func relation(_ text: String) throws -> EntityRelation {
            var (relation, other) = try relationAndOther(text, option: "--relate")
            var valid: TimelineDate?
            if let at = other.lastIndex(of: "@") {
                let dates = String(other[other.index(after: at)...])
                other = String(other[..<at])
                do {
                    // `last quarter` counts from $TIMELINE_TODAY when it is set, as elsewhere.
                    valid = try TimelineDate.parse(dates, context: QueryOptions.dateContext(today: nil))
                } catch let error as TimelineDateError {
                    throw TimelineError(.usage, "--relate '\(text)': \(error.description)")
                }
            }
            guard !other.isEmpty else { throw TimelineError(.usage, "--relate '\(text)' names no other entity before the '@'.") }
            return EntityRelation(entity: "", relation: relation, other: other, valid: valid)
        }
    }

    struct Merge: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge one entity into another: its events, figures, relations and names move over.",
            discussion: """
                For two entities that are one (a name typed two ways). The events and figures that \
                named FROM name INTO, each change kept in the event's history (list --as-of still shows \
                the event as it was); FROM's relations become INTO's; FROM's name and aliases become \
                aliases of INTO, so they still find it; then FROM is removed. --dry-run makes the merge, \
                names the events it would change and rolls it back.

                Examples:
                  timeline entities merge "Amazon Care Inc" amazon-care --dry-run
                  timeline entities merge "Amazon Care Inc" amazon-care
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The entity to merge away: its slug, name or an alias.", valueName: "from"))
        var from: String

        @Argument(help: ArgumentHelp("The entity that remains.", valueName: "into"))
        var into: String

        @Flag(help: "Say what the merge would change, naming the events, and write nothing.")
        var dryRun = false

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                let (_, onACopy) = try global.withStore(dryRun: dryRun) { store in
                    let merge = try store.mergeEntity(from, into: into, dryRun: dryRun)
                    let events = merge.events.count == 1 ? "1 event" : "\(merge.events.count) events"
                    var text: String
                    if dryRun {
                        text = "Dry run, nothing written: merging \(merge.from) into \(merge.into) would change \(events)"
                        text += merge.events.isEmpty ? ".\n" : ":\n" + merge.events.map { "  \($0)\n" }.joined()
                    } else {
                        text = "Merged \(merge.from) into \(merge.into): \(events) changed\n"
                    }
                    if !merge.keptRelationDates.isEmpty {
                        text += "\(dryRun ? "Would keep" : "Kept") \(merge.into)'s dates where both had a relation: \(merge.keptRelationDates.joined(separator: "; "))\n"
                    }
                    confirmation.write(text, saved: dryRun ? "the dry run wrote nothing" : "\(merge.from) was merged into \(merge.into)")
                }
                if onACopy { printError(try global.rehearsalNote()) }
                try confirmation.check()
            }
        }
    }

    struct Remove: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove an entity no event or relation names, with its aliases and its own relations.",
            discussion: """
                An entity that events or figures name is refused: merge it into another, or edit those \
                events first. So is one another entity's relation names (acme-labs part-of acme): \
                remove that relation with `entities edit acme-labs --unrelate part-of=acme` first.

                Example:
                  timeline entities remove acme
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The entity: its slug, name or an alias.", valueName: "entity"))
        var entity: String

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    let slug = try store.removeEntity(entity)
                    confirmation.write("Removed \(slug)\n", saved: "\(slug) was removed")
                }
                try confirmation.check()
            }
        }
    }
}
