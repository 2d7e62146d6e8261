/// Reads the date forms people write, in English or French (and their common forms in German,
/// Dutch, Spanish, Italian and Portuguese), into a `TimelineDate` with
/// normalised EDTF (`Q2 2022` → `2022-34`, `circa 2019` → `2019~`, `since 2019` → `2019/..`).
///
/// Slower than the EDTF scanner (it builds tokens), which is why `parse` tries EDTF first.
struct DateHumanReader {
    /// The text as given, for errors.
    let text: String
    let context: DateParsingContext

    static let maximumTokens = 100

    static let notUnderstoodReason =
        "it is not a date form this tool reads (ISO and EDTF, and words in English or French, and their common forms in German, Dutch, Spanish, Italian and Portuguese: try 2022-12-01, 2022-12, Q2 2022, December 2022, 1 Dec 2022 or décembre 2022)"

    /// The date; nil when the text is no form this reader knows; an error when it is one but
    /// names a day that does not exist, or lacks what it needs (a year, the current date).
    func read() throws(TimelineDateError) -> TimelineDate? {
        let written = Self.tokens(of: text)
        // Intervals are split at every separator in turn, which takes time growing with the square
        // of the tokens: a text with more than several times the longest form's is no date.
        guard !written.isEmpty, written.count <= Self.maximumTokens else { return nil }
        let tokens = try namingNumericMonths(written)
        try rejectAmbiguousNumbers(tokens)
        if let date = try readRelative(tokens[...]) { return date }
        if let interval = try readInterval(tokens[...]) { return interval }  // its days of the week checked there
        guard var reading = try readQualified(tokens[...]) else { return nil }
        if reading.needsYear {
            let named = tokens.compactMap { Self.weekdays[$0.text] }
            try settleYear(&reading, weekday: named.count == 1 ? named[0] : nil)
        }
        let date = try resolve(reading)
        try checkWeekdays(of: date, namedIn: tokens[...])
        return date
    }

    /// `Friday, 19 November 2019` names a day twice; when the two disagree (it was a Tuesday),
    /// one of them is a typo, and which cannot be told. Days of the week go with a date's ends in
    /// order (`du lundi 18 au mercredi 20 novembre`); one alone with the first end that is a day
    /// (`Thursday 1 – 2 December`, `until next Friday`). Beside a month or a year (`Tuesday 2019`)
    /// it names no day of the date, and is refused too.
    func checkWeekdays(of date: TimelineDate, namedIn tokens: ArraySlice<Token>) throws(TimelineDateError) {
        let named = tokens.compactMap { Self.weekdays[$0.text] }
        guard !named.isEmpty else { return }
        let ends = date.isInterval ? [date.start, date.end] : [date]
        let days = ends.map { end -> CalendarDay? in
            guard let end, end.precision == .day, !end.isInterval else { return nil }
            return end.earliest
        }
        let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        func mismatch(_ weekday: Int, _ day: CalendarDay) -> TimelineDateError {
            TimelineDateError(input: text, reason: "it names a \(names[weekday - 1]), but \(TimelineDate(period: .day(year: day.year, month: day.month, day: day.day)).display(.english)) was a \(names[day.isoWeekday - 1])")
        }
        let dayEnds = days.compactMap { $0 }
        if named.count == 1, let first = dayEnds.first {
            guard first.isoWeekday == named[0] else { throw mismatch(named[0], first) }
            return
        }
        guard named.count == days.count, dayEnds.count == days.count else {
            throw TimelineDateError(input: text, reason: (named.count == 1 ? "it names a day of the week, but its date is no single day" : "it names \(named.count) days of the week for \(dayEnds.count) days")
                + ": write the day, or leave the day of the week out")
        }
        for (weekday, day) in zip(named, dayEnds) where weekday != day.isoWeekday { throw mismatch(weekday, day) }
    }

