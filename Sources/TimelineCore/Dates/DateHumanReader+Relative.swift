/// Dates relative to the current day, for query bounds: `today`, `last quarter`, `30 days ago`,
/// `hier`, `le mois dernier`, `il y a 3 semaines`, `last Tuesday`, `mardi dernier`.
extension DateHumanReader {
    enum RelativeUnit {
        case day, week, month, quarter, year
    }

    /// What a relative form asks for.
    enum RelativeForm {
        /// The day `amount` units from today (`3 weeks ago` is `.shifted(.week, -3)`).
        case shifted(RelativeUnit, Int)
        /// The whole week, month, quarter or year `offset` units from the one containing today.
        case calendar(RelativeUnit, Int)
        /// A day of the week (ISO number) near today: the last one before it, the next after it,
        /// or, named alone (`on Tuesday`), the nearest.
        case weekday(Int, WeekdayDirection)
        /// A month named with last or next (`last September`, `septembre dernier`): the last
        /// one before today's month, or the next one after it.
        case month(Int, before: Bool)
        /// A season (1 spring … 4 winter) named with last or next (`last summer`, `l'été
        /// dernier`): the last one before the season today is in, or the next one after it.
        case season(Int, before: Bool)
    }

    enum WeekdayDirection {
        case before, after, nearest, onOrBefore
    }

    /// The relative date `tokens` name, nil when they are no relative form (nor, with
    /// `nearestWeekday: false`, a day of the week named alone).
    func readRelative(_ tokens: ArraySlice<Token>, nearestWeekday: Bool = true) throws(TimelineDateError) -> TimelineDate? {
        let words = tokens.filter { !$0.is("'") && !$0.is("-") }.map(\.text)
        guard var form = Self.relativeForm(words) else { return nil }
        if !nearestWeekday, case .weekday(_, .nearest) = form { return nil }
        // An announcement is on or before the article that reports it: `announced Tuesday` in
        // Thursday's article is two days before, not five after.
        if case .weekday(let weekday, .nearest) = form, context.latestBeforeReference { form = .weekday(weekday, .onOrBefore) }
        guard let today = context.today else {
            throw TimelineDateError(input: text, reason: "it is relative, and " + (context.missingTodayReason ?? "no current date was given to resolve it"),
                                    needsToday: true)
        }
        guard let date = Self.resolve(form, today: today) else {
            throw TimelineDateError(input: text, reason: "it falls outside the years 0 to 9999")
        }
        return date
    }

    private static let englishUnits: [String: RelativeUnit] = [
        "week": .week, "month": .month, "quarter": .quarter, "year": .year,
    ]
    private static let frenchUnits: [String: RelativeUnit] = [
        "semaine": .week, "mois": .month, "trimestre": .quarter, "annee": .year, "an": .year,
    ]
    private static let englishOffsets: [String: Int] = [
        "this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1,
    ]
    private static let frenchOffsets: [String: Int] = [
        "dernier": -1, "derniere": -1, "passe": -1, "passee": -1, "precedent": -1, "precedente": -1,
        "prochain": 1, "prochaine": 1, "suivant": 1, "suivante": 1,
    ]
    private static let countedUnits: [String: RelativeUnit] = [
        "day": .day, "days": .day, "jour": .day, "jours": .day,
        "week": .week, "weeks": .week, "semaine": .week, "semaines": .week,
        "month": .month, "months": .month, "mois": .month,
        "year": .year, "years": .year, "an": .year, "ans": .year, "annee": .year, "annees": .year,
    ]
    private static let dayWords: [String: Int] = [
        "today": 0, "now": 0, "maintenant": 0, "aujourdhui": 0, "yesterday": -1, "hier": -1, "tomorrow": 1, "demain": 1,
    ]

