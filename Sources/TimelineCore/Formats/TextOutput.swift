#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where text output goes: standard output, or a file written atomically (a temporary file beside
/// it, renamed into place only when everything was written). Writes are buffered in 64 KiB blocks.
public final class TextOutput {
    private let descriptor: Int32
    private let finalPath: String?
    private let temporaryPath: String?
    private let closesDescriptor: Bool
    private var buffer: [UInt8] = []
    private var finished = false
    /// The temporary file's record for removal on interruption.
    private var interruptionSlot: Int?
    private static let blockSize = 65_536

    private init(descriptor: Int32, finalPath: String?, temporaryPath: String?, closesDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.finalPath = finalPath
        self.temporaryPath = temporaryPath
        self.closesDescriptor = closesDescriptor
        buffer.reserveCapacity(Self.blockSize)
        if let temporaryPath { interruptionSlot = TemporaryFiles.removeOnInterruption(temporaryPath) }
    }

    public static func standardOutput() -> TextOutput {
        TextOutput(descriptor: 1, finalPath: nil, temporaryPath: nil)
    }

    /// `-` means standard output. A new or regular file is replaced atomically; a symbolic link
    /// is followed to the file it names; a pipe, a device or `/dev/fd/N` is written in place
    /// (renaming over those would replace them with a plain file).
    public static func file(_ path: String) throws -> TextOutput {
        if path == "-" { return standardOutput() }
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK {
                if let resolved = realpath(path, nil) {
                    let target = String(cString: resolved)
                    free(resolved)
                    var targetInfo = stat()
                    if stat(target, &targetInfo) == 0, (targetInfo.st_mode & S_IFMT) == S_IFREG {
                        return try atomicFile(target, shownAs: path)
                    }
                }
                return try inPlace(path)
            }
            if type == S_IFDIR {
                throw TimelineError(.cannotCreate, "cannot write to \(path): it is a folder.")
            }
            if type != S_IFREG {
                return try inPlace(path)
            }
        }
        return try atomicFile(path, shownAs: path)
    }

    /// Opens a pipe or device for writing as it is.
    private static func inPlace(_ path: String) throws -> TextOutput {
        let descriptor = open(path, O_WRONLY)
        guard descriptor >= 0 else {
            throw TimelineError(.cannotCreate, "cannot write to \(path): \(String(cString: strerror(errno))).")
        }
        return TextOutput(descriptor: descriptor, finalPath: path, temporaryPath: nil, closesDescriptor: true)
    }

    private static func atomicFile(_ path: String, shownAs shown: String) throws -> TextOutput {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        // An interruption between making the file and recording it would leave it behind.
        return try TemporaryFiles.withInterruptionsHeld {
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else {
                throw TimelineError(.cannotCreate, "cannot create \(shown): \(String(cString: strerror(errno))).")
            }
            fchmod(descriptor, permissions(forFileAt: path))
            let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return TextOutput(descriptor: descriptor, finalPath: path, temporaryPath: temporary, closesDescriptor: true)
        }
    }

    /// The permissions of a file written beside `path` and renamed over it: those of the file it
    /// replaces (an export kept private stays private), else what creating it would give (0666
    /// less the umask), as mkstemp's 0600 would make a shared file private for no reason.
    static func permissions(forFileAt path: String) -> mode_t {
        var info = stat()
        // The read, write and execute bits only: a set-user-id bit is no export's to copy.
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { return info.st_mode & 0o777 }
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    deinit {
        TemporaryFiles.forget(interruptionSlot)
        // Never leave a half-written temporary file behind.
        if !finished, let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        } else if !finished && closesDescriptor {
            close(descriptor)
        }
    }

    private var name: String { finalPath ?? "standard output" }

    /// The buffer's allocated size, for tests.
    var bufferCapacity: Int { buffer.capacity }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(utf8: $0) }
    }

    /// Writes UTF-8 text already built as bytes: no String in between.
    func write(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(utf8: $0) }
    }

    /// The buffer is flushed before it would outgrow its block, and text of a block or more is
    /// written straight through: the block is allocated once, as growing it would fault in fresh
    /// memory (a 100-event `list` spent 48 page faults on growing it).
    private func write(utf8 bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > Self.blockSize { try flush() }
        if bytes.count >= Self.blockSize {
            try writeAll(UnsafeRawBufferPointer(bytes))
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    private func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0) }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        if let code = DescriptorWriting.writeAll(bytes, to: descriptor) {
            throw TimelineError(.ioError, "writing \(name) failed: \(String(cString: strerror(code))).")
        }
    }

    /// Flushes, and for a file renames the temporary file into place.
    public func finish() throws {
        guard !finished else { return }
        try flush()
        finished = true
        guard let finalPath, let temporaryPath else {
            if closesDescriptor && close(descriptor) != 0 {
                throw TimelineError(.ioError, "writing \(name) failed: \(String(cString: strerror(errno))).")
            }
            return
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TimelineError(.ioError, "writing \(finalPath) failed: \(reason).")
        }
        defer {
            TemporaryFiles.forget(interruptionSlot)
            interruptionSlot = nil
        }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TimelineError(.cannotCreate, "cannot create \(finalPath): \(reason).")
        }
    }
}
