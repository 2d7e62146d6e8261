/// Checks that bytes are well-formed UTF-8 (the Unicode standard's table 3-7, as Swift's
/// `String(validating:)` accepts it) and hold no NUL, without building a String.
enum UTF8Check {
    enum Problem: Equatable {
        case invalidUTF8, nul
    }

    /// What bytes that are not UTF-8 most often are, for the errors that meet them.
    static let likelyEncoding = "a file saved as Latin-1 or Windows-1252?"

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
            // The allowed range of the second byte depends on the lead byte (no overlong forms,
            // no surrogates, nothing above U+10FFFF); later bytes are plain continuation bytes.
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            default: return .invalidUTF8
            }
            guard index + length <= count else { return .invalidUTF8 }
            let second = bytes[index + 1]
            guard second >= secondLow && second <= secondHigh else { return .invalidUTF8 }
            var offset = 2
            while offset < length {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return .invalidUTF8 }
                offset += 1
            }
            index += length
        }
        return sawNUL ? .nul : nil
    }
}
