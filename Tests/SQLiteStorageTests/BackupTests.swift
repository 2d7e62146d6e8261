import Foundation
import Testing
@testable import SQLiteStorage

/// The online backup finishes while another connection keeps writing, and copies one state.
@Suite struct BackupTests {
    /// Writes a row after another on its own connection until told to stop, or until
    /// `giveUpAfter` has passed (then `gaveUp` is set: the backup had not finished by then).
    final class SteadyWriter: @unchecked Sendable {
        private let lock = NSLock()
        private var stopRequested = false
        private(set) var gaveUp = false
        private(set) var writes = 0
        private let done = DispatchSemaphore(value: 0)

        init(path: String, giveUpAfter seconds: Double) {
            let thread = Thread { [self] in
                defer { done.signal() }
                guard let database = try? Database(path: path, busyTimeout: 2000) else { return }
                let deadline = Date().addingTimeInterval(seconds)
                while true {
                    lock.lock()
                    let stop = stopRequested
                    lock.unlock()
                    if stop { return }
                    if Date() > deadline {
                        lock.lock()
                        gaveUp = true
                        lock.unlock()
                        return
                    }
                    if (try? database.execute("INSERT INTO t (body) VALUES (randomblob(1000))")) != nil {
                        lock.lock()
                        writes += 1
                        lock.unlock()
                    }
                }
            }
            thread.start()
        }

        func stop() {
            lock.lock()
            stopRequested = true
            lock.unlock()
            done.wait()
        }

        var writesSoFar: Int {
            lock.lock()
            defer { lock.unlock() }
            return writes
        }
    }

    @Test(arguments: ["wal", "delete"])
    func aBackupFinishesWhileAnotherConnectionKeepsWriting(journalMode: String) throws {
        let path = try temporaryPath()
        defer { removeDatabase(path) }
        let database = try Database(path: path, busyTimeout: 2000)
        #expect(try database.scalar("PRAGMA journal_mode = \(journalMode)") == .text(journalMode))
        try database.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body BLOB)")
        try database.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) INSERT INTO t (body) SELECT randomblob(1000) FROM n")

        let writer = SteadyWriter(path: path, giveUpAfter: 60)
        while writer.writesSoFar < 5 { Thread.sleep(forTimeInterval: 0.01) }
        let copyPath = path + ".copy"
        let copy = try Database(path: copyPath)
        // A hundred pages a step: every write between two steps used to restart the copy.
        try database.backup(to: copy, pagesPerStep: 100)
        let writesWhenDone = writer.writesSoFar
        writer.stop()
        #expect(!writer.gaveUp, "the backup finished while the other connection was still writing")
        #expect(try copy.scalar("PRAGMA integrity_check") == .text("ok"))
        guard case .integer(let rows)? = try copy.scalar("SELECT count(*) FROM t") else {
            Issue.record("no count")
            return
        }
        #expect(rows >= 20005 && rows <= 20000 + Int64(writesWhenDone), "one state of the table: \(rows) rows")
        #expect(!database.isInTransaction, "the snapshot held for the copy is released")
    }
}
