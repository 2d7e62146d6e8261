// ByteScan; the fuzz targets compile these files with ByteScan.swift in one module.
#if canImport(SQLiteStorage)
import SQLiteStorage
#endif

/// CSV (RFC 4180) and TSV lines, built as UTF-8 bytes.
enum DelimitedText {
    /// Fields with the separator, a quote, CR or LF are quoted, quotes doubled; lines end in CRLF
    /// as RFC 4180 says. The separator is a comma, or a semicolon for spreadsheets whose decimal
    /// mark is the comma.
    static func csvLine(_ fields: [String], separator: UInt8 = UInt8(ascii: ",")) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(fields.reduce(8) { $0 + $1.utf8.count + 3 })
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(separator) }
            var field = field
            field.withUTF8 {
                if separator == UInt8(ascii: ",") { appendCSVField($0, to: &line) } else { appendSemicolonCSVField($0, to: &line) }
            }
        }
        endCSVLine(&line)
        return String(decoding: line, as: UTF8.self)
    }

    /// Tabs, newlines, carriage returns and backslashes escaped as `\t`, `\n`, `\r`, `\\`; a field
    /// that starts with a double quote quoted as in CSV.
    static func tsvLine(_ fields: [String]) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(fields.reduce(8) { $0 + $1.utf8.count + 1 })
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(0x09) }
            var field = field
            field.withUTF8 { appendTSVField($0, to: &line) }
        }
        endTSVLine(&line)
        return String(decoding: line, as: UTF8.self)
    }

    /// One CSV field (without its separator): as it is, or quoted with its quotes doubled.
    static func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        appendCSVField(bytes, separator: UInt8(ascii: ","), to: &line)
    }

    /// One field of CSV separated by semicolons: quoted when it holds a semicolon (a comma needs no quotes).
    static func appendSemicolonCSVField(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        appendCSVField(bytes, separator: UInt8(ascii: ";"), to: &line)
    }

    @inline(__always)
    private static func appendCSVField(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, to line: inout [UInt8]) {
        let needsQuotes = ByteScan.next(
            in: bytes, from: 0,
            wordMayHave: { ByteScan.hasControl(in: $0) || ByteScan.has(separator, in: $0) || ByteScan.has(UInt8(ascii: "\""), in: $0) },
            isSpecial: { $0 == separator || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) < bytes.count
        guard needsQuotes else {
            line.append(contentsOf: bytes)
            return
        }
        ByteScan.appendQuoted(bytes, quote: UInt8(ascii: "\""), to: &line)
    }

    static func endCSVLine(_ line: inout [UInt8]) {
        line.append(0x0D)
        line.append(0x0A)
    }

    /// One TSV field (without its separator), escaped; the runs between escapes are copied whole.
    /// A field that starts with a double quote is also quoted as CSV quotes it (quotes doubled), as
    /// TSV readers that take quoting from CSV would read it otherwise; its escapes stay, so that
    /// every record is one line and reads back the same either way.
    static func appendTSVField(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        if bytes.first == UInt8(ascii: "\"") {
            var escaped: [UInt8] = []
            appendTSVEscaped(bytes, to: &escaped)
            escaped.withUnsafeBufferPointer { ByteScan.appendQuoted($0, quote: UInt8(ascii: "\""), to: &line) }
            return
        }
        appendTSVEscaped(bytes, to: &line)
    }

    /// The bytes with tabs, newlines, carriage returns and backslashes escaped.
    private static func appendTSVEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to line: inout [UInt8]) {
        var start = 0
        while true {
            let special = ByteScan.next(
                in: bytes, from: start,
                wordMayHave: { ByteScan.hasControl(in: $0) || ByteScan.has(UInt8(ascii: "\\"), in: $0) },
                isSpecial: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "\\") })
            line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<special]))
            if special == bytes.count { return }
            line.append(UInt8(ascii: "\\"))
            switch bytes[special] {
            case 0x09: line.append(UInt8(ascii: "t"))
            case 0x0A: line.append(UInt8(ascii: "n"))
            case 0x0D: line.append(UInt8(ascii: "r"))
            default: line.append(UInt8(ascii: "\\"))
            }
            start = special + 1
        }
    }

    static func endTSVLine(_ line: inout [UInt8]) {
        line.append(0x0A)
    }
}

