#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SQLiteStorage

extension TimelineStore {
    /// Runs `body` on a copy of the timeline in a temporary file (in `$TMPDIR`, else `/tmp`),
    /// removed after, even when the process is interrupted: for a rehearsal that writes and rolls
    /// back (`import --dry-run`) of a timeline this process may read but not write.
    public func withTemporaryCopy<T>(_ body: (TimelineStore) throws -> T) throws -> T {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        guard let (copyPath, slots) = TemporaryFiles.makeUniqueDatabaseFile(prefix: "\(folder)/timeline-rehearsal-") else {
            throw TimelineError(.cannotCreate, "cannot make a temporary copy of \(path) in \(folder): \(String(cString: strerror(errno))).")
        }
        let files = ["", "-journal", "-wal", "-shm"].map { copyPath + $0 }
        defer {
            files.forEach { unlink($0) }
            slots.forEach(TemporaryFiles.forget)
        }
        do {
            let copy = try Database(path: copyPath, mode: .readWrite)
            try database.backup(to: copy, stoppingWhen: shouldStop)
        } catch let error as SQLiteError where error.code == 13 || error.code == 10 {  // SQLITE_FULL, SQLITE_IOERR
            throw TimelineError(.ioError, "cannot make a temporary copy of \(path) in \(folder): \(error.message).")
        } catch {
            throw Self.translate(error, path: path)
        }
        let store = try TimelineStore(path: copyPath, migrations: .none, stoppingWhen: shouldStop)
        store.recordingTime = recordingTime
        return try body(store)
    }
}
