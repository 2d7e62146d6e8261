/// How wide a line of label text will be, without a font engine: the page asks for Verdana or
/// DejaVu Sans (the same metrics family), and these are DejaVu Sans advance widths. Other fonts are
/// narrower, so an estimate too wide only leaves a little space, never an overlap.
enum LabelTextWidth {
    /// The label styles the timeline draws.
    enum Style {
        case regular, bold
    }

    /// Width in pixels of `text` at `fontSize` pixels.
    static func width(_ text: String, fontSize: Double, style: Style = .regular) -> Double {
        var thousandths = 0
        for scalar in text.unicodeScalars { thousandths += advance(scalar, style) }
        return Double(thousandths) * fontSize / 1000
    }

    /// The text itself when it fits in `maximum` pixels, else as much of it as fits followed by `…`.
    static func truncated(_ text: String, toWidth maximum: Double, fontSize: Double, style: Style = .regular) -> String {
        if width(text, fontSize: fontSize, style: style) <= maximum { return text }
        let ellipsis = "…"
        let budget = maximum - width(ellipsis, fontSize: fontSize, style: style)
        var kept = ""
        var used = 0.0
        for character in text {
            let characterWidth = width(String(character), fontSize: fontSize, style: style)
            if used + characterWidth > budget { break }
            kept.append(character)
            used += characterWidth
        }
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    /// Advance width of one scalar in thousandths of an em.
    private static func advance(_ scalar: Unicode.Scalar, _ style: Style) -> Int {
        let value = scalar.value
        if (0x20...0x7E).contains(value) {
            return (style == .bold ? boldASCII : regularASCII)[Int(value) - 0x20]
        }
        switch value {
        case 0x0300...0x036F, 0x200B...0x200F: return 0  // combining marks, zero-width characters
        case 0x2013, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7: return 500
        case 0x2014, 0x2026: return 1000
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF, 0x20000...0x3FFFD:
            return 1000  // East Asian wide characters and emoji
        default: return style == .bold ? 780 : 720  // accented Latin letters and the rest, a little wide
        }
    }

    /// DejaVu Sans Book, U+0020 … U+007E.
    private static let regularASCII: [Int] = [
        317, 400, 459, 837, 636, 950, 779, 274, 390, 390, 500, 837, 317, 360, 317, 336,
        636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 336, 336, 837, 837, 837, 530,
        1000, 684, 686, 698, 770, 631, 575, 774, 751, 294, 294, 655, 557, 862, 748, 787,
        603, 787, 694, 634, 610, 731, 684, 988, 685, 610, 685, 390, 336, 390, 837, 500,
        500, 612, 634, 549, 634, 615, 352, 634, 633, 277, 277, 579, 277, 974, 633, 611,
        634, 634, 411, 520, 392, 633, 591, 817, 591, 591, 524, 636, 336, 636, 837,
    ]

    /// DejaVu Sans Bold, U+0020 … U+007E.
    private static let boldASCII: [Int] = [
        348, 456, 520, 837, 695, 1001, 872, 306, 457, 457, 522, 837, 379, 415, 379, 365,
        695, 695, 695, 695, 695, 695, 695, 695, 695, 695, 399, 399, 837, 837, 837, 580,
        1000, 773, 762, 733, 830, 683, 683, 820, 836, 372, 372, 774, 637, 995, 836, 850,
        732, 850, 770, 720, 682, 812, 773, 1103, 770, 724, 725, 457, 365, 457, 837, 500,
        500, 674, 715, 592, 715, 678, 435, 715, 711, 342, 342, 665, 342, 1041, 711, 687,
        715, 715, 493, 595, 478, 711, 651, 923, 645, 651, 582, 711, 365, 711, 837,
    ]
}
