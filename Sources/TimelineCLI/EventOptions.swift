import ArgumentParser
import TimelineCore

/// The fields of an event, as `add` and `edit` take them.
struct EventOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The kind: launch, expansion, customer, shutdown, layoff, acquisition, … (`timeline kinds` lists them).", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("When it happens, in any form `timeline date` reads: 2022-12-01, Q2 2022, décembre 2022, 2019/2022-12-31; without a year (mi-mars), the cited source's publication date gives it.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("A one-line title.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("A longer summary.", valueName: "text"))
    var summary: String?

    @Option(help: ArgumentHelp("When it was made public ('none' to clear it in edit).", valueName: "date"))
    var announced: String?

    @Option(help: ArgumentHelp("occurred (default), planned, considered or cancelled.", valueName: "status"))
    var status: EventStatus?

    @Option(help: ArgumentHelp("An entity involved, by slug, name or alias, with an optional role: 'Amazon Care:employer' (repeatable; a new name creates the entity).", valueName: "entity[:role]"))
    var entity: [String] = []

    @Option(help: ArgumentHelp("A figure: QUANTITY=VALUE:UNIT[@ENTITY], e.g. employees-laid-off=159:person@amazon-care; ~VALUE for about, >VALUE more than, <VALUE less than, >=VALUE at least, <=VALUE up to, >~VALUE more than about; money as papers write it, £1.2m, $450k:USD, GBP 5,000, (£5,000), is multiplied out, a sign or code of one currency giving the unit; a point is the decimal mark (1.200 is 1.2, refused in a unit of things that come whole, 1.500:person), and in such a unit a comma before three digits groups thousands (3,870:person) (repeatable). With edit, it replaces the figures of its quantity and keeps the others (without @ENTITY, counting the entity the replaced figures counted; a figure restated, 1.5 for 1.500, keeps its source); QUANTITY= removes that quantity's, and --measure '' alone removes them all.", valueName: "measure"))
    var measure: [String] = []

    @Option(help: ArgumentHelp("A tag (repeatable); with edit, the tags given replace the event's, and --tag '' alone removes them all.", valueName: "tag"))
    var tag: [String] = []

    @Option(help: ArgumentHelp("A source backing the event, by URL or source key; created when new (its publisher is the site's name until you say otherwise with --publisher).", valueName: "url"))
    var source: String?

    @Option(help: ArgumentHelp("With --source, when creating it: the publisher.", valueName: "name"))
    var publisher: String?

    @Option(help: ArgumentHelp("With --source, when creating it: the publication date.", valueName: "date"))
    var published: String?

    @Option(name: .customLong("source-title"), help: ArgumentHelp("With --source, when creating it: its title (an article's headline, a ruling's reference: 'TC Lille, jugement n° 2022J00123').", valueName: "title"))
    var sourceTitle: String?

    @Option(help: ArgumentHelp("With --source: the source's own words.", valueName: "text"))
    var quote: String?

    @Option(name: .customLong("quote-lang"), help: ArgumentHelp("The language of the quote and of a new source (BCP 47: en, fr); a quote from a source the timeline has defaults to its language.", valueName: "lang"))
    var quoteLanguage: String?

    @Option(help: ArgumentHelp("With --quote: an English translation of it; in edit, without --quote, of the one quote the event cites from --source.", valueName: "text"))
    var translation: String?

    @Option(help: ArgumentHelp("With --source: supports (default), contradicts or corrects.", valueName: "stance"))
    var stance: Citation.Stance?

    mutating func validate() throws {
        let describing = [("--quote", quote != nil), ("--quote-lang", quoteLanguage != nil), ("--translation", translation != nil),
                          ("--publisher", publisher != nil), ("--published", published != nil), ("--stance", stance != nil),
                          ("--source-title", sourceTitle != nil)].filter(\.1).map(\.0)
        if source == nil, let last = describing.last {
            let given = describing.count == 1 ? last + " describes" : describing.dropLast().joined(separator: ", ") + " and " + last + " describe"
            throw ValidationError("\(given) a source: give --source URL too.")
        }
        // `www.lemonde.fr/…`, copied without its scheme, is a web address, not a source key.
        if let given = source, let address = SourceURL.webAddressWithoutScheme(given) {
            printError("note: --source '\(given)' is read as the web address \(address).")
            source = address
        }
        if let quoteLanguage, LanguageTag.canonical(quoteLanguage) == nil {
            throw ValidationError("--quote-lang \(LanguageTag.problem(with: quoteLanguage)).")
        }
        if let refusal = decimalPointRefusals.first { throw ValidationError(refusal) }
    }

    /// A quote as typed again is compared: spaces around it and within it (no-break ones too) as
    /// one, and typographic apostrophes and quotation marks as the keyboard's (`l’usine` is
    /// `l'usine`), so that a translation added to a stored quote is not a second citation of it.
    static func comparableQuote(_ text: String) -> String {
        var folded = ""
        var pendingSpace = false
        for character in text.trimmingSpaces() {
            switch character {
            case " ", "\u{A0}", "\u{202F}", "\t", "\n", "\r":
                pendingSpace = true
                continue
            default: break
            }
            if pendingSpace { folded.append(" ") }
            pendingSpace = false
            switch character {
            case "’", "‘", "ʼ", "‛", "′": folded.append("'")
            case "“", "”", "„", "″": folded.append("\"")
            default: folded.append(character)
            }
        }
        return folded
    }

    func parsedDate(_ text: String, flag: String, context: DateParsingContext) throws -> TimelineDate {
        do {
            return try TimelineDate.parse(text, context: context)
        } catch {
            throw TimelineError(.usage, "\(flag) \(error.description)")
        }
    }

    /// A source's publication date, as --published gives it.
    func publicationDate(_ text: String, context: DateParsingContext) throws -> TimelineDate {
        let date = try parsedDate(text, flag: "--published", context: context)
        if let problem = date.publicationProblem {
            throw TimelineError(.usage, "--published '\(text)' \(problem).")
        }
        return date
    }

    /// `parsedDate`, a date without a year taking it from `reference()` (see `TimelineDate.parse`).
    private func eventDate(_ text: String, flag: String, context: DateParsingContext, onOrBefore: Bool = false,
                           reference: () throws -> PublicationReference) throws -> TimelineDate {
        do {
            return try TimelineDate.parse(text, context: context, yearFrom: reference, onOrBefore: onOrBefore)
        } catch let error as TimelineDateError where error.needsYear {
            throw TimelineError(.usage, "\(flag) '\(text)' has no year: write one, or cite a source with --published to take it from.")
        } catch let error as TimelineDateError {
            throw TimelineError(.usage, "\(flag) \(error.description)")
        }
    }

    func entities() throws -> [EventEntity] {
        try entity.map { text in
            var name = Substring(text)
            var role = "subject"
            if let colon = text.lastIndex(of: ":") {
                role = String(text[text.index(after: colon)...])
                name = text[..<colon]
            }
            guard !name.allSatisfy(\.isWhitespace), !role.allSatisfy(\.isWhitespace) else {
                throw TimelineError(.usage, "--entity '\(text)' needs a name, and a role after ':' if there is a ':'.")
            }
            return EventEntity(slug: "", name: String(name), role: role)
        }
    }

    /// What a command says when --source names a source the timeline has and --publisher or
    /// --published were given: they describe a new source, and are not applied to one that exists.
    func noteOnExistingSource(in store: TimelineStore, context: DateParsingContext) throws -> String? {
        guard let source, publisher != nil || published != nil || sourceTitle != nil, let key = try store.sourceKey(matching: source),
              let stored = try store.publisherAndPublication(ofSource: key) else { return nil }
        // Only what differs: the same add run again says nothing.
        let publishedEDTF = try published.map { try publicationDate($0, context: context).edtf }
        // A source the timeline holds undated takes the date (see `EventSaver.resolve`).
        let dating = stored.published == nil ? publishedEDTF : nil
        let options = [publisher.flatMap { $0.trimmingSpaces() == stored.publisher.trimmingSpaces() ? nil : "--publisher" },
                       publishedEDTF.flatMap { dating != nil || $0 == stored.published ? nil : "--published" },
                       sourceTitle.flatMap { stored.title == nil || $0.trimmingSpaces() == stored.title ? nil : "--source-title" }].compactMap { $0 }
        guard !options.isEmpty else { return dating.map { "the source '\(key)', which had no publication date, is now dated \($0)." } }
        let one = options.count == 1
        return "the source '\(key)' exists already, so \(options.joined(separator: " and ")), which \(one ? "describes" : "describe") a new source, "
            + "\(one ? "was" : "were") not applied; a timeline document listing the source changes it (see `timeline help import`)"
            + (dating.map { "; it had no publication date, and is now dated \($0)" } ?? "") + "."
    }

    /// Notes on the source --source made (`uid` cites it): without a publication date `list
    /// --as-of` never shows it; without a language its quote cannot be marked (`lang="fr"`); a
    /// pasted URL was saved without its tracking parameters.
    func newSourceNotes(uid: String) -> [String] {
        guard let source else { return [] }
        var notes: [String] = []
        if published == nil {
            notes.append("note: the new source \(source) has no publication date, so `list --as-of` never shows what it says; "
                         + "--published gives one when a source is created.")
        }
        if quote != nil, quoteLanguage == nil {
            notes.append("note: the new source \(source) and its quote have no language; --quote-lang (fr, en, …) gives one "
                         + "when a source is created, and `timeline edit \(uid) --source \(source) --quote 'the same quote' --quote-lang fr` gives the quote one later.")
        }
        let saved = SourceURL.withoutTracking(source)
        if saved != source {
            notes.append("note: the new source's URL was saved without the parameters that only say how a reader came to the page "
                         + "(utm_…, fbclid, …): \(saved).")
        }
        return notes
    }

    /// Notes on dates given in EDTF's season, quarter or half-year form that read as a span of
    /// years in prose (`2019-22`: summer 2019, not 2019 to 2022), with what to write for the years.
    var seasonNotes: [String] {
        [PeriodCodeAsYears.note("--date", date), PeriodCodeAsYears.note("--announced", announced)].compactMap { $0 }
    }

    /// Notes for a figure such as `1.200`: decimal here (1.2), as in English, while French and
    /// German prose write twelve hundred so. Kept as given; said, since a sum would be a thousand off.
    var decimalPointNotes: [String] {
        measure.compactMap { text in
            guard let figure = pointBeforeThreeDigits(text), !MeasureSpecification.refusesPointBeforeThreeDigits(inUnit: figure.unit) else { return nil }
            return "note: --measure '\(text)' is read as \(figure.read) (a point in a figure is its decimal mark); if the point groups thousands, write \(figure.thousands)."
        }
    }

    /// Notes for a figure above 1 in the unit fraction (`15:fraction`, 1,500%): most likely a
    /// percentage given without its sign. Kept as given; said, as an import says it.
    var fractionNotes: [String] {
        measure.compactMap { text in
            guard let figure = try? MeasureSpecification.parse(text), figure.unit.lowercased() == "fraction",
                  let value = Double(figure.value), value > 1 else { return nil }
            return "note: --measure '\(text)' is more than 1 in the unit fraction, where 1 is 100%; a share written as a percentage "
                + "goes in with its sign (\(figure.value)%) or in the unit percent."
        }
    }

    /// The same figure in a unit of things that come whole (`1.500:person`): 1.5 people is an
    /// unlikely reading, and German prose writes fifteen hundred so. Refused, naming both
    /// figures as they would be written, with their qualifiers (`~1500`, `1500+`).
    /// So in a currency (`250.000 €`, `1.500:EUR`): money is seldom written to three decimals,
    /// and most of the languages that write euros group their thousands so; an import refuses such
    /// a cell as either too. (Not in the currencies written to three decimals, the dinars.)
    var decimalPointRefusals: [String] {
        measure.compactMap { text in
            guard let figure = pointBeforeThreeDigits(text), MeasureSpecification.refusesPointBeforeThreeDigits(inUnit: figure.unit) else { return nil }
            guard let typed = text.firstRange(of: figure.typed) else { return nil }
            // `1.899 €` meant as a price to the tenth of a cent: a fourth decimal says so.
            let decimalDigits = figure.readUnsigned == figure.typed ? figure.typed + "0" : figure.readUnsigned
            var thousands = text, decimal = text
            thousands.replaceSubrange(typed, with: figure.thousandsUnsigned)
            decimal.replaceSubrange(typed, with: decimalDigits)
            let why = UnitPlural.countsWholeThings(figure.unit)
                ? "counts \(UnitPlural.of(figure.unit.asciiLowercased)) (\(figure.read) of them is unlikely)"
                : "is money, seldom written to three decimals"
            return "--measure '\(text)' \(why), and a point in a figure is its decimal mark: "
                + "write --measure '\(thousands)' for \(figure.thousands) (the point grouping thousands), or '\(decimal)' if \(figure.read) is meant."
        }
    }

    /// A figure given with a point before three digits (`1.200`, `-1.200`, `1.500+`), as
    /// `--measure` reads it (signs, bounds and spaced thousands are the parser's): its unit,
    /// how it reads (1.2) and the number it is with the point grouping thousands (1200), and
    /// the digits as typed (`1.200`) with those two without their sign, to put in their place.
    private func pointBeforeThreeDigits(_ text: String)
        -> (unit: String, read: String, thousands: String, typed: String, readUnsigned: String, thousandsUnsigned: String)? {
        // A point the value was given with (`1500 thousand` in a unit of millions has none).
        guard text.contains("."), let figure = try? MeasureSpecification.parse(text) else { return nil }
        // `1.500 Mio. €:EUR-Mrd` is 1.5 read from a point that grouped thousands: nothing to say.
        if MeasureSpecification.valueReadsPointsAsGrouping(text) { return nil }
        let value = figure.value
        let sign = value.hasPrefix("-") ? "-" : ""
        let parts = value.dropFirst(sign.count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[0].first != "0", parts[1].count == 3 else { return nil }
        var decimals = parts[1]
        while decimals.last == "0" { decimals.removeLast() }
        let read = decimals.isEmpty ? String(parts[0]) : "\(parts[0]).\(decimals)"
        return (figure.unit, sign + read, "\(sign)\(parts[0])\(parts[1])", "\(parts[0]).\(parts[1])", read, "\(parts[0])\(parts[1])")
    }

    /// - Parameter sourceLanguage: the language of a source the timeline has, by key or URL; a
    ///   quote given without --quote-lang is in it.
    func citation(context: DateParsingContext, sourceLanguage: (String) throws -> String?) throws -> Citation? {
        guard let source else { return nil }
        let isURL = source.contains("://")
        let publication = try published.map { try publicationDate($0, context: context) }
        return Citation(
            source: Source(key: isURL ? "" : source, url: isURL ? source : nil,
                           title: sourceTitle.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 },
                           publisher: publisher ?? "", published: publication, language: quoteLanguage ?? "", type: "news"),
            stance: stance ?? .supports, quote: quote,
            quoteLanguage: quote == nil ? nil : try quoteLanguage ?? sourceLanguage(source), translation: translation)
    }

    /// Applies the options given to an event (for add, a blank one).
    /// - Parameter removedSources: keys of sources the command takes out of the event, whose dates
    ///   a date without a year, or a relative one, must not count from.
    func apply(to event: inout Event, context: DateParsingContext, removedSources: Set<String> = [], sourceLanguage: (String) throws -> String?,
               sourcePublished: (String) throws -> TimelineDate?, sourceKey: (String) throws -> String?) throws {
        if let kind { event.kind = kind }
        if let title { event.title = title }
        if let summary { event.summary = summary.isEmpty ? nil : summary }
        if let status { event.status = status }
        // A date written without a year (`mid-March`) takes it from the source cited with it: the
        // date the timeline holds for it (a --published is then not applied), else --published.
        // Without --source, the event's own cited sources (in edit).
        let cited = event.citations.filter { !removedSources.contains($0.source.key) }.map(\.source.published)
        func reference() throws -> PublicationReference {
            guard let source else { return cited.isEmpty ? .none : cited.compactMap { $0 }.first.map(PublicationReference.published) ?? .citedUndated }
            let date = try sourceKey(source).flatMap(sourcePublished) ?? published.map { try publicationDate($0, context: context) }
            return date.map(PublicationReference.published) ?? .citedUndated
        }
        if let date { event.when = try eventDate(date, flag: "--date", context: context, reference: reference) }
        if let announced {
            // An announcement comes before the article that reports it.
            event.announced = announced == "none" ? nil
                : try eventDate(announced, flag: "--announced", context: context, onOrBefore: true, reference: reference)
        }
        if !entity.isEmpty { event.entities = try entities() }
        let newCitation = try citation(context: context, sourceLanguage: sourceLanguage)
        if !measure.isEmpty {
            event.measures = try MeasureSpecification.edit(
                event.measures, with: measure, source: newCitation.map { $0.source.url ?? $0.source.key },
                sourceKey: try source.flatMap(sourceKey))
        }
        if !tag.isEmpty { event.tags = tag }
        // A bare --source (no stance, quote, translation or note) that the event cites already
        // names that citation, whatever its stance: a figure sourced to it needs no second one.
        if let newCitation {
            let isBare = stance == nil && quote == nil && translation == nil
            let key = try source.flatMap(sourceKey)
            let citedKey = isBare ? key : nil
            // The quote the event cites from that source already, given again: that citation, its
            // language, translation or stance set by what is given (a quote stored without its
            // language is put right so, not cited twice).
            let sameQuote = quote.map(Self.comparableQuote)
            // A translation alone is of the one quote the event cites from that source (added to
            // it later, without typing the quote again).
            var translated: Int?
            if quote == nil, translation != nil {
                let quoted = event.citations.indices.filter { key != nil && event.citations[$0].source.key == key && event.citations[$0].quote != nil }
                guard quoted.count == 1 else {
                    throw TimelineError(.usage, quoted.isEmpty
                        ? "--translation translates a quote: give the quote with --quote (the event cites no quote from \(source ?? "") to add it to)."
                        : "--translation translates one quote, and the event cites \(quoted.count) from \(source ?? ""): give the one it translates with --quote.")
                }
                translated = quoted[0]
            }
            if let cited = translated {
                event.citations[cited].translation = translation
                if let quoteLanguage { event.citations[cited].quoteLanguage = quoteLanguage }
                if let stance { event.citations[cited].stance = stance }
                Self.complete(&event.citations[cited].source, from: newCitation.source)
            } else if let key, let sameQuote,
               let cited = event.citations.firstIndex(where: { $0.source.key == key && $0.quote.map(Self.comparableQuote) == sameQuote }) {
                if let quoteLanguage { event.citations[cited].quoteLanguage = newCitation.quoteLanguage ?? quoteLanguage }
                if let translation { event.citations[cited].translation = translation }
                if let stance { event.citations[cited].stance = stance }
                Self.complete(&event.citations[cited].source, from: newCitation.source)
            } else if quote == nil, translation == nil, let stance, let key,
                      case let citing = event.citations.indices.filter({ event.citations[$0].source.key == key }), !citing.isEmpty {
                // A stance alone for a source the event cites is that citation's (its quote stays):
                // one source cited twice without a quote, with two stances, would say nothing.
                let unquoted = citing.filter { event.citations[$0].quote == nil }
                guard let cited = citing.count == 1 ? citing[0] : unquoted.first else {
                    throw TimelineError(.usage, "--stance with --source \(source ?? key) changes the stance of the event's citation of that source, and it cites it \(citing.count) times, "
                        + "each with a quote: give the quote of the one to change with --quote.")
                }
                event.citations[cited].stance = stance
                Self.complete(&event.citations[cited].source, from: newCitation.source)
                // Cited again without a quote (with another stance, once): one citation says it.
                let repeated = Set(unquoted.dropFirst().filter { event.citations[$0].note == nil || event.citations[$0].note == event.citations[cited].note })
                event.citations = event.citations.indices.filter { !repeated.contains($0) }.map { event.citations[$0] }
            } else if let cited = event.citations.firstIndex(where: { $0.source.key == citedKey }) {
                Self.complete(&event.citations[cited].source, from: newCitation.source)
            } else {
                event.citations.append(newCitation)
            }
        }
    }
}

extension EventOptions {
    /// A cited source the timeline holds without a publication date, title or language takes
    /// those given (`--published`, `--source-title`, `--quote-lang`); the saver stores them.
    static func complete(_ source: inout Source, from given: Source) {
        if source.published == nil, let published = given.published { source.published = published }
        if source.title == nil, let title = given.title { source.title = title }
        if source.language == "und", !given.language.isEmpty { source.language = given.language }
    }
}

extension Citation.Stance: ExpressibleByArgument {
    /// In any case, or in French: `--stance contredit` is `contradicts`.
    public init?(argument: String) {
        self.init(word: argument)
    }
}
