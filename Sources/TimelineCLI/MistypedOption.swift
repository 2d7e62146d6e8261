import TimelineCore

/// An option name on the command line that nearly spells one the command needs: the parser names
/// unknown options only after a command's `validate()`, whose "needs --date" would otherwise be
/// all a user who typed `--dat` is told.
enum MistypedOption {
    /// The first of `wanted` that an option given nearly spells, with that spelling.
    static func near(_ wanted: [String], in arguments: [String] = CommandLine.arguments) -> (typed: String, meant: String)? {
        let typed = arguments.dropFirst().filter { $0.hasPrefix("--") && $0.count > 2 }.map { String($0.prefix { $0 != "=" }) }
        for name in wanted {
            if let typo = typed.first(where: { $0 != name && !NameSuggestions.closest(to: $0.lowercased(), among: [name]).isEmpty }) {
                return (typo, name)
            }
        }
        return nil
    }

    /// `'--dat' is no option; did you mean '--date'?`, or nil.
    static func hint(for wanted: [String]) -> String? {
        near(wanted).map { "'\($0.typed)' is no option; did you mean '\($0.meant)'?" }
    }
}
