/// What separates the fields of CSV: a comma, as RFC 4180 has it, or a semicolon, as spreadsheets
/// write and read CSV where the comma is the decimal mark (French, German, … Excel opens a file
/// separated by commas as one column).
public enum CSVDelimiter: String, Sendable, CaseIterable {
    case comma = ","
    case semicolon = ";"

    /// The separator as written.
    var byte: UInt8 { self == .comma ? UInt8(ascii: ",") : UInt8(ascii: ";") }
}
