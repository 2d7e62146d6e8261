/// Reads a figure written on the command line: `QUANTITY=VALUE:UNIT[@ENTITY]`,
/// e.g. `employees-laid-off=159:person@amazon-care` or `deal-value=3900000000:USD`.
public enum MeasureSpecification {
    public static func parse(_ text: String) throws -> Measure {
        func fail(_ reason: String) -> TimelineError {
            TimelineError(.usage, "--measure '\(text)' \(reason); write QUANTITY=VALUE:UNIT[@ENTITY], e.g. employees-laid-off=159:person@amazon-care.")
        }
        guard let equals = text.firstIndex(of: "=") else { throw fail("has no '='") }
        let quantity = String(text[..<equals])
        var rest = text[text.index(after: equals)...]
        var entity: String?
        if let at = rest.lastIndex(of: "@") {
            entity = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
            if entity?.isEmpty == true { throw fail("names no entity after '@'") }
        }
        guard let colon = rest.firstIndex(of: ":") else { throw fail("has no unit") }
        let valueText = String(rest[..<colon])
        let unit = String(rest[rest.index(after: colon)...])
        guard !quantity.isEmpty, quantity.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw fail("has a quantity that is not lowercase letters, digits and '-'")
        }
        guard !unit.isEmpty else { throw fail("has an empty unit") }
        var approximate = false
        var digits = valueText
        if digits.hasPrefix("~") {
            approximate = true
            digits.removeFirst()
        }
        guard let value = ExactDecimal(digits) else {
            throw fail("has '\(valueText)', which is not an exact decimal number")
        }
        return Measure(quantity: quantity, value: value.description, unit: unit, entity: entity, approximate: approximate)
    }
}
