import Foundation
import Testing

/// `Benchmarks/generate.py`: the same seed gives the same bytes, and what it writes imports as it
/// says (no timing here: the benchmarks themselves are `python3 Benchmarks/run.py`).
@Suite("Benchmark data generator")
struct BenchmarkGeneratorTests {
    static let script = RepositoryFiles.root.appendingPathComponent("Benchmarks/generate.py").path
    static let python = URL(fileURLWithPath: FileManager.default.fileExists(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "/usr/local/bin/python3")

    func generate(_ arguments: [String]) throws {
        let result = try CLI.run([Self.script, "--quiet"] + arguments, executable: Self.python)
        #expect(result.status == 0, "generate.py \(arguments): \(result.stderr)")
    }

    @Test("The same seed gives the same bytes; the CSV and the NDJSON import to the same 200 events, exported as generated")
    func deterministicAndImports() throws {
        let folder = try TemporaryFolder()
        try generate(["--events", "200", "--seed", "7", "--out", folder.path("one")])
        try generate(["--events", "200", "--seed", "7", "--out", folder.path("two")])
        for file in ["events.csv", "events.ndjson"] {
            let first = try folder.bytes("one/\(file)")
            #expect(!first.isEmpty)
            #expect(first == (try folder.bytes("two/\(file)")), "\(file) differs between two runs with the same seed")
        }
        try generate(["--events", "200", "--seed", "8", "--out", folder.path("other")])
        #expect(try folder.bytes("one/events.ndjson") != folder.bytes("other/events.ndjson"), "another seed, other events")

        var exports: [String] = []
        for (database, file) in [("csv.sqlite", "one/events.csv"), ("ndjson.sqlite", "one/events.ndjson")] {
            let migrate = try CLI.run(["--db", folder.path(database), "migrate", "--skip-seeds"])
            #expect(migrate.status == 0, "\(migrate.stderr)")
            let imported = try CLI.run(["--db", folder.path(database), "import", folder.path(file)])
            #expect(imported.status == 0, "import \(file): \(imported.stderr)")
            #expect(imported.stdout.contains("200 added, 0 updated, 0 unchanged"), "\(imported.stdout)")
            let exported = try CLI.run(["--db", folder.path(database), "export", "--format", "ndjson"])
            #expect(exported.status == 0, "\(exported.stderr)")
            #expect(exported.stdout.split(separator: "\n").count == 200)
            exports.append(exported.stdout)
        }
        #expect(exports[0] == exports[1], "the CSV and the NDJSON imported to different events")
        // Each generated line is what export writes for that event (export sorts them chronologically).
        let generated = String(decoding: try folder.bytes("one/events.ndjson"), as: UTF8.self)
        #expect(generated.split(separator: "\n").sorted() == exports[0].split(separator: "\n").sorted())
    }

    @Test("The output does not depend on the number of worker processes")
    func independentOfJobs() throws {
        let folder = try TemporaryFolder()
        // 12,000 events: three chunks of the generator's 5,000.
        try generate(["--events", "12000", "--seed", "3", "--jobs", "1", "--out", folder.path("serial")])
        try generate(["--events", "12000", "--seed", "3", "--jobs", "2", "--out", folder.path("parallel")])
        for file in ["events.csv", "events.ndjson"] {
            #expect(try folder.bytes("serial/\(file)") == folder.bytes("parallel/\(file)"), "\(file) depends on --jobs")
        }
        let csv = String(decoding: try folder.bytes("serial/events.csv"), as: UTF8.self)
        #expect(csv.hasPrefix("uid,kind,status,when,earliest,latest,precision,approximate,uncertain,announced,"
                              + "announced_earliest,announced_latest,title,summary,entities,tags,measures,sources\r\n"))
    }
}
