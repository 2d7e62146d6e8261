/// Statuses and stances as people write them: the word in any case, or the French word the
/// tool prints in French (`prévu`, `contredit`), with or without its accents, so that what a
/// French table or spreadsheet column says reads back.
extension EventStatus {
    public init?(word: String) {
        let folded = LatinFolding.folded(word.trimmingSpaces())
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
        let folded = LatinFolding.folded(word.trimmingSpaces())
        if let stance = Citation.Stance(rawValue: folded) { self = stance; return }
        switch folded {
        case "appuie", "soutient", "confirme": self = .supports
        case "contredit": self = .contradicts
        case "corrige": self = .corrects
        default: return nil
        }
    }
}
