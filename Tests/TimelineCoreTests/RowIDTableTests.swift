import Testing
@testable import TimelineCore

/// The row-id table answers as a Dictionary would, through growth, replacement and clearing.
@Suite struct RowIDTableTests {
    @Test func answersAsADictionaryDoes() {
        var table = RowIDTable<String>()
        var oracle: [Int64: String] = [:]
        var generator = SystemRandomNumberGenerator()
        // Consecutive ids, ids that collide in a small table (multiples of a power of two),
        // negative and extreme ones, and random ones, some set twice.
        var ids: [Int64] = Array(1...300) + (0..<200).map { $0 << 20 } + [-1, -300, .min, .max, 0]
        ids += (0..<500).map { _ in Int64.random(in: -1_000_000...1_000_000, using: &generator) }
        for (step, id) in ids.enumerated() {
            #expect(table[id] == oracle[id], "before setting \(id)")
            table.set("v\(step)", for: id)
            oracle[id] = "v\(step)"
            #expect(table.count == oracle.count)
        }
        for id in ids + [2_000_000, -2_000_000] {
            #expect(table[id] == oracle[id], "\(id)")
        }
        table.removeAll()
        #expect(table.count == 0 && table[1] == nil && table[.min] == nil)
        table.set("again", for: 1)
        #expect(table[1] == "again" && table.count == 1)
    }

    @Test func reservingRoomKeepsWhatItHolds() {
        var table = RowIDTable<Int>()
        for id in Int64(0)..<40 { table.set(Int(id) * 2, for: id) }
        table.reserveCapacity(1000)
        for id in Int64(0)..<40 { #expect(table[id] == Int(id) * 2) }
        #expect(table[40] == nil)
    }
}
