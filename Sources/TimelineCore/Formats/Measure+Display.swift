extension Measure {
    /// `159 people`, `-99,000 people`, `about 3,900,000,000 USD`, `more than 125 offices`: the
    /// value with its qualifier, and the unit as English counts it (`1 person`, `2 people`).
    public func display() -> String {
        var text = ""
        if let qualifier {
            text += qualifier.replacingHyphens() + " "
        } else if approximate {
            text += "about "
        }
        let unitText = Self.isOne(value) ? unit : UnitPlural.of(unit)
        return text + Self.groupThousands(value) + " " + unitText
    }

    /// What the figure counts, then its value: `employees laid off: 159 people`; only the value
    /// where the quantity just repeats the unit (`50 states`, `767,000 members`).
    public func labelledDisplay() -> String {
        let label = quantity.replacingHyphens()
        let words = unit.replacingHyphens()
        if label == words || label == UnitPlural.of(words) { return display() }
        return label + ": " + display()
    }

    /// Whether a decimal text is plus or minus one (`1`, `-1`, `1.0`), which counts in the singular.
    static func isOne(_ value: String) -> Bool {
        var digits = Substring(value)
        if digits.hasPrefix("-") || digits.hasPrefix("+") { digits = digits.dropFirst() }
        if let dot = digits.firstIndex(of: ".") {
            guard digits[digits.index(after: dot)...].allSatisfy({ $0 == "0" }) else { return false }
            digits = digits[..<dot]
        }
        return digits.drop { $0 == "0" } == "1"
    }

    /// Digits grouped in threes with commas: `3900000000` → `3,900,000,000`; decimals untouched.
    static func groupThousands(_ value: String) -> String {
        var integerPart = Substring(value)
        var sign = ""
        if integerPart.hasPrefix("-") {
            sign = "-"
            integerPart = integerPart.dropFirst()
        }
        var fraction = ""
        if let dot = integerPart.firstIndex(of: ".") {
            fraction = String(integerPart[dot...])
            integerPart = integerPart[..<dot]
        }
        var grouped = ""
        for (index, digit) in integerPart.enumerated() {
            if index > 0 && (integerPart.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + fraction
    }
}

extension String {
    fileprivate func replacingHyphens() -> String {
        String(map { $0 == "-" ? " " : $0 })
    }
}
