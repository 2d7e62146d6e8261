import Foundation
import Synchronization
import Testing
@testable import TimelineCore

/// The documents one thread writes to the spool come out of it on another, whole and in order,
/// however they fall across the writer's and the reader's chunks, and the reader waits for the
/// writer rather than taking a document not yet written for the end.
@Suite struct SearchDocumentSpoolTests {
    typealias Document = (rowID: Int64, fields: [[UInt8]])

    /// Documents of every size: empty fields, a field longer than a chunk, many small ones.
    static func documents() -> [Document] {
        var documents: [Document] = []
        for index in 0..<3_000 {
            let title = Array("Titre n° \(index) — éclair".utf8)
            let summary = index % 3 == 0 ? [] : Array(repeating: UInt8(ascii: "a") + UInt8(index % 26), count: index % 700)
            let quotes = index == 1_234 ? Array(repeating: UInt8(ascii: "q"), count: 700_000) : Array("« \(index) »".utf8)
            let names = index % 5 == 0 ? [] : Array("Entité \(index % 7) entite-\(index % 7)".utf8)
            documents.append((Int64(index * 3 + 1), [title, summary, quotes, names]))
        }
        return documents
    }

    static func append(_ document: Document, to spool: SearchDocumentSpool) throws {
        try document.fields[0].withUnsafeBytes { title in
            try document.fields[1].withUnsafeBytes { summary in
                try document.fields[2].withUnsafeBytes { quotes in
                    try document.fields[3].withUnsafeBytes { names in
                        try spool.append(rowID: document.rowID, (title, summary, quotes, names))
                    }
                }
            }
        }
    }

    /// Every document read, until the end.
    static func readAll(from spool: SearchDocumentSpool) throws -> [Document] {
        var read: [Document] = []
        while try spool.next({ rowID, fields in
            read.append((rowID, [Array(fields.0), Array(fields.1), Array(fields.2), Array(fields.3)]))
        }) {}
        return read
    }

    @Test func documentsWrittenOnOneThreadAreReadOnAnotherAsWritten() throws {
        let spool = try SearchDocumentSpool()
        let written = Self.documents()
        let result = Mutex<Result<[Document], any Error>?>(nil)
        // The reader starts first: it waits for each document instead of seeing an end.
        let reader = try WorkerThread(stackSize: 1 << 20, for: "to read the spool") {
            let outcome = Result { try Self.readAll(from: spool) }
            result.withLock { $0 = outcome }
        }
        for (index, document) in written.enumerated() {
            try Self.append(document, to: spool)
            // Some documents handed over one at a time, the reader caught up and waiting.
            if index % 500 == 0 {
                try spool.flush()
                usleep(2_000)
            }
        }
        try spool.finishWriting()
        reader.join()
        let read = try #require(try result.withLock { $0 }?.get())
        #expect(read.count == written.count)
        #expect(read.map(\.rowID) == written.map(\.rowID))
        #expect(zip(read, written).allSatisfy { $0.fields == $1.fields })
        #expect(try spool.next { _, _ in Issue.record("a document after the end") } == false, "the end stays the end")
    }

    @Test func aSpoolNothingWasWrittenToEnds() throws {
        let spool = try SearchDocumentSpool()
        try spool.finishWriting()
        #expect(try Self.readAll(from: spool).isEmpty)
    }

    @Test func anAbandonedSpoolEndsAtTheReadersNextDocument() throws {
        let spool = try SearchDocumentSpool()
        let written = Self.documents()
        for document in written.prefix(10) { try Self.append(document, to: spool) }
        try spool.flush()
        var read: [Int64] = []
        for _ in 0..<3 { _ = try spool.next { rowID, _ in read.append(rowID) } }
        // Seven written and flushed are left, and five never flushed: none is read.
        for document in written.dropFirst(10).prefix(5) { try Self.append(document, to: spool) }
        spool.abandon()
        #expect(try spool.next { rowID, _ in read.append(rowID) } == false)
        #expect(read == written.prefix(3).map(\.rowID))
    }

    /// A reader waiting for the writer is woken by the abandon, and ends.
    @Test func aReaderWaitingForAnAbandonedSpoolEnds() throws {
        let spool = try SearchDocumentSpool()
        let ended = Mutex<Bool?>(nil)
        let reader = try WorkerThread(stackSize: 1 << 20, for: "to read the spool") {
            let outcome = try? Self.readAll(from: spool).isEmpty
            ended.withLock { $0 = outcome }
        }
        usleep(20_000)
        spool.abandon()
        reader.join()
        #expect(ended.withLock { $0 } == true)
    }

    @Test func theFileIsGoneFromItsFolderOnceMade() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try SearchDocumentSpool(in: folder.path)
        try Self.append(Self.documents()[0], to: spool)
        try spool.flush()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(try Self.readAll(from: { try spool.finishWriting(); return spool }()).count == 1)
    }

    @Test func theDefaultFolderIsOneThisProcessCanWriteTo() throws {
        let folder = try #require(SearchDocumentSpool.temporaryFolder())
        #expect(access(folder, W_OK | X_OK) == 0)
        #expect(try SearchDocumentSpool().folder == folder)
    }

    @Test func aFolderThatCannotTakeTheFileIsNamed() throws {
        let error = try #require(throws: TimelineError.self) { try SearchDocumentSpool(in: "/nonexistent-folder") }
        #expect(error.category == .cannotCreate)
        #expect(error.message.contains("/nonexistent-folder"))
        #expect(error.message.contains("No such file or directory"))
    }
}
