import ArgumentParser
import TimelineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the command line, and turns a parsing error into one line on stderr with exit code 64.
@main
enum TimelineEntryPoint {
    static func main() {
        // Swift would read a byte that is no UTF-8 as U+FFFD, storing `�` in place of the text.
        for index in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[index], String(validatingCString: raw) == nil else { continue }
            printError("argument \(index) ('\(String(cString: raw))') is not valid UTF-8; give text in UTF-8 (`iconv -f latin1 -t utf-8` converts it).")
            exit(64)
        }
        // Past `ulimit -f`, a write fails (EFBIG) and is reported, its temporary file removed,
        // instead of the process dying by SIGXFSZ with a partial file left behind.
        signal(SIGXFSZ, SIG_IGN)
        if let invocation = FastListArguments.parse(Array(CommandLine.arguments.dropFirst())) {
            do {
                try invocation.run()
                exit(0)
            } catch let exitCode as ExitCode {
                exit(exitCode.rawValue)
            } catch {
                printError("internal error: \(error)")
                exit(70)
            }
        }
        if let unknown = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            printError(unknown)
            exit(64)
        }
        do {
            var command = try Timeline.parseAsRoot()
            if let writing = command as? any DatabaseWritingCommand, writing.writesDatabase {
                keepWorkingWhenOutputCloses()
                Interruption.arm()
            }
            try command.run()
        } catch let exitCode as ExitCode {
            // The command has already said what went wrong.
            exit(exitCode.rawValue)
        } catch {
            let code = Timeline.exitCode(for: error)
            if code == .success {
                Timeline.exit(withError: error)  // --help, --version: printed as usual
            }
            let arguments = Array(CommandLine.arguments.dropFirst())
            let message = Timeline.message(for: error)
            printError(unknownCommand(arguments) ?? negativeCount(arguments) ?? valueReadAsAnOption(arguments, message: message)
                       ?? uidGivenToEdit(arguments, message: message) ?? nearestOption(arguments, message: message)
                       ?? Self.oneLine(message, pointingTo: commandWords(arguments)))
            exit(code.rawValue)
        }
    }
}

