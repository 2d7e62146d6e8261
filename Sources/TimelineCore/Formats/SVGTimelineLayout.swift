/// The geometry of the HTML timeline's chart: lanes, rows, where each event's mark, announcement
/// and label go, and the time axis. Pure numbers, no markup, so it can be tested on its own.
///
/// Marks are honest about precision: a day is a point, a month … century a band over its whole
/// span, an interval a bar whose imprecise ends are kept apart from the part it surely covers.
/// Within a lane, events go in rows so that no mark or label overlaps another: lanes grow
/// downwards with the number of events, the axis sideways with the span.
struct SVGTimelineLayout: Sendable {
    /// Sizes in pixels.
    enum Metrics {
        /// The column on the left that holds the lane names.
        static let gutter = 176.0
        /// Space between the gutter and the axis's first day, and after its last.
        static let axisInset = 16.0
        static let rightMargin = 24.0
        /// The axis labels above the lanes (two rows: months, years).
        static let axisHeight = 40.0
        static let bottomAxisHeight = 28.0
        static let lanePadding = 9.0
        static let rowHeight = 40.0
        /// From a row's top to the centre line of its marks.
        static let markCentre = 10.0
        static let markHeight = 12.0
        static let dotRadius = 5.5
        static let labelGap = 7.0
        /// Clear space between two things in one row.
        static let rowSpacing = 12.0
        static let laneNameFontSize = 13.0
        static let laneNameLineHeight = 17.0
        static let titleFontSize = 12.0
        static let detailFontSize = 11.0
        static let maximumLabelWidth = 300.0
        /// Narrower than this, a label goes over its mark instead of beside it.
        static let minimumLabelWidth = 90.0
        /// Lanes taller than this get the axis labels again underneath.
        static let bottomAxisThreshold = 560.0
    }

    /// A horizontal stretch, `from` ≤ `to`.
    struct Span: Equatable, Sendable {
        var from: Double
        var to: Double
        var middle: Double { (from + to) / 2 }
    }

    /// How an event is drawn.
    enum Shape: Equatable, Sendable {
        /// A day: a dot at the middle of the day.
        case point(x: Double)
        /// One date less precise than a day: a band over every day it may be.
        case band(Span)
        /// An interval: the whole stretch it may cover, and the part it surely covers (nil when
        /// imprecise or unknown ends leave no such part).
        case bar(extent: Span, core: Span?)

        /// The stretch the mark itself takes.
        var span: Span {
            switch self {
            case .point(let x): Span(from: x - Metrics.dotRadius, to: x + Metrics.dotRadius)
            case .band(let span):
                // A band narrower than a dot (a month on a century axis) is drawn as wide as one.
                span.to - span.from < 2 * Metrics.dotRadius
                    ? Span(from: span.middle - Metrics.dotRadius, to: span.middle + Metrics.dotRadius) : span
            case .bar(let extent, _): extent
            }
        }
    }

    /// An end of an interval: a date, running on without end (`..`), or not known (empty).
    enum End: Equatable, Sendable {
        case closed, open, unknown
    }

    /// An event's label: its title, and a line of date, status and figures.
    struct Label: Equatable, Sendable {
        var title: String
        var detail: String
        /// Where the text starts, or ends when `alignsRight`.
        var x: Double
        var alignsRight: Bool
        var width: Double

        var span: Span { alignsRight ? Span(from: x - width, to: x) : Span(from: x, to: x + width) }
    }

    /// Where one event goes.
    struct Placement: Equatable, Sendable {
        /// The event's position in the list given.
        var index: Int
        var lane: Int
        var row: Int
        /// The centre line of the mark.
        var y: Double
        var shape: Shape
        var start: End
        var end: End
        var approximate: Bool
        var uncertain: Bool
        /// How far the uncertainty whiskers reach on each side of the mark (0 when certain).
        var whisker: Double
        /// The announcement date's stretch (from = to for a day), when there is one.
        var announcement: Span?
        var label: Label
    }

    struct Lane: Equatable, Sendable {
        var name: String
        /// The name cut into the lines that fit the gutter.
        var nameLines: [String]
        var top: Double
        var height: Double
        var rows: Int
        var eventCount: Int
    }

    let axis: TimelineAxis
    let lanes: [Lane]
    /// In the order of the events given.
    let placements: [Placement]
    let width: Double
    let height: Double
    /// Whether the axis labels are repeated under the lanes.
    let hasBottomAxis: Bool

