/// What reader-facing formats (Markdown, HTML) say about an event's parts by name.
extension Event {
    /// The name of the entity with this slug (`Camaïeu` for `camaieu`): the event's, else the
    /// timeline's (`names`, for a figure that counts an entity the event does not list), else the slug.
    func entityName(of slug: String, names: [String: String] = [:]) -> String {
        entities.first { $0.slug == slug }?.name ?? names[slug] ?? slug
    }

    /// The publisher of the cited source with this key (a figure's source), if the event cites it.
    func publisher(ofSource key: String?) -> String? {
        guard let key else { return nil }
        return citations.first { $0.source.key == key }?.source.publisher
    }

    /// A figure as a chronology gives it: what, how many, whose (by name) and from which source,
    /// so that two sources' figures that disagree are told apart:
    /// `employees laid off: 159 people (Amazon Care; source: CNBC)`.
    func readableFigure(_ measure: Measure, language: DateDisplayLanguage, words: TimelineWords, names: [String: String] = [:]) -> String {
        var figure = measure.labelledDisplay(language)
        let about = [measure.entity.map { entityName(of: $0, names: names) },
                     publisher(ofSource: measure.source).map { words.source + words.colon + $0 }].compactMap { $0 }
        if !about.isEmpty { figure += " (" + about.joined(separator: words.listSeparator) + ")" }
        return figure
    }
}
