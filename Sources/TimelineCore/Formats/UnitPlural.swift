/// The English plural of a unit of count (`person` → `people`, `city` → `cities`), for figures
/// printed for people to read.
///
/// Units are free text: only a lowercase word that is clearly a noun is changed. Codes and
/// abbreviations (`USD`, `km`, `MWh`, `usd`) and words that already end in `s` are left as
/// they are; of a hyphenated or spaced unit (`square-metre`) the last word takes the plural.
enum UnitPlural {
    /// Words whose plural is not made by a rule.
    private static let irregular: [String: String] = [
        "person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet",
        "tooth": "teeth", "mouse": "mice", "percent": "percent", "aircraft": "aircraft",
        "sheep": "sheep", "staff": "staff", "equipment": "equipment", "fish": "fish",
        "personnel": "personnel", "headcount": "headcount", "information": "information",
        "hertz": "hertz", "lux": "lux", "ppm": "ppm",
    ]

    /// Three-letter nouns of count: shorter words are mostly codes (`usd`, `eur`, `kwh`), so a
    /// three-letter unit takes a plural only when it is one of these.
    private static let threeLetterNouns: Set<String> = [
        "job", "day", "car", "bed", "app", "ton", "kit", "van", "lot", "cow", "pig", "egg", "key",
        "cup", "bag", "box", "bus", "gun", "hen", "bit",
    ]

    static func of(_ unit: String) -> String {
        let separator = unit.lastIndex { $0 == "-" || $0 == " " }
        let head = separator.map { unit[...$0] } ?? ""
        let word = separator.map { unit[unit.index(after: $0)...] } ?? Substring(unit)
        guard let plural = plural(of: String(word)) else { return unit }
        return head + plural
    }

    private static func plural(of word: String) -> String? {
        if let irregular = irregular[word] { return irregular }
        let letters = Array(word.utf8)
        guard letters.count >= 3, letters.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
              letters.contains(where: isVowel), !word.hasSuffix("s") else { return nil }
        if letters.count == 3 && !threeLetterNouns.contains(word) { return nil }
        let last = letters[letters.count - 1]
        let beforeLast = letters[letters.count - 2]
        if last == UInt8(ascii: "y") && !isVowel(beforeLast) { return word.dropLast() + "ies" }
        if last == UInt8(ascii: "x") || last == UInt8(ascii: "z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            return word + "es"
        }
        return word + "s"
    }

    private static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): true
        default: false
        }
    }
}
