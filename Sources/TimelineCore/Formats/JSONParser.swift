/// A strict JSON parser (RFC 8259) over UTF-8 bytes.
///
/// Errors give the byte offset; strings must be valid UTF-8, control characters must be escaped,
/// nesting is limited so hostile input cannot exhaust the stack, and duplicate keys are refused.
public struct JSONParser {
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// 0-based byte offset in the input.
        public let offset: Int
        public let reason: String
        public var description: String { "invalid JSON at byte \(offset + 1): \(reason)" }
    }

    static let maximumDepth = 200
    /// Up to this many keys, an object's keys are compared one by one to find a duplicate.
    static let keysCheckedInOrder = 16

    /// Parses exactly one value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var parser = Cursor(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    /// Calls `body` with each element of a top-level array and the byte offset it starts at,
    /// building one element at a time.
    public static func forEachElement(ofArrayIn bytes: UnsafeBufferPointer<UInt8>, _ body: (JSONValue, Int) throws -> Void) throws {
        var parser = Cursor(bytes: bytes)
        parser.skipWhitespace()
        guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "[") else {
            throw parser.failure("expected an array of events ('[')")
        }
        parser.index += 1
        parser.skipWhitespace()
        if parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "]") {
            parser.index += 1
        } else {
            while true {
                parser.skipWhitespace()
                let start = parser.index
                try body(try parser.value(depth: 1), start)
                parser.skipWhitespace()
                guard parser.index < bytes.count else { throw parser.failure("the input ends inside the array") }
                if bytes[parser.index] == UInt8(ascii: ",") {
                    parser.index += 1
                } else if bytes[parser.index] == UInt8(ascii: "]") {
                    parser.index += 1
                    break
                } else {
                    throw parser.failure("expected ',' or ']' between events")
                }
            }
        }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the array") }
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var text = text
        let result: Result<JSONValue, Failure> = text.withUTF8 { bytes in
            do throws(Failure) { return .success(try parse(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        func failure(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth < JSONParser.maximumDepth else { throw failure("nested more than \(JSONParser.maximumDepth) levels deep") }
            guard index < bytes.count else { throw failure("the input ends where a value was expected") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw failure(unexpectedCharacter())
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw failure("unexpected end of input") }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
                throw failure("expected \(word)")
            }
            index += count
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var members: [(String, JSONValue)] = []
            // Duplicates are looked for among the keys so far; a Set (hashing each key) only for
            // objects with many: objects are mostly small, and hashing was 6% of an import.
            var keys: Set<String>?
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in quotes") }
                let keyStart = index
                let key = try string()
                let isDuplicate: Bool
                if members.count < JSONParser.keysCheckedInOrder {
                    isDuplicate = members.contains { $0.0 == key }
                } else {
                    if keys == nil { keys = Set(members.map(\.0)) }
                    isDuplicate = !keys!.insert(key).inserted
                }
                guard !isDuplicate else {
                    throw Failure(offset: keyStart, reason: "the key \"\(key)\" appears twice in one object")
                }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
                index += 1
                skipWhitespace()
                members.append((key, try value(depth: depth + 1)))
                skipWhitespace()
                guard index < bytes.count else { throw failure("the input ends inside an object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                } else {
                    throw failure("expected ',' or '}' in an object")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard index < bytes.count else { throw failure("the input ends inside an array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                } else {
                    throw failure("expected ',' or ']' in an array")
                }
            }
        }

        mutating func number() throws(Failure) -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits(_ cursor: inout Cursor) -> Int {
                let first = cursor.index
                while cursor.index < cursor.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(cursor.bytes[cursor.index]) {
                    cursor.index += 1
                }
                return cursor.index - first
            }
            guard index < bytes.count else { throw failure("a number ends too soon") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if digits(&self) == 0 {
                throw failure("a number needs digits")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits(&self) > 0 else { throw failure("a decimal point needs digits after it") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits(&self) > 0 else { throw failure("an exponent needs digits") }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        mutating func string() throws(Failure) -> String {
            index += 1
            let start = index
            // Fast path: no escapes.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    index += 1
                    return try validUTF8(slice, at: start)
                }
                if byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw failure("a control character must be escaped inside a string") }
                index += 1
            }
            var scalars = String.UnicodeScalarView()
            let prefix = try validUTF8(UnsafeBufferPointer(rebasing: bytes[start..<index]), at: start)
            scalars.append(contentsOf: prefix.unicodeScalars)
            var runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    scalars.append(contentsOf: try validUTF8(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), at: runStart).unicodeScalars)
                    index += 1
                    return String(scalars)
                }
                if byte < 0x20 { throw failure("a control character must be escaped inside a string") }
                if byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                scalars.append(contentsOf: try validUTF8(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), at: runStart).unicodeScalars)
                index += 1
                guard index < bytes.count else { throw failure("the input ends inside an escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let first = try hex4()
                    if first == 0 {
                        // CSV and TSV refuse it, and C strings end at it: text never holds one.
                        throw failure("\\u0000 (NUL) is not a character text may hold")
                    }
                    if (0xD800...0xDBFF).contains(first) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw failure("a high surrogate \\u\(String(first, radix: 16)) must be followed by a low one")
                        }
                        index += 2
                        let second = try hex4()
                        guard (0xDC00...0xDFFF).contains(second) else { throw failure("expected a low surrogate") }
                        scalars.append(Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!)
                    } else if (0xDC00...0xDFFF).contains(first) {
                        throw failure("a lone low surrogate \\u\(String(first, radix: 16))")
                    } else {
                        scalars.append(Unicode.Scalar(first)!)
                    }
                default:
                    throw failure("unknown escape '\\\(Unicode.Scalar(escape).escaped(asASCII: true))'")
                }
                runStart = index
            }
            throw failure("the input ends inside a string")
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: throw failure("\\u needs four hex digits")
                }
                value = value << 4 | digit
                index += 1
            }
            return value
        }

        /// Checked by `UTF8Check` (which accepts what `String(validating:)` accepts), then decoded:
        /// `String(validating:as:)` is generic and unspecialised here, and took 9% of an import
        /// (with its run-time metadata look-ups, 15%).
        /// What the byte at `index` starts, for an error: a character, or a byte that is not UTF-8.
        func unexpectedCharacter() -> String {
            let byte = bytes[index]
            guard byte >= 0x80 else { return "unexpected character '\(Unicode.Scalar(byte).escaped(asASCII: true))'" }
            var decoder = UTF8()
            var iterator = bytes[index...].makeIterator()
            if case .scalarValue(let scalar) = decoder.decode(&iterator) {
                return "unexpected character '\(Character(scalar))'"
            }
            let hex = String(byte, radix: 16, uppercase: true)
            let encoding = UTF8Check.likelyEncoding(of: UnsafeBufferPointer(rebasing: bytes[index..<min(index + 256, bytes.count)]))
            return "the byte 0x\(hex) is not UTF-8 text (a file saved as \(encoding.described)? import it with --encoding \(encoding.option), or convert it with iconv -f \(encoding.iconv) -t UTF-8)"
        }

        func validUTF8(_ slice: UnsafeBufferPointer<UInt8>, at offset: Int) throws(Failure) -> String {
            guard UTF8Check.problem(in: slice) != .invalidUTF8 else {
                // As a CSV field's is named: the code page, and the conversion.
                let encoding = UTF8Check.likelyEncoding(of: slice)
                throw Failure(offset: offset, reason: "a string is not valid UTF-8 (a file saved as \(encoding.described)? import it with --encoding \(encoding.option), or convert it with iconv -f \(encoding.iconv) -t UTF-8)")
            }
            return String(decoding: slice, as: UTF8.self)
        }
    }
}
