// libFuzzer target: the JSON parser and the event decoder (the NDJSON and JSON import paths).
//
// Built by Fuzz/run.sh with Formats/JSONParser.swift, JSONValue.swift, JSONText.swift, EventJSON.swift,
// Import/EventJSONDecoder.swift, JSONArrayReader.swift, JSONByteScanner.swift, InputFile.swift, Model/*.swift, Dates/*.swift,
// Query/ExactDecimal.swift and TimelineError.swift, in one module. The input is read from a file as
// `import` reads it: as NDJSON (each line from `InputFile.nextLine`), and as a JSON array (elements
// split by `JSONArrayReader`, each parsed alone); and from memory as one JSON document and as an
// array (`JSONParser.forEachElement`). Properties (violations trap):
// - nothing crashes; errors are `JSONParser.Failure` (offset within the input),
//   `JSONArrayReader.Failure` (line within the input) or `EventJSONDecoder.FieldError` only;
// - the lines `InputFile` gives are the text's; where one array reading accepts the whole array,
//   the other gives the same elements on the same lines;
// - a value that parses, written back as JSON (UTF-8 as it stands, and again with every non-ASCII
//   character as a \u escape), parses again to an equal `JSONValue`, scalar for scalar;
// - a decoded event is sound: kind and title not empty, dates that read back from their EDTF, measure
//   values that are canonical exact decimals; and the JSON `export` writes for it (`EventJSON`)
//   parses, and decodes back to the same event (unless an entity had no slug to write).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

