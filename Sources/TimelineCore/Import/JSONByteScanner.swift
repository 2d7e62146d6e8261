/// Cuts JSON text read from a stream into the bytes of one value at a time, counting lines, without
/// parsing it: `JSONParser` parses (and checks) each value's bytes afterwards. Only one value's
/// bytes are held at once, so the file around them may be of any size.
final class JSONByteScanner {
    let input: InputFile
    /// The line the next byte is on.
    private(set) var line = 1

    init(input: InputFile) {
        self.input = input
    }

    /// Scans `input` from a point in a document that is on `line`.
    init(input: InputFile, line: Int) {
        self.input = input
        self.line = line
    }

    /// Something that is not JSON, or not the JSON expected, and the line it is on.
    struct Failure: Error {
        let line: Int
        let reason: String
    }

    /// What ended a value: the `,`, `]` or `}` after it on its own level (consumed), or the end of the input.
    enum Terminator: Equatable {
        case comma, closingBracket, closingBrace, endOfInput
    }

    func skipWhitespace() throws {
        while let byte = try input.peekByte(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            if byte == 0x0A { line += 1 }
            _ = try input.nextByte()
        }
    }

    /// After any whitespace, the next byte, left unread.
    func peekPastWhitespace() throws -> UInt8? {
        try skipWhitespace()
        return try input.peekByte()
    }

    /// Reads `byte` after any whitespace, or throws saying what was expected.
    func expect(_ byte: UInt8, _ expectation: @autoclosure () -> String) throws {
        try skipWhitespace()
        guard try input.nextByte() == byte else { throw Failure(line: line, reason: "expected \(expectation())") }
    }

    /// The bytes of the value that starts here (whitespace around it included), the line it starts
    /// on, and what ended it.
    func scanValue() throws -> (bytes: [UInt8], line: Int, terminator: Terminator) {
        try skipWhitespace()
        let startLine = line
        var bytes: [UInt8] = []
        var depth = 0
        var strings = StringState()
        while let byte = try input.nextByte() {
            if byte == 0x0A { line += 1 }
            if strings.isText(byte) {
                bytes.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    return (bytes, startLine, byte == UInt8(ascii: "]") ? .closingBracket : .closingBrace)
                }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                return (bytes, startLine, .comma)
            default:
                break
            }
            bytes.append(byte)
        }
        return (bytes, startLine, .endOfInput)
    }

    /// The bytes of the object that starts here and the line it starts on, or nil at the end of
    /// the input: for objects one after another, separated by whitespace only.
    func scanObject() throws -> (bytes: [UInt8], line: Int)? {
        try skipWhitespace()
        guard let first = try input.peekByte() else { return nil }
        guard first == UInt8(ascii: "{") else { throw Failure(line: line, reason: "expected an event object ('{')") }
        let startLine = line
        var bytes: [UInt8] = []
        var depth = 0
        var strings = StringState()
        while let byte = try input.nextByte() {
            if byte == 0x0A { line += 1 }
            bytes.append(byte)
            if strings.isText(byte) { continue }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return (bytes, startLine) }
            default: break
            }
        }
        throw Failure(line: line, reason: "the input ends inside the event that starts on line \(startLine)")
    }

    /// Reads past the value that starts here, as `scanValue` does, without holding its bytes:
    /// `copy`, if given, takes them one at a time. For a value of any size.
    func skipValue(copyingTo copy: InputFile.SpoolWriter? = nil) throws -> Terminator {
        try skipWhitespace()
        var depth = 0
        var strings = StringState()
        while let byte = try input.nextByte() {
            if byte == 0x0A { line += 1 }
            if !strings.isText(byte) {
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return byte == UInt8(ascii: "]") ? .closingBracket : .closingBrace }
                    depth -= 1
                case UInt8(ascii: ",") where depth == 0:
                    return .comma
                default:
                    break
                }
            }
            try copy?.append(byte)
        }
        return .endOfInput
    }

    /// How many lines into `bytes` (a JSON array, as `scanValue` gives it) its element `index`
    /// starts, or nil when it has fewer elements: for errors that name an entry of a long list.
    static func lineOffset(ofElement index: Int, inArray bytes: [UInt8]) -> Int? {
        var lines = 0
        var depth = 0
        var element = 0
        var strings = StringState()
        var awaitingElement = false
        for byte in bytes {
            if awaitingElement && depth == 1 && !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09) {
                if byte == UInt8(ascii: "]") { return nil }
                if element == index { return lines }
                awaitingElement = false
            }
            if byte == 0x0A { lines += 1 }
            if strings.isText(byte) { continue }
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if depth == 1 { awaitingElement = true }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ",") where depth == 1:
                element += 1
                awaitingElement = true
            default:
                break
            }
        }
        return nil
    }

    /// How many lines into `bytes` the byte at `offset` is.
    static func lineOffset(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// Whether the bytes read so far leave the next one inside a JSON string, so that brackets
    /// and commas there are text, not structure.
    struct StringState {
        private var inString = false
        private var escaped = false

        /// Takes the next byte: true when it belongs to a string (its quotes included).
        @inline(__always)
        mutating func isText(_ byte: UInt8) -> Bool {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                return true
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                return true
            }
            return false
        }
    }

    /// Whether `bytes` hold nothing but whitespace (a missing value, as in `[1,,2]`).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Nothing but whitespace may follow.
    func expectEndOfInput(after what: String) throws {
        if try peekPastWhitespace() != nil {
            throw Failure(line: line, reason: "unexpected text after \(what)")
        }
    }
}
