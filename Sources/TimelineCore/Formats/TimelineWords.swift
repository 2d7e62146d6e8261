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
    var noEvents: String
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
    /// `: ` in English, `\u{a0}: ` in French.
    var colon: String
    var statuses: StatusWords
    var stances: StanceWords

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
        noEvents: "No events match.",
        noEntity: "(no entity)",
        undated: "undated",
        openStart: "Open start",
        and: "and",
        more: "more",
        translation: "translation",
        close: "Close",
        seeInTable: "See it in the table",
        colon: ": ",
        statuses: StatusWords(occurred: "occurred", planned: "planned", considered: "considered", cancelled: "cancelled"),
        stances: StanceWords(supports: "supports", contradicts: "contradicts", corrects: "corrects")
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
        noEvents: "Aucun événement ne correspond.",
        noEntity: "(sans entité)",
        undated: "non daté",
        openStart: "Sans date de début",
        and: "et",
        more: "de plus",
        translation: "traduction",
        close: "Fermer",
        seeInTable: "Voir dans le tableau",
        colon: "\u{a0}: ",
        statuses: StatusWords(occurred: "a eu lieu", planned: "prévu", considered: "envisagé", cancelled: "annulé"),
        stances: StanceWords(supports: "appuie", contradicts: "contredit", corrects: "corrige")
    )
}
