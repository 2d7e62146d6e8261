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
              "sour\\u0063es": [],
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
        #expect(head.map(\.key) == ["format", "entities", "sources"])
        #expect(head.map(\.line) == [2, 3, 4])
        #expect(head[1].value == .array([.object([("slug", .string("a")), ("name", .string("A \"quoted\" ] } name"))])]))
        let events = try events(reader)
        #expect(events.map(\.1) == [6, 8])
        #expect(events.map { $0.0["title"] } == [.string("One, with a comma"), .string("Two")])
        #expect(try reader.nextEvent() == nil)
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
        ("{\"format\": \"timeline-seed/1\",\n \"entitys\": []}", 2, "'entitys' is not a member of a timeline document; it has format, description, entities, relations, sources and events"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": {}}", 2, "'events' must be an array of events"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": [],\n \"relations\": []}", 3, "'relations' comes after 'events'; a document gives its format, entities, relations and sources before its events"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": []} trailing", 2, "unexpected text after the document"),
        ("{\"format\": \"timeline-seed/1\",\n \"events\": [{\"kind\": \"x\"}", 2, "the input ends inside the array"),
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
