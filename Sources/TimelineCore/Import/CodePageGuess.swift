/// A guess at the 8-bit code page of text that is not UTF-8, for the hint that names the
/// `iconv` command converting it. Each candidate reads the bytes that are no UTF-8 as its
/// characters, and is scored by the one of its languages that explains them best: each letter
/// that language writes scores (Cyrillic and Greek ones by how often), each it does not write
/// costs; a capital after a small letter in one word, a word of two alphabets, a sign inside a
/// word or a third marked Latin letter in a row cost whatever the language. A text is one
/// language's: Czech read as Windows-1252 gives `ø` beside `á`, letters of no one language
/// together, while French read as Windows-1250 gives `ů` alone, as Czech has it, and the tie
/// goes to the most written code page. Windows-1251 and KOI8-R hold the same letters, capitals
/// and small letters swapped, so a mixed-case word tells them apart, and letter frequencies
/// tell words in capitals.
struct CodePageGuess {
    /// What the guess names: the code page as `iconv` knows it, and what it is for.
    struct CodePage {
        let iconv: String
        let described: String
        /// The characters of bytes 0x80 to 0xFF (0 where the code page has none).
        let scalars: [UInt16]
        /// For each language written in it, the letters above ASCII it writes (both cases),
        /// with their weight.
        let languages: [[UInt32: Int]]

        /// `languages`: each language's letters, in small letters, all of weight 4.
        init(iconv: String, described: String, scalars: [UInt16], languages: [String]) {
            self.init(iconv: iconv, described: described, scalars: scalars, weighted: languages.map { [($0, 4)] })
        }

        /// `weighted`: each language's letters by weight (a Cyrillic letter often written 4, …).
        init(iconv: String, described: String, scalars: [UInt16], weighted: [[(letters: String, weight: Int)]]) {
            self.iconv = iconv
            self.described = described
            self.scalars = scalars
            languages = weighted.map { groups in
                var weights: [UInt32: Int] = [:]
                for (letters, weight) in groups {
                    for scalar in letters.unicodeScalars + letters.uppercased().unicodeScalars where scalar.value >= 0x80 {
                        weights[scalar.value] = weight
                    }
                }
                return weights
            }
        }

        func scalar(of byte: UInt8) -> Unicode.Scalar? {
            byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(UInt32(scalars[Int(byte) - 0x80])).flatMap { $0.value == 0 ? nil : $0 }
        }
    }

    /// The candidates, in the order that settles a tie (the most written first).
    static let candidates: [CodePage] = [
        CodePage(iconv: "WINDOWS-1252", described: "Latin-1 or Windows-1252", scalars: windows1252, weighted: [
            [("éèàùâêîôûëïüÿçœæ", 4)],  // French
            [("äöüß", 4)],  // German
            [("áéíóúñüç", 4)],  // Spanish
            [("áéíóúâêôãõàç", 4)],  // Portuguese
            [("àèéìòùíóúï", 4)],  // Italian
            [("àèéíïòóúüç", 4)],  // Catalan
            [("æøåéóüö", 4)],  // Danish, Norwegian
            [("åäöéü", 4)],  // Swedish, Finnish
            // Icelandic, whose ð and þ are bytes other code pages give to the letters of more
            // written languages (Turkish ğ and ş, Croatian đ): less evidence.
            [("áéíóúýæö", 4), ("ðþ", 2)],
            [("éëïèöüáóú", 4)],  // Dutch, Afrikaans
            [("õäöüšž", 4)],  // Estonian
        ]),
        CodePage(iconv: "WINDOWS-1250", described: "Windows-1250, Central European", scalars: windows1250, weighted: [
            [("áčďéěíňóřšťúůýž", 4)],  // Czech
            [("áäčďéíĺľňóôŕšťúýž", 4)],  // Slovak
            [("ąćęłńóśźż", 4)],  // Polish
            [("áéíóöőúüű", 4)],  // Hungarian
            [("čćđšž", 4)],  // Croatian, Bosnian, Serbian, Slovene
            // Romanian, whose ş and ţ are the bytes of Turkish ş: less evidence.
            [("ăâî", 4), ("şţ", 2)],
            [("ëç", 4)],  // Albanian
        ]),
        CodePage(iconv: "WINDOWS-1254", described: "Windows-1254, Turkish", scalars: windows1254, languages: [
            "çğıöşüâîûİ",  // Turkish
        ]),
        CodePage(iconv: "WINDOWS-1257", described: "Windows-1257, Baltic", scalars: windows1257, languages: [
            "āčēģīķļņšūž",  // Latvian
            "ąčęėįšųūž",  // Lithuanian
        ]),
        CodePage(iconv: "WINDOWS-1251",
                 described: "Windows-1251 (Cyrillic) or another alphabet's code page (WINDOWS-1255 Hebrew, WINDOWS-1256 Arabic, …)",
                 scalars: windows1251, weighted: [cyrillic]),
        CodePage(iconv: "KOI8-R", described: "KOI8-R, Cyrillic", scalars: koi8R, weighted: [cyrillic]),
        CodePage(iconv: "WINDOWS-1253", described: "Windows-1253, Greek", scalars: windows1253, weighted: [greek]),
    ]

