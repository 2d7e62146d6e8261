#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a whole buffer to a file descriptor, which a single `write` may do only in part.
enum DescriptorWriting {
    /// Writes every byte of `bytes`, again after a write a signal cut short. Returns nil once all
    /// is written, else the system's error number (ENOSPC for a write that wrote nothing), with
    /// an unknown part of `bytes` written.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return written == 0 ? ENOSPC : errno }
            offset += written
        }
        return nil
    }
}
