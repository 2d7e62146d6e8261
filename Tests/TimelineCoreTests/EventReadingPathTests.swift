import Foundation
import Testing
@testable import TimelineCore

/// The fast paths of reading give what the plain ones give: events read a batch at a time are the
/// events read one by one, and the machine formats written from the stored rows are byte for byte
/// what the same writer makes of whole events.
@Suite struct EventReadingPathTests {
    let store: TimelineStore

    /// Text that needs every kind of escaping the formats do, and some that needs none.
    static let awkward = "q\"uo,te; new\nline; cr\r; tab\t; back\\slash; ctl \u{1}\u{1F}; del \u{7F}; "
        + "LS \u{2028} PS \u{2029}; ellipsis … ; « é » 中文 😀"

    init() throws {
        store = try TimelineStore(inMemoryWith: TimelineMigrations.embedded)
        // More events than one batch, with lists of every length and awkward text.
        for index in 0..<(EventReader.batchSize * 2 + 17) {
            let when = try TimelineDate(edtf: index % 5 == 0 ? "2021-\(String(format: "%02d", index % 12 + 1))" :
                                              index % 7 == 0 ? "2020/2021-06-30" : index % 11 == 0 ? "2019~" :
                                              "2021-03-\(String(format: "%02d", index % 28 + 1))")
            let entities = (0..<(index % 4)).map { EventEntity(slug: "entity-\($0 + index % 3)", name: "Entity \($0 + index % 3) \(Self.awkward)", role: "subject") }
            let sources = (0..<(index % 3)).map { number in
                Source(key: "source-\(index % 9)-\(number)", url: number == 0 ? nil : "https://example.org/\(index % 9)-\(number)",
                       title: number == 1 ? nil : "Title \(Self.awkward)", publisher: "Publisher \(number)",
                       published: number == 2 ? nil : try? TimelineDate(edtf: "2021-04-0\(number + 1)"),
                       language: number == 0 ? "fr" : "en", type: "news", note: nil)
            }
            let citations = sources.enumerated().map { number, source in
                Citation(source: source, stance: number == 2 ? .contradicts : .supports,
                         quote: number == 1 ? nil : "« \(Self.awkward) » \(index)", quoteLanguage: number == 1 ? nil : source.language,
                         translation: number == 0 ? "translation \(index)" : nil, note: number == 2 ? "note \(Self.awkward)" : nil)
            }
            let measures = (0..<(index % 3)).map { number in
                Measure(quantity: "employees-laid-off", value: number == 0 ? "\(index * 10)" : "12.50", unit: "person",
                        entity: entities.first?.slug, approximate: number == 1, qualifier: number == 1 ? "more-than" : nil,
                        source: sources.first?.key, note: number == 0 ? nil : "figure \(Self.awkward)")
            }
            let event = Event(
                uid: "event-\(index)", kind: "launch", status: index % 6 == 0 ? .planned : .occurred,
                title: "Event \(index) \(Self.awkward)", summary: index % 2 == 0 ? nil : "Summary \(Self.awkward)",
                when: when, announced: index % 3 == 0 ? try TimelineDate(edtf: "2020-12") : nil,
                entities: entities, tags: (0..<(index % 3)).map { "tag-\($0)" }, measures: measures, citations: citations)
            _ = try store.save(event)
        }
    }

    @Test func eventsReadInBatchesAreTheEventsReadOneByOne() throws {
        let batched = try store.events(matching: EventQuery())
        #expect(batched.count > EventReader.batchSize * 2)
        for event in batched {
            #expect(try store.event(uid: event.uid) == event, "\(event.uid)")
        }
        #expect(batched.contains { $0.citations.count == 2 && $0.measures.count == 2 && $0.entities.count == 3 })
        // A range ordered from the spans gathers runs of tied events into batches; the entities
        // and sources its events share are read once and reused.
        let ranged = try store.events(matching: EventQuery(from: CalendarDay(iso: "2021-03-01"), to: CalendarDay(iso: "2021-03-31")))
        #expect(ranged.count > EventReader.batchSize)
        for event in ranged {
            #expect(try store.event(uid: event.uid) == event, "\(event.uid)")
        }
    }

    @Test(arguments: [OutputFormat.csv, .tsv, .json, .ndjson])
    func storedTextIsWhatTheEventsGive(format: OutputFormat) throws {
        for query in [EventQuery(), EventQuery(from: CalendarDay(iso: "2021-03-05"), to: CalendarDay(iso: "2021-03-09")),
                      EventQuery(search: "ellipsis", reverse: true), EventQuery(kinds: ["layoff"]), EventQuery(limit: 3, offset: 130)] {
            let plain = try written(format) { writer in
                try writer.begin()
                try store.forEachEvent(matching: query) { try writer.write($0) }
                try writer.end()
            }
            let fast = try written(format) { try store.writeEvents(matching: query, to: $0) }
            #expect(plain.count > 40)
            guard fast != plain else { continue }
            // Name the first line that differs rather than printing megabytes of bytes.
            let fastLines = String(decoding: fast, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let plainLines = String(decoding: plain, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(fastLines, plainLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(fastLines.count, plainLines.count)
            Issue.record("""
                \(format) of \(query): line \(line + 1) differs (\(fastLines.count) lines vs \(plainLines.count)):
                fast:  \(line < fastLines.count ? fastLines[line] : "<none>")
                plain: \(line < plainLines.count ? plainLines[line] : "<none>")
                """)
        }
    }

    @Test func theFastPathIsTakenOnlyForTheMachineFormats() throws {
        #expect(Set(OutputFormat.allCases.filter { EventListWriter(format: $0, output: .standardOutput()).writesStoredText })
                == [.csv, .tsv, .json, .ndjson])
    }

    /// What `format` writes of the events `query` selects: from the stored rows (`writeEvents`, the
    /// fast path for the machine formats) or from whole events.
    static func written(_ store: TimelineStore, format: OutputFormat, query: EventQuery, storedText: Bool) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = EventListWriter(format: format, output: try TextOutput.file(path))
        if storedText {
            try store.writeEvents(matching: query, to: writer)
        } else {
            try writer.begin()
            try store.forEachEvent(matching: query) { try writer.write($0) }
            try writer.end()
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    private func written(_ format: OutputFormat, _ body: (EventListWriter) throws -> Void) throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(EventListWriter(format: format, output: try TextOutput.file(path)))
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
