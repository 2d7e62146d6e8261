/// Text meant for a person at a terminal, with its control characters drawn instead of obeyed:
/// an imported title holding `ESC ]0;…` would otherwise retitle the window or recolour what
/// follows. C0 controls show as their control pictures (`␛`, `␇`), DEL as `␡`, C1 controls as `�`.
/// So do the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
/// a stray right-to-left override would print the rest of the row, other columns too, backwards.
public enum TerminalText {
    /// `text` with every control character made visible but tabs and, when `keepingLineBreaks`,
    /// line breaks (`\n`, and `\r\n` as `\n`).
    public static func visible(_ text: String, keepingLineBreaks: Bool) -> String {
        guard needsDrawing(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x09:
                result.append(scalar)
            case 0x0A where keepingLineBreaks:
                result.append(scalar)
            case 0x0D where keepingLineBreaks && index + 1 < scalars.count && scalars[index + 1] == "\n":
                continue
            case 0x00..<0x20:
                result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F:
                result.append("\u{2421}")
            case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` holds anything `visible` changes, found from its bytes: most text holds
    /// nothing, and typographic quotes and dashes share the bidirectional controls' lead byte.
    private static func needsDrawing(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case 0x09, 0x0A:
                continue
            case 0x00..<0x20, 0x7F:
                return true
            case 0xC2:  // leads every C1 control (and `¡`…`¿`, which the walk leaves as they are)
                return true
            case 0xE2:
                guard let second = utf8.next(), let third = utf8.next() else { return false }
                if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }
}
