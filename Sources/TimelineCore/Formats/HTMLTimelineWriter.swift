/// One self-contained HTML page that shows the events as a picture: an SVG time axis with the
/// events in lanes (by entity or kind), marks as precise as their dates, announcements joined to
/// when they take effect, and below it a table of the same events with every figure and source.
///
/// The page loads nothing (no scripts, styles, fonts or images from anywhere), reads fully
/// without its small script, prints, follows the reader's light or dark scheme, and is the same
/// bytes for the same data. It is sized to all the events, so they are collected until `end`.
public final class HTMLTimelineWriter: EventStreamWriter, NamesEntities {
    public var entityNames: [String: String] = [:]
    public var entityNaming: NamesEntities? { self }
    /// What the chart's lanes group events by.
    public enum Lanes: String, Sendable, CaseIterable {
        /// The event's first (main) entity.
        case entity
        case kind
    }

    private let output: TextOutput
    private let lanes: Lanes
    private let language: DateDisplayLanguage
    private let heading: String?
    private let policy: TimelineAxis.WidthPolicy
    private var events: [Event] = []

    /// `heading` is the page's title; by default "Timeline" in the page's language.
    public convenience init(output: TextOutput, lanes: Lanes = .entity, language: DateDisplayLanguage = .english,
                            heading: String? = nil) {
        self.init(output: output, lanes: lanes, language: language, heading: heading, policy: TimelineAxis.WidthPolicy())
    }

    init(output: TextOutput, lanes: Lanes, language: DateDisplayLanguage, heading: String?, policy: TimelineAxis.WidthPolicy) {
        self.output = output
        self.lanes = lanes
        self.language = language
        self.heading = heading
        self.policy = policy
    }

    public func begin() throws {}

    public func write(_ event: Event) throws {
        events.append(event)
    }

    public func end() throws {
        try output.write(Self.page(events: events, lanes: lanes, language: language, heading: heading, policy: policy, entityNames: entityNames))
        try output.finish()
    }

