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
}
