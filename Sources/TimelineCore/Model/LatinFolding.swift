/// Accented Latin letters and ligatures to their ASCII bases: for slugs, the search index's view of
/// text, and words compared as people type them, with or without accents.
enum LatinFolding {
    static let base: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđð", "d"), ("ĎĐÐ", "D"),
            ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "G"), ("ĥħ", "h"), ("ĤĦ", "H"),
            ("ìíîïĩīĭįı", "i"), ("ÌÍÎÏĨĪĬĮİ", "I"), ("ĵ", "j"), ("Ĵ", "J"), ("ķ", "k"), ("Ķ", "K"),
            ("ĺļľŀł", "l"), ("ĹĻĽĿŁ", "L"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"),
            ("ŕŗř", "r"), ("ŔŖŘ", "R"), ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ţťŧț", "t"), ("ŢŤŦȚ", "T"),
            ("ùúûüũūŭůűų", "u"), ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ŵ", "w"), ("Ŵ", "W"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"),
            ("źżž", "z"), ("ŹŻŽ", "Z"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = base }
        }
        table[0xE6] = "ae"; table[0xC6] = "AE"; table[0x153] = "oe"; table[0x152] = "OE"; table[0xDF] = "ss"
        table[0xFE] = "th"; table[0xDE] = "TH"  // þ, Þ: `Þór` is `thor`
        return table
    }()

    /// Lowercase with accents removed, decomposed ones too (`Prévu`, `pre\u{301}vu` are `prevu`).
    static func folded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let base = base[scalar.value] {
                result += base.lowercased()
            } else if scalar.properties.generalCategory != .nonspacingMark {
                result += String(scalar).lowercased()
            }
        }
        return result
    }
}
