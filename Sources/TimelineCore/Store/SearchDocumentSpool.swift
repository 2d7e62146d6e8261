#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Search documents handed from the thread that reads them out of the timeline to the thread
/// that indexes them, through a temporary file: one thread writes while the other reads behind
/// it.
///
/// The documents are read three times faster than they are indexed: held in memory they would
/// pile up (300 MB at a million events), and a bounded queue would hold back the reading
/// thread, which has other work to go on with. A file (removed from its folder as it is made,
/// so that nothing is left behind whatever stops the process) keeps them in the kernel's cache
/// instead, outside the process's memory.
///
/// A document is its rowid, the byte lengths of its four fields (8 and 4 × 4 bytes, native
/// order), then the fields' UTF-8.
final class SearchDocumentSpool: @unchecked Sendable {
    private let file: Int32
    /// Where the file was made, for errors.
    let folder: String
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `lock`.
    private var published = 0
    private var closed = false
    /// Set by `abandon()`: the reader stops at its next document.
    private let abandoned = Atomic<Bool>(false)
    // The writer's own.
    private var pending: [UInt8] = []
    private var written = 0
    // The reader's own.
    private var readBuffer: [UInt8] = []
    private var readStart = 0
    private var readOffset = 0

    private static let headerSize = 8 + 4 * 4
    /// How much the writer gathers before a write, and the reader reads at a time.
    private static let chunkSize = 256 << 10

    /// Makes the file in `folder`, by default where SQLite makes its own temporary files
    /// (`temporaryFolder`).
    init(in folder: String? = temporaryFolder()) throws {
        guard let folder else {
            throw TimelineError(.cannotCreate, "no folder for temporary files: none of $SQLITE_TMPDIR, $TMPDIR, /var/tmp, /usr/tmp and /tmp is a folder this process can write to.")
        }
        self.folder = folder
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array("timeline-search-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else {
            throw TimelineError(.cannotCreate, "could not make a temporary file in \(folder) for the search index's documents: \(String(cString: strerror(errno))).")
        }
        file = made
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        pthread_mutex_init(lock, nil)
        pthread_cond_init(changed, nil)
        pending.reserveCapacity(Self.chunkSize + (64 << 10))
    }

    /// The first of `$SQLITE_TMPDIR`, `$TMPDIR`, `/var/tmp`, `/usr/tmp` and `/tmp` that is a folder
    /// this process can write to: where SQLite puts the temporary database the index is built
    /// in, so that the two are found (and fill) the same place.
    static func temporaryFolder() -> String? {
        var candidates: [String] = []
        for name in ["SQLITE_TMPDIR", "TMPDIR"] {
            if let value = getenv(name), value.pointee != 0 { candidates.append(String(cString: value)) }
        }
        return (candidates + ["/var/tmp", "/usr/tmp", "/tmp"]).first { folder in
            var info = stat()
            return stat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR && access(folder, W_OK | X_OK) == 0
        }
    }

    deinit {
        close(file)
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(lock)
        changed.deallocate()
        lock.deallocate()
    }

    // MARK: - Writing (one thread)

    /// Appends a document.
    func append(rowID: Int64, _ fields: SearchDocumentFields) throws {
        // No array of the fields: this runs once an event on the thread the import waits for.
        let header = (rowID, UInt32(fields.title.count), UInt32(fields.summary.count), UInt32(fields.quotes.count), UInt32(fields.names.count))
        withUnsafeBytes(of: header.0) { pending.append(contentsOf: $0) }
        withUnsafeBytes(of: header.1) { pending.append(contentsOf: $0) }
        withUnsafeBytes(of: header.2) { pending.append(contentsOf: $0) }
        withUnsafeBytes(of: header.3) { pending.append(contentsOf: $0) }
        withUnsafeBytes(of: header.4) { pending.append(contentsOf: $0) }
        pending.append(contentsOf: fields.title)
        pending.append(contentsOf: fields.summary)
        pending.append(contentsOf: fields.quotes)
        pending.append(contentsOf: fields.names)
        if pending.count >= Self.chunkSize { try flush() }
    }

