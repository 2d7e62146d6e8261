/// A figure's value as people write it in a spreadsheet cell or a `--measure`: qualified by a sign
/// or words before it (`~150`, `environ 150`, `at least 125`, `plus de 200`) or a `+` after it
/// (`150+`), its thousands grouped by spaces (`1 200`, as French text writes them), a
/// percentage (`13%`), or money as papers and accounts write it (`£1.2m`, `$450k`, `GBP 5,000`,
/// `(£5,000)`).
enum FigureText {
    /// The value's digits, and whether it is approximate or bounded (`at-least`, `up-to`,
    /// `more-than`, `less-than`), from the words and signs around them.
    struct Reading: Equatable {
        var digits: String
        var approximate = false
        var qualifier: String?
        /// Written with a percent sign after it (`13%`, `13 %`): see `value(ofPercentage:inUnit:)`.
        var percentage = false
        /// A currency sign before or after it (`1 200 €`, `$45`), as spreadsheets save a cell as
        /// shown, or a dollar sign with its country's letters (`R$ 1.200`, `US$ 300`): the unit
        /// must be that currency's (see `currencySign(_:fits:)`).
        var currencySign: String?
        /// The power of ten a word or letter after the number multiplies it by (`1.2 million`,
        /// `£1.2m`, `450k`, `3 Md€`): see `value(_:scaledBy:inUnit:)`.
        var scale = 0
        /// In brackets, as accounts write a loss (`(5,000)`): the digits carry the minus.
        var bracketed = false

        /// `5,000` of money: a sign or a currency's code, no scale word, and commas between groups
        /// of three only. No sum of money is written to three decimals, so the commas group
        /// thousands (`£5,000` is five thousand pounds), where a bare `5,000` could be five.
        var groupsThousandsWithCommas: Bool {
            currencySign != nil && scale == 0 && digits.contains(",")
                && FigureText.withoutCommasBetweenThousands(digits) != digits
        }
    }

