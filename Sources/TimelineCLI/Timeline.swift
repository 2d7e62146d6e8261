import ArgumentParser

@main
struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "A sourced, queryable timeline of real-world events in one SQLite file.",
        discussion: """
            Every date keeps the precision its sources give (2019, Q2 2022, 1 Dec 2022), every figure \
            and claim its sources. The database is --db PATH, else $TIMELINE_DB, else \
            $XDG_DATA_HOME/timeline/timeline.sqlite (else ~/.local/share/timeline/timeline.sqlite); \
            it is created, migrated and seeded with the Amazon Care timeline on first use.

            Exit codes: 0 ok, 64 usage, 65 bad data, 66 missing input, 70 internal error, \
            73 cannot create output, 74 I/O error, 75 database busy (try again).
            """,
        version: "0.1.0",
        subcommands: [List.self, Show.self, DateCommand.self, Stats.self, Add.self, Edit.self, Remove.self, Import.self, Export.self, SQL.self, Check.self, Backup.self, Migrate.self],
        defaultSubcommand: List.self
    )

    /// So `timeline --db PATH list` works as well as `timeline list --db PATH`.
    @OptionGroup var global: GlobalOptions
}
