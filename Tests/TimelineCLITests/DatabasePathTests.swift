import Foundation
import Testing

/// A timeline's name is a file's name, whatever it starts with: SQLite as Debian builds it reads
/// a name starting `file:` as a URI, where `file:notes.db?mode=memory` is a database in memory
/// that an import would fill and lose.
@Suite struct DatabasePathTests {
    @Test func aNameStartingFileIsAFileInTheFolder() throws {
        let folder = try TemporaryFolder()
        let record = Data((#"{"uid":"kept","kind":"launch","title":"Kept on disk","when":"2021","entities":[{"name":"Acme"}]}"# + "\n").utf8)
        let name = "file:mem.sqlite?mode=memory"
        let imported = try CLI.run(["import", "-", "--db", name], currentDirectory: folder.url, stdin: record)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path(name)), "the file is named as given")
        let listed = try CLI.run(["list", "--db", name, "--format", "tsv"], currentDirectory: folder.url)
        #expect(listed.stdout.contains("kept\tlaunch") && listed.stdout.contains("\tKept on disk\t"), "\(listed.stdout)\(listed.stderr)")
        #expect(try CLI.run(["./" + name, "SELECT title FROM events WHERE uid = 'kept'"],
                            executable: URL(fileURLWithPath: "/usr/bin/sqlite3"), currentDirectory: folder.url).stdout == "Kept on disk\n")

        // Named by TIMELINE_DB, `file:data.sqlite` is that file, not `data.sqlite`.
        let environment = ["TIMELINE_DB": "file:data.sqlite"]
        #expect(try CLI.run(["import", "-"], environment: environment, currentDirectory: folder.url, stdin: record).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("file:data.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("data.sqlite")))
        // A backup to such a name, and from it back, are files of that name too.
        #expect(try CLI.run(["backup", "file:copy.sqlite"], environment: environment, currentDirectory: folder.url).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("file:copy.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("copy.sqlite")))
    }
}
