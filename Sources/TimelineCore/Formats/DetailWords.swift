/// The words of the `show` page that the other formats do not use, in each display language:
/// its field labels, aligned, and the names of precisions and qualifiers.
struct DetailWords: Sendable {
    var fieldLabels: FieldLabels
    var colon: String
    var listSeparator: String
    var key: String
    var source: String
    var note: String
    var open: String
    var approximate: String
    var uncertain: String
    var isFrench: Bool

    /// The labels of the fields at the head of the page, by the English field name, each with its
    /// colon and padded so the values line up.
    struct FieldLabels: Sendable {
        var labels: [(field: String, label: String)]
        var width: Int

        init(_ labels: [(field: String, label: String)], colon: String) {
            self.labels = labels.map { ($0.field, $0.label + colon) }
            width = self.labels.map(\.label.count).max().map { max($0 + 1, 12) } ?? 12
        }

        func padded(_ field: String) -> String {
            let label = labels.first { $0.field == field }?.label ?? field
            return label + String(repeating: " ", count: max(1, width - label.count))
        }
    }

    /// The name of a precision (`year`, `année`).
    func precision(_ precision: DatePrecision) -> String {
        guard isFrench else { return precision.rawValue }
        switch precision {
        case .day: return "jour"
        case .month: return "mois"
        case .season: return "saison"
        case .quarter: return "trimestre"
        case .halfYear: return "semestre"
        case .year: return "année"
        case .decade: return "décennie"
        case .century: return "siècle"
        case .interval: return "intervalle"
        }
    }

    static func words(for language: DateDisplayLanguage) -> DetailWords {
        language == .french ? french : english
    }

    static let english = DetailWords(
        fieldLabels: FieldLabels([("uid", "uid"), ("kind", "kind"), ("status", "status"), ("when", "when"), ("announced", "announced"),
                                  ("entities", "entities"), ("tags", "tags")], colon: ":"),
        colon: ": ", listSeparator: "; ", key: "key", source: "source", note: "note", open: "open",
        approximate: "approximate", uncertain: "uncertain", isFrench: false)

    static let french = DetailWords(
        fieldLabels: FieldLabels([("uid", "uid"), ("kind", "type"), ("status", "statut"), ("when", "date"), ("announced", "annoncé"),
                                  ("entities", "entités"), ("tags", "étiquettes")], colon: "\u{a0}:"),
        colon: "\u{a0}: ", listSeparator: "\u{a0}; ", key: "clé", source: "source", note: "note", open: "ouvert",
        approximate: "approximative", uncertain: "incertaine", isFrench: true)
}
