#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file (or standard input, `-`) read in 64 KiB blocks, so memory stays flat however large it is.
public final class InputFile {
    public let name: String
    /// Whether it is a regular file, which can be opened and read again from the start.
    let isRegularFile: Bool
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The path a regular file was opened by, to open it again.
    private let path: String?
    private var buffer = [UInt8](repeating: 0, count: 65_536)
    private var start = 0
    private var end = 0
    /// How many bytes of the file had been read into the buffer: with `start` and `end`, the
    /// offset of the next byte.
    private var bytesRead = 0
    private var atEnd = false
    private var byteOrderMarkChecked = false
    /// Asked while waiting on a pipe or a terminal, which may send nothing for as long as it
    /// likes: true stops the wait with an `.interrupted` error (Ctrl-C at an `import -` prompt).
    var shouldStop: (@Sendable () -> Bool)?
    /// The database an import reads this file into, for the commands an error suggests.
    var importingInto: String?
    /// The import's options, which a command the error suggests to read the file gives again.
    var importOptions: [String] = []

    /// - Parameter shouldStop: see `shouldStop`; a FIFO that no writer has opened yet is then
    ///   waited on with it too, not in `open`, which nothing breaks off.
    public init(path: String, stoppingWhen shouldStop: (@Sendable () -> Bool)? = nil) throws {
        self.shouldStop = shouldStop
        if path == "-" {
            name = "standard input"
            descriptor = 0
            ownsDescriptor = false
            isRegularFile = false
            self.path = nil
            return
        }
        name = path
        self.path = path
        let type = try Self.fileType(of: path)
        isRegularFile = type == S_IFREG
        if type == S_IFIFO, shouldStop != nil {
            // Opened at once, then read only once `poll` says so: before its first writer
            // comes, a FIFO reports neither data nor an end.
            descriptor = open(path, O_RDONLY | O_NONBLOCK)
            if descriptor >= 0 { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK) }
        } else {
            descriptor = open(path, O_RDONLY)
        }
        guard descriptor >= 0 else {
            throw TimelineError(.notFound, "cannot read \(path): \(String(cString: strerror(errno))).")
        }
        ownsDescriptor = true
    }

    /// Reads an open descriptor (which it closes) from its current offset, under `name`.
    private init(descriptor: Int32, name: String, isRegularFile: Bool, path: String?) {
        self.name = name
        self.descriptor = descriptor
        self.ownsDescriptor = true
        self.isRegularFile = isRegularFile
        self.path = path
        // The byte-order mark, if any, was at the start of the first reading.
        byteOrderMarkChecked = true
    }

    /// The size of a regular file in bytes; nil for standard input or a pipe.
    var size: Int? {
        guard isRegularFile else { return nil }
        var info = stat()
        return fstat(descriptor, &info) == 0 ? Int(info.st_size) : nil
    }

    /// The file as a command pasted into a shell names it (FILE for standard input).
    var shellName: String { path.map(Self.shellWord) ?? "FILE" }

    /// The offset in the file of the next byte `nextByte` gives.
    var offset: Int { bytesRead - (end - start) }

    /// The same regular file, opened again and read from `offset`; nil for standard input or a pipe.
    func reopened(at offset: Int) throws -> InputFile? {
        guard isRegularFile, let path else { return nil }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TimelineError(.notFound, "cannot read \(path) again: \(String(cString: strerror(errno))).")
        }
        guard lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset) else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw TimelineError(.ioError, "cannot read \(path) again from byte \(offset): \(reason).")
        }
        return InputFile(descriptor: descriptor, name: name, isRegularFile: true, path: path)
    }

    /// A file of `bytes` written before it is read, under this file's name: the part of a pipe
    /// that has to be read twice. It lives in the temporary folder (`TMPDIR`, else `/tmp`), and is
    /// gone from it as soon as it is made, so nothing is left behind however the reading ends.
    static func spooled(named name: String, writing bytes: (SpoolWriter) throws -> Void) throws -> InputFile {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/timeline-import-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw TimelineError(.ioError, "cannot make a temporary file in \(folder) to read \(name) twice: \(String(cString: strerror(errno))).")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do {
            let writer = SpoolWriter(descriptor: descriptor, folder: folder)
            try bytes(writer)
            try writer.flush()
        } catch {
            close(descriptor)
            throw error
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            close(descriptor)
            throw TimelineError(.ioError, "cannot read back the temporary copy of \(name): \(String(cString: strerror(errno))).")
        }
        return InputFile(descriptor: descriptor, name: name, isRegularFile: false, path: nil)
    }

    /// Writes a spooled file in 64 KiB blocks.
    final class SpoolWriter {
        private let descriptor: Int32
        private let folder: String
        private var block: [UInt8] = []

        init(descriptor: Int32, folder: String) {
            self.descriptor = descriptor
            self.folder = folder
            block.reserveCapacity(65_536)
        }

        @inline(__always)
        func append(_ byte: UInt8) throws {
            block.append(byte)
            if block.count == 65_536 { try flush() }
        }

        func flush() throws {
            if let code = block.withUnsafeBytes({ DescriptorWriting.writeAll($0, to: descriptor) }) {
                throw TimelineError(.ioError, "writing a temporary file in \(folder) failed: \(String(cString: strerror(code))).")
            }
            block.removeAll(keepingCapacity: true)
        }
    }

    /// Throws what `init(path:)` would for a missing, unreadable or folder path, without opening
    /// it (a pipe opened and closed twice could lose its writer): checked before a command
    /// creates its database, so that a bad path leaves no new file behind.
    public static func checkReadable(path: String) throws {
        guard path != "-" else { return }
        _ = try fileType(of: path)
        guard access(path, R_OK) == 0 else {
            throw TimelineError(.notFound, "cannot read \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// The path's file type (`S_IFREG`, `S_IFIFO` …; nil when it cannot be found); a folder is refused.
    private static func fileType(of path: String) throws -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            throw TimelineError(.notFound, "\(path) is a folder, not a file to import.")
        }
        return type
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// Fills the buffer when it is empty; false at the end of the file.
    private func fill() throws -> Bool {
        if start < end { return true }
        if atEnd { return false }
        start = 0
        end = 0
        return try readIntoFreeEnd() > 0
    }

    /// One read(2) into the buffer after `end` (retried when interrupted); moves `end` and notes
    /// the end of the file. The number of bytes read.
    private func readIntoFreeEnd() throws -> Int {
        if !isRegularFile, let shouldStop { try waitForInput(checking: shouldStop) }
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + end, $0.count - end) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TimelineError(.ioError, "reading \(name) failed: \(String(cString: strerror(errno))).")
            }
            if count == 0 { atEnd = true }
            end += count
            bytesRead += count
            return count
        }
    }

    /// Waits until the descriptor can be read, looking at `shouldStop` ten times a second.
    private func waitForInput(checking shouldStop: () -> Bool) throws {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while poll(&request, 1, 100) == 0 || (request.revents == 0 && errno == EINTR) {
            if shouldStop() { throw TimelineError(.interrupted, "reading \(name) was stopped.") }
            request.revents = 0
        }
        if shouldStop() { throw TimelineError(.interrupted, "reading \(name) was stopped.") }
    }

    /// The next byte, or nil at the end.
    @inline(__always)
    func nextByte() throws -> UInt8? {
        if start == end, !(try fill()) { return nil }
        let byte = buffer[start]
        start += 1
        return byte
    }

    /// The next byte without consuming it.
    func peekByte() throws -> UInt8? {
        if start == end, !(try fill()) { return nil }
        return buffer[start]
    }

    /// The next line without its LF (and CR before it, unless `keepingCarriageReturn`), or nil at the end.
    func nextLine(keepingCarriageReturn: Bool = false) throws -> [UInt8]? {
        var line: [UInt8] = []
        var sawAny = false
        while true {
            if start == end, !(try fill()) { break }
            sawAny = true
            let available = buffer[start..<end]
            if let newline = available.firstIndex(of: 0x0A) {
                line.append(contentsOf: buffer[start..<newline])
                start = newline + 1
                if line.last == 0x0D && !keepingCarriageReturn { line.removeLast() }
                return line
            }
            line.append(contentsOf: available)
            start = end
        }
        if !sawAny && line.isEmpty { return nil }
        if line.last == 0x0D && !keepingCarriageReturn { line.removeLast() }
        return line
    }

    /// Calls `body` with the bytes read but not yet consumed (refilling first when there are none;
    /// empty only at the end), and consumes as many as it returns. For scanners that go through a
    /// block at a time instead of a byte at a time.
    func consumeAvailable(_ body: (UnsafeBufferPointer<UInt8>) throws -> Int) throws {
        if start == end, !(try fill()) {
            _ = try body(UnsafeBufferPointer(start: nil, count: 0))
            return
        }
        let consumed = try buffer.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
        start += consumed
    }

    /// Whether the end of the file has been reached (nothing more will be read into the buffer).
    var reachedEnd: Bool { atEnd }

    /// Reads more after the bytes not yet consumed (moved to the front of the buffer), so that a
    /// scanner can look past the end of a block; false when the file has nothing more.
    func readMore() throws -> Bool {
        if atEnd { return false }
        if start > 0 {
            let count = end - start
            buffer.withUnsafeMutableBytes { bytes in
                let base = bytes.baseAddress!
                base.copyMemory(from: base + start, byteCount: count)
            }
            start = 0
            end = count
        }
        return try readIntoFreeEnd() > 0
    }

    /// Up to `count` of the bytes not yet consumed, reading on until there are that many or the
    /// file ends; consumes none.
    func peekBytes(_ count: Int) throws -> [UInt8] {
        _ = try fill()
        while end - start < count, !atEnd {
            if end == buffer.count {
                guard try readMore() else { break }
            } else {
                _ = try readIntoFreeEnd()
            }
        }
        return Array(buffer[start..<min(end, start + count)])
    }

    /// The line not yet consumed (within the next 64 KiB), without its CR and LF, and whether a
    /// line end was found; consumes nothing. For a look at a header row before reading the file.
    func peekLine() throws -> (bytes: ArraySlice<UInt8>, isWhole: Bool) {
        let head = try peekBytes(65_536)
        var line = head.prefix { $0 != 0x0A }
        let isWhole = line.count < head.count
        if line.last == 0x0D { line.removeLast() }
        return (line, isWhole)
    }

    /// Skips a UTF-8 byte-order mark at the start.
    func skipByteOrderMark() throws {
        // Only the file's first bytes can be a mark; a second call (the format guess, then the
        // reader) must not take text after a UTF-8 mark for one.
        guard !byteOrderMarkChecked else { return }
        byteOrderMarkChecked = true
        guard try fill() else { return }
        // A pipe may deliver fewer than three bytes at first: read on, into the free end of the
        // buffer, until there are three, so that a mark split across reads is still seen.
        while end - start < 3, !atEnd, end < buffer.count {
            _ = try readIntoFreeEnd()
        }
        if end - start >= 3, buffer[start] == 0xEF, buffer[start + 1] == 0xBB, buffer[start + 2] == 0xBF {
            start += 3
            return
        }
        // Spreadsheets on Windows save "Unicode text" as UTF-16, marked so: say what it is rather
        // than that its first byte is not UTF-8.
        while end - start < 16, !atEnd, end < buffer.count {
            _ = try readIntoFreeEnd()
        }
        let head = Array(buffer[start..<min(end, start + 16)])
        for (mark, encoding) in [([0xFF, 0xFE, 0, 0], "UTF-32"), ([0, 0, 0xFE, 0xFF], "UTF-32")] as [([UInt8], String)]
        where head.starts(with: mark) {
            throw TimelineError(.badData, "\(name) is \(encoding) text (it starts with a \(encoding) byte order mark); save it as UTF-8, or convert it with iconv -f \(encoding) -t UTF-8.")
        }
        // Read as UTF-16 unless `--encoding utf-8` said otherwise.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw TimelineError(.usage, "--encoding utf-8: \(name) starts with UTF-16's byte order mark, so it is UTF-16; leave --encoding out.")
        }
        try refuseIfNoText(startingWith: head)
    }

    /// A spreadsheet's own file, a PDF or an archive is no text at all: says what it is, rather
    /// than that it is not UTF-8 (and suggest a conversion that cannot work).
    func refuseIfNoText(startingWith head: [UInt8]) throws {
        if let (what, instead) = Self.binaryKind(startingWith: head, path: path, database: importingInto, options: importOptions) {
            throw TimelineError(.badData, "\(name) is \(what), not text of events; \(instead)")
        }
    }

    /// What a file starting with `head` is, by its signature, when it is a kind of binary file
    /// people give for a table, and what to give instead.
    /// - Parameters:
    ///   - database: the timeline the import was to go into, for the commands the hints give.
    ///   - options: the import's options, which the command reading a compressed file gives again.
    static func binaryKind(startingWith head: [UInt8], path: String?, database: String? = nil,
                           options: [String] = []) -> (what: String, instead: String)? {
        // The path as a shell word, for a command to copy (FILE for standard input).
        let file = path.map(shellWord) ?? "FILE"
        let importing = "timeline " + (database.map { "--db \(shellWord($0)) " } ?? "") + "import -"
        let importingWithOptions = ([importing] + options.map(shellQuoted)).joined(separator: " ")
        let saveAsCSV = "save the sheet as CSV (UTF-8) from the spreadsheet, and import that."
        let signatures: [([UInt8], String, String)] = [
            (Array("PK\u{03}\u{04}".utf8), "a ZIP archive (an .xlsx or .ods spreadsheet is one)", saveAsCSV),
            ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Excel 97–2003 workbook (.xls)", saveAsCSV),
            (Array("%PDF-".utf8), "a PDF document", "events are read from CSV, TSV, NDJSON, JSON or a timeline document (`timeline help import`)."),
            ([0x1F, 0x8B], "compressed with gzip", "`gunzip -c \(file) | \(importingWithOptions)` reads what it holds."),
            (Array("SQLite format 3\u{0}".utf8), "an SQLite database",
             "for a timeline's, `timeline --db \(file) export --format ndjson | \(importing)` brings its events in."),
        ]
        for (signature, what, instead) in signatures where head.starts(with: signature) { return (what, instead) }
        return nil
    }

    /// `path` as one word of a shell command (`shellQuoted`), after `./` when it starts with `-`,
    /// which a command reads as an option.
    static func shellWord(_ path: String) -> String {
        path.hasPrefix("-") ? "./" + shellQuoted(path) : shellQuoted(path)
    }

    /// `text` as one word of a shell command: quoted when it is empty or holds more than
    /// letters, digits and `._-/+,` (and `=:@%` after its first character: `kind=layoff`).
    static func shellQuoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.enumerated().allSatisfy { index, character in
            character.isLetter || character.isNumber || "._-/+,".contains(character) || (index > 0 && "=:@%".contains(character))
        }
        return plain ? text : "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
