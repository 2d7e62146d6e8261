/// Quotation marks for a quote printed for people, in the manner of the quote's own language.
enum QuoteMarks {
    /// `«\u{a0}…\u{a0}»` for a quote in French (with the no-break spaces French sets inside
    /// them), `“…”` for one in any other language.
    static func quoted(_ quote: String, language: String) -> String {
        language == "fr" || language.hasPrefix("fr-") ? "«\u{a0}" + quote + "\u{a0}»" : "“" + quote + "”"
    }
}
