/// An encoding `import --encoding` reads a file in, other than UTF-8: the file is converted to
/// UTF-8 first, into a temporary copy, and read from that as any file is (its lines are the same
/// lines, so errors name them as in the original). UTF-16 with its byte order mark is read so
/// without being asked.
public struct TextEncoding: Sendable, Equatable {
    enum Kind: Sendable {
        case utf8
        /// nil: by the byte order mark, else by where the zero bytes of ASCII fall.
        case utf16(bigEndian: Bool?)
        /// A code page of 256 characters: ASCII, then its own for bytes 0x80 to 0xFF.
        case singleByte(CodePageGuess.CodePage)
    }

    let kind: Kind

    public static let utf8 = TextEncoding(kind: .utf8)

    static func utf16(bigEndian: Bool?) -> TextEncoding { TextEncoding(kind: .utf16(bigEndian: bigEndian)) }

    private init(kind: Kind) {
        self.kind = kind
    }

    public static func == (left: TextEncoding, right: TextEncoding) -> Bool { left.name == right.name }

    /// The names `--encoding` takes, as written in its help.
    public static let names = ["utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "latin-1", "iso-8859-15", "latin-9",
                               "macintosh", "macroman", "windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1257",
                               "koi8-r"]

    /// The encoding by name, in any case, with or without the hyphen (`cp1252`, `Windows-1252`,
    /// `ISO-8859-1`); nil for a name it does not know. Latin-1 is read as Windows-1252, as browsers
    /// do: the bytes 0x80–0x9F that Latin-1 leaves to control characters are, in files saved as
    /// "Latin-1", Windows-1252's quotation marks, dashes and euro sign.
    public init?(named given: String) {
        let name = String(given.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
        switch name {
        case "utf8": self = .utf8
        case "utf16": self = .utf16(bigEndian: nil)
        case "utf16le": self = .utf16(bigEndian: false)
        case "utf16be": self = .utf16(bigEndian: true)
        default:
            let aliases = ["latin1": "windows1252", "iso88591": "windows1252", "l1": "windows1252", "cp1252": "windows1252",
                           "cp1250": "windows1250", "cp1251": "windows1251", "cp1253": "windows1253", "cp1254": "windows1254",
                           "cp1257": "windows1257", "latin9": "iso885915", "l9": "iso885915", "macroman": "macintosh",
                           "mac": "macintosh", "xmacroman": "macintosh"]
            let canonical = aliases[name] ?? name
            guard let page = (CodePageGuess.candidates + CodePageGuess.readByName).first(where: {
                String($0.iconv.lowercased().unicodeScalars.filter { $0 != "-" }) == canonical
            }) else { return nil }
            self.init(kind: .singleByte(page))
        }
    }

    var isUTF16: Bool {
        if case .utf16 = kind { return true }
        return false
    }

    /// The byte order given with UTF-16 (true: big-endian); nil for other encodings and `utf-16`.
    var utf16ByteOrder: Bool? {
        if case .utf16(let bigEndian) = kind { return bigEndian }
        return nil
    }

    /// The name as `--encoding` takes it.
    public var name: String {
        switch kind {
        case .utf8: "utf-8"
        case .utf16(let bigEndian): bigEndian.map { $0 ? "utf-16be" : "utf-16le" } ?? "utf-16"
        case .singleByte(let page): page.optionName
        }
    }
}

extension InputFile {
    /// This file read in `encoding`, as UTF-8: a temporary copy under the same name (see
    /// `spooled`); UTF-8 is this file itself. The bytes are checked as they are converted: one the
    /// code page has no character for, or UTF-16 that is cut short or pairs no surrogates, is an
    /// error naming its line; and a file whose bytes above ASCII all form UTF-8 characters, read in
    /// a code page, is refused as the UTF-8 it is (`é` as `Ã©` is what reading it so would give).
    func transcoded(from encoding: TextEncoding) throws -> InputFile {
        if encoding == .utf8 { return self }
        try refuseIfNoText(startingWith: try peekBytes(16))
        let copy = try InputFile.spooled(named: name) { writer in
            switch encoding.kind {
            case .utf8: return
            case .utf16(let bigEndian):
                try writeUTF16(to: writer, bigEndian: bigEndian)
            case .singleByte(let page):
                try writeCodePage(to: writer, page)
            }
        }
        copy.importingInto = importingInto
        copy.importOptions = importOptions
        return copy
    }

