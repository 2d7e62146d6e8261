/// Turns what a user types after `--search` into an FTS5 query.
///
/// Words are matched as words (accents and case ignored, ß and ss alike); `word*` is a prefix; `"two words"` is a
/// phrase (`"two wo*"` ends in a prefix, `"tw* words"` holds one); AND, OR, NOT and parentheses
/// keep their meaning, and `-word`, `-"a phrase"` or `-(a group)` after another is NOT. Anything else — hyphens, apostrophes,
/// punctuation — is quoted, so `care-medical` or `l'entreprise` never trips FTS5's syntax.
enum SearchQuery {
    static func ftsExpression(_ text: String) -> String {
        translated(text).expression
    }

    /// A `-word` (or `-"phrase"`, `-(group)`) that leaves out nothing it could be NOT of: at the
    /// start, or after OR, NOT or `(` (`-moscow opens`). Looked for alone, it would find the very
    /// events it meant to leave out; nil when the search has none.
    static func misplacedExclusion(in text: String) -> Substring? {
        translated(text).misplacedExclusion
    }

    /// The FTS5 expression, and the first `-` exclusion with nothing before it (as typed).
    private static func translated(_ text: String) -> (expression: String, misplacedExclusion: Substring?) {
        var parts: [String] = []
        var misplaced: Substring?
        var droppedWord = false
        var index = text.startIndex
        func quoted(_ word: Substring) -> String {
            "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        // A word, phrase or prefix with its German spellings: the index keeps ß (unicode61 folds
        // case and accents, and ẞ to ß, but not ß to ss), so `Schliessung` looks for `Schließung`
        // too, and the other way round.
        //
        // `prefixesWithin`: the phrase's words (by place) that are prefixes before its last
        // (`"tim h* opens"`); FTS5 takes a prefix only at a phrase's end, so the phrase is
        // written as phrases joined by `+`, one ending at each (`"tim h"* + "opens"`).
        // Whether what comes next is left out (after NOT, or in a group after one): there a word
        // is looked for as typed, with no other spelling that would leave out more.
        var excludedGroups: [Bool] = []
        func isExcluded() -> Bool { parts.last == "NOT" || excludedGroups.last == true }
        func term(_ word: Substring, prefix: Bool = false, prefixesWithin: Set<Int> = []) -> String {
            var spellings: [String] = []
            for spelling in Self.letterSpellings(of: word) {
                for each in Self.sharpSSpellings(of: spelling[...]) where !spellings.contains(each) { spellings.append(each) }
            }
            spellings = Array(spellings.prefix(Self.maximumSpellings))
            // `models` as `model s` finds `Model S` too, a small price in a search, none in what it
            // leaves out: not after NOT.
            if !prefix, prefixesWithin.isEmpty, !isExcluded(), let possessive = Self.possessiveSpelling(of: word), !spellings.contains(possessive) {
                spellings.append(possessive)
            }
            let terms = spellings.map { spelling -> String in
                guard !prefixesWithin.isEmpty else { return quoted(spelling[...]) + (prefix ? "*" : "") }
                var joined: [String] = []
                var chunk: [Substring] = []
                for (place, word) in spelling.split(whereSeparator: \.isWhitespace).enumerated() {
                    chunk.append(word)
                    if prefixesWithin.contains(place) {
                        joined.append(quoted(chunk.joined(separator: " ")[...]) + "*")
                        chunk = []
                    }
                }
                if !chunk.isEmpty { joined.append(quoted(chunk.joined(separator: " ")[...]) + (prefix ? "*" : "")) }
                return joined.joined(separator: " + ")
            }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
        }
        // The index holds only letters, digits and private-use characters (unicode61's tokens):
        // a word of none (`🚨`, `—`) would be a phrase of no tokens, which matches nothing.
        func isIndexable(_ word: Substring) -> Bool {
            word.unicodeScalars.contains { scalar in
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                    return true
                default:
                    return false
                }
            }
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "(" || character == ")" {
                if character == "(" { excludedGroups.append(isExcluded()) } else { _ = excludedGroups.popLast() }
                parts.append(String(character))
                index = text.index(after: index)
            } else if character == "\"" {
                let start = text.index(after: index)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                var phrase = text[start..<end]
                index = end < text.endIndex ? text.index(after: end) : end
                // `"tim h*"` or `"tim h"*`: its last word a prefix.
                var prefix = false
                if phrase.hasSuffix("*") {
                    phrase = phrase.dropLast()
                    prefix = true
                } else if index < text.endIndex, text[index] == "*" {
                    index = text.index(after: index)
                    prefix = true
                }
                // Words before the last ending in `*`: prefixes within the phrase.
                var prefixesWithin: Set<Int> = []
                let words = phrase.split(whereSeparator: \.isWhitespace)
                for (place, word) in words.enumerated().dropLast() where word.count > 1 && word.hasSuffix("*") { prefixesWithin.insert(place) }
                if !prefixesWithin.isEmpty {
                    phrase = words.enumerated().map { prefixesWithin.contains($0.offset) ? $0.element.dropLast() : $0.element }
                        .joined(separator: " ")[...]
                }
                if isIndexable(phrase) {
                    parts.append(term(phrase, prefix: prefix, prefixesWithin: prefixesWithin))
                } else if !phrase.isEmpty {
                    droppedWord = true
                }
            } else if character == "-", case let next = text.index(after: index), Self.startsExclusion(text[next...]) {
                if text[next...].hasPrefix("\"\"") || text[next...].hasPrefix("()") {
                    // `-""`, `-()`: nothing to leave out.
                    index = text.index(next, offsetBy: 2)
                } else if parts.last == "AND", parts.count > 1, !["AND", "OR", "NOT", "("].contains(parts[parts.count - 2]) {
                    // `opens AND -moscow`: AND NOT.
                    parts[parts.count - 1] = "NOT"
                    index = next
                } else if let last = parts.last, !["AND", "OR", "NOT", "("].contains(last) {
                    // `opens -moscow`, `opens -"in moscow"`, `opens -(moscow OR paris)`, as web searches write NOT.
                    parts.append("NOT")
                    index = next
                } else {
                    // At the start, or after AND, OR, NOT or `(` with no word before them
                    // (`AND -moscow`, `opens OR AND -moscow`): FTS5's NOT needs a word before it
                    // (`misplacedExclusion` refuses the search); the word alone would be looked for.
                    if misplaced == nil {
                        // As typed: to the phrase's or group's closing mark, else the word's end.
                        let closing: Character? = text[next] == "\"" ? "\"" : text[next] == "(" ? ")" : nil
                        let end = closing.map { mark in
                            text[text.index(after: next)...].firstIndex(of: mark).map { text.index(after: $0) } ?? text.endIndex
                        } ?? text[next...].firstIndex { $0.isWhitespace || $0 == "(" || $0 == ")" || $0 == "\"" } ?? text.endIndex
                        misplaced = text[index..<end]
                    }
                    parts.append("NOT")
                    index = next
                }
            } else {
                var end = index
                while end < text.endIndex, !text[end].isWhitespace, text[end] != "(", text[end] != ")", text[end] != "\"" {
                    end = text.index(after: end)
                }
                let word = text[index..<end]
                if word == "AND" || word == "OR" || word == "NOT" {
                    parts.append(String(word))
                } else if word.hasSuffix("*"), word.count > 1 {
                    if isIndexable(word.dropLast()) { parts.append(term(word.dropLast(), prefix: true)) } else { droppedWord = true }
                } else if isIndexable(word) {
                    parts.append(term(word))
                } else if word != "*" {
                    droppedWord = true
                }
                index = end
            }
        }
        guard droppedWord else { return (withExplicitAnd(parts), misplaced) }
        // Operators and groups left with nothing on one side by a dropped word (`warn OR 🚨`).
        let operators: Set<String> = ["AND", "OR", "NOT"]
        var cleaned: [String] = []
        for part in parts {
            if operators.contains(part), cleaned.last.map({ operators.contains($0) || $0 == "(" }) ?? true { continue }
            if part == ")" {
                while let last = cleaned.last, operators.contains(last) { cleaned.removeLast() }
                if cleaned.last == "(" {
                    cleaned.removeLast()
                    continue
                }
            }
            cleaned.append(part)
        }
        while let last = cleaned.last, operators.contains(last) || last == "(" { cleaned.removeLast() }
        return (withExplicitAnd(cleaned), misplaced)
    }

