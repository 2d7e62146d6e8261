import Foundation
import Testing
@testable import TimelineCore

/// The footnotes kept in a temporary file are those a list in memory would give: numbered in
/// order of first use, one a distinct text, whether the text is still in memory or in the file.
@Suite struct FootnoteSpoolTests {
    /// The spool's footnotes as printed, through a file output.
    func printed(_ spool: FootnoteSpool) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("footnotes-\(UUID().uuidString).md").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try TextOutput.file(path)
        try spool.write(to: output)
        try output.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func numbersFollowFirstUseAcrossTheFile() throws {
        let spool = FootnoteSpool()
        #expect(spool.isEmpty)
        // Long texts, so that most are in the file by the time they are asked for again.
        let texts = (0..<400).map { "Source \($0), « citation » " + String(repeating: "é", count: 200 + $0 % 7) }
        var expected: [String] = []
        var numbers: [String: Int] = [:]
        for round in 0..<3 {
            for (index, text) in texts.enumerated() where index % (round + 1) == 0 {
                let number = try spool.number(for: text)
                if let known = numbers[text] {
                    #expect(number == known, "\(text.prefix(12)) again")
                } else {
                    #expect(number == expected.count + 1)
                    numbers[text] = number
                    expected.append("[^\(number)]: \(text)")
                }
            }
        }
        #expect(expected.count == 400)
        #expect(try printed(spool) == expected.joined(separator: "\n") + "\n")
    }

    /// Where no temporary file can be made, the texts stay in memory and come out the same.
    @Test func withoutATemporaryFileTheTextsStayInMemory() throws {
        let spool = FootnoteSpool(folder: "/nonexistent-folder-for-footnotes")
        let long = String(repeating: "x", count: 70_000)
        #expect(try spool.number(for: "a") == 1)
        #expect(try spool.number(for: long) == 2)
        #expect(try spool.number(for: "a") == 1)
        #expect(try spool.number(for: long) == 2)
        #expect(try printed(spool) == "[^1]: a\n[^2]: \(long)\n")
    }
}
