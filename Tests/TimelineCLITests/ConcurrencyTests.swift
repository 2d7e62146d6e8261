import Foundation
import Testing

/// Readers, an importer and a writer at once: no reader fails or sees half a write.
@Suite struct ConcurrencyTests {
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var failures: [String] = []
        private(set) var counts: [Int] = []
        func record(_ result: CLIResult, countLines: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if result.status != 0 { failures.append("exit \(result.status): \(result.stderr)") }
            if countLines { counts.append(result.stdout.split(separator: "\n").count - 1) }
        }
    }

    /// Two edits of one event at once, each of another field: both changes are kept, as each
    /// reads the event in the transaction that saves it (an edit read before the other's save
    /// wrote its old value back, and history showed a change nobody made).
    @Test func concurrentEditsOfOneEventKeepBothChanges() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        var lost: [String] = []
        for round in 0..<8 {
            let uid = "e\(round)"
            #expect(try CLI.run(["add", "--db", db, "--uid", uid, "--kind", "launch", "--date", "2020", "--title", "Old", "--entity", "Acme"]).status == 0)
            let edits = [["--title", "New title"], ["--status", "cancelled"], ["--tag", "tech"]]
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: edits.count) { index in
                if let result = try? CLI.run(["edit", uid, "--db", db] + edits[index]) { outcomes.record(result, countLines: false) }
            }
            #expect(outcomes.failures.isEmpty, "\(outcomes.failures)")
            let shown = try CLI.run(["show", uid, "--db", db, "--format", "json"]).stdout
            let event = try #require(try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])
            let row = "\(event["title"]!)|\(event["status"]!)|\(event["tags"]!)"
            if event["title"] as? String != "New title" || event["status"] as? String != "cancelled" || event["tags"] as? [String] != ["tech"] {
                lost.append(row)
            }
        }
        #expect(lost.isEmpty, "changes lost: \(lost)")
    }

    @Test func readersNeverFailNorSeeHalfAWrite() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        try CLI.run(["list", "--db", db])
        let importSize = 1_500
        let adds = 15
        let events = try ReliabilityData.ndjson(count: importSize, in: folder)
        let outcomes = Outcomes()
        let group = DispatchGroup()
        let done = Atomic()
        for _ in 0..<4 {
            group.enter()
            DispatchQueue.global().async {
                while !done.isSet {
                    if let result = try? CLI.run(["list", "--db", db, "--format", "tsv"]) {
                        outcomes.record(result, countLines: true)
                    }
                }
                group.leave()
            }
        }
        group.enter()
        DispatchQueue.global().async {
            for index in 0..<adds {
                if let result = try? CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2021-0\(1 + index % 9)",
                                               "--title", "Concurrent \(index)", "--uid", "concurrent-\(index)"]) {
                    outcomes.record(result, countLines: false)
                }
            }
            group.leave()
        }
        let imported = try CLI.run(["import", events, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        Thread.sleep(forTimeInterval: 0.5)
        done.set()
        group.wait()

        #expect(outcomes.failures.isEmpty, "\(outcomes.failures.prefix(3))")
        #expect(!outcomes.counts.isEmpty)
        for count in outcomes.counts {
            let extra = count - 15
            let whole = (0...adds).contains(extra) || (0...adds).contains(extra - importSize)
            #expect(whole, "a reader saw \(count) events: half of a write")
        }
        #expect(try CLI.run(["list", "--db", db, "--format", "tsv"]).stdout.split(separator: "\n").count - 1 == 15 + adds + importSize)
    }

    @Test func pastTheBusyTimeoutAWriterExits75WithASentence() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        try CLI.run(["list", "--db", db])
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db, "BEGIN IMMEDIATE;", ".shell sleep 3", "COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        Thread.sleep(forTimeInterval: 0.7)
        let before = try folder.bytes("timeline.sqlite")
        let result = try CLI.run(["add", "--db", db, "--busy-timeout-ms", "300", "--kind", "launch", "--date", "2020", "--title", "x"])
        #expect(result.status == 75)
        #expect(result.stderr == "timeline: the database \(db) is busy (locked by another process); try again (--busy-timeout-ms sets how long to wait).\n")
        let reader = try CLI.run(["list", "--db", db, "--format", "tsv"])
        #expect(reader.status == 0, "readers are not blocked by a writer")
        holder.waitUntilExit()
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    /// Ctrl-C while a write waits for another process's lock breaks the wait off at once,
    /// however long --busy-timeout-ms allows, and changes nothing.
    @Test func anInterruptBreaksOffTheWaitForALock() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        try CLI.run(["list", "--db", db])
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db, "BEGIN IMMEDIATE;", ".shell sleep 4", "COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        Thread.sleep(forTimeInterval: 0.7)
        let before = try folder.bytes("timeline.sqlite")
        let writer = Process()
        writer.executableURL = CLI.executable
        writer.arguments = ["add", "--db", db, "--busy-timeout-ms", "60000", "--kind", "launch", "--date", "2020", "--title", "x"]
        let err = Pipe()
        writer.standardError = err
        writer.standardOutput = FileHandle.nullDevice
        try writer.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(writer.processIdentifier, SIGINT)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.waitUntilExit()
        // Waited out, the add would have run once the holder let go, and exited 0.
        #expect(writer.terminationStatus == 130 && stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(writer.terminationStatus) \(stderr)")
        holder.waitUntilExit()
        #expect(try folder.bytes("timeline.sqlite") == before)
    }

    /// In a rollback-journal file an exclusive lock stops readers too: `sql` waits as long as
    /// --busy-timeout-ms says, as the other commands do (it gave up after five seconds whatever
    /// was given). The lock is held about seven seconds; asked to wait fifteen, sql gets through.
    @Test func sqlWaitsForALockAsLongAsAsked() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        try CLI.run(["list", "--db", db])
        _ = try CLI.run([db, "PRAGMA journal_mode = DELETE"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [db, "BEGIN EXCLUSIVE;", "DELETE FROM event_tags WHERE 0;", ".shell sleep 7", "COMMIT;"]
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        Thread.sleep(forTimeInterval: 0.7)
        let result = try CLI.run(["sql", "SELECT count(*) FROM events", "--db", db, "--busy-timeout-ms", "15000", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "count(*)\r\n15\r\n")
        holder.waitUntilExit()
    }
}

/// A flag set once, read from many threads.
final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
