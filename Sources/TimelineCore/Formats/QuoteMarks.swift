/// Quotation marks for a quote printed for people, in the manner of the quote's own language.
enum QuoteMarks {
    /// `«\u{a0}…\u{a0}»` for a quote in French (with the no-break spaces French sets inside
    /// them), `“…”` for one in any other language. A quote stored with marks of its own (a
    /// spreadsheet cell that holds `« … »` or `"…"`) keeps them, rather than being marked twice.
    static func quoted(_ quote: String, language: String) -> String {
        if isMarked(quote) { return quote }
        return language == "fr" || language.hasPrefix("fr-") ? "«\u{a0}" + quote + "\u{a0}»" : "“" + quote + "”"
    }

    /// Whether the text opens with a quotation mark and closes with one that can end it.
    static func isMarked(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, scalars.index(after: scalars.startIndex) != scalars.endIndex
        else { return false }
        switch (first, last) {
        case ("«", "»"), ("»", "«"), ("“", "”"), ("„", "“"), ("„", "”"), ("\"", "\""), ("‘", "’"), ("‚", "‘"), ("「", "」"), ("『", "』"):
            return true
        default:
            return false
        }
    }
}
