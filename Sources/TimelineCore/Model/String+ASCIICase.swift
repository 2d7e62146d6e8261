/// Text compared as units, codes and schemes are: ASCII letters in any case.
extension String {
    /// The text with its ASCII capitals in lower case and every other character as it is, as
    /// SQLite's NOCASE compares (`EUR` and `eur` are one unit); not a language's lower case.
    public var asciiLowercased: String {
        String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
