/// The forms of a single date: `Q2 2022`, `first half of 2022`, `summer 2021`, `early 2022`,
/// `the 2010s`, `20th century`, `1 December 2022`, `December 1, 2022`, `décembre 2022`…
extension DateHumanReader {
    /// A single date with its qualifiers (`circa`, `vers`, `?`…) and filler words, from all of `tokens`.
    func readQualified(_ tokens: ArraySlice<Token>, allowBareDay: Bool = false) throws(TimelineDateError) -> Reading? {
        var lower = tokens.startIndex
        var upper = tokens.endIndex
        var approximate = false
        var uncertain = false
        while lower < upper {
            let token = tokens[lower]
            if token.isAny(Self.approximateWords) || token.is("~") {
                approximate = true
            } else if token.isAny(Self.uncertainWords) {
                uncertain = true
            } else if token.is("peut"), lower + 2 < upper, tokens[lower + 1].is("-"), tokens[lower + 2].is("etre") {
                uncertain = true
                lower += 2
            } else if token.is("."), !token.spaceBefore, lower > tokens.startIndex {
                // The dot of `c.`, `ca.`, `approx.`.
            } else if !(token.isAny(Self.fillerWords) && lower + 1 < upper && !tokens[lower + 1].isAny(Self.centuryWords)) {
                // Right before `siècle` or `century` a word is the number, not a filler: `Le siècle` is the 50th.
                break
            }
            lower += 1
        }
        // `2019..` is no sentence's full stop: an open end meant as EDTF writes it, which would
        // otherwise be dropped without a word.
        let dots = tokens[lower..<upper].reversed().prefix { $0.isAny([".", "…"]) }
        if dots.count >= 2 || dots.first?.is("…") == true,
           case let start = String(text.reversed().drop { $0 == "." || $0 == "…" || $0.isWhitespace }.reversed()), !start.isEmpty {
            // The form to write, when what comes before the dots is one date of its own (read
            // only when shorter than the text: the dots may be tokens of no trailing character).
            let single = start.count < text.count && !start.contains("/") && ((try? TimelineDate.parse(start)).map { !$0.isInterval } ?? false)
            throw TimelineDateError(input: text, reason: single
                ? "it ends in '..': for the interval from \(start) on, write \(start)/.. (or since \(start))"
                : "it ends in '..', which marks an open end only after a date and a '/' (as in 2019/..)")
        }
        trailing: while upper > lower {
            switch tokens[upper - 1].text {
            case "?": uncertain = true
            case "~", "environ", "approximately", "approx": approximate = true
            case "%": approximate = true; uncertain = true
            case ".", ",": break
            default: break trailing
            }
            upper -= 1
        }
        guard lower < upper, var reading = try readCore(tokens[lower..<upper], allowBareDay: allowBareDay) else {
            return nil
        }
        reading.approximate = reading.approximate || approximate
        reading.uncertain = reading.uncertain || uncertain
        return reading
    }

    /// The first form that reads all of `tokens`.
    private func readCore(_ tokens: ArraySlice<Token>, allowBareDay: Bool) throws(TimelineDateError) -> Reading? {
        if let reading = try whole(tokens, edtfForm) { return reading }
        if let reading = try whole(tokens, Self.quarterForm) { return reading }
        if let reading = try whole(tokens, Self.halfYearForm) { return reading }
        if let reading = try whole(tokens, Self.seasonForm) { return reading }
        if let reading = try whole(tokens, thirdForm) { return reading }
        if let reading = try whole(tokens, decadeForm) { return reading }
        if let reading = try whole(tokens, Self.centuryForm) { return reading }
        if let reading = try whole(tokens, dayMonthForm) { return reading }
        if allowBareDay, let reading = try whole(tokens, Self.bareDayForm) { return reading }
        return nil
    }

    private func whole(_ tokens: ArraySlice<Token>,
                       _ form: (inout Cursor) throws(TimelineDateError) -> Reading?) throws(TimelineDateError) -> Reading? {
        var cursor = Cursor(tokens)
        guard let reading = try form(&cursor), cursor.atEnd else { return nil }
        return reading
    }

    /// EDTF written inside a human form: `circa 2022-12`, `since 201x`.
    private func edtfForm(_ cursor: inout Cursor) throws(TimelineDateError) -> Reading? {
        guard let first = cursor.peek, first.isNumber(digits: 3...4) else { return nil }
        var edtf = ""
        var count = 0
        while let token = cursor.peek {
            if count > 0 && token.spaceBefore { return nil }
            switch token.kind {
            case .number: edtf += token.text
            case .symbol where token.is("-"): edtf += "-"
            case .word where token.text.utf8.allSatisfy({ $0 == UInt8(ascii: "x") }): edtf += token.text.uppercased()
            default: return nil
            }
            cursor.advance()
            count += 1
        }
        switch TimelineDate.EDTFScanner.scan(edtf) {
        case .success(let date): return Reading(.complete(date))
        case .failure(let error):
            if count == 1 { return nil }
            throw TimelineDateError(input: text, reason: error.reason)
        }
    }

