/// Reading dates from text: strict EDTF, and the forms people write.
extension TimelineDate {
    /// Reads strict EDTF only (stored values, machine input); the text is kept as the `edtf`.
    public init(edtf: String) throws(TimelineDateError) {
        self = try EDTFScanner.scan(edtf).get()
    }

    /// `parse(_:context:)`, but a text that is a date but for its year, in a context with no
    /// reference, takes it from `reference()`, asked only then (a cited source's publication
    /// date, a day or a period): the occurrence nearest to it or, `onOrBefore`, the latest begun
    /// by its last day (an announcement, which the article reporting it follows). With no date
    /// there, the error's `needsYear` says what is missing.
    ///
    /// A relative text (`yesterday`, `la semaine dernière`) is read as the source reporting it
    /// meant it: from its publication day; from `context.today` when no source is cited, or when
    /// `context.todayGiven` (a current day given for the purpose). A cited source without a
    /// publication day to count from is an error.
    public static func parse(_ text: String, context: DateParsingContext, yearFrom reference: () throws -> PublicationReference,
                             onOrBefore: Bool = false) throws -> TimelineDate {
        // EDTF, what files mostly hold, is neither relative nor without a year: read at once.
        if case .success(let date) = EDTFScanner.scan(text) { return date }
        let failure: TimelineDateError
        var withoutToday = context
        withoutToday.today = nil
        do {
            return try parse(text, context: context.todayGiven ? context : withoutToday)
        } catch {
            failure = error
        }
        if failure.needsToday {
            switch try reference() {
            case .none:
                return try parse(text, context: context)
            case .citedUndated:
                throw TimelineDateError(input: text, reason: "it is relative, and no publication date of its source is given to count from: "
                    + "give one, or write the date itself")
            case .published(let published):
                guard published.precision == .day, let day = published.earliest else {
                    throw TimelineDateError(input: text, reason: "it is relative, and its source was published \(published.edtf), "
                        + "not on a day to count from: write the date itself")
                }
                var dated = context
                dated.today = day
                dated.latestBeforeReference = onOrBefore  // `announced Tuesday`: on or before the article
                return try parse(text, context: dated)
            }
        }
        var dated = context
        guard failure.needsYear, context.reference == nil, case .published(let published) = try reference(),
              dated.setReference(published) else { throw failure }
        dated.latestBeforeReference = onOrBefore
        return try parse(text, context: dated)
    }

    /// Reads any form the tool understands: EDTF, ISO days, and English or French forms people
    /// write (`Q2 2022`, `1er décembre 2022`, `since 2019`, `last quarter`…).
    ///
    /// `context.reference` gives a year to a day or month written without one; `context.today`
    /// resolves relative forms.
    public static func parse(_ text: String, context: DateParsingContext = .init()) throws(TimelineDateError) -> TimelineDate {
        let trimmed = trimmingWhitespace(text)
        if trimmed.isEmpty { throw TimelineDateError(input: text, reason: "the text is empty") }
        // EDTF first: it is what stored values and most machine input are, and it is cheap.
        let strictError: TimelineDateError
        switch EDTFScanner.scan(trimmed) {
        case .success(let date): return date
        case .failure(let error): strictError = error
        }
        // A timestamp other tools write (`2022-06-15T10:00:00+02:00`): the day as written, in its
        // own offset, which is the day the event happened where it happened.
        if let day = dayOfTimestamp(trimmed) {
            switch EDTFScanner.scan(day) {
            case .success(let date): return date
            case .failure(let error): throw TimelineDateError(input: trimmed, reason: error.reason)
            }
        }
        if let week = try week(trimmed, context: context) { return week }
        // A spreadsheet's display of a day or month (`14-Mar-2022`, `14-Mar-22`, `Mar-22`): the
        // words people write, with spaces.
        if let spaced = spreadsheetDisplay(trimmed, monthOfThreeLetters: false), spreadsheetDisplay(trimmed) == nil,
           let month = try? DateHumanReader(text: spaced, context: context).read(), let number = trimmed.split(separator: "-").last {
            // `June-12`: not how a spreadsheet shows a month (`Jun-12`), and a day of June as much as June 2012.
            let word = trimmed.prefix { $0 != "-" }
            throw TimelineDateError(input: trimmed, reason: "it could be \(word) \(number), a day, or \(word) \(month.edtf.prefix(4)); "
                                    + "write the day with its year (\(number) \(word) YYYY) or the month with its year whole (\(month.edtf))")
        }
        if let spaced = spreadsheetDisplay(trimmed) {
            do {
                if let date = try DateHumanReader(text: spaced, context: context).read() { return date }
            } catch {
                // `31-Feb-2022`: the day's own reason (February has 28 days), of the text as given.
                if error.reason != DateHumanReader.notUnderstoodReason { throw TimelineDateError(input: trimmed, reason: error.reason) }
            }
        }
        if let date = try DateHumanReader(text: trimmed, context: context).read() {
            return date
        }
        if EDTFScanner.looksLikeEDTF(trimmed) { throw strictError }
        throw TimelineDateError(input: trimmed, reason: DateHumanReader.notUnderstoodReason)
    }

