/// One file's state against a database, as `timeline migrate status` shows it.
public struct MigrationStatus: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Recorded, with the same checksum.
        case applied
        /// Known to the binary, not yet recorded.
        case pending
        /// Recorded with another checksum: the file was edited after it ran.
        case changed
        /// Recorded, but the binary has no such file: the database is newer.
        case unknown
        /// A seed deliberately not loaded (`migrate --skip-seeds`).
        case skipped
    }

    public let kind: MigrationFile.Kind
    public let version: Int
    public let name: String
    public let fileName: String?
    public let state: State
    public let appliedAt: String?
    public let recordedChecksum: String?
    public let checksum: String?
}