    /// Russian, Ukrainian, Bulgarian and Serbian letters by how often they are written.
    private static let cyrillic: [(letters: String, weight: Int)] = [
        ("оеаинтсрвлкмдпуі", 4), ("яыьгзбчйхжшюїєјљњ", 2), ("цщэфъёґўђѓќћџ", 1),
    ]
    /// Greek letters by how often they are written (with their accents).
    private static let greek: [(letters: String, weight: Int)] = [
        ("αεοιτνσςηκπρυμλάέίόήύώ", 4), ("γδθχφβωξζψϊϋΐΰ", 2),
    ]

    /// The candidate that reads the bytes marked `stray` (bytes of no UTF-8 sequence) best. The
    /// first, the most written, unless another reads them better by more than a rare letter:
    /// two stray signs (`þÿ`) are no evidence of another code page.
    static func likely(_ bytes: UnsafeBufferPointer<UInt8>, stray: [Bool]) -> CodePage {
        var best = candidates[0]
        let firstScore = score(of: best, reading: bytes, stray: stray)
        var bestScore = firstScore
        for candidate in candidates.dropFirst() {
            let score = score(of: candidate, reading: bytes, stray: stray)
            if score > bestScore && score > firstScore + 1 {
                best = candidate
                bestScore = score
            }
        }
        return best
    }

    /// A candidate that reads the stray bytes as letters of a language, better than `named` does
    /// by more than a common letter, else nil: the code page a file was said to be in makes no one
    /// language's words of them, and another does. (A stray sign or two is no evidence either way:
    /// the code page named is taken at its word.)
    static func better(than named: CodePage, _ bytes: UnsafeBufferPointer<UInt8>, stray: [Bool]) -> CodePage? {
        let namedScore = score(of: named, reading: bytes, stray: stray)
        var best: (page: CodePage, score: Int)?
        for candidate in candidates where candidate.iconv != named.iconv {
            let score = score(of: candidate, reading: bytes, stray: stray)
            if score > 0, score > namedScore + 4, score > (best?.score ?? Int.min) { best = (candidate, score) }
        }
        return best?.page
    }

    private enum Script { case latin, cyrillic, greek, other }

