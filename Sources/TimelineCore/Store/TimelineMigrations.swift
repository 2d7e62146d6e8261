import MigrationRunner
import SQLiteStorage

/// The migrations and seeds built into the binary, and the loaders the runner needs for them.
public enum TimelineMigrations {
    /// `Migrations/` and `Seeds/` as they were when the binary was built (checked then).
    public static let embedded: MigrationSet = {
        do {
            return try MigrationSet(files: EmbeddedFiles.files, fingerprint: EmbeddedFiles.fingerprint)
        } catch {
            fatalError("the embedded migrations were checked at build time: \(error)")
        }
    }()

    /// The embedded set's fingerprint, without the set: what a database brought up to it holds
    /// in its header (a current database is known by it alone).
    public static var embeddedFingerprint: Int32 { EmbeddedFiles.fingerprint }

    /// Seeds in JSON are read by the core; SQL seeds run as SQL.
    public static let loaders: KeyValuePairs<String, MigrationRunner.SeedLoader> = ["json": SeedLoader.loadJSON]

    /// A runner over the database with the given set (the embedded one unless a folder is named),
    /// recording what it applies at `appliedAt` (nil for now).
    public static func runner(for database: Database, set: MigrationSet = embedded, appliedAt: String? = nil) -> MigrationRunner {
        let runner = MigrationRunner(database: database, set: set, loaders: loaders)
        runner.appliedAt = appliedAt
        return runner
    }
}
