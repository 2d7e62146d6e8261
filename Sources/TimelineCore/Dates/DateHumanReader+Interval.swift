/// Intervals as people write them: `2019 to 2022`, `from 2019 to 2022`, `between 2019 and 2022`,
/// `2019–2022`, `de 2019 à 2022`, `entre 2019 et 2022`, `since 2019`, `depuis 2019`, `until 2022`,
/// `by 2022`, `before 2020` (until 2019), `after March 2021` (since April 2021), `avant`, `après`.
extension DateHumanReader {
    /// What one end of an interval reads as.
    enum SideReading {
        case reading(Reading)
        case open
        case unknown
    }

    enum IntervalRole {
        case start
        case end
    }

    func readInterval(_ tokens: ArraySlice<Token>) throws(TimelineDateError) -> TimelineDate? {
        guard let first = tokens.first else { return nil }
        // The days of the week named go with the interval's ends (see `checkWeekdays`).
        func checked(_ date: TimelineDate) throws(TimelineDateError) -> TimelineDate {
            try checkWeekdays(of: date, namedIn: tokens)
            return date
        }
        if let date = try readAlternatives(tokens) { return try checked(date) }
        if let date = try readClosedInterval(tokens) { return try checked(date) }

        // X onwards, from X onwards (a British press's "from X")
        if let last = tokens.last, last.is("onwards") || last.is("onward"), tokens.count > 1 {
            var start = tokens.dropLast()
            if let word = start.first, Self.sinceWords.contains(where: { word.is($0) }), start.count > 1 { start = start.dropFirst() }
            guard let side = try readSide(start, role: .start, nearestWeekday: true) else { return nil }
            return try checked(interval(side, .open))
        }
        // since X, from X, à partir de X, depuis X (`since Tuesday`: the nearest to the article)
        var cursor = Cursor(tokens)
        if cursor.take(anyOf: Self.sinceWords) || cursor.take("a") && cursor.take("partir") {
            if first.is("starting") { cursor.take(anyOf: ["in", "on", "from"]) }
            guard !cursor.atEnd, let side = try readSide(cursor.remaining, role: .start, nearestWeekday: true) else { return nil }
            return try checked(interval(side, .open))
        }
        // no earlier than X, not before X
        cursor = Cursor(tokens)
        if cursor.take(anyOf: ["no", "not"]), cursor.take("earlier") && cursor.take("than") || cursor.take("before") {
            guard !cursor.atEnd, let side = try readSide(cursor.remaining, role: .start, nearestWeekday: true) else { return nil }
            return try checked(interval(side, .open))
        }
        // until X, till X, jusqu'en X, jusqu'au X, jusque vers X, d'ici (à) X; no later than X, not after X
        cursor = Cursor(tokens)
        var untilOpened = cursor.take(anyOf: Self.untilWords) || cursor.take("d") && cursor.take("'") && cursor.take("ici")
        if !untilOpened {
            cursor = Cursor(tokens)
            untilOpened = cursor.take(anyOf: ["no", "not"]) && (cursor.take("later") && cursor.take("than") || cursor.take("after"))
        }
        if untilOpened {
            if first.is("d") { cursor.take("a") }
            guard !cursor.atEnd, let side = try readSide(cursor.remaining, role: .end, nearestWeekday: true) else { return nil }
            return try checked(interval(.open, side))
        }
        // before X, avant X: open, to the period before X; after X, après X: the period after X, open.
        cursor = Cursor(tokens)
        let before = cursor.take(anyOf: Self.beforeWords) || cursor.take("prior") && cursor.take("to")
        if !before {
            cursor = Cursor(tokens)
            guard cursor.take(anyOf: Self.afterWords) else { return nil }
        }
        guard !cursor.atEnd, case .reading(var reading)? = try readSide(cursor.remaining, role: before ? .end : .start) else { return nil }
        if reading.needsYear { try settleYear(&reading) }
        let date = try resolve(reading)
        // `before Tuesday 19 November 2019`: the weekday is the named day's, not the day before.
        try checkWeekdays(of: date, namedIn: cursor.remaining)
        guard !date.isInterval, let earliest = date.earliest,
              let period = TimelineDate.Period(precision: date.precision, earliest: earliest) else {
            throw TimelineDateError(input: text, reason: "'\(first.text)' takes a single date (a day, month, season, quarter, year, decade or century), not an interval")
        }
        guard let bound = period.shifted(by: before ? -1 : 1) else {
            throw TimelineDateError(input: text, reason: "the \(before ? "period before" : "period after") it falls outside years 0–9999")
        }
        let side = TimelineDate.IntervalSide.date(TimelineDate(period: bound, approximate: date.approximate, uncertain: date.uncertain))
        return try TimelineDate.checkedInterval(from: before ? .open : side, to: before ? side : .open, input: text)
    }

