import Foundation
import Testing

/// Runs the built `timeline` binary, as a user would, against temporary databases.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    /// The `timeline` executable beside the test bundle in the build folder.
    static let executable: URL = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return testBinary.deletingLastPathComponent().appendingPathComponent("timeline")
    }()

    /// Runs `timeline ARGS` with a clean environment (no user database is ever touched).
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: URL = CLI.executable,
                    currentDirectory: URL? = nil, stdin: Data? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home-for-tests", "TIMELINE_TODAY": "2026-11-27"]
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : Pipe()
        try process.run()
        if let stdin, let pipe = process.standardInput as? Pipe {
            pipe.fileHandleForWriting.write(stdin)
            try pipe.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot fill a pipe and stall the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Runs a shell command line (for the sqlite3 shell, the real client of our files).
    @discardableResult
    static func shell(_ command: String) throws -> CLIResult {
        try run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
    }
}

/// A temporary folder for one test's databases and files.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }
}

/// The repository's own Migrations/ and Seeds/, which the binary embeds.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `(kind, version, name)` of every file, migrations first, in version order.
    static var all: [(kind: String, version: Int, name: String)] {
        var files: [(String, Int, String)] = []
        for (kind, folder) in [("migration", "Migrations"), ("seed", "Seeds")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let stem = name.split(separator: ".")[0]
                let parts = stem.split(separator: "_", maxSplits: 1)
                files.append((kind, Int(parts[0])!, String(parts[1])))
            }
        }
        return files
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
