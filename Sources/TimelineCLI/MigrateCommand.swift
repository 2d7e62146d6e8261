import ArgumentParser
import MigrationRunner
import TimelineCore

extension Timeline {
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Apply, list and check schema migrations and seeds.",
            discussion: """
                Every command migrates on its own; this one does it explicitly and reports. The files are \
                built into the binary; --dir reads DIR/Migrations and DIR/Seeds instead.
                """,
            subcommands: [Apply.self, Status.self, Validate.self],
            defaultSubcommand: Apply.self
        )
    }
}

/// Options of the migrate subcommands.
struct MigrationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read Migrations/ and Seeds/ from this folder instead of the built-in files.", valueName: "dir"))
    var dir: String?

    func migrationSet() throws -> MigrationSet {
        guard let dir else { return TimelineMigrations.embedded }
        return try TimelineStore.migrationSet(directory: dir)
    }
}

extension Timeline.Migrate {
    struct Apply: DatabaseWritingCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply",
            abstract: "Apply pending migrations and seeds (the default).",
            discussion: """
                Each file runs in its own transaction with its history row; a failing file changes nothing. \
                A database whose history disagrees with the files (an edited file, a file unknown to this \
                version) is refused, unchanged, with exit code 65.

                Examples:
                  timeline migrate
                  timeline migrate --dry-run
                  timeline --db empty.sqlite migrate --skip-seeds
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MigrationOptions

        @Flag(help: "List what would be applied, and apply nothing.")
        var dryRun = false

        @Flag(help: "Apply the schema but record the data sets as skipped, for an empty database (e.g. to import into).")
        var skipSeeds = false

        func run() throws {
            try reportingErrors {
                let set = try options.migrationSet()
                var confirmation = Confirmation()
                try global.withStore(migrations: .none, discardingNewDatabase: dryRun) { store in
                    var text = ""
                    if dryRun {
                        let pending = try store.pendingMigrations(set: set)
                        text += pending.isEmpty ? "Nothing to apply.\n" : "Would apply:\n"
                        for file in pending { text += "  \(file.displayPath)\n" }
                        confirmation.write(text, saved: "the dry run wrote nothing")
                    } else {
                        let skippedBefore = Set(try store.migrationStatus(set: set).filter { $0.state == .skipped }.map(\.version))
                        let applied = try store.migrate(set: set, skippingSeeds: skipSeeds)
                        let skipped = try store.migrationStatus(set: set).filter { $0.state == .skipped && !skippedBefore.contains($0.version) }
                        if applied.isEmpty && skipped.isEmpty {
                            text += "Nothing to apply; the database is up to date.\n"
                        }
                        if !applied.isEmpty { text += "Applied:\n" }
                        for file in applied { text += "  \(file.displayPath)\n" }
                        if !skipped.isEmpty { text += "Skipped (recorded as not loaded):\n" }
                        for file in skipped { text += "  Seeds/\(file.fileName ?? file.name)\n" }
                        // Written once the database is up to date: a failure to say so is not a failure to migrate.
                        confirmation.write(text, saved: applied.isEmpty && skipped.isEmpty ? "the database was up to date" : "the migrations were applied")
                    }
                }
                try confirmation.check()
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show each migration and seed with its state: applied, pending, changed, unknown or skipped.",
            discussion: """
                changed: applied, but the file differs from what was applied. unknown: applied, but this \
                version of timeline has no such file (the database is newer). skipped: a data set left out \
                with --skip-seeds.

                Example:
                  timeline migrate status --format json
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MigrationOptions

        @Option(help: ArgumentHelp("table, json, ndjson, csv, tsv or markdown.", valueName: "format"))
        var format: OutputFormat = .table

        func run() throws {
            try reportingErrors {
                let set = try options.migrationSet()
                // A database not there yet has every file pending, and is not made by asking.
                try global.withStore(migrations: .none, discardingNewDatabase: true) { store in
                    let writer = MigrationStatusWriter(format: format, output: .standardOutput())
                    try writer.write(try store.migrationStatus(set: set))
                }
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Exit 0 only when every applied file matches this binary and nothing is pending.",
            discussion: """
                Exit 65 names the first file that differs, is unknown or is pending.

                Example:
                  timeline migrate validate && echo "up to date"
                """
        )

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: MigrationOptions

        func run() throws {
            try reportingErrors {
                let set = try options.migrationSet()
                try global.withStore(migrations: .none, discardingNewDatabase: true) { store in
                    let pending = try store.pendingMigrations(set: set)
                    if let first = pending.first {
                        throw TimelineError(.badData, "\(first.displayPath) is not applied yet (\(pending.count) pending); run `timeline migrate`.")
                    }
                    let output = TextOutput.standardOutput()
                    try output.write("ok: \(set.files.count) files applied, all matching.\n")
                    try output.finish()
                }
            }
        }
    }
}
