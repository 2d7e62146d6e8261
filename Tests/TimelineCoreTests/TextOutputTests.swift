import Foundation
import Testing
@testable import TimelineCore

/// Text written through `TextOutput` arrives whole and in order, whatever the sizes of the pieces.
@Suite struct TextOutputTests {
    @Test func piecesOfEverySizeArriveInOrder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try TextOutput.file(path)
        var expected: [UInt8] = []
        // Around the 64 KiB block: under, at, over, and far over it, as bytes and as strings.
        let sizes = [1, 1_400, 65_535, 1, 65_536, 3, 65_537, 200_000, 0, 1_400, 64_000, 2_000, 7]
        for (index, size) in sizes.enumerated() {
            let piece = (0..<size).map { UInt8(ascii: "a") + UInt8(($0 + index) % 26) }
            if index % 2 == 0 {
                try output.write(bytes: piece)
            } else {
                try output.write(String(decoding: piece, as: UTF8.self) + "é")
                expected += piece
                expected += Array("é".utf8)
                continue
            }
            expected += piece
        }
        try output.finish()
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.count == expected.count)
        #expect(written == expected)
    }

    /// The buffer is allocated once: lines that do not fill a block exactly never make it grow.
    @Test func theBufferDoesNotGrowPastItsBlock() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try TextOutput.file(path)
        let initial = output.bufferCapacity
        let line = Array(repeating: UInt8(ascii: "x"), count: 1_437) + [0x0A]
        for _ in 0..<200 { try output.write(bytes: line) }
        try output.write(bytes: Array(repeating: UInt8(ascii: "y"), count: 300_000))
        try output.write(String(repeating: "z", count: 70_000))
        #expect(output.bufferCapacity == initial)
        try output.finish()
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 200 * 1_438 + 370_000)
    }
}
