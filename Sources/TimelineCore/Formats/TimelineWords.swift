/// The fixed words of the formats printed for people (the list table, the Markdown chronology,
/// the HTML page), in each display language. Kinds are not among them: a kind is a name the
/// timeline keeps, the one `--kind` takes.
struct TimelineWords: Sendable {
    var pageTitle: String
    var eventSingular: String
    var eventPlural: String
    /// French counts zero in the singular (`0 événement`), English in the plural.
    var zeroIsSingular: Bool
    var lanesByEntity: String
    var lanesByKind: String
    var chartLabel: String
    var hint: String
    var legendHeading: String
    var legendDay: String
    var legendSpan: String
    var legendInterval: String
    var legendApproximate: String
    var legendUncertain: String
    var legendAnnounced: String
    var legendOpenEnd: String
    var legendUnknownEnd: String
    var kindsHeading: String
    var tableCaption: String
    var when: String
    var announced: String
    var event: String
    var title: String
    var summary: String
    var kind: String
    var status: String
    var entities: String
    var figures: String
    var uid: String
    var sources: String
    var relations: String
    var tags: String
    /// A source's key, a figure's source, a note, an open end (the `show` page).
    var key: String
    var source: String
    var note: String
    var open: String
    /// Of a date: `approximate`, `approximative`.
    var approximate: String
    var uncertain: String
    var noEvents: String
    /// When events match but `--offset` skips them all, or `--limit 0` shows none, for one event
    /// matching and for more: `{n}` is how many match, `{offset}` the offset.
    var noneShownPastOffset: (one: String, many: String)
    var noneShownAtLimitZero: (one: String, many: String)
    var noEntity: String
    var undated: String
    /// The heading of the events with no start date, in a chronology grouped by year.
    var openStart: String
    /// `and 3 more`, `et 3 de plus`: what a list cut short leaves out.
    var and: String
    var more: String
    var translation: String
    var close: String
    var seeInTable: String
    /// `: ` in English, `\u{a0}: ` in French; `; ` and `\u{a0}; `.
    var colon: String
    var listSeparator: String
    var statuses: StatusWords
    var stances: StanceWords
    var precisions: PrecisionWords

    /// A word for each status. (Switches, not dictionaries: the first dictionary a static binary
    /// uses makes it scan every protocol conformance, a cost a plain `list` should not pay.)
    struct StatusWords: Sendable {
        var occurred, planned, considered, cancelled: String

        func word(for status: EventStatus) -> String {
            switch status {
            case .occurred: occurred
            case .planned: planned
            case .considered: considered
            case .cancelled: cancelled
            }
        }
    }

    /// A word for each stance of a citation.
    struct StanceWords: Sendable {
        var supports, contradicts, corrects: String

        func word(for stance: Citation.Stance) -> String {
            switch stance {
            case .supports: supports
            case .contradicts: contradicts
            case .corrects: corrects
            }
        }
    }

    /// The name of each precision: `year`, `année`.
    struct PrecisionWords: Sendable {
        var day, month, season, quarter, halfYear, year, decade, century, interval: String

        func word(for precision: DatePrecision) -> String {
            switch precision {
            case .day: day
            case .month: month
            case .season: season
            case .quarter: quarter
            case .halfYear: halfYear
            case .year: year
            case .decade: decade
            case .century: century
            case .interval: interval
            }
        }
    }

    static func words(for language: DateDisplayLanguage) -> TimelineWords {
        switch language {
        case .english: english
        case .french: french
        }
    }

    /// `1 event`, `15 events`; `0 événement`, `15 événements`.
    func events(_ count: Int) -> String {
        "\(count) " + (count == 1 || (count == 0 && zeroIsSingular) ? eventSingular : eventPlural)
    }

    func status(_ status: EventStatus) -> String { statuses.word(for: status) }

    func andMore(_ count: Int) -> String { "\(and) \(count) \(more)" }

    func stance(_ stance: Citation.Stance) -> String { stances.word(for: stance) }

    func precision(_ precision: DatePrecision) -> String { precisions.word(for: precision) }

