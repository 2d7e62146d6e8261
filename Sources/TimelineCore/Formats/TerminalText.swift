/// Text meant for a person at a terminal, with its control characters drawn instead of obeyed:
/// an imported title holding `ESC ]0;…` would otherwise retitle the window or recolour what
/// follows. C0 controls show as their control pictures (`␛`, `␇`), DEL as `␡`, C1 controls as `�`.
public enum TerminalText {
    /// `text` with every control character made visible but tabs and, when `keepingLineBreaks`,
    /// line breaks (`\n`, and `\r\n` as `\n`).
    public static func visible(_ text: String, keepingLineBreaks: Bool) -> String {
        // 0xC2 leads every C1 control in UTF-8 (and `¡`…`¿`, which the walk leaves as they are).
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 }) else {
            return text
        }
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
            case 0x80..<0xA0:
                result.append("\u{FFFD}")
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
