import Testing
@testable import TimelineCore

/// The HTML timeline: one self-contained page with an SVG chart and a table of the same events.
@Suite struct HTMLTimelineWriterTests {
    let events: [Event]
    let page: String

    init() throws {
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        events = try store.events(matching: EventQuery())
        page = HTMLTimelineWriter.page(events: events)
    }

    // MARK: Helpers

    /// The text between the first `start` and the next `end` after it (both included).
    static func section(_ text: String, from start: String, to end: String) -> String? {
        guard let open = text.firstRange(of: start), let close = text[open.upperBound...].firstRange(of: end) else { return nil }
        return String(text[open.lowerBound..<close.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.ranges(of: needle).count
    }

    var chart: String { Self.section(page, from: "<svg class=\"plot\"", to: "</svg>") ?? "" }
    var table: String { Self.section(page, from: "<table class=\"events\">", to: "</table>") ?? "" }

    /// The chart's `<a class="event">` for one event.
    func mark(_ uid: String, in page: String? = nil) -> String {
        let svg = Self.section(page ?? self.page, from: "<svg class=\"plot\"", to: "</svg>") ?? ""
        guard let start = svg.firstRange(of: "data-uid=\"\(uid)\""),
              let before = svg[..<start.lowerBound].ranges(of: "<a class=").last?.lowerBound else { return "" }
        return Self.section(String(svg[before...]), from: "<a class=", to: "</a>") ?? ""
    }

    /// The table's row for one event.
    func row(_ uid: String, in page: String? = nil) -> String {
        Self.section(page ?? self.page, from: "<tr id=\"\(HTMLText.anchor(forUID: uid))\"", to: "</tr>") ?? ""
    }

    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    static func event(_ uid: String, _ edtf: String, kind: String = "launch", title: String? = nil, entity: String = "Acme",
                      announced: String? = nil) throws -> Event {
        Event(uid: uid, kind: kind, status: .occurred, title: title ?? uid, when: try TimelineDate(edtf: edtf),
              announced: try announced.map { try TimelineDate(edtf: $0) },
              entities: [EventEntity(slug: entity.lowercased(), name: entity, role: "subject")])
    }

    // MARK: Content

    @Test func everyEventIsOnceInTheChartAndOnceInTheTable() throws {
        #expect(events.count == 15)
        #expect(!chart.isEmpty && !table.isEmpty)
        for event in events {
            #expect(Self.count("data-uid=\"\(event.uid)\"", in: chart) == 1, "\(event.uid) in the chart")
            #expect(Self.count("data-uid=\"\(event.uid)\"", in: table) == 1, "\(event.uid) in the table")
            #expect(chart.contains("href=\"#event-\(event.uid)\""), "\(event.uid)'s mark links to its row")
            #expect(table.contains("<tr id=\"event-\(event.uid)\""))
            #expect(row(event.uid).contains("<th scope=\"row\" class=\"title\"><span class=\"swatch\" aria-hidden=\"true\"></span>"
                + HTMLText.escape(event.title) + "</th>"))
            #expect(mark(event.uid).contains("<title>" + HTMLText.escape(event.title) + "\n"), "\(event.uid) has a tooltip")
        }
        #expect(Self.count("<th scope=\"row\"", in: table) == events.count)
        #expect(Self.count("<th scope=\"col\">", in: table) == 6)
        #expect(table.contains("<caption>Every event in chronological order, with its figures and sources</caption>"))
    }

