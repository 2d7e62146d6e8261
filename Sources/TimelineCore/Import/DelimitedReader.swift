/// Reads CSV (RFC 4180) or TSV records one at a time, with the line each starts on.
///
/// CSV: fields separated by commas; a field in double quotes may hold commas, newlines and doubled
/// quotes; CRLF or LF line ends; a UTF-8 BOM is skipped. TSV: fields separated by tabs, with
/// `\t`, `\n`, `\r` and `\\` escapes (as `timeline export --format tsv` writes them).
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
    private var line = 1
    private var started = false

    public init(input: InputFile, dialect: Dialect) {
        self.input = input
        self.dialect = dialect
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    public func next() throws -> Record? {
        if !started {
            started = true
            try input.skipByteOrderMark()
        }
        while true {
            guard try input.peekByte() != nil else { return nil }
            let startLine = line
            let fields = dialect == .csv ? try csvRecord(startLine: startLine) : try tsvRecord(startLine: startLine)
            if fields.count == 1 && fields[0].isEmpty { continue }
            return Record(fields: fields, line: startLine)
        }
    }

    private func text(_ bytes: [UInt8], startLine: Int) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Failure(line: startLine, reason: "the text is not valid UTF-8")
        }
        if bytes.contains(0) {
            throw Failure(line: startLine, reason: "a field holds a NUL byte")
        }
        return text
    }

    private func csvRecord(startLine: Int) throws -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var afterQuote = false
        while let byte = try input.nextByte() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if try input.peekByte() == UInt8(ascii: "\"") {
                        _ = try input.nextByte()
                        field.append(byte)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if byte == 0x0A { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(try text(field, startLine: startLine))
                field.removeAll(keepingCapacity: true)
                afterQuote = false
            case 0x0A:
                line += 1
                fields.append(try text(field, startLine: startLine))
                return fields
            case 0x0D:
                if try input.peekByte() == 0x0A { continue }
                field.append(byte)
            case UInt8(ascii: "\""):
                if field.isEmpty && !afterQuote {
                    quoted = true
                } else {
                    throw Failure(line: line, reason: "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
            default:
                if afterQuote {
                    throw Failure(line: line, reason: "text after a closing quote; a quoted field must end at a comma or the end of the line")
                }
                field.append(byte)
            }
        }
        if quoted {
            throw Failure(line: startLine, reason: "a quoted field opened on this line is never closed")
        }
        fields.append(try text(field, startLine: startLine))
        return fields
    }

    private func tsvRecord(startLine: Int) throws -> [String] {
        guard let bytes = try input.nextLine() else { return [""] }
        line += 1
        var fields: [String] = []
        var field: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x09 {
                fields.append(try text(field, startLine: startLine))
                field.removeAll(keepingCapacity: true)
            } else if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                switch bytes[index] {
                case UInt8(ascii: "t"): field.append(0x09)
                case UInt8(ascii: "n"): field.append(0x0A)
                case UInt8(ascii: "r"): field.append(0x0D)
                case UInt8(ascii: "\\"): field.append(UInt8(ascii: "\\"))
                default:
                    field.append(byte)
                    field.append(bytes[index])
                }
            } else {
                field.append(byte)
            }
            index += 1
        }
        fields.append(try text(field, startLine: startLine))
        return fields
    }
}
