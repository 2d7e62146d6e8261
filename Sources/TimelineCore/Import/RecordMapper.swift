/// Turns one CSV/TSV record into the JSON object of an event, following the header and the
/// `--map`, `--set` and `--title-template` options; `EventJSONDecoder` then checks it.
struct RecordMapper {
    /// Where a value goes.
    enum Target: Equatable {
        case scalar(String)  // uid, kind, status, title, summary, when, announced
        case entity(role: String)
        case tag
        case source
        /// A detail of the citation of the record's own source (see `attach`): quote,
        /// quote_language, translation, stance; or of that source itself: publisher, published,
        /// source_title, source_language.
        case citation(String)
        case measure(quantity: String, unit: String)
        case list(String)  // entities, tags, measures, sources as JSON arrays (what export writes)
    }

    static let scalarFields = ["uid", "kind", "status", "title", "summary", "when", "announced"]
    static let listFields = ["entities", "tags", "measures", "sources"]
    static let citationFields = ["quote", "quote_language", "translation", "stance"]
    /// Fields that describe the record's source, with the key its JSON object gives each: a new
    /// source is made with them (one the timeline has keeps its own, as in every import).
    static let sourceDetailKeys: KeyValuePairs<String, String> = [
        "publisher": "publisher", "published": "published", "source_title": "title", "source_language": "language",
    ]
    static func isSourceDetail(_ field: String) -> Bool { sourceDetailKeys.contains { $0.key == field } }
    /// The columns export works out from `when` and `announced`: read only to check them.
    /// A spreadsheet's boolean, as `true` or `false`: Excel's and LibreOffice's words in the
    /// languages whose spreadsheets save CSV separated by semicolons, and 1 and 0.
    static func spreadsheetBoolean(_ value: String) -> String? {
        switch value.lowercased() {
        case "true", "1", "vrai", "wahr", "verdadero", "vero", "waar", "verdadeiro", "prawda", "sant": return "true"
        case "false", "0", "faux", "falsch", "falso", "onwaar", "fałsz", "falskt": return "false"
        default: return nil
        }
    }

    static let workedOutFields = ["earliest", "latest", "precision", "approximate", "uncertain",
                                  "announced_earliest", "announced_latest", "announced_precision"]
    static let fieldHelp = "uid, kind, status, title, summary, when, announced, entity, entity:ROLE, tag, source, quote, quote_language, translation, stance, publisher, published, source_title, source_language, measure:QUANTITY:UNIT, entities, tags, measures, sources"

    let header: [String]
    let columns: [(index: Int, target: Target)]
    let constants: [(target: Target, value: String)]
    let titleTemplate: [TemplatePart]?
    let dateFormat: DayFormat?
    let nullTokens: Set<String>
    /// The column each scalar field came from, for error messages.
    let sourceColumn: [String: String]
    /// The columns that are no event field and nothing maps (`--map`, `--title-template`): left out.
    let ignoredColumns: [String]
    /// Of those, the ones a few letters from a field the file does not give (`Quote language`
    /// for quote_language), with that field: a mapping probably meant.
    let ignoredColumnsNearFields: [String: String]
    /// The positions of the columns the header gives no name: nothing maps them, so a value in
    /// one is left out (and noted).
    let unnamedColumns: [Int]
    /// The columns named after worked-out date fields, by position.
    let workedOutColumns: [(index: Int, part: WorkedOutPart, ofAnnouncement: Bool)]

    /// What a worked-out column gives of its date.
    enum WorkedOutPart {
        case earliest, latest, precision, approximate, uncertain
    }
    /// Whether the header alone says where values go (no --map, --set, --title-template,
    /// --date-format or --null): then `object(ofCurrentRecordIn:)` may build objects from bytes.
    let readsHeaderOnly: Bool
    /// The parts of an event the file's columns and `--set` give: an event an import updates
    /// keeps the others (a file with a `uid,kind,when,title` header takes nothing else away).
    let givenFields: EventFields
    /// The lists the columns give one item at a time: an event a record updates keeps other items.
    let itemColumns: ItemColumns

    private static func fields(givenBy targets: [Target]) -> EventFields {
        var fields: EventFields = []
        for target in targets {
            switch target {
            case .scalar("status"): fields.insert(.status)
            case .scalar("summary"): fields.insert(.summary)
            case .scalar("announced"): fields.insert(.announced)
            case .scalar: break
            case .entity: fields.insert(.entities)
            case .tag: fields.insert(.tags)
            case .source, .citation: fields.insert(.citations)
            case .measure: fields.formUnion([.measures, .figuresCountFirstEntity])
            case .list(let list):
                if let part = EventFields.named.first(where: { $0.names.contains(list) }) { fields.insert(part.field) }
            }
        }
        return fields
    }

    enum TemplatePart: Equatable {
        case text(String)
        /// A column's value; `fallback` stands in when it is empty (`{total_laid_off|staff}`).
        case column(Int, fallback: String?)
    }

    /// Whether figures may write their decimal mark as a comma (`0,15`): with --decimal-mark `,`,
    /// and in CSV separated by semicolons, as spreadsheets save it where the comma is the decimal mark.
    let decimalComma: Bool
    /// Whether commas group thousands in figures (`11,000`): with --decimal-mark `.`.
    let commaGroupsThousands: Bool
    /// Whether --decimal-mark was given (a figure with a comma names it otherwise).
    let decimalMarkGiven: Bool

