/// Checks that bytes are well-formed UTF-8 (the Unicode standard's table 3-7, as Swift's
/// `String(validating:)` accepts it) and hold no NUL, without building a String.
enum UTF8Check {
    enum Problem: Equatable {
        case invalidUTF8, nul
    }

    /// The length of the well-formed UTF-8 sequence of two to four bytes starting at `index`,
    /// else nil. The allowed range of the second byte depends on the lead byte (no overlong
    /// forms, no surrogates, nothing above U+10FFFF); later bytes are plain continuation bytes.
    @inline(__always)
    private static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= secondLow && second <= secondHigh else { return nil }
        var offset = 2
        while offset < length {
            guard bytes[index + offset] & 0xC0 == 0x80 else { return nil }
            offset += 1
        }
        return length
    }

    /// The single-byte code page text that is not UTF-8 was most likely saved in, for an error's
    /// hint: its name as `iconv` knows it, and what it is for (`CodePageGuess` reads the bytes
    /// that are no UTF-8 as each candidate's letters).
    static func likelyEncoding(of bytes: UnsafeBufferPointer<UInt8>) -> (iconv: String, described: String, option: String) {
        // Bytes of well-formed UTF-8 sequences (a file with both) are left aside.
        var stray = [Bool](repeating: false, count: bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] < 0x80 {
                index += 1
            } else if let length = sequenceLength(in: bytes, at: index) {
                index += length
            } else {
                stray[index] = true
                index += 1
            }
        }
        let page = CodePageGuess.likely(bytes, stray: stray)
        return (page.iconv, page.described, page.optionName)
    }

    /// The first problem that matters: invalid UTF-8 anywhere before a NUL anywhere.
    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        var sawNUL = false
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time, none of them NUL: the common case.
            if index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let noHighBit = word & 0x8080_8080_8080_8080 == 0
                let noZeroByte = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 == 0
                if noHighBit && noZeroByte {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == 0 { sawNUL = true }
                index += 1
                continue
            }
            guard let length = sequenceLength(in: bytes, at: index) else { return .invalidUTF8 }
            index += length
        }
        return sawNUL ? .nul : nil
    }
}
