/// Reads a figure written on the command line: `QUANTITY=VALUE:UNIT[@ENTITY]`,
/// e.g. `employees-laid-off=159:person@amazon-care` or `deal-value=3900000000:USD`.
public enum MeasureSpecification {
    public static func parse(_ text: String) throws -> Measure {
        func fail(_ reason: String) -> TimelineError {
            TimelineError(.usage, "--measure '\(text)' \(reason); write QUANTITY=VALUE:UNIT[@ENTITY], e.g. employees-laid-off=159:person@amazon-care.")
        }
        guard let parts = parts(of: text) else { throw fail("has no '='") }
        let quantity = String(parts.quantity)
        let entity = parts.entity.map(String.init)
        if entity?.isEmpty == true { throw fail("names no entity after '@'") }
        let valueText = String(parts.value)
        var unit: String
        let reading: FigureText.Reading
        if let given = parts.unit {
            unit = String(given)
            reading = FigureText.read(valueText, unit: unit)
        } else {
            // `£1.2m`, `5000 CHF`: money whose sign or code names its one currency says its unit.
            reading = FigureText.read(valueText)
            guard let sign = reading.currencySign, let only = FigureText.onlyUnit(ofCurrencySign: sign) else {
                throw fail(reading.currencySign.map { sign in
                    let units = FigureText.units(ofCurrencySign: sign)
                    let why = FigureText.units(ofCurrencyWord: sign) == nil ? "is the sign of several currencies" : "does not say which unit"
                    return "has no unit ('\(sign)' \(why): add " + units.prefix(2).map { ":" + $0 }.joined(separator: ", ")
                        + (units.count > 2 ? ", …)" : ")")
                } ?? "has no unit")
            }
            unit = only
        }
        guard isQuantity(quantity) else {
            let suggestion = Self.quantitySuggestion(quantity)
            throw fail("has a quantity that is not lowercase ASCII letters, digits and '-'" + (suggestion.isEmpty ? "" : " (as in '\(suggestion)')"))
        }
        guard !unit.isEmpty else { throw fail("has an empty unit") }
        if let sign = reading.currencySign, !FigureText.currencySign(sign, fits: unit) {
            throw fail("has '\(valueText)', in \(sign), and the unit '\(unit)'; give the unit of that currency (\(FigureText.unit(ofCurrencySign: sign))) or the value without its sign")
        }
        // `£5,000`: money is never written to three decimals, so its commas group thousands.
        // So are commas between several groups of three (`18,500,000,000`), which no decimal
        // comma can be; a lone `1,500` stays refused, as either.
        // `1,500 millones`, `mehr als 1,000`: thousands to a Mexican or English reader, a decimal
        // comma to a German one.
        if reading.continentalMarks || reading.scale != 0, !reading.groupsThousandsWithCommas,
           let readings = FigureText.commaBeforeThreeDigits(reading.digits) {
            throw fail("has '\(valueText)', whose number could be \(readings.thousands) or \(readings.decimal): a comma before three digits groups "
                       + "thousands in English and Mexican Spanish and is the decimal mark in German, French or Brazilian Portuguese; write "
                       + "\(readings.thousands) or \(readings.decimal)")
        }
        // Worded in German, French, Spanish, Portuguese, Dutch or Italian (`mehr als 1.000`, `2.500 Mio. €`), its
        // points group thousands and its comma is the decimal mark; points between several groups
        // of three (`1.200.000 €`) can only group thousands, however it is worded.
        // Both marks say which is which by their order: `1.500,50` is continental, `1,500.50` English.
        let ungrouped = FigureText.withoutCommasBetweenThousands(reading.digits)
        let lastPoint = reading.digits.lastIndex(of: "."), lastComma = reading.digits.lastIndex(of: ",")
        let pointGroups = reading.digits.count(where: { $0 == "." }) > 1 || (lastPoint != nil && lastComma != nil && lastComma! > lastPoint!)
            ? FigureText.continentalDigits(reading.digits) : nil
        // `3,870:person`: people come whole, so a comma before three digits groups thousands.
        let commaGroups = reading.groupsThousandsWithCommas || reading.digits.count(where: { $0 == "," }) > 1
            || (lastPoint != nil && lastComma != nil && lastPoint! > lastComma!)
            || (reading.scale == 0 && UnitPlural.countsWholeThings(unit) && FigureText.commaBeforeThreeDigits(reading.digits) != nil)
        var digits = reading.continentalMarks ? FigureText.continentalDigits(reading.digits) ?? reading.digits
            : pointGroups != nil ? pointGroups!
            : commaGroups && ungrouped != reading.digits ? ungrouped : Self.withDecimalComma(reading.digits)
        // `2.500 million`, `€1.500m`: English words, a German number? A thousand times apart.
        if reading.scale != 0, !reading.continentalMarks, let thousands = FigureText.thousandsIfGroupedByAPoint(digits) {
            var decimal = digits
            while decimal.hasSuffix("0") { decimal.removeLast() }
            if decimal.hasSuffix(".") { decimal.removeLast() }
            throw fail("has '\(valueText)', whose number could be \(thousands) or \(decimal): a point before three digits groups thousands "
                       + "in German or French and is a decimal mark in English; write \(thousands) or \(decimal) before the scale word")
        }
        if reading.percentage, ExactDecimal(digits) != nil {
            guard let share = FigureText.value(ofPercentage: digits, inUnit: unit) else {
                throw fail("is a percentage in the unit '\(unit)'; give it the unit fraction (13% is 0.13) or percent")
            }
            (digits, unit) = share
        }
        guard let value = FigureText.value(digits, of: reading, inUnit: unit).flatMap({ ExactDecimal($0) }) else {
            let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
            let hint: String
            if let word = reading.longScaleWord {
                // `1 Billion Euro`: a thousand million in English, a million million in German.
                hint = "'\(word)' is a thousand times more in German than in English (\(word == "Billion" ? "10¹² against 10⁹" : "10¹⁸ against 10¹²")): "
                    + "write the number in digits, or in English lower case after a currency sign ($1 billion)"
            } else if let word = FigureText.unknownTrailingWord(in: valueText) {
                // `1,5 Mio. Kunden`: the word is what is not read, not the number.
                hint = FigureText.unknownTrailingWordProblem(word)
            } else if parts.count == 2, !parts[0].isEmpty, parts[1].count == 3, !digits.contains("."),
               (parts[0] + parts[1]).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
                // `1,300`: 1300 or 1.3? Both readings of the value given, to pick from.
                let fraction = parts[1].reversed().drop { $0 == "0" }.reversed()
                hint = "a comma before three digits could be a decimal mark or group thousands: write \(parts[0])\(parts[1]), "
                    + "\(parts[0]) \(parts[1]) or \(parts[0])\(fraction.isEmpty ? "" : "." + String(fraction))"
            } else if valueText.contains(",") {
                hint = "digits with one decimal mark, '.' or ',' (1.5 or 1,5), thousands grouped by spaces if at all (1 200)"
            } else {
                hint = "~, >, <, >=, <=, about, at least, environ, plus de, … may come before it, and thousand, million, billion, or beside money k, m, bn, after it"
            }
            throw fail("has '\(valueText)', which is not an exact decimal number (\(hint))")
        }
        return Measure(quantity: quantity, value: value.description, unit: unit, entity: entity, approximate: reading.approximate,
                       qualifier: reading.qualifier)
    }

    /// Whether a point before three digits (`1.500`) is refused in `unit` rather than read as a
    /// decimal mark with a note, by `add` and `edit`: in a unit of things that come whole (1.5
    /// people is unlikely), or in a currency (money is seldom written to three decimals, and most
    /// of the languages that write euros group thousands so), not counted in thousands or
    /// millions (`EUR-million`) nor one written to three decimals (the dinars).
    public static func refusesPointBeforeThreeDigits(inUnit unit: String) -> Bool {
        if UnitPlural.countsWholeThings(unit) { return true }
        let (base, power) = FigureText.unitScale(of: unit)
        let code = base.uppercased()
        return power == 0 && FigureText.isCurrencyCode(code) && !FigureText.threeDecimalCurrencies.contains(code)
    }

    /// Whether a figure whose mark before exactly three digits was taken for the decimal mark,
    /// where it could as well group thousands (a JSON string `"250.000"`, `1,500` in a file whose
    /// comma is the decimal mark), is refused in `unit`: in a unit of things that come whole,
    /// always (1.5 people is unlikely); in a currency, when the third decimal is a 0, which money
    /// written to three decimals (`1.899` a litre) would not need; `fraction` is the three digits.
    public static func refusesThreeDecimals<Digits: StringProtocol>(_ fraction: Digits, inUnit unit: String) -> Bool {
        guard refusesPointBeforeThreeDigits(inUnit: unit) else { return false }
        return UnitPlural.countsWholeThings(unit) || fraction.hasSuffix("0")
    }

    /// Why such a figure read as `decimal` is unlikely in `unit`: `person counts people (1.5 of
    /// them is unlikely)`, `EUR is money (seldom written to three decimals)`.
    public static func threeDecimalsUnlikely(_ decimal: String, inUnit unit: String) -> String {
        UnitPlural.countsWholeThings(unit) ? "\(unit) counts \(UnitPlural.of(unit.asciiLowercased)) (\(decimal) of them is unlikely)"
            : "\(unit) is money (seldom written to three decimals)"
    }

    /// Whether the value of a `--measure` has a scale word or words that make its points group
    /// thousands (`1.500 Mio. €`, `ruim 1.500`): a point in its number is then no decimal mark.
    public static func valueReadsPointsAsGrouping(_ text: String) -> Bool {
        guard let parts = parts(of: text) else { return false }
        let reading = FigureText.read(String(parts.value))
        return reading.scale != 0 || reading.continentalMarks
    }

    /// `QUANTITY=VALUE[:UNIT][@ENTITY]` cut at its marks as written; nil without `=`.
    private static func parts(of text: String) -> (quantity: Substring, value: Substring, unit: Substring?, entity: Substring?)? {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        var rest = text[text.index(after: equals)...]
        var entity: Substring?
        if let at = rest.lastIndex(of: "@") {
            entity = rest[rest.index(after: at)...]
            rest = rest[..<at]
        }
        guard let colon = rest.firstIndex(of: ":") else { return (text[..<equals], rest, nil, entity) }
        return (text[..<equals], rest[..<colon], rest[rest.index(after: colon)...], entity)
    }

    /// `1,3` and `0,15` as `1.3` and `0.15`: a comma that cannot be grouping thousands (not
    /// followed by exactly three digits) is a decimal comma, as French writes it. `1,300` could
    /// be either, and stays, to be refused.
    static func withDecimalComma(_ digits: String) -> String {
        let parts = digits.split(separator: ",", omittingEmptySubsequences: false)
        // `0,250`: after a lone 0 a comma can only be a decimal one.
        guard parts.count == 2, !digits.contains("."), !parts[1].isEmpty, parts[1].count != 3 || ["0", "-0"].contains(parts[0]),
              parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return digits }
        return parts[0] + "." + parts[1]
    }

    /// A quantity a text could mean: `salariés concernés` as `salaries-concernes` (accents
    /// dropped, anything else between words a hyphen); empty when nothing is left.
    static func quantitySuggestion(_ text: String) -> String {
        var result = ""
        for character in LatinFolding.folded(text) {
            if character.isASCII && (character.isLowercase || character.isNumber) {
                result.append(character)
            } else if !result.isEmpty && result.last != "-" {
                result.append("-")
            }
        }
        while result.last == "-" { result.removeLast() }
        return result
    }

    /// Lowercase ASCII letters, digits and '-', as the measures table requires.
    static func isQuantity(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// An event's figures after an edit's `--measure` values: each replaces the figures of its
    /// quantity (several of one quantity replace them together) and leaves the others as they
    /// were, with their sources; `QUANTITY=` removes that quantity's, and `''` alone removes all.
    /// A figure that restates one the event has (the same quantity, number, unit and qualifier,
    /// and entity if both name one) is that figure, with its entity (or the one it names, where
    /// the figure counted none), source and note; another comes from `source`, or from none.
    ///
    /// Given with a `source`, figures replace (and `QUANTITY=` removes) only those of their quantity
    /// that come from that source (`sourceKey`, its key when the timeline has it) or from none: another source's
    /// figure stays beside them, as a second source's claim does not erase the first's (`stats
    /// --sum` counts one of them, the correcting source's).
    /// Whether `given` restates `held`: the same quantity, number (`1.5` is `1.500`), unit (in
    /// any case of its ASCII letters, as saving compares units: `eur` is `EUR`), qualifier and
    /// approximation, and entity where both name one.
    public static func restates(_ given: Measure, _ held: Measure) -> Bool {
        guard given.quantity == held.quantity, given.qualifier == held.qualifier, given.approximate == held.approximate,
              given.entity == nil || held.entity == nil || given.entity == held.entity,
              given.unit.asciiLowercased == held.unit.asciiLowercased,
              let value = ExactDecimal(given.value), let old = ExactDecimal(held.value) else { return false }
        return value.isSameNumber(as: old)
    }

    public static func edit(_ figures: [Measure], with texts: [String], source: String?, sourceKey: String? = nil) throws -> [Measure] {
        func fromOtherSource(_ figure: Measure) -> Bool {
            guard let source, let figureSource = figure.source else { return false }
            return figureSource != source && figureSource != sourceKey
        }
        if texts == [""] { return [] }
        var replacements: [(quantity: String, figures: [Measure])] = []
        /// Other sources' figures (by index) restated with the entity they count.
        var entitiesNamed: [Int: String] = [:]
        for text in texts {
            if text.isEmpty {
                throw TimelineError(.usage, "--measure '' removes every figure, and goes alone; QUANTITY= removes the figures of one quantity.")
            }
            var quantity = text
            var given: Measure?
            if text.last == "=" {
                quantity.removeLast()
                guard isQuantity(quantity) else {
                    throw TimelineError(.usage, "--measure '\(text)' names no quantity to remove: write QUANTITY=, e.g. employees-laid-off=.")
                }
                guard figures.contains(where: { $0.quantity == quantity }) else {
                    let counted = Array(Set(figures.map(\.quantity))).sorted()
                    throw TimelineError(.usage, "--measure '\(text)' removes the figures of \(quantity), and the event has none"
                        + (counted.isEmpty ? "." : "; its figures count \(counted.joined(separator: ", "))."))
                }
                if let source, !figures.contains(where: { $0.quantity == quantity && !fromOtherSource($0) }) {
                    let sources = Array(Set(figures.filter { $0.quantity == quantity }.compactMap(\.source))).sorted()
                    throw TimelineError(.usage, "--measure '\(text)' with --source \(source) removes the figures of \(quantity) from that source, "
                        + "and the event has none; its figures of \(quantity) come from \(sources.joined(separator: ", ")) (give that --source, or none to remove them all).")
                }
                guard !texts.contains(where: { $0.hasPrefix(quantity + "=") && $0 != text }) else {
                    throw TimelineError(.usage, "--measure '\(text)' removes the figures of \(quantity), which another --measure gives; give the figures of \(quantity) to keep alone.")
                }
            } else {
                var figure = try parse(text)
                quantity = figure.quantity
                let restatedIndex = figures.firstIndex { Self.restates(figure, $0) }
                let restated = restatedIndex.map { figures[$0] }
                if let restatedIndex, let restated, fromOtherSource(restated) {
                    // Another source's figure, which stays: the same number again is no new one.
                    // The entity it names, where that figure named none, is what it counts.
                    if restated.entity == nil, let entity = figure.entity { entitiesNamed[restatedIndex] = entity }
                    if !replacements.contains(where: { $0.quantity == quantity }) { replacements.append((quantity, [])) }
                    continue
                } else if let restated {
                    figure.entity = figure.entity ?? restated.entity
                    figure.note = restated.note
                    figure.source = restated.source ?? source
                } else {
                    figure.source = source
                    // A corrected number counts what the figures it replaces counted (an import's
                    // figures count the record's first entity), unless it names another.
                    if figure.entity == nil {
                        // Else what another source's figures of the quantity count (a second
                        // article's number for the same layoff).
                        let replaced = figures.filter { $0.quantity == figure.quantity && !fromOtherSource($0) }
                        let counting = replaced.isEmpty ? figures.filter { $0.quantity == figure.quantity } : replaced
                        if let counted = counting.first?.entity, counting.allSatisfy({ $0.entity == counted }) { figure.entity = counted }
                    }
                }
                given = figure
            }
            if let index = replacements.firstIndex(where: { $0.quantity == quantity }) {
                if let given { replacements[index].figures.append(given) }
            } else {
                replacements.append((quantity, given.map { [$0] } ?? []))
            }
        }
        // Each quantity's new figures follow its last old one (after those of other sources that
        // stay); new quantities go last.
        var result: [Measure] = []
        var placed = Set<String>()
        var lastIndex: [String: Int] = [:]
        for (index, figure) in figures.enumerated() { lastIndex[figure.quantity] = index }
        for (index, figure) in figures.enumerated() {
            guard let replacement = replacements.first(where: { $0.quantity == figure.quantity }) else {
                result.append(figure)
                continue
            }
            // Another source's figure stays, removed or replaced: `QUANTITY=` with a source takes
            // out that source's figures only, as a figure given with one replaces only those.
            if fromOtherSource(figure) {
                var kept = figure
                if let entity = entitiesNamed[index] { kept.entity = entity }
                result.append(kept)
            }
            if index == lastIndex[figure.quantity] {
                placed.insert(figure.quantity)
                result += replacement.figures
            }
        }
        for replacement in replacements where !placed.contains(replacement.quantity) {
            result += replacement.figures
        }
        return result
    }
}
