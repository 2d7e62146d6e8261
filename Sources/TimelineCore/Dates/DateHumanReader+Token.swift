extension DateHumanReader {
    /// A word, number or symbol of the text, folded so that the vocabulary can be matched
    /// exactly: lower case, accents removed (`Décembre` → `decembre`), curly apostrophes
    /// straightened, en and em dashes as `–`.
    struct Token: Equatable, Sendable {
        enum Kind: Equatable, Sendable {
            case word
            case number
            case symbol
        }

        let kind: Kind
        let text: String
        /// Whitespace came right before it: `mid - 2022` and `mid-2022` differ.
        let spaceBefore: Bool
        /// A word written with a letter beyond ASCII (`Mär`, `déc`): no English word, whatever
        /// it folds to (`mar`, `dec`).
        let accented: Bool
        /// As the text had it (`Mär`), for messages.
        let written: String

        init(kind: Kind, text: String, spaceBefore: Bool, accented: Bool = false, written: String? = nil) {
            self.kind = kind
            self.text = text
            self.spaceBefore = spaceBefore
            self.accented = accented
            self.written = written ?? text
        }

        /// A number's value; digits beyond nine are not counted (no date needs them).
        var value: Int {
            guard kind == .number else { return 0 }
            var result = 0
            for digit in text.utf8.prefix(9) { result = result * 10 + Int(digit - 48) }
            return result
        }

        var isNumber: Bool { kind == .number }

        func isNumber(digits: ClosedRange<Int>) -> Bool {
            kind == .number && digits.contains(text.utf8.count)
        }

        func `is`(_ word: String) -> Bool { text == word }

        func isAny(_ words: Set<String>) -> Bool { words.contains(text) }
    }

    /// The tokens of a text: runs of letters, runs of ASCII digits, and single symbols.
    static func tokens(of text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var currentKind: Token.Kind?
        var currentSpaceBefore = false
        var currentAccented = false
        var currentWritten = ""
        var pendingSpace = false

        func flush() {
            if let kind = currentKind, !current.isEmpty {
                tokens.append(Token(kind: kind, text: current, spaceBefore: currentSpaceBefore, accented: currentAccented,
                                    written: currentWritten))
            }
            current = ""
            currentWritten = ""
            currentKind = nil
            currentAccented = false
        }
        func append(_ piece: String, as kind: Token.Kind, from scalar: Unicode.Scalar) {
            if currentKind != kind || kind == .symbol {
                flush()
                currentKind = kind
                currentSpaceBefore = pendingSpace
                pendingSpace = false
            }
            current += piece
            currentWritten.unicodeScalars.append(scalar)
            if kind == .symbol { flush() }
        }

        for scalar in text.unicodeScalars {
            switch foldedPiece(scalar) {
            case .space:
                flush()
                pendingSpace = true
            case .ignored:
                // A decomposed accent marks the letter before it.
                if currentKind == .word {
                    currentAccented = true
                    currentWritten.unicodeScalars.append(scalar)
                }
                continue
            case .letters(let letters):
                append(letters, as: .word, from: scalar)
                if !scalar.isASCII { currentAccented = true }
            case .digit(let digit):
                append(digit, as: .number, from: scalar)
            case .symbol(let symbol):
                append(symbol, as: .symbol, from: scalar)
            }
        }
        flush()
        return tokens
    }

    private enum FoldedPiece {
        case space
        case ignored
        case letters(String)
        case digit(String)
        case symbol(String)
    }

    // One scalar of input as the tokenizer sees it.
    private static func foldedPiece(_ scalar: Unicode.Scalar) -> FoldedPiece {
        switch scalar {
        case "0"..."9": return .digit(String(scalar))
        case "a"..."z": return .letters(String(scalar))
        case "A"..."Z": return .letters(String(scalar).lowercased())
        case "à", "á", "â", "ä", "ã", "å", "À", "Á", "Â", "Ä", "Ã", "Å": return .letters("a")
        case "ç", "Ç": return .letters("c")
        case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë", "\u{1D49}": return .letters("e")  // ᵉ as in XXᵉ
        case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï": return .letters("i")
        case "ñ", "Ñ": return .letters("n")
        case "ò", "ó", "ô", "ö", "õ", "Ò", "Ó", "Ô", "Ö", "Õ": return .letters("o")
        case "ù", "ú", "û", "ü", "Ù", "Ú", "Û", "Ü": return .letters("u")
        case "ÿ", "Ÿ": return .letters("y")
        case "œ", "Œ": return .letters("oe")
        case "æ", "Æ": return .letters("ae")
        case "\u{02B3}": return .letters("r")  // ʳ as in 1ᵉʳ
        case "’", "‘", "ʼ", "´", "`": return .symbol("'")
        case "–", "—", "‒", "―", "−": return .symbol("–")
        case "‐", "‑": return .symbol("-")
        case "(", ")", "[", "]": return .space
        default:
            let properties = scalar.properties
            if properties.isWhitespace { return .space }
            if properties.generalCategory == .nonspacingMark { return .ignored }  // decomposed accents
            if properties.isAlphabetic { return .letters(String(scalar).lowercased()) }
            return .symbol(String(scalar))
        }
    }
}
