#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV (RFC 4180) or TSV records one at a time, with the line each starts on.
///
/// CSV: fields separated by commas (or semicolons); a field in double quotes may hold commas, newlines and doubled
/// quotes; CRLF or LF line ends; a UTF-8 BOM is skipped. TSV: fields separated by tabs, with
/// `\t`, `\n`, `\r` and `\\` escapes (as `timeline export --format tsv` writes them).
///
/// `advance()` reads a record into one reused byte buffer, without building a String per field:
/// the importer's fast path reads the fields from there. `next()` gives them as Strings.
public final class DelimitedReader {
    public enum Dialect: Sendable { case csv, tsv }

    public struct Record: Sendable {
        public let fields: [String]
        /// 1-based line the record starts on.
        public let line: Int
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let line: Int
        public let reason: String
        public var description: String { reason }
    }

    private let input: InputFile
    private let dialect: Dialect
    /// What separates CSV fields: a comma, or a semicolon (as spreadsheets write CSV where the
    /// comma is the decimal mark).
    private let separator: UInt8
    private var line = 1
    private var started = false
    /// The current record's fields, unescaped, one after another.
    private var recordBytes: [UInt8] = []
    /// Where each field of the current record ends in `recordBytes`.
    private var fieldEnds: [Int] = []
    /// 1-based line the current record starts on.
    private(set) var recordLine = 0

    public init(input: InputFile, dialect: Dialect, separator: UInt8 = UInt8(ascii: ",")) {
        self.input = input
        self.dialect = dialect
        self.separator = separator
        recordBytes.reserveCapacity(4_096)
        fieldEnds.reserveCapacity(32)
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public func next() throws -> Record? {
        guard try advance() else { return nil }
        return Record(fields: currentFields(), line: recordLine)
    }

    /// The current record's fields as Strings.
    func currentFields() -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(fieldCount)
        for index in 0..<fieldCount {
            fields.append(withField(index) { String(decoding: $0, as: UTF8.self) })
        }
        return fields
    }

    /// Reads the next record (blank lines skipped) for `fieldCount` and `withField`; false at the end.
    func advance() throws -> Bool {
        if !started {
            started = true
            try input.skipByteOrderMark()
        }
        while true {
            guard try input.peekByte() != nil else { return false }
            recordLine = line
            recordBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            if dialect == .csv {
                try csvRecord(startLine: recordLine)
            } else {
                try tsvRecord(startLine: recordLine)
            }
            if fieldEnds.count == 1 && fieldEnds[0] == 0 { continue }
            return true
        }
    }

    /// How many fields the current record has.
    var fieldCount: Int { fieldEnds.count }

    /// Calls `body` with the bytes of the current record's field `index` (valid UTF-8, no NUL),
    /// valid only during the call.
    func withField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = index == 0 ? 0 : fieldEnds[index - 1]
        let end = fieldEnds[index]
        return try recordBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Ends the field that runs from `fieldStart` to the end of `recordBytes`, after checking its text.
    private func endField(from fieldStart: Int, startLine: Int) throws {
        let problem = recordBytes.withUnsafeBufferPointer { UTF8Check.problem(in: UnsafeBufferPointer(rebasing: $0[fieldStart...])) }
        switch problem {
        case .invalidUTF8?: throw Failure(line: startLine, reason: "the text is not valid UTF-8 (\(UTF8Check.likelyEncoding) convert it with iconv -f WINDOWS-1252 -t UTF-8)")
        case .nul?: throw Failure(line: startLine, reason: "a field holds a NUL byte")
        case nil: fieldEnds.append(recordBytes.count)
        }
    }

