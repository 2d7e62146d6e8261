/// Printing dates for people, at their precision, in English or French.
extension TimelineDate {
    /// The date as a person would write it: `Q2 2022`, `1 Dec 2022`, `c. 2019`, `since 2019`;
    /// in French `T2 2022`, `1er déc. 2022`, `vers 2019`, `depuis 2019`.
    public func display(_ language: DateDisplayLanguage = .english) -> String {
        isInterval ? intervalText(language) : singleText(language, context: .standalone)
    }

    /// Where a single date's text goes: alone, or as the start of an open interval ("since") or
    /// the end of one open at the start ("until"), whose French wording depends on the precision.
    private enum DisplayContext {
        case standalone
        case afterSince
        case afterUntil
    }

    private func singleText(_ language: DateDisplayLanguage, context: DisplayContext) -> String {
        guard let earliest, let period = Period(precision: precision, earliest: earliest) else { return edtf }
        var text = period.text(language)
        // A decade or century after a word takes its article: "since the 1990s", "vers les
        // années 1990", "jusqu'au XXe siècle".
        let isSpan = period.precision == .decade || period.precision == .century
        let isDecade = period.precision == .decade
        if approximate {
            text = language == .english ? "c. " + text : "vers " + (isSpan ? (isDecade ? "les " : "le ") : "") + text
        }
        if uncertain { text += language == .english ? "?" : " ?" }
        // French takes an article before a day, and "jusqu'" an article or preposition.
        let isDay = period.precision == .day
        switch (context, language) {
        case (.standalone, _): return text
        case (.afterSince, .english): return "since " + (isSpan && !approximate ? "the " : "") + text
        case (.afterUntil, .english): return "until " + (isSpan && !approximate ? "the " : "") + text
        case (.afterSince, .french):
            return "depuis " + (isDay && !approximate ? "le " : isSpan && !approximate ? (isDecade ? "les " : "le ") : "") + text
        case (.afterUntil, .french):
            if approximate { return "jusque " + text }
            if isSpan { return (isDecade ? "jusqu'aux " : "jusqu'au ") + text }
            return (isDay ? "jusqu'au " : "jusqu'en ") + text
        }
    }

    private func intervalText(_ language: DateDisplayLanguage) -> String {
        // `early 2022?`: the third's own qualifier, where both ends are uncertain.
        let mark = start?.uncertain == true ? (language == .english ? "?" : " ?") : ""
        if let third = yearThird {
            return DateDisplayWords.third(third.third, year: third.year, language) + mark
        }
        if let third = monthThird {
            return DateDisplayWords.third(third.third, month: third.month, year: third.year, language) + mark
        }
        if let third = decadeThird {
            return DateDisplayWords.third(third.third, ofDecade: third.firstYear, language) + mark
        }
        switch (start, end) {
        case (let start?, let end?):
            return start.singleText(language, context: .standalone) + " – " + end.singleText(language, context: .standalone)
        case (let start?, nil):
            if endKind == .open {
                return start.singleText(language, context: .afterSince)
            }
            return start.singleText(language, context: .standalone) + " – ?"
        case (nil, let end?):
            if startKind == .open {
                return end.singleText(language, context: .afterUntil)
            }
            return "? – " + end.singleText(language, context: .standalone)
        case (nil, nil):
            return edtf
        }
    }

    /// Which third of which year an `early|mid|late YYYY` interval (`2022-01~/2022-04~`) is, if it is one.
    var yearThird: (third: Int, year: Int)? {
        guard let start, let end, !start.isInterval, !end.isInterval,
              start.precision == .month, end.precision == .month,
              start.approximate, end.approximate, start.uncertain == end.uncertain,
              let first = start.earliest, let last = end.earliest, first.year == last.year,
              first.month % 4 == 1, last.month == first.month + 3
        else { return nil }
        return (first.month / 4 + 1, first.year)
    }

    /// Which third of which month an `early|mid|late December 2022` interval (`2022-12-01~/2022-12-10~`,
    /// `…-11~/…-20~`, `…-21~/…-31~`) is, if it is one.
    var monthThird: (third: Int, month: Int, year: Int)? {
        guard let start, let end, !start.isInterval, !end.isInterval,
              start.precision == .day, end.precision == .day,
              start.approximate, end.approximate, start.uncertain == end.uncertain,
              let first = start.earliest, let last = end.earliest,
              first.year == last.year, first.month == last.month,
              let third = (1...3).first(where: {
                  DateHumanReader.monthThirdDays($0, month: first.month, year: first.year) == first.day...last.day
              })
        else { return nil }
        return (third, first.month, first.year)
    }

    /// Which third of which decade an `early|mid|late 1990s` interval (`1990~/1993~`, `1994~/1996~`,
    /// `1997~/1999~`) is, if it is one.
    var decadeThird: (third: Int, firstYear: Int)? {
        guard let start, let end, !start.isInterval, !end.isInterval,
              start.precision == .year, end.precision == .year,
              start.approximate, end.approximate, start.uncertain == end.uncertain,
              let first = start.earliest?.year, let last = end.earliest?.year, first / 10 == last / 10,
              let third = (1...3).first(where: { DateHumanReader.decadeThirdYears($0) == (first % 10)...(last % 10) })
        else { return nil }
        return (third, first - first % 10)
    }
}

extension TimelineDate.Period {
    /// The period in words, without qualifiers.
    func text(_ language: DateDisplayLanguage) -> String {
        let yyyy = CalendarDay.zeroPadded(year, width: 4)
        switch (self, language) {
        case (.day(_, let month, let day), .english):
            return "\(day) \(DateDisplayWords.englishMonths[month - 1]) \(yyyy)"
        case (.day(_, let month, let day), .french):
            return (day == 1 ? "1er" : String(day)) + " \(DateDisplayWords.frenchMonths[month - 1]) \(yyyy)"
        case (.month(_, let month), .english):
            return "\(DateDisplayWords.englishMonths[month - 1]) \(yyyy)"
        case (.month(_, let month), .french):
            return "\(DateDisplayWords.frenchMonths[month - 1]) \(yyyy)"
        case (.season(_, let season), _):
            let name = (language == .english ? DateDisplayWords.englishSeasons : DateDisplayWords.frenchSeasons)[season - 1]
            return season == 4 ? name + " " + yyyy + "–" + DateDisplayWords.followingYear(after: year) : name + " " + yyyy
        case (.quarter(_, let quarter), _):
            return (language == .english ? "Q" : "T") + "\(quarter) \(yyyy)"
        case (.halfYear(_, let half), _):
            return (language == .english ? "H" : "S") + "\(half) \(yyyy)"
        case (.year, _):
            return yyyy
        case (.decade(let firstYear), .english) where DateDisplayWords.decadeNamedAsSuch(firstYear):
            return yyyy + "s decade"
        case (.decade, .english):
            return yyyy + "s"
        case (.decade, .french):
            return "années " + yyyy
        case (.century(let firstYear), .english):
            return DateDisplayWords.englishOrdinal(firstYear / 100 + 1) + " century"
        case (.century(let firstYear), .french):
            let number = firstYear / 100 + 1
            return DateDisplayWords.romanNumeral(number) + (number == 1 ? "er" : "e") + " siècle"
        }
    }
}
