/// The lists a file's columns give one item at a time (`--map Land=entity:place`, `--map
/// Fahrer=measure:drivers:person`, a `source` or `tag` column) rather than whole, as JSON lists
/// (export's `entities`, `measures`, `sources`, `tags`). Such columns show a spreadsheet's share of
/// an event: one they update keeps what they cannot give, entities of other roles, figures of
/// other quantities, citations of other sources, other tags, and the parts of a citation no
/// column gives (its stance, its quote), which `timeline edit` added since.
struct ItemColumns: Equatable, Sendable {
    /// The roles (as saved: `place`) the entity columns give; nil when no column gives entities
    /// one at a time, or a JSON list gives them whole.
    var entityRoles: Set<String>?
    /// The quantities the figure columns give; nil as for roles.
    var quantities: Set<String>?
    /// Whether a `source` column gives the record's citation (and no JSON list gives them whole).
    var citeOneSource = false
    /// The parts of that citation columns give: `quote`, `quote_language`, `translation`, `stance`.
    var citationParts: Set<String> = []
    /// Whether `tag` columns give tags one at a time (and no JSON list gives them whole).
    var tagOneByOne = false

    var isEmpty: Bool { entityRoles == nil && quantities == nil && !citeOneSource && !tagOneByOne }

    init(givenBy targets: [RecordMapper.Target]) {
        var roles: Set<String> = [], quantities: Set<String> = [], lists: Set<String> = []
        for target in targets {
            switch target {
            case .entity(let role):
                let saved = EventSaver.slug(role)
                roles.insert(saved.isEmpty ? "subject" : saved)
            case .measure(let quantity, _): quantities.insert(quantity)
            case .source: citeOneSource = true
            case .citation(let part) where RecordMapper.citationFields.contains(part): citationParts.insert(part)
            case .tag: tagOneByOne = true
            case .list(let list): lists.insert(list)
            case .scalar, .citation: break
            }
        }
        entityRoles = roles.isEmpty || lists.contains("entities") ? nil : roles
        self.quantities = quantities.isEmpty || lists.contains("measures") ? nil : quantities
        if lists.contains("sources") { citeOneSource = false }
        if lists.contains("tags") { tagOneByOne = false }
    }
}
