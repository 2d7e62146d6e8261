/// Reads a `timeline-seed/1` document (`export --format seed`, the files in `Seeds/`) from a file of
/// any size: the members before `events` whole (the entities, relations and sources the events
/// refer to), then the events one at a time.
///
/// Keys may come in any order. The events name what the other lists hold and are saved as they
/// are read, so those lists are read first, wherever they are (see `readHead`).
final class SeedDocumentReader {
    static let formatName = "timeline-seed/1"
    /// The members the events name: read before the events, wherever they are in the document.
    static let directoryKeys: Set<String> = ["kinds", "entities", "relations", "sources"]
    /// The members besides those and `events`.
    static let otherKeys: Set<String> = ["format", "description"]
    static let memberList = "format, description, kinds, entities, relations, sources and events"

    private let scanner: JSONByteScanner
    private var events: JSONArrayReader?
    private var finished = false
    /// Whether members may follow the events still to be read (false once they were read first).
    private var eventsFollowTail = true
    /// The keys of the members read so far, to refuse one given twice.
    private var keysRead: Set<String> = []

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

    /// The members other than `events` (the whole document's, wherever they are), leaving the
    /// reader at the first event.
    ///
    /// A document written by `export` gives its format, entities, relations and sources before its
    /// events, and is read in one pass. Other tools write members in other orders (`jq -S` and
    /// Python's `sort_keys` put `events` before `format`, `relations` and `sources`): then the
    /// events are passed over to read what follows them, and read afterwards from where they
    /// start, in the file opened again, or, from a pipe, in a temporary copy made while passing.
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
                keysRead.insert(key)
                guard try scanner.peekPastWhitespace() == UInt8(ascii: "[") else {
                    throw Failure(line: scanner.line, reason: "'events' must be an array of events")
                }
                // A document without `kinds` (made before it was) is read in two passes, as one
                // giving it after the events (appended by `jq`) must be.
                if Self.directoryKeys.union(["format"]).isSubset(of: keysRead) {
                    events = JSONArrayReader(scanner: scanner, nested: true)
                    return members
                }
                try readMembersAfterEvents(into: &members)
                return members
            }
            switch try readMember(key, into: &members) {
            case .comma: continue
            case .closingBrace:
                try finish()
                return members
            case .closingBracket: throw Failure(line: scanner.line, reason: "unexpected ']' in the document")
            case .endOfInput: throw Failure(line: scanner.line, reason: "the input ends inside the document")
            }
        }
    }

    /// Reads the member `key` names (any but `events`), refusing one the document has already
    /// given; what ended it.
    private func readMember(_ key: String, into members: inout [Member]) throws -> JSONByteScanner.Terminator {
        guard keysRead.insert(key).inserted else {
            throw Failure(line: scanner.line, reason: "the key '\(key)' appears twice in the document")
        }
        guard Self.directoryKeys.contains(key) || Self.otherKeys.contains(key) else {
            throw Failure(line: scanner.line, reason: "'\(key)' is not a member of a timeline document; it has \(Self.memberList)")
        }
        let member = try scanner.scanValue()
        members.append(Member(key: key, value: try parse(member.bytes, line: member.line, what: "'\(key)'"),
                              line: member.line, bytes: member.bytes))
        return member.terminator
    }

    /// With the scanner at the `[` of the events: passes over them, reads the members after them
    /// to the end of the document, and sets the events to be read from their start.
    private func readMembersAfterEvents(into members: inout [Member]) throws {
        let eventsLine = scanner.line
        var terminator: JSONByteScanner.Terminator
        let eventsInput: InputFile
        if let reopened = try scanner.input.reopened(at: scanner.input.offset) {
            terminator = try scanner.skipValue()
            eventsInput = reopened
        } else {
            var afterEvents = JSONByteScanner.Terminator.endOfInput
            eventsInput = try InputFile.spooled(named: scanner.input.name) { copy in
                afterEvents = try scanner.skipValue(copyingTo: copy)
            }
            terminator = afterEvents
        }
        try readMembers(after: terminator, into: &members)
        try scanner.expectEndOfInput(after: "the document")
        eventsFollowTail = false
        events = JSONArrayReader(scanner: JSONByteScanner(input: eventsInput, line: eventsLine), nested: true)
    }

    /// Reads members to the document's closing brace (consumed), from what ended the one before.
    private func readMembers(after terminator: JSONByteScanner.Terminator, into members: inout [Member]) throws {
        var terminator = terminator
        while true {
            switch terminator {
            case .comma:
                try scanner.skipWhitespace()
                terminator = try readMember(try readKey(), into: &members)
            case .closingBrace: return
            case .closingBracket: throw Failure(line: scanner.line, reason: "unexpected ']' in the document")
            case .endOfInput: throw Failure(line: scanner.line, reason: "the input ends inside the document")
            }
        }
    }

    /// The next event's bytes and the line it starts on, or nil after the last.
    func nextEvent() throws -> (bytes: [UInt8], line: Int)? {
        guard let events, !finished else { return nil }
        if let event = try events.next() { return event }
        if eventsFollowTail {
            try readTail()
        } else {
            finished = true
        }
        return nil
    }

    /// What follows the events, when they were read in the first pass: members the reading has
    /// no use for (a `description`), or that the document gave already.
    private func readTail() throws {
        try scanner.skipWhitespace()
        switch try scanner.input.nextByte() {
        case UInt8(ascii: "}")?:
            try finish()
        case UInt8(ascii: ",")?:
            var tail: [Member] = []
            try readMembers(after: .comma, into: &tail)
            try finish()
        default:
            throw Failure(line: scanner.line, reason: "expected ',' or '}' after the events")
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
