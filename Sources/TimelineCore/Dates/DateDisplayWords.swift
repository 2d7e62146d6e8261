/// The words dates are printed with, in each display language.
enum DateDisplayWords {
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let frenchMonths = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ]
    static let englishSeasons = ["Spring", "Summer", "Autumn", "Winter"]
    static let frenchSeasons = ["printemps", "été", "automne", "hiver"]

    /// `early 2022`, `mid-2022`, `late 2022`; `début 2022`, `mi-2022`, `fin 2022`.
    static func third(_ third: Int, year: Int, _ language: DateDisplayLanguage) -> String {
        let yyyy = CalendarDay.zeroPadded(year, width: 4)
        switch (third, language) {
        case (1, .english): return "early " + yyyy
        case (2, .english): return "mid-" + yyyy
        case (_, .english): return "late " + yyyy
        case (1, .french): return "début " + yyyy
        case (2, .french): return "mi-" + yyyy
        case (_, .french): return "fin " + yyyy
        }
    }

    /// `early Dec 2022`, `mid-Dec 2022`, `late Dec 2022`; `début déc. 2022`, `mi-déc. 2022`, `fin déc. 2022`.
    static func third(_ third: Int, month: Int, year: Int, _ language: DateDisplayLanguage) -> String {
        let monthYear = (language == .english ? englishMonths : frenchMonths)[month - 1] + " "
            + CalendarDay.zeroPadded(year, width: 4)
        switch (third, language) {
        case (1, .english): return "early " + monthYear
        case (2, .english): return "mid-" + monthYear
        case (_, .english): return "late " + monthYear
        case (1, .french): return "début " + monthYear
        case (2, .french): return "mi-" + monthYear
        case (_, .french): return "fin " + monthYear
        }
    }

    /// Whether English calls the decade starting in `firstYear` a decade (`the 1800s decade`):
    /// "the 1800s" reads as the century as often, and the date reader refuses it alone. The
    /// 2000s are the decade in common use.
    static func decadeNamedAsSuch(_ firstYear: Int) -> Bool {
        firstYear % 100 == 0 && firstYear != 2000
    }

    /// `early 1990s`, `mid-1990s`, `late 1990s`; `début des années 1990`, `milieu des années 1990`,
    /// `fin des années 1990`.
    static func third(_ third: Int, ofDecade firstYear: Int, _ language: DateDisplayLanguage) -> String {
        let yyyy = CalendarDay.zeroPadded(firstYear, width: 4)
        let decade = yyyy + (decadeNamedAsSuch(firstYear) ? "s decade" : "s")
        switch (third, language) {
        case (1, .english): return "early " + decade
        case (2, .english): return "mid-" + decade
        case (_, .english): return "late " + decade
        case (1, .french): return "début des années " + yyyy
        case (2, .french): return "milieu des années " + yyyy
        case (_, .french): return "fin des années " + yyyy
        }
    }

    /// The second year of a winter: two digits (`2021–22`) unless the century changes (`1999–2000`).
    static func followingYear(after year: Int) -> String {
        let next = year + 1
        return next % 100 == 0 ? CalendarDay.zeroPadded(next, width: 4) : CalendarDay.zeroPadded(next % 100, width: 2)
    }

    /// `1st`, `2nd`, `3rd`, `11th`, `21st`.
    static func englishOrdinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return String(number) + suffix
    }

    /// Upper-case Roman numerals, as French writes centuries (`XXe siècle`).
    static func romanNumeral(_ number: Int) -> String {
        let values = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var remaining = number
        var result = ""
        for (value, numeral) in values {
            while remaining >= value {
                result += numeral
                remaining -= value
            }
        }
        return result
    }
}
