extension TimelineDate {
    /// Reads strict EDTF straight from UTF-8 bytes, building no strings on the way.
    ///
    /// Accepts level 0 (`2022`, `2022-12`, `2022-12-01`, `2019/2022`), the level 1 features the
    /// project uses (seasons 21–24; one qualifier `?` `~` `%` after a whole date; unspecified
    /// digits `201X`, `19XX`, `2019-XX`, `2019-12-XX`, `2019-XX-XX`; open `..` and unknown empty
    /// interval ends) and, from level 2, quarters 33–36 and half-years 40–41. The text is
    /// canonical as it stands, so it becomes the date's `edtf` unchanged.
    struct EDTFScanner {
        let text: String
        let bytes: UnsafeBufferPointer<UInt8>

        static func scan(_ text: String) -> Result<TimelineDate, TimelineDateError> {
            if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
                EDTFScanner(text: text, bytes: bytes).scanWhole()
            }) {
                return result
            }
            return Array(text.utf8).withUnsafeBufferPointer { bytes in
                EDTFScanner(text: text, bytes: bytes).scanWhole()
            }
        }

        /// True when the text is written with EDTF's characters, so that an EDTF error about it
        /// says more than "not understood".
        static func looksLikeEDTF(_ text: String) -> Bool {
            let bytes = text.utf8
            guard let first = bytes.first else { return false }
            let isEDTFStart = isDigit(first) || first == slash || first == dot || first == hyphen || isQualifier(first)
                || first == UInt8(ascii: "Y") && bytes.dropFirst().first.map { isDigit($0) || $0 == hyphen } == true
            guard isEDTFStart else { return false }
            return !bytes.contains { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }

        private func scanWhole() -> Result<TimelineDate, TimelineDateError> {
            Result { () throws(TimelineDateError) -> TimelineDate in try scanText() }
        }

        private func scanText() throws(TimelineDateError) -> TimelineDate {
            var slashIndex: Int?
            for index in 0..<bytes.count where bytes[index] == EDTFScanner.slash {
                guard slashIndex == nil else {
                    throw failure("an interval has a single '/' (days are written with dashes, as in 2022-12-01)")
                }
                slashIndex = index
            }
            guard let slashIndex else {
                if bytes.isEmpty { throw failure("the text is empty") }
                if isOpenEnd(0, bytes.count) {
                    throw failure("'..' marks the open end of an interval (as in 2019/..) and is no date by itself")
                }
                return try scanDate(0, bytes.count)
            }
            let start = try scanSide(0, slashIndex)
            let end = try scanSide(slashIndex + 1, bytes.count)
            return try TimelineDate.checkedInterval(from: start, to: end, edtf: text, input: text)
        }

        private func scanSide(_ lower: Int, _ upper: Int) throws(TimelineDateError) -> IntervalSide {
            if lower == upper { return .unknown }
            if isOpenEnd(lower, upper) { return .open }
            return .date(try scanDate(lower, upper))
        }

        private func isOpenEnd(_ lower: Int, _ upper: Int) -> Bool {
            upper - lower == 2 && bytes[lower] == EDTFScanner.dot && bytes[lower + 1] == EDTFScanner.dot
        }

        private func scanDate(_ lower: Int, _ upper: Int) throws(TimelineDateError) -> TimelineDate {
            var last = upper
            var approximate = false
            var uncertain = false
            switch bytes[last - 1] {
            case EDTFScanner.question: uncertain = true; last -= 1
            case EDTFScanner.tilde: approximate = true; last -= 1
            case EDTFScanner.percent: approximate = true; uncertain = true; last -= 1
            default: break
            }
            if EDTFScanner.isQualifier(bytes[lower]) {
                throw failure("a qualifier ('?', '~' or '%') goes after the date, as in 2019~")
            }
            if last > lower, EDTFScanner.isQualifier(bytes[last - 1]) {
                throw failure("a date takes one qualifier: '?' (uncertain), '~' (approximate) or '%' (both)")
            }
            if bytes[lower] == EDTFScanner.hyphen || bytes[lower] == UInt8(ascii: "Y") {
                throw failure("only years 0000 to 9999 are supported")
            }

            // Year: four digits, the last one or two of which may be X.
            guard last - lower >= 4 else { throw failure("'\(piece(lower, upper))' does not start with a four-digit year") }
            var year = 0
            var unspecifiedYearDigits = 0
            for index in lower..<(lower + 4) {
                let byte = bytes[index]
                if EDTFScanner.isDigit(byte) {
                    guard unspecifiedYearDigits == 0 else {
                        throw failure("only the last digits of a year can be X, as in 201X or 19XX")
                    }
                    year = year * 10 + Int(byte - EDTFScanner.zero)
                } else if byte == EDTFScanner.unspecified {
                    unspecifiedYearDigits += 1
                } else {
                    throw failure("'\(piece(lower, upper))' does not start with a four-digit year")
                }
            }
            guard unspecifiedYearDigits <= 2 else {
                throw failure("only the last one or two digits of a year can be X (201X is a decade, 19XX a century)")
            }
            var index = lower + 4
            var period: Period
            switch unspecifiedYearDigits {
            case 1: period = .decade(firstYear: year * 10)
            case 2: period = .century(firstYear: year * 100)
            default: period = .year(year)
            }

            if index < last {
                // Month, season, quarter or half-year.
                if EDTFScanner.isDigit(bytes[index]) {
                    throw failure("a year has four digits (0000 to 9999) and the month follows a dash, as in 2022-12-01")
                }
                guard bytes[index] == EDTFScanner.hyphen else { throw unexpected(at: index, lower) }
                guard unspecifiedYearDigits == 0 else {
                    throw failure("a year with unspecified digits (\(piece(lower, lower + 4))) cannot have a month")
                }
                guard let code = twoDigits(at: index + 1, before: last) else {
                    throw failure("a month has two digits or XX, as in 2022-03 or 2022-XX")
                }
                index += 3
                switch code {
                case .unspecified: period = .year(year)
                case .value(let number):
                    switch number {
                    case 1...12: period = .month(year: year, month: number)
                    case 21...24: period = .season(year: year, season: number - 20)
                    case 33...36: period = .quarter(year: year, quarter: number - 32)
                    case 40...41: period = .halfYear(year: year, half: number - 39)
                    case 0: throw failure("there is no month 00 (months are 01 to 12)" + twoYears(after: year, number, ending: index == last))
                    default:
                        throw failure("\(CalendarDay.zeroPadded(number, width: 2)) is not a month (01–12), "
                                      + "a season (21–24), a quarter (33–36) or a half-year (40–41)" + twoYears(after: year, number, ending: index == last))
                    }
                }

                if index < last {
                    // Day.
                    guard bytes[index] == EDTFScanner.hyphen else { throw unexpected(at: index, lower) }
                    if case .value(let number) = code, number > 12 {
                        throw failure("a season, quarter or half-year cannot have a day")
                    }
                    guard let dayCode = twoDigits(at: index + 1, before: last) else {
                        throw failure("a day has two digits or XX, as in 2022-12-01 or 2022-12-XX")
                    }
                    index += 3
                    switch (code, dayCode) {
                    case (.value(let month), .value(let day)):
                        if day == 0 { throw failure("there is no day 00 (days start at 01)") }
                        period = .day(year: year, month: month, day: day)
                    case (.unspecified, .value):
                        throw failure("a day cannot be known when its month is not (XX)")
                    case (_, .unspecified):
                        break  // 2019-12-XX is the month, 2019-XX-XX the year
                    }
                    if index < last { throw unexpected(at: index, lower) }
                }
            }

            if let problem = period.problem { throw failure(problem) }
            let edtf = lower == 0 && upper == bytes.count ? text : piece(lower, upper)
            return TimelineDate(edtf: edtf, period: period, approximate: approximate, uncertain: uncertain)
        }

        private enum TwoDigits {
            case value(Int)
            case unspecified
        }

        /// Two digits or `XX` at `index`, ending before `limit`.
        private func twoDigits(at index: Int, before limit: Int) -> TwoDigits? {
            guard index + 2 <= limit else { return nil }
            let first = bytes[index]
            let second = bytes[index + 1]
            if first == EDTFScanner.unspecified && second == EDTFScanner.unspecified { return .unspecified }
            guard EDTFScanner.isDigit(first), EDTFScanner.isDigit(second) else { return nil }
            return .value(Int(first - EDTFScanner.zero) * 10 + Int(second - EDTFScanner.zero))
        }

        private func piece(_ lower: Int, _ upper: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        }

        /// For `1998-99` and `1999-00` (two years, as fiscal years are written), the forms that
        /// read as those years; else nothing.
        private func twoYears(after year: Int, _ number: Int, ending: Bool) -> String {
            guard ending, year < 9999, number == (year + 1) % 100 else { return "" }
            let next = CalendarDay.zeroPadded(number, width: 2)
            return "; the years \(year) and \(year + 1) are written \(year)/\(next) or \(year)–\(next)"
        }

        private func failure(_ reason: String) -> TimelineDateError {
            TimelineDateError(input: text, reason: reason)
        }

        /// An error naming the character at `index` and what came before it in the date.
        private func unexpected(at index: Int, _ dateStart: Int) -> TimelineDateError {
            if bytes[index] == UInt8(ascii: "T") {
                return failure("what follows the day is no time of day (hh:mm or hh:mm:ss, then Z or ±hh:mm; a date and time is read as its day)")
            }
            let character = piece(index, min(index + 4, bytes.count)).first.map(String.init) ?? "?"
            return failure("unexpected '\(character)' after '\(piece(dateStart, index))'")
        }

        static let zero = UInt8(ascii: "0")
        static let hyphen = UInt8(ascii: "-")
        static let slash = UInt8(ascii: "/")
        static let dot = UInt8(ascii: ".")
        static let question = UInt8(ascii: "?")
        static let tilde = UInt8(ascii: "~")
        static let percent = UInt8(ascii: "%")
        static let unspecified = UInt8(ascii: "X")

        static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
        static func isQualifier(_ byte: UInt8) -> Bool { byte == question || byte == tilde || byte == percent }
    }
}
