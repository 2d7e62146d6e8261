/// Turns what a user types after `--search` into an FTS5 query.
///
/// Words are matched as words (accents and case ignored, ß as ss); `word*` is a prefix; `"two words"` is a
/// phrase; AND, OR, NOT and parentheses keep their meaning. Anything else — hyphens, apostrophes,
/// punctuation — is quoted, so `care-medical` or `l'entreprise` never trips FTS5's syntax.
enum SearchQuery {
    static func ftsExpression(_ given: String) -> String {
        // The index holds ß as ss (migration 0014): `Schließung` and `Schliessung` are one word.
        let text = given.contains(where: { $0 == "ß" || $0 == "ẞ" })
            ? String(given.flatMap { $0 == "ß" ? ["s", "s"] : $0 == "ẞ" ? ["S", "S"] : [$0] }) : given
        var parts: [String] = []
        var droppedWord = false
        var index = text.startIndex
        func quoted(_ word: Substring) -> String {
            "\"" + word.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
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
                if isIndexable(phrase) { parts.append(quoted(phrase)) } else if !phrase.isEmpty { droppedWord = true }
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
                    if isIndexable(word.dropLast()) { parts.append(quoted(word.dropLast()) + "*") } else { droppedWord = true }
                } else if isIndexable(word) {
                    parts.append(quoted(word))
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
}
