/// A figure's value as people write it in a spreadsheet cell or a `--measure`: qualified by a sign
/// or words before it (`~150`, `environ 150`, `at least 125`, `plus de 200`) or a `+` after it
/// (`150+`), its thousands grouped by spaces (`1 200`, as French text writes them), or a
/// percentage (`13%`).
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

    /// Whether a value written with `sign` may be in `unit` (`€` in EUR, `$` in USD or CAD,
    /// `R$` in BRL, …).
    static func currencySign(_ sign: String, fits unit: String) -> Bool {
        if let code = lettersAndDollar[sign] { return code == unit.uppercased() }
        guard sign.count == 1, let character = sign.first else { return false }
        return currencyUnits[character]?.contains(unit.uppercased()) ?? false
    }

    /// The unit a sign's currency is written as, for a hint: the only one, else the first.
    static func unit(ofCurrencySign sign: String) -> String {
        if let code = lettersAndDollar[sign] { return code }
        return sign == "$" ? "USD" : sign == "¥" ? "JPY" : sign.first.flatMap { currencyUnits[$0]?.first } ?? "EUR"
    }

    /// The words and signs before a value, longest first within each meaning, in English and
    /// French, and the common ones of Portuguese, Spanish and German.
    private static let prefixes: [(text: String, approximate: Bool, qualifier: String?)] = [
        ("~", true, nil), ("≈", true, nil), ("approximately", true, nil), ("approx.", true, nil), ("about", true, nil),
        ("around", true, nil), ("roughly", true, nil), ("circa", true, nil), ("ca.", true, nil), ("c.", true, nil),
        ("environ", true, nil), ("près de", true, nil), ("pres de", true, nil),
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

    /// `text` read as a qualified value; the digits are left as written but for spaced
    /// thousands, for the caller to check as a number.
    static func read(_ text: String) -> Reading {
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
        }
        // A typographic minus (U+2212), as pasted from a page or a word processor, is a minus.
        if rest.first == "\u{2212}" { rest = "-" + rest.dropFirst() }
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\u{A0}" || character == "\u{202F}" }
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