    /// The whole page.
    static func page(events: [Event], lanes: Lanes = .entity, language: DateDisplayLanguage = .english, heading: String? = nil,
                     policy: TimelineAxis.WidthPolicy = TimelineAxis.WidthPolicy(), entityNames: [String: String] = [:]) -> String {
        let words = TimelineWords.words(for: language)
        let title = HTMLText.escape(heading ?? words.pageTitle)
        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(title)</title>
            <style>
            \(HTMLTimelineAssets.styleSheet)</style>
            </head>
            <body>
            <header>
            <h1>\(title)</h1>
            <p class="summary">\(HTMLText.escape(summary(events, lanes: lanes, language: language, words: words)))</p>
            </header>

            """
        if let layout = SVGTimelineLayout(events: events, lanes: lanes, policy: policy, language: language) {
            let colours = EventKindColours(kinds: events.map(\.kind))
            let chart = SVGTimelineChart(layout: layout, events: events, language: language, words: words, colours: colours)
            html += legend(events, words: words, colours: colours)
            html += "<figure class=\"chart\">\n<figcaption>" + HTMLText.escape(words.hint) + "</figcaption>\n"
            html += "<div class=\"scroller\"><div class=\"canvas\" style=\"width:" + SVGTimelineChart.number(layout.width) + "px\">\n"
            html += chart.stickyLaneNames() + "\n" + chart.svg() + "\n</div></div>\n</figure>\n"
            html += "<div class=\"table-scroller\">\n" + HTMLEventTable(events: events, language: language, words: words, colours: colours, entityNames: entityNames).html() + "</div>\n"
        } else {
            html += "<p class=\"empty\">" + HTMLText.escape(words.noEvents) + "</p>\n"
        }
        html += "<aside id=\"event-panel\" hidden tabindex=\"-1\" data-see-in-table=\"" + HTMLText.escape(words.seeInTable)
            + "\"><button type=\"button\" class=\"close\" aria-label=\"" + HTMLText.escape(words.close)
            + "\">×</button><div class=\"panel-body\"></div></aside>\n"
        html += "<script>\n" + HTMLTimelineAssets.script + "</script>\n</body>\n</html>\n"
        return html
    }

    /// `15 events, Sep 2019 – 29 Mar 2023, in lanes by entity.`
    private static func summary(_ events: [Event], lanes: Lanes, language: DateDisplayLanguage, words: TimelineWords) -> String {
        var text = words.events(events.count)
        // The first and last dates by their days; an interval contributes its own ends.
        let first = events.compactMap { $0.when.isInterval ? $0.when.start : $0.when }.min { ($0.earliest?.dayNumber ?? .min) < ($1.earliest?.dayNumber ?? .min) }
        let last = events.compactMap { $0.when.isInterval ? $0.when.end : $0.when }.max { ($0.latest?.dayNumber ?? .max) < ($1.latest?.dayNumber ?? .max) }
        if let first, let last {
            let (from, to) = (first.display(language), last.display(language))
            text += ", " + (from == to ? from : from + " – " + to)
        }
        if !events.isEmpty { text += ", " + (lanes == .entity ? words.lanesByEntity : words.lanesByKind) }
        return text + "."
    }

    /// What each shape means, and the colour of each kind on the page.
    private static func legend(_ events: [Event], words: TimelineWords, colours: EventKindColours) -> String {
        func item(_ drawing: String, _ text: String, classes: String = "") -> String {
            "<li><svg width=\"36\" height=\"16\" viewBox=\"0 0 36 16\" aria-hidden=\"true\"><g class=\"event k8\(classes)\">"
                + drawing + "</g></svg>" + HTMLText.escape(text) + "</li>"
        }
        var html = "<section class=\"legend\" aria-label=\"" + HTMLText.escape(words.legendHeading) + "\">\n<h2>"
            + HTMLText.escape(words.legendHeading) + "</h2>\n<ul>"
        html += item("<circle class=\"mark point\" cx=\"18\" cy=\"8\" r=\"5.5\"/>", words.legendDay)
        html += item("<rect class=\"mark band\" x=\"4\" y=\"2\" width=\"28\" height=\"12\" rx=\"2\"/>", words.legendSpan)
        html += item("<rect class=\"mark extent\" x=\"2\" y=\"2\" width=\"32\" height=\"12\" rx=\"2\"/>"
                     + "<rect class=\"mark core\" x=\"10\" y=\"2\" width=\"16\" height=\"12\" rx=\"2\"/>", words.legendInterval)
        html += item("<rect class=\"mark band\" x=\"4\" y=\"2\" width=\"28\" height=\"12\" rx=\"2\"/>", words.legendApproximate,
                     classes: " approximate")
        html += item("<path class=\"whisker\" d=\"M5 8H12M24 8H31M5 3V13M31 3V13\"/><rect class=\"mark band\" x=\"12\" y=\"2\" width=\"12\" height=\"12\" rx=\"2\"/>",
                     words.legendUncertain, classes: " uncertain")
        html += item("<line class=\"announcement-link\" x1=\"6\" y1=\"8\" x2=\"28\" y2=\"8\"/><path class=\"announcement\" d=\"M6 3.5l4.5 4.5l-4.5 4.5l-4.5-4.5Z\"/>"
                     + "<circle class=\"mark point\" cx=\"29\" cy=\"8\" r=\"5.5\"/>", words.legendAnnounced)
        html += item("<rect class=\"mark core\" x=\"2\" y=\"2\" width=\"24\" height=\"12\" rx=\"2\"/><path class=\"open-end\" d=\"M25 0L34 8L25 16Z\"/>",
                     words.legendOpenEnd)
        html += item("<rect class=\"mark extent\" x=\"2\" y=\"2\" width=\"32\" height=\"12\" rx=\"2\" mask=\"url(#fade-right)\"/>",
                     words.legendUnknownEnd)
        html += "</ul>\n<h2>" + HTMLText.escape(words.kindsHeading) + "</h2>\n<ul>"
        var kinds: [String] = []
        for event in events where !kinds.contains(event.kind) { kinds.append(event.kind) }
        for kind in kinds.sorted() {
            html += "<li><span class=\"swatch " + colours.className(for: kind) + "\" aria-hidden=\"true\"></span>"
                + HTMLText.escape(kind) + "</li>"
        }
        return html + "</ul>\n</section>\n"
    }
}
