import CSQLite
import Foundation
import Testing
@testable import SQLiteStorage

/// SQLite's allocator: sizes as promised, contents kept through a resize, blocks never shared,
/// from one thread or several at once.
@Suite struct SmallBlockAllocatorTests {
    /// Fills a block with a pattern only it has.
    static func fill(_ block: UnsafeMutableRawPointer, size: Int, seed: UInt8) {
        for offset in 0..<size { block.storeBytes(of: seed &+ UInt8(truncatingIfNeeded: offset), toByteOffset: offset, as: UInt8.self) }
    }

    static func holds(_ block: UnsafeMutableRawPointer, size: Int, seed: UInt8) -> Bool {
        (0..<size).allSatisfy { block.load(fromByteOffset: $0, as: UInt8.self) == seed &+ UInt8(truncatingIfNeeded: $0) }
    }

    @Test(arguments: [1, 8, 15, 16, 17, 100, 511, 512, 513, 4_096, 70_000])
    func aBlockIsAtLeastAsLargeAsAskedAndSaysItsSize(size: Int) throws {
        let block = try #require(SmallBlockAllocator.allocate(size))
        defer { SmallBlockAllocator.free(block) }
        let rounded = SmallBlockAllocator.roundedSize(size)
        #expect(rounded >= size)
        #expect(SmallBlockAllocator.size(of: block) == rounded)
        #expect(Int(bitPattern: block) % 8 == 0, "SQLite needs 8-byte alignment")
        if size <= SmallBlockAllocator.largestSmallBlock {
            #expect(rounded % SmallBlockAllocator.granularity == 0)
            #expect(rounded - size < SmallBlockAllocator.granularity)
        } else {
            #expect(rounded - size < 8)
        }
        Self.fill(block, size: rounded, seed: 7)
        #expect(Self.holds(block, size: rounded, seed: 7))
    }

    @Test(arguments: [(10, 12), (10, 200), (300, 20), (500, 600), (600, 500), (5_000, 100), (100, 5_000), (8_000, 9_000)])
    func resizingKeepsTheContents(from: Int, to: Int) throws {
        let block = try #require(SmallBlockAllocator.allocate(from))
        Self.fill(block, size: from, seed: 42)
        let resized = try #require(SmallBlockAllocator.reallocate(block, to: to))
        defer { SmallBlockAllocator.free(resized) }
        #expect(Self.holds(resized, size: min(from, to), seed: 42))
        #expect(SmallBlockAllocator.size(of: resized) == SmallBlockAllocator.roundedSize(to))
    }

    /// Four threads allocate, check, resize and free blocks of every size at once; each block
    /// keeps its own pattern from allocation to free, so two threads never got the same block.
    @Test func threadsNeverShareABlock() async throws {
        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
            for thread in 0..<4 {
                group.addTask {
                    var generator = SystemRandomNumberGenerator()
                    var live: [(UnsafeMutableRawPointer, Int, UInt8)] = []
                    var failures = 0
                    for step in 0..<40_000 {
                        if live.count > 200 || (!live.isEmpty && Bool.random(using: &generator)) {
                            let index = Int.random(in: 0..<live.count, using: &generator)
                            let (block, size, seed) = live.remove(at: index)
                            if !Self.holds(block, size: size, seed: seed) { failures += 1 }
                            if step % 3 == 0, let resized = SmallBlockAllocator.reallocate(block, to: size / 2 + 1) {
                                if !Self.holds(resized, size: size / 2 + 1, seed: seed) { failures += 1 }
                                SmallBlockAllocator.free(resized)
                            } else {
                                SmallBlockAllocator.free(block)
                            }
                        } else {
                            let size = Int.random(in: 1...(step % 10 == 0 ? 2_000 : 512), using: &generator)
                            guard let block = SmallBlockAllocator.allocate(size) else { failures += 1; continue }
                            let seed = UInt8(truncatingIfNeeded: thread &* 64 &+ step)
                            Self.fill(block, size: size, seed: seed)
                            live.append((block, size, seed))
                        }
                    }
                    for (block, size, seed) in live {
                        if !Self.holds(block, size: size, seed: seed) { failures += 1 }
                        SmallBlockAllocator.free(block)
                    }
                    return failures
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(failures == 0)
    }

    @Test func sqliteAllocatesThroughIt() throws {
        // Opening a connection installs it: SQLite's own allocations then have its sizes (the C
        // library would give 17 bytes 24).
        let database = try Database(path: "", mode: .inMemory)
        let block = try #require(sqlite3_malloc(17))
        defer { sqlite3_free(block) }
        #expect(sqlite3_msize(block) == 32)
        try database.execute("CREATE TABLE t (x TEXT)")
        try database.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 600) INSERT INTO t SELECT printf('%.*c', i, 'x') FROM n")
        #expect(try database.scalar("SELECT sum(length(x)) FROM t") == .integer(180_300))
    }
}
