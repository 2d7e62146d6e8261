/// The separators a header row holds outside double quotes, from which the format of a file
/// of rows (CSV or TSV) and the separator of a CSV file (`,` or `;`) are told.
struct HeaderSeparators {
    /// Every tab, inside quotes too: TSV has no quoting, and a heading such as `size (")` would
    /// otherwise hide the tabs after it.
    var tabs = 0
    /// Every comma outside quotes.
    var commas = 0
    /// Those followed by a space: a heading's own (`Montant (k€, HT)`) in a file of semicolons.
    var commasBeforeASpace = 0
    var semicolons = 0

    init(_ header: some Collection<UInt8>) {
        var quoted = false
        var previous: UInt8 = 0
        for byte in header {
            if previous == UInt8(ascii: ","), !quoted, byte == UInt8(ascii: " ") { commasBeforeASpace += 1 }
            switch byte {
            case UInt8(ascii: "\""): quoted.toggle()
            case 0x09: tabs += 1
            case UInt8(ascii: ",") where !quoted: commas += 1
            case UInt8(ascii: ";") where !quoted: semicolons += 1
            default: break
            }
            previous = byte
        }
    }

    /// A semicolon when the row has more of them than commas not before a space (spreadsheets in
    /// languages whose decimal mark is a comma save CSV so), else a comma.
    var csvSeparator: UInt8 {
        semicolons > commas - commasBeforeASpace ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Whether tabs separate the row: some, and at least as many as commas or semicolons.
    var separatesByTabs: Bool { tabs > 0 && tabs >= max(commas, semicolons) }
}
