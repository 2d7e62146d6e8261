import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
@testable import TimelineCore

/// The checks of the fuzz targets in `Fuzz/Targets`, run on every file of their seed corpus
/// (`Fuzz/Corpus/<target>`) and on every input a fuzz run found and a fix made pass
/// (`Fuzz/Regressions/<target>`), so that both stay valid and the checks run in `swift test`.
@Suite("Fuzz corpus and regressions")
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The files of `Fuzz/<folder>/<target>`, as (name, bytes).
    static func inputs(_ folder: String, _ target: String) -> [(name: String, bytes: [UInt8])] {
        let directory = root.appendingPathComponent("Fuzz/\(folder)/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { return nil }
            return (name, Array(data))
        }
    }

    // MARK: - Dates

    @Test func dateCorpusPassesTheChecks() {
        let corpus = Self.inputs("Corpus", "dates")
        #expect(corpus.count >= 24)
        var parsed = 0
        for input in corpus {
            let problems = DateChecks.run(input.bytes, parsed: &parsed)
            #expect(problems.isEmpty, "Fuzz/Corpus/dates/\(input.name): \(problems)")
        }
        // The corpus is mostly dates that parse, with some that must not.
        #expect(parsed > corpus.count / 2)
    }

    @Test func dateRegressionsPassTheChecks() {
        let regressions = Self.inputs("Regressions", "dates")
        #expect(!regressions.isEmpty)
        var parsed = 0
        for input in regressions {
            let problems = DateChecks.run(input.bytes, parsed: &parsed)
            #expect(problems.isEmpty, "Fuzz/Regressions/dates/\(input.name): \(problems)")
        }
    }

    /// Found by the date target: the 50th century (4900–4999, `49XX`) displays in French as
    /// `Le siècle`, which the parser read as the filler word `le` and a bare `siècle`, and refused.
    @Test func frenchFiftiethCenturyReadsBack() throws {
        let date = try TimelineDate(edtf: "49XX")
        #expect(date.display(.french) == "Le siècle")
        let back = try TimelineDate.parse(date.display(.french))
        #expect(back.edtf == "49XX")
        #expect(try TimelineDate.parse("vers Le siècle").edtf == "49XX~")
        // `le` before another century's number is still a filler.
        #expect(try TimelineDate.parse("le XXIe siècle").edtf == "20XX")
        #expect(throws: TimelineDateError.self) { try TimelineDate.parse("the century") }
    }

    /// Found by the date target: an uncertain or approximate winter across a century change displays
    /// as `Winter 1999–2000?`, which the parser split into an interval from winter 1999 to 2000.
    @Test(arguments: [("1999-24?", "Winter 1999–2000?", "hiver 1999–2000 ?"),
                      ("4999-24%", "c. Winter 4999–5000?", "vers hiver 4999–5000 ?")])
    func qualifiedWinterAcrossACenturyReadsBack(edtf: String, english: String, french: String) throws {
        let date = try TimelineDate(edtf: edtf)
        #expect(date.display(.english) == english)
        #expect(date.display(.french) == french)
        #expect(try TimelineDate.parse(english).edtf == edtf)
        #expect(try TimelineDate.parse(french).edtf == edtf)
        // Another year after the winter's is still the end of an interval.
        #expect(try TimelineDate.parse("winter 2019 – 2022?").edtf == "2019-24/2022?")
    }

    // MARK: - CSV and TSV

    @Test func delimitedCorpusPassesTheChecks() throws {
        let corpus = Self.inputs("Corpus", "delimited")
        #expect(corpus.count >= 24)
        for input in corpus {
            let problems = try DelimitedChecks.run(input.bytes)
            #expect(problems.isEmpty, "Fuzz/Corpus/delimited/\(input.name): \(problems)")
        }
    }

    @Test func delimitedRegressionsPassTheChecks() throws {
        let regressions = Self.inputs("Regressions", "delimited")
        #expect(!regressions.isEmpty)
        for input in regressions {
            let problems = try DelimitedChecks.run(input.bytes)
            #expect(problems.isEmpty, "Fuzz/Regressions/delimited/\(input.name): \(problems)")
        }
    }

    /// Found by the delimited target: when the first `read` returned fewer than three bytes (a pipe
    /// fed slowly), a byte-order mark split across reads was not skipped and became part of the
    /// first field. Here a FIFO is fed the mark one byte at a time.
    @Test(arguments: ["bom-split-across-reads.csv"])
    func byteOrderMarkSplitAcrossReadsIsSkipped(name: String) throws {
        let bytes = try #require(Self.inputs("Regressions", "delimited").first { $0.name == name }?.bytes)
        let fromFile = try DelimitedChecks.read(bytes, .csv)
        let fromPipe = try DelimitedChecks.readThroughFIFO(bytes, .csv, pieces: [1, 1, 1])
        #expect(fromPipe == fromFile)
        #expect(fromFile.records.first?.first == "\u{FEFF}a")
    }

    /// Found by the delimited target: the CSV writer doubled quotes by Character, and a quote
    /// followed by a combining mark is one Character, so the quote was left single and the line
    /// written could not be read back.
    @Test func csvWriterDoublesAQuoteBeforeACombiningMark() throws {
        let field = "a\"\u{0301}b"
        let line = DelimitedText.csvLine([field, "x"])
        #expect(Array(line.utf8) == Array("\"a\"\"\u{0301}b\",x\r\n".utf8))
        let back = try DelimitedChecks.read(Array(line.utf8), .csv)
        #expect(back.failure == nil)
        #expect(back.records.map { $0.map { Array($0.unicodeScalars) } } == [[Array(field.unicodeScalars), ["x"]]])
    }

    // MARK: - JSON and NDJSON

    @Test func jsonCorpusPassesTheChecks() throws {
        let corpus = Self.inputs("Corpus", "json")
        #expect(corpus.count >= 24)
        var decoded = 0
        for input in corpus {
            let problems = try JSONChecks.run(input.bytes, decoded: &decoded)
            #expect(problems.isEmpty, "Fuzz/Corpus/json/\(input.name): \(problems)")
        }
        // The export lines and the hand-written events decode.
        #expect(decoded >= 10)
    }

    /// Found while fuzzing the JSON target: the human date reader tries every separator of an
    /// interval in turn, in time growing with the square of the tokens, so a `when` of 16 KB
    /// (`1-1-1-…`) took seconds, and longer ones minutes. Texts of more than 100 tokens are refused.
    @Test func longDateTextIsRefusedQuickly() throws {
        let bytes = try #require(Self.inputs("Regressions", "json").first { $0.name == "long-when-quadratic.ndjson" }?.bytes)
        let value = try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.Failure) in try JSONParser.parse(buffer) }
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: EventJSONDecoder.FieldError.self) { try EventJSONDecoder.event(from: value) }
        #expect(clock.now - start < .seconds(1))
        // A long text is refused even when it would read as a date; a long form of 20-odd tokens is not.
        let padded = String(repeating: "in ", count: 100) + "2022"
        #expect(throws: TimelineDateError.self) { try TimelineDate.parse(padded) }
        #expect(try TimelineDate.parse(String(repeating: "in ", count: 90) + "2022").edtf == "2022")
        let long = "from Thursday, the 1st of December 2022 to Saturday, the 31st of December 2022"
        #expect(try TimelineDate.parse(long).edtf == "2022-12-01/2022-12-31")
    }

    @Test func jsonRegressionsPassTheChecks() throws {
        var decoded = 0
        for input in Self.inputs("Regressions", "json") {
            let problems = try JSONChecks.run(input.bytes, decoded: &decoded)
            #expect(problems.isEmpty, "Fuzz/Regressions/json/\(input.name): \(problems)")
        }
    }
}

