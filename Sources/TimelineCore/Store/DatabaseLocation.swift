import SQLiteStorage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the database lives: `--db PATH`, else `$TIMELINE_DB`, else
/// `$XDG_DATA_HOME/timeline/timeline.sqlite`, else `~/.local/share/timeline/timeline.sqlite`.
public enum DatabaseLocation {
    public static func resolve(explicitPath: String?, environment: [String: String]) throws -> String {
        if let explicitPath {
            guard !explicitPath.isEmpty else {
                throw TimelineError(.usage, "--db is empty; give the path of a database file.")
            }
            // A name of spaces only is a slip (a variable left blank), not a file to make.
            guard !explicitPath.isBlank else {
                throw TimelineError(.usage, "--db '\(explicitPath)' is only spaces; give the path of a database file.")
            }
            return explicitPath
        }
        if let path = environment["TIMELINE_DB"], !path.isEmpty {
            guard !path.isBlank else {
                throw TimelineError(.usage, "TIMELINE_DB '\(path)' is only spaces; give the path of a database file, or unset it for the default.")
            }
            return path
        }
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return dataHome + "/timeline/timeline.sqlite"
        }
        guard let home = environment["HOME"], !home.isEmpty else {
            throw TimelineError(.usage, "cannot find a place for the database: HOME is not set; give --db PATH or set TIMELINE_DB.")
        }
        return home + "/.local/share/timeline/timeline.sqlite"
    }

    /// The process environment, read without Foundation.
    public static var processEnvironment: [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// Creates the folders above `path` that do not exist yet (`mkdir -p` of its parent).
    public static func createParentFolders(of path: String) throws {
        for folder in parentFolders(of: path) {
            var info = stat()
            if stat(folder, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    throw TimelineError(.cannotCreate, "cannot create the database at \(path): \(folder) is not a folder.")
                }
                continue
            }
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                throw TimelineError(.cannotCreate, "cannot create the folder \(folder) for the database: \(String(cString: strerror(errno))).")
            }
        }
    }

    /// Opens the store at `path` with `open` and runs `body` with it. When the store made the
    /// file (it was not there before) and `open` or `body` throws, or `discard` is true (a dry
    /// run), the new database goes again, with its journals and the folders made for it: a failed
    /// command leaves nothing behind, not even a new seeded file. Unless another process has
    /// written to it or holds it open meanwhile: then it is theirs as much, and stays.
    ///
    /// An SQLite error `body` lets through (a damaged file found by a write, say) becomes the
    /// sentence and exit code the store gives it.
    public static func withStore<T>(at path: String, discardingNew discard: Bool = false, open: () throws -> TimelineStore,
                                    _ body: (TimelineStore) throws -> T) throws -> T {
        do {
            return try withCreatedStoreRemoved(at: path, discardingNew: discard, open: open, body)
        } catch let error as SQLiteError {
            throw TimelineStore.translate(error, path: path)
        }
    }

    private static func withCreatedStoreRemoved<T>(at path: String, discardingNew discard: Bool, open: () throws -> TimelineStore,
                                                   _ body: (TimelineStore) throws -> T) throws -> T {
        let wasEmpty = isEmptyFile(path)
        guard !fileExists(path) || wasEmpty else { return try body(try open()) }
        let newFolders = missingParentFolders(of: path)
        var opened: TimelineStore?
        do {
            let store = try open()
            opened = store
            // Stopped while it made the database (its migrations and seeds commit a file at a
            // time), the command leaves none, and does none of its work. Stopped after, a write
            // stops before it commits; what it committed stays.
            if store.createdFile, store.stopRequested { throw TimelineStore.interrupted(path: path) }
            let result = try body(store)
            if discard, store.createdFile, store.removeCreatedFile() { removeFolders(newFolders) }
            return result
        } catch {
            if let opened {
                if opened.createdFile, opened.removeCreatedFile() { removeFolders(newFolders) }
            } else if TimelineStore.removeUnopenedFile(at: path, keepingEmptyFile: wasEmpty) {
                removeFolders(newFolders)
            }
            throw error
        }
    }

    /// The folders above `path` that do not exist yet, outermost first: what opening a new
    /// database there would create.
    static func missingParentFolders(of path: String) -> [String] {
        let folders = parentFolders(of: path)
        return Array(folders.drop { fileExists($0) })
    }

    /// Each folder above `path`, outermost first (`./a`, `./a/b` for `a/b/db.sqlite`).
    private static func parentFolders(of path: String) -> [String] {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        components.removeLast()
        var current = path.hasPrefix("/") ? "" : "."
        var folders: [String] = []
        for component in components where !component.isEmpty && component != "." {
            current += "/" + component
            folders.append(current)
        }
        return folders
    }

    /// Removes `folders` (from `missingParentFolders`) where empty, innermost first.
    static func removeFolders(_ folders: [String]) {
        for folder in folders.reversed() { rmdir(folder) }
    }

    static func removeFile(_ path: String) {
        unlink(path)
        removeJournalFiles(of: path)
    }

    /// Empties the file at `path` again (one that was empty before a database was made in it)
    /// and removes the files SQLite kept beside it.
    static func emptyFile(_ path: String) {
        truncate(path, 0)
        removeJournalFiles(of: path)
    }

    /// Whether `path` is a regular file with nothing in it (`touch`ed, or emptied): SQLite takes
    /// it for an empty database, which a command makes a timeline in as in a new file.
    public static func isEmptyFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0
    }

    /// The write-ahead log, shared memory and rollback journal SQLite keeps beside `path`.
    /// What SQLite names the files it keeps beside a database: its log, shared memory, journal.
    static let sideFileSuffixes = ["-wal", "-shm", "-journal"]

    static func removeJournalFiles(of path: String) {
        for suffix in sideFileSuffixes { unlink(path + suffix) }
    }

    /// The database `path` would be kept beside, when it is named as SQLite names such a file.
    static func databaseBeside(sideFile path: String) -> String? {
        sideFileSuffixes.first { path.hasSuffix($0) }.map { String(path.dropLast($0.count)) }
    }

    /// Gives the file `path`, to be renamed over `destination`, the permissions of the file it
    /// replaces, else those of `original` (a backup of a private database is private).
    static func givePermissions(to path: String, replacing destination: String, elseOf original: String) {
        var info = stat()
        if stat(destination, &info) == 0 || stat(original, &info) == 0 {
            chmod(path, info.st_mode & 0o777)  // not set-user-id, set-group-id or sticky
        }
    }

    static func moveFile(_ source: String, to destination: String) throws {
        if rename(source, destination) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(source)
            throw TimelineError(.cannotCreate, "cannot create \(destination): \(reason).")
        }
    }

    /// Whether this process can write the database at `path`: the file, and its folder, where
    /// SQLite keeps the journal of a write.
    public static func canWrite(_ path: String) -> Bool {
        access(path, W_OK) == 0 && access(folder(of: path), W_OK) == 0
    }

    /// The folder `path` is in (`.` for a bare name, `/` for a file at the root).
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether the database at `path` can only be read as immutable: it is in a folder this
    /// process cannot write to, so SQLite cannot make the shared-memory file a write-ahead-log
    /// reader needs, and no log or shared-memory file is there (no writer could have been at work
    /// in such a folder, and one that left a log must not be read around).
    public static func isReadOnlySnapshot(_ path: String) -> Bool {
        guard path != ":memory:" else { return false }
        // Every store opening asks: the folder first, which settles the usual case in one call.
        guard access(folder(of: path), W_OK) != 0 else { return false }
        return fileExists(path) && !fileExists(path + "-wal") && !fileExists(path + "-shm") && !fileExists(path + "-journal")
    }

    /// The file `path` names once symbolic links are followed (up to 32 of them); `path` itself
    /// when it is not a link. A dangling link gives the path it points to.
    static func followingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, Int(PATH_MAX))
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }

    /// Whether `path` is itself a symbolic link (after `followingLinks`, one in a loop).
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Whether `first` and `second` name one file (same device and inode).
    static func isSameFile(_ first: String, _ second: String) -> Bool {
        var one = stat(), other = stat()
        guard stat(first, &one) == 0, stat(second, &other) == 0 else { return false }
        return one.st_dev == other.st_dev && one.st_ino == other.st_ino
    }

    /// What the regular file at `path` is, when it holds data and is not a timeline database
    /// (`another SQLite database`, `a file that is not an SQLite database`); nil when nothing or
    /// an empty file is there, or a timeline database is.
    /// The error of a database another process holds, which a command writing into it waited for.
    static func busyError(_ path: String) -> TimelineError {
        TimelineError(.busy, "the database \(path) is busy (another process is using it); try again (--busy-timeout-ms sets how long to wait).")
    }

    /// A database another process holds locked past `busyTimeout` milliseconds cannot be told
    /// apart: that is an error (busy), not a file of another kind.
    static func nonTimelineFile(at path: String, busyTimeout: Int32) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        do {
            let database = try Database(path: path, mode: .readOnly, busyTimeout: busyTimeout)
            let tables = try database.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('schema_migrations', 'events')")
            return tables == .integer(2) ? nil : "another SQLite database"
        } catch let error as SQLiteError where error.isBusy {
            throw busyError(path)
        } catch let error as SQLiteError where isSQLiteDatabase(path) {
            // A database that cannot be opened here (one in WAL mode in a folder this process
            // may not write, where SQLite cannot make its -shm) is no file of another kind.
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            let why = access(folder.isEmpty ? "/" : folder, W_OK) != 0 ? " (its folder cannot be written, and SQLite keeps files beside a database there)" : ""
            throw TimelineError(.cannotCreate, "cannot open the database \(path): \(error.message)\(why).")
        } catch {
            return "a file that is not an SQLite database"
        }
    }

    /// Whether the regular file at `path` starts with SQLite's header.
    static func isSQLiteDatabase(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size >= 16,
              let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var header = [UInt8](repeating: 0, count: 16)
        guard fread(&header, 1, 16, file) == 16 else { return false }
        return header == Array("SQLite format 3\0".utf8)
    }

    /// Whether something is at `path` that this process may not read (or reach).
    static func isUnreadable(_ path: String) -> Bool {
        fileExists(path) && access(path, R_OK) != 0
    }

    /// Whether a database may be at `path`: something is there, and not an empty file (which
    /// holds none yet: `backup` and `check` of one would write SQLite's header into it).
    public static func exists(_ path: String) -> Bool {
        fileExists(path) && !isEmptyFile(path)
    }

    /// Whether something is at `path`; behind a folder that may not be entered, it is taken to
    /// be (a database there is unreadable, not missing, and none can be made there).
    static func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 || errno == EACCES
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
