import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// A command that made a new database and then failed removes it, unless another process has
/// written to it or holds it open meanwhile: their write was acknowledged, and must not be lost.
@Suite final class CreatedFileRemovalTests {
    let folder: URL
    var path: String { folder.appendingPathComponent("db.sqlite").path }

    init() throws {
        folder = try ImportFastPathTests.folder()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    @Test func aFileNoOtherConnectionTouchedGoesWithItsJournals() throws {
        let store = try TimelineStore(path: path)
        #expect(store.createdFile)
        #expect(store.removeCreatedFile())
        #expect(!exists(path) && !exists(path + "-wal") && !exists(path + "-shm"))
    }

    @Test func aFileAnotherConnectionWroteToStays() throws {
        let store = try TimelineStore(path: path)
        do {
            let other = try TimelineStore(path: path)
            #expect(!other.createdFile, "the file was there when it opened")
            _ = try other.save(Event(uid: "kept", kind: "launch", status: .occurred, title: "Kept", when: try TimelineDate(edtf: "2020")))
        }
        #expect(!store.removeCreatedFile())
        #expect(try TimelineStore(path: path).events(matching: EventQuery()).contains { $0.uid == "kept" })
    }

    @Test func aFileAnotherConnectionHoldsOpenStays() throws {
        let store = try TimelineStore(path: path)
        let other = try Database(path: path)
        #expect(try other.scalar("SELECT count(*) FROM events") != nil)
        #expect(!store.removeCreatedFile())
        #expect(exists(path))
    }

    @Test func aFileThatWasThereIsNeverRemoved() throws {
        _ = try TimelineStore(path: path)
        let again = try TimelineStore(path: path)
        #expect(!again.createdFile && !again.removeCreatedFile())
        #expect(exists(path))
    }
}