    /// Writes what was appended and lets the reader have it.
    func flush() throws {
        try pending.withUnsafeBytes { bytes in
            var done = 0
            while done < bytes.count {
                let count = pwrite(file, bytes.baseAddress! + done, bytes.count - done, off_t(written + done))
                if count < 0 {
                    if errno == EINTR { continue }
                    throw TimelineError(.ioError, "could not write the search index's documents to a temporary file in \(folder): \(String(cString: strerror(errno))).")
                }
                done += count
            }
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
        pthread_mutex_lock(lock)
        published = written
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    /// Writes the rest; the reader reaches the end after it. Also what a writer that fails
    /// calls, so that the reader does not wait for more.
    func finishWriting() throws {
        defer {
            pthread_mutex_lock(lock)
            closed = true
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(lock)
        }
        try flush()
    }

    /// Ends the spool for the reader at its next document, whatever is left to read: for a
    /// writer that fails, or whose reader's work is no longer wanted.
    func abandon() {
        pending.removeAll()
        abandoned.store(true, ordering: .relaxed)
        pthread_mutex_lock(lock)
        closed = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(lock)
    }

    // MARK: - Reading (another thread)

    /// Calls `body` with the next document, waiting for the writer to get that far; false at the
    /// end (the writer closed the spool and everything written was read, or abandoned it).
    func next(_ body: (Int64, SearchDocumentFields) throws -> Void) throws -> Bool {
        guard !abandoned.load(ordering: .relaxed), try fill(Self.headerSize) else { return false }
        let (rowID, lengths) = readBuffer.withUnsafeBytes { bytes in
            let length = { (field: Int) in Int(bytes.loadUnaligned(fromByteOffset: self.readStart + 8 + 4 * field, as: UInt32.self)) }
            return (bytes.loadUnaligned(fromByteOffset: readStart, as: Int64.self), (length(0), length(1), length(2), length(3)))
        }
        let size = Self.headerSize + lengths.0 + lengths.1 + lengths.2 + lengths.3
        guard try fill(size) else {
            throw TimelineError(.internalError, "the search index's temporary file in \(folder) ends inside a document.")
        }
        try readBuffer.withUnsafeBytes { bytes in
            let first = readStart + Self.headerSize
            let second = first + lengths.0, third = second + lengths.1, fourth = third + lengths.2
            try body(rowID, (UnsafeRawBufferPointer(rebasing: bytes[first..<second]), UnsafeRawBufferPointer(rebasing: bytes[second..<third]),
                             UnsafeRawBufferPointer(rebasing: bytes[third..<fourth]), UnsafeRawBufferPointer(rebasing: bytes[fourth..<fourth + lengths.3])))
        }
        readStart += size
        return true
    }

    /// Makes `count` bytes from `readStart` on available in `readBuffer`, reading and waiting as
    /// needed; false when the spool ends first.
    private func fill(_ count: Int) throws -> Bool {
        while readBuffer.count - readStart < count {
            if readStart > 0 {
                readBuffer.removeSubrange(0..<readStart)
                readStart = 0
            }
            pthread_mutex_lock(lock)
            while published == readOffset && !closed {
                pthread_cond_wait(changed, lock)
            }
            let available = published - readOffset
            pthread_mutex_unlock(lock)
            guard available > 0, !abandoned.load(ordering: .relaxed) else { return false }
            let wanted = min(available, max(Self.chunkSize, count))
            let end = readBuffer.count
            readBuffer.append(contentsOf: repeatElement(0, count: wanted))
            let count = readBuffer.withUnsafeMutableBytes { bytes in
                pread(file, bytes.baseAddress! + end, wanted, off_t(readOffset))
            }
            guard count > 0 else {
                readBuffer.removeSubrange(end...)
                if count < 0 && errno == EINTR { continue }
                throw TimelineError(.ioError, "could not read the search index's temporary file in \(folder): \(count < 0 ? String(cString: strerror(errno)) : "it ended early").")
            }
            readBuffer.removeSubrange((end + count)...)
            readOffset += count
        }
        return true
    }
}