    /// `late 2022 or early 2023`, `2019 ou 2020`: one of two dates, the source cannot say which.
    /// EDTF's sets are not dates this tool stores, so it is the interval that spans both, its
    /// ends uncertain. Either may come first (`May or March 2022`), and a third alone takes the
    /// other's month or decade (`early or mid-March 2022`).
    private func readAlternatives(_ tokens: ArraySlice<Token>) throws(TimelineDateError) -> TimelineDate? {
        guard tokens.count >= 3,
              let index = tokens.dropFirst().dropLast().firstIndex(where: { $0.isAny(["or", "ou"]) }),
              case .reading(var first)? = try readSide(tokens[..<index], role: .start),
              case .reading(var last)? = try readSide(tokens[(index + 1)...], role: .end)
        else { return nil }
        if case .third(let third) = first.shape, first.year == nil, index - tokens.startIndex == 1 {
            switch last.shape {
            case .monthThird(_, let month): first.shape = .monthThird(third, month: month)
            case .decadeThird(_, let firstYear): first.shape = .decadeThird(third, firstYear: firstYear)
            default: break
            }
        }
        // Each lends the other its year as it is: no year is moved to keep an order.
        if first.needsYear && last.needsYear { try settleYear(&last) }
        if first.needsYear, let year = last.knownYear { first.year = year }
        if last.needsYear, let year = first.knownYear { last.year = year }
        first.uncertain = true
        last.uncertain = true
        let dates = [try resolve(first), try resolve(last)]
        let starts = dates.map { $0.earliest ?? CalendarDay(checkedYear: 0, month: 1, day: 1) }
        let ends = dates.map { $0.latest ?? CalendarDay(checkedYear: 9999, month: 12, day: 31) }
        let start = side(of: dates[starts[1] < starts[0] ? 1 : 0], role: .start)
        let end = side(of: dates[ends[1] > ends[0] ? 1 : 0], role: .end)
        return try TimelineDate.checkedInterval(from: start, to: end, input: text)
    }

    /// `A sep B` with an optional opening word (`from`, `between`, `de`, `entre`).
    private func readClosedInterval(_ tokens: ArraySlice<Token>) throws(TimelineDateError) -> TimelineDate? {
        var body = tokens
        var separators = Self.plainSeparators
        if let first = tokens.first, let opened = Self.intervalOpeners[first.text] {
            separators = opened
            body = tokens.dropFirst()
            if first.is("d"), body.first?.is("'") == true { body = body.dropFirst() }
        }
        guard body.count >= 3 else { return nil }
        // `Q2/2022`, `2e trimestre/2022`, `mars/2021~`: a part of a year, then its year (and
        // qualifiers), as `06/2022` is a month; not an interval from Q2 (of the year it borrows)
        // to the end of 2022.
        if body.startIndex == tokens.startIndex, let slash = body.lastIndex(where: { $0.is("/") }), slash > body.startIndex,
           case let after = body[(slash + 1)...], let year = after.first, year.isNumber(digits: 4...4),
           after.dropFirst().allSatisfy({ $0.isAny(["?", "~", "%"]) }),
           !body[..<slash].contains(where: { $0.is("/") }),
           case .reading(let part)? = try readSide(body[..<slash], role: .start), part.needsYear,
           let reading = try readQualified(ArraySlice(Array(body[..<slash]) + Array(after))) {
            return try resolve(reading)
        }
        for index in (body.startIndex + 1)..<(body.endIndex - 1) where isSeparator(at: index, in: body, separators) {
            guard let start = try readSide(body[body.startIndex..<index], role: .start),
                  let end = try readSide(Self.withCenturyOfStart(body[body.startIndex..<index], end: body[(index + 1)...]), role: .end)
            else { continue }
            return try interval(start, end)
        }
        return nil
    }