    init(header: [String], options: ImportOptions, fileName: String, separatedBySemicolons: Bool = false) throws {
        decimalComma = options.decimalMark.map { $0 == .comma } ?? separatedBySemicolons
        commaGroupsThousands = options.decimalMark == .point
        decimalMarkGiven = options.decimalMark != nil
        let header = header.map { $0.trimmingSpaces() }
        self.header = header
        var seenNames = Set<String>()
        for name in header where !name.isEmpty {
            guard seenNames.insert(name).inserted else {
                throw TimelineError(.badData, "\(fileName):1: the header names the column '\(name)' twice.")
            }
        }
        let explicitlyMapped = Set(options.mappings.map(\.column))
        // The field each column names by itself, in any case (`Title`, `TAGS`); a column --map
        // takes is the field it maps to instead.
        let fieldNames: [String?] = header.map { explicitlyMapped.contains($0) ? nil : Self.fieldName(ofColumn: $0) }
        var columnOfField: [String: String] = [:]
        for (name, field) in zip(header, fieldNames) {
            guard let field else { continue }
            if let other = columnOfField.updateValue(name, forKey: field) {
                throw TimelineError(.badData, "\(fileName):1: the columns '\(other)' and '\(name)' both name the field \(field); rename one, or map it elsewhere with --map.")
            }
        }
        func columnIndex(_ name: String) throws -> Int {
            guard let index = header.firstIndex(of: name) else {
                // A header whose columns hold the other mark may be separated by it.
                var hint = ""
                if !separatedBySemicolons && header.contains(where: { $0.contains(";") }) {
                    hint = " (read as separated by commas; --delimiter ';' reads it separated by semicolons)"
                } else if separatedBySemicolons && header.contains(where: { $0.contains(",") }) {
                    hint = " (read as separated by semicolons; --delimiter , reads it separated by commas)"
                }
                // A column spelt otherwise, in case or accents (`Evenement` for `Événement`), or a typo away.
                if hint.isEmpty, let meant = Self.columnNamed(nearly: name, in: header) {
                    hint = " (did you mean '\(meant)'?)"
                }
                throw TimelineError(.usage, "no column named '\(name)' in \(fileName); its columns are: \(header.joined(separator: ", "))\(hint).")
            }
            return index
        }
        var columns: [(Int, Target)] = []
        var sourceColumn: [String: String] = [:]
        for (index, name) in header.enumerated() {
            guard let field = fieldNames[index] else { continue }
            if Self.scalarFields.contains(field) || Self.listFields.contains(field) {
                columns.append((index, try Self.target(field)))
                sourceColumn[field] = name
            } else if Self.takesOneValue(field), let target = try? Self.target(field) {
                // `entity`, `entity:ROLE`, `tag`, `source`, `quote`, …: one value a record, as
                // --map would take it.
                columns.append((index, target))
                if case .citation(let field) = target { sourceColumn[field] = name }
            }
        }
        // A field a record has one of (title, when, source, quote, …) takes one column: two --map
        // onto it are refused, and one takes it over the file's own column of that name, as --set does.
        var mappedSingleFields: [String: String] = [:]
        for mapping in options.mappings {
            guard let field = Self.singleValueField(of: try Self.target(mapping.field)) else { continue }
            if let other = mappedSingleFields.updateValue(mapping.column, forKey: field), other != mapping.column {
                throw TimelineError(.usage, "--map gives \(field) two columns, '\(other)' and '\(mapping.column)', and a record has one \(field)"
                    + (field == "title" ? ": map one elsewhere, or compose the title of both with --title-template." : ": map one elsewhere."))
            }
        }
        columns.removeAll { Self.singleValueField(of: $0.1).map { mappedSingleFields[$0] != nil } ?? false }
        for mapping in options.mappings {
            let index = try columnIndex(mapping.column)
            let target = try Self.target(mapping.field)
            columns.append((index, target))
            if case .scalar(let field) = target { sourceColumn[field] = mapping.column }
            if case .citation(let field) = target { sourceColumn[field] = mapping.column }
        }
        let constants = try options.constants.map { (target: try Self.target($0.field), value: $0.value) }
        // One value a record, given twice by the command itself: one would be dropped unseen.
        for constant in constants {
            guard case .scalar(let field) = constant.target, let column = mappedSingleFields[field] else {
                if case .citation(let field) = constant.target, let column = mappedSingleFields[field] {
                    throw TimelineError(.usage, "--map gives \(field) the column '\(column)' and --set gives it '\(constant.value)', and a citation has one \(field): leave one out.")
                }
                continue
            }
            throw TimelineError(.usage, "--map gives \(field) the column '\(column)' and --set gives it '\(constant.value)', and a record has one \(field): leave one out.")
        }
        if options.titleTemplate != nil {
            if let column = mappedSingleFields["title"] {
                let placed = options.titleTemplate?.contains("{\(column)}") == true || options.titleTemplate?.contains("{\(column)|") == true
                throw TimelineError(.usage, "--title-template composes the title and --map gives it the column '\(column)', and a record has one title: "
                    + (placed ? "leave the --map out (the template takes {\(column)} already)." : "leave the --map out, or put {\(column)} in the template."))
            }
            if let title = constants.first(where: { $0.target == .scalar("title") }) {
                throw TimelineError(.usage, "--title-template composes the title and --set gives it '\(title.value)', and a record has one title: leave one out.")
            }
        }
        // A field given with --set takes that value in every record, over the file's own column for it.
        let setFields = Set(constants.compactMap { constant -> String? in
            switch constant.target {
            case .scalar(let field), .citation(let field): field
            default: nil
            }
        })
        columns.removeAll { column in
            switch column.1 {
            case .scalar(let field), .citation(let field): setFields.contains(field)
            default: false
            }
        }
        for field in setFields { sourceColumn[field] = "--set" }
        // A list fed by one column alone (`--map src=source`) is named by it in errors.
        for list in Self.listFields where sourceColumn[list] == nil {
            let feeders = columns.filter { Self.list(fedBy: $0.1) == list }
            if feeders.count == 1 { sourceColumn[list] = header[feeders[0].0] }
        }
        self.columns = columns
        self.sourceColumn = sourceColumn
        givenFields = Self.fields(givenBy: columns.map(\.1) + constants.map(\.target))
        itemColumns = ItemColumns(givenBy: columns.map(\.1) + constants.map(\.target))
        workedOutColumns = fieldNames.enumerated().compactMap { index, name in
            guard let name, Self.workedOutFields.contains(name) else { return nil }
            let ofAnnouncement = name.hasPrefix("announced_")
            let parts: [String: WorkedOutPart] = ["earliest": .earliest, "latest": .latest, "precision": .precision,
                                                  "approximate": .approximate, "uncertain": .uncertain]
            guard let part = parts[ofAnnouncement ? String(name.dropFirst("announced_".count)) : name] else { return nil }
            return (index, part, ofAnnouncement)
        }
        self.constants = constants
        if let template = options.titleTemplate {
            var parts: [TemplatePart] = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
                guard let close = rest[open...].firstIndex(of: "}") else {
                    throw TimelineError(.usage, "--title-template has a '{' with no '}'.")
                }
                let placeholder = rest[rest.index(after: open)..<close]
                let bar = placeholder.firstIndex(of: "|")
                parts.append(.column(try columnIndex(String(placeholder[..<(bar ?? placeholder.endIndex)])),
                                     fallback: bar.map { String(placeholder[placeholder.index(after: $0)...]) }))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { parts.append(.text(String(rest))) }
            titleTemplate = parts
            sourceColumn["title"] = "--title-template"
        } else {
            titleTemplate = nil
        }
        dateFormat = options.dateFormat
        nullTokens = Set(options.nullTokens + [""])
        readsHeaderOnly = options.mappings.isEmpty && options.constants.isEmpty && options.titleTemplate == nil
            && options.dateFormat == nil && options.nullTokens.allSatisfy(\.isEmpty)
        // A field nothing provides would fail every record alike: say so once, up front.
        let readByHeader = options.mappings.isEmpty && options.constants.isEmpty && options.titleTemplate == nil
        let knownNames = Self.scalarFields + Self.listFields + Self.workedOutFields
        let unknownColumns = header.indices.filter {
            !header[$0].isEmpty && fieldNames[$0] == nil && !explicitlyMapped.contains(header[$0])
        }.map { header[$0] }
        for field in ["kind", "title", "when"] {
            let provided = columns.contains { $0.1 == .scalar(field) } || constants.contains { $0.target == .scalar(field) }
                || (field == "title" && titleTemplate != nil)
            if !provided {
                // `Title` or `tilte` for title: say which column looks like it.
                let lookalike = unknownColumns.first { !NameSuggestions.closest(to: $0.lowercased(), among: [field]).isEmpty }
                let hint = lookalike.map { " (the column '\($0)' looks like it: --map '\($0)=\(field)')" } ?? ""
                throw TimelineError(.usage, "nothing in \(fileName) gives events their \(field)\(hint): map a column to it (--map COLUMN=\(field))\(field == "title" ? ", compose it with --title-template" : ""), or give it to every record with --set \(field)=VALUE.")
            }
        }
        // A file read by its header alone is in the shape export writes: a column that is no
        // event field would be dropped with its values. One a typo away from a field the header
        // lacks (`annouced`, `sumary`) is refused; the others are named in a note.
        var ignoredColumns: [String] = []
        var nearFields: [String: String] = [:]
        let lacking = knownNames.filter { name in
            !fieldNames.contains(name) && !columns.contains { $0.1 == .scalar(name) || $0.1 == .list(name) }
        }
        if readByHeader {
            for name in unknownColumns {
                if let near = NameSuggestions.closest(to: name.lowercased(), among: lacking, limit: 1).first {
                    throw TimelineError(.usage, "the column '\(name)' of \(fileName) is no event field, and its values would be left out: did you mean '\(near)'? Rename it, or map it with --map '\(name)=\(near)'.")
                }
                ignoredColumns.append(name)
            }
        } else {
            // Mapped by hand, a sheet's other columns are left out as asked; named in the note,
            // so that a column forgotten (`Notes`, a figure) is not lost unseen.
            let templated = Set(titleTemplate?.compactMap { part -> String? in
                if case .column(let index, _) = part { return header[index] } else { return nil }
            } ?? [])
            // A quote's or source's detail too (`Quote language`), unless a column gives it.
            let details = (Self.citationFields + Self.sourceDetailKeys.map(\.key)).filter { detail in
                !fieldNames.contains(detail) && !columns.contains { $0.1 == .citation(detail) }
            }
            for name in unknownColumns where !templated.contains(name) {
                ignoredColumns.append(name)
                let spelled = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).joined(separator: "_")
                if let near = NameSuggestions.closest(to: spelled, among: lacking + details, limit: 1).first { nearFields[name] = near }
            }
        }
        self.ignoredColumns = ignoredColumns
        ignoredColumnsNearFields = nearFields
        unnamedColumns = header.indices.filter { header[$0].isBlank }
    }

    /// The field a column of this name gives by itself, its name read in any case (`Title` is
    /// title, `Entity:Employer` entity:employer); nil for a column that is no field.
    static func fieldName(ofColumn name: String) -> String? {
        func isField(_ name: String) -> Bool {
            scalarFields.contains(name) || listFields.contains(name) || workedOutFields.contains(name) || takesOneValue(name)
        }
        if isField(name) { return name }
        let lowercased = name.lowercased()
        return lowercased != name && isField(lowercased) ? lowercased : nil
    }

    /// Whether a column of this name gives one entity, tag, source or citation detail a record by
    /// itself, as `--map NAME=NAME` would (`entity`, `entity:employer`, `tag`, `source`, `quote`,
    /// `quote_language`, `translation`, `stance`).
    static func takesOneValue(_ name: String) -> Bool {
        if name == "tag" || name == "source" || name == "entity" || citationFields.contains(name) || isSourceDetail(name) { return true }
        guard name.hasPrefix("entity:") else { return false }
        let role = name.dropFirst("entity:".count)
        return !role.isEmpty && !role.contains(":")
    }

    /// The list of an event a column's values go into, if any.
    static func list(fedBy target: Target) -> String? {
        switch target {
        case .list(let list): list
        case .entity: "entities"
        case .tag: "tags"
        case .source: "sources"
        case .measure: "measures"
        default: nil
        }
    }

    /// A field name (`entity:employer`, `measure:employees-laid-off:person`, …) to where its values go.
    /// The field a target fills that a record has one of, nil for those it may have several of
    /// (entities, tags, figures, lists).
    static func singleValueField(of target: Target) -> String? {
        switch target {
        case .scalar(let field), .citation(let field): field
        case .source: "source"
        case .entity, .tag, .measure, .list: nil
        }
    }

    static func target(_ field: String) throws -> Target {
        var parts = field.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        // A field's name and an entity's role in any case (`Entity:Employer`), as a header's are;
        // a measure's quantity and unit as written (`EUR` is not `eur` to every reader).
        parts[0] = parts[0].lowercased()
        if parts[0] == "entity" && parts.count == 2 { parts[1] = parts[1].lowercased() }
        let field = parts.joined(separator: ":")
        switch parts[0] {
        case _ where parts.count == 1 && scalarFields.contains(field): return .scalar(field)
        case _ where parts.count == 1 && listFields.contains(field): return .list(field)
        case "entity" where parts.count <= 2:
            let role = parts.count == 2 ? parts[1] : "subject"
            guard !role.isEmpty else { break }
            return .entity(role: role)
        case "tag" where parts.count == 1: return .tag
        case "source" where parts.count == 1: return .source
        case _ where parts.count == 1 && (citationFields.contains(field) || isSourceDetail(field)): return .citation(field)
        case "measure" where parts.count == 3 && !parts[1].isEmpty && !parts[2].isEmpty:
            // A quantity is lower-case letters, digits and hyphens, as the table keeps it.
            guard parts[1].utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") }) else {
                let slug = EventSaver.slug(parts[1])
                throw TimelineError(.usage, "'\(field)': the quantity '\(parts[1])' is not written in lower-case letters, digits and hyphens"
                    + (slug.isEmpty ? "." : "; write measure:\(slug):\(parts[2])."))
            }
            return .measure(quantity: parts[1], unit: parts[2])
        default: break
        }
        // A name with parts after a colon is an entity's or a figure's.
        let names = parts.count > 1 ? ["entity", "measure"] : scalarFields + listFields + citationFields + sourceDetailKeys.map(\.key) + ["entity", "tag", "source"]
        var guess = NameSuggestions.closest(to: parts[0], among: names, limit: 1).first
            .map { " (did you mean '\(([$0] + parts.dropFirst()).joined(separator: ":"))'?)" } ?? ""
        if parts[0] == "measure" || guess.contains("'measures") && parts.count == 1 {
            guess = " (a figure is measure:QUANTITY:UNIT, as measure:employees-laid-off:person)"
        } else if parts[0] == "entity" {
            guess = " (an entity is entity or entity:ROLE, as entity:employer)"
        }
        throw TimelineError(.usage, "'\(field)' is not a field to import into\(guess); fields: \(fieldHelp).")
    }

    /// Says what a record with the wrong number of fields lacks or has too many of.
    static func fieldCountMismatch(_ count: Int, header: [String], fields: [String] = []) -> String {
        let counted = "the record has \(count) field\(count == 1 ? "" : "s") where the header has \(header.count)"
        if count < header.count {
            let missing = header[count...].prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            let more = header.count - count > 3 ? ", …" : ""
            return "\(counted): no value for \(missing)\(more)"
        }
        // `“Amazon, Inc.”`, as a word processor's autocorrect writes quotes: no quotes to CSV.
        let curly = fields.first { field in field.trimmingSpaces().first.map { "“”„«".contains($0) } == true }
        return "\(counted): a value that holds the delimiter must be in double quotes"
            + (curly.map { " (straight ones, \"; the typographic quote starting '\($0.trimmingSpaces().prefix(12))' is text)" } ?? "")
    }

    /// The event object for one record; a wrong value is an error naming its column.
    func object(for fields: [String]) throws -> JSONValue {
        guard fields.count == header.count else {
            throw RecordError(Self.fieldCountMismatch(fields.count, header: header, fields: fields))
        }
        var scalars: [String: String] = [:]
        var entities: [JSONValue] = []
        var tags: [JSONValue] = []
        var sources: [JSONValue] = []
        var measures: [(quantity: String, unit: String, value: String, column: String, approximate: Bool, qualifier: String?)] = []
        var lists: [String: JSONValue] = [:]
        var citationDetails: [(field: String, value: String, column: String)] = []

        func assign(_ target: Target, _ raw: String, column: String) throws {
            let value = raw.trimmingSpaces()
            if nullTokens.contains(value) || nullTokens.contains(raw) { return }
            switch target {
            case .scalar(let field):
                if field == "when" || field == "announced", let dateFormat {
                    do {
                        // A value in another form (an ISO day, `Q2 2022`, `2019`) goes to the
                        // date reader as it is: spreadsheets mix precise days and vaguer dates.
                        scalars[field] = try dateFormat.day(from: value)?.iso ?? value
                    } catch let error as TimelineError {
                        throw RecordError("column '\(column)': \(error.message)")
                    }
                } else {
                    scalars[field] = value
                }
            case .entity(let role):
                entities.append(.object([("name", .string(value)), ("role", .string(role))]))
            case .tag:
                tags.append(.string(value))
            case .source:
                // `https://a.example/x; https://b.example/y`: two sources in one cell, each cited.
                func separates(_ character: Character) -> Bool { character.isWhitespace || character == ";" }
                // A comma ending a piece is the list's (`https://a.example/x, https://b.example/y`).
                let pieces = value.contains(where: separates)
                    ? value.split(whereSeparator: separates).map { $0.last == "," ? $0.dropLast() : $0 }.filter { !$0.isEmpty } : []
                // Each a URL or `www.…`: a URL's own space (`annual report.pdf`) makes no host of `report.pdf`.
                let addresses = pieces.compactMap { piece in
                    piece.contains("://") ? String(piece) : piece.lowercased().hasPrefix("www.") ? SourceURL.webAddressWithoutScheme(String(piece)) : nil
                }
                if pieces.count > 1, addresses.count == pieces.count {
                    for address in addresses { sources.append(.object([("url", .string(address))])) }
                } else if value.contains("://") {
                    sources.append(.object([("url", .string(value))]))
                } else if let address = SourceURL.webAddressWithoutScheme(value) {
                    // `www.statnews.com/…`, copied without its scheme, as `--source` reads it.
                    sources.append(.object([("url", .string(address))]))
                } else {
                    sources.append(.object([("key", .string(value))]))
                }
            case .citation(let field):
                // A spreadsheet writes its sources' dates as its events': --date-format reads both.
                if field == "published", let dateFormat {
                    do {
                        citationDetails.append((field, try dateFormat.day(from: value)?.iso ?? value, column))
                    } catch let error as TimelineError {
                        throw RecordError("column '\(column)': \(error.message)")
                    }
                } else {
                    citationDetails.append((field, value, column))
                }
            case .measure(let quantity, let unit):
                let reading = FigureText.read(value, unit: unit)
                if let sign = reading.currencySign, !FigureText.currencySign(sign, fits: unit) {
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' is in \(sign), and the column's unit is '\(unit)': "
                        + "map it to that currency's (--map '\(column)=measure:\(quantity):\(FigureText.unit(ofCurrencySign: sign))')")
                }
                var value = reading.digits
                var unit = unit
                if !decimalMarkGiven, reading.continentalMarks || reading.scale != 0, !reading.groupsThousandsWithCommas,
                   let readings = FigureText.commaBeforeThreeDigits(value) {
                    // `1,500 millones`, `€1,500m`: 1500 million in English or Mexican Spanish, 1.5 in German.
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' could be \(readings.thousands) or \(readings.decimal) "
                        + "before its word: a comma before three digits groups thousands in English and Mexican Spanish and is the decimal mark "
                        + "in German, French or Brazilian Portuguese; --decimal-mark . reads it as \(readings.thousands), --decimal-mark , as \(readings.decimal)")
                }
                if !decimalMarkGiven, decimalComma, reading.groupsThousandsWithCommas, let readings = FigureText.commaBeforeThreeDigits(value) {
                    // `£5,000` in a file whose comma is the decimal mark: five thousand pounds as
                    // written in Britain, five as the file writes its numbers.
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' could be \(readings.thousands) or \(readings.decimal): the file's "
                        + "comma is its decimal mark, and \(reading.currencyUnit ?? FigureText.unit(ofCurrencySign: reading.currencySign ?? "")) groups thousands with one; "
                        + "--decimal-mark . reads it as \(readings.thousands), --decimal-mark , as \(readings.decimal)")
                }
                if decimalComma, reading.scale == 0, let readings = FigureText.commaBeforeThreeDigits(value),
                   MeasureSpecification.refusesThreeDecimals(value.suffix(3), inUnit: unit) {
                    // `1,500` people in a file whose comma is the decimal mark: 1.5 is unlikely,
                    // and English groups thousands so; a sum would be a thousand off.
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' could be \(readings.thousands) or \(readings.decimal): the file's comma is "
                        + "its decimal mark (\(decimalMarkGiven ? "--decimal-mark ," : "it is separated by semicolons")), where English groups thousands with one, and "
                        + MeasureSpecification.threeDecimalsUnlikely(readings.decimal, inUnit: unit) + "; write \(readings.thousands) if the comma groups "
                        + "thousands, or \(readings.decimal.replacing(".", with: ",")) if it is the decimal mark")
                }
                if decimalComma {
                    // `1.500 Mio. €`: worded in German (or French, Spanish, Portuguese), its point groups.
                    // In people, things or money, --decimal-mark . refuses such a point too: not
                    // offered (the unit looked at only for a refusal, not for every cell).
                    value = try Self.pointDecimal(fromCommaDecimal: value, column: column, pointsGroupOnly: decimalMarkGiven || reading.continentalMarks,
                                                  written: raw.trimmingSpaces(), decimalMarkGiven: decimalMarkGiven,
                                                  decimalPointReadable: reading.scale != 0 || !MeasureSpecification.refusesPointBeforeThreeDigits(inUnit: unit))
                } else if !decimalMarkGiven, reading.continentalMarks, let continental = FigureText.continentalDigits(value) {
                    // `3,2 Mrd. €`, `mehr als 1.000`: the words say which mark is which.
                    value = continental
                } else if commaGroupsThousands || reading.groupsThousandsWithCommas {
                    // `$5,000`: no sum of money is written to three decimals.
                    value = FigureText.withoutCommasBetweenThousands(value)
                    if decimalMarkGiven, reading.scale == 0, let thousands = FigureText.thousandsIfGroupedByAPoint(value),
                       MeasureSpecification.refusesPointBeforeThreeDigits(inUnit: unit) {
                        // `ruim 4.000` in a column of people, `250.000 €`: the point is the decimal
                        // mark as the option says, but that reading is unlikely (`add` refuses it
                        // too), and a sum would be a thousand off.
                        // `1.899` meant as a price to the tenth of a cent: a fourth decimal says so.
                        let decimal = value.hasSuffix("0") ? Self.decimalRead(value) : value + "0"
                        throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' " + Self.pointBeforeThreeDigitsProblem(value, unit: unit)
                            + "; write \(thousands) if the point groups thousands, or \(decimal) if it is the decimal mark")
                    }
                } else if !decimalMarkGiven, let thousands = FigureText.thousandsIfGroupedByAPoint(value) {
                    // `1.200` is twelve hundred in German or French prose, 1.2 in English: as
                    // ambiguous as `1,200`, which is refused too; a sum would be a thousand off.
                    // `1.200 million`: the number before the word is what the two marks read.
                    let word = reading.scale != 0 ? " before its word" : ""
                    // In a unit of things that come whole or money, the decimal reading is
                    // refused with --decimal-mark . too: only the other option is offered.
                    let readings = reading.scale == 0 && MeasureSpecification.refusesPointBeforeThreeDigits(inUnit: unit)
                        ? "--decimal-mark , reads it as \(thousands)" : "--decimal-mark . reads it as a decimal, --decimal-mark , as \(thousands)\(word)"
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' could be \(thousands) or a decimal\(word): a point could group thousands "
                        + "or be the decimal mark; \(readings)")
                }
                if reading.percentage, ExactDecimal(value) != nil {
                    guard let share = FigureText.value(ofPercentage: value, inUnit: unit) else {
                        throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' is a percentage, and the column's unit is '\(unit)': map it to the unit fraction (13% is 0.13) or percent (--map '\(column)=measure:\(quantity):fraction')")
                    }
                    (value, unit) = share
                }
                guard let scaled = FigureText.value(value, of: reading, inUnit: unit), ExactDecimal(scaled) != nil else {
                    let form = decimalComma ? "digits with an optional decimal comma"
                        : commaGroupsThousands ? "digits with an optional '.', thousands grouped by commas or spaces if at all"
                        : "digits with an optional '.', thousands grouped by spaces if at all"
                    if let word = FigureText.unknownTrailingWord(in: raw.trimmingSpaces()) {
                        // `1200 Stellen`: the word is what is not read, not the number (as `add` says it).
                        throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' is not a number: " + FigureText.unknownTrailingWordProblem(word)
                            + ", here \(unit) from --map: the cell gives the number alone")
                    }
                    var hint = ""
                    let range = value.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmingSpaces() }
                    if range.count == 2, range.allSatisfy({ ExactDecimal($0) != nil }) {
                        hint = "; a range is no one figure: give its bound (at least \(range[0]), up to \(range[1])) or a value between, "
                            + "or map each end to a column of its own"
                    } else if !decimalMarkGiven, let thousands = Self.thousandsGroupedByPoints(value) {
                        hint = "; points group its thousands, as German, French or Turkish prose writes them: --decimal-mark , reads it as \(thousands)"
                    } else if decimalMarkGiven, !decimalComma, let thousands = Self.thousandsGroupedByPoints(value) {
                        // `1.200.000` with --decimal-mark .: the option said otherwise than the file.
                        hint = "; --decimal-mark . makes the point the decimal mark, which a figure has once, and its points group thousands: "
                            + "--decimal-mark , reads it as \(thousands)"
                    } else if !decimalMarkGiven, !decimalComma, let decimal = Self.decimalOfCommaGroupingNothing(value) {
                        // `1,5`, `0,155`: no thousands before or after the comma.
                        hint = "; a comma before other than three digits, or after a lone 0, groups no thousands: --decimal-mark , reads it as \(decimal)"
                    } else if !decimalMarkGiven, !decimalComma, value.contains(",") {
                        hint = "; a comma could group thousands or be the decimal mark: --decimal-mark . reads 11,000 as 11000, --decimal-mark , reads 0,15 as 0.15"
                    }
                    throw RecordError("column '\(column)': '\(raw.trimmingSpaces())' is not a number (\(form), after ~, environ, at least, plus de, … if any, and a % sign after it)\(hint)")
                }
                measures.append((quantity, unit, scaled, column, reading.approximate, reading.qualifier))
            case .list(let field):
                do {
                    lists[field] = try JSONParser.parse(value)
                } catch {
                    // Most often a plain value where export writes a JSON list.
                    let one = ["entities": "entity", "tags": "tag", "sources": "source"][field]
                    let hint = value.hasPrefix("[") ? "" : "; it holds a JSON list, as export writes it (" + (field == "tags" ? #"["a","b"]"# : "[…]") + ")"
                        + (one.map { ", and a column named '\($0)' takes one a record" } ?? "")
                    throw RecordError("column '\(column)': \(error.description)\(hint)")
                }
            }
        }

        for (target, value) in constants {
            try assign(target, value, column: "--set")
        }
        // The record's own source (from a column) is the one its quote and figures cite, before
        // one `--set` gives every record; without one, the first.
        let ownSourcesStart = sources.count
        for (index, target) in columns {
            do {
                try assign(target, fields[index], column: header[index])
            } catch let error as RecordError {
                // `N/A`, `-`, `TBD`: a spreadsheet's way of writing no value.
                let value = fields[index].trimmingSpaces()
                guard Self.placeholders.contains(value.lowercased()) else { throw error }
                throw RecordError(error.description + "; if '\(value)' means no value, --null '\(value)' reads it as an empty cell")
            }
        }
        if let titleTemplate {
            var title = ""
            for part in titleTemplate {
                switch part {
                case .text(let text): title += text
                case .column(let index, let fallback):
                    let value = fields[index].trimmingSpaces()
                    if !nullTokens.contains(value) && !nullTokens.contains(fields[index]) {
                        title += value
                    } else if let fallback {
                        title += fallback
                    } else {
                        // A title with a hole ("Acme lays off") would read as a claim the source does not make.
                        throw RecordError("column '\(header[index])' is empty, and --title-template needs it; give it a stand-in with {\(header[index])|…}")
                    }
                }
            }
            scalars["title"] = title.split(whereSeparator: { $0 == " " }).joined(separator: " ")
        }
        let citedSource = sources.count > ownSourcesStart ? ownSourcesStart : 0
        if !citationDetails.isEmpty { try attach(citationDetails, to: citedSource, of: &sources) }
        var members: [(String, JSONValue)] = []
        for field in Self.scalarFields {
            if let value = scalars[field] { members.append((field, .string(value))) }
        }
        let firstEntity = entities.first?["name"]
        let firstSource = sources.indices.contains(citedSource) ? sources[citedSource]["url"] ?? sources[citedSource]["key"] : nil
        let measureValues = measures.map { measure -> JSONValue in
            var members: [(String, JSONValue)] = [("quantity", .string(measure.quantity)), ("value", .string(measure.value)), ("unit", .string(measure.unit)),
                                                  ("entity", firstEntity ?? .null)]
            if measure.approximate { members.append(("approximate", .bool(true))) }
            if let qualifier = measure.qualifier { members.append(("qualifier", .string(qualifier))) }
            members.append(("source", firstSource ?? .null))
            return .object(members)
        }
        members.append(("entities", Self.merged(lists["entities"], entities)))
        members.append(("tags", Self.merged(lists["tags"], tags)))
        members.append(("measures", Self.merged(lists["measures"], measureValues)))
        members.append(("sources", Self.merged(lists["sources"], sources)))
        return .object(members)
    }

    /// `2.500.000` (or `-2.500.000,5`) as digits, `2500000`: points between groups of three
    /// digits, two at least, which can only group thousands. Nil for any other text.
    static func thousandsGroupedByPoints(_ value: String) -> String? {
        let number = value.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = number[0], sign = whole.first == "-" || whole.first == "+" ? String(whole.prefix(1)) : ""
        let groups = whole.dropFirst(sign.count).split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count >= 3, (1...3).contains(groups[0].count), groups[0].first != "0", groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
              number.count == 1 || (!number[1].isEmpty && number[1].allSatisfy { ("0"..."9").contains($0) }) else { return nil }
        return (sign == "-" ? "-" : "") + groups.joined() + (number.count == 2 ? "." + number[1] : "")
    }

    /// Why a figure with a point before three digits (`4.000`) read as a decimal is refused in
    /// `unit`, a unit of things that come whole or money: as `add` refuses `1.500:person`.
    static func pointBeforeThreeDigitsProblem(_ value: String, unit: String) -> String {
        let read = decimalRead(value)
        let what = UnitPlural.countsWholeThings(unit)
            ? "counts \(UnitPlural.of(unit.asciiLowercased)), and \(read) of them written to three decimals is unlikely"
            : "is money, seldom written to three decimals"
        return what + ": --decimal-mark . makes its point the decimal mark, where German, French or Dutch group thousands with one"
    }

    /// `1,5` as `1.5`: a figure with one comma that cannot group thousands (other than three
    /// digits after it, or a lone 0 before it), read with the comma as its decimal mark; nil for
    /// any other text.
    static func decimalOfCommaGroupingNothing(_ value: String) -> String? {
        let signs = value.hasPrefix("-") || value.hasPrefix("+") ? 1 : 0
        let parts = value.dropFirst(signs).split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[1].count != 3 || parts[0] == "0" else { return nil }
        return value.replacing(",", with: ".")
    }

    /// `4.000` as `4`, `1.500` as `1.5`: the decimal a figure reads as, without the zeros that
    /// end its fraction.
    static func decimalRead(_ value: String) -> String {
        ExactDecimal(value)?.trimmingTrailingZeros.description ?? value
    }

    /// A figure from a file whose decimal mark is the comma (a semicolon-separated spreadsheet),
    /// as one with a decimal point: `0,15` is `0.15`, and points between thousands go (`1.234,5`
    /// is `1234.5`, `1.234.567` 1234567). A lone point before three digits (`2.500`) could be
    /// either, and is refused, unless `pointsGroupOnly` (`--decimal-mark ,` says so): then it
    /// groups, and a point that groups nothing (`1.5`) is refused.
    static func pointDecimal(fromCommaDecimal value: String, column: String, pointsGroupOnly: Bool = false, written: String? = nil,
                             decimalMarkGiven: Bool = true, decimalPointReadable: @autoclosure () -> Bool = true) throws -> String {
        // The cell as written (`€1.9bn`, `(5.000)`) names it in a refusal, not its digits.
        let written = written ?? value
        let commas = value.count(where: { $0 == "," })
        let points = value.count(where: { $0 == "." })
        guard commas <= 1 else { return value }
        var whole = value
        var fraction: Substring?
        if let comma = value.firstIndex(of: ",") {
            whole = String(value[..<comma])
            fraction = value[value.index(after: comma)...]
        }
        if points > 0 {
            let groups = whole.drop(while: { $0 == "-" || $0 == "+" }).split(separator: ".", omittingEmptySubsequences: false)
            let grouped = groups.count > 1 && (1...3).contains(groups[0].count) && groups[0].first != "0" && groups.dropFirst().allSatisfy { $0.count == 3 }
                && groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            // `etwa 0.125`: after a lone 0 a point can only be a decimal one, in any language.
            let afterLoneZero = groups.count == 2 && groups[0] == "0" && fraction == nil
            if pointsGroupOnly && !grouped && !(afterLoneZero && !decimalMarkGiven) {
                throw RecordError("column '\(column)': '\(written)' is not a number \(decimalMarkGiven ? "with --decimal-mark ," : "worded in German, French, Spanish, Portuguese, Dutch or Italian in this file")"
                                  + ": the comma is the decimal mark, and a point only groups thousands in threes (1.234,5)")
            }
            if fraction != nil || (grouped && points > 1) || pointsGroupOnly {
                // `1.234,5` and `1.234.567`: the points group thousands.
                guard grouped else { return value }
                whole = String(whole.filter { $0 != "." })
            } else if grouped {
                // Only a semicolon CSV takes the comma for the decimal mark unasked (with
                // --decimal-mark , the points group only): its point may still be a decimal one.
                let thousands = String(whole.filter { $0 != "." })
                throw RecordError("column '\(column)': '\(written)' could be \(thousands) or a decimal: a CSV separated by semicolons takes the comma for the decimal mark, "
                    + "and a point could group thousands or be the decimal mark; --decimal-mark , reads it as \(thousands)"
                    + (decimalPointReadable() ? ", --decimal-mark . as a decimal" : ""))
            } else {
                return value
            }
        }
        return fraction.map { whole + "." + $0 } ?? whole
    }

    /// Adds a record's quote, its language, translation and stance to the citation of source
    /// `cited` (its own, from a column, else the one `--set` gives). What `--set` gives every
    /// record is left out of a record it does not fit (a quote's language where there is no
    /// quote, any of them where no source is cited); what a column gives is an error there, as
    /// its value would be lost.
    private func attach(_ details: [(field: String, value: String, column: String)], to cited: Int,
                        of sources: inout [JSONValue]) throws {
        let hasQuote = details.contains { $0.field == "quote" }
        var kept = details
        if !hasQuote {
            // A stance, and what describes the source, need no quote.
            kept.removeAll { $0.column == "--set" && $0.field != "stance" && !Self.isSourceDetail($0.field) }
            if let orphan = kept.first(where: { $0.field != "stance" && !Self.isSourceDetail($0.field) }) {
                let what = Self.phrase(of: orphan.field)
                let quote = sourceColumn["quote"].map { $0 == "--set" ? "" : " in column '\($0)'" }
                throw RecordError("column '\(orphan.column)' gives \(what), but the record has no quote\(quote ?? "; map one with --map COLUMN=quote")")
            }
        }
        if sources.isEmpty { kept.removeAll { $0.column == "--set" } }
        guard let first = kept.first else { return }
        guard sources.indices.contains(cited), case .object(var members) = sources[cited] else {
            throw RecordError("column '\(first.column)' gives \(Self.phrase(of: first.field)), but the record cites no source; map its URL or key with --map COLUMN=source, or give one with --set source=URL")
        }
        members += kept.map { detail in
            (Self.sourceDetailKeys.first { $0.key == detail.field }?.value ?? detail.field, JSONValue.string(detail.value))
        }
        sources[cited] = .object(members)
    }

    /// A citation detail as errors name it.
    private static func phrase(of field: String) -> String {
        switch field {
        case "quote": "a quote"
        case "quote_language": "the quote's language"
        case "translation": "a translation of the quote"
        case "publisher": "a publisher"
        case "published": "a publication date"
        case "source_title": "a source's title"
        case "source_language": "a source's language"
        default: "a stance"
        }
    }

    /// The same object as `object(for:)` for the reader's current record, built from its bytes:
    /// no String per field, only per value kept. Nil when the record needs the general path (it
    /// has the wrong number of fields, a list that is not valid JSON, or the options remap
    /// columns): that path then builds the object or names what is wrong.
    func object(ofCurrentRecordIn reader: DelimitedReader) -> JSONValue? {
        guard readsHeaderOnly, reader.fieldCount == header.count else { return nil }
        // By position in `scalarFields` and `listFields`, so that the members come out in the
        // order `object(for:)` gives them.
        var scalars = [String?](repeating: nil, count: Self.scalarFields.count)
        var lists = [JSONValue?](repeating: nil, count: Self.listFields.count)
        for (index, target) in columns {
            let readable: Bool = reader.withField(index) { raw in
                switch target {
                case .scalar(let field):
                    let value = Self.trimmedText(raw)
                    if !value.isEmpty, let position = Self.scalarFields.firstIndex(of: field) { scalars[position] = value }
                    return true
                case .list(let field):
                    guard let position = Self.listFields.firstIndex(of: field) else { return false }
                    if let trimmed = Self.trimmedBytes(raw) {
                        if trimmed.isEmpty { return true }
                        lists[position] = try? JSONParser.parse(trimmed)
                    } else {
                        let value = Self.trimmedText(raw)
                        if value.isEmpty { return true }
                        lists[position] = try? JSONParser.parse(value)
                    }
                    return lists[position] != nil
                default:
                    return false
                }
            }
            if !readable { return nil }
        }
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(Self.scalarFields.count + Self.listFields.count)
        for (position, field) in Self.scalarFields.enumerated() {
            if let value = scalars[position] { members.append((field, .string(value))) }
        }
        members.append(("entities", Self.merged(lists[0], [])))
        members.append(("tags", Self.merged(lists[1], [])))
        members.append(("measures", Self.merged(lists[2], [])))
        members.append(("sources", Self.merged(lists[3], [])))
        return .object(members)
    }

    /// Checks the current record's worked-out date columns (`earliest`, …, as export writes them)
    /// against the event read from it: an empty one is not given; one that disagrees is an error,
    /// as in JSON. Compared as bytes, so a record that agrees costs no String.
    func checkWorkedOutColumns(of event: Event, inCurrentRecordOf reader: DelimitedReader) throws {
        for (index, part, ofAnnouncement) in workedOutColumns {
            var expected = ofAnnouncement ? Self.text(of: part, of: event.announced) : Self.text(of: part, of: event.when)
            let given: String? = reader.withField(index) { raw in
                if let trimmed = Self.trimmedBytes(raw) {
                    // Small strings: compared in place, no allocation.
                    let agrees = trimmed.isEmpty || expected?.withUTF8 { bytes in
                        bytes.count == trimmed.count && !zip(bytes, trimmed).contains { $0 != $1 }
                    } == true
                    if agrees { return nil }
                }
                let value = Self.trimmedText(raw)
                // Spreadsheets write booleans as TRUE and FALSE when they save a file again (VRAI
                // and FAUX in French, WAHR and FALSCH in German, …), and the sqlite3 shell (and SQL
                // exports of the flags) as 1 and 0.
                if part == .approximate || part == .uncertain, Self.spreadsheetBoolean(value) == expected { return nil }
                // A spreadsheet that saved the file again wrote its days in the file's --date-format.
                if part == .earliest || part == .latest, let dateFormat, let expected,
                   (try? dateFormat.day(from: value))?.iso == expected { return nil }
                return value == expected || nullTokens.contains(value) ? nil : value
            }
            if let given, dateFormat == nil, part == .earliest || part == .latest, let expected,
               let orders = Self.dayOrders(reading: given, as: expected) {
                // Not a change of date: a spreadsheet that saved the export again wrote its days its own way.
                throw RecordError("column '\(header[index])': '\(given)' is \(expected) written in a spreadsheet's order, not as export writes it; "
                    + "give the file's order with --date-format \(orders.joined(separator: " or ")), which reads its days so")
            }
            if let given {
                throw RecordError("column '\(header[index])': " + EventJSONDecoder.workedOutMismatch(
                    given: "'\(given)'", expected: expected.map { "'\($0)'" } ?? "null",
                    date: ofAnnouncement ? event.announced : event.when, named: ofAnnouncement ? "announced" : "when"))
            }
        }
    }

    /// The --date-format patterns (`d/m/yyyy`, `m/d/yy`, …, with the value's own mark) that read
    /// `value` as the ISO day `expected`; nil when none does.
    static func dayOrders(reading value: String, as expected: String) -> [String]? {
        guard let mark = value.first(where: { $0 == "/" || $0 == "." || $0 == "-" }) else { return nil }
        let orders = ["d\(mark)m\(mark)yyyy", "m\(mark)d\(mark)yyyy", "d\(mark)m\(mark)yy", "m\(mark)d\(mark)yy", "yyyy\(mark)m\(mark)d"].filter { pattern in
            (try? DayFormat(pattern).day(from: value))??.iso == expected
        }
        return orders.isEmpty ? nil : orders
    }

    /// Whether every worked-out date cell of the current record is empty (or a null token).
    func workedOutCellsAreEmpty(inCurrentRecordOf reader: DelimitedReader) -> Bool {
        workedOutColumns.allSatisfy { column in
            reader.withField(column.index) { raw in
                Self.trimmedBytes(raw)?.isEmpty ?? false || nullTokens.contains(Self.trimmedText(raw))
            }
        }
    }

    /// A worked-out field as export writes it; nil for none.
    private static func text(of part: WorkedOutPart, of date: TimelineDate?) -> String? {
        guard let date else { return nil }
        switch part {
        case .earliest: return date.earliest?.iso
        case .latest: return date.latest?.iso
        case .precision: return date.precision.rawValue
        case .approximate: return date.approximate ? "true" : "false"
        case .uncertain: return date.uncertain ? "true" : "false"
        }
    }

    /// The bytes without surrounding spaces when that needs no Unicode knowledge: they are empty,
    /// or start and end with a printable ASCII byte. Nil otherwise.
    private static func trimmedBytes(_ raw: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let first = raw.first, let last = raw.last else { return raw }
        guard (0x21...0x7F).contains(first) && (0x21...0x7F).contains(last) else { return nil }
        return raw
    }

    /// The field as text without surrounding spaces, as `trimmingSpaces()` gives it.
    private static func trimmedText(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        if let trimmed = trimmedBytes(raw) { return String(decoding: trimmed, as: UTF8.self) }
        return String(decoding: raw, as: UTF8.self).trimmingSpaces()
    }

    /// A list column's values (`entities`, `tags`, `measures`, `sources`), then those of the
    /// columns mapped to one item each. A list column's cell of another type (`5`, `{"a":1}`)
    /// is passed on whatever else the row gives, for the decoder to name: taken for none, it
    /// would clear the list of the event the record updates.
    private static func merged(_ listed: JSONValue?, _ mapped: [JSONValue]) -> JSONValue {
        if case .array(let values)? = listed { return .array(values + mapped) }
        if let listed { return listed }
        return .array(mapped)
    }

    /// For an error on a decoded field: the column it came from.
    func column(forField field: String) -> String? {
        // A citation detail comes from its own column when the record's sources are all mapped
        // (no `sources` list column, whose entries may carry details of their own).
        if field.hasPrefix("sources["), let close = field.firstIndex(of: "]"),
           case let key = String(field[field.index(after: close)...].dropFirst()),
           case let detail = Self.sourceDetailKeys.first(where: { $0.value == key })?.key ?? key,
           Self.citationFields.contains(detail) || Self.isSourceDetail(detail), let column = sourceColumn[detail],
           !columns.contains(where: { $0.target == .list("sources") }) {
            return column
        }
        let base = String(field.prefix { $0 != "[" && $0 != "." })
        // The whole list, wrong (`5` where a list goes): the column that gives it, under any name.
        if field == base, let listed = columns.first(where: { $0.target == .list(base) }), header.indices.contains(listed.index) {
            return header[listed.index]
        }
        return sourceColumn[base] ?? (Self.listFields.contains(base) && header.contains(base) ? base : nil)
    }
}

/// A record that cannot become an event, and why.
extension RecordMapper {
    /// What spreadsheets write for no value, in lower case: named with `--null` when refused.
    static let placeholders: Set<String> = ["n/a", "na", "#n/a", "n.a.", "-", "–", "—", "?", "tbd", "tbc", "unknown", "none", "null", "nil",
                                            "n.d.", "nd", "n/d", "nc", "n.c.", "n/c", "s/o", "s/d", "s.d.", "x"]
}

struct RecordError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension RecordMapper {
    /// The column of `header` that `name` nearly spells: the same letters but for case and
    /// accents, else the closest a few edits away; nil when none or several are.
    static func columnNamed(nearly name: String, in header: [String]) -> String? {
        let folded = LatinFolding.folded
        let wanted = folded(name)
        // A column without a name (a trailing separator's) is none to suggest.
        let named = header.filter { !$0.isEmpty }
        let same = named.filter { folded($0) == wanted }
        if same.count == 1 { return same[0] }
        let near = NameSuggestions.closest(to: wanted, among: named.map(folded), limit: 2)
        guard near.count == 1, let index = named.firstIndex(where: { folded($0) == near[0] }) else { return nil }
        return named[index]
    }
}
