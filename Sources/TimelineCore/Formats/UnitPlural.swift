/// The English plural of a unit of count (`person` → `people`, `city` → `cities`), for figures
/// printed for people to read.
///
/// Units are free text: only a lowercase word that is clearly a noun is changed. Codes and
/// abbreviations (`USD`, `km`, `MWh`, `usd`) and words that already end in `s` are left as
/// they are; of a hyphenated or spaced unit (`square-metre`) the last word takes the plural.
public enum UnitPlural {
    /// Words whose plural is not made by a rule. (Arrays, not a dictionary and a set: the first
    /// dictionary a static binary uses makes it scan every protocol conformance, a cost a plain
    /// `list` should not pay for a few words.)
    private static let irregular: [(singular: String, plural: String)] = [
        ("person", "people"), ("people", "people"), ("man", "men"), ("woman", "women"), ("child", "children"), ("foot", "feet"),
        ("tooth", "teeth"), ("mouse", "mice"), ("percent", "percent"), ("aircraft", "aircraft"),
        ("sheep", "sheep"), ("staff", "staff"), ("equipment", "equipment"), ("fish", "fish"),
        ("personnel", "personnel"), ("headcount", "headcount"), ("information", "information"),
        ("hertz", "hertz"), ("lux", "lux"), ("ppm", "ppm"),
        // After a number, English counts in them unchanged (`85.5 BRL-million`, `2 million`).
        ("thousand", "thousand"), ("million", "million"), ("billion", "billion"), ("trillion", "trillion"),
        ("hundred", "hundred"), ("dozen", "dozen"),
    ]

    /// Three-letter nouns of count: shorter words are mostly codes (`usd`, `eur`, `kwh`), so a
    /// three-letter unit takes a plural only when it is one of these.
    private static let threeLetterNouns = [
        "job", "day", "car", "bed", "app", "ton", "kit", "van", "lot", "cow", "pig", "egg", "key",
        "cup", "bag", "box", "gun", "hen", "bit", "hub", "pub", "bar", "cab", "jet", "rig", "lab", "dam",
    ]

    /// Units of measure, time and money that English counts with a plural but in fractions too
    /// (1.5 kilometres, 2.5 days): not things that come whole.
    private static let measuresInFractions = [
        "foot", "metre", "meter", "kilometre", "kilometer", "centimetre", "centimeter", "millimetre", "millimeter", "mile", "inch", "yard",
        "litre", "liter", "gallon", "barrel", "gram", "kilogram", "tonne", "ton", "pound", "ounce", "acre", "hectare",
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "watt", "kilowatt", "megawatt", "gigawatt",
        "degree", "point", "dollar", "euro", "franc", "peso", "rupee", "yuan", "rouble", "ruble", "lira", "krona", "krone",
        "real", "rand", "shekel", "dirham", "dinar", "riyal", "ringgit", "baht", "won", "zloty", "forint", "koruna", "unit",
    ]

    /// Words of count that are their own plural, or a plural already.
    private static let countsInTheirOwnPlural = ["people", "staff", "personnel", "headcount"]

    /// Whether a unit counts things that come whole (`person`, `store`, `job`, `warehouse`, and
    /// given in the plural or in capitals, `workers`, `Person`): a noun English puts in the
    /// plural, not a unit of measure, time or money, nor a code, a percentage or a number word.
    public static func countsWholeThings(_ unit: String) -> Bool {
        // Units are compared in any case of ASCII letters, as saving does.
        let lowered = unit.asciiLowercased
        let word = lowered.utf8.lastIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") })
            .map { String(lowered[lowered.utf8.index(after: $0)...]) } ?? lowered
        if countsInTheirOwnPlural.contains(word) { return true }
        func isSingularOfCount(_ word: String) -> Bool {
            guard let plural = plural(of: word), plural != word else { return false }
            return !measuresInFractions.contains(word)
        }
        if isSingularOfCount(word) { return true }
        // A plural (`workers`, `cities`, `boxes`, `persons`): its singular's.
        var singulars: [String] = []
        if word.hasSuffix("s") { singulars.append(String(word.dropLast())) }
        if word.hasSuffix("es") { singulars.append(String(word.dropLast(2))) }
        if word.hasSuffix("ies") { singulars.append(String(word.dropLast(3)) + "y") }
        return singulars.contains { singular in
            isSingularOfCount(singular) && (plural(of: singular) == word || singular + "s" == word)
        }
    }

    public static func of(_ unit: String) -> String {
        // Split on the bytes, and join Strings as Strings: `Substring + String` is generic, and
        // its first use makes a static binary look up conformances at run time (0.3M
        // instructions in a plain `list`).
        let bytes = unit.utf8
        guard let separator = bytes.lastIndex(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }) else {
            return plural(of: unit) ?? unit
        }
        let wordStart = bytes.index(after: separator)
        guard let plural = plural(of: String(unit[wordStart...])) else { return unit }
        return String(unit[..<wordStart]) + plural
    }

    private static func plural(of word: String) -> String? {
        let letters = Array(word.utf8)
        guard letters.count >= 3, letters.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return nil }
        if let irregular = irregular.first(where: { $0.singular == word }) { return irregular.plural }
        let last = letters[letters.count - 1]
        let beforeLast = letters[letters.count - 2]
        // `analysis` → `analyses`, `business` → `businesses`; other words in `s` may be plural already.
        if word.hasSuffix("sis") && letters.count > 4 { return String(word.dropLast(2)) + "es" }
        if word.hasSuffix("ss") && letters.contains(where: isVowel) { return word + "es" }
        guard letters.contains(where: isVowel), last != UInt8(ascii: "s") else { return nil }
        if letters.count == 3 && !threeLetterNouns.contains(word) { return nil }
        if last == UInt8(ascii: "y") && !isVowel(beforeLast) { return String(word.dropLast()) + "ies" }
        if last == UInt8(ascii: "x") || last == UInt8(ascii: "z")
            || (last == UInt8(ascii: "h") && (beforeLast == UInt8(ascii: "c") || beforeLast == UInt8(ascii: "s"))) {
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
