import Foundation
import Testing
import TimelineCore
@testable import TimelineCLI

/// The CLI reads single variables with getenv instead of building the whole environment
/// (`DatabaseLocation.processEnvironment`); both ways must give the same answers.
@Suite struct EnvironmentReadingTests {
    @Test func eachVariableReadsAsInTheWholeEnvironment() {
        let whole = DatabaseLocation.processEnvironment
        #expect(!whole.isEmpty)
        for (name, value) in whole {
            #expect(EnvironmentVariable.value(name) == value, "\(name)")
        }
        #expect(EnvironmentVariable.value("TIMELINE_TEST_SURELY_UNSET_VARIABLE") == nil)
    }

    @Test(arguments: ["x.sqlite", "/tmp/a b/timeline.sqlite", ""])
    func explicitDatabasePathResolvesAsWithTheWholeEnvironment(_ path: String) {
        let expected = Result { try DatabaseLocation.resolve(explicitPath: path, environment: DatabaseLocation.processEnvironment) }
        let actual = Result { try GlobalOptions.databasePath(explicitPath: path) }
        #expect(String(describing: actual) == String(describing: expected))
    }

    @Test func defaultDatabasePathResolvesAsWithTheWholeEnvironment() {
        let expected = Result { try DatabaseLocation.resolve(explicitPath: nil, environment: DatabaseLocation.processEnvironment) }
        let actual = Result { try GlobalOptions.databasePath(explicitPath: nil) }
        #expect(String(describing: actual) == String(describing: expected))
    }

    /// `$TIMELINE_TODAY` gives relative dates the same day `--today` does, and a bad one is still
    /// a usage error even when no date needs it.
    @Test func timelineTodayActsAsTheTodayOption() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let fromVariable = try CLI.run(["list", "--db", db, "--from", "last quarter", "--format", "tsv"],
                                       environment: ["TIMELINE_TODAY": "2022-10-15"])
        let fromOption = try CLI.run(["list", "--db", db, "--from", "last quarter", "--today", "2022-10-15", "--format", "tsv"])
        #expect(fromVariable.status == 0, "\(fromVariable.stderr)")
        #expect(fromVariable.stdout == fromOption.stdout)
        #expect(fromVariable.stdout.split(separator: "\n").count > 1)

        let bad = try CLI.run(["list", "--db", db], environment: ["TIMELINE_TODAY": "someday"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("TIMELINE_TODAY 'someday'"))
    }
}

/// The fast reader keeps track of the options it has seen without a `Set`; repeats are still
/// taken only for the repeatable options.
@Suite struct FastListRepeatedOptionTests {
    @Test func repeatableOptionsAgreeWithTheFullParser() throws {
        let arguments = ["list", "--tag", "a", "--tag", "b", "--kind", "layoff", "--entity", "x", "--kind", "launch",
                         "--status", "planned", "--tag", "c", "--status", "occurred"]
        let fast = try #require(FastListArguments.parse(arguments))
        #expect(fast == (try Timeline.List.parse(arguments.filter { $0 != "list" })).invocation)
        #expect(fast.filters.tag == ["a", "b", "c"])
    }

    @Test(arguments: [
        ["--db", "a", "--db", "b"], ["--format", "tsv", "--format=csv"], ["--within", "--within"], ["--limit", "1", "--limit", "2"],
        ["--search", "a", "--search", "b"], ["--lang", "fr", "--lang", "en"], ["--by", "when", "--by", "when"],
    ])
    func repeatsOfOtherOptionsGoToTheFullParser(_ arguments: [String]) {
        #expect(FastListArguments.parse(["list"] + arguments) == nil)
    }
}
