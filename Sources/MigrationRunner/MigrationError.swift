import SQLiteStorage

/// Why migrations or seeds were refused or failed. Every case names the file; none leaves a change behind.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// A file name is not `NNNN_name.ext` (migrations: `.sql`).
    case badFileName(kind: MigrationFile.Kind, fileName: String)
    /// Two files of one kind share a version.
    case duplicateVersion(String, String)
    /// A file or folder could not be read.
    case unreadable(path: String, reason: String)
    /// An applied file's text differs from the one recorded.
    case checksumChanged(file: String, recorded: String, current: String)
    /// The database records a file this binary does not have: it was made by a newer version.
    case unknownApplied(kind: MigrationFile.Kind, version: Int, name: String)
    /// A pending file's version is lower than one already applied, so it would run out of order.
    case pendingBelowApplied(file: String, highestApplied: String)
    /// A statement in a file failed.
    case statementFailed(file: String, line: Int, error: SQLiteError)
    /// A seed's loader rejected its contents.
    case seedRejected(file: String, reason: String)
    /// No loader reads seeds of this extension.
    case noLoader(file: String)
    /// After a file ran, rows pointed at rows that do not exist.
    case foreignKeyViolation(file: String, table: String, rowID: Int64?, parent: String)
    /// The database holds tables (the first few named) but `reason`: another application's,
    /// which migrations must not change.
    case foreignDatabase(tables: [String], reason: String)
    /// Reading or writing the history failed.
    case database(SQLiteError)

    public var description: String {
        switch self {
        case .badFileName(let kind, let fileName):
            let expected = kind == .migration ? "NNNN_name.sql" : "NNNN_name.ext"
            return "\(kind.folderName)/\(fileName) is not a valid \(kind.rawValue) file name: expected \(expected) with a version of at least four digits above zero and a name of lowercase letters, digits, '_' and '-'."
        case .duplicateVersion(let first, let second):
            return "\(first) and \(second) have the same version; each version may appear once."
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)."
        case .checksumChanged(let file, let recorded, let current):
            return "\(file) was changed after it was applied (recorded checksum \(recorded), file now \(current)); applied files must never be edited: add a new file instead."
        case .unknownApplied(let kind, let version, let name):
            return "the database has \(kind.rawValue) \(version) (\(name)) applied, which this version of timeline does not know: the database was made by a newer version."
        case .pendingBelowApplied(let file, let highest):
            return "\(file) is pending but \(highest) is already applied; a file may not be added below one that has run."
        case .statementFailed(let file, let line, let error):
            return "\(file):\(line): \(error.message) (SQLite \(error.codeDescription), code \(error.extendedCode))."
        case .seedRejected(let file, let reason):
            return "\(file): \(reason)"
        case .noLoader(let file):
            return "\(file): no loader reads seeds of this kind; use .sql or .json."
        case .foreignKeyViolation(let file, let table, let rowID, let parent):
            let row = rowID.map { " row \($0)" } ?? ""
            return "\(file) leaves \(table)\(row) pointing at a missing row of \(parent)."
        case .foreignDatabase(let tables, let reason):
            let named = tables.prefix(3).joined(separator: ", ") + (tables.count > 3 ? ", …" : "")
            return "the file is an SQLite database with tables or views of its own (\(named)), but \(reason): it belongs to another application, and is left as it is (give the path of a new file, or of a database these migrations made)."
        case .database(let error):
            return error.description
        }
    }

    /// The database was busy past the timeout: worth trying again.
    public var isBusy: Bool {
        switch self {
        case .database(let error): return error.isBusy
        case .statementFailed(_, _, let error): return error.isBusy
        default: return false
        }
    }
}