    /// Whether `text` (what follows a `-`) starts what a `-` leaves out: a word, a phrase or a group.
    private static func startsExclusion(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        return first.isLetter || first.isNumber || first == "\"" || first == "("
    }

    /// The parts joined, with AND written between two operands side by side: FTS5 takes a
    /// phrase after a phrase as AND, but not one beside a group (`("a" OR "b") "c"` is its
    /// syntax error), which a word's several spellings make.
    private static func withExplicitAnd(_ parts: [String]) -> String {
        var joined: [String] = []
        for part in parts {
            if let previous = joined.last, !["AND", "OR", "NOT", "("].contains(previous), !["AND", "OR", "NOT", ")"].contains(part) {
                joined.append("AND")
            }
            joined.append(part)
        }
        return joined.joined(separator: " ")
    }

    /// At most this many spellings a word (an OR of that many terms, each one index lookup).
    static let maximumSpellings = 48

    /// A shop's or firm's name as papers write it with and without its apostrophe: `Sainsburys`
    /// is also `Sainsbury's`, which the index holds as two words, `sainsbury` then `s` (so the
    /// phrase `"sainsbury s"`), and `Sainsbury's` (or `Sainsbury’s`) is also `Sainsburys`. Nil for
    /// any other word: one of several words, or shorter than four letters before its `s`.
    static func possessiveSpelling(of word: Substring) -> String? {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 5, scalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "'" || $0 == "’" }),
              let last = scalars.last, last == "s" || last == "S" else { return nil }
        let beforeS = scalars[scalars.count - 2]
        if beforeS == "'" || beforeS == "’" {
            guard scalars.dropLast(2).allSatisfy(\.properties.isAlphabetic) else { return nil }
            return String(String.UnicodeScalarView(scalars.dropLast(2))) + String(last)
        }
        guard scalars.allSatisfy(\.properties.isAlphabetic) else { return nil }
        return String(String.UnicodeScalarView(scalars.dropLast())) + " " + String(last)
    }

    /// Letters unicode61 keeps as they are (no accent comes off them), with the plain letters
    /// people type for them: `Łódź` is `lodz` on an English keyboard, `cœur` is `coeur`,
    /// Turkish `çalışanı` is `calisani`, Russian `ёжик` is written `ежик`, and the Ukrainian
    /// apostrophe (ʼ, a letter to the index) is typed ' or ’ (which part words); the ordinal
    /// signs of Portuguese, Spanish and Italian (`1º`, `2ª`) are typed `1o`, `2a`.
    private static let plainLetters: [Character: String] = [
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i",
        "ё": "е", "Ё": "Е", "ʼ": "'", "’": "'", "º": "o", "ª": "a",
    ]
    /// The ordinal signs (`1º`, `2ª`, letters to the index) for the letters typed after a digit.
    private static let ordinalSigns: [String: String] = ["o": "º", "a": "ª"]
    /// The other way: what a plain letter or pair may stand for.
    private static let lettersForPlain: [(plain: String, letters: [String])] = [
        ("ae", ["æ"]), ("oe", ["œ"]), ("th", ["þ"]), ("l", ["ł"]), ("o", ["ø"]), ("d", ["đ", "ð"]), ("h", ["ħ"]), ("i", ["ı"]),
        ("е", ["ё"]), ("'", ["ʼ"]),
    ]

    /// The spellings of a word with the letters above and their plain forms taken for one
    /// another, as unicode61 does accents: the word as typed, its plain form, and the plain
    /// form with its plain letters written as those letters, the fewest changed first (`lodz`:
    /// `łodz`, `lødz`, …, `łødz`, …), at most `maximumSpellings`.
    static func letterSpellings(of word: Substring) -> [String] {
        var plain = ""
        for character in word { plain += plainLetters[character] ?? String(character) }
        var spellings = [String(word)]
        if plain != String(word) { spellings.append(plain) }
        // Where a plain letter or pair starts, and what it may stand for (in the plain form's case).
        let characters = Array(plain)
        var sites: [(start: Int, length: Int, letters: [String])] = []
        var index = 0
        while index < characters.count {
            let lowered = String(characters[index]).lowercased()
            let pair = index + 1 < characters.count ? lowered + String(characters[index + 1]).lowercased() : ""
            // After a digit, `o` and `a` may be the ordinal signs (`1o` for `1º`, `2a` for `2ª`).
            if index > 0, characters[index - 1].isASCII, characters[index - 1].isNumber, let ordinal = ordinalSigns[lowered] {
                sites.append((index, 1, [ordinal]))
            } else if let match = lettersForPlain.first(where: { $0.plain == pair }) ?? lettersForPlain.first(where: { $0.plain == lowered }) {
                // In the plain form's case (the index ignores it), but ı, whose capital is I.
                let upper = characters[index].isUppercase
                sites.append((index, match.plain.count, match.letters.map { upper && $0 != "ı" ? $0.uppercased() : $0 }))
            }
            index += 1
        }
        guard !sites.isEmpty else { return spellings }
        // Choices of `count` sites from `first` on, in order, each spelled out as it is made
        // until there are enough; sites that overlap (`oe` and its `o`) are not both taken.
        var chosen: [(site: Int, letter: String)] = []
        func choose(_ count: Int, from first: Int, after end: Int) {
            guard spellings.count < maximumSpellings else { return }
            guard count > 0 else {
                var result = ""
                var at = 0
                for (site, letter) in chosen {
                    result += String(characters[at..<sites[site].start]) + letter
                    at = sites[site].start + sites[site].length
                }
                result += String(characters[at...])
                if !spellings.contains(result) { spellings.append(result) }
                return
            }
            for position in first..<sites.count where sites[position].start >= end {
                for letter in sites[position].letters {
                    chosen.append((position, letter))
                    choose(count - 1, from: position + 1, after: sites[position].start + sites[position].length)
                    chosen.removeLast()
                }
            }
        }
        // The fewest changed first.
        for count in 1...sites.count where spellings.count < maximumSpellings { choose(count, from: 0, after: 0) }
        return spellings
    }

    /// The spellings of a text with ß (or ẞ) and ss taken for one another: the text with every
    /// ß as ss, and with each choice of its ss pairs (any case) as ß; at most eight, the text's
    /// first three pairs chosen among (then every pair ß too). One spelling when it has no pair.
    static func sharpSSpellings(of text: Substring) -> [String] {
        var characters: [Character] = []
        for character in text {
            if character == "ß" || character == "ẞ" { characters += ["s", "s"] } else { characters.append(character) }
        }
        var pairs: [Int] = []
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == "s" || characters[index] == "S", characters[index + 1] == "s" || characters[index + 1] == "S" {
                pairs.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        guard !pairs.isEmpty else { return [String(text)] }
        func spelling(sharp: Set<Int>) -> String {
            var result = ""
            var index = 0
            while index < characters.count {
                if sharp.contains(index) {
                    result.append("ß")
                    index += 2
                } else {
                    result.append(characters[index])
                    index += 1
                }
            }
            return result
        }
        let chosen = Array(pairs.prefix(3))
        var spellings: [String] = []
        for mask in 0..<(1 << chosen.count) {
            spellings.append(spelling(sharp: Set(chosen.indices.filter { mask & (1 << $0) != 0 }.map { chosen[$0] })))
        }
        if pairs.count > 3 { spellings.append(spelling(sharp: Set(pairs))) }
        return spellings
    }
}
