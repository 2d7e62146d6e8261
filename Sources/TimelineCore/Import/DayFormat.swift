/// A day written in a foreign order, as `--date-format` names it: `m/d/yyyy`, `d/m/yyyy`,
/// `dd.mm.yyyy`, `yyyy-mm-dd`, `d-m-yyyy`, `m/d/yy`, … (`d`/`dd` day, `m`/`mm` month, `yyyy`
/// year, `yy` a year of two digits; any other mark must appear as it is).
public struct DayFormat: Sendable, Equatable {
    enum Part: Equatable, Sendable {
        case day, month, year
        case literal(Character)
    }

    let parts: [Part]
    public let pattern: String
    /// `yy`: years written with two digits, 00–29 read as 2000–2029 and 30–99 as 1930–1999, as
    /// spreadsheets read them.
    let twoDigitYears: Bool

    public init(_ pattern: String) throws {
        var parts: [Part] = []
        var characters = Array(pattern.lowercased())
        var seen = Set<String>()
        var twoDigitYears = false
        func refuse(_ reason: String) -> TimelineError {
            TimelineError(.usage, "--date-format '\(pattern)' \(reason)")
        }
        if characters.contains("h") || characters.contains(":") {
            throw refuse("writes a time: give the day's parts only (m/d/yyyy); a time after the day, as in 3/6/2023 14:05, is read and left aside.")
        }
        while !characters.isEmpty {
            let character = characters.removeFirst()
            switch character {
            case "d", "m", "y":
                var run = 1
                while characters.first == character {
                    characters.removeFirst()
                    run += 1
                }
                let part: Part = character == "d" ? .day : character == "m" ? .month : .year
                let name = character == "d" ? "day" : character == "m" ? "month" : "year"
                guard seen.insert(String(character)).inserted else { throw refuse("names the \(name) twice.") }
                if part == .year {
                    guard run == 2 || run == 4 else { throw refuse("writes the year \(String(repeating: "y", count: run)); write yyyy, or yy for two digits.") }
                    twoDigitYears = run == 2
                } else if run > 2 {
                    throw refuse("writes the \(name) \(String(repeating: character, count: run)); a \(name) is \(character) or \(character)\(character), its number (a day written with a month's name, 6 Mar 2023, is read without --date-format).")
                }
                parts.append(part)
            case _ where character.isLetter:
                throw refuse("has '\(character)', which is no part of a day: d, m and yyyy (or yy) are, with marks such as / between them.")
            default:
                parts.append(.literal(character))
            }
        }
        guard seen == ["d", "m", "y"] else {
            throw TimelineError(.usage, "--date-format '\(pattern)' must have a day (d), a month (m) and a year (yyyy), e.g. m/d/yyyy.")
        }
        self.parts = parts
        self.pattern = pattern
        self.twoDigitYears = twoDigitYears
    }

    /// The day `text` names when it is written in this pattern; nil when it is not (it may be a
    /// date in another form: `2023-03-06`, `Q2 2022`); an error when it is, but names no day.
    public func day(from text: String) throws -> CalendarDay? {
        guard let fields = fields(of: text) else { return nil }
        guard let day = CalendarDay(year: fields.year, month: fields.month, day: fields.day) else {
            // Said as a date in any other form is (`2023-02-30`), with the pattern it was read by.
            let period = TimelineDate.Period.day(year: fields.year, month: fields.month, day: fields.day)
            throw TimelineError(.badData, "'\(text)', read as \(pattern), is not a valid date: \(period.problem ?? "it names no day")")
        }
        return day
    }

    private func fields(of text: String) -> (year: Int, month: Int, day: Int)? {
        var characters = Substring(text.trimmingSpaces())
        var day = 0, month = 0, year = 0
        for part in parts {
            switch part {
            case .literal(let literal):
                guard characters.first == literal else { return nil }
                characters.removeFirst()
            case .day, .month, .year:
                let digits = characters.prefix { $0.isASCII && $0.isNumber }
                let yearDigits = twoDigitYears ? 2 : 4
                guard !digits.isEmpty, digits.count <= (part == .year ? yearDigits : 2), part != .year || digits.count == yearDigits,
                      var value = Int(digits) else {
                    return nil
                }
                if part == .year && twoDigitYears { value += value < 30 ? 2000 : 1900 }
                characters.removeFirst(digits.count)
                switch part {
                case .day: day = value
                case .month: month = value
                default: year = value
                }
            }
        }
        guard characters.isEmpty || Self.isTimeOfDay(characters) else { return nil }
        return (year, month, day)
    }

