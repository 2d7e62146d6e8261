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
    /// Sizes are multiples of this (and blocks aligned to 8, as SQLite requires); a block's list
    /// is its size shifted right by 4.
    static let granularity = 16
    static let largestSmallBlock = 512
    static let slabBytes = 64 << 10
    private static let headerBytes = 8

    /// Free lists by size (index: size / 16), each linked through its blocks' first word, as
    /// addresses (0: empty); then the rest of the current slab. Guarded by `lock`.
    private nonisolated(unsafe) static var freeLists: UnsafeMutablePointer<UInt>?
    private nonisolated(unsafe) static var cursor: UInt = 0
    private nonisolated(unsafe) static var remaining = 0
    /// A spin lock: held for a few instructions, and wanted at once only by SQLite's sorting
    /// helper threads (a pthread mutex or `Mutex` cost about twice the whole allocation).
    private static let lock = Atomic<Bool>(false)

    @inline(__always)
    private static func acquire() {
        while !lock.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            sched_yield()
        }
    }

    @inline(__always)
    private static func release() {
        lock.store(false, ordering: .releasing)
    }

    /// What `xRoundup` answers and `allocate` gives: the size rounded up to its list's block
    /// size, or to 8 bytes for a large block.
    static func roundedSize(_ size: Int) -> Int {
        // Shifts and masks: the sizes are never negative (the division by 16 costs more).
        size <= largestSmallBlock ? max((size &+ 15) & ~15, granularity) : (size &+ 7) & ~7
    }

    static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let rounded = roundedSize(size)
        guard rounded <= largestSmallBlock else {
            guard let block = systemAllocate(headerBytes + rounded) else { return nil }
            block.storeBytes(of: rounded, as: Int.self)
            return block + headerBytes
        }
        let list = rounded &>> 4
        acquire()
        let lists: UnsafeMutablePointer<UInt>
        if let existing = freeLists {
            lists = existing
        } else {
            let count = largestSmallBlock / granularity + 1
            lists = .allocate(capacity: count)
            lists.initialize(repeating: 0, count: count)
            freeLists = lists
        }
        var address = lists[list]
        if address != 0 {
            lists[list] = UnsafeRawPointer(bitPattern: address + UInt(headerBytes)).unsafelyUnwrapped.load(as: UInt.self)
        } else {
            let blockBytes = headerBytes + rounded
            if remaining < blockBytes, let slab = systemAllocate(slabBytes) {
                cursor = UInt(bitPattern: slab)
                remaining = slabBytes
            }
            if remaining >= blockBytes {
                address = cursor
                cursor += UInt(blockBytes)
                remaining -= blockBytes
            }
        }
        release()
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
        let list = size &>> 4
        acquire()
        // A small block was carved after the lists were made.
        let lists = freeLists.unsafelyUnwrapped
        payload.storeBytes(of: lists[list], as: UInt.self)
        lists[list] = UInt(bitPattern: block)
        release()
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