/// GitHub-flavoured Markdown table rows.
enum MarkdownText {
    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |\n"
    }

    static func separator(count: Int) -> String {
        "|" + String(repeating: "---|", count: count) + "\n"
    }

    /// Pipes and line breaks would end the cell or the row; what Markdown reads as formatting is
    /// escaped (`escapingFormatting`), so the cell shows its text as it is.
    static func escape(_ cell: String) -> String {
        var result = ""
        var previousWasCarriageReturn = false
        for scalar in cell.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCarriageReturn: continue
            case "\n", "\r": result += "<br>"
            default: appendEscapingFormatting(scalar, to: &result)
            }
        }
        return result
    }

    /// The text with a backslash before each character Markdown reads as formatting or HTML
    /// (`*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `|`, `\`, and `&`, which starts an entity such as
    /// `&copy;`); line breaks left as they are.
    static func escapingFormatting(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars { appendEscapingFormatting(scalar, to: &result) }
        return result
    }

    /// A link's destination as CommonMark reads it back whole: as it is, or between `<` and `>`
    /// (with `<`, `>` and `\` escaped) when it holds a space, a parenthesis or a control character,
    /// which would end it or the link; line breaks percent-encoded, which `<>` cannot hold; and an
    /// `&` that starts what reads as an entity (`&amp;`) escaped, which CommonMark would decode.
    static func linkDestination(_ url: String) -> String {
        let scalars = Array(url.unicodeScalars)
        let plain = scalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"()<>\\".unicodeScalars.contains(scalar) && !scalar.properties.isWhitespace
        }
        var result = plain ? "" : "<"
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "<", ">", "\\": result += "\\"
            case "\n": result += "%0A"; continue
            case "\r": result += "%0D"; continue
            case "&" where startsEntity(scalars[(index + 1)...]): result += "\\"
            default: break
            }
            result.unicodeScalars.append(scalar)
        }
        return plain ? result : result + ">"
    }

    /// Whether what follows an `&` reads as an entity or character reference: `amp;`, `#38;`, `#x26;`.
    private static func startsEntity(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
        var name = rest.prefix(33)
        if name.first == "#" {
            name = name.dropFirst()
            if name.first == "x" || name.first == "X" { name = name.dropFirst() }
        }
        let body = name.prefix { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        return !body.isEmpty && name.dropFirst(body.count).first == ";"
    }

    /// By scalar, not by Character: a combining mark after '|' must not hide the pipe.
    private static func appendEscapingFormatting(_ scalar: Unicode.Scalar, to result: inout String) {
        switch scalar {
        case "|", "\\", "`", "*", "_", "[", "]", "<", ">", "&": result += "\\"
        default: break
        }
        result.unicodeScalars.append(scalar)
    }
}

/// Columns padded to their widest cell, for a terminal.
enum AlignedTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let cleanRows = rows.map { $0.map(oneLine) }
        var widths = header.map(displayWidth)
        for row in cleanRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += cell
                if index < cells.count - 1 {
                    text += String(repeating: " ", count: widths[index] - displayWidth(cell) + 2)
                }
            }
            return text + "\n"
        }
        var text = line(header)
        text += line(widths.map { String(repeating: "-", count: $0) })
        for row in cleanRows { text += line(row) }
        return text
    }

    /// The cell on one line, its control characters drawn rather than sent to the terminal.
    private static func oneLine(_ cell: String) -> String {
        if isPrintableASCII(cell) { return cell }
        return TerminalText.visible(String(cell.map { $0.isNewline || $0 == "\t" ? " " : $0 }), keepingLineBreaks: false)
    }

    /// Characters as a terminal draws them: wide East Asian characters and emoji take two cells.
    static func displayWidth(_ text: String) -> Int {
        // Most cells are plain ASCII, one cell a byte: no walk through Characters.
        if isPrintableASCII(text) { return text.utf8.count }
        var width = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first else { continue }
            // An emoji drawn as a picture (🚀, or ❤ followed by the emoji variation selector).
            if scalar.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}") {
                width += 2
                continue
            }
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                width += 2
            default:
                width += 1
            }
        }
        return width
    }

    private static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }
}
