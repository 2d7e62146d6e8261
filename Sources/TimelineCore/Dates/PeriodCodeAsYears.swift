/// EDTF's season, quarter and half-year codes that read as a span of years in prose: `2019-22`
/// is summer 2019 in EDTF, and 2019 to 2022 to most readers. The date is kept as EDTF says;
/// what reads both ways is noted, with what to write for the years.
public struct PeriodCodeAsYears: Sendable, Equatable {
    /// `summer`, `Q1`, `H2`.
    public let period: String
    public let year: Int
    /// The year the code reads as in prose (`2022` for `2019-22`).
    public let end: Int
    /// The qualifier after the code (`~`, `?`, `%`), or empty.
    public let qualifier: String

    private static let periods = ["21": "spring", "22": "summer", "23": "autumn", "24": "winter", "33": "Q1", "34": "Q2", "35": "Q3",
                                  "36": "Q4", "40": "H1", "41": "H2"]

    private static let periodNumbers = Set(periods.keys.compactMap { Int($0) })

    /// The reading of `text` as years, when it is such a code and the two digits make a later year
    /// of the same century (`1998-22` is no span); nil otherwise.
    public static func reading(of text: String) -> PeriodCodeAsYears? {
        // Cheap first: an import asks of every date.
        let count = text.utf8.count
        guard count >= 7 && count <= 8 else { return nil }
        let qualifier = String(text.reversed().prefix { "~?%".contains($0) }.reversed())
        let code = text.dropLast(qualifier.count)
        guard code.utf8.count == 7, code.dropFirst(4).first == "-", let year = Int(code.prefix(4)), code.prefix(4).allSatisfy(\.isASCII),
              let period = periods[String(code.suffix(2))], let digits = Int(code.suffix(2)) else { return nil }
        let end = year / 100 * 100 + digits
        guard end > year else { return nil }
        return PeriodCodeAsYears(period: period, year: year, end: end, qualifier: qualifier)
    }

    /// The reading of `text` as years, as `reading(of:)`, also when words the date reader takes
    /// come before the code (`c. 2019-22`, `vers 2019-22`, `~2019-22`): the reader says what the
    /// words mean (approximate, uncertain), and the code must be in the text as written.
    public static func reading(in text: String) -> PeriodCodeAsYears? {
        if let reading = reading(of: text) { return reading }
        guard text.utf8.count > 7, endsWithCode(text), let edtf = try? TimelineDate.parse(text, context: DateParsingContext()).edtf,
              let reading = reading(of: edtf), text.contains(edtf.prefix(7)) else { return nil }
        return reading
    }

    /// Whether `text` ends with four digits, `-` and a season, quarter or half-year number (a
    /// qualifier after them aside): bytes only, as an import asks of most of its dates.
    private static func endsWithCode(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        while let last = bytes.last, last == UInt8(ascii: "~") || last == UInt8(ascii: "?") || last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
        // The last seven bytes, from the last: two digits, '-', four digits.
        var position = 6
        var number = 0
        for byte in bytes.reversed().prefix(7) {
            if position == 4 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                guard (0x30...0x39).contains(byte) else { return false }
                if position == 6 { number += Int(byte - 0x30) } else if position == 5 { number += Int(byte - 0x30) * 10 }
            }
            position -= 1
        }
        guard position == -1 else { return false }
        return periodNumbers.contains(number)
    }

    /// `summer 2019, approximate`.
    public var periodName: String {
        let qualified = ["~": ", approximate", "?": ", uncertain", "%": ", approximate and uncertain"][qualifier] ?? ""
        return "\(period) \(year)\(qualified)"
    }

    /// `2019~/2022~`: what to write for the years.
    public var yearsForm: String { "\(year)\(qualifier)/\(end)\(qualifier)" }
}