    private static func script(of scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: .latin
        case 0x400...0x52F: .cyrillic
        case 0x370...0x3FF: .greek
        default: .other
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter: true
        default: false
        }
    }

    private static func score(of page: CodePage, reading bytes: UnsafeBufferPointer<UInt8>, stray: [Bool]) -> Int {
        // A neighbour: ASCII or a stray byte as this page reads it; nil for a UTF-8 sequence's bytes.
        func scalar(at index: Int) -> Unicode.Scalar? {
            guard index >= 0, index < bytes.count else { return nil }
            return bytes[index] < 0x80 || stray[index] ? page.scalar(of: bytes[index]) : nil
        }
        // What two letters side by side cost: a capital after a small letter, two alphabets.
        func cost(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
            guard isLetter(first), isLetter(second) else { return 0 }
            var cost = 0
            if first.properties.isLowercase && second.properties.isUppercase { cost += 4 }
            if script(of: first) != script(of: second) { cost += 4 }
            return cost
        }
        // What costs whatever the language; and what each language makes of the letters.
        var score = 0
        var letters = [Int](repeating: 0, count: page.languages.count)
        for index in 0..<bytes.count where stray[index] {
            guard let character = page.scalar(of: bytes[index]) else {
                // A byte the code page has no character for.
                score -= 4
                continue
            }
            let previous = scalar(at: index - 1), next = scalar(at: index + 1)
            if isLetter(character) {
                for (language, weights) in page.languages.enumerated() { letters[language] += weights[character.value] ?? -2 }
                if let previous { score -= cost(previous, character) }
                // A third letter with a mark in a row: Latin-script words have at most two
                // (`çõ`), Cyrillic words are all such bytes.
                if script(of: character) == .latin, index >= 2, stray[index - 1], stray[index - 2],
                   let first = scalar(at: index - 2), let second = previous, isLetter(first), isLetter(second) {
                    score -= 6
                }
                // A stray next byte counts this pair as its previous one.
                if let next, index + 1 < bytes.count, !stray[index + 1] { score -= cost(character, next) }
            } else if let previous, let next, isLetter(previous), isLetter(next) {
                // A sign inside a word (`£ód`, `Pe³na`, `Braºov`).
                score -= 4
            }
        }
        return score + (letters.max() ?? 0)
    }

    private static let windows1252: [UInt16] = [
            0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017D, 0x0000,
            0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x017E, 0x0178,
            0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
            0x00D0, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x00DD, 0x00DE, 0x00DF,
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
            0x00F0, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x00FD, 0x00FE, 0x00FF,
    ]

    private static let windows1250: [UInt16] = [
            0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179,
            0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A,
            0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B,
            0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C,
            0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
            0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF,
            0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, 0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F,
            0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
    ]

    private static let windows1254: [UInt16] = [
            0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x0000, 0x0000,
            0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0000, 0x0000, 0x0178,
            0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x00C4, 0x00C5, 0x00C6, 0x00C7, 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x00CC, 0x00CD, 0x00CE, 0x00CF,
            0x011E, 0x00D1, 0x00D2, 0x00D3, 0x00D4, 0x00D5, 0x00D6, 0x00D7, 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x0130, 0x015E, 0x00DF,
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x00E4, 0x00E5, 0x00E6, 0x00E7, 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x00EC, 0x00ED, 0x00EE, 0x00EF,
            0x011F, 0x00F1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x00F6, 0x00F7, 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x0131, 0x015F, 0x00FF,
    ]

    private static let windows1251: [UInt16] = [
            0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
            0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
            0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
            0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
            0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F,
            0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
            0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E, 0x043F,
            0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F,
    ]

    private static let koi8R: [UInt16] = [
            0x2500, 0x2502, 0x250C, 0x2510, 0x2514, 0x2518, 0x251C, 0x2524, 0x252C, 0x2534, 0x253C, 0x2580, 0x2584, 0x2588, 0x258C, 0x2590,
            0x2591, 0x2592, 0x2593, 0x2320, 0x25A0, 0x2219, 0x221A, 0x2248, 0x2264, 0x2265, 0x00A0, 0x2321, 0x00B0, 0x00B2, 0x00B7, 0x00F7,
            0x2550, 0x2551, 0x2552, 0x0451, 0x2553, 0x2554, 0x2555, 0x2556, 0x2557, 0x2558, 0x2559, 0x255A, 0x255B, 0x255C, 0x255D, 0x255E,
            0x255F, 0x2560, 0x2561, 0x0401, 0x2562, 0x2563, 0x2564, 0x2565, 0x2566, 0x2567, 0x2568, 0x2569, 0x256A, 0x256B, 0x256C, 0x00A9,
            0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433, 0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
            0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432, 0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
            0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413, 0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
            0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412, 0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
    ]

    private static let windows1257: [UInt16] = [
            0x20AC, 0x0000, 0x201A, 0x0000, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0000, 0x2039, 0x0000, 0x00A8, 0x02C7, 0x00B8,
            0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0000, 0x203A, 0x0000, 0x00AF, 0x02DB, 0x0000,
            0x00A0, 0x0000, 0x00A2, 0x00A3, 0x00A4, 0x0000, 0x00A6, 0x00A7, 0x00D8, 0x00A9, 0x0156, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00C6,
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7, 0x00F8, 0x00B9, 0x0157, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00E6,
            0x0104, 0x012E, 0x0100, 0x0106, 0x00C4, 0x00C5, 0x0118, 0x0112, 0x010C, 0x00C9, 0x0179, 0x0116, 0x0122, 0x0136, 0x012A, 0x013B,
            0x0160, 0x0143, 0x0145, 0x00D3, 0x014C, 0x00D5, 0x00D6, 0x00D7, 0x0172, 0x0141, 0x015A, 0x016A, 0x00DC, 0x017B, 0x017D, 0x00DF,
            0x0105, 0x012F, 0x0101, 0x0107, 0x00E4, 0x00E5, 0x0119, 0x0113, 0x010D, 0x00E9, 0x017A, 0x0117, 0x0123, 0x0137, 0x012B, 0x013C,
            0x0161, 0x0144, 0x0146, 0x00F3, 0x014D, 0x00F5, 0x00F6, 0x00F7, 0x0173, 0x0142, 0x015B, 0x016B, 0x00FC, 0x017C, 0x017E, 0x02D9,
    ]

    private static let windows1253: [UInt16] = [
            0x20AC, 0x0000, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x0000, 0x2030, 0x0000, 0x2039, 0x0000, 0x0000, 0x0000, 0x0000,
            0x0000, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x0000, 0x2122, 0x0000, 0x203A, 0x0000, 0x0000, 0x0000, 0x0000,
            0x00A0, 0x0385, 0x0386, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x0000, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x2015,
            0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x0384, 0x00B5, 0x00B6, 0x00B7, 0x0388, 0x0389, 0x038A, 0x00BB, 0x038C, 0x00BD, 0x038E, 0x038F,
            0x0390, 0x0391, 0x0392, 0x0393, 0x0394, 0x0395, 0x0396, 0x0397, 0x0398, 0x0399, 0x039A, 0x039B, 0x039C, 0x039D, 0x039E, 0x039F,
            0x03A0, 0x03A1, 0x0000, 0x03A3, 0x03A4, 0x03A5, 0x03A6, 0x03A7, 0x03A8, 0x03A9, 0x03AA, 0x03AB, 0x03AC, 0x03AD, 0x03AE, 0x03AF,
            0x03B0, 0x03B1, 0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6, 0x03B7, 0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF,
            0x03C0, 0x03C1, 0x03C2, 0x03C3, 0x03C4, 0x03C5, 0x03C6, 0x03C7, 0x03C8, 0x03C9, 0x03CA, 0x03CB, 0x03CC, 0x03CD, 0x03CE, 0x0000,
    ]
}
