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

    /// `$TIMELINE_TODAY` gives relative dates the same day `--today` does; a bad one fails what
    /// needs it, naming the variable, and nothing else.
    @Test func timelineTodayActsAsTheTodayOption() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let fromVariable = try CLI.run(["list", "--db", db, "--from", "last quarter", "--format", "tsv"],
                                       environment: ["TIMELINE_TODAY": "2022-10-15"])
        let fromOption = try CLI.run(["list", "--db", db, "--from", "last quarter", "--today", "2022-10-15", "--format", "tsv"])
        #expect(fromVariable.status == 0, "\(fromVariable.stderr)")
        #expect(fromVariable.stdout == fromOption.stdout)
        #expect(fromVariable.stdout.split(separator: "\n").count > 1)

        let bad = ["TIMELINE_TODAY": "someday"]
        let relative = try CLI.run(["list", "--db", db, "--from", "last quarter"], environment: bad)
        #expect(relative.status == 64)
        #expect(relative.stderr == "timeline: --from 'last quarter' is not a valid date: it is relative, and TIMELINE_TODAY 'someday' is not a day (give it as YYYY-MM-DD).\n", "\(relative.stderr)")
        let overridden = try CLI.run(["list", "--db", db, "--from", "last quarter", "--today", "2022-10-15", "--format", "tsv"], environment: bad)
        #expect(overridden.stdout == fromOption.stdout, "--today wins over the variable")
        #expect(try CLI.run(["list", "--db", db, "--from", "2022"], environment: bad).status == 0, "no relative date, no need of it")
        #expect(try CLI.run(["export", "--db", db, "--format", "csv"], environment: bad).status == 0)
        let csv = folder.path("e.csv")
        try "kind,title,when\nlaunch,Now,this year\nlaunch,Then,2020\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", csv, "--db", db], environment: bad)
        #expect(imported.status == 65 && imported.stderr.contains("e.csv:2:") && imported.stderr.contains("TIMELINE_TODAY 'someday' is not a day"), "\(imported.stderr)")
        #expect(try CLI.run(["date", "this year"], environment: bad).status == 65, "as every input date cannot read")
        #expect(try CLI.run(["list", "--db", db, "--from", "last quarter", "--today", "someday"]).status == 64, "a bad --today is refused at once")
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
