import ArgumentParser
import Testing
@testable import TimelineCLI

/// The hand-written reader of `timeline list` lines agrees with swift-argument-parser.
@Suite struct FastListArgumentsTests {
    static let agreeing: [[String]] = [
        [], ["list"], ["--db", "x.sqlite"], ["list", "--db=x.sqlite", "--format", "json"],
        ["list", "--from", "2022-07", "--to", "2022", "--kind", "layoff", "--kind", "shutdown", "--format", "tsv"],
        ["list", "--on", "Q2 2022", "--within", "--entity", "Care Medical", "--entity", "amazon", "--related"],
        ["list", "--status", "planned", "--status", "considered", "--tag", "warn-notice", "--search", "licenci*", "--rank"],
        ["list", "--as-of", "2022-08-25", "--by", "announced", "--limit", "5", "--offset", "2", "--reverse", "--lang", "fr"],
        ["list", "--today", "2022-10-15", "--from", "last quarter", "--busy-timeout-ms", "100", "--format=markdown"],
        ["--search", "1er décembre 2022", "--from=2019"], ["--db", "seed.sqlite", "list"],
        ["--db", "x.sqlite", "list", "--format", "tsv"],
    ]

    @Test(arguments: agreeing)
    func bothReadersAgree(_ arguments: [String]) throws {
        let fast = try #require(FastListArguments.parse(arguments), "the fast reader takes \(arguments)")
        let rest = arguments.filter { $0 != "list" }
        let parsed = try Timeline.List.parse(rest)
        #expect(fast == parsed.invocation)
    }

    static let leftToTheFullParser: [[String]] = [
        ["list", "--help"], ["-h"], ["list", "--no-such-option"], ["list", "--limit", "-1"], ["list", "--limit", "x"],
        ["list", "--format", "xml"], ["list", "--status", "rumoured"], ["list", "--from", "2020", "--from", "2021"],
        ["list", "--on", "2022", "--from", "2021"], ["list", "--within=yes"], ["list", "--from"], ["show", "x"],
        ["export"], ["list", "positional"], ["--version"], ["list", "--by", "published"], ["list", "list"],
    ]

    @Test(arguments: leftToTheFullParser)
    func unusualLinesGoToTheFullParser(_ arguments: [String]) {
        #expect(FastListArguments.parse(arguments) == nil)
    }
}
