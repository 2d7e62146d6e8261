/// Turns what a user types after `--search` into an FTS5 query.
///
/// Words are matched as words (accents and case ignored, ß and ss alike); `word*` is a prefix; `"two words"` is a
/// phrase; AND, OR, NOT and parentheses keep their meaning. Anything else — hyphens, apostrophes,
/// punctuation — is quoted, so `care-medical` or `l'entreprise` never trips FTS5's syntax.
enum SearchQuery {
    static func ftsExpression(_ text: String) -> String {
        var parts: [String] = []
        var droppedWord = false
        var index = text.startIndex
        func quoted(_ word: Substring) -> String {
            "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
        }
        // A word, phrase or prefix with its German spellings: the index keeps ß (unicode61 folds
        // case and accents, and ẞ to ß, but not ß to ss), so `Schliessung` looks for `Schließung`
        // too, and the other way round.
        func term(_ word: Substring, prefix: Bool = false) -> String {
            let spellings = Self.sharpSSpellings(of: word)
            let terms = spellings.map { quoted($0[...]) + (prefix ? "*" : "") }
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
                parts.append(String(character))
                index = text.index(after: index)
            } else if character == "\"" {
                let start = text.index(after: index)
                let end = text[start...].firstIndex(of: "\"") ?? text.endIndex
                let phrase = text[start..<end]
                if isIndexable(phrase) { parts.append(term(phrase)) } else if !phrase.isEmpty { droppedWord = true }
                index = end < text.endIndex ? text.index(after: end) : end
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
        guard droppedWord else { return parts.joined(separator: " ") }
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
        return cleaned.joined(separator: " ")
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