// MARK: - The date target's checks (Fuzz/Targets/DateParserFuzz.swift)

private enum DateChecks {
    static let context = DateParsingContext(reference: CalendarDay(iso: "2022-09-12"), today: CalendarDay(iso: "2026-11-27"))

    static func run(_ bytes: [UInt8], parsed: inout Int) -> [String] {
        var problems: [String] = []
        let lossy = String(decoding: bytes, as: UTF8.self)
        if let date = try? TimelineDate.parse(lossy, context: context) {
            parsed += 1
            problems += check(date, how: "parse")
        }
        if let exact = String(validating: bytes, as: UTF8.self), let strict = try? TimelineDate(edtf: exact) {
            problems += check(strict, how: "TimelineDate(edtf:)")
            if let viaParse = try? TimelineDate.parse(exact, context: context) {
                problems += same(viaParse, strict, "parse vs TimelineDate(edtf:)")
            } else {
                problems.append("TimelineDate(edtf:) reads it but parse refuses it")
            }
        }
        return problems
    }

    static func check(_ date: TimelineDate, how: String) -> [String] {
        var problems = shape(date)
        do {
            problems += same(try TimelineDate(edtf: date.edtf), date, "TimelineDate(edtf: '\(date.edtf)') vs \(how)")
        } catch {
            problems.append("\(how) gave '\(date.edtf)', which TimelineDate(edtf:) refuses: \(error)")
        }
        if let reparsed = try? TimelineDate.parse(date.edtf, context: context) {
            problems += same(reparsed, date, "parse('\(date.edtf)') vs \(how)")
        } else {
            problems.append("parse refuses the normalised edtf '\(date.edtf)'")
        }
        for language in DateDisplayLanguage.allCases {
            let shown = date.display(language)
            if shown.isEmpty { problems.append("display(\(language)) of '\(date.edtf)' is empty") }
            do {
                let back = try TimelineDate.parse(shown, context: context)
                if back.earliest != date.earliest || back.latest != date.latest || back.precision != date.precision
                    || back.approximate != date.approximate || back.uncertain != date.uncertain {
                    problems.append("display(\(language)) of '\(date.edtf)' is '\(shown)', which reads as '\(back.edtf)'")
                }
            } catch {
                problems.append("display(\(language)) of '\(date.edtf)' is '\(shown)', which parse refuses: \(error)")
            }
        }
        return problems
    }

