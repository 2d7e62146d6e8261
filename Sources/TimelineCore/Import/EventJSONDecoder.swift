/// Reads an event from the JSON object `export --format json|ndjson` writes (and people write by hand).
///
/// Required: `kind`, `title`, `when`. Everything else may be missing or null. Wrong types and
/// impossible dates are errors naming the field and the value.
public enum EventJSONDecoder {
    public struct FieldError: Error, Sendable, CustomStringConvertible {
        public let field: String
        public let reason: String
        /// `field 'when' is required`; `field 'kind': 'x' is not …` where the reason is a sentence.
        public var description: String {
            reason.hasPrefix("is ") ? "field '\(field)' \(reason)" : "field '\(field)': \(reason)"
        }
    }

    /// - Parameter checkingWorkedOutFields: false for objects known to have no `earliest`,
    ///   `latest`, … and no fields but an event's (those a CSV record is mapped to), to spare the
    ///   lookups. Otherwise a field that is not an event's is refused: its value would be lost.
    public static func event(from value: JSONValue, context: DateParsingContext = .init(),
                             checkingWorkedOutFields: Bool = true) throws(FieldError) -> Event {
        guard case .object = value else {
            throw FieldError(field: "(record)", reason: "expected an object, found \(value.typeName)")
        }
        // A misspelt field first: `whne` would otherwise be reported as `when` missing.
        if checkingWorkedOutFields { try checkFieldNames(value, "", of: "an event", eventFields) }
        let uid = try optionalString(value, "uid") ?? ""
        let kind = try requiredString(value, "kind")
        let title = try requiredString(value, "title")
        let statusText = try optionalString(value, "status") ?? "occurred"
        guard let status = EventStatus(rawValue: statusText) ?? EventStatus(word: statusText) else {
            throw FieldError(field: "status", reason: "'\(statusText)' is not a status; use occurred, planned, considered or cancelled")
        }
        guard let when = try eventDate(value, "when", context: context) else {
            throw FieldError(field: "when", reason: "is required")
        }
        let announced = try eventDate(value, "announced", context: context, before: true)
        if checkingWorkedOutFields {
            try checkWorkedOut(value, from: when, named: "when", prefix: "")
            try checkWorkedOut(value, from: announced, named: "announced", prefix: "announced_")
        }
        var entities: [EventEntity] = []
        for (index, element) in try array(value, "entities").enumerated() {
            let field = { "entities[\(index)]" }
            switch element {
            case .string(let slug):
                guard !slug.isBlank else { throw FieldError(field: field(), reason: "needs a slug or a name") }
                entities.append(EventEntity(slug: slug, name: slug, role: "subject"))
            case .object:
                if checkingWorkedOutFields { try checkFieldNames(element, field(), of: "an event's entity", ["slug", "name", "role"]) }
                // A blank slug or name is none (the tables refuse it).
                let slug = try optionalString(element, "slug", field: field() + ".slug").flatMap { $0.isBlank ? nil : $0 }
                let name = try optionalString(element, "name", field: field() + ".name").flatMap { $0.isBlank ? nil : $0 }
                guard let reference = slug ?? name else {
                    throw FieldError(field: field(), reason: "needs a slug or a name")
                }
                entities.append(EventEntity(slug: slug ?? "", name: name ?? reference,
                                            role: try optionalString(element, "role", field: field() + ".role") ?? "subject"))
            default:
                throw FieldError(field: field(), reason: "expected an object or a string, found \(element.typeName)")
            }
        }
        var tags: [String] = []
        for (index, element) in try array(value, "tags").enumerated() {
            guard case .string(let tag) = element else {
                throw FieldError(field: "tags[\(index)]", reason: "expected a string, found \(element.typeName)")
            }
            tags.append(tag)
        }
        let measures = try array(value, "measures").enumerated().map { (index, element) throws(FieldError) in
            if checkingWorkedOutFields { try checkFieldNames(element, "measures[\(index)]", of: "a figure", measureFields) }
            return try measure(from: element, field: "measures[\(index)]")
        }
        var citations: [Citation] = []
        for (index, element) in try array(value, "sources").enumerated() {
            let field = { "sources[\(index)]" }
            guard case .object = element else { throw FieldError(field: field(), reason: "expected an object, found \(element.typeName)") }
            if checkingWorkedOutFields { try checkFieldNames(element, field(), of: "a source", citedSourceFields) }
            let stanceText = try optionalString(element, "stance", field: field() + ".stance") ?? "supports"
            guard let stance = Citation.Stance(rawValue: stanceText) ?? Citation.Stance(word: stanceText) else {
                throw FieldError(field: field() + ".stance", reason: "'\(stanceText)' is not a stance; use supports, contradicts or corrects")
            }
            // An empty URL is none (a spreadsheet's empty cell), as an empty publisher is.
            let url = try optionalString(element, "url", field: field() + ".url").flatMap { $0.isEmpty ? nil : $0 }
            let publisher = try optionalString(element, "publisher", field: field() + ".publisher")
            let published = try date(element, "published", field: field() + ".published", context: context)
            let key = try optionalString(element, "key", field: field() + ".key")
            guard key != nil || url != nil || publisher != nil else {
                throw FieldError(field: field(), reason: "needs a key, a url or a publisher")
            }
            let source = Source(
                key: key ?? "", url: url, title: try optionalString(element, "title", field: field() + ".title"),
                publisher: publisher ?? "", published: published,
                language: try optionalString(element, "language", field: field() + ".language") ?? "",
                type: try optionalString(element, "type", field: field() + ".type") ?? "news",
                note: nil)
            citations.append(Citation(
                source: source, stance: stance, quote: try optionalString(element, "quote", field: field() + ".quote"),
                quoteLanguage: try optionalString(element, "quote_language", field: field() + ".quote_language").flatMap { $0.isEmpty ? nil : $0 },
                translation: try optionalString(element, "translation", field: field() + ".translation"),
                note: try optionalString(element, "note", field: field() + ".note")))
        }
        return Event(uid: uid, kind: kind, status: status, title: title, summary: try optionalString(value, "summary"),
                     when: when, announced: announced, entities: entities, tags: tags, measures: measures, citations: citations)
    }

