extension Measure {
    /// `159 person`, `-99,000 person`, `about 3,900,000,000 USD`, `more than 125 office`.
    public func display() -> String {
        var text = ""
        if let qualifier {
            text += qualifier.replacingHyphens() + " "
        } else if approximate {
            text += "about "
        }
        return text + Self.groupThousands(value) + " " + unit
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
