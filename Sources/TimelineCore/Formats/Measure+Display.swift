extension Measure {
    /// `159 people`, `-99,000 people`, `about 3,900,000,000 USD`, `more than 125 offices`: the
    /// value with its qualifier, and the unit as English counts it (`1 person`, `2 people`).
    public func display() -> String {
        display(unitText: Self.isOne(value) ? unit : UnitPlural.of(unit))
    }

    /// What the figure counts, then its value: `employees laid off: 159 people`; only the value
    /// where the quantity just repeats the unit (`50 states`, `767,000 members`).
    public func labelledDisplay() -> String {
        let plural = UnitPlural.of(unit)
        let shown = display(unitText: Self.isOne(value) ? unit : plural)
        if Self.sameWords(quantity, unit) || Self.sameWords(quantity, plural) { return shown }
        return Self.hyphensAsSpaces(quantity) + ": " + shown
    }

    // On bytes throughout: figures are printed for every row of a list.
    private func display(unitText: String) -> String {
        var text = ""
        if let qualifier {
            text += Self.hyphensAsSpaces(qualifier) + " "
        } else if approximate {
            text += "about "
        }
        // A share of a whole reads as a percentage (`0.15 fraction` is `15%`).
        if unit == "fraction", let percentage = Self.percentage(ofFraction: value) { return text + percentage }
        return text + Self.groupThousands(value) + " " + unitText
    }

    /// Whether a decimal text is the whole number one, plus or minus (`1`, `-1`): English counts
    /// it in the singular, and anything else, `1.0` and `0.5` too, in the plural.
    static func isOne(_ value: String) -> Bool {
        var bytes = Substring(value).utf8
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let digits = bytes.drop { $0 == UInt8(ascii: "0") }
        return digits.count == 1 && digits.first == UInt8(ascii: "1")
    }

    /// A value in the unit `fraction` as a percentage: `0.01` → `1%`, `0.125` → `12.5%` (the
    /// decimal point moved, never a binary float).
    static func percentage(ofFraction value: String) -> String? {
        var bytes = Array(value.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        guard !bytes.isEmpty, bytes.allSatisfy({ ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".") }),
              bytes.filter({ $0 == UInt8(ascii: ".") }).count <= 1 else { return nil }
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var integer = Array(bytes[..<dot])
        var fraction = dot < bytes.count ? Array(bytes[(dot + 1)...]) : []
        while fraction.count < 2 { fraction.append(UInt8(ascii: "0")) }
        integer += fraction.prefix(2)
        fraction.removeFirst(2)
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        while integer.count > 1 && integer.first == UInt8(ascii: "0") { integer.removeFirst() }
        let text = String(decoding: integer, as: UTF8.self) + (fraction.isEmpty ? "" : "." + String(decoding: fraction, as: UTF8.self))
        return (negative ? "-" : "") + groupThousands(text) + "%"
    }

    /// `employees-laid-off` → `employees laid off`.
    static func hyphensAsSpaces(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    /// The same words, a hyphen and a space counting as one (`cities-before`, `cities before`).
    static func sameWords(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) { x, y in
            x == y || ((x == UInt8(ascii: "-") || x == UInt8(ascii: " ")) && (y == UInt8(ascii: "-") || y == UInt8(ascii: " ")))
        }
    }

    /// Digits grouped in threes with commas: `3900000000` → `3,900,000,000`; decimals untouched.
    static func groupThousands(_ value: String) -> String {
        let bytes = Array(value.utf8)
        let start = bytes.first == UInt8(ascii: "-") ? 1 : 0
        let end = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        let digits = end - start
        guard digits > 3 else { return value }
        var grouped: [UInt8] = []
        grouped.reserveCapacity(bytes.count + digits / 3)
        grouped.append(contentsOf: bytes[..<start])
        for index in start..<end {
            if index > start && (end - index) % 3 == 0 { grouped.append(UInt8(ascii: ",")) }
            grouped.append(bytes[index])
        }
        grouped.append(contentsOf: bytes[end...])
        return String(decoding: grouped, as: UTF8.self)
    }
}
