#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TimelineCore

/// The thread that reads an import ahead: what the consumer gets is what the producer made, in
/// its order, with its error last, and a consumer that stops early ends the thread.
@Suite struct ReadAheadTests {
    /// What the producer did, read after `stop()` has joined its thread.
    final class ProducerLog: @unchecked Sendable {
        var emitted = 0
        var toldToStop = false
    }

    struct Broken: Error, Equatable {
        let after: Int
    }

    @Test(arguments: [(1, 1), (7, 2), (256, 4), (5_000, 3)])
    func itemsArriveInOrderAcrossBatches(batchSize: Int, depth: Int) throws {
        let readAhead = try ReadAhead<Int>(batchSize: batchSize, depth: depth) { emit in
            for item in 0..<10_001 where !emit(item) { return }
        }
        defer { readAhead.stop() }
        var received: [Int] = []
        while let batch = try readAhead.next() {
            #expect(batch.count <= batchSize)
            received += batch
        }
        #expect(received == Array(0..<10_001))
        #expect(try readAhead.next() == nil, "the end stays the end")
    }

    @Test func anErrorComesAfterEveryItemBeforeIt() throws {
        let readAhead = try ReadAhead<Int>(batchSize: 10, depth: 2) { emit in
            for item in 0..<95 { _ = emit(item) }
            throw Broken(after: 95)
        }
        defer { readAhead.stop() }
        var received: [Int] = []
        #expect(throws: Broken(after: 95)) {
            while let batch = try readAhead.next() { received += batch }
        }
        #expect(received == Array(0..<95))
    }

    @Test func nothingProducedIsTheEnd() throws {
        let readAhead = try ReadAhead<Int> { _ in }
        defer { readAhead.stop() }
        #expect(try readAhead.next() == nil)
    }

    @Test func stoppingEndsAProducerThatWaitsForRoom() throws {
        let log = ProducerLog()
        let readAhead = try ReadAhead<Int>(batchSize: 4, depth: 2) { emit in
            for item in 0..<1_000_000 {
                guard emit(item) else {
                    log.toldToStop = true
                    return
                }
                log.emitted += 1
            }
        }
        let first = try #require(try readAhead.next())
        #expect(first == [0, 1, 2, 3])
        readAhead.stop()
        // The thread has ended: it was told at its next item, long before the million.
        #expect(log.toldToStop)
        #expect(log.emitted < 100)
        #expect(try readAhead.next() == nil, "a stopped read-ahead gives nothing more")
    }

    @Test func stoppingBeforeReadingAnythingEndsTheThread() throws {
        let log = ProducerLog()
        let readAhead = try ReadAhead<Int>(batchSize: 1, depth: 1) { emit in
            while emit(log.emitted) { log.emitted += 1 }
            log.toldToStop = true
        }
        readAhead.stop()
        #expect(log.toldToStop)
    }

    /// An item that notes, when it is freed, whether that happened on the consumer's thread.
    final class FreedWhere: Sendable {
        let consumer: pthread_t
        let log: FreeLog

        init(consumer: pthread_t, log: FreeLog) {
            self.consumer = consumer
            self.log = log
        }

        deinit { log.note(onConsumer: pthread_equal(pthread_self(), consumer) != 0) }
    }

    final class FreeLog: @unchecked Sendable {
        private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private var onConsumer = 0
        private var elsewhere = 0
        private var madeCount = 0

        init() { pthread_mutex_init(lock, nil) }

        func noteMade() {
            pthread_mutex_lock(lock)
            madeCount += 1
            pthread_mutex_unlock(lock)
        }

        var made: Int {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            return madeCount
        }

        func note(onConsumer here: Bool) {
            pthread_mutex_lock(lock)
            if here { onConsumer += 1 } else { elsewhere += 1 }
            pthread_mutex_unlock(lock)
        }

        var counts: (onConsumer: Int, elsewhere: Int) {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            return (onConsumer, elsewhere)
        }
    }

    /// Batches the consumer gives back are freed by the producer, as it goes on: only those
    /// given back after it has made its last (at most the queue's depth and one more) are freed
    /// on the consumer's thread, by `stop()`; nothing is freed twice or lost.
    @Test func recycledBatchesAreFreedOnTheProducersThread() throws {
        let log = FreeLog()
        let consumer = pthread_self()
        let batches = 40, batchSize = 8, depth = 2
        let readAhead = try ReadAhead<FreedWhere>(batchSize: batchSize, depth: depth) { emit in
            for _ in 0..<(batches * batchSize) where !emit(FreedWhere(consumer: consumer, log: log)) { return }
        }
        var received = 0
        while var batch = try readAhead.next() {
            received += batch.count
            readAhead.recycle(&batch)
            #expect(batch.isEmpty)
        }
        readAhead.stop()
        #expect(received == batches * batchSize)
        let counts = log.counts
        #expect(counts.onConsumer + counts.elsewhere == batches * batchSize)
        #expect(counts.onConsumer <= (depth + 2) * batchSize, "\(counts)")
    }

    /// A batch given back while the producer waits for room in the queue is freed then, not
    /// after the producer's next batch: what is alive stays the queue, the producer's batch and
    /// the consumer's.
    @Test func aBatchGivenBackWhileTheProducerWaitsForRoomIsFreedThen() throws {
        let log = FreeLog()
        let consumer = pthread_self()
        let batchSize = 4, depth = 2
        let readAhead = try ReadAhead<FreedWhere>(batchSize: batchSize, depth: depth) { emit in
            while true {
                log.noteMade()
                guard emit(FreedWhere(consumer: consumer, log: log)) else { return }
            }
        }
        defer { readAhead.stop() }
        // The queue is full and the producer waits to add one more batch.
        try #require(Self.waitUntil { log.made == (depth + 1) * batchSize })
        // (Not through #require, which would keep a copy of the batch.)
        guard var batch = try readAhead.next() else {
            Issue.record("no batch")
            return
        }
        // That made room for it; it makes the next one and waits again.
        try #require(Self.waitUntil { log.made == (depth + 2) * batchSize })
        readAhead.recycle(&batch)
        #expect(Self.waitUntil { log.counts.elsewhere == batchSize }, "the batch given back is freed while the producer waits")
        #expect(log.made == (depth + 2) * batchSize, "and nothing more is made until the consumer takes a batch")
        #expect(log.counts.onConsumer == 0)
    }

    /// Polls `condition` for up to ten seconds (another thread's progress; no timing is measured).
    private static func waitUntil(_ condition: () -> Bool) -> Bool {
        for _ in 0..<10_000 {
            if condition() { return true }
            usleep(1_000)
        }
        return condition()
    }
}