    /// `2021–22`, `1998–02`: an end of two digits after a year is a later year of its century,
    /// or of the next after a year in the nineties, as prose writes years (with a dash:
    /// `2021-22` is EDTF's summer 2021, read before this). Any other end as it is (`2022–21`
    /// is then refused).
    private static func withCenturyOfStart(_ start: ArraySlice<Token>, end: ArraySlice<Token>) -> ArraySlice<Token> {
        guard start.count == 1, let year = start.first, year.isNumber(digits: 4...4), let short = end.first, short.isNumber(digits: 2...2),
              end.dropFirst().allSatisfy({ $0.isAny(["?", "~", "%"]) }) else { return end }
        let century = year.value / 100 * 100
        let full: Int
        if century + short.value > year.value {
            full = century + short.value
        } else if year.value % 100 >= 90, short.value < 10 {
            full = century + 100 + short.value
        } else {
            return end
        }
        guard full <= 9999 else { return end }
        return [Token(kind: .number, text: String(full), spaceBefore: short.spaceBefore)] + end.dropFirst()
    }

    /// Whether the token at `index` separates two ends rather than belonging to one.
    private func isSeparator(at index: Int, in tokens: ArraySlice<Token>, _ separators: Set<String>) -> Bool {
        let token = tokens[index]
        guard token.isAny(separators) else { return false }
        let before = tokens[index - 1]
        let after = tokens[index + 1]
        // `winter 2021–22` is one season, and so is `winter 1999–2000?` (a qualifier may follow).
        if before.isNumber(digits: 4...4), index - 2 >= tokens.startIndex,
           tokens[index - 2].is("winter") || tokens[index - 2].is("hiver") {
            var cursor = Cursor(tokens[index...])
            Self.takeFollowingYear(&cursor, after: before.value)
            while cursor.index > index, cursor.take(anyOf: ["?", "~", "%", "environ", "approximately", "approx", ".", ","]) {}
            if cursor.atEnd { return false }
        }
        // A third with nothing of a date before it, and a month or year after (`mi - mars 2021`,
        // `vers mi – mars 2021`, `the mid - 1990s`), is the hyphen of `mi-mars` spaced out, not an
        // interval from mid-year (of the year before, as it must come first); `mid - late 2021`
        // is two thirds, and `2020 mid - 2021` no such hyphen.
        if token.isAny(["-", "–", "—"]), before.kind == .word, Self.thirdWords[before.text] != nil,
           !(after.kind == .word && Self.thirdWords[after.text] != nil),
           tokens[tokens.startIndex..<(index - 1)].allSatisfy({ !$0.isNumber && !($0.kind == .word && isDatePart($0)) }) { return false }
        guard token.is("-") else { return true }
        // A hyphen separates when spaced (`2019 - 2022`), between years (`2019-2022`), days
        // (`1-5 December`) or named parts of a year (`Jan-Mar 2022`, `Q1-Q2 2022`,
        // `spring-summer 2021`); not in `mid-2022`, `mid-June`, `2022-Q2` or EDTF's `2022-12`.
        if token.spaceBefore && after.spaceBefore { return true }
        if endsNamedPart(before: index, in: tokens) {
            return startsNamedPart(at: index + 1, in: tokens)  // and `Q4-2022` is one quarter
        }
        // `March 2021-June 2022`, `Q1 2022-Q3 2022`; but `2022-Q2` is one quarter.
        if before.isNumber(digits: 4...4), startsNamedPart(at: index + 1, in: tokens) {
            return tokens[(index + 2)...].contains { $0.isNumber(digits: 4...4) }
        }
        guard before.isNumber, after.isNumber else { return false }
        return after.isNumber(digits: 4...4) || before.isNumber(digits: 1...2) && after.isNumber(digits: 1...2)
    }

    /// Whether a word names a month, a season or a third, as no word of a date's lead-in does (`vers`, `dès`, `the`).
    private func isDatePart(_ token: Token) -> Bool {
        Self.monthNumbers[token.text] != nil || Self.seasonNumbers[token.text] != nil || Self.thirdWords[token.text] != nil
    }

    /// Whether a month or season name, or a numbered part (`Q1`, `H2`, `T3`, `S1`), starts at `index`.
    private func startsNamedPart(at index: Int, in tokens: ArraySlice<Token>) -> Bool {
        let token = tokens[index]
        guard token.kind == .word else { return false }
        if Self.monthNumbers[token.text] != nil || Self.seasonNumbers[token.text] != nil { return true }
        guard token.isAny(Self.numberedPartLetters), index + 1 < tokens.endIndex else { return false }
        let number = tokens[index + 1]
        return number.isNumber(digits: 1...1) && !number.spaceBefore
    }

