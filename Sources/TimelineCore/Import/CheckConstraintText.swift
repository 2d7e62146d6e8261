/// The CHECK constraints of a table, as written in its `CREATE TABLE` statement, so that a bulk
/// load can test them over the whole table in one query instead of on every insert.
enum CheckConstraintText {
    /// The expression inside each `CHECK (…)` of `sql`, in order; nil when the text cannot be read
    /// with certainty (an unbalanced parenthesis, quote or comment), so the caller can check
    /// another way. Strings, quoted names and comments are skipped: a `CHECK` in them is no constraint.
    static func expressions(inCreateTable sql: String) -> [String]? {
        let bytes = Array(sql.utf8)
        var expressions: [String] = []
        var index = 0
        while index < bytes.count {
            guard let next = skipQuotedOrComment(bytes, from: index) else { return nil }
            if next != index {
                index = next
                continue
            }
            guard isKeyword("CHECK", in: bytes, at: index) else {
                index += 1
                continue
            }
            index += 5
            // Only spaces may stand between the keyword and its parenthesis.
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return nil }
            let start = index + 1
            var depth = 1
            index += 1
            while index < bytes.count, depth > 0 {
                guard let next = skipQuotedOrComment(bytes, from: index) else { return nil }
                if next != index {
                    index = next
                    continue
                }
                if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                index += 1
            }
            guard depth == 0 else { return nil }
            expressions.append(String(decoding: bytes[start..<(index - 1)], as: UTF8.self))
        }
        return expressions
    }

    /// Where a string, quoted name or comment starting at `index` ends (just after it); `index`
    /// itself when none starts there; nil when one starts and never ends.
    private static func skipQuotedOrComment(_ bytes: [UInt8], from index: Int) -> Int? {
        let byte = bytes[index]
        let closing: UInt8
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"): closing = byte
        case UInt8(ascii: "["): closing = UInt8(ascii: "]")
        case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
            var end = index + 2
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            return end
        case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
            var end = index + 2
            while end + 1 < bytes.count {
                if bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/") { return end + 2 }
                end += 1
            }
            return nil
        default:
            return index
        }
        var end = index + 1
        while end < bytes.count {
            if bytes[end] == closing {
                // A doubled quote is one quote inside the string or name.
                if closing != UInt8(ascii: "]") && end + 1 < bytes.count && bytes[end + 1] == closing {
                    end += 2
                    continue
                }
                return end + 1
            }
            end += 1
        }
        return nil
    }

    /// Whether `word` (upper case) stands at `index` as a whole word, in any case.
    private static func isKeyword(_ word: StaticString, in bytes: [UInt8], at index: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        func isNamePart(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F || byte >= 0x80
        }
        if index > 0 && isNamePart(bytes[index - 1]) { return false }
        if index + count < bytes.count && isNamePart(bytes[index + count]) { return false }
        for offset in 0..<count where bytes[index + offset] & 0xDF != word.utf8Start[offset] {
            return false
        }
        return true
    }
}