    /// An event's fields in the order `export --format json` writes them, worked-out date fields included.
    static let eventFields = ["uid", "kind", "status", "title", "summary", "when", "earliest", "latest", "precision", "approximate",
                              "uncertain", "announced", "announced_earliest", "announced_latest", "announced_precision",
                              "entities", "tags", "measures", "sources"]
    static let measureFields = ["quantity", "value", "unit", "entity", "approximate", "qualifier", "source", "note"]
    /// The bounds a figure may be (the measures table's CHECK).
    static let measureQualifiers = ["more-than", "less-than", "up-to", "at-least"]
    static let citedSourceFields = ["key", "url", "title", "publisher", "published", "language", "type", "stance", "quote",
                                    "quote_language", "translation", "note"]

    /// Refuses a member of `value` (an object) that is not one of `known`: a misspelt field whose
    /// value would otherwise be dropped without a word.
    static func checkFieldNames(_ value: JSONValue, _ field: String, of what: String, _ known: [String]) throws(FieldError) {
        guard case .object(let members) = value else { return }
        // Records as export writes them have their keys in `known`'s order: looking on from the
        // last one found makes that one comparison a key.
        var next = 0
        for (key, _) in members {
            if let found = known[next...].firstIndex(of: key) {
                next = found + 1
            } else if !known.contains(key) {
                if field.isEmpty, ["events", "format", "relations", "kinds"].contains(key) {
                    // A document the first bytes did not show to be one (a long first member).
                    throw FieldError(field: key, reason: "is not a field of \(what), but of a timeline document: give --format seed to read the file as one")
                }
                let missing = known.filter { name in !members.contains { $0.0 == name } }
                let guess = NameSuggestions.closest(to: key, among: missing, limit: 1).first.map { " (did you mean '\($0)'?)" } ?? ""
                throw FieldError(field: field.isEmpty ? key : "\(field).\(key)",
                                 reason: "is not a field of \(what); it has \(known.dropLast().joined(separator: ", ")) and \(known.last ?? "")\(guess)")
            }
        }
    }

    /// The fields export works out from a date (`earliest`, `latest`, `precision`, and for `when`
    /// `approximate` and `uncertain`) may be left out, but when given must agree with it: a
    /// changed `earliest` with the old `when` would otherwise be dropped without a word.
    private static func checkWorkedOut(_ object: JSONValue, from date: TimelineDate?, named name: String, prefix: String) throws(FieldError) {
        for (key, expected) in [("earliest", date?.earliest?.iso), ("latest", date?.latest?.iso), ("precision", date?.precision.rawValue)] {
            let field = prefix + key
            // Empty is left out, as an empty cell is in CSV and as the refusal below says.
            if let given = try optionalString(object, field), !given.isEmpty, given != expected {
                throw FieldError(field: field, reason: workedOutMismatch(given: "'\(given)'", expected: expected.map { "'\($0)'" } ?? "null",
                                                                          date: date, named: name))
            }
        }
        guard prefix.isEmpty, let date else { return }
        for (key, expected) in [("approximate", date.approximate), ("uncertain", date.uncertain)] where object[key] != .string("") {
            if let given = try optionalBool(object, key, field: key), given != expected {
                throw FieldError(field: key, reason: workedOutMismatch(given: String(given), expected: String(expected), date: date, named: name))
            }
        }
    }

