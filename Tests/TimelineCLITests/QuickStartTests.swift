import Foundation
import Testing

/// The README's "Your own timeline, in five commands", run as written: its commands, its
/// spreadsheet and the table it shows are the README's own text, so the two cannot drift apart.
@Suite struct QuickStartTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The first fenced block of `language` ("" for none) after `anchor` in the README, with its
    /// last line's end.
    static func block(after anchor: String, language: String) throws -> String {
        let readme = try String(contentsOf: RepositoryFiles.root.appendingPathComponent("README.md"), encoding: .utf8)
        var rest = try #require(readme.range(of: anchor).map { readme[$0.upperBound...] }, "the README has \(anchor)")
        let fence = try #require(rest.range(of: "\n```\(language)\n"), "a block after \(anchor)")
        rest = rest[fence.upperBound...]
        let end = try #require(rest.range(of: "\n```\n"))
        return String(rest[..<end.lowerBound]) + "\n"
    }

    /// The words of a shell command line, as `sh` splits them (quotes, no expansions), its comment dropped.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == "#" && !inWord {
                break
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    @Test func theFiveCommandsDoWhatTheREADMEShows() throws {
        let heading = "## Your own timeline, in five commands"
        let script = try Self.block(after: heading, language: "sh").replacingOccurrences(of: "\\\n", with: " ")
        let sheet = try Self.block(after: "where `layoffs.csv`", language: "")
        try Data(sheet.utf8).write(to: URL(fileURLWithPath: folder.path("layoffs.csv")))
        let environment = ["TIMELINE_DB": folder.path("grocery.sqlite")]
        var commands = 0
        var listed = ""
        for line in script.split(separator: "\n") where line.hasPrefix("timeline ") {
            let arguments = Array(Self.words(String(line)).dropFirst())
            let result = try CLI.run(arguments, environment: environment, currentDirectory: folder.url)
            #expect(result.status == 0, "\(line): \(result.stderr)")
            if arguments.first == "list" { listed = result.stdout }
            commands += 1
        }
        #expect(commands == 5)
        let shown = try Self.block(after: "and the range holds both layoffs", language: "")
        #expect(listed == shown, "the README shows:\n\(shown)\nthe list gives:\n\(listed)")
        let exported = try String(contentsOf: folder.url.appendingPathComponent("grocery.csv"), encoding: .utf8)
        #expect(exported.split(separator: "\r\n").count == 4, "a header and the three events: \(exported)")
    }
}