    static func shape(_ date: TimelineDate) -> [String] {
        var problems: [String] = []
        if let earliest = date.earliest, let latest = date.latest, latest < earliest {
            problems.append("'\(date.edtf)': latest \(latest) before earliest \(earliest)")
        }
        if date.isInterval {
            if date.precision != .interval { problems.append("interval '\(date.edtf)' has precision \(date.precision)") }
            if (date.startKind == .date) != (date.start != nil) || (date.endKind == .date) != (date.end != nil) {
                problems.append("interval '\(date.edtf)' has end kinds that disagree with its ends")
            }
            if date.start == nil && date.end == nil { problems.append("interval '\(date.edtf)' has no date at either end") }
            if date.start?.earliest != date.earliest || date.end?.latest != date.latest {
                problems.append("interval '\(date.edtf)' has earliest/latest that are not its ends'")
            }
            for side in [date.start, date.end].compactMap({ $0 }) {
                if side.isInterval { problems.append("interval '\(date.edtf)' has an interval as an end") }
                problems += shape(side)
            }
        } else if date.precision == .interval || date.earliest == nil || date.latest == nil {
            problems.append("single date '\(date.edtf)' lacks a day or has precision interval")
        }
        return problems
    }

    static func same(_ actual: TimelineDate, _ expected: TimelineDate, _ what: String) -> [String] {
        actual == expected ? [] : ["\(what): '\(actual.edtf)' \(String(describing: actual.earliest))…\(String(describing: actual.latest)) "
            + "\(actual.precision) differs from '\(expected.edtf)' \(String(describing: expected.earliest))…"
            + "\(String(describing: expected.latest)) \(expected.precision)"]
    }
}

// MARK: - The delimited target's checks (Fuzz/Targets/DelimitedReaderFuzz.swift)

private enum DelimitedChecks {
    struct Outcome: Equatable {
        var records: [[String]] = []
        var lines: [Int] = []
        var failure: String?
    }

    /// Reads `bytes` from a file in both dialects, checks records and errors, and checks that the
    /// records written back with export's writer read back the same.
    static func run(_ bytes: [UInt8]) throws -> [String] {
        var problems: [String] = []
        for dialect in [DelimitedReader.Dialect.csv, .tsv] {
            let outcome = try read(bytes, dialect, problems: &problems)
            guard !outcome.records.isEmpty else { continue }
            var text = "\u{FEFF}"
            for fields in outcome.records {
                text += dialect == .csv ? DelimitedText.csvLine(fields) : DelimitedText.tsvLine(fields)
            }
            let again = try read(Array(text.utf8), dialect)
            if again.failure != nil || again.records != outcome.records {
                problems.append("\(dialect): records written with DelimitedText read back as \(again), not \(outcome.records)")
            }
        }
        return problems
    }

    static func read(_ bytes: [UInt8], _ dialect: DelimitedReader.Dialect) throws -> Outcome {
        var problems: [String] = []
        let outcome = try read(bytes, dialect, problems: &problems)
        #expect(problems.isEmpty, "\(problems)")
        return outcome
    }

    static func read(_ bytes: [UInt8], _ dialect: DelimitedReader.Dialect, problems: inout [String]) throws -> Outcome {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("input").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        return collect(DelimitedReader(input: try InputFile(path: path), dialect: dialect), bytes, dialect, &problems)
    }

