/// Builds JSON text by hand: the fields and their order are a documented contract, and building
/// strings directly is faster than going through an encoder.
struct JSONText {
    private(set) var text = ""
    private var needsComma: [Bool] = []

    mutating func beginObject() {
        separate()
        text += "{"
        needsComma.append(false)
    }

    mutating func endObject() {
        text += "}"
        needsComma.removeLast()
    }

    mutating func beginArray() {
        separate()
        text += "["
        needsComma.append(false)
    }

    mutating func endArray() {
        text += "]"
        needsComma.removeLast()
    }

    mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &text)
        text += ":"
        afterKey = true
    }

    /// Set between a key and its value, which takes no comma of its own.
    private var afterKey = false

    /// Writes the comma before every element of an object or array but its first.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let hasElements = needsComma.last else { return }
        if hasElements { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    mutating func string(_ value: String?) {
        separate()
        if let value { Self.appendString(value, to: &text) } else { text += "null" }
    }

    mutating func bool(_ value: Bool) {
        separate()
        text += value ? "true" : "false"
    }

    /// A value already in JSON syntax (a number).
    mutating func raw(_ value: String) {
        separate()
        text += value
    }

    mutating func int(_ value: Int) {
        separate()
        text += String(value)
    }

    mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    static func appendString(_ value: String, to text: inout String) {
        text += "\""
        // Most strings need no escaping: copy them whole. (U+2028 and U+2029 start with 0xE2.)
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0x7F || $0 == 0xE2 }) {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}