    /// Currency signs, and the units (ISO 4217 codes) each may stand for.
    private static let currencyUnits: [Character: Set<String>] = [
        "€": ["EUR"], "£": ["GBP"], "¥": ["JPY", "CNY"], "₹": ["INR"], "₩": ["KRW"], "₽": ["RUB"], "₺": ["TRY"],
        "₴": ["UAH"], "₪": ["ILS"], "₫": ["VND"], "₱": ["PHP"], "₦": ["NGN"], "₸": ["KZT"], "₾": ["GEL"], "฿": ["THB"],
        "₼": ["AZN"], "₮": ["MNT"], "₵": ["GHS"], "₡": ["CRC"], "₲": ["PYG"], "₭": ["LAK"], "֏": ["AMD"], "৳": ["BDT"],
        "₨": ["PKR", "LKR", "NPR", "MUR"],
        "$": ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "MXN", "ARS", "CLP", "COP", "TWD"],
    ]

    /// Dollar signs with their country's letters before them, as Brazilian, Latin American and
    /// other papers write them (`R$` is the real, `US$` the US dollar), and their currencies.
    private static let lettersAndDollar: [String: String] = [
        "R$": "BRL", "US$": "USD", "U$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD",
        "HK$": "HKD", "S$": "SGD", "MX$": "MXN", "NT$": "TWD", "COL$": "COP", "CLP$": "CLP", "AR$": "ARS",
    ]

    /// ISO 4217 codes a cell or `--measure` may write beside its number (`GBP 5,000`, `5000 CHF`),
    /// beyond those of the signs above.
    private static let otherCurrencyCodes: Set<String> = [
        "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RSD", "ZAR", "EGP", "MAD", "TND", "DZD",
        "KES", "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "IDR", "MYR", "PEN", "UYU", "BOB", "XOF", "XAF", "XPF",
    ]

    /// Whether three letters are a currency's code this reader knows.
    static func isCurrencyCode(_ letters: String) -> Bool {
        letters.utf8.count == 3 && (otherCurrencyCodes.contains(letters) || lettersAndDollar.values.contains(letters)
            || currencyUnits.values.contains { $0.contains(letters) })
    }

    /// Whether a value written with `sign` (or a code, `GBP`) may be in `unit` (`€` in EUR, `$`
    /// in USD or CAD, `R$` in BRL, …, or in that currency counted in millions, `EUR-million`).
    static func currencySign(_ sign: String, fits unit: String) -> Bool {
        let unit = unitScale(of: unit).base.uppercased()
        if let code = lettersAndDollar[sign] { return code == unit }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() == unit }
        guard sign.count == 1, let character = sign.first else { return false }
        return currencyUnits[character]?.contains(unit) ?? false
    }

    /// The unit a sign's currency is written as, for a hint: the only one, else the first.
    static func unit(ofCurrencySign sign: String) -> String {
        if let code = lettersAndDollar[sign] { return code }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() }
        return sign == "$" ? "USD" : sign == "¥" ? "JPY" : sign.first.flatMap { currencyUnits[$0]?.first } ?? "EUR"
    }

    /// The one unit a sign or code stands for (`£` GBP, `R$` BRL, `CHF`), nil for `$` or `¥`,
    /// which stand for several: a `--measure` written `£1.2m` needs no `:GBP`.
    static func onlyUnit(ofCurrencySign sign: String) -> String? {
        if let code = lettersAndDollar[sign] { return code }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() }
        guard sign.count == 1, let units = sign.first.flatMap({ currencyUnits[$0] }), units.count == 1 else { return nil }
        return units.first
    }

    /// Words and letters after a number that multiply it by a power of ten, in the languages
    /// the prefixes speak, longest first where one ends another. `money` marks those read only
    /// beside a currency (`£1.2m` is millions, `1.2m` of a length is metres).
    private static let scaleWords: [(text: String, power: Int, money: Bool)] = [
        ("thousand", 3, false), ("k", 3, false), ("tsd.", 3, false), ("mil", 3, false),
        ("millions", 6, false), ("million", 6, false), ("mln", 6, false), ("mn", 6, false), ("mio.", 6, false), ("mio", 6, false),
        ("millones", 6, false), ("milhões", 6, false), ("mi", 6, true), ("mm", 6, true), ("m", 6, true),
        ("billions", 9, false), ("billion", 9, false), ("bn", 9, false), ("milliards", 9, false), ("milliard", 9, false),
        ("mds", 9, false), ("md", 9, false), ("mrd.", 9, false), ("mrd", 9, false), ("mil millones", 9, false),
        ("bilhões", 9, false), ("bi", 9, true), ("b", 9, true),
        ("trillions", 12, false), ("trillion", 12, false), ("tn", 12, false), ("trn", 12, false),
    ].sorted { $0.text.count > $1.text.count }

    /// A unit counted in thousands, millions or billions (`EUR-million`, `GBP-thousand`): its
    /// base unit and the power of ten each of it stands for; `(unit, 0)` for any other.
    static func unitScale(of unit: String) -> (base: Substring, power: Int) {
        guard let hyphen = unit.lastIndex(of: "-") else { return (Substring(unit), 0) }
        switch unit[unit.index(after: hyphen)...].lowercased() {
        case "thousand", "thousands": return (unit[..<hyphen], 3)
        case "million", "millions": return (unit[..<hyphen], 6)
        case "billion", "billions": return (unit[..<hyphen], 9)
        default: return (Substring(unit), 0)
        }
    }

    /// An exact number read with its scale word in `unit`: `1.2` of `£1.2m` is 1200000 GBP and
    /// 1.2 GBP-million; a bracketed one (`(5,000)`) is negative. Nil for digits that are no number.
    static func value(_ digits: String, of reading: Reading, inUnit unit: String) -> String? {
        guard reading.scale != 0 || reading.bracketed else { return digits }
        if reading.bracketed, digits.hasPrefix("-") || digits.hasPrefix("+") { return nil }
        guard let number = ExactDecimal(reading.bracketed ? "-" + digits : digits) else { return nil }
        let power = reading.scale - (reading.scale == 0 ? 0 : unitScale(of: unit).power)
        return (power >= 0 ? number.multiplied(byPowerOfTen: power) : number.divided(byPowerOfTen: -power)).description
    }

    /// The words and signs before a value, longest first within each meaning, in English and
    /// French, and the common ones of Portuguese, Spanish and German.
    private static let prefixes: [(text: String, approximate: Bool, qualifier: String?)] = [
        ("~", true, nil), ("≈", true, nil), ("approximately", true, nil), ("approx.", true, nil), ("about", true, nil),
        ("around", true, nil), ("roughly", true, nil), ("circa", true, nil), ("ca.", true, nil), ("c.", true, nil),
        ("environ", true, nil), ("près de", true, nil), ("pres de", true, nil),
        ("an estimated", true, nil), ("estimated", true, nil), ("est.", true, nil), ("approx", true, nil), ("nearly", true, nil),
        ("almost", true, nil), ("some", true, nil), ("close to", true, nil), ("presque", true, nil),
        (">=", false, "at-least"), ("≥", false, "at-least"), ("at least", false, "at-least"), ("au moins", false, "at-least"),
        ("<=", false, "up-to"), ("≤", false, "up-to"), ("up to", false, "up-to"), ("at most", false, "up-to"),
        ("jusqu'à", false, "up-to"), ("jusqu’à", false, "up-to"), ("au plus", false, "up-to"),
        (">", false, "more-than"), ("more than", false, "more-than"), ("over", false, "more-than"), ("plus de", false, "more-than"),
        ("<", false, "less-than"), ("less than", false, "less-than"), ("fewer than", false, "less-than"), ("under", false, "less-than"),
        ("moins de", false, "less-than"),
        // Portuguese and Spanish.
        ("cerca de", true, nil), ("aproximadamente", true, nil), ("alrededor de", true, nil), ("aprox.", true, nil),
        ("pelo menos", false, "at-least"), ("no mínimo", false, "at-least"), ("al menos", false, "at-least"), ("como mínimo", false, "at-least"),
        ("no máximo", false, "up-to"), ("até", false, "up-to"), ("hasta", false, "up-to"), ("como máximo", false, "up-to"),
        ("mais de", false, "more-than"), ("más de", false, "more-than"), ("menos de", false, "less-than"),
        // German.
        ("etwa", true, nil), ("rund", true, nil), ("ungefähr", true, nil), ("mindestens", false, "at-least"),
        ("bis zu", false, "up-to"), ("höchstens", false, "up-to"), ("mehr als", false, "more-than"), ("über", false, "more-than"),
        ("weniger als", false, "less-than"), ("unter", false, "less-than"),
    ]

    /// Words after a value that make it approximate, as tables footnote an estimate.
    private static let approximateSuffixes = ["(approx.)", "(approx)", "approx.", "(est.)", "(estimated)", "(e)", "(environ)"]

    /// `text` read as a qualified value; the digits are left as written but for spaced
    /// thousands, for the caller to check as a number.
    static func read(_ text: String, unit: String? = nil) -> Reading {
        var rest = Substring(text.trimmingSpaces())
        var reading = Reading(digits: "")
        // A no-break space within the words (`plus de`, pasted from a French page) is a space.
        let lowered = String(rest.lowercased().map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        if let prefix = prefixes.first(where: { lowered.hasPrefix($0.text) }) {
            // A word must end where the number starts (`over` is not `overall`), a sign need not.
            let after = rest.dropFirst(prefix.text.count)
            let isWord = prefix.text.last?.isLetter == true
            if !isWord || after.first.map({ !$0.isLetter }) == true {
                rest = after.drop { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" }
                reading.approximate = prefix.approximate
                reading.qualifier = prefix.qualifier
            }
        } else if rest.count > 1, rest.last == "+" {
            rest = rest.dropLast()
            reading.qualifier = "at-least"
        } else if let suffix = approximateSuffixes.first(where: { lowered.hasSuffix($0) && lowered.count > $0.count }) {
            // `400 (approx.)`, `400 approx.`, `400 (est.)`: approximate, as a footnote says it.
            rest = rest.dropLast(suffix.count)
            while let end = rest.last, end == " " || end == "\u{A0}" || end == "\u{202F}" { rest = rest.dropLast() }
            reading.approximate = true
        }
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\u{A0}" || character == "\u{202F}" }
        // `(5,000)`, `(£5,000)`, `£(5,000)`: a loss as accounts write it.
        func unbracket() {
            guard !reading.bracketed, rest.count > 2, rest.first == "(", rest.last == ")" else { return }
            rest = rest.dropFirst().dropLast().drop(while: isSpace)
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.bracketed = true
        }
        unbracket()
        // A typographic minus (U+2212), as pasted from a page or a word processor, is a minus.
        if rest.first == "\u{2212}" { rest = "-" + rest.dropFirst() }
        /// Three letters that are a currency's code (`GBP`, `chf`), or the unit's own.
        func currencyCode(_ letters: Substring) -> String? {
            guard letters.utf8.count == 3, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            let code = letters.uppercased()
            return isCurrencyCode(code) || (unit.map { unitScale(of: $0).base.uppercased() == code } ?? false) ? code : nil
        }
        // `1.200,00 R$`: letters and a dollar sign after the number.
        if rest.last == "$", case let letters = rest.dropLast().reversed().prefix(while: { $0.isLetter }), !letters.isEmpty,
           case let sign = String(letters.reversed()).uppercased() + "$", lettersAndDollar[sign] != nil,
           rest.count > sign.count {
            rest = rest.dropLast(sign.count)
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.currencySign = sign
        } else if rest.count > 1, let last = rest.last, currencyUnits[last] != nil {
            rest = rest.dropLast()
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.currencySign = String(last)
        } else if rest.count > 3, rest.last?.isLetter == true, let code = currencyCode(rest.suffix(3)),
                  case let before = rest.dropLast(3), let end = before.last, isSpace(end) || end.isNumber {
            // `5000 GBP`, `1.2bn USD`: the code after the number.
            rest = before
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.currencySign = code
        } else {
            let sign = rest.first == "-" || rest.first == "+" ? String(rest.prefix(1)) : ""
            let afterSign = rest.dropFirst(sign.count)
            // `R$ 1.200`: letters, then the dollar sign.
            if let dollar = afterSign.prefix(5).firstIndex(of: "$"), dollar > afterSign.startIndex,
               case let letters = String(afterSign[...dollar]).uppercased(), lettersAndDollar[letters] != nil,
               afterSign.index(after: dollar) < afterSign.endIndex {
                rest = Substring(sign + afterSign[afterSign.index(after: dollar)...].drop(while: isSpace))
                reading.currencySign = letters
            } else if afterSign.count > 1, let first = afterSign.first, currencyUnits[first] != nil {
                rest = Substring(sign + afterSign.dropFirst().drop(while: isSpace))
                reading.currencySign = String(first)
            } else if afterSign.count > 3, afterSign.first?.isLetter == true, let code = currencyCode(afterSign.prefix(3)),
                      case let after = afterSign.dropFirst(3), let next = after.first, isSpace(next) || next.isNumber {
                // `GBP 5,000`: the code before it.
                rest = Substring(sign + after.drop(while: isSpace))
                reading.currencySign = code
            }
        }
        unbracket()
        // `1.2 million`, `£1.2m`, `450k`, `3 Md`: a word or letter after the digits that counts in
        // thousands, millions, billions; `m` and `b` only of money, where they cannot be metres.
        if rest.count > 1, rest.last?.isLetter == true || rest.last == "." {
            let money = reading.currencySign != nil || unit.map { isCurrencyCode(unitScale(of: $0).base.uppercased()) } == true
            let lowered = rest.lowercased()
            if let word = scaleWords.first(where: { (money || !$0.money) && lowered.hasSuffix($0.text) && lowered.count > $0.text.count }) {
                let before = rest.dropLast(word.text.count)
                if let end = before.last, isSpace(end) || end.isNumber {
                    rest = before
                    while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
                    reading.scale = word.power
                }
            }
        }
        if rest.count > 1, rest.last == "%" {
            rest = rest.dropLast()
            while let last = rest.last, last == " " || last == "\u{A0}" || last == "\u{202F}" { rest = rest.dropLast() }
            reading.percentage = true
        }
        reading.digits = withoutSpacesBetweenThousands(String(rest))
        return reading
    }

    /// A percentage's value in `unit`, and the unit as the timeline spells it: `13%` is 0.13 of a
    /// `fraction` and 13 `percent` (or `%`), whatever the case the unit was given in (`Fraction`
    /// saved as written would not read back as a percentage); nil for another unit, or digits
    /// that are no number.
    static func value(ofPercentage digits: String, inUnit unit: String) -> (value: String, unit: String)? {
        guard let number = ExactDecimal(digits) else { return nil }
        switch unit.lowercased() {
        case "fraction": return (number.divided(byPowerOfTen: 2).description, "fraction")
        case "percent": return (number.description, "percent")
        case "%": return (number.description, "%")
        default: return nil
        }
    }

    /// `11,000` and `1,234,567.5` without their commas, which group thousands; a value whose commas
    /// group otherwise (`1,5`, `12,34`) is left as it is, to be refused as no number.
    static func withoutCommasBetweenThousands(_ value: String) -> String {
        guard value.contains(",") else { return value }
        let end = value.firstIndex(of: ".") ?? value.endIndex
        let sign = value.first == "-" || value.first == "+" ? 1 : 0
        let groups = value[value.index(value.startIndex, offsetBy: sign)..<end].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, (1...3).contains(groups[0].count), groups[0].first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !value[end...].contains(",")
        else { return value }
        return String(value.prefix(sign)) + groups.joined() + value[end...]
    }

    /// `30 000 000`, `1 234,5`, `1 234.5`: spaces (plain, no-break or narrow, as French
    /// spreadsheets write them) between groups of three digits, which no decimal mark is, taken
    /// out. A value whose spaces group otherwise is left as it is, to be refused as no number.
    static func withoutSpacesBetweenThousands(_ value: String) -> String {
        func isSpace(_ character: Character) -> Bool {
            character == " " || character == "\u{A0}" || character == "\u{202F}" || character == "\u{2009}"
        }
        guard value.contains(where: isSpace) else { return value }
        let end = value.firstIndex { $0 == "," || $0 == "." } ?? value.endIndex
        let sign = value.first == "-" || value.first == "+" ? String(value.first!) : ""
        let groups = value[value.index(value.startIndex, offsetBy: sign.count)..<end].split(separator: " ", omittingEmptySubsequences: false)
            .flatMap { $0.split(omittingEmptySubsequences: false, whereSeparator: isSpace) }
        guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !value[end...].contains(where: isSpace)
        else { return value }
        return sign + groups.joined() + value[end...]
    }
}