    /// One CSV record, scanned a block at a time: runs of plain bytes are copied at once.
    private func csvRecord(startLine: Int) throws {
        var quoted = false
        var afterQuote = false
        var fieldStart = 0
        var finished = false
        /// Set when a byte needs the one after it and the block ends first.
        var needsLookahead = false
        while !finished {
            if needsLookahead {
                needsLookahead = false
                _ = try input.readMore()
            }
            var atEnd = false
            try input.consumeAvailable { bytes in
                let count = bytes.count
                if count == 0 {
                    atEnd = true
                    return 0
                }
                let lookaheadMissing = !input.reachedEnd
                var index = 0
                while index < count {
                    if quoted {
                        // Copy up to the next quote, counting lines: memchr finds both faster
                        // than a loop over the bytes.
                        let runStart = index
                        let rest = UnsafeRawPointer(bytes.baseAddress! + index)
                        if let quote = memchr(rest, Int32(UInt8(ascii: "\"")), count - index) {
                            index += rest.distance(to: UnsafeRawPointer(quote))
                        } else {
                            index = count
                        }
                        line += Self.newlines(in: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        if index > runStart { recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                        guard index < count else { break }
                        if index + 1 == count && lookaheadMissing {
                            needsLookahead = true
                            return index
                        }
                        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
                            recordBytes.append(UInt8(ascii: "\""))
                            index += 2
                        } else {
                            quoted = false
                            afterQuote = true
                            index += 1
                        }
                        continue
                    }
                    let byte = bytes[index]
                    switch byte {
                    case separator:
                        try endField(from: fieldStart, startLine: startLine)
                        fieldStart = recordBytes.count
                        afterQuote = false
                        index += 1
                    case 0x0A:
                        line += 1
                        try endField(from: fieldStart, startLine: startLine)
                        finished = true
                        return index + 1
                    case 0x0D:
                        if index + 1 == count && lookaheadMissing {
                            needsLookahead = true
                            return index
                        }
                        if !(index + 1 < count && bytes[index + 1] == 0x0A) { recordBytes.append(byte) }
                        index += 1
                    case UInt8(ascii: "\""):
                        if recordBytes.count == fieldStart && !afterQuote {
                            quoted = true
                            index += 1
                        } else {
                            throw Failure(line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                        }
                    default:
                        if afterQuote {
                            throw Failure(line: line, reason: "text after a closing quote; a quoted field must end at a \(separator == UInt8(ascii: ",") ? "comma" : "semicolon") or the end of the line")
                        }
                        let runStart = index
                        index += 1
                        while index < count {
                            let next = bytes[index]
                            if next == separator || next == 0x0A || next == 0x0D || next == UInt8(ascii: "\"") { break }
                            index += 1
                        }
                        recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    }
                }
                return count
            }
            if atEnd { break }
        }
        if finished { return }
        if quoted {
            throw Failure(line: startLine, reason: "a quoted field opened on this line is never closed")
        }
        try endField(from: fieldStart, startLine: startLine)
    }

    /// How many LF bytes there are.
    private static func newlines(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard var position = bytes.baseAddress.map(UnsafeRawPointer.init) else { return 0 }
        var remaining = bytes.count
        var found = 0
        while remaining > 0, let newline = memchr(position, 0x0A, remaining) {
            found += 1
            let next = UnsafeRawPointer(newline) + 1
            remaining -= position.distance(to: next)
            position = next
        }
        return found
    }

    private func tsvRecord(startLine: Int) throws {
        guard let bytes = try input.nextLine() else {
            fieldEnds.append(0)
            return
        }
        line += 1
        var fieldStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x09 {
                try endField(from: fieldStart, startLine: startLine)
                fieldStart = recordBytes.count
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                switch bytes[index] {
                case UInt8(ascii: "t"): recordBytes.append(0x09)
                case UInt8(ascii: "n"): recordBytes.append(0x0A)
                case UInt8(ascii: "r"): recordBytes.append(0x0D)
                case UInt8(ascii: "\\"): recordBytes.append(UInt8(ascii: "\\"))
                default:
                    recordBytes.append(byte)
                    recordBytes.append(bytes[index])
                }
            } else {
                recordBytes.append(byte)
            }
            index += 1
        }
        try endField(from: fieldStart, startLine: startLine)
    }
}
