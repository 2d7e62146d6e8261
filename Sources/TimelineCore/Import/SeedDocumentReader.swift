/// Reads a `timeline-seed/1` document (`export --format seed`, the files in `Seeds/`) from a file of
/// any size: the members before `events` whole (the entities, relations and sources the events
/// refer to), then the events one at a time.
///
/// Keys may come in any order, except that `entities`, `relations` and `sources` come before
/// `events`: the events are written as they are read, and name what those lists hold.
final class SeedDocumentReader {
    static let formatName = "timeline-seed/1"
    /// The members that must come before `events`.
    static let directoryKeys: Set<String> = ["entities", "relations", "sources"]
    /// The members besides those and `events`.
    static let otherKeys: Set<String> = ["format", "description"]
    static let memberList = "format, description, entities, relations, sources and events"

    private let scanner: JSONByteScanner
    private var events: JSONArrayReader?
    private var finished = false

    typealias Failure = JSONByteScanner.Failure

    init(input: InputFile) {
        scanner = JSONByteScanner(input: input)
    }

    /// A member before the events: its key, its value, the line the value starts on, and its
    /// bytes (to find the line of an entry an error names).
    struct Member {
        let key: String
        let value: JSONValue
        let line: Int
        let bytes: [UInt8]

        /// The line of the entry a field names (`entities[2].type` is on the line `entities[2]`
        /// starts on), or of the member when the field names no entry of it.
        func line(of field: String) -> Int {
            guard let open = field.firstIndex(of: "["), let close = field[open...].firstIndex(of: "]"),
                  let index = Int(field[field.index(after: open)..<close]),
                  let offset = JSONByteScanner.lineOffset(ofElement: index, inArray: bytes)
            else { return line }
            return line + offset
        }
    }

    /// The members up to `events` (or to the end of the object, when it has none). Leaves the
    /// reader at the first event.
    func readHead() throws -> [Member] {
        try scanner.expect(UInt8(ascii: "{"), "a timeline-seed/1 document (a JSON object, '{')")
        var members: [Member] = []
        if try scanner.peekPastWhitespace() == UInt8(ascii: "}") {
            _ = try scanner.input.nextByte()
            try finish()
            return members
        }
        while true {
            let key = try readKey()
            if key == "events" {
                guard try scanner.peekPastWhitespace() == UInt8(ascii: "[") else {
                    throw Failure(line: scanner.line, reason: "'events' must be an array of events")
                }
                events = JSONArrayReader(scanner: scanner, nested: true)
                return members
            }
            guard Self.directoryKeys.contains(key) || Self.otherKeys.contains(key) else {
                throw Failure(line: scanner.line, reason: "'\(key)' is not a member of a timeline document; it has \(Self.memberList)")
            }
            if members.contains(where: { $0.key == key }) {
                throw Failure(line: scanner.line, reason: "the key '\(key)' appears twice in the document")
            }
            let member = try scanner.scanValue()
            members.append(Member(key: key, value: try parse(member.bytes, line: member.line, what: "'\(key)'"),
                                  line: member.line, bytes: member.bytes))
            switch member.terminator {
            case .comma: continue
            case .closingBrace:
                try finish()
                return members
            case .closingBracket: throw Failure(line: scanner.line, reason: "unexpected ']' in the document")
            case .endOfInput: throw Failure(line: scanner.line, reason: "the input ends inside the document")
            }
        }
    }

    /// The next event's bytes and the line it starts on, or nil after the last.
    func nextEvent() throws -> (bytes: [UInt8], line: Int)? {
        guard let events, !finished else { return nil }
        if let event = try events.next() { return event }
        try readTail()
        return nil
    }

    /// What follows the events: only members the reading has no use for (a `description`).
    private func readTail() throws {
        while true {
            try scanner.skipWhitespace()
            switch try scanner.input.nextByte() {
            case UInt8(ascii: "}")?:
                try finish()
                return
            case UInt8(ascii: ",")?:
                try scanner.skipWhitespace()
                let line = scanner.line
                let key = try readKey()
                if Self.directoryKeys.contains(key) || key == "format" || key == "events" {
                    throw Failure(line: line, reason: "'\(key)' comes after 'events'; a document gives its format, entities, relations and sources before its events")
                }
                guard Self.otherKeys.contains(key) else {
                    throw Failure(line: line, reason: "'\(key)' is not a member of a timeline document; it has \(Self.memberList)")
                }
                let member = try scanner.scanValue()
                _ = try parse(member.bytes, line: member.line, what: "'\(key)'")
                switch member.terminator {
                case .comma: throw Failure(line: scanner.line, reason: "expected a key after the comma")
                case .closingBrace:
                    try finish()
                    return
                default: throw Failure(line: scanner.line, reason: "the document does not end with '}'")
                }
            default:
                throw Failure(line: scanner.line, reason: "expected ',' or '}' after the events")
            }
        }
    }

    /// A member's key and its colon.
    private func readKey() throws -> String {
        try scanner.skipWhitespace()
        let line = scanner.line
        guard try scanner.input.peekByte() == UInt8(ascii: "\"") else {
            throw Failure(line: line, reason: "expected a key in quotes")
        }
        var bytes: [UInt8] = []
        var escaped = false
        while let byte = try scanner.input.nextByte() {
            bytes.append(byte)
            if byte == 0x0A { throw Failure(line: line, reason: "a key runs past the end of its line") }
            if bytes.count == 1 { continue }
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                break
            }
        }
        guard case .string(let key) = try parse(bytes, line: line, what: "a key") else {
            throw Failure(line: line, reason: "expected a key in quotes")
        }
        try scanner.expect(UInt8(ascii: ":"), "':' after the key '\(key)'")
        return key
    }

    private func parse(_ bytes: [UInt8], line: Int, what: String) throws -> JSONValue {
        if JSONByteScanner.isBlank(bytes) { throw Failure(line: line, reason: "\(what) has no value") }
        do {
            return try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in try JSONParser.parse(buffer) }
        } catch {
            // The line of the byte at fault, not of the member's start.
            throw Failure(line: line + JSONByteScanner.lineOffset(ofByte: error.offset, in: bytes),
                          reason: "\(what): invalid JSON: \(error.reason)")
        }
    }

    private func finish() throws {
        finished = true
        try scanner.expectEndOfInput(after: "the document")
    }
}
