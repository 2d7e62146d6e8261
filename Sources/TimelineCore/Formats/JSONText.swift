// ByteScan; the fuzz targets compile these files with ByteScan.swift in one module.
#if canImport(SQLiteStorage)
import SQLiteStorage
#endif

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

    /// Empties the text for the next value, keeping its storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        hasElements.removeAll(keepingCapacity: true)
        afterKey = false
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

    /// A JSON string literal: quotes, backslashes and control characters (C0, DEL and C1) escaped,
    /// and U+2028 and U+2029 too (they end lines in JavaScript); everything else copied as it is,
    /// in runs.
    static func appendString(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendString(utf8: $0, to: &output) }
    }

    static func appendString(utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            // Most bytes need nothing: skip to the next that may, eight bytes at a time.
            index = ByteScan.next(
                in: utf8, from: index,
                wordMayHave: {
                    ByteScan.hasControl(in: $0) || ByteScan.has(UInt8(ascii: "\""), in: $0) || ByteScan.has(UInt8(ascii: "\\"), in: $0)
                        || ByteScan.has(0x7F, in: $0) || ByteScan.has(0xE2, in: $0) || ByteScan.has(0xC2, in: $0)
                },
                isSpecial: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 == 0xE2 || $0 == 0xC2 })
            if index == count { break }
            let byte = utf8[index]
            var width = 1
            let escape: StaticString
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0xE2:
                index += 1
                continue
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(utf8[index + 1]):
                // A C1 control (U+0080–U+009F): U+0085 ends a line for Python's splitlines and
                // others, which would split an NDJSON record.
                if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(utf8[index + 1] >> 4)])
                output.append(hexDigits[Int(utf8[index + 1] & 0x0F)])
                index += 2
                runStart = index
                continue
            case 0xC2:  // `«`, a no-break space
                index += 1
                continue
            default:  // the other control characters, and DEL
                if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                output.append(contentsOf: "\\u00".utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
                index += 1
                runStart = index
                continue
            }
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            output.append(contentsOf: UnsafeBufferPointer(start: escape.utf8Start, count: escape.utf8CodeUnitCount))
            index += width
            runStart = index
        }
        if count > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
        output.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
