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
    private var buffer: [UInt8] = []
    private var finished = false
    private static let blockSize = 65_536

    private init(descriptor: Int32, finalPath: String?, temporaryPath: String?) {
        self.descriptor = descriptor
        self.finalPath = finalPath
        self.temporaryPath = temporaryPath
        buffer.reserveCapacity(Self.blockSize)
    }

    public static func standardOutput() -> TextOutput {
        TextOutput(descriptor: 1, finalPath: nil, temporaryPath: nil)
    }

    /// `-` means standard output.
    public static func file(_ path: String) throws -> TextOutput {
        if path == "-" { return standardOutput() }
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw TimelineError(.cannotCreate, "cannot create \(path): \(String(cString: strerror(errno))).")
        }
        fchmod(descriptor, 0o644)
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return TextOutput(descriptor: descriptor, finalPath: path, temporaryPath: temporary)
    }

    deinit {
        // Never leave a half-written temporary file behind.
        if !finished, let temporaryPath {
            close(descriptor)
            unlink(temporaryPath)
        }
    }

    private var name: String { finalPath ?? "standard output" }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.blockSize { try flush() }
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                buffer.removeAll(keepingCapacity: true)
                throw TimelineError(.ioError, "writing \(name) failed: \(reason).")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, and for a file renames the temporary file into place.
    public func finish() throws {
        guard !finished else { return }
        try flush()
        finished = true
        guard let finalPath, let temporaryPath else { return }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TimelineError(.ioError, "writing \(finalPath) failed: \(reason).")
        }
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw TimelineError(.cannotCreate, "cannot create \(finalPath): \(reason).")
        }
    }
}
