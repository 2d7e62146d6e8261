/// The lists a file's columns give one item at a time (`--map Land=entity:place`, `--map
/// Fahrer=measure:drivers:person`, a `source` column) rather than whole, as JSON lists (export's
/// `entities`, `measures`, `sources`). Such columns show a spreadsheet's share of an event: one
/// they update keeps the items they cannot give, entities of other roles, figures of other
/// quantities and citations of other sources, which `timeline edit` added since.
struct ItemColumns: Equatable, Sendable {
    /// The roles the entity columns give (as saved: `place`); nil when no column gives entities
    /// one at a time, or a JSON list gives them whole.
    var entityRoles: Set<String>?
    /// The quantities the figure columns give; nil as for roles.
    var quantities: Set<String>?
    /// Whether a `source` column gives the record's citation (and no JSON list gives them whole).
    var citeOneSource = false

    var isEmpty: Bool { entityRoles == nil && quantities == nil && !citeOneSource }

    init(givenBy targets: [RecordMapper.Target]) {
        var roles: Set<String> = [], quantities: Set<String> = [], lists: Set<String> = []
        for target in targets {
            switch target {
            case .entity(let role):
                let saved = EventSaver.slug(role)
                roles.insert(saved.isEmpty ? "subject" : saved)
            case .measure(let quantity, _): quantities.insert(quantity)
            case .source: citeOneSource = true
            case .list(let list): lists.insert(list)
            case .scalar, .tag, .citation: break
            }
        }
        entityRoles = roles.isEmpty || lists.contains("entities") ? nil : roles
        self.quantities = quantities.isEmpty || lists.contains("measures") ? nil : quantities
        if lists.contains("sources") { citeOneSource = false }
    }
}
