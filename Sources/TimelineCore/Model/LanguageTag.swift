/// BCP 47 language tags (RFC 5646), as sources, quotes and aliases carry them: checked for
/// their form, and written in the case the RFC recommends, so that `FR` and `fr` are one language.
///
/// The form is checked, not the registry: `fr-CA` and `und` are tags, and so is `xyz` (a
/// three-letter language the registry may or may not hold); `fr_FR`, `français`, `french` and
/// `fr-` are not (a language subtag has two or three letters: the registry has no longer ones).
public enum LanguageTag {
    /// The tag in its usual case, or nil when the text is no well-formed tag: language and the
    /// rest lowercase, script titlecase, region uppercase (`FR` is `fr`, `pt-br` is `pt-BR`,
    /// `zh-hant-tw` is `zh-Hant-TW`, `de-ch-1996` is `de-CH-1996`).
    public static func canonical(_ text: String) -> String? {
        // Most tags are a bare language in lowercase (`fr`, `en`, `und`): already canonical.
        if (2...3).contains(text.utf8.count), text.utf8.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 }) { return text }
        var subtags: [String] = []
        var position = Position.language
        for piece in text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false) {
            guard (1...8).contains(piece.count), piece.allSatisfy(isAlphanumeric) else { return nil }
            let letters = piece.allSatisfy(isLetter)
            let lower = String(decoding: piece.map(lowercased), as: UTF8.self)
            switch position {
            case .language:
                // `x-…` is a private-use tag of its own.
                if lower == "x" {
                    position = .privateUse
                } else {
                    // RFC 5646 also lets a language have 4 to 8 letters, but reserves 4 and
                    // registers none longer: `english` or `french` is a name, not a tag.
                    guard letters, (2...3).contains(piece.count) else { return nil }
                    position = .extendedLanguage(count: 0)
                }
                subtags.append(lower)
                continue
            case .privateUse:
                subtags.append(lower)
                position = .privateUseSubtags
                continue
            case .privateUseSubtags:
                subtags.append(lower)
                continue
            case .extensionSubtags(let count):
                if count > 0 && piece.count == 1 {
                    position = .variant  // a new singleton starts below
                } else {
                    guard piece.count >= 2 else { return nil }
                    subtags.append(lower)
                    position = .extensionSubtags(count: count + 1)
                    continue
                }
            default:
                break
            }
            // Each subtag is the first of these that its form allows after what came before.
            if case .extendedLanguage(let count) = position, count < 3, letters, piece.count == 3 {
                subtags.append(lower)
                position = .extendedLanguage(count: count + 1)
            } else if position.allows(.script), letters, piece.count == 4 {
                subtags.append(lower.prefix(1).uppercased() + lower.dropFirst())
                position = .region
            } else if position.allows(.region), letters ? piece.count == 2 : piece.count == 3 && piece.allSatisfy(isDigit) {
                subtags.append(lower.uppercased())
                position = .variant
            } else if position.allows(.variant), piece.count >= 5 || (piece.count == 4 && isDigit(piece.first!)) {
                subtags.append(lower)
                position = .variant
            } else if piece.count == 1 {
                subtags.append(lower)
                position = lower == "x" ? .privateUse : .extensionSubtags(count: 0)
            } else {
                return nil
            }
        }
        // A singleton needs a subtag after it.
        switch position {
        case .privateUse, .extensionSubtags(count: 0): return nil
        default: break
        }
        let tag = subtags.joined(separator: "-")
        return tag == text ? text : tag
    }

    /// What is wrong with `text`, as the end of a sentence naming where it was:
    /// `'fr_FR' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known); write fr-FR`.
    public static func problem(with text: String) -> String {
        var problem = "'\(text)' is not a BCP 47 language tag (such as fr, en or pt-BR, or und when not known)"
        let dashed = String(text.map { $0 == "_" || $0 == " " ? "-" : $0 })
        if dashed != text, let suggestion = canonical(dashed) { problem += "; write \(suggestion)" }
        return problem
    }

    /// Where a subtag is in a tag, in the order RFC 5646 puts them.
    private enum Position {
        case language
        case extendedLanguage(count: Int)
        case script, region, variant
        case extensionSubtags(count: Int)
        case privateUse, privateUseSubtags

        private var rank: Int {
            switch self {
            case .language: 0
            case .extendedLanguage: 1
            case .script: 2
            case .region: 3
            case .variant: 4
            case .extensionSubtags, .privateUse, .privateUseSubtags: 5
            }
        }

        /// Whether a subtag of `kind` may come here.
        func allows(_ kind: Position) -> Bool { rank <= kind.rank }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- UInt8(ascii: "a") < 26 }
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
    private static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }
}
