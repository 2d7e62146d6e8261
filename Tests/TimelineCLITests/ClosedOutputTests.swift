import Foundation
import Testing

/// A reader that leaves early (`| head`): a write command still does its work; a reading
/// command stops at once.
struct ClosedOutputTests {
    /// A CSV of `count` records, every other one with a date no reader takes, so that
    /// `--skip-invalid` reports far more than a pipe holds.
    func halfBadCSV(_ count: Int, in folder: TemporaryFolder) throws -> String {
        var text = "uid,when,title,entity,kind\n"
        for index in 0..<count {
            text += "event-\(index),\(index % 2 == 0 ? "not a date" : "2020-01-1\(index % 9 + 1)"),Event \(index),acme,launch\n"
        }
        let path = folder.path("half-bad.csv")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func count(_ db: String) throws -> String {
        try CLI.run([db, "SELECT count(*) FROM events"], executable: URL(fileURLWithPath: "/usr/bin/sqlite3")).stdout
    }

    @Test func importKeepsGoingWhenTheReaderOfItsReportsLeaves() throws {
        let folder = try TemporaryFolder()
        let file = try halfBadCSV(4_000, in: folder)
        let db = folder.path("t.sqlite")
        #expect(try CLI.run(["migrate", "--skip-seeds", "--db", db]).status == 0)
        // `head -1` leaves after the first rejection; 2,000 of them are far more than the pipe holds.
        let line = "{ '\(CLI.executable.path)' import '\(file)' --db '\(db)' --skip-invalid 2>&1; echo $? > '\(folder.path("status"))'; } | head -1"
        let shown = try CLI.shell(line)
        #expect(shown.stdout.hasPrefix("timeline: \(file):2: column 'when'"))
        // The confirmation could not be written: exit 74, but the import was saved.
        #expect(try String(contentsOfFile: folder.path("status"), encoding: .utf8) == "74\n")
        #expect(try count(db) == "2000\n")
    }

    @Test func listStopsWhenItsReaderLeaves() throws {
        let folder = try TemporaryFolder()
        let file = try halfBadCSV(4_000, in: folder)
        let db = folder.path("t.sqlite")
        #expect(try CLI.run(["import", file, "--db", db, "--skip-invalid"]).status == 0)
        let line = "{ '\(CLI.executable.path)' list --db '\(db)' --format tsv; echo $? > '\(folder.path("status"))'; } | head -1"
        let shown = try CLI.shell(line)
        #expect(shown.stdout.hasPrefix("uid\t"))
        // Ended by SIGPIPE (128 + 13), as `sqlite3 db … | head` is, without reading on.
        #expect(try String(contentsOfFile: folder.path("status"), encoding: .utf8) == "141\n")
    }
}
