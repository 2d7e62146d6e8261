import Foundation
import SQLiteStorage
import Testing
@testable import TimelineCore

/// The filter of the uids a load wrote: it never rules out a uid it was given, rules out most
/// others, and a load that looks up only the uids it cannot rule out writes, counts and refuses
/// exactly what one looking up every uid does.
@Suite struct NewUIDFilterTests {
    static func uid(_ index: Int) -> String { "oakridge-clinics-sa-layoff-2022-01-07-\(index)" }

    @Test(arguments: [1 << 16, 1 << 20, 1 << 24])
    func aUIDGivenIsNeverRuledOut(bits: Int) {
        var filter = NewUIDFilter(bits: bits)
        for index in 0..<200_000 { filter.insert(Self.uid(index)) }
        #expect((0..<200_000).allSatisfy { filter.mightContain(Self.uid($0)) })
    }

    /// Sized for the file, a few lookups in a thousand are made in vain; overfull, more, but
    /// never all.
    @Test func otherUIDsAreMostlyRuledOut() {
        var sized = NewUIDFilter(bits: 1 << 24)
        var overfull = NewUIDFilter(bits: 1 << 16)
        for index in 0..<100_000 {
            sized.insert(Self.uid(index))
            overfull.insert(Self.uid(index))
        }
        let others = (100_000..<200_000).map(Self.uid)
        #expect(others.filter(sized.mightContain).count < 200)
        #expect(others.filter(overfull.mightContain).count < 99_000)
        #expect(NewUIDFilter(bits: 64).mightContain("a") == false)
    }

    @Test func theFilterIsSizedByTheFile() {
        #expect(NewUIDFilter.bits(forFileOf: 0) == 1 << 16)
        #expect(NewUIDFilter.bits(forFileOf: 1_000) == 1 << 16)
        #expect(NewUIDFilter.bits(forFileOf: 1 << 20) == 1 << 17)
        #expect(NewUIDFilter.bits(forFileOf: 1_316_568_695) == 1 << 24)
        #expect(NewUIDFilter.bits(forFileOf: nil) == 1 << 19)
    }

    /// A file of new events, events written twice (fifty with a uid, one without), two events of
    /// one stem, and, in a second file, thirty uids given again with different content.
    static func files(in folder: URL) throws -> (good: String, contradicting: String) {
        var text = "uid,kind,title,when\n"
        for index in 0..<400 { text += "e\(index),launch,Ouverture \(index),20\(10 + index % 15)-0\(1 + index % 9)-01\n" }
        for index in 0..<50 { text += "e\(index),launch,Ouverture \(index),20\(10 + index % 15)-0\(1 + index % 9)-01\n" }
        text += ",layoff,Suppressions à Lyon,2022-12-01\n,layoff,Suppressions à Lyon,2022-12-01\n"
        text += ",layoff,Suppressions à Paris,2022-12-01\n"
        let good = folder.appendingPathComponent("good.csv").path
        try text.write(toFile: good, atomically: true, encoding: .utf8)
        for index in 0..<30 { text += "e\(index * 7),launch,Ouverture autre \(index),2013-04-01\n" }
        for index in 400..<500 { text += "e\(index),launch,Ouverture \(index),2020-01-01\n" }
        let contradicting = folder.appendingPathComponent("contradicting.csv").path
        try text.write(toFile: contradicting, atomically: true, encoding: .utf8)
        return (good, contradicting)
    }

    @Test func filteredLookupsWriteWhatEveryLookupWrites() throws {
        let folder = try ImportFastPathTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (good, contradicting) = try Self.files(in: folder)
        let sample = try ImportFastPathTests.sampleCSV(in: folder)
        var contents: [[String]] = []
        var summaries: [[ImportSummary]] = []
        var stopped: [String] = []
        var skipped: [[String]] = []
        for filters in [true, false] {
            var options = ImportOptions()
            options.filtersNewUIDs = filters
            let store = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("good-\(filters).sqlite").path)
            var runs: [ImportSummary] = []
            for (pass, path) in [good, sample, good].enumerated() {
                let importer = try Importer(store: store, path: path, options: options)
                runs.append(try importer.run())
                // Only into a timeline without events: the uids held before are in no filter.
                #expect(importer.filteredNewUIDs == (filters && pass == 0), "pass \(pass)")
            }
            #expect(runs[0].inserted == 402 && runs[0].unchanged == 51 && runs[0].repeatedRecords == 1, "\(runs[0])")
            #expect(runs[2].unchanged == 453)
            summaries.append(runs)
            contents.append(try ImportFastPathTests.content(of: store))

            let refusing = try ImportFastPathTests.emptyStore(folder.appendingPathComponent("contradicting-\(filters).sqlite").path)
            let outcome = try ImportFastPathTests.stoppedThenSkipped(contradicting, into: refusing, options: options)
            stopped += outcome.stopped.map { [$0] } ?? []
            #expect(outcome.summary.inserted == 502)
            #expect(outcome.importer.filteredNewUIDs == filters)
            skipped.append(outcome.rejected)
        }
        #expect(summaries[0] == summaries[1])
        #expect(contents[0] == contents[1])
        #expect(stopped.count == 2 && stopped[0] == stopped[1] && stopped[0].contains("contradicting.csv:455"), "\(stopped)")
        #expect(skipped[0].count == 30 && skipped[0] == skipped[1] && skipped[0].allSatisfy { $0.contains("appears earlier") }, "\(skipped)")
    }
}
