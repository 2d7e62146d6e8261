/// The chart of the HTML timeline as inline SVG markup, drawn from an `SVGTimelineLayout`.
///
/// Every event is one `<a class="event">` that links to its row in the table below (so a click
/// works without scripts) and carries a `<title>` tooltip. Colours and line styles come from
/// classes the page's style sheet defines, so light and dark schemes and print can change them.
struct SVGTimelineChart {
    let layout: SVGTimelineLayout
    let events: [Event]
    let language: DateDisplayLanguage
    let words: TimelineWords
    let colours: EventKindColours

    typealias Metrics = SVGTimelineLayout.Metrics

    /// The lane names that stay in view while the chart scrolls sideways (the SVG draws its own
    /// too, for print and for pages read without the style sheet).
    func stickyLaneNames() -> String {
        var html = "<div class=\"lane-names\" aria-hidden=\"true\" style=\"width:\(Self.number(Metrics.gutter))px\">"
        for (index, lane) in layout.lanes.enumerated() {
            html += "<div class=\"lane-name " + Self.stripe(index) + "\" style=\"top:" + Self.number(lane.top)
                + "px;height:" + Self.number(lane.height) + "px\"><span>"
                + lane.nameLines.map(HTMLText.escape).joined(separator: "<br>")
                + "</span><small>" + HTMLText.escape(words.events(lane.eventCount)) + "</small></div>"
        }
        return html + "</div>"
    }

    func svg() -> String {
        let width = Self.number(layout.width)
        let height = Self.number(layout.height)
        var svg = "<svg class=\"plot\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\""
            + " role=\"group\" aria-label=\"" + HTMLText.escape(words.chartLabel) + "\">\n"
        svg += Self.definitions
        svg += lanes()
        svg += grid()
        svg += topAxisLabels()
        if layout.hasBottomAxis { svg += bottomAxisLabels() }
        svg += "<g class=\"events\">\n"
        for placement in layout.placements {
            svg += event(placement, events[placement.index])
        }
        svg += "</g>\n</svg>"
        return svg
    }

    /// Fades for ends that are not known: a mask over the bar's own box.
    private static let definitions = """
        <defs>
        <linearGradient id="fade-right-gradient"><stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>
        <linearGradient id="fade-left-gradient"><stop offset="0" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#fff"/></linearGradient>
        <mask id="fade-right" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#fade-right-gradient)"/></mask>
        <mask id="fade-left" maskContentUnits="objectBoundingBox"><rect width="1" height="1" fill="url(#fade-left-gradient)"/></mask>
        </defs>

        """

    private func lanes() -> String {
        var svg = "<g class=\"lanes\">\n"
        for (index, lane) in layout.lanes.enumerated() {
            svg += "<rect class=\"lane " + Self.stripe(index) + "\" x=\"0\" y=\"" + Self.number(lane.top) + "\" width=\""
                + Self.number(layout.width) + "\" height=\"" + Self.number(lane.height) + "\"/>"
            svg += "<text class=\"lane-label\" y=\"" + Self.number(lane.top + 22) + "\">"
            for (line, text) in lane.nameLines.enumerated() {
                svg += "<tspan x=\"12\"" + (line == 0 ? "" : " dy=\"" + Self.number(Metrics.laneNameLineHeight) + "\"") + ">"
                    + HTMLText.escape(text) + "</tspan>"
            }
            svg += "<tspan class=\"lane-count\" x=\"12\" dy=\"16\">" + HTMLText.escape(words.events(lane.eventCount)) + "</tspan></text>\n"
        }
        return svg + "</g>\n"
    }

    private func grid() -> String {
        let top = Self.number(Metrics.axisHeight - 4)
        let bottom = Self.number(layout.height - (layout.hasBottomAxis ? Metrics.bottomAxisHeight - 4 : 0))
        var svg = "<g class=\"grid\">"
        for tick in layout.axis.ticks {
            let x = Self.number(tick.x)
            svg += "<line class=\"" + (tick.isMajor ? "major" : "minor") + "\" x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(bottom)\"/>"
        }
        return svg + "</g>\n"
    }

    /// The tick labels above the lanes: years, or months with their years above them.
    private func topAxisLabels() -> String {
        let hasYearRow = layout.axis.unit == .month
        return axisLabels { label in label.row == 1 ? 15 : hasYearRow ? 32 : 26 }
    }

    /// The same labels under the lanes, one row.
    private func bottomAxisLabels() -> String {
        axisLabels { label in label.row == 0 ? layout.height - 10 : nil }
    }

    private func axisLabels(baseline: (TimelineAxis.TickLabel) -> Double?) -> String {
        var svg = "<g class=\"axis-labels\" aria-hidden=\"true\">"
        for label in layout.axis.labels {
            guard let y = baseline(label) else { continue }
            svg += "<text class=\"tick-label" + (label.row == 1 ? " year" : "") + "\" x=\"" + Self.number(label.x)
                + "\" y=\"" + Self.number(y) + "\">" + HTMLText.escape(label.text) + "</text>"
        }
        return svg + "</g>\n"
    }

