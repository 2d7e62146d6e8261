import CSQLite
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory SQLite allocates: blocks of up to 512 bytes from free lists by size (16, 32, …)
/// carved out of 64 KiB slabs; larger ones from the C library.
///
/// SQLite makes many small allocations (parse trees, schema objects, records) and, as Debian
/// builds it, without its own per-connection pool of small blocks (`SQLITE_OMIT_LOOKASIDE`):
/// each goes to the C library's general allocator, which for a connection's start-up (parsing
/// the whole schema, freeing it at close) took about a fifth of a small query's instructions.
/// Here a small block costs a lock and a pointer pop. Each block keeps its size in the 8 bytes
/// before it, so SQLite's `xSize` and `xFree` need nothing else. Freed small blocks wait on
/// their list for the next request of that size; slabs are kept for the life of the process.
enum SmallBlockAllocator {
    /// Sizes are multiples of this (and blocks aligned to 8, as SQLite requires).
    static let granularity = 16
    static let largestSmallBlock = 512
    static let slabBytes = 64 << 10
    private static let headerBytes = 8

    /// Free lists (one a size, linked through each block's first word) and the rest of the
    /// current slab, as addresses (0 for none).
    private struct Pool {
        let freeLists: UnsafeMutablePointer<UInt>
        var cursor: UInt = 0
        var remaining = 0

        init() {
            let count = largestSmallBlock / granularity + 1
            freeLists = .allocate(capacity: count)
            freeLists.initialize(repeating: 0, count: count)
        }
    }

    private static let pool = Mutex(Pool())

    /// What `xRoundup` answers and `allocate` gives: the size rounded up to its list's block
    /// size, or to 8 bytes for a large block.
    static func roundedSize(_ size: Int) -> Int {
        size <= largestSmallBlock ? max((size + granularity - 1) / granularity, 1) * granularity : (size + 7) & ~7
    }

    static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = roundedSize(size)
        guard rounded <= largestSmallBlock else {
            guard let block = systemAllocate(headerBytes + rounded) else { return nil }
            block.storeBytes(of: rounded, as: Int.self)
            return block + headerBytes
        }
        let list = rounded / granularity
        let address: UInt = pool.withLock { pool in
            let head = pool.freeLists[list]
            if head != 0 {
                pool.freeLists[list] = UnsafeRawPointer(bitPattern: head + UInt(headerBytes))!.load(as: UInt.self)
                return head
            }
            let blockBytes = headerBytes + rounded
            if pool.remaining < blockBytes {
                guard let slab = systemAllocate(slabBytes) else { return 0 }
                pool.cursor = UInt(bitPattern: slab)
                pool.remaining = slabBytes
            }
            let carved = pool.cursor
            pool.cursor += UInt(blockBytes)
            pool.remaining -= blockBytes
            return carved
        }
        guard let block = UnsafeMutableRawPointer(bitPattern: address) else { return nil }
        block.storeBytes(of: rounded, as: Int.self)
        return block + headerBytes
    }

    static func size(of payload: UnsafeMutableRawPointer) -> Int {
        (payload - headerBytes).load(as: Int.self)
    }

    static func free(_ payload: UnsafeMutableRawPointer) {
        let block = payload - headerBytes
        let size = block.load(as: Int.self)
        guard size <= largestSmallBlock else {
            systemFree(block)
            return
        }
        let list = size / granularity
        let address = UInt(bitPattern: block)
        pool.withLock { pool in
            UnsafeMutableRawPointer(bitPattern: address + UInt(headerBytes))!.storeBytes(of: pool.freeLists[list], as: UInt.self)
            pool.freeLists[list] = address
        }
    }

    static func reallocate(_ payload: UnsafeMutableRawPointer, to size: Int) -> UnsafeMutableRawPointer? {
        let old = Self.size(of: payload)
        if roundedSize(size) == old { return payload }
        guard let moved = allocate(size) else { return nil }
        moved.copyMemory(from: payload, byteCount: min(old, size))
        free(payload)
        return moved
    }

    /// Makes SQLite allocate through this; must run before SQLite is first used.
    static func install() -> Int32 {
        var methods = sqlite3_mem_methods(
            xMalloc: { size in SmallBlockAllocator.allocate(Int(size)) },
            xFree: { payload in if let payload { SmallBlockAllocator.free(payload) } },
            xRealloc: { payload, size in
                guard let payload else { return SmallBlockAllocator.allocate(Int(size)) }
                return SmallBlockAllocator.reallocate(payload, to: Int(size))
            },
            xSize: { payload in payload.map { Int32(SmallBlockAllocator.size(of: $0)) } ?? 0 },
            xRoundup: { size in Int32(SmallBlockAllocator.roundedSize(Int(size))) },
            xInit: { _ in SQLITE_OK },
            xShutdown: { _ in },
            pAppData: nil)
        return csqlite_use_memory_methods(&methods)
    }
}

private func systemAllocate(_ bytes: Int) -> UnsafeMutableRawPointer? { malloc(bytes) }

private func systemFree(_ block: UnsafeMutableRawPointer) { free(block) }