    /// How papers name a week by its first day: `w/c 14 March 2022` (British, week commencing),
    /// `week of March 14, 2022`, `semaine du 14 mars 2022`.
    private static let weekPrefixes = ["w/c ", "w/c. ", "w/b ", "week commencing ", "week beginning ", "the week of ", "week of ",
                                       "la semaine du ", "semaine du "]

    /// A week as papers and ISO 8601 name it: the seven days from the day after a week prefix,
    /// or ISO's week `2022-W11` (Monday to Sunday, week 1 holding the year's first Thursday), as
    /// the interval of its days. Nil for any other text.
    static func week(_ text: String, context: DateParsingContext) throws(TimelineDateError) -> TimelineDate? {
        // Every date that is not EDTF passes here: a look at its first letter before a copy.
        guard let lead = text.utf8.first, "wWtTsSlL0123456789".utf8.contains(lead) else { return nil }
        var first: CalendarDay
        let lowered = text.lowercased()
        if let prefix = weekPrefixes.first(where: { lowered.hasPrefix($0) }) {
            let dayText = String(text.dropFirst(prefix.count))
            let day: TimelineDate
            do { day = try parse(dayText, context: context) } catch {
                throw TimelineDateError(input: text, reason: "a week is named by its first day, as in w/c 14 March 2022, and '\(dayText)' is none: \(error.reason)")
            }
            guard day.precision == .day, let start = day.earliest, !day.approximate, !day.uncertain else {
                throw TimelineDateError(input: text, reason: "a week is named by its first day, as in w/c 14 March 2022, and '\(dayText)' is no one day")
            }
            first = start
        } else {
            // `2022-W11`, `2022W11`.
            let bytes = Array(text.utf8)
            guard (7...8).contains(bytes.count), bytes[0..<4].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            let w = bytes.count == 8 ? 5 : 4
            guard bytes.count == 8 ? bytes[4] == UInt8(ascii: "-") : true, bytes[w] == UInt8(ascii: "W"),
                  bytes[(w + 1)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            let year = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }, number = bytes[(w + 1)...].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            // Week 1 is the week (from Monday) that holds 4 January; 1970-01-01 was a Thursday.
            let fourth = CalendarDay(checkedYear: year, month: 1, day: 4).dayNumber
            let monday = fourth - ((fourth + 3) % 7 + 7) % 7 + 7 * (number - 1)
            guard number >= 1, CalendarDay.dayNumberRange.contains(monday), CalendarDay.dayNumberRange.contains(monday + 6),
                  CalendarDay(dayNumber: monday + 3).year == year else {
                throw TimelineDateError(input: text, reason: "\(year) has no ISO week \(number)")
            }
            first = CalendarDay(dayNumber: monday)
        }
        guard let last = first.adding(days: 6) else {
            throw TimelineDateError(input: text, reason: "the week from \(first.iso) runs past year 9999")
        }
        switch EDTFScanner.scan("\(first.iso)/\(last.iso)") {
        case .success(let date): return date
        case .failure(let error): throw TimelineDateError(input: text, reason: error.reason)
        }
    }