extension TimelineEntryPoint {
    /// For `timeline help WORDS…` naming no command, the one-line complaint; nil otherwise.
    ///
    /// swift-argument-parser answers a `help` for an unknown command with the general help and
    /// exit 0, so `timeline help lst` looked like it had worked.
    /// Global options may come first (`timeline --db x help lst`).
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        let index = afterGlobalOptions(arguments)
        guard index < arguments.count, arguments[index] == "help" else { return nil }
        var command: ParsableCommand.Type = Timeline.self
        var path: [String] = []
        for word in arguments[(index + 1)...] where !word.hasPrefix("-") {
            let subcommands = command.configuration.subcommands
            guard let next = subcommands.first(where: { $0._commandName == word }) else {
                let known = subcommands.map { $0._commandName }
                let names = known.joined(separator: ", ")
                // `lsit`, `stat`: the command a typo away, or the one the word begins.
                let started = known.filter { word.count >= 3 && $0.hasPrefix(word) }
                let meant = (NameSuggestions.closest(to: word, among: known, limit: 1).first ?? (started.count == 1 ? started[0] : nil))
                    .map { " (did you mean '\($0)'?)" } ?? ""
                if path.isEmpty { return "no command '\(word)'\(meant); the commands are \(names)." }
                let parent = path.joined(separator: " ")
                if names.isEmpty { return "'\(parent)' has no commands of its own; `timeline help \(parent)` shows its options." }
                return "'\(parent)' has no command '\(word)'\(meant); its commands are \(names)."
            }
            command = next
            path.append(word)
        }
        return nil
    }

    /// For a command line whose first word (after the global options) names no command, as in
    /// `timeline --db x frobnicate`, the one-line complaint `help` gives; nil otherwise.
    ///
    /// `list` is the default command, so swift-argument-parser reads the word as an argument of
    /// `list` and complains of an unexpected argument.
    /// The same goes for a group with a default command (`timeline entities edt`, `timeline
    /// migrate stat`).
    static func unknownCommand(_ arguments: [String]) -> String? {
        var index = afterGlobalOptions(arguments)
        guard index < arguments.count, arguments[index] != "help" else { return nil }
        var command: ParsableCommand.Type = Timeline.self
        var path: [String] = []
        while index < arguments.count, !arguments[index].hasPrefix("-") {
            let word = arguments[index]
            guard !command.configuration.subcommands.isEmpty else { return nil }
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else {
                return unknownHelpTopic(["help"] + path + [word])
            }
            command = next
            path.append(word)
            index += 1
        }
        return nil
    }

    /// Where a command line's first word after the global options (`GlobalOptions`) is.
    private static func afterGlobalOptions(_ arguments: [String]) -> Int {
        var index = 0
        while index < arguments.count, ["--db", "--busy-timeout-ms"].contains(arguments[index]) || arguments[index].hasPrefix("--db=")
                || arguments[index].hasPrefix("--busy-timeout-ms=") {
            index += arguments[index].contains("=") ? 1 : 2
        }
        return index
    }

    /// The words naming the command a line runs (`["migrate", "status"]`); `["list"]`, the
    /// default command, when it names none.
    static func commandWords(_ arguments: [String]) -> [String] {
        var index = afterGlobalOptions(arguments)
        var command: ParsableCommand.Type = Timeline.self
        var words: [String] = []
        while index < arguments.count,
              let next = command.configuration.subcommands.first(where: { $0._commandName == arguments[index] }) {
            words.append(arguments[index])
            command = next
            index += 1
        }
        return words.isEmpty ? ["list"] : words
    }

    /// For a count option followed by a negative number, as in `list --limit -1`, the complaint
    /// `--limit=-1` gets (for `-0`, how to write it); nil otherwise.
    ///
    /// swift-argument-parser reads a word starting with '-' as an option, so it said the value
    /// was missing, which sends the reader looking for the wrong mistake.
    static func negativeCount(_ arguments: [String]) -> String? {
        for (name, value) in optionsAndNextWords(arguments) {
            if let option = CountOption(rawValue: name), value.hasPrefix("-"), let number = Int(value) {
                // `-0` is no negative count, but it still reads as an option.
                return oneLine(option.accepts(number) ? readsAsAnOption(value, after: name, writtenAs: "\(number)")
                                                      : option.complaint(number),
                               pointingTo: commandWords(arguments))
            }
        }
        return nil
    }

    /// For `edit UID --uid NEW`, what to do instead: the parser only offered `--kind`, the
    /// nearest name, though a uid is what scripts and re-imports find an event by.
    static func uidGivenToEdit(_ arguments: [String], message: String) -> String? {
        guard commandWords(arguments) == ["edit"], parserSentence(message).hasPrefix("unknown option '--uid'") else { return nil }
        return "edit keeps an event's uid, which re-imports and scripts find it by (--uid is no option of edit); "
            + "to give the event another, add it anew with that --uid and `timeline remove` the old one."
    }

    /// For an unknown option, the command's option it is a typo of, a swap of two letters
    /// counting as one edit (`--fromat` is `--format`), or none when none is near.
    ///
    /// swift-argument-parser counts a swap as two edits, so it offered `--from` for `--fromat`.
    static func nearestOption(_ arguments: [String], message: String) -> String? {
        let prefix = "unknown option '"
        let sentence = parserSentence(message)
        guard sentence.hasPrefix(prefix) else { return nil }
        let typed = String(sentence.dropFirst(prefix.count).prefix { $0 != "'" })
        let words = commandWords(arguments)
        var command: ParsableCommand.Type = Timeline.self
        for word in words {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = next
        }
        // The options its help lists, each at the start of its line (`  -o, --output <file>`),
        // not those its descriptions mention: the parser has no public list of them.
        let help = Timeline.helpMessage(for: command, columns: 10_000)
        var options: Set<String> = []
        for line in help.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("-") else { continue }
            // The names end where the description begins, after two spaces.
            let gap = trimmed.firstRange(of: "  ")
            let names: Substring = gap.map { trimmed[..<$0.lowerBound] } ?? trimmed
            let words = names.prefix(while: { $0 != "<" }).split(whereSeparator: { $0 == "," || $0 == " " || $0 == "/" })
            for word in words where word.hasPrefix("--") && word.count > 2 {
                options.insert(String(word))
            }
        }
        options.remove(typed)
        // Another command's name for the same choice: `stats --date-field` is `list --by`.
        if let other = Self.otherCommandsNames[typed.lowercased()], options.contains(other.option) {
            return oneLine("unknown option '\(typed)'. Did you mean '\(other.option)'? \(other.why)", pointingTo: words)
        }
        let near = NameSuggestions.closest(to: typed.lowercased(), among: options.sorted(), limit: 10)
        // Of those as near, the one with the same letters (`--bd` is `--db` swapped, not `--by`).
        let sameLetters = near.filter { $0.sorted() == typed.lowercased().sorted() }
        // None near, but one option that the name begins or that begins it (`--mapping` is
        // `--map`, `--delim` `--delimiter`), three letters at least in common.
        let lowered = typed.lowercased()
        let extended = options.filter { ($0.count >= 5 && lowered.hasPrefix($0)) || (lowered.count >= 5 && $0.hasPrefix(lowered)) }
        // None near: the parser's guess, by another measure, is dropped (`--sett` is not `--to`).
        guard let meant = sameLetters.first ?? near.first ?? (extended.count == 1 ? extended.first : nil) else {
            return oneLine("unknown option '\(typed)'", pointingTo: words)
        }
        return oneLine("unknown option '\(typed)'. Did you mean '\(meant)'?", pointingTo: words)
    }

    /// Options one command names otherwise than another, for the hint.
    static let otherCommandsNames: [String: (option: String, why: String)] = [
        "--date-field": ("--by", "List and export choose the date with --by when or announced (stats groups with --by)."),
    ]

    /// For a value that starts with '-', as in `list --search -foo`, the complaint that says how
    /// to write it; nil otherwise.
    ///
    /// swift-argument-parser reads such a word as an option and says the value is missing. Only
    /// single-dash words that are none of the short options (-p, -o, -h) are taken for values: a
    /// `--word` after the option is more likely an option the value was forgotten before.
    static func valueReadAsAnOption(_ arguments: [String], message: String) -> String? {
        let prefix = "missing value for '"
        let sentence = parserSentence(message)
        guard sentence.hasPrefix(prefix) else { return nil }
        let option = String(sentence.dropFirst(prefix.count).prefix { $0 != " " && $0 != "'" })
        for (name, value) in optionsAndNextWords(arguments) {
            if name == option, value.count > 1, value.hasPrefix("-"), !value.hasPrefix("--"), !["-p", "-o", "-h"].contains(value) {
                return oneLine(readsAsAnOption(value, after: option, writtenAs: value), pointingTo: commandWords(arguments))
            }
        }
        return nil
    }

    /// Each word with the word after it, up to `--` (after which words are arguments, not options).
    private static func optionsAndNextWords(_ arguments: [String]) -> [(String, String)] {
        Array(zip(arguments, arguments.dropFirst()).prefix { $0.0 != "--" })
    }

    /// The complaint for a value the parser took for an option, with how to write it.
    private static func readsAsAnOption(_ value: String, after option: String, writtenAs written: String) -> String {
        "'\(value)' after \(option) reads as an option; write \(option)=\(written)."
    }

    /// swift-argument-parser's message as one line, with a pointer to the help of `command` (its words).
    static func oneLine(_ message: String, pointingTo command: [String]) -> String {
        let sentence = parserSentence(message)
        return sentence + (sentence.hasSuffix("?") ? " " : "; ") + "`timeline help \(command.joined(separator: " "))` lists its options"
    }

    /// swift-argument-parser's message as one sentence: its list of allowed values joined in, the
    /// usage lines and the final full stop left out.
    private static func parserSentence(_ message: String) -> String {
        var sentence = ""
        var values: [String] = []
        for line in message.split(separator: "\n") {
            let trimmed = line.trimmingCharacters()
            if trimmed.hasPrefix("- ") {
                values.append(String(trimmed.dropFirst(2)))
            } else if trimmed.hasPrefix("Usage:") || trimmed.hasPrefix("Help:") || trimmed.hasPrefix("See '") {
                continue
            } else if sentence.isEmpty {
                sentence = trimmed
            }
        }
        if sentence.hasPrefix("Error: ") { sentence.removeFirst(7) }
        if let first = sentence.first { sentence = first.lowercased() + sentence.dropFirst() }
        if !values.isEmpty {
            if sentence.hasSuffix(":") { sentence.removeLast() }
            sentence += " " + values.joined(separator: ", ")
        }
        while let last = sentence.last, last == " " || last == "." { sentence.removeLast() }
        return invalidValueSentence(sentence) ?? sentence
    }
}