    private func event(_ placement: SVGTimelineLayout.Placement, _ event: Event) -> String {
        var classes = ["event", colours.className(for: event.kind), event.status.rawValue]
        if placement.approximate { classes.append("approximate") }
        if placement.uncertain { classes.append("uncertain") }
        var svg = "<a class=\"" + classes.joined(separator: " ") + "\" href=\"#" + HTMLText.anchor(forUID: event.uid)
            + "\" data-uid=\"" + HTMLText.escape(event.uid) + "\" data-when=\"" + HTMLText.escape(event.when.edtf)
            + "\" data-precision=\"" + event.when.precision.rawValue + "\""
            + (event.when.earliest.map { " data-earliest=\"" + $0.iso + "\"" } ?? "")
            + (event.when.latest.map { " data-latest=\"" + $0.iso + "\"" } ?? "") + ">"
        svg += "<title>" + HTMLText.escape(tooltip(event)) + "</title>"
        let y = placement.y
        let mark = placement.shape.span

        if let announcement = placement.announcement {
            // A thin line from the announcement to the nearest edge of the mark.
            let (from, to): (Double, Double) =
                announcement.to <= mark.from ? (announcement.to, mark.from)
                : announcement.from >= mark.to ? (announcement.from, mark.to)
                : (announcement.middle, announcement.middle)
            svg += "<line class=\"announcement-link\" x1=\"" + Self.number(from) + "\" y1=\"" + Self.number(y)
                + "\" x2=\"" + Self.number(to) + "\" y2=\"" + Self.number(y) + "\"/>"
        }

        if let announcement = placement.announcement {
            // Under the mark: a same-day announcement hides behind it.
            if announcement.to - announcement.from < 1 {
                svg += "<path class=\"announcement\" d=\"" + diamond(x: announcement.from, y: y) + "\"/>"
            } else {
                // An announcement known only to a month or so: its stretch, thin, with a diamond at its end.
                svg += rect("announcement", announcement, y: y, height: 4)
                svg += "<path class=\"announcement\" d=\"" + diamond(x: announcement.to, y: y) + "\"/>"
            }
        }

        switch placement.shape {
        case .point(let x):
            svg += "<circle class=\"mark point\" cx=\"" + Self.number(x) + "\" cy=\"" + Self.number(y)
                + "\" r=\"" + Self.number(Metrics.dotRadius) + "\"/>"
        case .band:
            svg += rect("mark band", mark, y: y, height: Metrics.markHeight)
        case .bar(let extent, let core):
            let fade = placement.end == .unknown ? " mask=\"url(#fade-right)\"" : placement.start == .unknown ? " mask=\"url(#fade-left)\"" : ""
            svg += rect("mark extent", extent, y: y, height: Metrics.markHeight, extra: fade)
            if let core { svg += rect("mark core", core, y: y, height: Metrics.markHeight) }
            if placement.start == .open { svg += arrow(at: layout.axis.left, y: y, pointingRight: false) }
            if placement.end == .open { svg += arrow(at: layout.axis.right, y: y, pointingRight: true) }
        }

        if placement.whisker > 0 {
            let (from, to, w) = (mark.from, mark.to, placement.whisker)
            let (top, bottom) = (Self.number(y - 5), Self.number(y + 5))
            svg += "<path class=\"whisker\" d=\"M" + Self.number(from - w) + " " + Self.number(y) + "H" + Self.number(from)
                + "M" + Self.number(to) + " " + Self.number(y) + "H" + Self.number(to + w)
                + "M" + Self.number(from - w) + " " + top + "V" + bottom
                + "M" + Self.number(to + w) + " " + top + "V" + bottom + "\"/>"
        }

        let label = placement.label
        let anchor = label.alignsRight ? " text-anchor=\"end\"" : ""
        let x = Self.number(label.x)
        svg += "<text class=\"label\" x=\"\(x)\" y=\"" + Self.number(y + 4) + "\"\(anchor)><tspan class=\"label-title\">"
            + HTMLText.escape(label.title) + "</tspan><tspan class=\"label-detail\" x=\"\(x)\" dy=\"14\">"
            + HTMLText.escape(label.detail) + "</tspan></text>"
        return svg + "</a>\n"
    }

    /// What hovering shows: the title, dates, status, figures, summary and how many sources.
    private func tooltip(_ event: Event) -> String {
        var lines = [event.title]
        var when = event.when.display(language)
        if let announced = event.announced { when += " (" + words.announced.lowercased() + words.colon + announced.display(language) + ")" }
        lines.append(when + " · " + event.kind + " · " + words.status(event.status))
        if !event.measures.isEmpty { lines.append(event.measures.map { $0.labelledDisplay(language) }.joined(separator: "; ")) }
        if let summary = event.summary { lines.append(summary) }
        if !event.citations.isEmpty {
            lines.append(words.sources + words.colon + event.citations.map(\.source.publisher).joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    private func rect(_ classes: String, _ span: SVGTimelineLayout.Span, y: Double, height: Double, extra: String = "") -> String {
        "<rect class=\"\(classes)\" x=\"" + Self.number(span.from) + "\" y=\"" + Self.number(y - height / 2) + "\" width=\""
            + Self.number(max(span.to - span.from, 1)) + "\" height=\"" + Self.number(height) + "\" rx=\"2\"\(extra)/>"
    }

    private func arrow(at x: Double, y: Double, pointingRight: Bool) -> String {
        let tip = pointingRight ? x + 10 : x - 10
        return "<path class=\"open-end\" d=\"M" + Self.number(x) + " " + Self.number(y - 8) + "L" + Self.number(tip) + " "
            + Self.number(y) + "L" + Self.number(x) + " " + Self.number(y + 8) + "Z\"/>"
    }

    private func diamond(x: Double, y: Double) -> String {
        "M" + Self.number(x) + " " + Self.number(y - 4.5) + "l4.5 4.5l-4.5 4.5l-4.5-4.5Z"
    }

    /// Lanes alternate two background shades.
    static func stripe(_ index: Int) -> String { index % 2 == 0 ? "stripe-a" : "stripe-b" }

    /// A coordinate to a tenth of a pixel, without a trailing `.0`: short and always the same text.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return sign + String(whole) + (fraction == 0 ? "" : "." + String(fraction))
    }
}
