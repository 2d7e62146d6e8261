import ArgumentParser
import TimelineCore

extension Timeline {
    struct Kinds: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kinds",
            abstract: "List, add, describe and remove the kinds events are of.",
            discussion: """
                An event's kind is a word of this vocabulary (launch, layoff, acquisition, …); `add`, \
                `edit` and `import` refuse one it lacks. A timeline document carries the kinds its events \
                use to another timeline.

                Examples:
                  timeline kinds
                  timeline kinds add restructuring --description "An organisation is reorganised"
                  timeline kinds edit restructuring --description "Reorganised, with or without job cuts"
                  timeline kinds remove restructuring
                """,
            subcommands: [List.self, Add.self, Edit.self, Remove.self],
            defaultSubcommand: List.self
        )
    }
}

extension Timeline.Kinds {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the kinds, with how many events are of each and what each means (the default).",
            discussion: """
                Examples:
                  timeline kinds
                  timeline kinds --format csv
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                try global.withStore { store in
                    try KindListWriter(format: format, output: .standardOutput()).write(try store.kindListings())
                }
            }
        }
    }

    struct Add: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a kind.",
            discussion: """
                A kind is lowercase letters, digits and '-' (product-recall). Adding one the timeline \
                has with the same description changes nothing (`Unchanged NAME`); with another, it is \
                refused: `timeline kinds edit` changes a description.

                Example:
                  timeline kinds add restructuring --description "An organisation is reorganised"
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The kind's name.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("What the kind means (required).", valueName: "text"))
        var description: String

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    let change = try store.addKind(name, description: description)
                    confirmation.write(change == .unchanged ? "Unchanged \(name)\n" : "Added \(name)\n",
                                       saved: change == .unchanged ? "\(name) was left unchanged" : "the kind \(name) was added")
                }
                try confirmation.check()
            }
        }
    }

    struct Edit: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a kind's description.",
            discussion: """
                Example:
                  timeline kinds edit layoff --description "Jobs are cut, by the employer's decision"
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The kind.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The new description.", valueName: "text"))
        var description: String

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    let change = try store.describeKind(name, as: description)
                    confirmation.write(change == .unchanged ? "Unchanged \(name)\n" : "Edited \(name)\n",
                                       saved: change == .unchanged ? "\(name) was left unchanged" : "the change to \(name) was saved")
                }
                try confirmation.check()
            }
        }
    }

    struct Remove: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a kind no event is of.",
            discussion: """
                A kind events are of is refused: edit them to another kind first.

                Example:
                  timeline kinds remove restructuring
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The kind.", valueName: "name"))
        var name: String

        func run() throws {
            try reportingErrors {
                var confirmation = Confirmation()
                try global.withStore { store in
                    try store.removeKind(name)
                    confirmation.write("Removed \(name)\n", saved: "the kind \(name) was removed")
                }
                try confirmation.check()
            }
        }
    }
}
