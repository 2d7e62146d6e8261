import Foundation
import Testing
@testable import TimelineCore

/// The streaming reader of timeline documents: members before the events whole, events one at a
/// time with their lines, anything malformed named by line.
@Suite struct SeedDocumentReaderTests {
    private func reader(_ text: String) throws -> (SeedDocumentReader, URL) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seed-reader-\(UUID().uuidString).json")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (SeedDocumentReader(input: try InputFile(path: url.path)), url)
    }

    private func events(_ reader: SeedDocumentReader) throws -> [(JSONValue, Int)] {
        var events: [(JSONValue, Int)] = []
        while let event = try reader.nextEvent() {
            events.append((try event.bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }, event.line))
        }
        return events
    }

    @Test func readsTheHeadWholeAndTheEventsOneAtATime() throws {
        let (reader, url) = try reader("""
            {
              "format" : "timeline-seed/1",
              "entities": [{"slug": "a", "name": "A \\"quoted\\" ] } name"}],
              "sour\\u0063es": [], "relations": [], "kinds": [],
              "events": [
                {"kind": "launch", "title": "One, with a comma", "when": "2020"},

                {"kind": "launch",
                 "title": "Two", "when": "2021"}
              ],
              "description": "after the events"
            }

            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let head = try reader.readHead()
        // With all of the directory before them, the events are read in the same pass.
        #expect(head.map(\.key) == ["format", "entities", "sources", "relations", "kinds"])
        #expect(head.map(\.line) == [2, 3, 4, 4, 4])
        #expect(head[1].value == .array([.object([("slug", .string("a")), ("name", .string("A \"quoted\" ] } name"))])]))
        let events = try events(reader)
        #expect(events.map(\.1) == [6, 8])
        #expect(events.map { $0.0["title"] } == [.string("One, with a comma"), .string("Two")])
        #expect(try reader.nextEvent() == nil)
    }

    @Test func membersAfterTheEventsAreReadBeforeThem() throws {
        // As `jq -S` writes a document: keys sorted, so `events` before `format` and `sources`.
        let (reader, url) = try reader("""
            {
              "description": "sorted",
              "entities": [],
              "events": [
                {"kind": "launch", "title": "One ] } \\" with brackets", "when": "2020"},
                {"kind": "launch",
                 "title": "Two", "when": "2021"}
              ],
              "format": "timeline-seed/1",
              "sources": [{"key": "s"}]
            }
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let head = try reader.readHead()
        #expect(head.map(\.key) == ["description", "entities", "format", "sources"])
        #expect(head.map(\.line) == [2, 3, 9, 10])
        let events = try events(reader)
        #expect(events.map(\.1) == [5, 6], "the events keep their lines")
        #expect(events.map { $0.0["title"] } == [.string("One ] } \" with brackets"), .string("Two")])
        #expect(try reader.nextEvent() == nil)
    }

    @Test func aSpooledCopyReadsBackWhatWasWritten() throws {
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let copy = try InputFile.spooled(named: "standard input") { writer in
            for byte in bytes { try writer.append(byte) }
        }
        var read: [UInt8] = []
        while let byte = try copy.nextByte() { read.append(byte) }
        #expect(copy.name == "standard input")
        #expect(read == bytes, "across more than one 64 KiB block")
    }

    @Test(arguments: [
        (#"{"format": "timeline-seed/1", "events": []}"#, true),
        (#"{"description": "x", "entities": [], "events": []}"#, true),
        ("{\n  \"entities\": [{\"description\": \"nested, not the document's\"}],\n  \"events\": [", true),
        (#"{"entities": [{"slug": "a"}], "kind": "launch", "title": "events", "when": "2020"}"#, false),
        (#"{"kind": "launch", "title": "{\"format\": 1}", "when": "2020"}"# + "\n{\"format\": 1}", false),
        (#"{"entities": [], "sources": [{"key": "format"}]"#, false),
        ("{\n  \"entities\": [],\n  \"sources\": []\n}", true),
        (#"{"kind": "launch", "title": "a \n in a string", "when": "2020"}"# + "\n{}", false),
        // An event written over several lines, as jq writes it, is no document.
        ("{\n  \"uid\": \"c\",\n  \"kind\": \"launch\",\n  \"title\": \"C\",\n  \"when\": \"2022\"\n}\n{\n", false),
        ("{\n  \"entities\": [\n    {\"slug\": \"a\", \"name\": \"A\"}\n  ],\n  \"kind\": \"launch\"\n}", false),
    ])
    func aDocumentIsToldFromNDJSONByItsKeys(text: String, isDocument: Bool) {
        #expect(Importer.looksLikeDocument(Array(text.utf8)) == isDocument, "\(text)")
    }

    @Test func aDocumentWithoutEventsHasOnlyAHead() throws {
        let (reader, url) = try reader(#"{"format": "timeline-seed/1", "entities": []}"#)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try reader.readHead().map(\.key) == ["format", "entities"])
        #expect(try reader.nextEvent() == nil)
    }

    @Test(arguments: [
        (#"[{"kind": "launch"}]"#, 1, "expected a timeline-seed/1 document (a JSON object, '{')"),
        ("{\"format\": \"timeline-seed/1\",\n \"format\": \"x\"}", 2, "the key 'format' appears twice in the document"),
        ("{\"format\": \"timeline-seed/1\",\n \"entities\": [1,}", 2, "'entities': invalid JSON: unexpected character '}'"),
        ("{\"format\": \"timeline-seed/1\",\n \"entities\": [1,\n\n 2 3]}", 4, "'entities': invalid JSON: expected ',' or ']' in an array"),
        ("{\"format\": \"timeline-seed/1\",\n \"entitys\": []}", 2, "'entitys' is not a member of a timeline document; it has format, description, kinds, entities, relations, sources and events"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": {}}", 2, "'events' must be an array of events"),
        ("{\"format\": \"timeline-seed/1\", \"entities\": [], \"relations\": [], \"sources\": [], \"kinds\": [],\n \"events\": [],\n \"sources\": []}", 3,
         "the key 'sources' appears twice in the document"),
        ("{\"events\": [\n{\"kind\": \"x\"}],\n \"events\": []}", 3, "the key 'events' appears twice in the document"),
        ("{\"events\": [\n{\"kind\": \"x\"}],\n \"sources\": [}", 3, "'sources': invalid JSON: unexpected character '}'"),
        ("{\"events\": [\n{\"kind\": \"x\"}\n", 3, "the input ends inside the document"),
        ("{\"events\": [\n{\"kind\": \"x\"}],\n \"entitys\": []}", 3, "'entitys' is not a member of a timeline document; it has format, description, kinds, entities, relations, sources and events"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": []} trailing", 2, "unexpected text after the document"),
        ("{\"format\": \"timeline-seed/1\", \"entities\": [], \"relations\": [], \"sources\": [], \"kinds\": [],\n \"events\": [{\"kind\": \"x\"}", 2,
         "the input ends inside the array"),
        ("{\"format\": \"timeline-seed/1\",\n entities: []}", 2, "expected a key in quotes"),
    ])
    func malformedDocumentsAreNamedByLine(text: String, line: Int, reason: String) throws {
        let (reader, url) = try reader(text)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try reader.readHead()
            _ = try events(reader)
            Issue.record("no failure for \(text)")
        } catch let failure as SeedDocumentReader.Failure {
            #expect(failure.line == line)
            #expect(failure.reason == reason)
        }
    }

    @Test func anEntryIsFoundByItsIndexAcrossLinesStringsAndNesting() {
        let array = Array("""
            [ {"a": "x, [not] {a} \\" , y"},
              ["nested", [1, 2]],

              3 ,
              "last"
            ]
            """.utf8)
        #expect((0..<5).map { JSONByteScanner.lineOffset(ofElement: $0, inArray: array) } == [0, 1, 3, 4, nil])
        #expect(JSONByteScanner.lineOffset(ofElement: 0, inArray: Array("[]".utf8)) == nil)
        #expect(JSONByteScanner.lineOffset(ofElement: 0, inArray: Array("[\n\n 7]".utf8)) == 2)
    }
}