    /// Nil when there is no event to draw.
    init?(events: [Event], lanes grouping: HTMLTimelineWriter.Lanes, policy: TimelineAxis.WidthPolicy = TimelineAxis.WidthPolicy(),
          language: DateDisplayLanguage = .english) {
        let days = events.flatMap { event in
            [event.when.earliest, event.when.latest, event.announced?.earliest, event.announced?.latest].compactMap { $0 }
        }
        guard let first = days.min(), let last = days.max() else { return nil }
        let axis = TimelineAxis(
            from: first, through: last,
            roomBefore: events.contains { $0.when.isInterval && $0.when.startKind != .date },
            roomAfter: events.contains { $0.when.isInterval && $0.when.endKind != .date },
            left: Metrics.gutter + Metrics.axisInset, policy: policy, language: language)
        let words = TimelineWords.words(for: language)
        let width = axis.right + Metrics.rightMargin

        // Lanes in order of first appearance; rows filled first-fit, each remembering where it is taken to.
        var laneKeys: [String] = []
        var laneNames: [String] = []
        var laneIndex: [String: Int] = [:]
        var rowEnds: [[Double]] = []
        var laneCounts: [Int] = []
        var placed: [Placement] = []
        for (index, event) in events.enumerated() {
            let (key, name) = Self.lane(of: event, grouping, words: words)
            let lane: Int
            if let existing = laneIndex[key] {
                lane = existing
            } else {
                lane = laneKeys.count
                laneIndex[key] = lane
                laneKeys.append(key)
                laneNames.append(name)
                rowEnds.append([])
                laneCounts.append(0)
            }
            laneCounts[lane] += 1
            var placement = Self.placement(of: event, index: index, axis: axis, width: width, language: language, words: words)
            let extent = placement.extent
            let row = rowEnds[lane].firstIndex { extent.from >= $0 + Metrics.rowSpacing } ?? rowEnds[lane].count
            if row == rowEnds[lane].count { rowEnds[lane].append(extent.to) } else { rowEnds[lane][row] = extent.to }
            placement.lane = lane
            placement.row = row
            placed.append(placement)
        }

        var lanes: [Lane] = []
        var top = Metrics.axisHeight
        for lane in laneKeys.indices {
            let rows = rowEnds[lane].count
            let nameLines = Self.wrap(laneNames[lane])
            // Tall enough for its rows, and for its name and count.
            let height = max(2 * Metrics.lanePadding + Double(rows) * Metrics.rowHeight - 6,
                             Double(nameLines.count) * Metrics.laneNameLineHeight + 34)
            lanes.append(Lane(name: laneNames[lane], nameLines: nameLines, top: top, height: height, rows: rows,
                              eventCount: laneCounts[lane]))
            top += height
        }
        for index in placed.indices {
            let lane = lanes[placed[index].lane]
            placed[index].y = lane.top + Metrics.lanePadding + Double(placed[index].row) * Metrics.rowHeight + Metrics.markCentre
        }
        self.axis = axis
        self.lanes = lanes
        self.placements = placed
        self.width = width
        self.hasBottomAxis = top - Metrics.axisHeight > Metrics.bottomAxisThreshold
        self.height = top + (hasBottomAxis ? Metrics.bottomAxisHeight : 8)
    }

    /// A lane's name in lines that fit the gutter, broken between words; three lines at most.
    static func wrap(_ name: String) -> [String] {
        let room = Metrics.gutter - 24
        func fits(_ text: String) -> Bool {
            LabelTextWidth.width(text, fontSize: Metrics.laneNameFontSize, style: .bold) <= room
        }
        var lines: [String] = []
        var line = ""
        for word in name.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if fits(candidate) || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        if lines.count > 3 { lines = Array(lines.prefix(3)); lines[2] += "…" }
        return lines.map { LabelTextWidth.truncated($0, toWidth: room, fontSize: Metrics.laneNameFontSize, style: .bold) }
    }

    /// The lane an event goes in: its first (main) entity, or its kind.
    private static func lane(of event: Event, _ grouping: HTMLTimelineWriter.Lanes, words: TimelineWords) -> (key: String, name: String) {
        switch grouping {
        case .kind:
            return (event.kind, event.kind)
        case .entity:
            guard let entity = event.entities.first else { return ("", words.noEntity) }
            return (entity.slug, entity.name)
        }
    }

