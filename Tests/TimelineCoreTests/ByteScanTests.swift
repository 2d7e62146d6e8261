import Testing
@testable import TimelineCore

/// The CSV, TSV and JSON escapers skip text eight bytes at a time (`ByteScan`); they must write
/// what escaping byte by byte writes, wherever the special bytes fall relative to the words.
@Suite struct ByteScanTests {
    /// Bytes that need escaping in one format or another, their neighbours, and ordinary text.
    static let alphabet: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x2B, 0x2C, 0x2D, 0x5B, 0x5C, 0x5D, 0x61, 0x7E, 0x7F,
        0x80, 0xA8, 0xA9, 0xC3, 0xA9, 0xE2, 0xE2, 0x80, 0x80, 0xFF,
    ]

    /// Deterministic inputs: every length up to 40, special bytes at every offset.
    static func inputs() -> [[UInt8]] {
        var generator = SeededGenerator(seed: 42)
        var inputs: [[UInt8]] = []
        for length in 0...40 {
            for _ in 0..<150 {
                inputs.append((0..<length).map { _ in
                    // Mostly ordinary letters, so that whole clean words occur too.
                    generator.next() % 3 == 0 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(ascii: "a") + UInt8(generator.next() % 26)
                })
            }
            for special in alphabet {
                for offset in 0..<length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[offset] = special
                    inputs.append(bytes)
                }
            }
        }
        inputs.append(Array("\u{2028}\u{2029} « é » — ok".utf8))
        inputs.append(Array("a\u{85}b\u{80}\u{9F}\u{A0}c «\u{85}»".utf8))
        return inputs
    }

    static func referenceCSV(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return bytes }
        var out: [UInt8] = [0x22]
        for byte in bytes {
            out.append(byte)
            if byte == 0x22 { out.append(0x22) }
        }
        return out + [0x22]
    }

    static func referenceTSV(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x09: out += Array("\\t".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            default: out.append(byte)
            }
        }
        // A leading quote: the escaped field quoted as in CSV too.
        if bytes.first == 0x22 { return [0x22] + out.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22] }
        return out
    }

    static func referenceJSON(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                out += Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                out += Array("\\u00".utf8) + Array(String(bytes[index + 1], radix: 16, uppercase: false).utf8)
                index += 1
            case 0x00..<0x20, 0x7F:
                out += Array("\\u00".utf8) + Array(String(byte, radix: 16, uppercase: false).leftPadded(to: 2).utf8)
            default: out.append(byte)
            }
            index += 1
        }
        return out + [0x22]
    }

    @Test func theEscapersWriteWhatByteByByteEscapingWrites() {
        var checked = 0
        for input in Self.inputs() {
            var csv: [UInt8] = [], tsv: [UInt8] = [], json: [UInt8] = []
            input.withUnsafeBufferPointer { bytes in
                DelimitedText.appendCSVField(bytes, to: &csv)
                DelimitedText.appendTSVField(bytes, to: &tsv)
                JSONText.appendString(utf8: bytes, to: &json)
            }
            #expect(csv == Self.referenceCSV(input), "CSV of \(input)")
            #expect(tsv == Self.referenceTSV(input), "TSV of \(input)")
            #expect(json == Self.referenceJSON(input), "JSON of \(input)")
            checked += 1
        }
        #expect(checked > 10_000)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
