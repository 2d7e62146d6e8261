#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV (RFC 4180) or TSV records one at a time, with the line each starts on.
///
/// CSV: fields separated by commas (or semicolons); a field in double quotes may hold commas,
/// newlines and doubled quotes; CRLF or LF line ends; a UTF-8 BOM is skipped. TSV: fields
/// separated by tabs, with `\t`, `\n`, `\r` and `\\` escapes (as `timeline export --format tsv`
/// writes them), or quoted as CSV quotes them (see `tsvRecord`).
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
        /// Whether reading can go on with the next record (`skipFailedRecord`): a quote never
        /// closed has taken in the rest of the file, and an unknown number of records with it.
        public var recoverable = false
        /// The field (from 0) whose text is at fault, when the failure is one field's.
        public var field: Int?
        public var description: String { reason }

        /// The reason, naming the field's column when `header` has it (`column 'entity': …`).
        func reason(columnsNamedBy header: [String]) -> String {
            guard let field, field < header.count, !header[field].isEmpty else { return reason }
            return "column '\(header[field])': " + reason
        }
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
    /// TSV lines read past a quote that turned out to open no field, to be read again.
    private var linesReadAhead: [[UInt8]] = []
    /// Whether the TSV header row quotes every field, and whether that was looked at yet.
    private var quotesEveryField = false
    private var checkedHeaderQuoting = false

    public init(input: InputFile, dialect: Dialect, separator: UInt8 = UInt8(ascii: ",")) {
        self.input = input
        self.dialect = dialect
        self.separator = separator
        recordBytes.reserveCapacity(4_096)
        fieldEnds.reserveCapacity(32)
    }

    /// The next record, or nil at the end. Blank lines, and rows whose fields are all empty, are skipped.
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

    /// Reads the next record (blank and empty rows skipped) for `fieldCount` and `withField`; false at the end.
    func advance() throws -> Bool {
        if !started {
            started = true
            try input.skipByteOrderMark()
        }
        while true {
            guard try !linesReadAhead.isEmpty || input.peekByte() != nil else { return false }
            recordLine = line
            recordBytes.removeAll(keepingCapacity: true)
            fieldEnds.removeAll(keepingCapacity: true)
            if dialect == .csv {
                try csvRecord(startLine: recordLine)
            } else {
                try tsvRecord(startLine: recordLine)
            }
            // A blank line, or a row of separators only (`,,,`, as spreadsheets write below
            // their data): no field holds anything.
            if recordBytes.isEmpty { continue }
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
        try endField(of: recordBytes, from: fieldStart, startLine: startLine)
    }

    /// `endField` of a record's bytes being read (held outside `recordBytes` meanwhile).
    private func endField(of recordBytes: [UInt8], from fieldStart: Int, startLine: Int) throws {
        let problem = recordBytes.withUnsafeBufferPointer { UTF8Check.problem(in: UnsafeBufferPointer(rebasing: $0[fieldStart...])) }
        switch problem {
        case .invalidUTF8?:
            let encoding = recordBytes.withUnsafeBufferPointer { UTF8Check.likelyEncoding(of: UnsafeBufferPointer(rebasing: $0[fieldStart...])) }
            throw Failure(line: startLine, reason: "the text is not valid UTF-8 (a file saved as \(encoding.described)? import it with --encoding \(encoding.option), or convert it with iconv -f \(encoding.iconv) -t UTF-8)",
                          field: fieldEnds.count)
        case .nul?: throw Failure(line: startLine, reason: "a field holds a NUL byte", field: fieldEnds.count)
        case nil: fieldEnds.append(recordBytes.count)
        }
    }

    /// Set when a record failed in the middle of a line: the rest of it is skipped before the
    /// next record (`skipFailedRecord`), from the failing byte (past it, when it is a stray quote).
    private var failedMidLine = false
    private var failedAtStrayQuote = false

    /// After a recoverable `Failure`, moves past the failed record, so that reading goes on with
    /// the next one: a malformed row costs only itself. The rest of its line is read as CSV reads
    /// it, so that a quoted field it opens (over several lines) is skipped whole, never read as
    /// records; one that is never closed stops the reading, as it would have taken in the rest.
    func skipFailedRecord() throws {
        guard failedMidLine else { return }
        failedMidLine = false
        let skipLine = line
        // As `csvRecord` reads: a quote opens a quoted field only at the start of a field, `""`
        // inside one is a quote, and a line end inside one is part of it.
        var quoted = false
        var closedJustNow = false
        var atFieldStart = false
        var skipQuote = failedAtStrayQuote
        failedAtStrayQuote = false
        var found = false
        var atEnd = false
        while !found && !atEnd {
            try input.consumeAvailable { bytes in
                guard bytes.count > 0 else {
                    atEnd = true
                    return 0
                }
                for index in 0..<bytes.count {
                    let byte = bytes[index]
                    if skipQuote {
                        skipQuote = false
                        continue
                    }
                    if byte == UInt8(ascii: "\"") {
                        if quoted {
                            quoted = false
                            closedJustNow = true
                        } else if closedJustNow {
                            quoted = true  // `""`: a quote inside the field
                            closedJustNow = false
                        } else if atFieldStart {
                            quoted = true
                        }
                        atFieldStart = false
                        continue
                    }
                    closedJustNow = false
                    if byte == 0x0A {
                        line += 1
                        if !quoted {
                            found = true
                            return index + 1
                        }
                    } else if !quoted {
                        atFieldStart = byte == separator
                    }
                }
                return bytes.count
            }
        }
        if quoted {
            throw Failure(line: skipLine, reason: "a quoted field opened on this line is never closed")
        }
    }

    /// One CSV record, scanned a block at a time: runs of plain bytes are copied at once.
    ///
    /// The record's bytes and the line count are locals while it scans (put back on the way
    /// out): a class's stored property changed in the loop is checked for exclusive access at
    /// run time each time, which was a tenth of the reading of a record with JSON columns.
    private func csvRecord(startLine: Int) throws {
        var recordBytes: [UInt8] = []
        swap(&recordBytes, &self.recordBytes)
        var line = self.line
        defer {
            swap(&recordBytes, &self.recordBytes)
            self.line = line
        }
        var pending: Failure?
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
                        // A doubled quote is copied as one with the run before it (JSON in a
                        // cell doubles every quote of it: one copy each, not two).
                        if index + 1 < count && bytes[index + 1] == UInt8(ascii: "\"") {
                            recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...index]))
                            index += 2
                            continue
                        }
                        if index > runStart { recordBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                        guard index < count else { break }
                        if index + 1 == count && lookaheadMissing {
                            needsLookahead = true
                            return index
                        }
                        quoted = false
                        afterQuote = true
                        index += 1
                        continue
                    }
                    let byte = bytes[index]
                    switch byte {
                    case separator:
                        // A failure is thrown once the bytes before it are consumed, so that the
                        // reader can skip the rest of the line and go on.
                        do {
                            try endField(of: recordBytes, from: fieldStart, startLine: startLine)
                        } catch var failure as Failure {
                            failure.recoverable = line == startLine
                            pending = failure
                            failedMidLine = true
                            return index
                        }
                        fieldStart = recordBytes.count
                        afterQuote = false
                        index += 1
                    case 0x0A:
                        line += 1
                        finished = true
                        do {
                            try endField(of: recordBytes, from: fieldStart, startLine: startLine)
                        } catch var failure as Failure {
                            failure.recoverable = true
                            pending = failure
                        }
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
                            pending = Failure(line: startLine, reason: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
                                              recoverable: line == startLine)
                            failedMidLine = true
                            failedAtStrayQuote = true
                            return index
                        }
                    default:
                        if afterQuote {
                            // A record that began on an earlier line may be read from the
                            // wrong quote: where the next one starts is anyone's guess.
                            pending = Failure(line: startLine, reason: "text after a closing quote; a quoted field must end at a \(separator == UInt8(ascii: ",") ? "comma" : "semicolon") or the end of the line",
                                              recoverable: line == startLine)
                            failedMidLine = true
                            return index
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
            if let pending { throw pending }
            if atEnd { break }
        }
        if finished { return }
        if quoted {
            throw Failure(line: startLine, reason: "a quoted field opened on this line is never closed")
        }
        do {
            try endField(of: recordBytes, from: fieldStart, startLine: startLine)
        } catch var failure as Failure {
            // The file's last record, without a line end: nothing of another is lost.
            failure.recoverable = true
            throw failure
        }
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

    /// One TSV record: a line, with `\t`, `\n`, `\r` and `\\` escapes, as export writes it.
    ///
    /// Other tools (Python's csv module, spreadsheets) quote TSV fields as CSV quotes them
    /// instead. A field that starts with a double quote is read so when it is a quoted field, its
    /// closing quote right before a tab or the end of the line and its quotes inside doubled, and
    /// it holds what only a quoted field can hold: a doubled quote, a tab or a line break (it may
    /// run over several lines). Others (`"Hello" he said`, `"Hi"`) are text as they are, as
    /// export writes any field that does not start with a quote. When every field of the header
    /// row is quoted (a writer that quotes all fields), every quoted field is read so.
    private func tsvRecord(startLine: Int) throws {
        if !checkedHeaderQuoting {
            checkedHeaderQuoting = true
            quotesEveryField = try Self.quotesEveryField(headerOf: input)
        }
        guard var bytes = try nextRawLine() else {
            fieldEnds.append(0)
            return
        }
        line += 1
        var end = Self.contentEnd(of: bytes)
        var fieldStart = 0
        var fieldBegins = true
        var index = 0
        while index < end {
            let byte = bytes[index]
            if fieldBegins {
                fieldBegins = false
                if byte == UInt8(ascii: "\""), let after = try quotedField(in: &bytes, from: index) {
                    index = after
                    end = Self.contentEnd(of: bytes)
                    continue
                }
            }
            if byte == 0x09 {
                do {
                    try endField(from: fieldStart, startLine: startLine)
                } catch var failure as Failure {
                    // The record's line is read: it ends here unless a later field is quoted
                    // and could run over the next lines, which are then no records of their own.
                    failure.recoverable = !bytes[index...].contains(UInt8(ascii: "\""))
                    throw failure
                }
                fieldStart = recordBytes.count
                fieldBegins = true
            } else if byte == UInt8(ascii: "\\"), index + 1 < end {
                index += 1
                if let escaped = Self.escaped(bytes[index]) {
                    recordBytes.append(escaped)
                } else {
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

    /// The byte a TSV escape's letter after a backslash stands for (`t`, `n`, `r`, `\\`); nil for
    /// any other, which is text as it is.
    private static func escaped(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        default: nil
        }
    }

    /// Whether the header row of a TSV file is all quoted fields (`"uid"\t"kind"`).
    private static func quotesEveryField(headerOf input: InputFile) throws -> Bool {
        try input.skipByteOrderMark()
        let (header, isWhole) = try input.peekLine()
        guard header.first == UInt8(ascii: "\""), isWhole else { return false }
        return header.split(separator: 0x09, omittingEmptySubsequences: false).allSatisfy { field in
            field.count >= 2 && field.first == UInt8(ascii: "\"") && field.last == UInt8(ascii: "\"")
        }
    }

    /// Where a raw line's text ends: before its CR, if it has one.
    private static func contentEnd(of bytes: [UInt8]) -> Int {
        bytes.last == 0x0D ? bytes.count - 1 : bytes.count
    }

    /// The next line with its CR: one read ahead and given back first, else the input's.
    private func nextRawLine() throws -> [UInt8]? {
        if !linesReadAhead.isEmpty { return linesReadAhead.removeFirst() }
        return try input.nextLine(keepingCarriageReturn: true)
    }

    /// Reads the quoted field at `start` of `bytes` (the record's lines so far, joined by LF),
    /// joining further lines to `bytes` while it is open; appends its text to the record and
    /// gives the index after its closing quote. Nil, with `bytes` and the input as they were,
    /// when it is not a field only quoting explains (see `tsvRecord`).
    private func quotedField(in bytes: inout [UInt8], from start: Int) throws -> Int? {
        let quote = UInt8(ascii: "\"")
        let firstLineCount = bytes.count
        var joined: [[UInt8]] = []
        var text: [UInt8] = []
        var onlyQuotingExplains = quotesEveryField
        var index = start + 1
        while true {
            if index == bytes.count {
                // Open at the end of the line: the field goes on in the next, up to a bound, so
                // that a stray quote does not read the rest of a large file.
                guard joined.count < 1_000, text.count < 1 << 20, let next = try nextRawLine() else { break }
                joined.append(next)
                bytes.append(0x0A)
                bytes.append(contentsOf: next)
                text.append(0x0A)
                onlyQuotingExplains = true
                index += 1
                continue
            }
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    text.append(quote)
                    onlyQuotingExplains = true
                    index += 2
                    continue
                }
                let after = index + 1
                let closesField = after == Self.contentEnd(of: bytes) || after == bytes.count || bytes[after] == 0x09
                guard closesField && onlyQuotingExplains else { break }
                recordBytes.append(contentsOf: text)
                line += joined.count
                return after
            }
            if byte == 0x09 || byte == 0x0D { onlyQuotingExplains = true }
            // Export's escapes hold inside quotes too: a field export wrote with `\n` comes back
            // quoted from a tool that quotes a field with a quote in it (Python's csv module).
            if byte == UInt8(ascii: "\\"), index + 1 < Self.contentEnd(of: bytes), let escaped = Self.escaped(bytes[index + 1]) {
                text.append(escaped)
                index += 2
                continue
            }
            text.append(byte)
            index += 1
        }
        bytes.removeSubrange(firstLineCount...)
        linesReadAhead.insert(contentsOf: joined, at: 0)
        return nil
    }
}