let fuzzContext = DateParsingContext(reference: CalendarDay(iso: "2022-09-12"), today: CalendarDay(iso: "2026-11-27"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    JSONFuzzChecks.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

enum JSONFuzzChecks {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // As `import` reads a file: a UTF-8 byte-order mark at the start is skipped.
        let hasMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let body = hasMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
        let lineCount = body.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        // A UTF-16 or UTF-32 byte order mark is refused, named, before anything is read.
        if [[0xFF, 0xFE], [0xFE, 0xFF], [0, 0, 0xFE, 0xFF]].contains(where: { bytes.starts(with: $0) }) {
            do {
                try FuzzFile.open(bytes).skipByteOrderMark()
                fail("a UTF-16 or UTF-32 byte order mark was not refused", bytes)
            } catch let error as TimelineError
                where error.message.contains(" text (it starts with a UTF-") || error.message.contains(" starts with UTF-16's byte order mark") {
                // (An import converts UTF-16 before the reader sees it: the reader meets it only
                // under --encoding utf-8.)
                return
            } catch {
                fail("a UTF-16 or UTF-32 byte order mark refused as: \(error)", bytes)
            }
        }

        // A file that starts as a binary kind does (gzip, ZIP, PDF, SQLite) is refused, named,
        // before anything is read.
        if InputFile.binaryKind(startingWith: Array(bytes.prefix(16)), path: nil) != nil {
            do {
                try FuzzFile.open(bytes).skipByteOrderMark()
                fail("a binary file's signature was not refused", bytes)
            } catch let error as TimelineError where error.message.contains(", not text of events; ") {
                return
            } catch {
                fail("a binary file's signature refused as: \(error)", bytes)
            }
        }

        // NDJSON, as `import` reads it: each line from InputFile (without its LF, and a CR before
        // it) that is not blank; the lines must be those of the text.
        var expectedLines: [[UInt8]] = []
        var lineStart = 0
        for index in 0...body.count where index == body.count || body[index] == 0x0A {
            var lineEnd = index
            if lineEnd > lineStart, body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if index < body.count || lineStart < body.count { expectedLines.append(Array(body[lineStart..<lineEnd])) }
            lineStart = index + 1
        }
        var readLines: [[UInt8]] = []
        do {
            let input = FuzzFile.open(bytes)
            try input.skipByteOrderMark()
            while let line = try input.nextLine() {
                readLines.append(line)
                if readLines.count > bytes.count + 1 { fail("InputFile.nextLine returns more lines than bytes", bytes) }
            }
        } catch {
            fail("reading the lines failed: \(error)", bytes)
        }
        if readLines != expectedLines {
            fail("InputFile.nextLine gives \(readLines.count) lines \(readLines), not \(expectedLines)", bytes)
        }
        for line in readLines where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            line.withUnsafeBufferPointer { checkDocument($0) }
        }
        // The whole input as one document, unless it is a single line (already checked).
        if body.contains(0x0A) { checkDocument(body) }

        // A JSON array of events, as `JSONParser.forEachElement` reads it from memory…
        var inMemory: [(value: JSONValue, line: Int)] = []
        var inMemoryFailure: JSONParser.Failure?
        do {
            try JSONParser.forEachElement(ofArrayIn: body) { value, offset in
                if offset < 0 || offset >= body.count { fail("an element offset \(offset) outside the input", bytes) }
                inMemory.append((value, body[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }))
                checkRoundTrip(value, bytes)
                _ = try? decodeAndCheck(value, bytes)
            }
        } catch let failure as JSONParser.Failure {
            checkFailure(failure, body)
            inMemoryFailure = failure
        } catch {
            fail("forEachElement threw \(type(of: error)): \(error)", bytes)
        }
        // … and as `import` reads it: `JSONArrayReader` splits the elements from the file, and
        // each is parsed alone. Where one reading accepts the whole array, so must the other.
        var streamed: [(value: JSONValue?, line: Int)] = []
        var streamFailure: JSONArrayReader.Failure?
        do {
            let input = FuzzFile.open(bytes)
            try input.skipByteOrderMark()
            let reader = JSONArrayReader(input: input)
            while let element = try reader.next() {
                if element.line < 1 || element.line > lineCount || element.line < (streamed.last?.line ?? 1) {
                    fail("JSONArrayReader gives an element on line \(element.line) of \(lineCount)", bytes)
                }
                if streamed.count > bytes.count { fail("JSONArrayReader gives more elements than bytes", bytes) }
                let value = element.bytes.withUnsafeBufferPointer { try? JSONParser.parse($0) }
                if let value {
                    checkRoundTrip(value, bytes)
                    _ = try? decodeAndCheck(value, bytes)
                }
                streamed.append((value, element.line))
            }
        } catch let failure as JSONArrayReader.Failure {
            if failure.line < 1 || failure.line > lineCount {
                fail("JSONArrayReader fails on line \(failure.line) of \(lineCount): \(failure.reason)", bytes)
            }
            streamFailure = failure
        } catch {
            fail("JSONArrayReader threw \(type(of: error)): \(error)", bytes)
        }
        let streamAccepts = streamFailure == nil && streamed.allSatisfy { $0.value != nil }
        if inMemoryFailure == nil {
            guard streamAccepts, streamed.count == inMemory.count,
                  zip(streamed, inMemory).allSatisfy({ pair in
                      pair.0.value.map { identical($0, pair.1.value) } == true && pair.0.line == pair.1.line
                  })
            else {
                fail("forEachElement reads \(inMemory.count) elements, JSONArrayReader \(streamed.count) "
                     + "(\(streamed.filter { $0.value == nil }.count) unparsable, error: \(streamFailure?.reason ?? "none"))", bytes)
            }
        } else if streamAccepts, let failure = inMemoryFailure, !failure.reason.hasPrefix("nested more than") {
            // (forEachElement counts the array as a level of nesting; each element parsed alone does not.)
            fail("JSONArrayReader accepts the array that forEachElement refuses: \(failure)", bytes)
        }
    }

    /// One JSON text: parsed from bytes and from a String, which must agree.
    static func checkDocument(_ bytes: UnsafeBufferPointer<UInt8>) {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(bytes)
        } catch {
            checkFailure(error, bytes)
            if let text = String(validating: bytes, as: UTF8.self), (try? JSONParser.parse(text)) != nil {
                fail("the String parse accepts what the byte parse refuses", bytes)
            }
            return
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            guard let fromText = try? JSONParser.parse(text), identical(fromText, parsed) else {
                fail("the String parse differs from the byte parse", bytes)
            }
        }
        checkRoundTrip(parsed, bytes)
        do {
            _ = try decodeAndCheck(parsed, bytes)
        } catch {
            // Typed throws: only EventJSONDecoder.FieldError reaches here.
        }
    }

    static func checkFailure(_ failure: JSONParser.Failure, _ bytes: UnsafeBufferPointer<UInt8>) {
        if failure.offset < 0 || failure.offset > bytes.count {
            fail("an error at offset \(failure.offset) of \(bytes.count) bytes: \(failure.reason)", bytes)
        }
    }

    /// Written back, in both forms, the value parses again to the same value.
    static func checkRoundTrip(_ value: JSONValue, _ bytes: UnsafeBufferPointer<UInt8>) {
        for asciiOnly in [false, true] {
            var written: [UInt8] = []
            write(value, to: &written, asciiOnly: asciiOnly)
            let text = String(decoding: written, as: UTF8.self).debugDescription
            let again: JSONValue
            do {
                again = try written.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in try JSONParser.parse(buffer) }
            } catch {
                fail("the value written back as \(text) does not parse: \(error)", bytes)
            }
            if again != value || !identical(again, value) {
                fail("the value written back as \(text) parses to a different value", bytes)
            }
        }
    }

    /// Decodes an event and checks it; rethrows the decoder's error.
    static func decodeAndCheck(_ value: JSONValue, _ bytes: UnsafeBufferPointer<UInt8>) throws(EventJSONDecoder.FieldError) -> Event {
        let event = try EventJSONDecoder.event(from: value, context: fuzzContext)
        if event.kind.isEmpty || event.title.isEmpty { fail("an event without a kind or title was decoded", bytes) }
        let dates = [event.when, event.announced].compactMap { $0 } + event.citations.compactMap(\.source.published)
        for date in dates {
            if let earliest = date.earliest, let latest = date.latest, latest < earliest {
                fail("a date '\(date.edtf)' ends before it starts", bytes)
            }
            guard let again = try? TimelineDate(edtf: date.edtf), again == date else {
                fail("a date's edtf '\(date.edtf)' does not read back as the same date", bytes)
            }
        }
        for measure in event.measures where ExactDecimal(measure.value)?.description != measure.value {
            fail("a measure value '\(measure.value)' is not a canonical exact decimal", bytes)
        }
        // What export writes for it is JSON, and reads back as the same event.
        let exported = EventJSON.object(event)
        let exportedValue: JSONValue
        do {
            exportedValue = try JSONParser.parse(exported)
        } catch {
            fail("the JSON export writes for the event does not parse: \(error) in \(exported.debugDescription)", bytes)
        }
        if exportedValue["when"] != .string(event.when.edtf) { fail("the export's when is not the event's edtf", bytes) }
        if !event.entities.contains(where: { $0.slug.isEmpty }) {
            do {
                let reread = try EventJSONDecoder.event(from: exportedValue, context: fuzzContext)
                if reread != event { fail("the event's export decodes to a different event: \(exported.debugDescription)", bytes) }
            } catch {
                fail("the event's export does not decode: \(error) in \(exported.debugDescription)", bytes)
            }
        }
        return event
    }

    /// A minimal JSON writer; strings go through the escaping export uses (`JSONText`), or,
    /// with `asciiOnly`, every non-ASCII scalar as `\uXXXX` (a surrogate pair above U+FFFF).
    static func write(_ value: JSONValue, to text: inout [UInt8], asciiOnly: Bool) {
        switch value {
        case .null: text += "null".utf8
        case .bool(let flag): text += (flag ? "true" : "false").utf8
        case .number(let number): text += number.utf8
        case .string(let string): writeString(string, to: &text, asciiOnly: asciiOnly)
        case .array(let elements):
            text += "[".utf8
            for (index, element) in elements.enumerated() {
                if index > 0 { text += (asciiOnly ? ", " : ",").utf8 }
                write(element, to: &text, asciiOnly: asciiOnly)
            }
            text += "]".utf8
        case .object(let members):
            text += (asciiOnly ? "{ " : "{").utf8
            for (index, (key, member)) in members.enumerated() {
                if index > 0 { text += (asciiOnly ? ",\n" : ",").utf8 }
                writeString(key, to: &text, asciiOnly: asciiOnly)
                text += (asciiOnly ? " : " : ":").utf8
                write(member, to: &text, asciiOnly: asciiOnly)
            }
            text += (asciiOnly ? " }" : "}").utf8
        }
    }

    static func writeString(_ string: String, to text: inout [UInt8], asciiOnly: Bool) {
        guard asciiOnly else { return JSONText.appendString(string, to: &text) }
        text += "\"".utf8
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\"".utf8
            case "\\": text += "\\\\".utf8
            case "/": text += "\\/".utf8
            case "\u{08}": text += "\\b".utf8
            case "\u{0C}": text += "\\f".utf8
            default:
                if scalar.value >= 0x20 && scalar.value < 0x7F {
                    text.append(UInt8(scalar.value))
                } else if scalar.value <= 0xFFFF {
                    text += hex(scalar.value).utf8
                } else {
                    let offset = scalar.value - 0x10000
                    text += (hex(0xD800 + (offset >> 10)) + hex(0xDC00 + (offset & 0x3FF))).utf8
                }
            }
        }
        text += "\"".utf8
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: value & 1 == 0)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    /// Equal, with strings compared scalar for scalar (`==` on String is canonical equivalence).
    static func identical(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { identical($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy {
                $0.0.unicodeScalars.elementsEqual($1.0.unicodeScalars) && identical($0.1, $1.1)
            }
        default: return false
        }
    }

    static func fail(_ message: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Never {
        let shown = String(decoding: bytes.prefix(400), as: UTF8.self).debugDescription
        fatalError("JSON fuzz property violated: \(message) [input: \(shown)]")
    }
}

/// Gives `InputFile` the fuzz input through a real file: one anonymous file, rewritten for each
/// input and opened afresh through /proc/self/fd.
enum FuzzFile {
    nonisolated(unsafe) static var descriptor: Int32 = -1

    static func open(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFile {
        if descriptor < 0 {
            var template = Array((access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp").utf8CString.dropLast())
            template += Array("/json-fuzz-XXXXXX".utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { fatalError("mkstemp failed: errno \(errno)") }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        guard ftruncate(descriptor, 0) == 0,
              bytes.isEmpty || pwrite(descriptor, bytes.baseAddress, bytes.count, 0) == bytes.count
        else { fatalError("writing the fuzz input to a file failed: errno \(errno)") }
        do {
            return try InputFile(path: "/proc/self/fd/\(descriptor)")
        } catch {
            fatalError("opening the fuzz input failed: \(error)")
        }
    }
}