    private static func relativeForm(_ words: [String]) -> RelativeForm? {
        if let form = weekdayForm(words) { return form }
        if let form = monthForm(words) { return form }
        if let form = seasonForm(words) { return form }
        switch words.count {
        case 1:
            return dayWords[words[0]].map { .shifted(.day, $0) }
        case 2:
            if words == ["aujourd", "hui"] { return .shifted(.day, 0) }
            if words == ["avant", "hier"] { return .shifted(.day, -2) }
            if words == ["apres", "demain"] { return .shifted(.day, 2) }
            if let offset = englishOffsets[words[0]], let unit = englishUnits[words[1]] { return .calendar(unit, offset) }
        default:
            break
        }
        if words == ["the", "day", "before", "yesterday"] || words == ["day", "before", "yesterday"] { return .shifted(.day, -2) }
        if words == ["the", "day", "after", "tomorrow"] || words == ["day", "after", "tomorrow"] { return .shifted(.day, 2) }
        // N days ago, il y a N jours, in N days, dans N jours.
        if words.count == 3, words[2] == "ago", let count = count(words[0]), let unit = countedUnits[words[1]] {
            return .shifted(unit, -count)
        }
        if words.count == 5, Array(words[0...2]) == ["il", "y", "a"], let count = count(words[3]),
           let unit = countedUnits[words[4]] {
            return .shifted(unit, -count)
        }
        if words.count == 3, words[0] == "in" || words[0] == "dans", let count = count(words[1]),
           let unit = countedUnits[words[2]] {
            return .shifted(unit, count)
        }
        // French: [article] unit modifier, [article] modifier unit, ce|cet|cette unit [ci], unit en cours.
        var french = words[...]
        if let first = french.first, ["le", "la", "l", "les"].contains(first) { french = french.dropFirst() }
        if french.last == "ci" { french = french.dropLast() }
        let parts = Array(french)
        if parts.count == 2 {
            if let unit = frenchUnits[parts[0]], let offset = frenchOffsets[parts[1]] { return .calendar(unit, offset) }
            if let offset = frenchOffsets[parts[0]], let unit = frenchUnits[parts[1]] { return .calendar(unit, offset) }
            if ["ce", "cet", "cette"].contains(parts[0]), let unit = frenchUnits[parts[1]] { return .calendar(unit, 0) }
        }
        if parts.count == 3, parts[1...] == ["en", "cours"], let unit = frenchUnits[parts[0]] { return .calendar(unit, 0) }
        return nil
    }

    /// `last summer`, `next winter`, `in last autumn`; `l'été dernier`, `l'hiver prochain`: only
    /// with last or next (`this summer` is left unread: before or after today's season, prose
    /// means either).
    private static func seasonForm(_ words: [String]) -> RelativeForm? {
        named(in: words, from: seasonNumbers, after: ["in", "en", "le", "l", "au", "a"]).map { .season($0.number, before: $0.before) }
    }

    /// `last September`, `next March`, `in September last`; `septembre dernier`, `en septembre
    /// dernier`, `le mois de mars prochain`. A month named alone is no relative form: it takes
    /// the year nearest to the reference, as any date without a year does.
    private static func monthForm(_ words: [String]) -> RelativeForm? {
        named(in: words, from: monthNumbers, after: ["in", "en", "le", "mois", "de", "d"]).map { .month($0.number, before: $0.before) }
    }

    /// A name of `numbers` with last or next before it (English) or `dernier`, `prochain`… after
    /// it (French), after any of `leading` (`in`, `le mois de`): its number, and whether the
    /// words ask for the one before; nil for any other words.
    private static func named(in words: [String], from numbers: [String: Int], after leading: [String]) -> (number: Int, before: Bool)? {
        var rest = words[...]
        while let first = rest.first, leading.contains(first), rest.count > 2 { rest = rest.dropFirst() }
        guard rest.count == 2 else { return nil }
        let first = rest[rest.startIndex], second = rest[rest.startIndex + 1]
        if let number = numbers[second], let offset = englishOffsets[first], offset != 0 { return (number, offset < 0) }
        if let number = numbers[first], let offset = frenchOffsets[second] { return (number, offset < 0) }
        return nil
    }

    /// `Tuesday`, `on Tuesday`, `this Tuesday`, `last Tuesday`, `next Tuesday`; `mardi`, `ce mardi`,
    /// `mardi dernier`, `le mardi précédent`, `mardi prochain`.
    private static func weekdayForm(_ words: [String]) -> RelativeForm? {
        var rest = words[...]
        while let first = rest.first, ["on", "le", "ce", "this", "coming"].contains(first) || (first == "the" && rest.count > 2) {
            if first == "coming" { return rest.count == 2 ? weekdays[rest[rest.startIndex + 1]].map { .weekday($0, .after) } : nil }
            rest = rest.dropFirst()
        }
        switch rest.count {
        case 1:
            return weekdays[rest[rest.startIndex]].map { .weekday($0, .nearest) }
        case 2:
            let first = rest[rest.startIndex], second = rest[rest.startIndex + 1]
            if let weekday = weekdays[second], let offset = englishOffsets[first], offset != 0 {
                return .weekday(weekday, offset < 0 ? .before : .after)
            }
            if let weekday = weekdays[first], let offset = frenchOffsets[second] {
                return .weekday(weekday, offset < 0 ? .before : .after)
            }
            return nil
        default:
            return nil
        }
    }

