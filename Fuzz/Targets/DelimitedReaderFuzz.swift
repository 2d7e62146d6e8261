// libFuzzer target: the CSV/TSV reader (`DelimitedReader` over an `InputFile`).
//
// Built by Fuzz/run.sh with Import/DelimitedReader.swift, Import/InputFile.swift,
// Formats/DelimitedText.swift (the writer export uses) and TimelineError.swift, in one module.
// Each input is read in both dialects, twice: from a file (InputFile's reads return whole
// blocks) and from standard input connected to a socket that delivers it in small pieces (reads
// return short counts, so every block boundary is exercised). Properties (violations trap):
// - nothing crashes or hangs; there are at most as many records as bytes;
// - every error is a `DelimitedReader.Failure` whose line is 1 or more and within the input;
// - record lines are 1 or more and increase; no record is a lone empty field (blank lines are skipped);
// - the file read and the piecemeal read give the same records and the same error;
// - the records written back with the export's writer (`DelimitedText.csvLine`/`tsvLine`) read
//   back as the same fields.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    DelimitedFuzzChecks.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

enum DelimitedFuzzChecks {
    /// What reading a whole input gives: its records, and the error that stopped it, if any.
    struct Outcome: Equatable {
        var records: [[String]] = []
        var lines: [Int] = []
        var failureLine: Int?
        var failureReason: String?
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        for dialect in [DelimitedReader.Dialect.csv, .tsv] {
            let whole = read(bytes, dialect, piecemeal: false)
            let pieces = read(bytes, dialect, piecemeal: true)
            if whole != pieces {
                fail("\(dialect): reading in short pieces gives \(describe(pieces)), reading the file gives \(describe(whole))", bytes)
            }
            checkRewrite(whole.records, dialect, bytes)
        }
    }

    /// Reads every record of `bytes` and checks each one and the error, if any.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ dialect: DelimitedReader.Dialect, piecemeal: Bool) -> Outcome {
        let input = piecemeal ? FuzzInput.piecemeal(bytes) : FuzzInput.file(bytes)
        let reader = DelimitedReader(input: input, dialect: dialect)
        let lineCount = bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        var outcome = Outcome()
        do {
            while let record = try reader.next() {
                if record.line < 1 || record.line > lineCount {
                    fail("\(dialect): a record on line \(record.line) of \(lineCount)", bytes)
                }
                if let previous = outcome.lines.last, record.line <= previous {
                    fail("\(dialect): record lines go from \(previous) to \(record.line)", bytes)
                }
                if record.fields == [""] { fail("\(dialect): a blank line was returned as a record", bytes) }
                if record.fields.isEmpty { fail("\(dialect): a record has no field", bytes) }
                outcome.records.append(record.fields)
                outcome.lines.append(record.line)
                if outcome.records.count > bytes.count { fail("\(dialect): more records than bytes", bytes) }
            }
        } catch let error as TimelineError where startsWithWideMark(bytes) {
            // UTF-16 and UTF-32 are refused, named, before anything is read (an import converts
            // UTF-16 before the reader sees it; the reader meets it only under --encoding utf-8).
            guard error.message.contains(" text (it starts with a UTF-") || error.message.contains(" starts with UTF-16's byte order mark") else { fail("\(dialect): a wide-text mark refused as: \(error)", bytes) }
            outcome.failureReason = "wide text"  // the message names the file, which differs between the two reads
        } catch let failure as DelimitedReader.Failure {
            if failure.line < 1 || failure.line > lineCount {
                fail("\(dialect): an error on line \(failure.line) of \(lineCount): \(failure.reason)", bytes)
            }
            outcome.failureLine = failure.line
            outcome.failureReason = failure.reason
        } catch {
            fail("\(dialect): an error that is not a DelimitedReader.Failure: \(error)", bytes)
        }
        return outcome
    }

    /// The records written as export writes them read back as the same fields.
    static func checkRewrite(_ records: [[String]], _ dialect: DelimitedReader.Dialect, _ original: UnsafeBufferPointer<UInt8>) {
        guard !records.isEmpty else { return }
        // A byte-order mark first, so that a field starting with U+FEFF keeps it.
        var text = "\u{FEFF}"
        for fields in records {
            text += dialect == .csv ? DelimitedText.csvLine(fields) : DelimitedText.tsvLine(fields)
        }
        let written = Array(text.utf8)
        let again = written.withUnsafeBufferPointer { read($0, dialect, piecemeal: false) }
        if again.failureReason != nil || again.records != records {
            fail("\(dialect): records written with DelimitedText read back as \(describe(again)), not \(records)", original)
        }
    }

    static func describe(_ outcome: Outcome) -> String {
        var text = "\(outcome.records.count) records \(outcome.records) on lines \(outcome.lines)"
        if let line = outcome.failureLine, let reason = outcome.failureReason { text += ", error on line \(line): \(reason)" }
        return text
    }

    /// Whether the input starts with a UTF-16 or UTF-32 byte order mark, which InputFile refuses.
    static func startsWithWideMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only at the very start: after a UTF-8 mark, FE FF is just bytes that are not UTF-8.
        [[0xFF, 0xFE], [0xFE, 0xFF], [0, 0, 0xFE, 0xFF]].contains { bytes.starts(with: $0) }
    }

    static func fail(_ message: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Never {
        let shown = String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
        fatalError("delimited fuzz property violated: \(message) [input: \(shown)]")
    }
}

/// Gives the reader the fuzz input through a real file descriptor.
enum FuzzInput {
    /// One anonymous file, rewritten for each input and opened afresh through /proc/self/fd.
    nonisolated(unsafe) static var fileDescriptor: Int32 = -1

    static func file(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFile {
        if fileDescriptor < 0 {
            var template = Array((access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp").utf8CString.dropLast())
            template += Array("/delimited-fuzz-XXXXXX".utf8CString)
            fileDescriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fileDescriptor >= 0 else { fatalError("mkstemp failed: errno \(errno)") }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        guard ftruncate(fileDescriptor, 0) == 0,
              bytes.isEmpty || pwrite(fileDescriptor, bytes.baseAddress, bytes.count, 0) == bytes.count
        else { fatalError("writing the fuzz input to a file failed: errno \(errno)") }
        do {
            return try InputFile(path: "/proc/self/fd/\(fileDescriptor)")
        } catch {
            fatalError("opening the fuzz input failed: \(error)")
        }
    }

    /// Standard input, made a socket that delivers the bytes in pieces of sizes derived from
    /// them (up to 48 pieces, the first ones of 1 to 8 bytes), so each `read` returns one piece.
    static func piecemeal(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFile {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_SEQPACKET.rawValue), 0, &ends) == 0 else {
            fatalError("socketpair failed: errno \(errno)")
        }
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        func nextRandom() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(truncatingIfNeeded: state >> 1)
        }
        var offset = 0
        var pieces = 0
        while offset < bytes.count {
            pieces += 1
            let largest = pieces <= 8 ? 8 : max(1, bytes.count / 16)
            let size = pieces == 48 ? bytes.count - offset : min(bytes.count - offset, 1 + nextRandom() % largest)
            let sent = send(ends[1], bytes.baseAddress! + offset, size, 0)
            guard sent == size else { fatalError("sending a piece failed: errno \(errno)") }
            offset += size
        }
        close(ends[1])
        guard dup2(ends[0], 0) == 0 else { fatalError("dup2 failed: errno \(errno)") }
        close(ends[0])
        do {
            return try InputFile(path: "-")
        } catch {
            fatalError("opening standard input failed: \(error)")
        }
    }
}