    /// Reads `bytes` through a FIFO whose writer sends the first pieces one at a time, pausing
    /// between them so that each of the reader's first reads returns a single piece.
    static func readThroughFIFO(_ bytes: [UInt8], _ dialect: DelimitedReader.Dialect, pieces: [Int]) throws -> Outcome {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("fifo").path
        try #require(mkfifo(path, 0o600) == 0)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            guard descriptor >= 0 else { return }
            var offset = 0
            for size in pieces + [bytes.count] where offset < bytes.count {
                let end = min(bytes.count, offset + size)
                _ = bytes[offset..<end].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                offset = end
                usleep(150_000)
            }
            close(descriptor)
        }
        writer.start()
        var problems: [String] = []
        let outcome = collect(DelimitedReader(input: try InputFile(path: path), dialect: dialect), bytes, dialect, &problems)
        #expect(problems.isEmpty, "\(problems)")
        return outcome
    }

    static func collect(_ reader: DelimitedReader, _ bytes: [UInt8], _ dialect: DelimitedReader.Dialect,
                        _ problems: inout [String]) -> Outcome {
        let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        var outcome = Outcome()
        do {
            while let record = try reader.next() {
                if record.line < 1 || record.line > lineCount { problems.append("\(dialect): a record on line \(record.line)") }
                if let previous = outcome.lines.last, record.line <= previous {
                    problems.append("\(dialect): record lines go from \(previous) to \(record.line)")
                }
                if record.fields == [""] || record.fields.isEmpty { problems.append("\(dialect): an empty record") }
                outcome.records.append(record.fields)
                outcome.lines.append(record.line)
            }
        } catch let failure as DelimitedReader.Failure {
            if failure.line < 1 || failure.line > lineCount { problems.append("\(dialect): an error on line \(failure.line)") }
            outcome.failure = "\(failure.line): \(failure.reason)"
        } catch {
            problems.append("\(dialect): an error that is not a DelimitedReader.Failure: \(error)")
        }
        return outcome
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}

// MARK: - The JSON target's checks (Fuzz/Targets/JSONEventFuzz.swift)

private enum JSONChecks {
    static let context = DateChecks.context