    /// Calls `body` with the next block of bytes, and consumes them all; false at the end.
    private func consume(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
        var any = false
        try consumeAvailable { bytes in
            any = !bytes.isEmpty
            try body(bytes)
            return bytes.count
        }
        return any
    }

    private func writeCodePage(to writer: SpoolWriter, _ page: CodePageGuess.CodePage) throws {
        let pageName = page.optionName
        let sample = try peekBytes(65_536)
        try refuseAsMisnamed(by: page, sample: sample)
        var line = 1
        var utf8 = UTF8Shape()
        var previous: UInt8 = 0
        // The first line holding the two bytes of a UTF-8 letter of Latin-1's range.
        var utf8Line: (line: Int, lead: UInt8, trail: UInt8)?
        // Lines that end in a carriage return alone (Mac OS Roman files from Excel for Mac, and
        // older Mac files) end in a line feed in the copy, as everything else reads them.
        let lineEnd: UInt8 = sample.contains(0x0A) || !sample.contains(0x0D) ? 0x0A : 0x0D
        while try consume({ bytes in
            for byte in bytes {
                utf8.take(byte)
                defer { previous = byte }
                if byte < 0x80 {
                    if byte == lineEnd { line += 1 }
                    try writer.append(byte == 0x0D && lineEnd == 0x0D ? 0x0A : byte)
                    continue
                }
                // `é` saved as UTF-8 is C3 A9, `Ã©` in a Latin code page: a line of UTF-8 in a file
                // of another encoding (rows pasted from elsewhere) would be stored so.
                if utf8Line == nil, previous == 0xC2 || previous == 0xC3, byte & 0xC0 == 0x80,
                   let lead = page.scalar(of: previous), lead == "Â" || lead == "Ã" {
                    utf8Line = (line, previous, byte)
                }
                guard let scalar = page.scalar(of: byte) else {
                    throw TimelineError(.badData, "\(name):\(line): the byte 0x\(Self.hex(byte)) is no character in \(pageName): the file is damaged, or in another "
                                        + "encoding; `iconv -f \(page.iconv) -t UTF-8 -c \(shellName)` drops such bytes, to import what it prints.")
                }
                for unit in UTF8.encode(scalar)! { try writer.append(unit) }
            }
        }) {}
        if utf8.isUTF8 { throw isUTF8Error(page, sample) }
        if let (line, lead, trail) = utf8Line {
            let read = [lead, trail].compactMap(page.scalar(of:)).map(String.init).joined()
            throw TimelineError(.badData, "\(name):\(line): the text holds UTF-8 (the bytes \(Self.hex(lead)) \(Self.hex(trail)), which \(pageName) reads as \(read)) "
                                + "in a file of \(pageName): save the whole file in one encoding.")
        }
    }

    /// Refuses, from its first 64 KiB, a file `page` would misread: UTF-8 text; a Latin-9 file
    /// given as Windows-1252, whose `€` that page reads as `¤`; and text another code page makes
    /// one language's words of where this one makes none (KOI8-R given as Windows-1251 reads as
    /// words in the wrong case).
    private func refuseAsMisnamed(by page: CodePageGuess.CodePage, sample: [UInt8]) throws {
        let pageName = page.optionName
        var sampleShape = UTF8Shape()
        for byte in sample { sampleShape.take(byte) }
        if sampleShape.isUTF8 { throw isUTF8Error(page, sample) }
        // `¤` is a sign text hardly ever uses; in a file with no `€` of Windows-1252's own, the
        // byte is Latin-9's `€`.
        if page.iconv == "WINDOWS-1252", sample.contains(0xA4), !sample.contains(0x80) {
            throw TimelineError(.usage, "--encoding \(pageName): \(name) holds the byte A4, which \(pageName) reads as ¤ and ISO-8859-15 (Latin-9) as €; "
                                + "give --encoding iso-8859-15 (sure of ¤? `iconv -f \(page.iconv) -t UTF-8 \(shellName)` converts it, to import what it prints).")
        }
        let stray = sample.map { $0 >= 0x80 }
        if let better = sample.withUnsafeBufferPointer({ CodePageGuess.better(than: page, $0, stray: stray) }) {
            throw TimelineError(.usage, "--encoding \(pageName): \(name) reads as \(better.described), not \(pageName), which makes its letters "
                                + "into words no language writes; give --encoding \(better.optionName) (sure of \(pageName)? "
                                + "`iconv -f \(page.iconv) -t UTF-8 \(shellName)` converts it, to import what it prints).")
        }
    }