    /// Why `text`, three numbers joined by marks (`01/12/22`, `1.12.2022`), is not a day written
    /// in this pattern, with the pattern that reads it: other marks, or a year of the other
    /// length. Nil for text of another shape, or that differs otherwise.
    public func mismatch(of text: String) -> String? {
        var groups: [Substring] = [], marks: [Character] = []
        var rest = Substring(text.trimmingSpaces())
        while true {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { return nil }
            groups.append(digits)
            rest = rest.dropFirst(digits.count)
            guard let mark = rest.first, groups.count < 3 else { break }
            guard !mark.isNumber, !mark.isLetter, mark != " " else { return nil }
            marks.append(mark)
            rest = rest.dropFirst()
        }
        guard groups.count == 3, rest.isEmpty || Self.isTimeOfDay(rest) else { return nil }
        let patternMarks = parts.compactMap { part -> Character? in
            if case .literal(let mark) = part { return mark }
            return nil
        }
        let numbers = parts.filter { if case .literal = $0 { false } else { true } }
        guard patternMarks.count == 2, let yearIndex = numbers.firstIndex(of: .year) else { return nil }
        // The pattern with the text's marks and year length, named only if it reads the text.
        var reading = pattern.lowercased()
        var reasons: [String] = []
        if marks != patternMarks {
            guard patternMarks[0] == patternMarks[1], marks[0] == marks[1] else { return nil }
            reading = String(reading.map { $0 == patternMarks[0] ? marks[0] : $0 })
            reasons.append("its parts are separated by '\(marks[0])', not '\(patternMarks[0])'")
        }
        let yearDigits = groups[yearIndex].count
        if !twoDigitYears, yearDigits == 2 {
            reading = reading.replacingFirst("yyyy", with: "yy")
            reasons.append("its year has two digits")
        } else if twoDigitYears, yearDigits == 4 {
            reading = reading.replacingFirst("yy", with: "yyyy")
            reasons.append("its year has four digits")
        }
        guard !reasons.isEmpty, let format = try? DayFormat(reading), (try? format.day(from: text)) != nil else { return nil }
        return reasons.joined(separator: ", and ") + " (--date-format \(reading) reads it)"
    }

    /// ` 0:00`, ` 14:35:10`, ` 2:05 PM`, `T09:30`: the time spreadsheets write after a day
    /// (Excel's `3/6/2023 0:00`), which leaves the day as it is, as an ISO date-time's does.
    static func isTimeOfDay(_ text: Substring) -> Bool {
        var rest = text
        guard let separator = rest.first, separator == " " || separator == "T" else { return false }
        rest = rest.drop { $0 == " " || $0 == "T" }
        func number(maxDigits: Int, below limit: Int) -> Bool {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...maxDigits).contains(digits.count), let value = Int(digits), value < limit else { return false }
            rest.removeFirst(digits.count)
            return true
        }
        let hourDigits = rest.prefix { $0.isASCII && $0.isNumber }
        guard number(maxDigits: 2, below: 24), rest.first == ":" else { return false }
        rest.removeFirst()
        guard rest.prefix(while: { $0.isASCII && $0.isNumber }).count == 2, number(maxDigits: 2, below: 60) else { return false }
        if rest.first == ":" {
            rest.removeFirst()
            guard rest.prefix(while: { $0.isASCII && $0.isNumber }).count == 2, number(maxDigits: 2, below: 61) else { return false }
            if rest.first == "." {
                rest.removeFirst()
                let fraction = rest.prefix { $0.isASCII && $0.isNumber }
                guard !fraction.isEmpty else { return false }
                rest.removeFirst(fraction.count)
            }
        }
        rest = rest.drop { $0 == " " }
        if rest.isEmpty { return true }
        // A 12-hour clock runs from 1 to 12: `13:00 PM` and `0:00 AM` are no time.
        guard ["am", "pm", "a.m.", "p.m."].contains(rest.lowercased()), let hour = Int(hourDigits) else { return false }
        return (1...12).contains(hour)
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