    static func run(_ bytes: [UInt8], decoded: inout Int) throws -> [String] {
        var problems: [String] = []
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = Array(bytes.dropFirst(hasMark ? 3 : 0))
        let lineCount = body.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let directory = try DelimitedChecks.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("input").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))

        // A binary kind's signature (gzip, ZIP, PDF, SQLite) is refused, named, before anything is read.
        if InputFile.binaryKind(startingWith: Array(bytes.prefix(16)), path: nil) != nil {
            do {
                try InputFile(path: path).skipByteOrderMark()
                problems.append("a binary file's signature was not refused")
            } catch let error as TimelineError where error.message.contains(", not text of events; ") {
            } catch {
                problems.append("a binary file's signature refused as: \(error)")
            }
            return problems
        }

        // NDJSON, as import reads it: each line from InputFile that is not blank.
        let input = try InputFile(path: path)
        try input.skipByteOrderMark()
        var lines: [[UInt8]] = []
        while let line = try input.nextLine() { lines.append(line) }
        var expected = body.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0.last == 0x0D ? $0.dropLast() : $0) }
        if body.last == 0x0A || body.isEmpty { expected.removeLast() }
        if lines != expected { problems.append("InputFile.nextLine gives \(lines), not \(expected)") }
        for line in lines where !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            problems += line.withUnsafeBufferPointer { document($0, decoded: &decoded) }
        }
        if body.contains(0x0A) { problems += body.withUnsafeBufferPointer { document($0, decoded: &decoded) } }

        // A JSON array, read from memory by forEachElement and from the file by JSONArrayReader.
        var inMemory: [(value: JSONValue, line: Int)] = []
        var inMemoryFailure: JSONParser.Failure?
        body.withUnsafeBufferPointer { all in
            do {
                try JSONParser.forEachElement(ofArrayIn: all) { value, offset in
                    inMemory.append((value, all[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }))
                    problems += roundTrip(value)
                    problems += (try? event(value)) ?? []
                }
            } catch let failure as JSONParser.Failure {
                if failure.offset < 0 || failure.offset > all.count { problems.append("an error at offset \(failure.offset)") }
                inMemoryFailure = failure
            } catch {
                problems.append("forEachElement threw \(type(of: error)): \(error)")
            }
        }
        var streamed: [(value: JSONValue?, line: Int)] = []
        var streamFailure: JSONArrayReader.Failure?
        let arrayInput = try InputFile(path: path)
        try arrayInput.skipByteOrderMark()
        let reader = JSONArrayReader(input: arrayInput)
        do {
            while let element = try reader.next() {
                if element.line < 1 || element.line > lineCount { problems.append("an element on line \(element.line)") }
                let value = element.bytes.withUnsafeBufferPointer { try? JSONParser.parse($0) }
                if let value {
                    problems += roundTrip(value)
                    problems += (try? event(value)) ?? []
                }
                streamed.append((value, element.line))
            }
        } catch let failure as JSONArrayReader.Failure {
            if failure.line < 1 || failure.line > lineCount { problems.append("JSONArrayReader fails on line \(failure.line)") }
            streamFailure = failure
        } catch {
            problems.append("JSONArrayReader threw \(type(of: error)): \(error)")
        }
        let streamAccepts = streamFailure == nil && streamed.allSatisfy { $0.value != nil }
        if inMemoryFailure == nil {
            if !streamAccepts || streamed.count != inMemory.count
                || !zip(streamed, inMemory).allSatisfy({ pair in
                    pair.0.value.map { identical($0, pair.1.value) } == true && pair.0.line == pair.1.line
                }) {
                problems.append("forEachElement and JSONArrayReader read different elements")
            }
        } else if streamAccepts, let failure = inMemoryFailure, !failure.reason.hasPrefix("nested more than") {
            problems.append("JSONArrayReader accepts the array that forEachElement refuses: \(failure)")
        }
        return problems
    }

    static func document(_ bytes: UnsafeBufferPointer<UInt8>, decoded: inout Int) -> [String] {
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(bytes)
        } catch {
            return error.offset < 0 || error.offset > bytes.count ? ["an error at offset \(error.offset)"] : []
        }
        var problems = roundTrip(parsed)
        if let text = String(validating: bytes, as: UTF8.self), (try? JSONParser.parse(text)).map({ identical($0, parsed) }) != true {
            problems.append("the String parse differs from the byte parse")
        }
        do {
            problems += try event(parsed)
            decoded += 1
        } catch {
            // A field error: refused as it should be.
        }
        return problems
    }

    static func roundTrip(_ value: JSONValue) -> [String] {
        var problems: [String] = []
        for asciiOnly in [false, true] {
            var written: [UInt8] = []
            write(value, to: &written, asciiOnly: asciiOnly)
            let again = written.withUnsafeBufferPointer { try? JSONParser.parse($0) }
            if again.map({ $0 == value && identical($0, value) }) != true {
                problems.append("written back as \(String(decoding: written, as: UTF8.self).debugDescription), it parses differently")
            }
        }
        return problems
    }

    static func event(_ value: JSONValue) throws(EventJSONDecoder.FieldError) -> [String] {
        let event = try EventJSONDecoder.event(from: value, context: context)
        var problems: [String] = []
        if event.kind.isEmpty || event.title.isEmpty { problems.append("an event without a kind or title") }
        for date in [event.when, event.announced].compactMap({ $0 }) + event.citations.compactMap(\.source.published) {
            if let earliest = date.earliest, let latest = date.latest, latest < earliest {
                problems.append("a date '\(date.edtf)' ends before it starts")
            }
            if (try? TimelineDate(edtf: date.edtf)) != date { problems.append("'\(date.edtf)' does not read back the same") }
        }
        for measure in event.measures where ExactDecimal(measure.value)?.description != measure.value {
            problems.append("a measure value '\(measure.value)' is not a canonical exact decimal")
        }
        let exported = EventJSON.object(event)
        guard let exportedValue = try? JSONParser.parse(exported) else {
            return problems + ["the export of the event does not parse: \(exported)"]
        }
        if exportedValue["when"] != .string(event.when.edtf) { problems.append("the export's when is not the edtf") }
        if !event.entities.contains(where: { $0.slug.isEmpty }),
           (try? EventJSONDecoder.event(from: exportedValue, context: context)) != event {
            problems.append("the export of the event does not decode to the same event: \(exported)")
        }
        return problems
    }

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

    static func identical(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a.utf8.elementsEqual(b.utf8)
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { identical($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && zip(a, b).allSatisfy { $0.0.unicodeScalars.elementsEqual($1.0.unicodeScalars) && identical($0.1, $1.1) }
        default: return false
        }
    }
}
