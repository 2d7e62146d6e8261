/// Cyrillic and Greek letters to Latin ones, for slugs: `Яндекс` and `ЯНДЕКС` both become
/// `yandeks`, so entities in those scripts get readable slugs, and are found again whatever the
/// case of the name (SQLite's NOCASE folds ASCII letters only; the slug a name would get is one of
/// the ways an entity is looked up). Simple, reversible-enough schemes (in the spirit of the
/// common passport and ELOT romanisations), not any one standard: a slug needs to be stable and
/// readable, not exact.
enum Transliteration {
    static let latin: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        func add(_ lowercase: String, _ uppercase: String, _ latin: [String]) {
            for (scalars, case_) in [(Array(lowercase.unicodeScalars), "lower"), (Array(uppercase.unicodeScalars), "upper")] {
                precondition(scalars.count == latin.count, "\(case_) letters and their Latin forms must pair up")
                for (scalar, text) in zip(scalars, latin) { table[scalar.value] = text }
            }
        }
        // Russian.
        add("абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
            ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
             "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"])
        // Ukrainian, Belarusian, Serbian and Macedonian letters beyond those.
        add("єіїґўђјљњћџѓќѕ", "ЄІЇҐЎЂЈЉЊЋЏЃЌЅ",
            ["ye", "i", "yi", "g", "u", "dj", "j", "lj", "nj", "c", "dz", "gj", "kj", "dz"])
        // Greek, with its accented vowels.
        add("αβγδεζηθικλμνξοπρστυφχψω", "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ",
            ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "t", "y", "f",
             "ch", "ps", "o"])
        add("άέήίόύώϊϋΐΰ", "ΆΈΉΊΌΎΏΪΫΐΰ", ["a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y"])
        table[0x3C2] = "s"  // ς, final sigma
        return table
    }()
}
