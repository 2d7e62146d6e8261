import Foundation
import Testing
@testable import TimelineCLI

/// The conventions of a command-line tool: version, completions, help with examples.
@Suite struct ConventionsTests {
    @Test func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: ".").count == 3)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsKnowTheCommands(shell: String) throws {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        for command in ["list", "show", "import", "export", "migrate", "stats", "entities", "sources"] {
            #expect(result.stdout.contains(command), "\(shell) completes \(command)")
        }
    }

    @Test(arguments: ["list", "show", "date", "stats", "entities", "entities list", "entities edit", "entities merge", "entities remove",
                      "sources", "sources list", "sources show", "add", "edit", "remove", "import", "export", "migrate apply", "migrate status"])
    func everyCommandHasHelpWithAnExample(command: String) throws {
        let result = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
        #expect(result.stdout.contains("Example"), "\(command) --help shows an example")
    }

    /// Examples in help can be pasted into a shell as printed: at 80 columns no example line is
    /// wrapped (a wrapped line starts at the margin, cutting a quoted word or a `\\`).
    @Test(arguments: ["list", "show", "date", "stats", "entities", "entities list", "entities edit", "entities merge", "entities remove",
                      "sources", "sources list", "sources show", "add", "edit", "remove", "import", "export", "sql", "check", "backup",
                      "migrate apply", "migrate status",
                      "migrate validate"])
    func helpExamplesAreNotWrapped(command: String) throws {
        let result = try CLI.run(command.split(separator: " ").map(String.init) + ["--help"], environment: ["COLUMNS": "80"])
        #expect(result.status == 0)
        var inExample = false
        for line in result.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Example") { inExample = true; continue }
            if line.isEmpty { inExample = false; continue }
            if inExample {
                #expect(line.hasPrefix("  "), "\(command): a wrapped example line: \(line)")
            }
        }
    }

    @Test(arguments: [
        (["help", "lst"], "no command 'lst' (did you mean 'list'?); the commands are list, show"),
        (["help", "migrate", "stat"], "'migrate' has no command 'stat' (did you mean 'status'?); its commands are apply, status, validate"),
        (["help", "list", "extra"], "'list' has no commands of its own"),
        (["--db", "unused.sqlite", "help", "nope"], "no command 'nope'; the commands are list, show"),
        (["--busy-timeout-ms", "5", "help", "nope"], "no command 'nope'; the commands are list, show"),
    ])
    func helpForACommandThatDoesNotExistIsAUsageError(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A first word that is no command is named as such, not as an unexpected argument of `list`
    /// (the default command); the database is not created.
    @Test(arguments: [["frobnicate"], ["--db", "{db}", "frobnicate"], ["--db={db}", "lst", "--from", "2020"],
                      ["--busy-timeout-ms", "10", "--db", "{db}", "exprot"]])
    func aWordThatIsNoCommandIsAUsageError(arguments: [String]) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("new/timeline.sqlite")
        let result = try CLI.run(arguments.map { $0.replacingOccurrences(of: "{db}", with: db) }
                                 + (arguments.contains { $0.contains("{db}") } ? [] : ["--db", db]))
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("timeline: no command '"), "\(result.stderr)")
        #expect(result.stderr.contains("the commands are list, show"), "\(result.stderr)")
        // A typo names the command it is one of; a word far from any, none.
        let meant = ["lst": "list", "exprot": "export"].first { arguments.contains($0.key) }?.value
        #expect(result.stderr.contains("(did you mean") == (meant != nil), "\(result.stderr)")
        if let meant { #expect(result.stderr.contains("(did you mean '\(meant)'?)"), "\(result.stderr)") }
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("new")))
        // Other mistakes keep the parser's own message.
        #expect(try CLI.run(["list", "extra", "--db", db]).stderr.contains("unexpected argument 'extra'"))
    }

    /// In a group with a default command, a word that is none of its commands is named too.
    @Test(arguments: [
        (["entities", "edt", "amazon"], "timeline: 'entities' has no command 'edt' (did you mean 'edit'?); its commands are list, edit, merge, remove.\n"),
        (["migrate", "stat"], "timeline: 'migrate' has no command 'stat' (did you mean 'status'?); its commands are apply, status, validate.\n"),
        (["migrate", "frob"], "timeline: 'migrate' has no command 'frob'; its commands are apply, status, validate.\n"),
    ])
    func aWordThatIsNoCommandOfAGroupIsNamed(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(arguments + ["--db", folder.path("timeline.sqlite")])
        #expect(result.status == 64)
        #expect(result.stderr == message)
    }

    /// An unknown option a typo of one of the command's is named with it, two letters swapped
    /// counting as one edit, or that begins or extends only one of them; one near none keeps the
    /// parser's sentence.
    @Test(arguments: [
        (["export", "--fromat", "csv"], "timeline: unknown option '--fromat'. Did you mean '--format'? `timeline help export` lists its options.\n"),
        (["list", "--fromm", "2020"], "timeline: unknown option '--fromm'. Did you mean '--from'? `timeline help list` lists its options.\n"),
        (["list", "--date-field", "announced"], "timeline: unknown option '--date-field'. Did you mean '--by'? List and export choose the date with --by when "
            + "or announced (stats groups with --by); `timeline help list` lists its options.\n"),
        (["import", "x.csv", "--dleimiter", ";"], "timeline: unknown option '--dleimiter'. Did you mean '--delimiter'? `timeline help import` lists its options.\n"),
        (["entities", "list", "--fromat", "json"], "timeline: unknown option '--fromat'. Did you mean '--format'? `timeline help entities list` lists its options.\n"),
        (["list", "--xyzzy"], "timeline: unknown option '--xyzzy'; `timeline help list` lists its options.\n"),
        (["list", "--sett", "x"], "timeline: unknown option '--sett'; `timeline help list` lists its options.\n"),
        (["list", "--bd", "x.sqlite"], "timeline: unknown option '--bd'. Did you mean '--db'? `timeline help list` lists its options.\n"),
        // A name that one option's begins, or that begins one (three letters at least in common).
        (["import", "x.csv", "--mapping", "a=title"], "timeline: unknown option '--mapping'. Did you mean '--map'? `timeline help import` lists its options.\n"),
        (["import", "x.csv", "--delim", ";"], "timeline: unknown option '--delim'. Did you mean '--delimiter'? `timeline help import` lists its options.\n"),
        (["list", "--within-range"], "timeline: unknown option '--within-range'. Did you mean '--within'? `timeline help list` lists its options.\n"),
        // An option another command has, which this one's help mentions, is not offered as itself.
        (["remove", "--as-of", "2020", "x"], "timeline: unknown option '--as-of'; `timeline help remove` lists its options.\n"),
        (["kinds", "--description", "x"], "timeline: unknown option '--description'; `timeline help kinds` lists its options.\n"),
        // An option another's description mentions is none of this command's.
        (["remove", "--as-off", "x"], "timeline: unknown option '--as-off'; `timeline help remove` lists its options.\n"),
    ])
    func anUnknownOptionNamesTheOneItIsATypoOf(arguments: [String], message: String) throws {
        let folder = try expectUsageError(arguments, message)
        #expect(!FileManager.default.fileExists(atPath: folder.path("timeline.sqlite")))
    }

    /// Runs `arguments` on a database in a new folder, expecting a usage error (64) that says
    /// `message`; returns the folder.
    func expectUsageError(_ arguments: [String], _ message: String,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let result = try CLI.run(arguments + ["--db", folder.path("timeline.sqlite")])
        #expect(result.status == 64, sourceLocation: sourceLocation)
        #expect(result.stderr == message, sourceLocation: sourceLocation)
        return folder
    }

    /// A choice among words is read in any case, as kinds and statuses are; a word that is none
    /// of them is still refused with the list.
    @Test func choicesAreReadInAnyCase() throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let lower = try CLI.run(["list", "--format", "csv", "--db", db]).stdout
        #expect(try CLI.run(["list", "--format", "CSV", "--db", db]).stdout == lower)
        #expect(try CLI.run(["list", "--format=Csv", "--by", "WHEN", "--db", db]).stdout == lower)
        #expect(try CLI.run(["export", "--format", "NDJSON", "--db", db]).stdout == CLI.run(["export", "--format", "ndjson", "--db", db]).stdout)
        #expect(try CLI.run(["export", "--format", "Markdown", "--lang", "FR", "--db", db]).stdout.hasPrefix("# Chronologie"))
        #expect(try CLI.run(["stats", "--by", "Kind", "--db", db]).status == 0)
        #expect(try CLI.run(["show", "amazon-care-launch-2019-09", "--format", "JSON", "--db", db]).stdout.hasPrefix("{"))
        let refused = try CLI.run(["list", "--format", "XML", "--db", db])
        #expect(refused.status == 64 && refused.stderr.contains("--format 'XML' is not one of table, json, ndjson, csv, tsv, markdown"), "\(refused.stderr)")
    }

    /// A negative count is named as such however it is written: swift-argument-parser takes the
    /// `-1` of `--limit -1` for an option and used to say the value was missing.
    @Test(arguments: [
        (["list", "--limit", "-1"], "--limit must be zero or more, not -1"),
        (["list", "--limit=-1"], "--limit must be zero or more, not -1"),
        (["export", "--offset", "-3"], "--offset must be zero or more, not -3"),
        (["sql", "SELECT 1", "--max-rows", "-2"], "--max-rows must be zero or more, not -2"),
        (["sql", "SELECT 1", "--max-rows=-2"], "--max-rows must be zero or more, not -2"),
        (["sql", "SELECT 1", "--timeout-ms", "-9"], "--timeout-ms must be above zero, not -9"),
        (["--busy-timeout-ms", "-5", "list"], "--busy-timeout-ms must be zero or more, not -5"),
        (["list", "--busy-timeout-ms=-5"], "--busy-timeout-ms must be zero or more, not -5"),
        (["list", "--limit", "-0"], "'-0' after --limit reads as an option; write --limit=0"),
    ])
    func aNegativeCountIsAUsageError(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let result = try CLI.run(arguments + ["--db", db])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("timeline: \(message);"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    /// A mistake in a command's options points to that command's help.
    @Test(arguments: [
        (["sql", "SELECT 1", "--no-such-option"], "`timeline help sql` lists its options."),
        (["--db", "{db}", "migrate", "status", "--bogus"], "`timeline help migrate status` lists its options."),
        (["--format", "xml"], "`timeline help list` lists its options."),
        (["export", "--limit", "-2"], "`timeline help export` lists its options."),
    ])
    func aUsageErrorPointsToTheCommandsHelp(arguments: [String], ending: String) throws {
        let folder = try TemporaryFolder()
        let db = folder.path("timeline.sqlite")
        let result = try CLI.run(arguments.map { $0 == "{db}" ? db : $0 } + (arguments.contains("{db}") ? [] : ["--db", db]))
        #expect(result.status == 64)
        #expect(result.stderr.hasSuffix(ending + "\n"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A value outside an option's list is one sentence naming the option, the value and the choices.
    @Test(arguments: [
        (["--format", "xml"], "timeline: --format 'xml' is not one of table, json, ndjson, csv, tsv, markdown;"),
        (["list", "--status", "nope"], "timeline: --status 'nope' is not one of occurred, planned, considered, cancelled;"),
        (["list", "--by", "nope"], "timeline: --by 'nope' is not one of when, announced;"),
        (["export", "--format", "nope"], "timeline: --format 'nope' is not one of sql, json, ndjson, csv, tsv, seed, timelinejs, markdown, html;"),
        (["import", "--decimal-mark", ";", "x.csv"], "timeline: --decimal-mark ';' is not one of '.', ',';"),
    ])
    func aValueOutsideAnOptionsListNamesTheChoices(arguments: [String], beginning: String) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(arguments + ["--db", folder.path("timeline.sqlite")])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix(beginning), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A value starting with '-' is read as an option; the message says how to write it instead
    /// of calling the value missing. A real option after a flag still gets "missing value".
    @Test(arguments: [
        (["list", "--search", "-foo"], "timeline: '-foo' after --search reads as an option; write --search=-foo; `timeline help list` lists its options.\n"),
        (["add", "--kind", "launch", "--date", "2020", "--title", "-x"],
         "timeline: '-x' after --title reads as an option; write --title=-x; `timeline help add` lists its options.\n"),
        (["list", "--from", "--reverse"], "timeline: missing value for '--from <date>'; `timeline help list` lists its options.\n"),
    ])
    func aValueThatStartsWithADashSaysHowToWriteIt(arguments: [String], message: String) throws {
        let folder = try expectUsageError(arguments, message)
        // Written so, the value reaches the command (which refuses a `-word` with nothing before it to leave out of).
        let written = try CLI.run(["list", "--search=-foo", "--db", folder.path("timeline.sqlite")])
        #expect(written.status == 64 && written.stderr.contains("'-foo' leaves out what matches it only after something to look for"), "\(written.stderr)")
        #expect(try CLI.run(["list", "--search=a -foo", "--db", folder.path("timeline.sqlite")]).status == 0)
    }

    /// After `--`, words are arguments, even ones that look like a count option and a negative number.
    @Test func wordsAfterTheEndOfOptionsAreNotReadAsCounts() throws {
        #expect(TimelineEntryPoint.negativeCount(["sql", "--", "--limit", "-1"]) == nil)
        #expect(TimelineEntryPoint.negativeCount(["list", "--limit", "-1"]) != nil)
        #expect(TimelineEntryPoint.negativeCount(["list", "--limit", "1"]) == nil)
        #expect(TimelineEntryPoint.negativeCount(["list", "--search", "-1"]) == nil)
    }

    @Test(arguments: [["help"], ["help", "list"], ["help", "migrate", "status"], ["help", "--help"]])
    func helpForACommandShowsItsHelp(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("OVERVIEW:"))
    }

    /// A command that would create the database (and its folders) and then fails, or is a dry
    /// run, leaves neither behind; one that succeeds keeps them.
    @Test(arguments: [
        (["add", "--kind", "no-such-kind", "--title", "t", "--date", "2020"], 64),
        (["edit", "no-such-uid", "--title", "x"], 66),
        (["remove", "no-such-uid"], 66),
        (["show", "no-such-uid"], 66),
        (["stats", "--by", "no-such-grouping"], 64),
        (["list", "--from", "not a date"], 64),
        // Mistakes found only against the data, by list's own reader of arguments and by
        // swift-argument-parser's (the default command, an option only it reads).
        (["list", "--kind", "no-such-kind"], 64),
        (["list", "--entity", "nobody-at-all", "--format", "json"], 64),
        (["list", "--search", "("], 64),
        (["--tag", "no-such-tag"], 64),
        (["list", "--kind", "no-such-kind", "--format", "json", "--format", "tsv"], 64),
        (["migrate", "--dry-run"], 0),
    ] as [([String], Int32)])
    func aFailedCommandLeavesNoNewDatabase(arguments: [String], status: Int32) throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(arguments + ["--db", folder.path("new/timeline.sqlite")])
        #expect(result.status == status, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path("new")), "\(arguments)")
        let kept = try CLI.run(["show", "amazon-care-launch-2019-09", "--db", folder.path("kept/timeline.sqlite")])
        #expect(kept.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("kept/timeline.sqlite")))
    }

    @Test func usageErrorsExit64() throws {
        let result = try CLI.run(["list", "--no-such-flag"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test func standardOutputAsAFileName() throws {
        let folder = try TemporaryFolder()
        let result = try CLI.run(["export", "--format", "ndjson", "--kind", "layoff", "--output", "-", "--db", folder.path("db.sqlite")])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 2)
    }
}