    /// A count written as digits or as `a`, `an`, `one`, `un`, `une`.
    /// Counts written as words, as articles write small ones (`two weeks ago`, `il y a trois jours`).
    private static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
        "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    ]

    private static func count(_ word: String) -> Int? {
        if let number = numberWords[word] { return number }
        guard !word.isEmpty, word.utf8.count <= 6, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(word)
    }

    /// The date a form names, nil when it falls outside years 0...9999.
    private static func resolve(_ form: RelativeForm, today: CalendarDay) -> TimelineDate? {
        switch form {
        case .shifted(let unit, let amount):
            let day: CalendarDay?
            switch unit {
            case .day: day = today.adding(days: amount)
            case .week: day = today.adding(days: amount * 7)
            case .month: day = today.adding(months: amount)
            case .quarter: day = today.adding(months: amount * 3)
            case .year: day = today.adding(months: amount * 12)
            }
            return day.map { TimelineDate(period: .day(year: $0.year, month: $0.month, day: $0.day)) }
        case .month(let month, let before):
            let year = before ? (today.month > month ? today.year : today.year - 1) : (today.month < month ? today.year : today.year + 1)
            let period = TimelineDate.Period.month(year: year, month: month)
            guard year >= 0, year <= 9999, period.problem == nil else { return nil }
            return TimelineDate(period: period)
        case .season(let season, let before):
            // Seasons by the month they start in (meteorological: March, June, September,
            // December; a winter is its December's year's): today's season starts on the last of
            // those months on or before today's.
            let month = today.year * 12 + today.month - 1
            let current = month - (today.month + 9) % 3
            var start = current
            repeat { start += before ? -3 : 3 } while (start % 12) / 3 + 1 != season
            guard start >= 0 else { return nil }
            let period = TimelineDate.Period.season(year: start / 12, season: season)
            guard period.year <= 9999 else { return nil }
            return TimelineDate(period: period)
        case .weekday(let weekday, let direction):
            let ahead = ((weekday - today.isoWeekday) % 7 + 7) % 7  // 0…6 days to the next such day
            let shift: Int
            switch direction {
            case .before: shift = ahead == 0 ? -7 : ahead - 7
            case .after: shift = ahead == 0 ? 7 : ahead
            case .onOrBefore: shift = ahead == 0 ? 0 : ahead - 7
            case .nearest: shift = ahead <= 3 ? ahead : ahead - 7
            }
            return today.adding(days: shift).map { TimelineDate(period: .day(year: $0.year, month: $0.month, day: $0.day)) }
        case .calendar(let unit, let offset):
            let period: TimelineDate.Period
            switch unit {
            case .day:
                guard let day = today.adding(days: offset) else { return nil }
                period = .day(year: day.year, month: day.month, day: day.day)
            case .week:
                // ISO weeks run Monday to Sunday.
                guard let monday = today.adding(days: 1 - today.isoWeekday + 7 * offset),
                      let sunday = monday.adding(days: 6)
                else { return nil }
                let start = TimelineDate(period: .day(year: monday.year, month: monday.month, day: monday.day))
                let end = TimelineDate(period: .day(year: sunday.year, month: sunday.month, day: sunday.day))
                return TimelineDate(intervalFrom: .date(start), to: .date(end))
            case .month:
                let index = today.year * 12 + today.month - 1 + offset
                period = .month(year: index / 12, month: index % 12 + 1)
            case .quarter:
                let index = today.year * 4 + (today.month - 1) / 3 + offset
                period = .quarter(year: index / 4, quarter: index % 4 + 1)
            case .year:
                period = .year(today.year + offset)
            }
            guard period.year >= 0, period.problem == nil else { return nil }
            return TimelineDate(period: period)
        }
    }
}
