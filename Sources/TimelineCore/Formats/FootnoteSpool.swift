#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The footnotes of a document that prints them after everything else, numbered in order of
/// first use, one for each distinct text, kept in an unnamed temporary file rather than in memory:
/// a chronology of 200,000 events has some 270,000 of them, which held as strings took the export
/// to 350 MB. What stays in memory is a hash, an offset and a length a footnote (some 30 bytes).
final class FootnoteSpool {
    /// The unlinked temporary file, -1 when none could be made (the texts then stay in `pending`).
    private var descriptor: Int32 = -1
    /// Texts not written to the file yet, from `flushedLength` on.
    private var pending: [UInt8] = []
    private var flushedLength: Int64 = 0
    /// Each footnote's text (without its `[^n]: ` label): where it starts in the spool, and its length.
    private var starts: [Int64] = []
    private var lengths: [Int32] = []
    /// The last footnote with each text hash, and for each footnote the one before it with the
    /// same hash (0 for none): a chain, not an array an entry, which would cost an allocation each.
    private var lastNumberByHash: [Int: Int32] = [:]
    private var previousWithSameHash: [Int32] = []
    private static let flushSize = 1 << 16

    /// - Parameter folder: where the file is made (and at once unlinked); `$TMPDIR`, else `/tmp`.
    init(folder: String? = nil) {
        let folder = folder ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/timeline-footnotes-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if made >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            descriptor = made
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    var isEmpty: Bool { starts.isEmpty }

    /// The number of the footnote with this text: an earlier one's, else a new one's.
    func number(for text: String) throws -> Int {
        var text = text
        let hash = text.hashValue
        var candidate = lastNumberByHash[hash] ?? 0
        while candidate > 0 {
            if try storedText(Int(candidate)) == Array(text.utf8) { return Int(candidate) }
            candidate = previousWithSameHash[Int(candidate) - 1]
        }
        let number = starts.count + 1
        starts.append(flushedLength + Int64(pending.count))
        text.withUTF8 { pending.append(contentsOf: $0) }
        lengths.append(Int32(clamping: text.utf8.count))
        previousWithSameHash.append(lastNumberByHash[hash] ?? 0)
        lastNumberByHash[hash] = Int32(number)
        if pending.count >= Self.flushSize { try flush() }
        return number
    }

    /// Writes every footnote, `[^1]: text`, one a line, in order.
    func write(to output: TextOutput) throws {
        try flush()
        var line: [UInt8] = []
        for index in starts.indices {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: "[^\(index + 1)]: ".utf8)
            line.append(contentsOf: try storedText(index + 1))
            line.append(0x0A)
            try output.write(bytes: line)
        }
    }

    /// The text of footnote `number`, from memory or the file.
    private func storedText(_ number: Int) throws -> [UInt8] {
        let start = starts[number - 1], length = Int(lengths[number - 1])
        if start >= flushedLength {
            let offset = Int(start - flushedLength)
            return Array(pending[offset..<(offset + length)])
        }
        var bytes = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, length - done, off_t(start) + off_t(done)) }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { throw Self.failure("read", errno) }
            done += read
        }
        return bytes
    }

    /// Whether the file took no more (full, or over a size limit): what it holds is read from it,
    /// the rest stays in memory, as with no file at all, rather than failing the export.
    private var fileFull = false

    /// Moves the pending texts to the file (none without one, or once it is full: they stay in memory).
    private func flush() throws {
        guard descriptor >= 0, !fileFull, !pending.isEmpty else { return }
        guard pending.withUnsafeBytes({ DescriptorWriting.writeAll($0, to: descriptor) }) == nil else {
            // What was written of this block is beyond what the file is known to hold: the
            // whole block stays in memory, and is written over nothing.
            fileFull = true
            return
        }
        flushedLength += Int64(pending.count)
        pending.removeAll(keepingCapacity: true)
    }

    private static func failure(_ what: String, _ code: Int32) -> TimelineError {
        TimelineError(.ioError, "cannot \(what) the footnotes' temporary file: \(String(cString: strerror(code))).")
    }
}

