extension DateHumanReader {
    /// A position in a run of tokens. Forms read through a copy, so a form that does not match
    /// leaves the caller's cursor where it was.
    struct Cursor {
        let tokens: ArraySlice<Token>
        private(set) var index: Int

        init(_ tokens: ArraySlice<Token>) {
            self.tokens = tokens
            self.index = tokens.startIndex
        }

        var atEnd: Bool { index >= tokens.endIndex }
        var peek: Token? { atEnd ? nil : tokens[index] }
        var remaining: ArraySlice<Token> { tokens[index...] }

        mutating func advance() { index += 1 }

        /// Moves past the next token if it is `word`.
        @discardableResult
        mutating func take(_ word: String) -> Bool {
            guard peek?.text == word else { return false }
            index += 1
            return true
        }

        @discardableResult
        mutating func take(anyOf words: Set<String>) -> Bool {
            guard let token = peek, words.contains(token.text) else { return false }
            index += 1
            return true
        }

        /// The value the next word has in `table`, moving past it.
        mutating func take(from table: [String: Int]) -> Int? {
            guard let token = peek, token.kind == .word, let value = table[token.text] else { return nil }
            index += 1
            return value
        }

        /// A number of `digits` digits, moving past it.
        mutating func takeNumber(digits: ClosedRange<Int>) -> Int? {
            guard let token = peek, token.isNumber(digits: digits) else { return nil }
            index += 1
            return token.value
        }

        /// A four-digit year.
        mutating func takeYear() -> Int? { takeNumber(digits: 4...4) }

        /// An abbreviation's dot, written right after it (`Dec.`, `c.`).
        mutating func takeAbbreviationDot() {
            if let token = peek, token.text == ".", !token.spaceBefore { index += 1 }
        }
    }
}
