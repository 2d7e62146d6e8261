#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a producer on a thread of its own and hands what it makes to the calling thread in
/// order, in batches, at most `depth` batches ahead.
///
/// An import reads and decodes records (CPU work with no database in it) on one core while the
/// calling thread writes the previous ones into SQLite on the other; the bound keeps memory flat.
/// The producer owns everything it captured until it returns: the calling thread only receives
/// items, and `stop()` (always called, also on error) joins the thread before anything it
/// captured is used again. A batch the consumer is done with goes back (`recycle`) and is freed
/// on the producer's thread, which made it: the consumer's core spends nothing on taking apart
/// what it read, and the memory goes back to the allocator's arena of the thread that took it.
final class ReadAhead<Item: Sendable>: @unchecked Sendable {
    /// What the producer calls with each item; false means stop: the consumer has gone.
    typealias Emit = (Item) -> Bool

    private let batchSize: Int
    private let depth: Int
    private let produce: (Emit) throws -> Void
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread: WorkerThread?
    // Guarded by `lock`.
    private var ready: [[Item]] = []
    private var recycled: [[Item]] = []
    private var finished = false
    private var failure: (any Error)?
    private var stopped = false

    /// The stack of the producer's thread: as large as the main thread's usual 8 MiB, since the
    /// JSON parser recurses as deep as the main thread allows.
    private static var stackSize: Int { 8 << 20 }

    /// - Parameters:
    ///   - produce: called once, on the new thread, with a function to hand over each item; what
    ///     it throws reaches the consumer after every item emitted before it.
    init(batchSize: Int = 256, depth: Int = 4, produce: @escaping (Emit) throws -> Void) throws {
        precondition(batchSize > 0 && depth > 0)
        self.batchSize = batchSize
        self.depth = depth
        self.produce = produce
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        try start()
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    /// The next batch in the producer's order; nil once it returned; what it threw, after the
    /// batches before it.
    func next() throws -> [Item]? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while ready.isEmpty && !finished {
            pthread_cond_wait(changed, lock)
        }
        if !ready.isEmpty {
            pthread_cond_broadcast(changed)
            return ready.removeFirst()
        }
        if let failure {
            self.failure = nil
            throw failure
        }
        return nil
    }

    /// Takes back a batch `next()` gave, for the producer to free; `batch` is left empty. The
    /// caller must hold no other copy of it (nor of its items) for the freeing to happen there.
    func recycle(_ batch: inout [Item]) {
        pthread_mutex_lock(lock)
        // Moved in under the lock: a local copy released after it would free it here.
        recycled.append([])
        swap(&recycled[recycled.count - 1], &batch)
        // A producer waiting for room frees it now rather than after its next batch.
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// Tells the producer to stop at its next item and waits until its thread has ended.
    func stop() {
        pthread_mutex_lock(lock)
        stopped = true
        ready.removeAll()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
        thread?.join()
        thread = nil
        // What was given back after the producer's last batch.
        recycled.removeAll()
    }

    private func start() throws {
        thread = try WorkerThread(stackSize: Self.stackSize, for: "to read the input") { [self] in runProducer() }
    }

    private func runProducer() {
        var batch: [Item] = []
        batch.reserveCapacity(batchSize)
        var outcome: (any Error)?
        do {
            try produce { item in
                batch.append(item)
                guard batch.count == self.batchSize else { return true }
                defer { batch = []; batch.reserveCapacity(self.batchSize) }
                guard self.deliver(batch) else { return false }
                self.freeRecycled()
                return true
            }
        } catch {
            outcome = error
        }
        pthread_mutex_lock(lock)
        if !stopped && !batch.isEmpty { ready.append(batch) }
        failure = outcome
        finished = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// Frees the batches the consumer gave back, out of the lock.
    private func freeRecycled() {
        pthread_mutex_lock(lock)
        var taken: [[Item]] = []
        swap(&taken, &recycled)
        pthread_mutex_unlock(lock)
        taken.removeAll()
    }

    /// Queues a full batch, waiting while `depth` are queued and freeing, out of the lock, what
    /// comes back meanwhile (the consumer is the slower one: freeing only between batches let
    /// up to `depth` more of them wait for it); false once the consumer stopped.
    private func deliver(_ batch: [Item]) -> Bool {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        while ready.count >= depth && !stopped {
            if recycled.isEmpty {
                pthread_cond_wait(changed, lock)
            } else {
                pthread_mutex_unlock(lock)
                freeRecycled()
                pthread_mutex_lock(lock)
            }
        }
        guard !stopped else { return false }
        ready.append(batch)
        pthread_cond_broadcast(changed)
        return true
    }
}