    /// Why a worked-out field's value is refused: what it says, what the date gives, what to do.
    static func workedOutMismatch(given: String, expected: String, date: TimelineDate?, named name: String) -> String {
        let dateText = date.map { "\(name) '\($0.edtf)'" } ?? "no \(name) date"
        let workedOut = name == "when" ? "earliest, latest, precision, approximate and uncertain"
            : "\(name)_earliest, \(name)_latest and \(name)_precision"
        return "\(given) does not follow from \(dateText), which gives \(expected); \(workedOut) are worked out from \(name): to change the date, change \(name) and leave them out (empty, or no such column or field)"
    }

    /// A figure: `quantity`, `value` (an exact decimal, as a string or a number) and `unit` required.
    static func measure(from element: JSONValue, field: String) throws(FieldError) -> Measure {
        guard case .object = element else { throw FieldError(field: field, reason: "expected an object, found \(element.typeName)") }
        let quantity = try requiredString(element, "quantity", field: field + ".quantity")
        var unit = try requiredString(element, "unit", field: field + ".unit")
        let exact: ExactDecimal
        switch element["value"] {
        case .string(let text)? where text.hasSuffix("%"):
            // `"13%"`, as a spreadsheet cell and `--measure` take it: a fraction's 0.13, or 13 percent.
            let digits = FigureText.withoutSpacesBetweenThousands(String(text.dropLast()).trimmingSpaces())
            guard ExactDecimal(digits) != nil else {
                throw FieldError(field: field + ".value", reason: "'\(text)' is not an exact decimal number (digits, one optional point, no exponent)")
            }
            guard let share = FigureText.value(ofPercentage: digits, inUnit: unit), let value = ExactDecimal(share.value) else {
                throw FieldError(field: field + ".value", reason: "'\(text)' is a percentage in the unit '\(unit)'; give it the unit fraction (13% is 0.13) or percent")
            }
            exact = value
            unit = share.unit
        case .string(let text)?:
            // As written: `"0.50"` keeps its precision. `"1 200"`, as a spreadsheet column and `--measure` take it.
            guard let value = ExactDecimal(text) ?? ExactDecimal(FigureText.withoutSpacesBetweenThousands(text)) else {
                throw FieldError(field: field + ".value", reason: "'\(text)' is not an exact decimal number (digits, one optional point, no exponent)")
            }
            // `"250.000"` euros or `"1.200"` people from a feed written the German or French way:
            // kept as a decimal, a sum would be a thousand off (a CSV cell and `add` refuse them too).
            let bytes = text.utf8.count
            if bytes >= 5, bytes <= 8, text.utf8.dropLast(3).last == UInt8(ascii: "."), let thousands = FigureText.thousandsIfGroupedByAPoint(text),
               MeasureSpecification.refusesThreeDecimals(text.suffix(3), inUnit: unit) {
                let decimal = value.trimmingTrailingZeros.description
                throw FieldError(field: field + ".value", reason: "'\(text)' could be \(thousands) or \(decimal): German or French group thousands "
                    + "with a point, and " + MeasureSpecification.threeDecimalsUnlikely(decimal, inUnit: unit)
                    + "; write \"\(thousands)\" if the point groups thousands, or \"\(decimal)\" if it is the decimal mark")
            }
            exact = value
        case .number(let text)?:
            // A program's float: `1.2e9` and `1200000000.0` are 1200000000.
            guard let value = ExactDecimal(jsonNumber: text) else {
                throw FieldError(field: field + ".value", reason: "'\(text)' is no number a figure can hold (an exponent past ±400)")
            }
            exact = value
        case let other?: throw FieldError(field: field + ".value", reason: "expected a number or a string, found \(other.typeName)")
        case nil: throw FieldError(field: field + ".value", reason: "is required")
        }
        var approximate = try optionalBool(element, "approximate", field: field + ".approximate") ?? false
        var qualifier = try optionalString(element, "qualifier", field: field + ".qualifier")
        if let given = qualifier, !measureQualifiers.contains(given) {
            // "about" is how `approximate` reads, not a bound: taken so, as a figure cell takes it.
            if given == "about" || given == "approximate" {
                approximate = true
                qualifier = nil
            } else {
                throw FieldError(field: field + ".qualifier", reason: "'\(given)' is no qualifier: one of \(measureQualifiers.joined(separator: ", ")), or none (with \"approximate\": true for about)")
            }
        }
        return Measure(
            quantity: quantity, value: exact.description, unit: unit,
            entity: try optionalString(element, "entity", field: field + ".entity"),
            approximate: approximate,
            qualifier: qualifier,
            source: try optionalString(element, "source", field: field + ".source"),
            note: try optionalString(element, "note", field: field + ".note"))
    }

