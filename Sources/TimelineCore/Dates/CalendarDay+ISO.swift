/// The strict `YYYY-MM-DD` text form.
extension CalendarDay {
    /// Reads exactly `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(iso: String) {
        let parts = iso.utf8.withContiguousStorageIfAvailable(CalendarDay.isoParts)
            ?? Array(iso.utf8).withUnsafeBufferPointer(CalendarDay.isoParts)
        guard let parts else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    private static func isoParts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = decimal(bytes, 0, 4), let month = decimal(bytes, 5, 2), let day = decimal(bytes, 8, 2)
        else { return nil }
        return (year, month, day)
    }

    /// The value of `count` ASCII digits starting at `start`; nil if any is not a digit.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) &- 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `2022-12-01`.
    public var iso: String {
        CalendarDay.zeroPadded(year, width: 4) + "-" + CalendarDay.zeroPadded(month, width: 2)
            + "-" + CalendarDay.zeroPadded(day, width: 2)
    }

    /// A non-negative number in decimal with leading zeros up to `width` digits.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