    /// The refusal of a UTF-8 file given a code page, with what the page would make of its first
    /// letter above ASCII in `sample` (`é as Ã©`), when the sample has one.
    private func isUTF8Error(_ page: CodePageGuess.CodePage, _ sample: [UInt8]) -> TimelineError {
        let pageName = page.optionName
        var example = ""
        if let start = sample.firstIndex(where: { $0 >= 0xC2 && $0 <= 0xF4 }) {
            let length = sample[start] >= 0xF0 ? 4 : sample[start] >= 0xE0 ? 3 : 2
            let bytes = sample[start..<min(sample.count, start + length)]
            let misread = String(String.UnicodeScalarView(bytes.map { page.scalar(of: $0) ?? "\u{FFFD}" }))
            example = ", \(String(decoding: bytes, as: UTF8.self)) as \(misread)"
        }
        return TimelineError(.usage, "--encoding \(pageName): \(name) is UTF-8 (its bytes above ASCII all form UTF-8 characters), which \(pageName) "
                             + "would misread\(example); leave --encoding out.")
    }

    private func writeUTF16(to writer: SpoolWriter, bigEndian given: Bool?) throws {
        let head = try peekBytes(2)
        var bigEndian = given ?? false
        if head == [0xFF, 0xFE] || head == [0xFE, 0xFF] {
            let marked = head == [0xFE, 0xFF]
            if let given, given != marked {
                throw TimelineError(.usage, "--encoding utf-16\(given ? "be" : "le"): \(name) starts with the byte order mark of UTF-16\(marked ? "BE" : "LE"); give --encoding utf-16, which follows it.")
            }
            bigEndian = marked
            try consumeAvailable { _ in 2 }
        } else if given == nil, head.count == 2 {
            // No mark: ASCII's zero byte comes first in big-endian, second in little-endian.
            bigEndian = head[0] == 0 && head[1] != 0
        }
        var line = 1
        var pendingByte: UInt8?
        var highSurrogate: UInt16?
        func take(_ unit: UInt16) throws {
            if let high = highSurrogate {
                highSurrogate = nil
                guard UTF16.isTrailSurrogate(unit) else {
                    throw TimelineError(.badData, "\(name):\(line): the UTF-16 surrogate 0x\(Self.hex(high)) is not followed by its pair; the file is not UTF-16\(bigEndian ? "BE" : "LE").")
                }
                let scalar = Unicode.Scalar(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00))!
                for byte in UTF8.encode(scalar)! { try writer.append(byte) }
                return
            }
            if UTF16.isLeadSurrogate(unit) {
                highSurrogate = unit
                return
            }
            guard let scalar = Unicode.Scalar(unit) else {
                throw TimelineError(.badData, "\(name):\(line): the UTF-16 surrogate 0x\(Self.hex(unit)) comes without its pair; the file is not UTF-16\(bigEndian ? "BE" : "LE").")
            }
            if unit == 0x0A { line += 1 }
            for byte in UTF8.encode(scalar)! { try writer.append(byte) }
        }
        while try consume({ bytes in
            for byte in bytes {
                guard let first = pendingByte else {
                    pendingByte = byte
                    continue
                }
                pendingByte = nil
                try take(bigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first))
            }
        }) {}
        if pendingByte != nil || highSurrogate != nil {
            throw TimelineError(.badData, "\(name):\(line): the file ends in the middle of a UTF-16 character; it is cut short, or not UTF-16.")
        }
    }

    private static func hex<Value: BinaryInteger>(_ value: Value) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, (value is UInt8 ? 2 : 4) - digits.count)) + digits
    }
}

/// Whether bytes form UTF-8 with at least one character above ASCII: such a file given as a code
/// page is UTF-8 (text in a code page almost never happens to pair its letters so). `UTF8Check`
/// checks a whole buffer against the standard's table; this takes the file a byte at a time
/// across its blocks, and needs only the shape of lead and continuation bytes to tell the two apart.
private struct UTF8Shape {
    private var continuations = 0
    private var broken = false
    private var multibyte = false

    var isUTF8: Bool { multibyte && !broken && continuations == 0 }

    mutating func take(_ byte: UInt8) {
        guard !broken else { return }
        if continuations > 0 {
            if byte & 0xC0 == 0x80 { continuations -= 1 } else { broken = true }
            return
        }
        switch byte {
        case 0..<0x80: break
        case 0xC2...0xDF: continuations = 1; multibyte = true
        case 0xE0...0xEF: continuations = 2; multibyte = true
        case 0xF0...0xF4: continuations = 3; multibyte = true
        default: broken = true
        }
    }
}
