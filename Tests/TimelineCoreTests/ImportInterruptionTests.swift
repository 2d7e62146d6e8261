import Foundation
import SQLiteStorage
import Synchronization
import Testing
@testable import TimelineCore

/// An import asked to stop (the CLI asks on SIGINT) rolls back whole, wherever it stands: in the
/// load, in the search index's build after it, or just before it commits.
@Suite struct ImportInterruptionTests {
    /// `count` events, enough for the bulk load's large-load path (indexes and the search index built after).
    static func ndjson(count: Int, in folder: URL) throws -> String {
        var text = ""
        for index in 0..<count {
            let day = String(format: "%04d-%02d-%02d", 2000 + index % 20, 1 + index % 12, 1 + index % 28)
            text += #"{"uid":"e\#(index)","kind":"layoff","title":"Company \#(index % 97) cuts \#(index) jobs","when":"\#(day)","#
            text += #""entities":[{"name":"Company \#(index % 97)"}],"measures":[{"quantity":"positions-cut","value":"\#(index)","unit":"position"}]}"# + "\n"
        }
        let path = folder.appendingPathComponent("events.ndjson").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Counts the store's stop checks, and says stop from the `limit`th on.
    final class StopAfter: Sendable {
        let checks = Atomic<Int>(0)
        let limit: Int
        init(_ limit: Int) { self.limit = limit }
        func check() -> Bool { checks.add(1, ordering: .relaxed).newValue >= limit }
    }

    @Test func anImportStoppedAnywhereLeavesTheFileAsItWas() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = try Self.ndjson(count: 10_000, in: folder)
        let empty = folder.appendingPathComponent("empty.sqlite").path
        _ = try ImportFastPathTests.emptyStore(empty)
        let before = try Data(contentsOf: URL(fileURLWithPath: empty))

        // How many checks a whole import makes.
        let counting = StopAfter(.max)
        let whole = folder.appendingPathComponent("whole.sqlite").path
        try FileManager.default.copyItem(atPath: empty, toPath: whole)
        let summary = try Importer(store: TimelineStore(path: whole, stoppingWhen: counting.check), path: events, options: ImportOptions()).run()
        #expect(summary.inserted == 10_000)
        let total = counting.checks.load(ordering: .relaxed)
        try #require(total > 100, "the import makes the store check often: \(total)")

        // Stopped at points through the load, the index builds at its end, and its commit.
        for fraction in stride(from: 0.05, through: 1.0, by: 0.05) {
            let path = folder.appendingPathComponent("stopped-\(fraction).sqlite").path
            try FileManager.default.copyItem(atPath: empty, toPath: path)
            let stop = StopAfter(Int(Double(total) * fraction))
            do {
                let store = try TimelineStore(path: path, stoppingWhen: stop.check)
                _ = try Importer(store: store, path: events, options: ImportOptions()).run()
                Issue.record("stopped at \(fraction) of the checks, the import went on")
            } catch let error as TimelineError {
                #expect(error.category == .interrupted, "at \(fraction): \(error.message)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the file as it was, stopped at \(fraction)")
        }
    }
}