    /// `06/2022`, `6.2022`: a month and a four-digit year, which no day order makes ambiguous,
    /// read as the month's name would be (`June 2022`), so that every form that takes a month takes
    /// them too: `06/2022~`, `vers 06/2022`, `since 06/2022`, `06/2022 – 09/2022`, `06/2022/..`.
    /// Not inside a longer run of numbers (`31/12/2022`: is 12 the month?), which stays for
    /// `rejectAmbiguousNumbers`, nor after a letter (`Q2/2022` is a quarter).
    func namingNumericMonths(_ tokens: [Token]) throws(TimelineDateError) -> [Token] {
        func isJoint(_ index: Int) -> Bool {
            tokens.indices.contains(index) && tokens[index].isAny(["/", ".", "-"]) && !tokens[index].spaceBefore
        }
        var named: [Token] = []
        var index = tokens.startIndex
        while index < tokens.endIndex {
            let month = tokens[index]
            guard index + 2 < tokens.endIndex, month.isNumber(digits: 1...2),
                  tokens[index + 1].isAny(["/", "."]), !tokens[index + 1].spaceBefore,
                  tokens[index + 2].isNumber(digits: 4...4), !tokens[index + 2].spaceBefore,
                  index == 0 || month.spaceBefore || tokens[index - 1].kind == .symbol,
                  !(isJoint(index - 1) && !month.spaceBefore && index >= 2 && tokens[index - 2].isNumber),
                  !(isJoint(index + 3) && index + 4 < tokens.endIndex && tokens[index + 4].isNumber)
            else {
                named.append(month)
                index += 1
                continue
            }
            guard (1...12).contains(month.value) else {
                throw TimelineDateError(input: text, reason: "\(month.value) is not a month (a month and year are written 06/2022)")
            }
            let name = TimelineDate.Period.englishMonthNames[month.value - 1].lowercased()
            named.append(Token(kind: .word, text: name, spaceBefore: month.spaceBefore))
            named.append(Token(kind: .number, text: tokens[index + 2].text, spaceBefore: true))
            index += 3
        }
        return named
    }

    /// `31/12/2022`, `12/31/2022`, `31.12.2022`: day first or month first? No guess.
    private func rejectAmbiguousNumbers(_ tokens: [Token]) throws(TimelineDateError) {
        guard (3...5).contains(tokens.count), tokens.count % 2 == 1, tokens[0].isNumber(digits: 1...2) else { return }
        let separator = tokens[1].text
        guard ["/", ".", "-"].contains(separator) else { return }
        for (offset, token) in tokens.enumerated() {
            guard offset % 2 == 0 ? token.isNumber : token.text == separator else { return }
        }
        // `15/03/2023` can only be day first, but its file's `03/04/2023` can be either: the
        // order is the file's, not the day's, and is given, not guessed one day at a time.
        let numbers = stride(from: 0, to: tokens.count, by: 2).compactMap { Int(tokens[$0].text) }
        // Two numbers alone: two years (`20/21`), or a month and a year of two digits (`01/22`).
        if numbers.count == 2, numbers[1] == (numbers[0] + 1) % 100,
           case let (a, b) = (numbers[0], numbers[1]),
           !((1...12).contains(a) && (1...31).contains(b)) && !((1...12).contains(b) && (1...31).contains(a)) {
            // `99/00` and `00/01` across a century too: no day and month, and the second the next year.
            let first = a <= 29 ? 2000 + a : 1900 + a
            let why = a > 12 && b > 12 ? "neither \(a) nor \(b) is a month" : "it is no day and month"
            throw TimelineDateError(input: text, reason: "\(why); the years \(first) and "
                                    + "\(first + 1) are written \(first)/\(CalendarDay.zeroPadded(b, width: 2)), and a day in ISO, as in 2022-12-31")
        }
        var monthAndYear = ""
        if numbers.count == 2, (1...12).contains(numbers[0]), (13...99).contains(numbers[1]) {
            let year = numbers[1] <= 29 ? 2000 + numbers[1] : 1900 + numbers[1], month = CalendarDay.zeroPadded(numbers[0], width: 2)
            monthAndYear = "; a month and year are written with the year whole, \(month)\(separator)\(year) or \(year)-\(month)"
        }
        let why = numbers.count >= 2 && (numbers[0] > 12) != (numbers[1] > 12) && max(numbers[0], numbers[1]) <= 31
            ? "here \(max(numbers[0], numbers[1])) can only be the day, but in a date such as 03\(separator)04 either number can be, so the order is not guessed"
            : "day or month first?"
        throw TimelineDateError(
            input: text,
            reason: "numeric dates are ambiguous (\(why)): write ISO, as in 2022-12-31, "
                + "or a month name, as in 31 December 2022" + monthAndYear)
    }