    /// `Q2 2022`, `T2 2022`, `2022-Q2`, `2022 Q2`, `2nd quarter 2022`, `deuxième trimestre de 2022`.
    private static func quarterForm(_ cursor: inout Cursor) -> Reading? {
        numberedPart(&cursor, letters: ["q", "t"], words: quarterWords, last: 4).map { Reading(.quarter($0.number), year: $0.year) }
    }

    /// `H1 2022`, `S1 2022`, `2022-H2`, `first half of 2022`, `premier semestre 2022`.
    private static func halfYearForm(_ cursor: inout Cursor) -> Reading? {
        numberedPart(&cursor, letters: ["h", "s"], words: halfWords, last: 2).map { Reading(.halfYear($0.number), year: $0.year) }
    }

    /// A numbered part of a year: a letter and number (`Q2`), before or after the year, or an
    /// ordinal and a word (`second quarter`) before it.
    private static func numberedPart(_ cursor: inout Cursor, letters: Set<String>, words: Set<String>,
                                     last: Int) -> (number: Int, year: Int?)? {
        // `2H 2021`, `4Q 2021`, `4Q21`: the number first, as analysts write them (a year of two
        // digits right after the letter is 2000–2029 for 00–29, else 1930–1999, as `yy` reads).
        var numberFirst = cursor
        if let number = numberFirst.peek, number.isNumber(digits: 1...1) {
            numberFirst.advance()
            if let letter = numberFirst.peek, letter.isAny(letters), !letter.spaceBefore {
                numberFirst.advance()
                if let short = numberFirst.peek, short.isNumber(digits: 2...2), !short.spaceBefore {
                    numberFirst.advance()
                    cursor = numberFirst
                    return (number.value, (short.value < 30 ? 2000 : 1900) + short.value)
                }
                cursor = numberFirst
                return (number.value, takeOptionalYear(&cursor))
            }
        }
        if cursor.take(anyOf: letters) {
            guard let number = cursor.peek, number.isNumber(digits: 1...2), !number.spaceBefore else { return nil }
            cursor.advance()
            // `Q4-2022`, as `2022-Q4` is written the other way round.
            var hyphen = cursor
            if hyphen.take("-"), hyphen.peek?.isNumber(digits: 4...4) == true { cursor = hyphen }
            return (number.value, takeOptionalYear(&cursor))
        }
        if let year = cursor.takeYear() {
            cursor.take("-")
            guard cursor.take(anyOf: letters), let number = cursor.peek, number.isNumber(digits: 1...2),
                  !number.spaceBefore
            else { return nil }
            cursor.advance()
            return (number.value, year)
        }
        guard let ordinal = takeOrdinal(&cursor), cursor.take(anyOf: words) else { return nil }
        return (ordinal == lastOrdinal ? last : ordinal, takeOptionalYear(&cursor))
    }

    /// `summer 2021`, `été de 2021`, `fall 2021`, `winter 2021–22`.
    private static func seasonForm(_ cursor: inout Cursor) -> Reading? {
        guard let season = cursor.take(from: seasonNumbers) else { return nil }
        let year = takeOptionalYear(&cursor)
        if season == 4, let year { takeFollowingYear(&cursor, after: year) }
        return Reading(.season(season), year: year)
    }

    /// The `–22` or `/2022` of `winter 2021–22`, which only repeats what winter 2021 means.
    static func takeFollowingYear(_ cursor: inout Cursor, after year: Int) {
        var look = cursor
        guard look.take(anyOf: ["–", "-", "/"]), let next = look.peek,
              next.isNumber(digits: 2...2) && next.value == (year + 1) % 100
                || next.isNumber(digits: 4...4) && next.value == year + 1
        else { return }
        look.advance()
        cursor = look
    }

