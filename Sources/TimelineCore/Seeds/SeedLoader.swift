import MigrationRunner
import SQLiteStorage

/// Loads `timeline-seed/1` documents (the files in `Seeds/`) into the database, inside the
/// runner's transaction: read and saved as `timeline import` reads and saves them, so a seed file
/// and an exported document are one format with one set of rules.
enum SeedLoader {
    static func loadJSON(into database: Database, file: MigrationFile) throws {
        func rejected(_ reason: String) -> MigrationError {
            .seedRejected(file: file.displayPath, reason: reason)
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(file.text)
        } catch {
            throw rejected(error.description)
        }
        guard case .object(let members) = document else {
            throw rejected("expected a timeline-seed/1 document (a JSON object), found \(document.typeName).")
        }
        let context = DateParsingContext()
        do {
            let saver = try EventSaver(database: database, recordedAt: nil)
            _ = try saver.save(try SeedDocumentDecoder.directory(from: members.filter { $0.0 != "events" }, context: context))
            guard let events = document["events"] else { return }
            guard case .array(let elements) = events else {
                throw EventJSONDecoder.FieldError(field: "events", reason: "expected an array, found \(events.typeName)")
            }
            for (index, element) in elements.enumerated() {
                do {
                    _ = try saver.save(try SeedDocumentDecoder.event(from: element, context: context), uidPolicy: .readable,
                                       replacingExisting: false)
                } catch let error as EventJSONDecoder.FieldError {
                    throw EventJSONDecoder.FieldError(field: "events[\(index)].\(error.field)", reason: error.reason)
                } catch let error as TimelineError {
                    throw rejected("events[\(index)]: \(error.message)")
                } catch let error as SQLiteError {
                    throw rejected("events[\(index)] was refused: \(error.message).")
                }
            }
        } catch let error as EventJSONDecoder.FieldError {
            throw rejected(error.description.hasSuffix(".") ? error.description : error.description + ".")
        } catch let error as TimelineError {
            throw rejected(error.message)
        } catch let error as SQLiteError {
            throw rejected(error.description)
        }
    }
}