    @Test func everySourceIsListedWithItsLinkDateAndQuoteInItsLanguage() throws {
        for event in events {
            let row = row(event.uid)
            #expect(Self.count("<li>", in: Self.section(row, from: "<td class=\"sources\">", to: "</td>") ?? "") == event.citations.count,
                    "\(event.uid): one item a source")
            for citation in event.citations {
                let source = citation.source
                if let url = source.url {
                    #expect(row.contains("<a href=\"\(HTMLText.escape(url))\" rel=\"noreferrer\">\(HTMLText.escape(source.publisher))</a>"))
                } else {
                    #expect(row.contains(HTMLText.escape(source.publisher)))
                }
                if let published = source.published {
                    #expect(row.contains(">" + HTMLText.escape(published.display()) + "</"), "\(event.uid): \(source.key)'s date")
                }
                if let quote = citation.quote {
                    let language = try #require(citation.quoteLanguage ?? source.language as String?)
                    #expect(row.contains("<q lang=\"\(language)\">" + HTMLText.escape(quote) + "</q>"), "\(event.uid): \(source.key)'s quote")
                }
            }
        }
        let layoff = row("amazon-care-layoff-2022-12-01")
        #expect(layoff.contains("<a href=\"https://siecledigital.fr/2022/09/12/amazon-suppression-emplois-sante/\" rel=\"noreferrer\">Siècle Digital</a>"))
        #expect(layoff.contains("<q lang=\"fr\">environ 159 employés"))
    }

    @Test func figuresAreShownInTheChartAndTheTable() {
        #expect(mark("amazon-care-layoff-2022-12-01").contains("1 Dec 2022 · planned · 159 people"))
        #expect(row("amazon-care-layoff-2022-12-01").contains("<strong>159 people</strong>"))
        // Whose figure, by the entity's name (not its slug).
        #expect(row("amazon-care-layoff-2022-12-01").contains("<span class=\"quantity\">employees laid off, Amazon Care</span>"))
        #expect(row("amazon-headcount-change-2022-q2").contains("<strong>-99,000 people</strong>"))
        #expect(mark("amazon-headcount-change-2022-q2").contains("headcount change: -99,000 people"))
    }

    @Test func datesInTheTableAreAtTheirPrecisionWithMachineValues() {
        #expect(row("amazon-care-layoff-2022-12-01").contains(
            "<time datetime=\"2022-12-01\" data-edtf=\"2022-12-01\" title=\"2022-12-01\">1 Dec 2022</time>"))
        #expect(row("amazon-care-launch-2019-09").contains(
            "<time datetime=\"2019-09\" data-edtf=\"2019-09\" title=\"2019-09-01 … 2019-09-30\">Sep 2019</time>"))
        // A quarter is inside its year: the machine value claims no more than that.
        #expect(row("amazon-headcount-change-2022-q2").contains(
            "<time datetime=\"2022\" data-edtf=\"2022-34\" title=\"2022-04-01 … 2022-06-30\">Q2 2022</time>"))
    }

    // MARK: Shapes

    @Test func aDayIsAPointAndAPeriodIsABandOverItsWholeSpan() throws {
        let layout = try #require(SVGTimelineLayout(events: events, lanes: .entity))
        let axis = layout.axis
        func shape(_ uid: String) throws -> SVGTimelineLayout.Shape {
            let index = try #require(events.firstIndex { $0.uid == uid })
            return try #require(layout.placements.first { $0.index == index }).shape
        }
        func band(_ first: String, _ dayAfterLast: String) -> SVGTimelineLayout.Shape {
            .band(SVGTimelineLayout.Span(from: axis.x(Self.day(first)), to: axis.x(Self.day(dayAfterLast))))
        }
        #expect(try shape("amazon-care-layoff-2022-12-01") == .point(x: axis.x(Self.day("2022-12-01")) + axis.pixelsPerDay / 2))
        #expect(try shape("amazon-care-launch-2019-09") == band("2019-09-01", "2019-10-01"))
        #expect(try shape("amazon-headcount-change-2022-q2") == band("2022-04-01", "2022-07-01"))
        #expect(try shape("amazon-care-expansion-2021-summer") == band("2021-06-01", "2021-09-01"))
        #expect(try shape("amazon-care-expansion-2022") == band("2022-01-01", "2023-01-01"))

        #expect(mark("amazon-care-layoff-2022-12-01").contains("<circle class=\"mark point\""))
        #expect(!mark("amazon-care-layoff-2022-12-01").contains("class=\"mark band\""))
        let quarter = mark("amazon-headcount-change-2022-q2")
        #expect(quarter.contains("data-precision=\"quarter\" data-earliest=\"2022-04-01\" data-latest=\"2022-06-30\""))
        let width = axis.x(Self.day("2022-07-01")) - axis.x(Self.day("2022-04-01"))
        #expect(quarter.contains("<rect class=\"mark band\" x=\"\(SVGTimelineChart.number(axis.x(Self.day("2022-04-01"))))\""))
        #expect(quarter.contains("width=\"\(SVGTimelineChart.number(width))\""))
        #expect(!quarter.contains("<circle class=\"mark"))
    }

    @Test func approximateAndUncertainDatesAreDrawnSo() throws {
        let events = [try Self.event("about", "2020~"), try Self.event("maybe", "2021-06?"), try Self.event("both", "2022-11-15%"),
                      try Self.event("sure", "2022-03")]
        let page = HTMLTimelineWriter.page(events: events)
        #expect(mark("about", in: page).hasPrefix("<a class=\"event k1 occurred approximate\""))
        #expect(mark("maybe", in: page).hasPrefix("<a class=\"event k1 occurred uncertain\""))
        #expect(mark("both", in: page).hasPrefix("<a class=\"event k1 occurred approximate uncertain\""))
        #expect(mark("sure", in: page).hasPrefix("<a class=\"event k1 occurred\""))
        #expect(mark("maybe", in: page).contains("<path class=\"whisker\""))
        #expect(mark("both", in: page).contains("<path class=\"whisker\""))
        #expect(!mark("about", in: page).contains("whisker"))
        #expect(row("about", in: page).contains(">c. 2020</time>"))
        #expect(row("maybe", in: page).hasPrefix("<tr id=\"event-maybe\" class=\"k1 occurred uncertain\""))
        // The style sheet fades and dashes approximate marks.
        #expect(page.contains(".event.approximate .mark { fill-opacity: 0.16; stroke-dasharray: 4 3; }"))

        let layout = try #require(SVGTimelineLayout(events: events, lanes: .entity))
        #expect(layout.placements.map(\.approximate) == [true, false, true, false])
        #expect(layout.placements.map { $0.whisker > 0 } == [false, true, true, false])
    }

    @Test func intervalsAreBarsAndOpenEndsRunToTheAxisEdge() throws {
        let events = [try Self.event("life", "2019-09/2022-12-31"), try Self.event("since", "2021/.."),
                      try Self.event("unknown-end", "2018-03/")]
        let layout = try #require(SVGTimelineLayout(events: events, lanes: .entity))
        let axis = layout.axis
        let x = { (iso: String) in axis.x(Self.day(iso)) }
        #expect(layout.placements[0].shape == .bar(
            extent: .init(from: x("2019-09-01"), to: x("2023-01-01")), core: .init(from: x("2019-10-01"), to: x("2022-12-31"))))
        #expect(layout.placements[1].shape == .bar(
            extent: .init(from: x("2021-01-01"), to: axis.right), core: .init(from: x("2022-01-01"), to: axis.right)))
        #expect(layout.placements[1].end == .open)
        #expect(layout.placements[2].end == .unknown)
        #expect(axis.endDay > Self.day("2022-12-31").dayNumber + 90, "room after the last day for the open ends")

        let page = HTMLTimelineWriter.page(events: events)
        #expect(mark("life", in: page).contains("<rect class=\"mark extent\""))
        #expect(mark("life", in: page).contains("<rect class=\"mark core\""))
        #expect(mark("since", in: page).contains("<path class=\"open-end\""))
        #expect(mark("unknown-end", in: page).contains("mask=\"url(#fade-right)\""))
        #expect(!mark("life", in: page).contains("open-end"))
    }

    @Test func announcementsAreJoinedToWhenTheEventTakesEffect() throws {
        for event in events {
            let mark = mark(event.uid)
            if event.announced == nil {
                #expect(!mark.contains("announcement"), "\(event.uid) has no announcement")
            } else {
                #expect(mark.contains("<line class=\"announcement-link\""), "\(event.uid)'s announcement line")
                #expect(mark.contains("<path class=\"announcement\""), "\(event.uid)'s announcement marker")
            }
        }
        let layout = try #require(SVGTimelineLayout(events: events, lanes: .entity))
        let shutdown = try #require(layout.placements.first { events[$0.index].uid == "amazon-care-shutdown-2022-12-31" })
        let announced = layout.axis.x(Self.day("2022-08-24")) + layout.axis.pixelsPerDay / 2
        #expect(shutdown.announcement == SVGTimelineLayout.Span(from: announced, to: announced))
        let line = try #require(Self.section(mark("amazon-care-shutdown-2022-12-31"), from: "<line class=\"announcement-link\"", to: "/>"))
        #expect(line.contains("x1=\"\(SVGTimelineChart.number(announced))\""))
    }

    // MARK: Safety and determinism

    @Test func everythingIsEscaped() throws {
        var event = try Self.event("odd uid \"<&>\"", "2022-05-01", kind: "x<y", title: "Fish <&> \"chips\" 'n' </script>", entity: "A&B <Co>")
        event.summary = "<script>alert(1)</script>"
        event.measures = [Measure(quantity: "a<b", value: "5", unit: "<unit>")]
        let source = Source(key: "k", url: "javascript:alert(\"x\")", title: "T <i>", publisher: "P&P", language: "fr\"", type: "news")
        event.citations = [Citation(source: source, quote: "« <b>dit</b> » & \u{1}", quoteLanguage: "fr")]
        let page = HTMLTimelineWriter.page(events: [event], heading: "<Heading>")
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>"))
        #expect(!page.contains("<i>"))
        #expect(!page.contains("<Co>"))
        #expect(!page.contains("<unit>"))
        #expect(!page.contains("<Heading>"))
        #expect(!page.contains("\u{1}"))
        #expect(page.contains("Fish &lt;&amp;&gt; &quot;chips&quot; 'n' &lt;/script&gt;"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("<q lang=\"fr\">« &lt;b&gt;dit&lt;/b&gt; » &amp; \u{2401}</q>"))
        #expect(page.contains("<title>&lt;Heading&gt;</title>"))
        // A source address that is not a web address is shown, never linked.
        #expect(!page.contains("href=\"javascript"))
        #expect(page.contains("<span class=\"url\">javascript:alert(&quot;x&quot;)</span>"))
        // The uid makes a valid id, and the chart links to it.
        let anchor = HTMLText.anchor(forUID: event.uid)
        #expect(anchor == "event-odd~20~uid~20~~22~~3c~~26~~3e~~22~")
        #expect(page.contains("<tr id=\"\(anchor)\""))
        #expect(page.contains("href=\"#\(anchor)\""))
        #expect(page.contains("data-uid=\"odd uid &quot;&lt;&amp;&gt;&quot;\""))
        // Only the page's own script.
        #expect(Self.count("<script>", in: page) == 1)
        #expect(Self.count("</script>", in: page) == 1)
    }

    @Test func theEscapingCoversEveryCharacterHTMLReserves() {
        #expect(HTMLText.escape(#"a<b>&"c"'d'"#) == "a&lt;b&gt;&amp;&quot;c&quot;'d'")
        #expect(HTMLText.escape("plain é 中文") == "plain é 中文")
        #expect(HTMLText.escape("tab\tnew\nline\u{7F}") == "tab\tnew\nline\u{2421}")
    }

    @Test func thePageLoadsNothingFromTheNetwork() {
        #expect(!page.contains("src="))
        #expect(!page.contains("<link"))
        #expect(!page.contains("@import"))
        #expect(!page.contains("url(http"))
        #expect(Self.count("url(", in: page) == Self.count("url(#", in: page))
        // Every href is a fragment of the page, or a source's web address in a link of the table.
        var rest = Substring(page)
        var webLinks = 0
        while let found = rest.firstRange(of: "href=\"") {
            let value = rest[found.upperBound...].prefix { $0 != "\"" }
            let element = rest[..<found.lowerBound].suffix(40)
            if value.hasPrefix("#") {
                #expect(value.count > 1)
            } else {
                #expect(value.hasPrefix("https://") || value.hasPrefix("http://"), "\(value)")
                #expect(element.hasSuffix("<a "), "a web address only in a link: \(element)")
                webLinks += 1
            }
            rest = rest[found.upperBound...]
        }
        #expect(webLinks > 0)
        let tableLinks = Self.count("<a href=\"http", in: table)
        #expect(webLinks == tableLinks, "web links only in the table")
    }

    @Test func theSameDataGivesTheSameBytes() throws {
        #expect(HTMLTimelineWriter.page(events: events) == page)
        let store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        #expect(HTMLTimelineWriter.page(events: try store.events(matching: EventQuery())) == page)
    }

    @Test func frenchLabelsDatesAndWords() {
        let french = HTMLTimelineWriter.page(events: events, language: .french)
        #expect(french.contains("<html lang=\"fr\">"))
        #expect(french.contains("<title>Chronologie</title>"))
        #expect(french.contains("15 événements, sept. 2019 – 29 mars 2023, en lignes par entité."))
        #expect(french.contains(">1er déc. 2022</time>"))
        #expect(french.contains(">T2 2022</time>"))
        #expect(french.contains(">été 2021</time>"))
        #expect(mark("amazon-care-layoff-2022-12-01", in: french).contains("1er déc. 2022 · prévu · 159 person"))
        #expect(french.contains("<th scope=\"col\">Chiffres</th>"))
        #expect(french.contains("Tous les événements dans l’ordre chronologique"))
        #expect(!french.contains("Every event"))
        #expect(!french.contains("How to read it"))
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("15 events, Sep 2019 – 29 Mar 2023, in lanes by entity."))
    }

    @Test func anEmptySelectionSaysSo() {
        let empty = HTMLTimelineWriter.page(events: [])
        #expect(empty.contains("<p class=\"empty\">No events match.</p>"))
        #expect(!empty.contains("<svg class=\"plot\""))
        #expect(empty.contains("0 events."))
        #expect(HTMLTimelineWriter.page(events: [], language: .french).contains("Aucun événement ne correspond."))
    }

    // MARK: Layout

    @Test func ticksAreMonthsForAShortSpanAndYearsForALongerOne() {
        let halfYear = TimelineAxis(from: Self.day("2022-01-10"), through: Self.day("2022-06-20"))
        #expect(halfYear.unit == .month)
        #expect(halfYear.labels.filter { $0.row == 0 }.map(\.text) == ["Jan", "Feb", "Mar", "Apr", "May", "Jun"])
        #expect(halfYear.labels.filter { $0.row == 1 }.map(\.text) == ["2022"])
        #expect(halfYear.ticks.count == 7 && halfYear.ticks.allSatisfy(\.isMajor))
        #expect(halfYear.firstDay == Self.day("2022-01-01").dayNumber)
        #expect(halfYear.endDay == Self.day("2022-07-01").dayNumber)

        let fiveYears = TimelineAxis(from: Self.day("2018-01-01"), through: Self.day("2022-12-31"))
        #expect(fiveYears.unit == .year)
        #expect(fiveYears.labels.map(\.text) == ["2018", "2019", "2020", "2021", "2022"])
        #expect(fiveYears.ticks.filter(\.isMajor).count == 6)
        #expect(fiveYears.ticks.count == 21, "quarters between the years")

        let century = TimelineAxis(from: Self.day("1901-01-01"), through: Self.day("2000-12-31"))
        #expect(century.unit == .decade)
        #expect(century.labels.first?.text == "1900")
        #expect(TimelineAxis(from: Self.day("0800-01-01"), through: Self.day("2000-12-31")).unit == .century)

        let french = TimelineAxis(from: Self.day("2022-01-10"), through: Self.day("2022-06-20"), language: .french)
        #expect(french.labels.filter { $0.row == 0 }.map(\.text) == ["janv.", "févr.", "mars", "avr.", "mai", "juin"])
    }

    @Test func theAxisGrowsWithTheSpanWithinLimits() {
        let policy = TimelineAxis.WidthPolicy(pixelsPerYear: 300, minimumWidth: 880, maximumWidth: 24_000)
        let short = TimelineAxis(from: Self.day("2022-01-01"), through: Self.day("2022-03-31"), policy: policy)
        let five = TimelineAxis(from: Self.day("2018-01-01"), through: Self.day("2022-12-31"), policy: policy)
        let twenty = TimelineAxis(from: Self.day("2000-01-01"), through: Self.day("2019-12-31"), policy: policy)
        let long = TimelineAxis(from: Self.day("1000-01-01"), through: Self.day("2019-12-31"), policy: policy)
        #expect(short.width == 880)
        #expect(abs(five.width - 1500) < 2)
        #expect(abs(twenty.width - 6000) < 2)
        #expect(long.width == 24_000)
        #expect(abs(five.x(Self.day("2020-07-01")) - 750) < 2)
    }

    @Test func hundredsOfEventsGoInRowsThatNeverOverlap() throws {
        var events: [Event] = []
        for index in 0..<300 {
            let day = CalendarDay(dayNumber: Self.day("2022-01-01").dayNumber + index)
            let kind = ["layoff", "launch", "acquisition"][index % 3]
            events.append(try Self.event("e\(index)", day.iso, kind: kind, title: "Event number \(index) with a longish title",
                                         entity: ["Acme", "Globex"][index % 2], announced: index % 5 == 0 ? "2021-12" : nil))
        }
        let layout = try #require(SVGTimelineLayout(events: events, lanes: .entity))
        #expect(layout.lanes.map(\.name) == ["Acme", "Globex"])
        #expect(layout.lanes.map(\.eventCount) == [150, 150])
        #expect(layout.placements.count == 300)
        for lane in layout.lanes.indices {
            let rows = Dictionary(grouping: layout.placements.filter { $0.lane == lane }, by: \.row)
            for placements in rows.values {
                let extents = placements.map(\.extent).sorted { $0.from < $1.from }
                for (left, right) in zip(extents, extents.dropFirst()) {
                    #expect(left.to <= right.from, "no overlap in a row")
                }
            }
        }
        for placement in layout.placements {
            #expect(placement.extent.from >= SVGTimelineLayout.Metrics.gutter, "nothing under the lane names")
            #expect(placement.extent.to <= layout.width, "nothing past the right edge")
            let lane = layout.lanes[placement.lane]
            #expect(placement.y > lane.top && placement.y < lane.top + lane.height)
        }
        #expect(layout.lanes[0].rows > 10, "lanes grow downwards")
        #expect(layout.height > 1000)
        #expect(layout.hasBottomAxis)
    }

    @Test func lanesCanGroupByKind() throws {
        let layout = try #require(SVGTimelineLayout(events: events, lanes: .kind))
        #expect(layout.lanes.map(\.name) == ["launch", "expansion", "customer", "headcount-change", "acquisition", "regulatory", "layoff", "shutdown"])
        #expect(layout.lanes.map(\.eventCount).reduce(0, +) == 15)
        let byKind = HTMLTimelineWriter.page(events: events, lanes: .kind)
        #expect(byKind.contains("in lanes by kind."))
        #expect(byKind.contains("<div class=\"lane-name stripe-a\" style=\"top:40px;"))
    }

    @Test func longLaneNamesWrapInTheGutter() {
        #expect(SVGTimelineLayout.wrap("Federal Trade Commission") == ["Federal Trade", "Commission"])
        #expect(SVGTimelineLayout.wrap("Amazon") == ["Amazon"])
        #expect(SVGTimelineLayout.wrap(String(repeating: "word ", count: 30)).count == 3)
    }

    @Test func labelsAreCutToFit() {
        let long = String(repeating: "Amazon Care ", count: 10)
        let cut = LabelTextWidth.truncated(long, toWidth: 200, fontSize: 12, style: .bold)
        #expect(cut.hasSuffix("…"))
        #expect(LabelTextWidth.width(cut, fontSize: 12, style: .bold) <= 200)
        #expect(LabelTextWidth.truncated("Short", toWidth: 200, fontSize: 12) == "Short")
        #expect(LabelTextWidth.width("中文", fontSize: 10) == 20)
    }
}

/// A page's kinds are told apart by colour while it has no more kinds than colours.
@Suite struct EventKindColourTests {
    @Test func kindsOfOnePageHaveColoursOfTheirOwn() {
        // The shipped kinds keep theirs; `other` and a kind added by hand take free ones.
        let colours = EventKindColours(kinds: ["cession", "other", "layoff", "launch", "layoff"])
        #expect(colours.className(for: "layoff") == "k2" && colours.className(for: "launch") == "k1")
        let classes = ["cession", "other", "layoff", "launch"].map(colours.className(for:))
        #expect(Set(classes).count == 4, "\(classes)")
        // Ten kinds, ten colours.
        let ten = ["a", "b", "c", "d", "e", "f", "g", "layoff", "launch", "customer"]
        #expect(Set(ten.map(EventKindColours(kinds: ten).className(for:))).count == 10)
        // The same kinds, in any order, the same page.
        #expect(ten.map(EventKindColours(kinds: ten.reversed()).className(for:)) == ten.map(EventKindColours(kinds: ten).className(for:)))
    }
}
