import Foundation
import MigrationRunner
import Testing
@testable import TimelineCore

/// The migrations and seeds built into the binary, and the fingerprint computed for them then.
@Suite struct EmbeddedMigrationsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The fingerprint written at build time is the one hashing the files gives: a wrong one would
    /// have every database migrated again (or taken as current when it is not).
    @Test func buildTimeFingerprintIsTheFilesOwn() throws {
        let embedded = TimelineMigrations.embedded
        #expect(embedded.fingerprint == MigrationSet.fingerprint(of: embedded.files))
        #expect(embedded.fingerprint == (try MigrationSet(files: EmbeddedFiles.files)).fingerprint)
        // Opening a store compares the header with this, without gathering the set.
        #expect(TimelineMigrations.embeddedFingerprint == MigrationSet.fingerprint(of: embedded.files))
    }

    /// They are the repository's `Migrations/` and `Seeds/`, with the same fingerprint.
    @Test func embeddedFilesAreTheRepositorysOwn() throws {
        let folder = try MigrationSet(directory: Self.packageRoot)
        let embedded = TimelineMigrations.embedded
        #expect(embedded.files.map(\.fileName) == folder.files.map(\.fileName))
        #expect(embedded.files.map(\.checksum) == folder.files.map(\.checksum))
        #expect(embedded.fingerprint == folder.fingerprint)
    }

    /// A fingerprint given with the files is kept as given; without one it is computed.
    @Test func givenFingerprintIsKept() throws {
        let file = try MigrationFile(kind: .migration, fileName: "0001_a.sql", contents: Array("SELECT 1;".utf8))
        #expect(try MigrationSet(files: [file], fingerprint: 42).fingerprint == 42)
        #expect(try MigrationSet(files: [file], fingerprint: nil).fingerprint == MigrationSet.fingerprint(of: [file]))
    }
}
