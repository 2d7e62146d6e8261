/// Reading dates from text: strict EDTF, and the forms people write.
extension TimelineDate {
    /// Reads strict EDTF only (stored values, machine input); the text is kept as the `edtf`.
    public init(edtf: String) throws(TimelineDateError) {
        self = try EDTFScanner.scan(edtf).get()
    }

    /// Reads any form the tool understands: EDTF, ISO days, and English or French forms people
    /// write (`Q2 2022`, `1er décembre 2022`, `since 2019`, `last quarter`…).
    ///
    /// `context.reference` gives a year to a day or month written without one; `context.today`
    /// resolves relative forms.
    public static func parse(_ text: String, context: DateParsingContext = .init()) throws(TimelineDateError) -> TimelineDate {
        let trimmed = trimmingWhitespace(text)
        if trimmed.isEmpty { throw TimelineDateError(input: text, reason: "the text is empty") }
        // EDTF first: it is what stored values and most machine input are, and it is cheap.
        let strictError: TimelineDateError
        switch EDTFScanner.scan(trimmed) {
        case .success(let date): return date
        case .failure(let error): strictError = error
        }
        if let date = try DateHumanReader(text: trimmed, context: context).read() {
            return date
        }
        if EDTFScanner.looksLikeEDTF(trimmed) { throw strictError }
        throw TimelineDateError(input: trimmed, reason: DateHumanReader.notUnderstoodReason)
    }

    /// The text without leading and trailing whitespace; the same string when there is none.
    private static func trimmingWhitespace(_ text: String) -> String {
        // Printable ASCII at both ends, the usual case, needs no Unicode property lookup.
        guard let firstByte = text.utf8.first, let lastByte = text.utf8.last else { return text }
        if (0x21...0x7E).contains(firstByte) && (0x21...0x7E).contains(lastByte) { return text }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
