import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// A load into an empty timeline, or large beside the timeline, runs under a rollback journal (the
/// write-ahead log would grow with the load and slow every page read), only when no other
/// connection has the file, and puts the log back afterwards.
@Suite struct ImportJournalTests {
    /// The sample file with one row whose date cannot be read: skipped with `--skip-invalid`,
    /// which calls `reject` during the load, where the journal mode is looked at.
    static func sampleWithABadRow(in folder: URL) throws -> String {
        let path = try ImportFastPathTests.sampleCSV(in: folder)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let columns = text.prefix { !$0.isNewline }.split(separator: ",").map(String.init)
        let values = ["uid": "bad-date", "kind": "launch", "title": "A date nobody can read", "when": "sometime soonish"]
        text += DelimitedText.csvLine(columns.map { values[$0] ?? "" })
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func journalMode(_ database: Database) throws -> String? {
        if case .text(let mode)? = try database.scalar("PRAGMA journal_mode") { return mode }
        return nil
    }

    @Test func aLoadIntoAnEmptyTimelineUsesARollbackJournalAndPutsTheLogBack() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleWithABadRow(in: folder)
        let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("empty.sqlite").path)
        #expect(try Self.journalMode(store.database) == "wal")

        var options = ImportOptions()
        options.skipInvalid = true
        var modesDuringLoad: [String?] = []
        // The sample is small: as large as a file that switches, it switches.
        let importer = try Importer(store: store, path: csv, options: options)
        importer.rollbackJournalLoadSize = 0
        let summary = try importer.run(reject: { _ in
            modesDuringLoad.append(try? Self.journalMode(store.database))
        })
        #expect(summary.rejected > 0, "the sample has a bad row, which is when the mode is looked at")
        #expect(modesDuringLoad.allSatisfy { $0 == "delete" }, "\(modesDuringLoad)")
        #expect(try Self.journalMode(store.database) == "wal")

        // A second load into the now non-empty timeline keeps the log when the file is small beside
        // it, and leaves it when large.
        for (share, mode) in [(Double.infinity, "wal"), (0, "delete")] {
            modesDuringLoad = []
            let importer = try Importer(store: store, path: csv, options: options)
            importer.rollbackJournalLoadSize = 0
            importer.largeLoadShare = share
            _ = try importer.run(reject: { _ in
                modesDuringLoad.append(try? Self.journalMode(store.database))
            })
            #expect(!modesDuringLoad.isEmpty && modesDuringLoad.allSatisfy { $0 == mode }, "share \(share): \(modesDuringLoad)")
            #expect(try Self.journalMode(store.database) == "wal")
        }
    }

    /// A small file, and a dry run of any size, keep the log: switching would move the change
    /// counter in the file's header, and a failed or dry import must leave the file as it was.
    @Test func aSmallFileOrADryRunKeepsTheLog() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleWithABadRow(in: folder)
        for dryRun in [false, true] {
            let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("empty-\(dryRun).sqlite").path)
            var options = ImportOptions()
            options.skipInvalid = true
            options.dryRun = dryRun
            let importer = try Importer(store: store, path: csv, options: options)
            if dryRun { importer.rollbackJournalLoadSize = 0 }
            var modesDuringLoad: [String?] = []
            _ = try importer.run(reject: { _ in modesDuringLoad.append(try? Self.journalMode(store.database)) })
            #expect(!modesDuringLoad.isEmpty && modesDuringLoad.allSatisfy { $0 == "wal" }, "dry run \(dryRun): \(modesDuringLoad)")
        }
    }

    @Test func anotherConnectionKeepsTheLog() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = try Self.sampleWithABadRow(in: folder)
        let path = folder.appendingPathComponent("shared.sqlite").path
        let store = try ImportFastPathTests.emptyStore(path)
        let reader = try Database(path: path, mode: .readOnly)
        #expect(try reader.scalar("SELECT count(*) FROM events") == .integer(0))

        var options = ImportOptions()
        options.skipInvalid = true
        var modesDuringLoad: [String?] = []
        let summary = try Importer(store: store, path: csv, options: options).run(reject: { _ in
            modesDuringLoad.append(try? Self.journalMode(store.database))
        })
        #expect(summary.inserted > 0)
        #expect(!modesDuringLoad.isEmpty && modesDuringLoad.allSatisfy { $0 == "wal" }, "\(modesDuringLoad)")
        #expect(try reader.scalar("SELECT count(*) FROM events") == .integer(Int64(summary.inserted)))
    }
}
