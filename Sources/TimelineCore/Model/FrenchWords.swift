/// Statuses and stances as people write them: the word in any case, or the French word the
/// tool prints in French (`prévu`, `contredit`), with or without its accents, so that what a
/// French table or spreadsheet column says reads back.
extension EventStatus {
    public init?(word: String) {
        let folded = FrenchFolding.folded(word)
        if let status = EventStatus(rawValue: folded) { self = status; return }
        switch folded {
        case "a eu lieu", "realise", "realisee", "passe", "passee": self = .occurred
        case "prevu", "prevue", "planifie", "planifiee": self = .planned
        case "envisage", "envisagee": self = .considered
        case "annule", "annulee": self = .cancelled
        default: return nil
        }
    }
}

extension Citation.Stance {
    public init?(word: String) {
        let folded = FrenchFolding.folded(word)
        if let stance = Citation.Stance(rawValue: folded) { self = stance; return }
        switch folded {
        case "appuie", "soutient", "confirme": self = .supports
        case "contredit": self = .contradicts
        case "corrige": self = .corrects
        default: return nil
        }
    }
}

/// French words compared as people type them, with or without accents.
enum FrenchFolding {
    /// Lower case, without (French) accents or the spaces around it: `Prévu ` is `prevu`.
    static func folded(_ word: String) -> String {
        String(String.UnicodeScalarView(word.trimmingSpaces().lowercased().unicodeScalars.lazy.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "é", "è", "ê", "ë": "e"
            case "à", "â": "a"
            case "î", "ï": "i"
            case "ô": "o"
            case "û", "ù", "ü": "u"
            case "ç": "c"
            default: scalar
            }
        }))
    }
}