    static func requiredString(_ object: JSONValue, _ key: String, field: @autoclosure () -> String? = nil) throws(FieldError) -> String {
        guard let text = try optionalString(object, key, field: field()), !text.isEmpty else {
            throw FieldError(field: field() ?? key, reason: "is required")
        }
        return text
    }

    static func optionalString(_ object: JSONValue, _ key: String, field: @autoclosure () -> String? = nil) throws(FieldError) -> String? {
        switch object[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw FieldError(field: field() ?? key, reason: "expected a string, found \(other.typeName)")
        }
    }

    /// A date's text, or a year given as a JSON number of four digits (`"when": 2020`, as a
    /// script's integer column writes it); any other number is refused, as `99` written as
    /// text is (a year has four digits).
    private static func dateText(_ object: JSONValue, _ key: String, field: @autoclosure () -> String? = nil) throws(FieldError) -> String? {
        if case .number(let digits)? = object[key] {
            guard digits.utf8.count == 4, digits.utf8.allSatisfy({ (48...57).contains($0) }) else {
                throw FieldError(field: field() ?? key, reason: "expected a string, found the number \(digits), which is no year of four digits")
            }
            return digits
        }
        return try optionalString(object, key, field: field())
    }

    static func optionalBool(_ object: JSONValue, _ key: String, field: @autoclosure () -> String) throws(FieldError) -> Bool? {
        switch object[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw FieldError(field: field(), reason: "expected true or false, found \(other.typeName)")
        }
    }

    static func array(_ object: JSONValue, _ key: String) throws(FieldError) -> [JSONValue] {
        switch object[key] {
        case nil, .null?: return []
        case .array(let elements)?: return elements
        case let other?: throw FieldError(field: key, reason: "expected an array, found \(other.typeName)")
        }
    }

    /// An event's date; one that cannot be read without a year (`mid-March`, `le 3 janvier`) takes
    /// it from the record's first source with a publication date, as a reader of the article
    /// would (see `TimelineDate.parse(_:context:yearFrom:onOrBefore:)`): with `before`, for an
    /// announcement, the latest such day on or before it. Looked for only after a failure: the
    /// common record pays nothing.
    private static func eventDate(_ event: JSONValue, _ key: String, context: DateParsingContext,
                                  before: Bool = false) throws(FieldError) -> TimelineDate? {
        guard let text = try dateText(event, key), !text.isEmpty else { return nil }
        do {
            return try TimelineDate.parse(text, context: context, yearFrom: { try firstPublicationDate(of: event, context: context) },
                                          onOrBefore: before)
        } catch let error as FieldError {
            throw error  // the source's publication date, read to give this one a year or a day
        } catch let error as TimelineDateError where error.needsYear {
            throw FieldError(field: key, reason: "'\(text)' has no year: write one, or give the record's source a publication date to take it from")
        } catch {
            throw FieldError(field: key, reason: (error as? TimelineDateError)?.description ?? "\(error)")
        }
    }

    /// The first publication date among an event object's sources; `citedUndated` when it cites
    /// some with none (found by key or URL, their dates are the timeline's, which the reading does
    /// not look up). A publication date that is none (`15/09/2022`, `2022/..`) is the error, named
    /// for its field, not the event's date it was read for.
    private static func firstPublicationDate(of event: JSONValue, context: DateParsingContext) throws(FieldError) -> PublicationReference {
        guard let sources = try? array(event, "sources"), !sources.isEmpty else { return .none }
        for (index, source) in sources.enumerated() {
            let field = "sources[\(index)].published"
            guard let published = try date(source, "published", field: field, context: context) else { continue }
            if let problem = published.publicationProblem {
                throw FieldError(field: field, reason: "the publication date '\(published.edtf)' \(problem)")
            }
            return .published(published)
        }
        return .citedUndated
    }

    static func date(_ object: JSONValue, _ key: String, field: @autoclosure () -> String? = nil, context: DateParsingContext) throws(FieldError) -> TimelineDate? {
        guard let text = try dateText(object, key, field: field()), !text.isEmpty else { return nil }
        do {
            return try TimelineDate.parse(text, context: context)
        } catch {
            throw FieldError(field: field() ?? key, reason: error.description)
        }
    }
}