    static let english = TimelineWords(
        pageTitle: "Timeline",
        eventSingular: "event",
        eventPlural: "events",
        zeroIsSingular: false,
        lanesByEntity: "in lanes by entity",
        lanesByKind: "in lanes by kind",
        chartLabel: "Timeline chart",
        hint: "Scroll sideways along the time axis; hover over an event for a summary, click it for its figures and sources.",
        legendHeading: "How to read it",
        legendDay: "a day",
        legendSpan: "a month, quarter, season, half-year or year: its whole span",
        legendInterval: "an interval; paler ends are imprecise",
        legendApproximate: "approximate (c.)",
        legendUncertain: "uncertain (?)",
        legendAnnounced: "announced, then takes effect",
        legendOpenEnd: "no end (ongoing)",
        legendUnknownEnd: "end not known",
        kindsHeading: "Kinds",
        tableCaption: "Every event in chronological order, with its figures and sources",
        when: "When",
        announced: "Announced",
        event: "Event",
        title: "Title",
        summary: "Summary",
        kind: "Kind",
        status: "Status",
        entities: "Entities",
        figures: "Figures",
        uid: "UID",
        sources: "Sources",
        relations: "Relations",
        tags: "Tags",
        key: "key",
        source: "source",
        note: "note",
        open: "open",
        approximate: "approximate",
        uncertain: "uncertain",
        noEvents: "No events match.",
        noneShownPastOffset: ("No events shown: 1 matches, and --offset {offset} skips it.",
                              "No events shown: {n} match, and --offset {offset} skips them all."),
        noneShownAtLimitZero: ("No events shown: 1 matches, and --limit 0 shows none.", "No events shown: {n} match, and --limit 0 shows none."),
        noEntity: "(no entity)",
        undated: "undated",
        openStart: "Open start",
        and: "and",
        more: "more",
        translation: "translation",
        close: "Close",
        seeInTable: "See it in the table",
        colon: ": ",
        listSeparator: "; ",
        statuses: StatusWords(occurred: "occurred", planned: "planned", considered: "considered", cancelled: "cancelled"),
        stances: StanceWords(supports: "supports", contradicts: "contradicts", corrects: "corrects"),
        precisions: PrecisionWords(day: "day", month: "month", season: "season", quarter: "quarter", halfYear: "half-year",
                                   year: "year", decade: "decade", century: "century", interval: "interval")
    )

    static let french = TimelineWords(
        pageTitle: "Chronologie",
        eventSingular: "événement",
        eventPlural: "événements",
        zeroIsSingular: true,
        lanesByEntity: "en lignes par entité",
        lanesByKind: "en lignes par type",
        chartLabel: "Frise chronologique",
        hint: "Faites défiler l’axe du temps ; survolez un événement pour son résumé, cliquez dessus pour ses chiffres et ses sources.",
        legendHeading: "Comment la lire",
        legendDay: "un jour",
        legendSpan: "un mois, un trimestre, une saison, un semestre ou une année : toute sa durée",
        legendInterval: "un intervalle ; les bouts pâles sont imprécis",
        legendApproximate: "approximative (vers)",
        legendUncertain: "incertaine (?)",
        legendAnnounced: "annoncé, puis effectif",
        legendOpenEnd: "sans fin (en cours)",
        legendUnknownEnd: "fin inconnue",
        kindsHeading: "Types",
        tableCaption: "Tous les événements dans l’ordre chronologique, avec leurs chiffres et leurs sources",
        when: "Date",
        announced: "Annoncé",
        event: "Événement",
        title: "Titre",
        summary: "Résumé",
        kind: "Type",
        status: "Statut",
        entities: "Entités",
        figures: "Chiffres",
        uid: "UID",
        sources: "Sources",
        relations: "Relations",
        tags: "Étiquettes",
        key: "clé",
        source: "source",
        note: "note",
        open: "ouvert",
        approximate: "approximative",
        uncertain: "incertaine",
        noEvents: "Aucun événement ne correspond.",
        noneShownPastOffset: ("Aucun événement affiché\u{a0}: 1 correspond, et --offset {offset} le saute.",
                              "Aucun événement affiché\u{a0}: {n} correspondent, et --offset {offset} les saute tous."),
        noneShownAtLimitZero: ("Aucun événement affiché\u{a0}: 1 correspond, et --limit 0 n’en montre aucun.",
                               "Aucun événement affiché\u{a0}: {n} correspondent, et --limit 0 n’en montre aucun."),
        noEntity: "(sans entité)",
        undated: "non daté",
        openStart: "Sans date de début",
        and: "et",
        more: "de plus",
        translation: "traduction",
        close: "Fermer",
        seeInTable: "Voir dans le tableau",
        colon: "\u{a0}: ",
        listSeparator: "\u{a0}; ",
        statuses: StatusWords(occurred: "a eu lieu", planned: "prévu", considered: "envisagé", cancelled: "annulé"),
        stances: StanceWords(supports: "appuie", contradicts: "contredit", corrects: "corrige"),
        precisions: PrecisionWords(day: "jour", month: "mois", season: "saison", quarter: "trimestre", halfYear: "semestre",
                                   year: "année", decade: "décennie", century: "siècle", interval: "intervalle")
    )
}
