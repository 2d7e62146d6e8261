import MigrationRunner
import SQLiteStorage

extension TimelineStore {
    /// The state of each known and recorded file.
    public func migrationStatus(set: MigrationSet = TimelineMigrations.embedded) throws -> [MigrationStatus] {
        do {
            return try TimelineMigrations.runner(for: database, set: set).status()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// The files `migrate` would apply, after checking the history (a refusal throws).
    public func pendingMigrations(set: MigrationSet = TimelineMigrations.embedded) throws -> [MigrationFile] {
        do {
            return try TimelineMigrations.runner(for: database, set: set).validate()
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Applies what is pending; returns what this call applied.
    @discardableResult
    public func migrate(set: MigrationSet = TimelineMigrations.embedded, skippingSeeds: Bool = false) throws -> [MigrationFile] {
        do {
            return try TimelineMigrations.runner(for: database, set: set).migrate(skippingSeeds: skippingSeeds)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Reads `Migrations/` and `Seeds/` from a folder instead of the embedded set.
    public static func migrationSet(directory: String) throws -> MigrationSet {
        do {
            return try MigrationSet(directory: directory)
        } catch {
            throw translate(error, path: directory)
        }
    }
}