    /// `early 2022`, `mid-2022`, `late 2022`, `début 2022`, `mi-2022`, `fin de l'année 2022`;
    /// of a decade, `early 1990s`, `the mid-1990s`, `end of the 1990s`, `début des années 1990`;
    /// of a month, `early December 2022`, `mid-March`, `end of June 2022`, `mi-mars`, `fin déc. 2022`.
    private func thirdForm(_ cursor: inout Cursor) throws(TimelineDateError) -> Reading? {
        guard let third = cursor.take(from: Self.thirdWords) else { return nil }
        // `mi-mars`, and its hyphen typed as a dash (`mi – mars`).
        _ = cursor.take(anyOf: ["-", "–", "—"])
        var month = cursor
        while month.take(anyOf: Self.monthLinkWords) {}
        if let number = month.take(from: Self.monthNumbers) {
            month.takeAbbreviationDot()
            cursor = month
            return Reading(.monthThird(third, month: number), year: Self.takeOptionalYear(&cursor))
        }
        var decade = cursor
        while decade.take(anyOf: Self.decadeLinkWords) {}
        if let reading = try decadeForm(&decade), case .decade(let firstYear) = reading.shape {
            cursor = decade
            return Reading(.decadeThird(third, firstYear: firstYear))
        }
        return Reading(.third(third), year: Self.takeOptionalYear(&cursor))
    }

    /// The days of a month its early, mid and late thirds cover: 1–10, 11–20, 21 to its last.
    static func monthThirdDays(_ third: Int, month: Int, year: Int) -> ClosedRange<Int> {
        switch third {
        case 1: 1...10
        case 2: 11...20
        default: 21...CalendarDay.daysInMonth(month, year: year)
        }
    }

    /// The years of a decade its early, mid and late thirds cover: 0–3, 4–6, 7–9.
    static func decadeThirdYears(_ third: Int) -> ClosedRange<Int> {
        switch third {
        case 1: 0...3
        case 2: 4...6
        default: 7...9
        }
    }

    /// `the 2010s`, `2010's`, `les années 2010`.
    private func decadeForm(_ cursor: inout Cursor) throws(TimelineDateError) -> Reading? {
        if cursor.take("annees") {
            if let year = cursor.takeYear() { return year % 10 == 0 ? Reading(.decade(firstYear: year)) : nil }
            if cursor.takeNumber(digits: 2...2) != nil, cursor.atEnd {
                throw TimelineDateError(input: text, reason: "write the decade with four digits, as in 'années 1990'")
            }
            return nil
        }
        guard let number = cursor.peek, number.isNumber(digits: 2...4) else { return nil }
        cursor.advance()
        cursor.take("'")
        guard let suffix = cursor.peek, suffix.is("s"), !suffix.spaceBefore else { return nil }
        cursor.advance()
        guard number.isNumber(digits: 4...4) else {
            throw TimelineDateError(input: text, reason: "write the decade with four digits, as in 'the 1990s'")
        }
        // `the 1910s decade` says what `the 1910s` does.
        let saysDecade = cursor.take("decade")
        // English names a century by its first year as often as a decade ("the 1800s" is usually
        // 1800–1899): guessing either would store a span ten times too wide or too narrow, so it
        // takes "the 1800s decade". The 2000s are the decade in common use (and `années 1900` is
        // always the decade in French).
        if DateDisplayWords.decadeNamedAsSuch(number.value), !saysDecade {
            let century = number.value / 100
            let yyyy = CalendarDay.zeroPadded(number.value, width: 4)
            throw TimelineDateError(input: text, reason: """
                '\(yyyy)s' is either the century \(yyyy)–\(CalendarDay.zeroPadded(number.value + 99, width: 4)) \
                (write \(CalendarDay.zeroPadded(century, width: 2))XX, or '\(DateDisplayWords.englishOrdinal(century + 1)) century') \
                or the decade \(yyyy)–\(CalendarDay.zeroPadded(number.value + 9, width: 4)) \
                (write \(CalendarDay.zeroPadded(number.value / 10, width: 3))X, or 'the \(yyyy)s decade')
                """)
        }
        return number.value % 10 == 0 ? Reading(.decade(firstYear: number.value)) : nil
    }

    /// `20th century`, `the 21st century`, `XXe siècle`, `20e siècle`, `Ier siècle`.
    private static func centuryForm(_ cursor: inout Cursor) -> Reading? {
        var number: Int?
        if let digits = cursor.takeNumber(digits: 1...3) {
            guard takeOrdinalSuffix(&cursor) else { return nil }
            number = digits
        } else if let word = cursor.peek, word.kind == .word {
            number = romanOrdinal(word.text)
            cursor.advance()
        }
        guard let number, (1...100).contains(number), cursor.take(anyOf: centuryWords) else { return nil }
        return Reading(.century(firstYear: (number - 1) * 100))
    }

