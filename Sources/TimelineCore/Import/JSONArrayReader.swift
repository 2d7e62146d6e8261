/// Reads the elements of a JSON array of events one at a time, from a file of any size: only one
/// element's bytes are held at once. Each comes with the line it starts on; the elements themselves
/// are parsed (and checked) by `JSONParser`.
///
/// The array is the whole input, or (`nested`) a value inside a larger document, which goes on
/// after the closing bracket.
final class JSONArrayReader {
    private let scanner: JSONByteScanner
    private let nested: Bool
    private var state = State.beforeArray

    private enum State { case beforeArray, inArray, finished }

    init(input: InputFile) {
        self.scanner = JSONByteScanner(input: input)
        self.nested = false
    }

    init(scanner: JSONByteScanner, nested: Bool) {
        self.scanner = scanner
        self.nested = nested
    }

    typealias Failure = JSONByteScanner.Failure

    /// The next element's bytes and the line it starts on, or nil after the closing bracket.
    func next() throws -> (bytes: [UInt8], line: Int)? {
        switch state {
        case .finished:
            return nil
        case .beforeArray:
            try scanner.expect(UInt8(ascii: "["), "an array of events ('[')")
            if try scanner.peekPastWhitespace() == UInt8(ascii: "]") {
                _ = try scanner.input.nextByte()
                try finish()
                return nil
            }
            state = .inArray
        case .inArray:
            break
        }
        let element = try scanner.scanValue()
        if JSONByteScanner.isBlank(element.bytes) {
            if element.terminator == .endOfInput { throw Failure(line: scanner.line, reason: "the input ends inside the array") }
            throw Failure(line: element.line, reason: "expected an event between commas")
        }
        switch element.terminator {
        case .comma:
            break
        case .closingBracket:
            try finish()
        case .closingBrace:
            throw Failure(line: scanner.line, reason: "unexpected '}' in the array")
        case .endOfInput:
            throw Failure(line: scanner.line, reason: "the input ends inside the array")
        }
        return (element.bytes, element.line)
    }

    private func finish() throws {
        state = .finished
        if !nested { try scanner.expectEndOfInput(after: "the array") }
    }
}
