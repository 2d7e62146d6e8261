import Foundation
import Testing

/// SIGKILL at random moments: the database stays sound and holds all of a write or none of it.
@Suite(.serialized) struct CrashSafetyTests {
    func sqlite(_ path: String, _ sql: String) throws -> String {
        try CLI.run([path, sql], executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
    }

    /// Starts the binary, kills it after `delay` seconds (if still running); true when it was killed.
    func runAndKill(_ arguments: [String], after delay: TimeInterval) throws -> Bool {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed
    }

    /// Runs `arguments` and sends `signal` halfway through a run as long as `duration`; tried
    /// again sooner (up to five times) when the command had finished first. The exit status and
    /// stderr of the run that was interrupted, or nil.
    /// `savedAlready` tells a run the signal reached after its work was saved (a loaded machine
    /// ran it faster than measured, or slower before): tried again sooner.
    func interruptHalfway(_ arguments: [String], with signal: Int32, duration: TimeInterval,
                          savedAlready: (String) -> Bool = { _ in false },
                          before attempt: () throws -> Void) throws -> (status: Int32, stderr: String)? {
        var delay = duration / 2
        for _ in 0..<5 {
            try attempt()
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            process.standardError = err
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, signal) }
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 && !savedAlready(stderr) { return (process.terminationStatus, stderr) }
            delay /= 2
        }
        return nil
    }

    /// How long a command takes here, run once.
    func duration(of arguments: [String]) throws -> TimeInterval {
        let started = Date()
        #expect(try CLI.run(arguments).status == 0)
        return Date().timeIntervalSince(started)
    }

    /// Ctrl-C during an import into a database the command is making: the import stops, nothing
    /// is left (neither the file nor the folders made for it), and the command says so.
    @Test func anInterruptedFirstImportLeavesNoDatabase() throws {
        let folder = try TemporaryFolder()
        let events = try ReliabilityData.ndjson(count: 10_000, in: folder)
        let db = folder.path("new/timeline.sqlite")
        let arguments = ["import", events, "--db", db]
        let whole = try duration(of: arguments)
        let result = try #require(try interruptHalfway(arguments, with: SIGINT, duration: whole) {
            try? FileManager.default.removeItem(atPath: folder.path("new"))
        }, "the import ended before it could be interrupted")
        #expect(result.status == 130)
        #expect(result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("new")), "no half-made database, nor its folder")
    }

    /// Ctrl-C while `import -` waits on a pipe that sends nothing: it stops, and the database it
    /// made for the import is removed.
    @Test func anImportWaitingOnItsInputIsInterrupted() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("new.sqlite")
        let input = Pipe()
        let result = try interruptWhileWaiting(["import", "-", "--format", "ndjson", "--db", db], madeAt: db, input: input)
        try input.fileHandleForWriting.close()
        #expect(result.status == 130)
        #expect(result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// Starts `arguments`, waits until the database at `db` is made and the command waits on its
    /// input, sends SIGINT, and returns the exit status and stderr (killing it, and recording an
    /// issue, when it still waits 10 s later).
    func interruptWhileWaiting(_ arguments: [String], madeAt db: String, input: Pipe? = nil) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        if let input { process.standardInput = input }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: db) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.3)
        kill(process.processIdentifier, SIGINT)
        let stopBy = Date().addingTimeInterval(10)
        while process.isRunning && Date() < stopBy { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            Issue.record("still waiting on its input 10 s after SIGINT")
            kill(process.processIdentifier, SIGKILL)
        }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    /// Runs `arguments` once for each delay, freezing the process (SIGSTOP) after the delay so
    /// that SIGINT lands while it runs, whatever its speed; returns each run's exit status, stdout
    /// and stderr (nil for a run that had ended before the signal).
    func interruptWhileRunning(_ arguments: [String], attempts: Int, spacing: TimeInterval,
                               before: (Int) throws -> [String]) throws -> [(status: Int32, stdout: String, stderr: String)?] {
        var results: [(status: Int32, stdout: String, stderr: String)?] = []
        for attempt in 0..<attempts {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = arguments + (try before(attempt))
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            Thread.sleep(forTimeInterval: spacing * Double(attempt))
            kill(process.processIdentifier, SIGSTOP)
            let running = process.isRunning
            if running { kill(process.processIdentifier, SIGINT) }
            kill(process.processIdentifier, SIGCONT)
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            results.append(running ? (process.terminationStatus, stdout, stderr) : nil)
        }
        return results
    }

    /// A short write on a new database, signalled while it runs: stopped while the database is
    /// made, or before its write commits, it leaves none and says so; stopped after the commit,
    /// its change is saved and said, never called unwritten.
    @Test func aShortFirstWriteInterruptedLeavesNoDatabase() throws {
        let folder = try TemporaryFolder()
        let results = try interruptWhileRunning(["add", "--kind", "launch", "--date", "2020", "--title", "X", "--entity", "Acme"],
                                                attempts: 12, spacing: 0.005) { ["--db", folder.path("new-\($0).sqlite")] }
        var interrupted = 0
        for (attempt, result) in results.enumerated() {
            guard let result else { continue }
            let db = folder.path("new-\(attempt).sqlite")
            if result.status == 130 {
                interrupted += 1
                #expect(result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n" && result.stdout.isEmpty, "\(result)")
                #expect(!FileManager.default.fileExists(atPath: db), "attempt \(attempt) left a database")
            } else {
                #expect(result.status == 0 && result.stdout == "Added acme-launch-2020\n", "attempt \(attempt): \(result)")
                #expect(FileManager.default.fileExists(atPath: db))
            }
        }
        #expect(interrupted > 0)
    }

    /// `list` on a new path makes the database it lists: stopped while it does, it leaves none.
    @Test func aListInterruptedWhileItMakesItsDatabaseLeavesNone() throws {
        let folder = try TemporaryFolder()
        let results = try interruptWhileRunning(["list"], attempts: 8, spacing: 0.004) { ["--db", folder.path("n\($0)/new.sqlite")] }
        var interrupted = 0
        for (attempt, result) in results.enumerated() {
            guard let result else { continue }
            if result.status == 130 {
                interrupted += 1
                #expect(result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(result)")
                #expect(!FileManager.default.fileExists(atPath: folder.path("n\(attempt)")), "attempt \(attempt) left a database or its folder")
            } else {
                #expect(result.status == 0 && result.stderr.contains("so one was made"), "attempt \(attempt): \(result)")
            }
        }
        #expect(interrupted > 0)
    }

    /// An import of a FIFO no writer has opened yet waits for one, and Ctrl-C stops the wait.
    @Test func anImportWaitingForAWriterIsInterrupted() throws {
        let folder = try TemporaryFolder()
        let fifo = folder.path("in.csv")
        #expect(mkfifo(fifo, 0o600) == 0)
        let db = folder.path("new.sqlite")
        let result = try interruptWhileWaiting(["import", fifo, "--db", db], madeAt: db)
        #expect(result.status == 130 && result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A backup stopped by a signal leaves no half copy, keeps the earlier backup, and says so.
    @Test func anInterruptedBackupKeepsTheEarlierOne() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let copy = folder.path("backup.sqlite")
        #expect(try CLI.run(["backup", copy, "--db", db]).status == 0)
        #expect(try CLI.run(["add", "--db", db, "--kind", "launch", "--date", "2024", "--title", "Later", "--entity", "Acme"]).status == 0)
        let earlier = try folder.bytes("backup.sqlite")
        let results = try interruptWhileRunning(["backup", copy, "--db", db], attempts: 6, spacing: 0.004) { _ in [] }
        var interrupted = 0
        for result in results.compactMap({ $0 }) where result.status != 0 {
            interrupted += 1
            #expect(result.status == 130 && result.stderr == "timeline: interrupted by SIGINT: nothing was written.\n", "\(result)")
        }
        #expect(interrupted > 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".tmp") }
        #expect(left.isEmpty, "\(left)")
        // Each run either left the earlier backup as it was or replaced it whole.
        let now = try folder.bytes("backup.sqlite")
        let replacedWhole = try CLI.run(["list", "--db", copy, "--format", "tsv"]).stdout.contains("Later")
        #expect(now == earlier || replacedWhole)
    }

    /// A timeline of 10,000 events with half their stored tag lists cleared, as another tool
    /// leaves them: its path, the SQL that clears them again, how many it cleared (as sqlite3
    /// prints the count), and how long one whole `check --repair-lists` of it takes here.
    func timelineToRepair(in folder: TemporaryFolder) throws -> (db: String, clear: String, cleared: String, whole: TimeInterval) {
        let events = try ReliabilityData.ndjson(count: 10_000, in: folder)
        let db = folder.path("timeline.sqlite")
        #expect(try CLI.run(["import", events, "--db", db]).status == 0)
        let clear = "UPDATE events SET tags_json = NULL WHERE id % 2 = 0"
        _ = try sqlite(db, clear)
        let cleared = try sqlite(db, "SELECT count(*) FROM events WHERE tags_json IS NULL")
        #expect(Int(cleared.dropLast()) ?? 0 > 4_000)
        let whole = try duration(of: ["check", "--repair-lists", "--db", db])
        return (db, clear, cleared, whole)
    }

    /// `check --repair-lists` stopped by a signal rolls its rewrite back, and says so, as any write does.
    @Test func anInterruptedRepairChangesNothing() throws {
        let folder = try TemporaryFolder()
        let (db, clear, cleared, whole) = try timelineToRepair(in: folder)
        let result = try #require(try interruptHalfway(["check", "--repair-lists", "--db", db], with: SIGTERM, duration: whole,
                                                       savedAlready: { $0.contains("--repair-lists put right") }) {
            _ = try sqlite(db, clear)
        }, "the repair ended before it could be interrupted")
        #expect(result.status == 143)
        #expect(result.stderr == "timeline: interrupted by SIGTERM: nothing was written.\n", "\(result.stderr)")
        #expect(try sqlite(db, "SELECT count(*) FROM events WHERE tags_json IS NULL") == cleared)
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok\n")
    }

    /// A signal at any moment of `check --repair-lists`: before the repair is saved it is rolled
    /// back and said; once saved, the check after it ends at once (as a reading command does) and
    /// the repair stays. Never a repair half made, nor one said to be and not there.
    @Test func aRepairInterruptedAtAnyMomentIsWholeOrNone() throws {
        let folder = try TemporaryFolder()
        let (db, clear, cleared, whole) = try timelineToRepair(in: folder)
        for fraction in [0.3, 0.6, 0.8, 0.9, 0.97] {
            _ = try sqlite(db, clear)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["check", "--repair-lists", "--db", db]
            process.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            process.standardError = err
            try process.run()
            Thread.sleep(forTimeInterval: whole * fraction)
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let left = try sqlite(db, "SELECT count(*) FROM events WHERE tags_json IS NULL")
            if stderr.contains("--repair-lists put right") {
                #expect(left == "0\n", "at \(fraction): said repaired: \(stderr)")
                let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM
                let said = process.terminationStatus == 143 && stderr.hasSuffix("timeline: interrupted by SIGTERM: the repair was saved, and the check after it not made.\n")
                let finished = process.terminationReason == .exit && [0, 65].contains(process.terminationStatus)
                #expect(killed || said || finished, "at \(fraction): \(process.terminationStatus) \(stderr)")
            } else {
                #expect(left == cleared, "at \(fraction): not repaired, so untouched")
                #expect(process.terminationStatus == 143 && stderr == "timeline: interrupted by SIGTERM: nothing was written.\n", "at \(fraction): \(stderr)")
            }
            #expect(try sqlite(db, "PRAGMA integrity_check") == "ok\n")
        }
    }

    /// SIGTERM during an import into a timeline: rolled back, the file as it was, and said.
    @Test func anInterruptedImportChangesNothing() throws {
        let folder = try TemporaryFolder()
        let events = try ReliabilityData.ndjson(count: 10_000, in: folder)
        let probe = folder.path("probe.sqlite")
        #expect(try CLI.run(["list", "--db", probe]).status == 0)
        let whole = try duration(of: ["import", events, "--db", probe])
        let db = folder.path("timeline.sqlite")
        #expect(try CLI.run(["list", "--db", db]).status == 0)
        let result = try #require(try interruptHalfway(["import", events, "--db", db], with: SIGTERM, duration: whole) {},
                                  "the import ended before it could be interrupted")
        #expect(result.status == 143)
        #expect(result.stderr == "timeline: interrupted by SIGTERM: nothing was written.\n", "\(result.stderr)")
        #expect(try sqlite(db, "SELECT count(*) FROM events") == "15\n")
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok\n")
    }

    @Test func importKilledAtTwentyRandomMomentsLeavesAllOrNothing() throws {
        let folder = try TemporaryFolder()
        let events = try ReliabilityData.ndjson(count: 2_000, in: folder)
        // How long a whole import takes here, to spread the kills over it.
        let probe = folder.path("probe.sqlite")
        try CLI.run(["list", "--db", probe])
        let started = Date()
        #expect(try CLI.run(["import", events, "--db", probe]).status == 0)
        var duration = max(0.2, Date().timeIntervalSince(started))

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var attempt = 0
        while kills < 20 && attempt < 60 {
            attempt += 1
            let db = folder.path("kill-\(attempt).sqlite")
            try CLI.run(["list", "--db", db])
            let delay = Double.random(in: 0.02...(duration * 0.95), using: &generator)
            guard try runAndKill(["import", events, "--db", db], after: delay) else {
                // It finished sooner than the probe (which ran while other tests loaded the
                // machine): the import takes less than `delay` now, so the kills spread over that.
                duration = max(0.05, delay)
                continue
            }
            kills += 1
            #expect(try sqlite(db, "PRAGMA integrity_check") == "ok\n", "after a kill at \(delay) s")
            let count = try sqlite(db, "SELECT count(*) FROM events")
            #expect(count == "15\n" || count == "2015\n", "all or nothing after a kill at \(delay) s: \(count)")
            // The tool opens it again and a second import completes it.
            #expect(try CLI.run(["import", events, "--db", db]).status == 0)
            #expect(try sqlite(db, "SELECT count(*) FROM events") == "2015\n")
        }
        #expect(kills >= 20, "only \(kills) kills landed while the import ran")
    }

    /// An export or backup interrupted (SIGINT, SIGTERM) while it writes its temporary file beside
    /// the destination removes it: the export (a reading command) dies of the signal; the backup
    /// (a write command, which stops its own work) says so and exits 128 + the signal.
    @Test func anInterruptedExportOrBackupLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("big.sqlite")
        #expect(try CLI.run(["import", try ReliabilityData.ndjson(count: 20_000, in: folder), "--db", db]).status == 0)
        let out = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        var interrupted = 0
        for (arguments, signal) in [(["export", "--format", "sql", "--output", out.path + "/dump.sql"], SIGINT),
                                    (["backup", out.path + "/copy.sqlite"], SIGTERM)] {
            for _ in 0..<5 {
                // The test runner's threads block these signals, and a child inherits the mask:
                // Python clears it before it becomes the binary, as a shell's child has it clear.
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
                process.arguments = ["-c", "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, set()); os.execv(sys.argv[1], sys.argv[1:])",
                                     CLI.executable.path] + arguments + ["--db", db]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                // Once the temporary file is there, the interruption lands while it is written.
                var seen = false
                while process.isRunning && !seen {
                    seen = try FileManager.default.contentsOfDirectory(atPath: out.path).contains { $0.contains(".tmp-") }
                    if !seen { Thread.sleep(forTimeInterval: 0.002) }
                }
                if seen { kill(process.processIdentifier, signal) }
                process.waitUntilExit()
                let stopped = arguments[0] == "backup" ? process.terminationReason == .exit && process.terminationStatus == 128 + signal
                    : process.terminationReason == .uncaughtSignal && process.terminationStatus == signal
                if seen && process.terminationStatus != 0 {
                    interrupted += 1
                    #expect(stopped, "\(arguments[0]): \(process.terminationReason) \(process.terminationStatus)")
                    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") } == [])
                    break
                }
                for name in try FileManager.default.contentsOfDirectory(atPath: out.path) { try FileManager.default.removeItem(at: out.appendingPathComponent(name)) }
            }
        }
        #expect(interrupted == 2, "both the export and the backup were interrupted while writing")
    }

    @Test func migrateKilledWhileApplyingLeavesEachFileWholeOrAbsent() throws {
        let folder = try TemporaryFolder()
        // The real files, and a heavy seed after them, so the kill lands inside a file's transaction.
        let dir = folder.url.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: RepositoryFiles.root.appendingPathComponent("Migrations"), to: dir.appendingPathComponent("Migrations"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Seeds"), withIntermediateDirectories: true)
        let heavy = """
            CREATE TABLE ballast (n INTEGER PRIMARY KEY, payload TEXT);
            WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 300000)
            INSERT INTO ballast SELECT n, hex(randomblob(32)) FROM c;
            """
        try Data(heavy.utf8).write(to: dir.appendingPathComponent("Seeds/0001_ballast.sql"))
        // How long a whole migrate takes here, to spread the kills over it.
        let started = Date()
        #expect(try CLI.run(["migrate", "--dir", dir.path, "--db", folder.path("probe.sqlite")]).status == 0)
        let duration = max(0.1, Date().timeIntervalSince(started))
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        for attempt in 0..<12 {
            let db = folder.path("migrate-\(attempt).sqlite")
            let delay = Double.random(in: 0.01...(duration * 0.9), using: &generator)
            guard try runAndKill(["migrate", "--dir", dir.path, "--db", db], after: delay) else { continue }
            kills += 1
            guard FileManager.default.fileExists(atPath: db) else { continue }
            #expect(try sqlite(db, "PRAGMA integrity_check") == "ok\n")
            let seeded = try sqlite(db, "SELECT count(*) FROM schema_migrations WHERE kind = 'seed'")
            let ballast = try sqlite(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'ballast'")
            if seeded == "1\n" {
                #expect(try sqlite(db, "SELECT count(*) FROM ballast") == "300000\n")
            } else {
                #expect(ballast == "0\n" || ballast == "", "an unrecorded seed left nothing behind")
            }
            // Running it again finishes the job.
            #expect(try CLI.run(["migrate", "--dir", dir.path, "--db", db]).status == 0)
            #expect(try sqlite(db, "SELECT count(*) FROM ballast") == "300000\n")
        }
        #expect(kills >= 3, "only \(kills) kills landed while migrate ran")
    }
}