    /// Gives a year to a reading written without one: the occurrence nearest to the reference (to
    /// any of its days, for a period), or for an announcement the latest begun by its last day.
    /// A day written with its day of the week (`vendredi 1er décembre`) takes the year, of those
    /// around the reference's, in which it falls on that day, if one does.
    func settleYear(_ reading: inout Reading, weekday: Int? = nil) throws(TimelineDateError) {
        guard let reference = context.reference else {
            if let problem = Self.problemInAnyYear(reading) { throw TimelineDateError(input: text, reason: problem) }
            throw TimelineDateError(
                input: text, reason: "it has no year: write one, or give a reference date to take it from", needsYear: true)
        }
        let referenceEnd = max(context.referenceEnd ?? reference, reference)
        // Four years either side, so that 29 February finds a leap year.
        var best: (year: Int, distance: Int)?
        if context.latestBeforeReference {
            for year in stride(from: referenceEnd.year + 1, through: referenceEnd.year - 4, by: -1) {
                if let span = reading.span(in: year), span.lowerBound <= referenceEnd {
                    best = (year, 0)
                    break
                }
            }
        } else {
            for year in (reference.year - 4)...(referenceEnd.year + 4) {
                guard let span = reading.span(in: year) else { continue }
                let distance = max(0, span.lowerBound.dayNumber - referenceEnd.dayNumber, reference.dayNumber - span.upperBound.dayNumber)
                if best == nil || distance < best!.distance { best = (year, distance) }
            }
        }
        guard let best else {
            let problem = reading.period(in: reference.year)?.problem ?? Self.notUnderstoodReason
            throw TimelineDateError(input: text, reason: problem)
        }
        reading.year = best.year
        guard let weekday, let span = reading.span(in: best.year), span.lowerBound == span.upperBound,
              span.lowerBound.isoWeekday != weekday else { return }
        // The year before or after (an announcement's: before) that has the day (29 February:
        // the leap year before or after), where it is that day of the week.
        func nearest(_ years: StrideThrough<Int>) -> Int? {
            years.first { year in reading.span(in: year).map { $0.lowerBound == $0.upperBound } ?? false }
        }
        let before = nearest(stride(from: best.year - 1, through: best.year - 8, by: -1))
        let after = context.latestBeforeReference ? nil : nearest(stride(from: best.year + 1, through: best.year + 8, by: 1))
        let matching = [before, after].compactMap { $0 }.filter { reading.span(in: $0)?.lowerBound.isoWeekday == weekday }
        if matching.count == 1 { reading.year = matching[0] }
    }

    /// Why a reading without a year exists in no year (`30 February`), if it does not.
    private static func problemInAnyYear(_ reading: Reading) -> String? {
        if case .day(let month, let day) = reading.shape, (1...12).contains(month),
           day > CalendarDay.daysInMonth(month, year: 2000) {
            let name = TimelineDate.Period.englishMonthNames[month - 1]
            return "\(name) has at most \(CalendarDay.daysInMonth(month, year: 2000)) days"
        }
        return reading.period(in: 2000)?.problem
    }

    /// The date a reading with its year settled names.
    func resolve(_ reading: Reading) throws(TimelineDateError) -> TimelineDate {
        switch reading.shape {
        case .complete(let date):
            guard reading.approximate || reading.uncertain, !date.isInterval, let earliest = date.earliest,
                  let period = TimelineDate.Period(precision: date.precision, earliest: earliest)
            else { return date }
            return TimelineDate(period: period, approximate: date.approximate || reading.approximate,
                                uncertain: date.uncertain || reading.uncertain)
        case .third(let third):
            // EDTF has no "early 2022": an interval of approximate months stands for it.
            guard let year = reading.year, CalendarDay.yearRange.contains(year) else { break }
            let first = TimelineDate(period: .month(year: year, month: third * 4 - 3),
                                     approximate: true, uncertain: reading.uncertain)
            let last = TimelineDate(period: .month(year: year, month: third * 4),
                                    approximate: true, uncertain: reading.uncertain)
            return TimelineDate(intervalFrom: .date(first), to: .date(last))
        case .monthThird(let third, let month):
            // As for the thirds of a year: an interval of approximate days.
            guard let year = reading.year, CalendarDay.yearRange.contains(year) else { break }
            let days = Self.monthThirdDays(third, month: month, year: year)
            let first = TimelineDate(period: .day(year: year, month: month, day: days.lowerBound),
                                     approximate: true, uncertain: reading.uncertain)
            let last = TimelineDate(period: .day(year: year, month: month, day: days.upperBound),
                                    approximate: true, uncertain: reading.uncertain)
            return TimelineDate(intervalFrom: .date(first), to: .date(last))
        case .decadeThird(let third, let firstYear):
            // As for the thirds of a year: an interval of approximate years.
            let years = Self.decadeThirdYears(third)
            guard CalendarDay.yearRange.contains(firstYear + years.upperBound) else { break }
            let first = TimelineDate(period: .year(firstYear + years.lowerBound), approximate: true, uncertain: reading.uncertain)
            let last = TimelineDate(period: .year(firstYear + years.upperBound), approximate: true, uncertain: reading.uncertain)
            return TimelineDate(intervalFrom: .date(first), to: .date(last))
        case .bareDay:
            break
        default:
            guard let year = reading.year ?? reading.knownYear, let period = reading.period(in: year) else { break }
            if let problem = period.problem { throw TimelineDateError(input: text, reason: problem) }
            return TimelineDate(period: period, approximate: reading.approximate, uncertain: reading.uncertain)
        }
        throw TimelineDateError(input: text, reason: Self.notUnderstoodReason)
    }
}