    /// English month names longer than the three letters spreadsheets show: `June-12` in English
    /// is as likely June 12 as June 2012. (French spreadsheets show `juin-22`, `mars-22`: read.)
    private static let englishMonthNames: Set<String> = [
        "january", "february", "march", "april", "june", "july", "august", "sept", "september", "october", "november", "december",
    ]

    /// `14-Mar-2022`, `14-Mar-22`, `Mar-2022`, `Mar-22` (how Excel and LibreOffice display a
    /// day or month) as `14 Mar 2022` and `Mar 2022`, a year of two digits read as `4Q21` is
    /// (00–29 this century, else the last); nil for any other text. A month's English name
    /// longer than three letters and two digits that could be a day (`June-12`, `Sept-30`) is
    /// someone's day of a month as much as a year, and is not guessed (`monthOfThreeLetters`).
    static func spreadsheetDisplay(_ text: String, monthOfThreeLetters: Bool = true) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return nil }
        let day = parts.count == 3 ? parts[0] : nil
        let month = parts[parts.count - 2], year = parts[parts.count - 1]
        if let day { guard (1...2).contains(day.count), day.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil } }
        // `janv.-22`, `févr.-22`: French spreadsheets abbreviate with a point.
        guard (3...9).contains(month.count), month.dropLast(month.last == "." ? 1 : 0).allSatisfy({ $0.isLetter }),
              year.count == 2 || year.count == 4, year.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(year),
              day != nil || year.count == 4 || !monthOfThreeLetters || number > 31
                || !englishMonthNames.contains(month.lowercased()) else { return nil }
        let fullYear = year.count == 4 ? number : number <= 29 ? 2000 + number : 1900 + number
        return (day.map { "\($0) " } ?? "") + "\(month) \(fullYear)"
    }

    /// The `YYYY-MM-DD` of an ISO 8601 date and time (`T` or a space, `hh:mm`, optional seconds
    /// and fraction, optional `Z` or `±hh[:mm]`), or nil for any other text.
    static func dayOfTimestamp(_ text: String) -> String? {
        // Every date that is not EDTF passes here on its way to the human reader: a look at two
        // bytes before a copy of them all.
        var prefix = text.utf8.prefix(11).makeIterator()
        for _ in 0..<4 { _ = prefix.next() }
        guard prefix.next() == UInt8(ascii: "-") else { return nil }
        for _ in 0..<5 { _ = prefix.next() }
        guard let separator = prefix.next(), separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") else { return nil }
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= bytes.count && bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        guard bytes.count >= 16, digits(0..<4), bytes[4] == UInt8(ascii: "-"), digits(5..<7), bytes[7] == UInt8(ascii: "-"),
              digits(8..<10), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              digits(11..<13), bytes[13] == UInt8(ascii: ":"), digits(14..<16), number(11..<13) < 24, number(14..<16) < 60
        else { return nil }
        var index = 16
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard digits(17..<19), number(17..<19) < 61 else { return nil }
            index = 19
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"): index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard digits((index + 1)..<(index + 3)), number((index + 1)..<(index + 3)) < 24 else { return nil }
                index += 3
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
                if index < bytes.count {
                    guard digits(index..<(index + 2)), number(index..<(index + 2)) < 60 else { return nil }
                    index += 2
                }
            default: return nil
            }
        }
        guard index == bytes.count else { return nil }
        return String(decoding: bytes[0..<10], as: UTF8.self)
    }

    /// The text without leading and trailing whitespace; the same string when there is none.
    private static func trimmingWhitespace(_ text: String) -> String {
        // Printable ASCII at both ends, the usual case, needs no Unicode property lookup.
        guard let firstByte = text.utf8.first, let lastByte = text.utf8.last else { return text }
        if (0x21...0x7E).contains(firstByte) && (0x21...0x7E).contains(lastByte) { return text }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
