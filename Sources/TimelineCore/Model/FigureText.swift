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
        /// A currency named in Spanish or Portuguese (`dólares`, `pesos`), whose `mil` is a thousand.
        var iberianCurrencyWord = false
        /// Worded in German, French, Spanish, Portuguese, Dutch or Italian (`mehr als 1.000`, `2.500 Mio. €`,
        /// `3,2 Mrd.`), whose numbers group thousands with points and mark decimals with a comma:
        /// see `continentalDigits(_:)`.
        var continentalMarks = false

        /// `5,000` of money: the sign or code of a currency whose country groups thousands with
        /// commas (`£`, `$`, `GBP`; not `€`, whose `1,899 €` may be a price to the tenth of a cent,
        /// nor the dinars written to three decimals), no scale word, and commas between groups of
        /// three only: `£5,000` is five thousand pounds, where a bare `5,000` could be five.
        var groupsThousandsWithCommas: Bool {
            guard let sign = currencySign, scale == 0, digits.contains(",") else { return false }
            let units = currencyUnit.map { [$0] } ?? FigureText.units(ofCurrencySign: sign)
            return units.allSatisfy(FigureText.commaGroupingCurrencies.contains) && FigureText.withoutCommasBetweenThousands(digits) != digits
        }
        /// The currency the figure is read in, when its unit is one (`MXN` for `$5,000:MXN`).
        var currencyUnit: String?
        /// `Billion` or `Trillion` as written when it may be German's, a thousand times English's
        /// (`mayBeGermanLongScale`): not read as a scale word.
        var longScaleWord: String?
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

    /// The currencies written to three decimals (the dinars of Tunisia, Kuwait, Bahrain, Jordan,
    /// Iraq and Libya, Oman's rial): a point before three digits there is their decimal mark.
    static let threeDecimalCurrencies: Set<String> = ["TND", "KWD", "BHD", "JOD", "IQD", "LYD", "OMR"]

    /// Whether three letters are a currency's code this reader knows.
    static func isCurrencyCode(_ letters: String) -> Bool {
        letters.utf8.count == 3 && (otherCurrencyCodes.contains(letters) || lettersAndDollar.values.contains(letters)
            || currencyUnits.values.contains { $0.contains(letters) })
    }

    /// The dollars of countries that write `1.234,5` (Brazil's real, the Colombian, Chilean and
    /// Argentine pesos).
    private static let continentalDollars: Set<String> = ["R$", "COL$", "CLP$", "AR$"]

    /// Whether a value written with `sign` (or a code, `GBP`) may be in `unit` (`€` in EUR, `$`
    /// in USD or CAD, `R$` in BRL, …, or in that currency counted in millions, `EUR-million`).
    static func currencySign(_ sign: String, fits unit: String) -> Bool {
        let unit = unitScale(of: unit).base.uppercased()
        if let units = units(ofCurrencyWord: sign) { return units.contains(unit) }
        if let code = lettersAndDollar[sign] { return code == unit }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() == unit }
        guard sign.count == 1, let character = sign.first else { return false }
        return currencyUnits[character]?.contains(unit) ?? false
    }

    /// The unit a sign's currency is written as, for a hint: the only one, else the first.
    static func unit(ofCurrencySign sign: String) -> String {
        if let units = units(ofCurrencyWord: sign) { return units[0] }
        if let code = lettersAndDollar[sign] { return code }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() }
        return sign == "$" ? "USD" : sign == "¥" ? "JPY" : sign.first.flatMap { currencyUnits[$0]?.first } ?? "EUR"
    }

    /// The units a sign may stand for, the most written first (`$`: USD, CAD, …; `¥`: JPY, CNY).
    static func units(ofCurrencySign sign: String) -> [String] {
        if let units = units(ofCurrencyWord: sign) { return units }
        let first = unit(ofCurrencySign: sign)
        let others = sign.count == 1 ? (sign.first.flatMap { currencyUnits[$0] } ?? []).filter { $0 != first } : []
        return [first] + others.sorted { first, second in
            // The currencies most written after the first: CAD before the others, then by code.
            (first == "CAD" || first == "CNY") != (second == "CAD" || second == "CNY") ? first == "CAD" || first == "CNY" : first < second
        }
    }

    /// The one unit a sign or code stands for (`£` GBP, `R$` BRL, `CHF`), nil for `$` or `¥`,
    /// which stand for several: a `--measure` written `£1.2m` needs no `:GBP`.
    static func onlyUnit(ofCurrencySign sign: String) -> String? {
        // `500 pounds` could be a weight: a name gives the unit only when it is money's alone.
        if let units = units(ofCurrencyWord: sign) { return units.count == 1 && sign != "pounds" ? units[0] : nil }
        if let code = lettersAndDollar[sign] { return code }
        if sign.utf8.count == 3, sign.allSatisfy(\.isLetter) { return sign.uppercased() }
        guard sign.count == 1, let units = sign.first.flatMap({ currencyUnits[$0] }), units.count == 1 else { return nil }
        return units.first
    }

    /// Words and letters after a number that multiply it by a power of ten, in the languages
    /// the prefixes speak, longest first where one ends another. Whole words count anything
    /// (`1.5 million` people); abbreviations only money (`money`), where they cannot be another
    /// unit's (`1.2m` metres, `300 K` kelvin, `45 mn` minutes, `1.2 tn` tonnes); `mil` only
    /// money of a country whose language counts in `mil` (`R$ 500 mil`: in the US, `$5 mil` is
    /// five million).
    private static let scaleWords: [(text: String, power: Int, money: Bool)] = [
        ("thousands", 3, false), ("thousand", 3, false), ("k", 3, true), ("tsd.", 3, true), ("mil", 3, true),
        ("millions", 6, false), ("million", 6, false), ("mln", 6, true), ("mn", 6, true), ("mio.", 6, false), ("mio", 6, false),
        ("millones", 6, false), ("millón", 6, false), ("milhões", 6, false), ("milhão", 6, false), ("mill.", 6, true), ("mill", 6, true),
        ("mi", 6, true), ("m", 6, true), ("lakh", 5, false), ("lakhs", 5, false), ("crore", 7, false), ("crores", 7, false),
        ("billion", 9, false), ("bn", 9, true), ("milliards", 9, false), ("milliard", 9, false),
        ("mds", 9, true), ("md", 9, true), ("mrd.", 9, false), ("mrd", 9, false), ("mil millones", 9, true),
        ("bilhões", 9, false), ("bilhão", 9, false), ("bi", 9, true), ("b", 9, true),
        ("trillion", 12, false), ("tn", 12, true), ("trn", 12, true), ("mln.", 6, true),
        // German, Dutch and Italian spelled out (`1,5 Millionen`, `2,5 miljoen`, `3 miliardi`, `10 mila`);
        // their billion (`Billion`, `biljoen`) is a million million, as their plurals say alone.
        ("tausend", 3, false), ("millionen", 6, false), ("milliarde", 9, false), ("milliarden", 9, false), ("billionen", 12, false),
        ("duizend", 3, false), ("miljoen", 6, false), ("miljard", 9, false), ("miljarden", 9, false),
        ("mila", 3, false), ("milione", 6, false), ("milioni", 6, false), ("miliardo", 9, false), ("miliardi", 9, false),
        ("mld", 9, true), ("mld.", 9, true),
    ].sorted { $0.text.count > $1.text.count }

    /// Currencies' names after a number, and the units each may be, the most written first;
    /// `iberian` for the Spanish and Portuguese names, whose `mil` is a thousand.
    private static let currencyWords: [(text: String, units: [String], iberian: Bool)] = [
        ("euros", ["EUR"], true), ("euro", ["EUR"], false), ("reais", ["BRL"], true), ("real", ["BRL"], true),
        ("pounds", ["GBP"], false), ("libras", ["GBP"], true),
        ("dollars", ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"], false), ("dólares", ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"], true),
        ("dolares", ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD"], true),
        ("pesos", ["MXN", "ARS", "COP", "CLP", "UYU", "PHP", "DOP", "CUP"], true),
        ("francs", ["CHF", "XOF", "XAF", "XPF"], false), ("francos", ["CHF", "XOF", "XAF", "XPF"], true), ("yen", ["JPY"], false),
    ]

    /// `1 Billion Euro`, `rund 1 Billion`: a `Billion` (or `Trillion`) capitalised as German
    /// writes its nouns, after a number no currency sign comes before, or among German words, may
    /// be German's, a million million (a million times that), where English's is a thousand
    /// million: read as neither. `$1 Billion`, `€1 Billion`, `1 billion euros` stay English's.
    private static func mayBeGermanLongScale(_ word: String, writtenAs value: Substring, in text: String, continental: Bool) -> Bool {
        guard value.count >= word.count,
              value.suffix(word.count).first?.isUppercase == true else { return false }
        if continental { return true }
        guard let first = text.trimmingSpaces().first else { return false }
        return first.isNumber || "-+~≈(".contains(first)
    }

    /// The word a value ends with when it is none this reader knows after a number (`Kunden` of
    /// `1,5 Mio. Kunden`, `Prozent` of `14 Prozent`): nil when the value ends with no word, or with a
    /// scale word, a currency's name or code, or an estimate's word.
    static func unknownTrailingWord(in text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard let last = trimmed.last, last.isLetter || last == "." else { return nil }
        var word = trimmed.reversed().prefix { $0.isLetter || $0 == "." }.reversed().map { $0 }
        while word.first == "." { word.removeFirst() }
        // After a number: `N/A` has a word at its end, and no number before it.
        guard !word.isEmpty, word.count < trimmed.count, trimmed.dropLast(word.count).contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        let text = String(word), lowered = text.lowercased()
        let known = scaleWords.contains { $0.text == lowered } || currencyWords.contains { $0.text == lowered }
            || isCurrencyCode(text.uppercased()) || approximateSuffixes.contains(lowered) || lowered == "approx"
        return known ? nil : text
    }

    /// Why a figure with `word` after its number is refused: the word is no scale word or
    /// currency name (`1,5 Mio. Kunden`), and what is counted goes in the unit.
    static func unknownTrailingWordProblem(_ word: String) -> String {
        "'\(word)' after the number is no scale word or currency name this tool reads (thousand, million, Mio., Mrd., "
            + "milliards, millones, miliardi, euros, dollars, …); what is counted goes in the unit"
    }

    /// The units of a currency's name (`pesos`), nil for a sign or code.
    static func units(ofCurrencyWord word: String) -> [String]? {
        currencyWords.first { $0.text == word }?.units
    }

    /// The currencies whose countries count in `mil` (Portuguese and Spanish).
    private static let milCurrencies: Set<String> = ["BRL", "ARS", "COP", "CLP", "MXN", "PEN", "UYU", "BOB", "EUR"]

    /// Currencies whose countries group thousands with commas and mark decimals with a point.
    static let commaGroupingCurrencies: Set<String> = [
        "USD", "GBP", "CAD", "AUD", "NZD", "HKD", "SGD", "INR", "JPY", "CNY", "MXN", "KRW", "PHP", "ILS", "THB", "NGN", "GHS",
        "KES", "PKR", "LKR", "NPR", "MUR", "BDT", "TWD", "MYR", "EGP", "SAR", "AED", "QAR",
    ]

    /// A unit counted in thousands, millions or billions (`EUR-million`, `GBP-thousand`, `INR-crore`): its
    /// base unit and the power of ten each of it stands for; `(unit, 0)` for any other.
    static func unitScale(of unit: String) -> (base: Substring, power: Int) {
        guard let hyphen = unit.lastIndex(of: "-") else { return (Substring(unit), 0) }
        let suffix = unit[unit.index(after: hyphen)...].lowercased()
        // Any scale word or abbreviation (`INR-crore`, `USD-bn`, `EUR-Mio`), as the figure's.
        guard let word = scaleWords.first(where: { $0.text == suffix }) ?? (suffix == "thousands" ? ("thousands", 3, false) : nil) else {
            return (Substring(unit), 0)
        }
        return (unit[..<hyphen], word.power)
    }

    /// An exact number read with its scale word in `unit`: `1.2` of `£1.2m` is 1200000 GBP and
    /// 1.2 GBP-million; a bracketed one (`(5,000)`) is negative. Nil for digits that are no number.
    static func value(_ digits: String, of reading: Reading, inUnit unit: String) -> String? {
        guard reading.scale != 0 || reading.bracketed else { return digits }
        // `more than (£5m)`: a bound of a loss reads both ways round.
        if reading.bracketed, digits.hasPrefix("-") || digits.hasPrefix("+") || reading.qualifier != nil { return nil }
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
        ("almost", true, nil), ("some", true, nil), ("close to", true, nil), ("presque", true, nil), ("quelque", true, nil),
        ("knapp", true, nil), ("fast", true, nil), ("unos", true, nil), ("unas", true, nil),
        ("casi", true, nil), ("quase", true, nil), ("gut", false, "more-than"),
        (">=", false, "at-least"), ("≥", false, "at-least"), ("at least", false, "at-least"), ("au moins", false, "at-least"),
        ("<=", false, "up-to"), ("≤", false, "up-to"), ("up to", false, "up-to"), ("at most", false, "up-to"),
        ("jusqu'à", false, "up-to"), ("jusqu’à", false, "up-to"), ("au plus", false, "up-to"),
        (">", false, "more-than"), ("more than", false, "more-than"), ("over", false, "more-than"), ("plus de", false, "more-than"),
        ("<", false, "less-than"), ("less than", false, "less-than"), ("fewer than", false, "less-than"), ("under", false, "less-than"),
        ("moins de", false, "less-than"), ("plus d'environ", true, "more-than"), ("plus d’environ", true, "more-than"),
        ("moins d'environ", true, "less-than"), ("moins d’environ", true, "less-than"),
        // Portuguese and Spanish.
        ("cerca de", true, nil), ("aproximadamente", true, nil), ("alrededor de", true, nil), ("aprox.", true, nil),
        ("pelo menos", false, "at-least"), ("no mínimo", false, "at-least"), ("al menos", false, "at-least"), ("como mínimo", false, "at-least"),
        ("no máximo", false, "up-to"), ("até", false, "up-to"), ("hasta", false, "up-to"), ("como máximo", false, "up-to"),
        ("mais de", false, "more-than"), ("más de", false, "more-than"), ("menos de", false, "less-than"),
        // German.
        ("etwa", true, nil), ("rund", true, nil), ("ungefähr", true, nil), ("mindestens", false, "at-least"),
        ("bis zu", false, "up-to"), ("höchstens", false, "up-to"), ("mehr als", false, "more-than"), ("über", false, "more-than"),
        ("weniger als", false, "less-than"), ("unter", false, "less-than"),
        // Dutch (`ruim`: well over).
        ("ongeveer", true, nil), ("bijna", true, nil), ("zo'n", true, nil), ("zo’n", true, nil), ("ruim", false, "more-than"),
        ("meer dan", false, "more-than"), ("minder dan", false, "less-than"), ("minstens", false, "at-least"),
        ("ten minste", false, "at-least"), ("maximaal", false, "up-to"), ("tot", false, "up-to"),
        // Italian.
        ("quasi", true, nil), ("intorno a", true, nil), ("oltre", false, "more-than"), ("più di", false, "more-than"),
        ("piu di", false, "more-than"), ("meno di", false, "less-than"), ("almeno", false, "at-least"), ("fino a", false, "up-to"),
    ]

    /// The words and signs above and below that English writes (with `millions` and `million`,
    /// French's too): every other is of a language whose numbers are written `1.234,5`.
    private static let englishWords: Set<String> = [
        "~", "≈", "<", "<=", "≤", ">", ">=", "≥", "about", "almost", "an estimated", "approx", "approx.", "approximately",
        "around", "at least", "at most", "c.", "ca.", "circa", "close to", "est.", "estimated", "fewer than", "less than",
        "more than", "nearly", "over", "roughly", "some", "under", "up to",
        "k", "thousand", "thousands", "lakh", "lakhs", "crore", "crores", "m", "mn", "mln", "mln.", "million", "millions",
        "b", "bn", "billion", "tn", "trn", "trillion",
    ]

    /// The words above and below of languages whose numbers are written `1.234,5`.
    private static let continentalWords = Set(prefixes.map(\.text) + scaleWords.map(\.text)).subtracting(englishWords)

    /// Words after a value that make it approximate, as tables footnote an estimate.
    private static let approximateSuffixes = ["(approx.)", "(approx)", "approx.", "(est.)", "(estimated)", "(e)", "(environ)"]

    /// The word or sign `text` starts with (`lowered` is it in lower case, no-break spaces as
    /// spaces), and what follows it without the spaces between; nil when it starts with none.
    private static func prefix(of text: Substring, lowered: String)
        -> (prefix: (text: String, approximate: Bool, qualifier: String?), after: Substring)? {
        guard let prefix = prefixes.first(where: { lowered.hasPrefix($0.text) }) else { return nil }
        // A word must end where the number starts (`over` is not `overall`), a sign need not.
        let after = text.dropFirst(prefix.text.count)
        guard prefix.text.last?.isLetter != true || after.first.map({ !$0.isLetter }) == true else { return nil }
        return (prefix, after.drop { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" })
    }

    /// `text` read as a qualified value; the digits are left as written but for spaced
    /// thousands, for the caller to check as a number.
    static func read(_ text: String, unit: String? = nil) -> Reading {
        var rest = Substring(text.trimmingSpaces())
        var reading = Reading(digits: "")
        // A no-break space within the words (`plus de`, pasted from a French page) is a space.
        let lowered = String(rest.lowercased().map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        if let (prefix, after) = prefix(of: rest, lowered: lowered) {
            rest = after
            reading.approximate = prefix.approximate
            reading.qualifier = prefix.qualifier
            reading.continentalMarks = continentalWords.contains(prefix.text)
            // A bound that is itself an estimate, as figures print it: `more than about 350`, `>~350`.
            if prefix.qualifier != nil, !prefix.approximate,
               let (estimate, after) = self.prefix(of: rest, lowered: String(lowered.suffix(rest.count))),
               estimate.approximate, estimate.qualifier == nil {
                rest = after
                reading.approximate = true
                reading.continentalMarks = reading.continentalMarks || continentalWords.contains(estimate.text)
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
        // `(5,000)`, `(£5,000)`, `£(5,000)`: a loss as accounts write it; of money only, where
        // a bracketed count (`(5)`) could be a footnote's number.
        let moneyUnit = unit.map { isCurrencyCode(unitScale(of: $0).base.uppercased()) } == true
        if moneyUnit { reading.currencyUnit = unit.map { unitScale(of: $0).base.uppercased() } }
        func unbracket() {
            let inner = rest.dropFirst().drop(while: isSpace).first
            guard !reading.bracketed, rest.count > 2, rest.first == "(", rest.last == ")",
                  moneyUnit || reading.currencySign != nil || inner.map({ currencyUnits[$0] != nil || $0.isLetter }) == true else { return }
            rest = rest.dropFirst().dropLast().drop(while: isSpace)
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.bracketed = true
        }
        unbracket()
        // A typographic minus (U+2212), as pasted from a page or a word processor, is a minus.
        if rest.first == "\u{2212}" { rest = "-" + rest.dropFirst() }
        /// Three letters that are a currency's code (`GBP`, `chf`); a unit's own letters that are
        /// none (`MWh`, `bit`) stay with the number, whose case is meaning.
        func currencyCode(_ letters: Substring) -> String? {
            guard letters.utf8.count == 3, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            let code = letters.uppercased()
            return isCurrencyCode(code) ? code : nil
        }
        // `1.200,00 R$`: letters and a dollar sign after the number.
        if rest.last == "$", case let letters = rest.dropLast().reversed().prefix(while: { $0.isLetter }), !letters.isEmpty,
           case let sign = String(letters.reversed()).uppercased() + "$", lettersAndDollar[sign] != nil,
           rest.count > sign.count {
            rest = rest.dropLast(sign.count)
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.currencySign = sign
            if continentalDollars.contains(sign) { reading.continentalMarks = true }
        } else if rest.count > 1, let last = rest.last, currencyUnits[last] != nil {
            rest = rest.dropLast()
            while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
            reading.currencySign = String(last)
        } else if rest.last?.isLetter == true, case let restLowered = rest.lowercased(), let word = currencyWords.first(where: { word in
                      restLowered.hasSuffix(word.text) && restLowered.count > word.text.count
                          && restLowered.dropLast(word.text.count).last.map { isSpace($0) || $0.isNumber || $0 == "." || $0 == "'" || $0 == "’" } == true }) {
            // `1.200 millones de euros`, `500 euros`, `R$ 2 milhões de reais`: the currency's name,
            // and a sign before the number too, which must be of that currency (`£5 euros` names two).
            var named = rest.dropLast(word.text.count)
            while let end = named.last, isSpace(end) { named = named.dropLast() }
            // Spanish and Portuguese `de`, Italian `di` (`1,5 miliardi di euro`).
            if case let lowered = named.lowercased(), lowered.hasSuffix(" de") || lowered.hasSuffix(" di") { named = named.dropLast(3) }
            // French elides it: `3 millions d'euros`.
            if case let lowered = named.lowercased(), lowered.hasSuffix(" d'") || lowered.hasSuffix(" d’") { named = named.dropLast(3) }
            while let end = named.last, isSpace(end) { named = named.dropLast() }
            var sign = word.text
            if let dollar = named.prefix(5).firstIndex(of: "$"), case let letters = String(named[...dollar]).uppercased(),
               lettersAndDollar[letters] != nil || letters == "$" {
                named = named[named.index(after: dollar)...].drop(while: isSpace)
                sign = letters
            } else if let first = named.first, currencyUnits[first] != nil {
                named = named.dropFirst().drop(while: isSpace)
                sign = String(first)
            }
            if sign == word.text || !Set(units(ofCurrencySign: sign)).isDisjoint(with: word.units) {
                rest = named
                // The narrower of the two: `R$ … reais` is the real, `$ … pesos` the peso.
                reading.currencySign = units(ofCurrencySign: sign).count < word.units.count ? sign : word.text
                reading.iberianCurrencyWord = word.iberian
                if reading.currencySign.map(continentalDollars.contains) == true || word.text == "reais" || word.text == "real" {
                    reading.continentalMarks = true
                }
            }
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
                if continentalDollars.contains(letters) { reading.continentalMarks = true }
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
            // The unit's currency when it is one (`$5 mil:MXN` is in pesos), else the sign's.
            let currency = unit.map { unitScale(of: $0).base.uppercased() }.flatMap { isCurrencyCode($0) ? $0 : nil }
                ?? reading.currencySign.map(unit(ofCurrencySign:))
            let lowered = rest.lowercased()
            if let long = ["billion", "trillion"].first(where: { lowered.hasSuffix($0) }),
               mayBeGermanLongScale(long, writtenAs: rest, in: text, continental: reading.continentalMarks) {
                reading.longScaleWord = String(rest.suffix(long.count))
            }
            if let word = scaleWords.first(where: { word in
                lowered.hasSuffix(word.text) && lowered.count > word.text.count && (!word.money || currency != nil)
                    && (word.text != "mil" || currency.map(milCurrencies.contains) == true || reading.iberianCurrencyWord)
                    && (word.text != "mil millones" || currency != nil)
                    // `1,5 billion`: written with a decimal comma, a billion may be French or German's, 10¹².
                    && (word.power < 9 || !["billion", "trillion"].contains(word.text) || !lowered.contains(","))
                    && reading.longScaleWord?.lowercased() != word.text
            }) {
                let before = rest.dropLast(word.text.count)
                if let end = before.last, isSpace(end) || end.isNumber {
                    rest = before
                    while let end = rest.last, isSpace(end) { rest = rest.dropLast() }
                    reading.scale = word.power
                    if continentalWords.contains(word.text) { reading.continentalMarks = true }
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

    /// The whole number `value` is when its one point groups thousands (`1.200`, `-12.500`: one to
    /// three digits, not starting with 0, then three); nil for every other value.
    static func thousandsIfGroupedByAPoint(_ value: String) -> String? {
        let sign = value.hasPrefix("-") ? "-" : ""
        let signs = value.hasPrefix("-") || value.hasPrefix("+") ? 1 : 0
        let parts = value.utf8.dropFirst(signs).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[0].first != UInt8(ascii: "0"), parts[1].count == 3,
              parts.allSatisfy({ $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }) else { return nil }
        return sign + String(decoding: parts[0], as: UTF8.self) + String(decoding: parts[1], as: UTF8.self)
    }

    /// `1,500` (or `-12,500`): one comma before exactly three digits, and no point. With a scale
    /// word or worded in another language than English it is a thousand times apart between
    /// English or Mexican Spanish (`1,500 millones` is 1500 million) and German or Brazilian
    /// (`1,500 Mio.` would be 1.5): both readings, for a refusal; nil for any other text.
    static func commaBeforeThreeDigits(_ digits: String) -> (thousands: String, decimal: String)? {
        let sign = digits.hasPrefix("-") ? "-" : ""
        let parts = digits.dropFirst(digits.hasPrefix("-") || digits.hasPrefix("+") ? 1 : 0).split(separator: ",", omittingEmptySubsequences: false)
        // After a lone 0 (`0,125`) a comma can only be a decimal one.
        guard parts.count == 2, (1...3).contains(parts[0].count), parts[0] != "0", parts[1].count == 3,
              parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }) else { return nil }
        var fraction = parts[1]
        while fraction.last == "0" { fraction.removeLast() }
        return (sign + parts[0] + parts[1], sign + parts[0] + (fraction.isEmpty ? "" : "." + fraction))
    }

    /// `1.000`, `2.500`, `1.234,5`, `3,2` as German, French, Spanish, Portuguese, Dutch or Italian write them
    /// (points between thousands, a decimal comma) as digits, `1000`, `2500`, `1234.5`, `3.2`; nil
    /// for text of another shape, or with neither mark.
    static func continentalDigits(_ value: String) -> String? {
        let sign = value.hasPrefix("-") ? "-" : ""
        let unsigned = value.dropFirst(value.hasPrefix("-") || value.hasPrefix("+") ? 1 : 0)
        let halves = unsigned.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = halves[0].split(separator: ".", omittingEmptySubsequences: false)
        func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { ("0"..."9").contains($0) } }
        guard groups.count > 1 || halves.count == 2, groups.allSatisfy(digits), (1...3).contains(groups[0].count) || groups.count == 1,
              groups.count == 1 || groups[0].first != "0",
              groups.dropFirst().allSatisfy({ $0.count == 3 }), halves.count == 1 || digits(halves[1]) else { return nil }
        return sign + groups.joined() + (halves.count == 2 ? "." + halves[1] : "")
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
        guard groups.count > 1, (1...3).contains(groups[0].count), groups[0].first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), !value[end...].contains(where: isSpace)
        else { return value }
        return sign + groups.joined() + value[end...]
    }
}
