/// Finds the next byte that needs escaping in UTF-8 text, eight bytes at a time: most text needs
/// none, and testing each byte on its own was most of the time of writing CSV, TSV and SQL text.
///
/// The word tests are the classic "has a zero byte" and "has a byte below n" bit tricks, exact as
/// yes/no answers; a word that answers yes is then read byte by byte.
public enum ByteScan {
    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether some byte of `word` is `byte`.
    @inlinable @inline(__always)
    public static func has(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highBits != 0
    }

    /// Whether some byte of `word` is below 0x20 (a control character).
    @inlinable @inline(__always)
    public static func hasControl(in word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highBits != 0
    }

    /// The offset of the first byte from `start` on for which `isSpecial` holds, or `bytes.count`;
    /// `wordMayHave` must answer yes for every word holding such a byte.
    @inlinable @inline(__always)
    public static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, wordMayHave: (UInt64) -> Bool,
                     isSpecial: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let count = bytes.count
        var index = start
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if wordMayHave(word) {
                for offset in index..<(index + 8) where isSpecial(base[offset]) { return offset }
            }
            index += 8
        }
        while index < count {
            if isSpecial(base[index]) { return index }
            index += 1
        }
        return count
    }

    /// Appends `bytes` between two `quote`s, each `quote` inside doubled (SQL text literals, CSV
    /// fields); the runs between quotes are copied whole.
    @inlinable
    public static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, quote: UInt8, to line: inout [UInt8]) {
        line.append(quote)
        var start = 0
        while true {
            let next = next(in: bytes, from: start, wordMayHave: { has(quote, in: $0) }, isSpecial: { $0 == quote })
            if next == bytes.count { break }
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...next]))
            line.append(quote)
            start = next + 1
        }
        line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        line.append(quote)
    }
}