    /// The mark, announcement and label of one event, before it has a lane, row and height.
    private static func placement(of event: Event, index: Int, axis: TimelineAxis, width: Double,
                                  language: DateDisplayLanguage, words: TimelineWords) -> Placement {
        let when = event.when
        var start = End.closed
        var end = End.closed
        let shape: Shape
        if when.isInterval {
            start = when.startKind == .open ? .open : when.startKind == .unknown ? .unknown : .closed
            end = when.endKind == .open ? .open : when.endKind == .unknown ? .unknown : .closed
            let from = when.start?.earliest.map { axis.x($0) } ?? axis.left
            let to = when.end?.latest.map { axis.x($0.dayNumber + 1) } ?? axis.right
            // The part surely covered: from the last day the start may be to the first the end may be.
            let coreFrom = start == .open ? axis.left : when.start?.latest.map { axis.x($0.dayNumber + 1) }
            let coreTo = end == .open ? axis.right : when.end?.earliest.map { axis.x($0) }
            var core: Span?
            if let coreFrom, let coreTo, coreFrom < coreTo { core = Span(from: coreFrom, to: coreTo) }
            shape = .bar(extent: Span(from: from, to: to), core: core)
        } else if let first = when.earliest, let last = when.latest, when.precision != .day || first != last {
            shape = .band(Span(from: axis.x(first), to: axis.x(last.dayNumber + 1)))
        } else {
            let day = when.earliest?.dayNumber ?? axis.firstDay
            shape = .point(x: axis.x(day) + axis.pixelsPerDay / 2)
        }
        let markSpan = shape.span
        let whisker = when.uncertain ? max(8, (markSpan.to - markSpan.from) * 0.15) : 0

        var announcement: Span?
        if let announced = event.announced, let first = announced.earliest ?? announced.latest,
           let last = announced.latest ?? announced.earliest {
            announcement = first == last && announced.precision == .day
                ? Span(from: axis.x(first) + axis.pixelsPerDay / 2, to: axis.x(first) + axis.pixelsPerDay / 2)
                : Span(from: axis.x(first), to: axis.x(last.dayNumber + 1))
        }

        // Beside everything else the event draws: mark, whiskers and announcement.
        var drawnFrom = markSpan.from - whisker
        var drawnTo = markSpan.to + whisker
        if let announcement {
            drawnFrom = min(drawnFrom, announcement.from - Metrics.dotRadius)
            drawnTo = max(drawnTo, announcement.to + Metrics.dotRadius)
        }
        // Right of it if the label fits there, else left; else cut to the roomier side; else over the mark.
        let roomRight = width - 4 - (drawnTo + Metrics.labelGap)
        let roomLeft = drawnFrom - Metrics.labelGap - (axis.left - Metrics.axisInset)
        var label = Self.label(for: event, maximumWidth: Metrics.maximumLabelWidth, language: language, words: words)
        if label.width > roomRight && label.width > roomLeft {
            let room = max(roomRight, roomLeft, Metrics.minimumLabelWidth)
            label = Self.label(for: event, maximumWidth: room, language: language, words: words)
        }
        if label.width <= roomRight {
            label.x = drawnTo + Metrics.labelGap
        } else if label.width <= roomLeft {
            label.x = drawnFrom - Metrics.labelGap
            label.alignsRight = true
        } else {
            label.x = max(markSpan.from, axis.left) + 4
            label = Self.label(for: event, maximumWidth: width - 4 - label.x, language: language, words: words, x: label.x)
        }
        return Placement(index: index, lane: 0, row: 0, y: 0, shape: shape, start: start, end: end,
                         approximate: when.approximate, uncertain: when.uncertain, whisker: whisker,
                         announcement: announcement, label: label)
    }

    /// The label's two lines, cut to the widest a label may be.
    private static func label(for event: Event, maximumWidth: Double, language: DateDisplayLanguage, words: TimelineWords,
                              x: Double = 0) -> Label {
        let title = LabelTextWidth.truncated(event.title, toWidth: maximumWidth,
                                             fontSize: Metrics.titleFontSize, style: .bold)
        var parts = [event.when.display(language)]
        if event.status != .occurred { parts.append(words.status(event.status)) }
        if !event.measures.isEmpty { parts.append(event.measures.map { $0.display(language) }.joined(separator: "; ")) }
        let detail = LabelTextWidth.truncated(parts.joined(separator: " · "), toWidth: maximumWidth,
                                              fontSize: Metrics.detailFontSize)
        let width = max(LabelTextWidth.width(title, fontSize: Metrics.titleFontSize, style: .bold),
                        LabelTextWidth.width(detail, fontSize: Metrics.detailFontSize))
        return Label(title: title, detail: detail, x: x, alignsRight: false, width: width)
    }
}

extension SVGTimelineLayout.Placement {
    /// Everything the event takes horizontally in its row: mark, whiskers, announcement and label.
    var extent: SVGTimelineLayout.Span {
        let mark = shape.span
        var from = min(mark.from - whisker, label.span.from)
        var to = max(mark.to + whisker, label.span.to)
        if let announcement {
            from = min(from, announcement.from - SVGTimelineLayout.Metrics.dotRadius)
            to = max(to, announcement.to + SVGTimelineLayout.Metrics.dotRadius)
        }
        return SVGTimelineLayout.Span(from: from, to: to)
    }
}
