/// Escaping for HTML and SVG text and attribute values, and the small pieces of markup the HTML
/// timeline repeats.
enum HTMLText {
    /// Text safe both as element content and inside a double-quoted attribute (the only kind this
    /// code writes).
    ///
    /// C0 control characters (other than tab, newline and carriage return) and DEL cannot appear
    /// in HTML, even as character references: they are shown as their Unicode control pictures
    /// (U+2400…), so the text stays visible and the page stays valid.
    static func escape(_ text: String) -> String {
        // Most text needs nothing: copy it whole.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F })
        {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 {
                    result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                } else if scalar.value == 0x7F {
                    result += "\u{2421}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// ` lang="fr"`, or nothing when the language is unknown.
    static func langAttribute(_ language: String?) -> String {
        guard let language, !language.isEmpty else { return "" }
        return " lang=\"" + escape(language) + "\""
    }

    /// Whether a link may be followed from the page: only web addresses, never `javascript:` or
    /// `data:` ones that a crafted source could carry.
    static func isWebAddress(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    /// The fragment id of an event: `event-` and the uid, with anything but letters, digits, `-`,
    /// `_` and `.` written as `~` and its hex code, so that any uid makes a valid, unique id.
    static func anchor(forUID uid: String) -> String {
        var anchor = "event-"
        for scalar in uid.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "." {
                anchor.unicodeScalars.append(scalar)
            } else {
                anchor += "~" + String(scalar.value, radix: 16) + "~"
            }
        }
        return anchor
    }

    /// `<time datetime="…">` for a date whose whole span fits one HTML date value (a day, a month
    /// or a year: a quarter or season of one year is inside its year); otherwise a plain span. The
    /// EDTF text goes in `data-edtf` and the span of days in the tooltip.
    static func time(_ date: TimelineDate, language: DateDisplayLanguage) -> String {
        let text = escape(date.display(language))
        let edtf = " data-edtf=\"" + escape(date.edtf) + "\""
        let span = " title=\"" + escape(spanText(date)) + "\""
        guard let value = machineValue(date) else {
            return "<span class=\"date\"" + edtf + span + ">" + text + "</span>"
        }
        return "<time datetime=\"" + value + "\"" + edtf + span + ">" + text + "</time>"
    }

    /// `2022-04-01 … 2022-06-30`; `2019-01-01 … ` for an open end.
    static func spanText(_ date: TimelineDate) -> String {
        let first = date.earliest?.iso ?? "…"
        let last = date.latest?.iso ?? "…"
        return first == last ? first : first + " … " + last
    }

    /// The HTML `datetime` value for the smallest day, month or year holding the date's whole span.
    static func machineValue(_ date: TimelineDate) -> String? {
        // HTML has no year 0.
        guard let first = date.earliest, let last = date.latest, first.year == last.year, first.year > 0 else { return nil }
        let year = CalendarDay.zeroPadded(first.year, width: 4)
        if first == last { return first.iso }
        if first.month == last.month {
            return year + "-" + CalendarDay.zeroPadded(first.month, width: 2)
        }
        return year
    }
}
