/// Reads the elements of a top-level JSON array one at a time, from a file of any size: only one
/// element's bytes are held at once. Each comes with the line it starts on; the elements themselves
/// are parsed (and checked) by `JSONParser`.
final class JSONArrayReader {
    private let input: InputFile
    private var line = 1
    private var state = State.beforeArray

    private enum State { case beforeArray, inArray, finished }

    init(input: InputFile) {
        self.input = input
    }

    struct Failure: Error {
        let line: Int
        let reason: String
    }

    /// The next element's bytes and the line it starts on, or nil after the closing bracket.
    func next() throws -> (bytes: [UInt8], line: Int)? {
        switch state {
        case .finished:
            return nil
        case .beforeArray:
            try skipWhitespace()
            guard try input.nextByte() == UInt8(ascii: "[") else {
                throw Failure(line: line, reason: "expected an array of events ('[')")
            }
            try skipWhitespace()
            if try input.peekByte() == UInt8(ascii: "]") {
                _ = try input.nextByte()
                try finish()
                return nil
            }
            state = .inArray
        case .inArray:
            break
        }
        try skipWhitespace()
        let startLine = line
        var bytes: [UInt8] = []
        var depth = 0
        var inString = false
        var escaped = false
        while let byte = try input.nextByte() {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                bytes.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 {
                    guard byte == UInt8(ascii: "]") else { throw Failure(line: line, reason: "unexpected '}' in the array") }
                    try element(bytes, startLine)
                    try finish()
                    return (bytes, startLine)
                }
                depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                try element(bytes, startLine)
                return (bytes, startLine)
            default:
                break
            }
            bytes.append(byte)
        }
        throw Failure(line: line, reason: "the input ends inside the array")
    }

    private func element(_ bytes: [UInt8], _ startLine: Int) throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw Failure(line: startLine, reason: "expected an event between commas")
        }
    }

    private func finish() throws {
        state = .finished
        try skipWhitespace()
        if try input.peekByte() != nil {
            throw Failure(line: line, reason: "unexpected text after the array")
        }
    }

    private func skipWhitespace() throws {
        while let byte = try input.peekByte(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            if byte == 0x0A { line += 1 }
            _ = try input.nextByte()
        }
    }
}
