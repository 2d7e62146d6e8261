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
    ///
    /// Written digit by digit into a string of ten bytes, which Swift keeps inline: an import
    /// writes two or three a row, and padding and joining pieces cost about 2,500 instructions
    /// and several allocations each.
    public var iso: String {
        // The initialiser guarantees a year of at most four digits and a month and day of two.
        String(unsafeUninitializedCapacity: 10) { bytes in
            var year = self.year
            for index in (0..<4).reversed() {
                bytes[index] = UInt8(truncatingIfNeeded: 48 &+ year % 10)
                year /= 10
            }
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = UInt8(truncatingIfNeeded: 48 &+ month / 10)
            bytes[6] = UInt8(truncatingIfNeeded: 48 &+ month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = UInt8(truncatingIfNeeded: 48 &+ day / 10)
            bytes[9] = UInt8(truncatingIfNeeded: 48 &+ day % 10)
            return 10
        }
    }

    /// A non-negative number in decimal with leading zeros up to `width` digits.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
