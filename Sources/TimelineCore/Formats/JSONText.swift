/// Builds JSON text by hand, as UTF-8 bytes: the fields and their order are a documented contract,
/// and appending bytes is much faster than going through an encoder or appending to a String.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    /// One flag per open object or array: whether it has an element yet (the next needs a comma).
    private var hasElements: [Bool] = []
    /// Set between a key and its value, which takes no comma of its own.
    private var afterKey = false

    var text: String { String(decoding: bytes, as: UTF8.self) }

    init() {
        bytes.reserveCapacity(256)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        hasElements.append(false)
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        hasElements.removeLast()
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        hasElements.append(false)
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        hasElements.removeLast()
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// Writes the comma before every element of an object or array but its first.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = hasElements.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        hasElements[hasElements.count - 1] = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// A value already in JSON syntax (a number).
    mutating func raw(_ value: String) {
        separate()
        bytes.append(contentsOf: value.utf8)
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, and U+2028 and
    /// U+2029 too (they end lines in JavaScript); everything else copied as it is, in runs.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        var value = value
        output.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            func flush(to end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while index < utf8.count {
                let byte = utf8[index]
                var escape: [UInt8]?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): escape = [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x0A: escape = [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: escape = [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: escape = [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = Array((utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                    width = 3
                case 0x00..<0x20, 0x7F:
                    let hex = String(byte, radix: 16)
                    escape = Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default:
                    break
                }
                if let escape {
                    flush(to: index)
                    output.append(contentsOf: escape)
                    runStart = index + width
                }
                index += width
            }
            flush(to: utf8.count)
        }
        output.append(UInt8(ascii: "\""))
    }
}