    /// The number of a French Roman ordinal such as `xxe`, `xxieme`, `ier`.
    private static func romanOrdinal(_ word: String) -> Int? {
        let values: [Character: Int] = ["i": 1, "v": 5, "x": 10, "l": 50, "c": 100]
        for suffix in ["eme", "er", "e"] where word.hasSuffix(suffix) {
            let numeral = word.dropLast(suffix.count)
            guard !numeral.isEmpty else { return nil }
            var total = 0
            var previous = 0
            for character in numeral.reversed() {
                guard let value = values[character] else { return nil }
                total += value < previous ? -value : value
                previous = max(previous, value)
            }
            return total
        }
        return nil
    }

    /// `1 December 2022`, `1er décembre 2022`, `1st of Dec. 2022`, `December 1, 2022`,
    /// `Dec. 1st 2022`, `December 2022`, `décembre`.
    private func dayMonthForm(_ cursor: inout Cursor) throws(TimelineDateError) -> Reading? {
        if let day = cursor.takeNumber(digits: 1...2) {
            if !Self.takeOrdinalSuffix(&cursor) { Self.takeOrdinalDot(&cursor, before: { Self.monthNumbers[$0.text] != nil }) }
            cursor.take(anyOf: ["of", "de"])
            guard let month = cursor.take(from: Self.monthNumbers) else { return nil }
            cursor.takeAbbreviationDot()
            return Reading(.day(month: month, day: day), year: Self.takeOptionalYear(&cursor))
        }
        let monthWord = cursor.peek
        guard let month = cursor.take(from: Self.monthNumbers) else { return nil }
        cursor.takeAbbreviationDot()
        // `Okt 21`, `Juni 22`, `juin 22`, `Mär 22`: German, Dutch, French, Italian and Portuguese put no day
        // after a month's name, so the number is its year as often as a day (or a Latin American
        // Spanish day: `mayo 15`); either guess would be wrong for some, so neither is made.
        if let monthWord, monthWord.accented || !Self.englishMonthWords.contains(monthWord.text),
           let number = cursor.peek, number.isNumber(digits: 1...2) {
            var look = cursor
            look.advance()
            if look.atEnd {
                let year = (number.value < 30 ? 2000 : 1900) + number.value
                throw TimelineDateError(input: text, reason: "after the month's name '\(monthWord.written)', \(number.text) could be its day or its year (\(year)): "
                    + "write the year in full, or the day before the month (\(number.value) \(monthWord.written))")
            }
        }
        if let day = cursor.takeNumber(digits: 1...2) {
            Self.takeOrdinalSuffix(&cursor)
            return Reading(.day(month: month, day: day), year: Self.takeOptionalYear(&cursor))
        }
        return Reading(.month(month), year: Self.takeOptionalYear(&cursor))
    }

    /// `1`, `1er`: a day whose month and year are the other end's (`1–5 December 2022`).
    private static func bareDayForm(_ cursor: inout Cursor) -> Reading? {
        guard let day = cursor.takeNumber(digits: 1...2) else { return nil }
        takeOrdinalSuffix(&cursor)
        return Reading(.bareDay(day))
    }

    /// A year after words such as `of`, `de`, `,`; nothing moves when there is none.
    static func takeOptionalYear(_ cursor: inout Cursor) -> Int? {
        var look = cursor
        while look.take(anyOf: ofWords) {}
        guard let year = look.takeYear() else { return nil }
        cursor = look
        return year
    }

    /// `2`, `2nd`, `second`, `2e`, `deuxième`, `last`: an ordinal's number (`lastOrdinal` for last).
    static func takeOrdinal(_ cursor: inout Cursor) -> Int? {
        if let number = cursor.take(from: ordinalWords) { return number }
        var look = cursor
        guard let number = look.takeNumber(digits: 1...2),
              takeOrdinalSuffix(&look) || takeOrdinalDot(&look, before: { $0.isAny(quarterWords) || $0.isAny(halfWords) })
        else { return nil }
        cursor = look
        return number
    }

    /// `2. Juni`, `1. Quartal`: the dot German writes after an ordinal's digits, right after them,
    /// taken only before a word `follows` accepts (a month's name; a quarter's or half's word):
    /// `2.6.2022` is numbers, refused as ambiguous.
    @discardableResult
    static func takeOrdinalDot(_ cursor: inout Cursor, before follows: (Token) -> Bool) -> Bool {
        guard let dot = cursor.peek, dot.is("."), !dot.spaceBefore else { return false }
        var look = cursor
        look.advance()
        guard let word = look.peek, follows(word) else { return false }
        cursor = look
        return true
    }

    /// The letters right after an ordinal's digits (`st`, `er`, `eme`…).
    @discardableResult
    static func takeOrdinalSuffix(_ cursor: inout Cursor) -> Bool {
        guard let token = cursor.peek, token.kind == .word, !token.spaceBefore, token.isAny(ordinalSuffixes) else {
            return false
        }
        cursor.advance()
        return true
    }
}