extension TimelineEntryPoint {
    /// swift-argument-parser's two sentences for a value outside a list ("the value 'xml' is
    /// invalid for '--format <format>'. Please provide one of the following table, json, …") as
    /// one: `--format 'xml' is not one of table, json, …`. Nil for any other message.
    static func invalidValueSentence(_ sentence: String) -> String? {
        let start = "the value '"
        guard sentence.hasPrefix(start),
              let invalid = sentence.firstRange(of: "' is invalid for '"),
              let please = sentence.firstRange(of: "'. Please provide one of ") else { return nil }
        let value = sentence[sentence.index(sentence.startIndex, offsetBy: start.count)..<invalid.lowerBound]
        let option = sentence[invalid.upperBound..<please.lowerBound].prefix { $0 != " " }
        var choices = String(sentence[please.upperBound...])
        if choices.hasPrefix("the following ") { choices.removeFirst(14) }
        // 'a', 'b' or 'c'; 'a' and 'b' for two.
        let list: [String] = choices.split(separator: " or ").flatMap { $0.split(separator: " and ") }.map { String($0.filter { $0 != "'" }) }
        // Marks read as the sentence's own punctuation (`one of ., ,`) unless quoted.
        let quoted = list.contains { choice in !choice.contains { $0.isLetter || $0.isNumber } }
        choices = list.map { quoted ? "'\($0)'" : $0 }.joined(separator: ", ")
        // A word mistyped (`occured`), not a mark (`;` is as near `,` as `.` is).
        let meant = !value.contains(where: \.isLetter) ? ""
            : NameSuggestions.closest(to: value.lowercased(), among: list.flatMap { $0.split(separator: ", ").map(String.init) }, limit: 1)
                .first.map { " (did you mean '\($0)'?)" } ?? ""
        return "\(option) '\(value)' is not one of \(choices)\(meant)"
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        var text = self
        while let first = text.first, first == " " { text.removeFirst() }
        while let last = text.last, last == " " { text.removeLast() }
        return String(text)
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A sourced, queryable timeline of real-world events in one SQLite file.",
        discussion: """
            Every date keeps the precision its sources give (2019, Q2 2022, 1 Dec 2022), every figure \
            and claim its sources. The database is --db PATH, else $TIMELINE_DB, else \
            $XDG_DATA_HOME/timeline/timeline.sqlite (else ~/.local/share/timeline/timeline.sqlite); \
            it is created, migrated and seeded with the Amazon Care timeline on first use (a note on \
            standard error says so). $TIMELINE_NOW (YYYY-MM-DDTHH:MM:SS.sssZ) fixes the time changes \
            are recorded at, for scripts; it may not go back before an event's last recording.

            Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, \
            73 cannot create output, 74 I/O error, 75 database busy (try again), 130 (143, 129) \
            interrupted by Ctrl-C (SIGTERM, SIGHUP) during a write: rolled back.
            """,
        version: "0.1.0",
        subcommands: [List.self, Show.self, History.self, DateCommand.self, Stats.self, Entities.self, Sources.self, Kinds.self, Add.self, Edit.self, Remove.self, Restore.self, Import.self, Export.self, SQL.self, Check.self, Backup.self, Migrate.self],
        defaultSubcommand: List.self
    )

    /// So `timeline --db PATH list` works as well as `timeline list --db PATH`.
    @OptionGroup var global: GlobalOptions
}