    /// Whether a month or season name, or a numbered part, ends right before `index`.
    private func endsNamedPart(before index: Int, in tokens: ArraySlice<Token>) -> Bool {
        var token = tokens[index - 1]
        // The dot of an abbreviation: `Jan.-Mar. 2022`.
        if token.is("."), !token.spaceBefore, index - 2 >= tokens.startIndex, tokens[index - 2].kind == .word {
            token = tokens[index - 2]
        }
        if token.kind == .word { return Self.monthNumbers[token.text] != nil || Self.seasonNumbers[token.text] != nil }
        guard token.isNumber(digits: 1...1), !token.spaceBefore, index - 2 >= tokens.startIndex else { return false }
        return tokens[index - 2].isAny(Self.numberedPartLetters)
    }

    /// One end: `?` (unknown), `..` (open), a relative date or a single date.
    private func readSide(_ tokens: ArraySlice<Token>, role: IntervalRole, nearestWeekday: Bool = false) throws(TimelineDateError) -> SideReading? {
        let texts = tokens.map(\.text)
        if texts == ["?"] { return .unknown }
        if texts == [".", "."] || texts == ["…"] { return .open }
        // `March 2020 – present`, `2019 to date`: still going.
        if role == .end, Self.ongoingWords.contains(texts) { return .open }
        // A day of the week alone is no end of two (`Wednesday or Thursday, 1 Dec 2022`: the
        // nearest Wednesday to the article is no day of that date); `since last Tuesday`, and
        // `since Tuesday` with one end open, are ends.
        if let date = try readRelative(tokens, nearestWeekday: nearestWeekday) { return .reading(Reading(.complete(date))) }
        return try readQualified(tokens, allowBareDay: role == .start).map(SideReading.reading)
    }

    /// The interval between two ends, which lend each other a year (`March to June 2022`,
    /// `1–5 December 2022`, `December 2022 to February`) before taking one from the reference.
    private func interval(_ start: SideReading, _ end: SideReading) throws(TimelineDateError) -> TimelineDate {
        var startDate: TimelineDate.IntervalSide
        var endDate: TimelineDate.IntervalSide
        switch (start, end) {
        case (.reading(var first), .reading(var last)):
            if case .bareDay(let day) = first.shape {
                guard case .day(let month, _) = last.shape else {
                    throw TimelineDateError(input: text, reason: "a day alone at the start needs a day and month at the end")
                }
                first.shape = .day(month: month, day: day)
                first.year = last.year
            }
            // `early to mid-March 2022`, `Anfang bis Mitte März`: a third alone at the start is of
            // the end's month or decade, as in `early or mid-March`, not of the year.
            if case .third(let third) = first.shape, first.year == nil {
                switch last.shape {
                case .monthThird(_, let month): first.shape = .monthThird(third, month: month)
                case .decadeThird(_, let firstYear): first.shape = .decadeThird(third, firstYear: firstYear)
                default: break
                }
            }
            if first.needsYear && last.needsYear {
                try settleYear(&last)
            }
            if first.needsYear, let year = last.knownYear {
                first.year = year
                if let firstSpan = first.span(in: year), let lastSpan = last.span(in: last.year ?? year),
                   firstSpan.lowerBound > lastSpan.upperBound {
                    first.year = year - 1
                }
            } else if last.needsYear, let year = first.knownYear {
                last.year = year
                if let firstSpan = first.span(in: first.year ?? year), let lastSpan = last.span(in: year),
                   lastSpan.upperBound < firstSpan.lowerBound {
                    last.year = year + 1
                }
            }
            startDate = try side(of: resolve(first), role: .start)
            endDate = try side(of: resolve(last), role: .end)
        case (.reading(var first), _):
            if first.needsYear { try settleYear(&first) }
            startDate = try side(of: resolve(first), role: .start)
            endDate = end.isOpen ? .open : .unknown
        case (_, .reading(var last)):
            if last.needsYear { try settleYear(&last) }
            startDate = start.isOpen ? .open : .unknown
            endDate = try side(of: resolve(last), role: .end)
        default:
            throw TimelineDateError(input: text, reason: "an interval needs a date at one end at least")
        }
        return try TimelineDate.checkedInterval(from: startDate, to: endDate, input: text)
    }

    /// A date as an interval's end; a date that is an interval itself (`early 2022`, `last week`)
    /// lends the end on that side.
    private func side(of date: TimelineDate, role: IntervalRole) -> TimelineDate.IntervalSide {
        guard date.isInterval else { return .date(date) }
        switch role {
        case .start: return date.start.map(TimelineDate.IntervalSide.date) ?? (date.startKind == .open ? .open : .unknown)
        case .end: return date.end.map(TimelineDate.IntervalSide.date) ?? (date.endKind == .open ? .open : .unknown)
        }
    }
}

extension DateHumanReader.SideReading {
    var isOpen: Bool {
        if case .open = self { true } else { false }
    }
}
