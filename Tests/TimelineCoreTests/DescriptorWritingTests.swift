import Foundation
import Testing
@testable import TimelineCore

/// Writing whole buffers: every byte, or the system's reason it could not.
struct DescriptorWritingTests {
    @Test func everyByteReachesTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descriptor-\(UUID().uuidString)").path
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(bytes.withUnsafeBytes { DescriptorWriting.writeAll($0, to: descriptor) } == nil)
        close(descriptor)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
    }

    /// A full disk and a closed descriptor are errors, with the system's number.
    @Test func aFailedWriteGivesTheSystemsReason() throws {
        let full = open("/dev/full", O_WRONLY)
        try #require(full >= 0)
        defer { close(full) }
        #expect([UInt8](repeating: 65, count: 10).withUnsafeBytes { DescriptorWriting.writeAll($0, to: full) } == ENOSPC)
        let closed = open("/dev/null", O_WRONLY)
        close(closed)
        #expect([UInt8](repeating: 65, count: 10).withUnsafeBytes { DescriptorWriting.writeAll($0, to: closed) } == EBADF)
    }

    /// A pipe takes a write of more than its buffer in parts as the reader drains it.
    @Test func aPipeTakesALongWriteInParts() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let readEnd = ends[0], writeEnd = ends[1]
        final class Count: @unchecked Sendable { var bytes = 0 }
        let count = Count()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while case let read = read(readEnd, &chunk, chunk.count), read > 0 { count.bytes += read }
            close(readEnd)
            drained.signal()
        }
        let bytes = [UInt8](repeating: 7, count: 1_000_000)
        #expect(bytes.withUnsafeBytes { DescriptorWriting.writeAll($0, to: writeEnd) } == nil)
        close(writeEnd)
        drained.wait()
        #expect(count.bytes == 1_000_000)
    }
}
