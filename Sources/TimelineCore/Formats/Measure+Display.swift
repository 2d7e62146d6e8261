extension Measure {
    /// `159 people`, `-99,000 people`, `about 3,900,000,000 USD`, `more than 125 offices`: the
    /// value with its qualifier, and the unit as English counts it (`1 person`, `2 people`). In
    /// French, `environ 3 900 000 000 USD`, `plus de 125 office`: French words and digits, the
    /// unit as stored (the timeline's word, which English plurals would not make French).
    public func display(_ language: DateDisplayLanguage = .english) -> String {
        display(language, unitText: language == .english && !Self.isOne(value) ? UnitPlural.of(unit) : unit)
    }

    /// What the figure counts, then its value: `employees laid off: 159 people`; only the value
    /// where the quantity just repeats the unit (`50 states`, `767,000 members`).
    public func labelledDisplay(_ language: DateDisplayLanguage = .english) -> String {
        let plural = UnitPlural.of(unit)
        let shown = display(language, unitText: language == .english && !Self.isOne(value) ? plural : unit)
        if Self.sameWords(quantity, unit) || Self.sameWords(quantity, plural) { return shown }
        return Self.hyphensAsSpaces(quantity) + (language == .french ? "\u{a0}: " : ": ") + shown
    }

    // On bytes throughout: figures are printed for every row of a list.
    private func display(_ language: DateDisplayLanguage, unitText: String) -> String {
        let text = Self.qualifierWords(qualifier, approximate: approximate, language)
        // A share of a whole reads as a percentage (`0.15 fraction` is `15%`), in any case the
        // unit was first saved in (later figures take that spelling).
        if unit.utf8.count == 8, unit.lowercased() == "fraction", let percentage = Self.percentage(ofFraction: value) {
            return text + (language == .french ? Self.frenchNumber(percentage.dropLast()) + "\u{202F}%" : percentage)
        }
        let number = language == .french ? Self.frenchNumber(Self.groupThousands(value)) : Self.groupThousands(value)
        return text + number + " " + unitText
    }

    /// The words before a value, with their space: `about `, `more than `, and for a bound that is
    /// itself an estimate both, `more than about ` (French `plus d’environ `: `de` elides before a
    /// vowel); the empty text for an exact value.
    static func qualifierWords(_ qualifier: String?, approximate: Bool, _ language: DateDisplayLanguage) -> String {
        let estimate = approximate ? (language == .french ? "environ " : "about ") : ""
        guard let qualifier else { return estimate }
        let bound = (language == .french ? frenchQualifier(qualifier) : nil) ?? hyphensAsSpaces(qualifier)
        if approximate, language == .french, bound.hasSuffix(" de") { return bound.dropLast(2) + "d’" + estimate }
        return bound + " " + estimate
    }

    /// `more-than` → `plus de`, …; nil for a qualifier the timeline does not know.
    static func frenchQualifier(_ qualifier: String) -> String? {
        switch qualifier {
        case "more-than": "plus de"
        case "less-than": "moins de"
        case "up-to": "jusqu’à"
        case "at-least": "au moins"
        default: nil
        }
    }

    /// A number grouped the English way written the French way: `3,900,000.50` → `3 900 000,50`,
    /// with narrow no-break spaces between the groups and a decimal comma.
    static func frenchNumber<Text: StringProtocol>(_ english: Text) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(english.utf8.count + 8)
        for byte in english.utf8 {
            switch byte {
            case UInt8(ascii: ","): bytes.append(contentsOf: [0xE2, 0x80, 0xAF])  // U+202F
            case UInt8(ascii: "."): bytes.append(UInt8(ascii: ","))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
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

extension Measure {
    /// An event's figures in one line, as `list` writes them without a limit and the
    /// timeline_events view shows them: `deal value: about 3,900,000,000 USD; 188 offices`; the
    /// empty text when there are none.
    static func labelledList(_ measures: [Measure]) -> String {
        measures.map { $0.labelledDisplay() }.joined(separator: "; ")
    }
}
