/// The timestamps rows are recorded at: UTC, ISO 8601, `YYYY-MM-DDTHH:MM:SS.sssZ` as SQLite's
/// `strftime('%Y-%m-%dT%H:%M:%fZ')` writes them (the fraction is optional when given by hand).
public enum RecordingTime {
    /// A valid time in the form SQLite writes, with the fraction (`.000` when given without):
    /// times are compared as text, where `…:00Z` sorts after `…:00.500Z`.
    public static func normalised(_ text: String) -> String? {
        isValid(text) ? sortable(text) : nil
    }

    /// `text` as it compares with others: a time stored without a fraction (by an earlier
    /// version, from a hand-given time) with `.000`.
    static func sortable(_ text: String) -> String {
        text.utf8.count == 20 && text.hasSuffix("Z") ? String(text.dropLast()) + ".000Z" : text
    }

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            guard bytes[range].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int(String(decoding: bytes[range], as: UTF8.self))
        }
        guard bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), bytes[7] == UInt8(ascii: "-"),
              let day = number(8..<10), CalendarDay(year: year, month: month, day: day) != nil,
              let hour = number(11..<13), hour < 24, let minute = number(14..<16), minute < 60,
              let second = number(17..<19), second < 60
        else { return false }
        if bytes.count == 24 {
            return bytes[19] == UInt8(ascii: ".") && number(20..<23) != nil
        }
        return true
    }
}
