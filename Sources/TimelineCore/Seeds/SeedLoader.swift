#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import MigrationRunner
import SQLiteStorage

/// Loads `timeline-seed/1` JSON files into the database, inside the runner's transaction.
enum SeedLoader {
    static func loadJSON(into database: Database, file: MigrationFile) throws {
        let seed: SeedFile
        do {
            seed = try JSONDecoder().decode(SeedFile.self, from: Data(file.text.utf8))
        } catch let error as DecodingError {
            throw MigrationError.seedRejected(file: file.displayPath, reason: describe(error))
        }
        guard seed.format == "timeline-seed/1" else {
            throw MigrationError.seedRejected(file: file.displayPath, reason: "unknown format '\(seed.format)'; expected timeline-seed/1.")
        }
        do {
            try load(seed, into: database)
        } catch let error as TimelineError {
            throw MigrationError.seedRejected(file: file.displayPath, reason: error.message)
        } catch let error as TimelineDateError {
            throw MigrationError.seedRejected(file: file.displayPath, reason: error.description)
        } catch let error as SQLiteError {
            throw MigrationError.seedRejected(file: file.displayPath, reason: error.description)
        }
    }

    static func load(_ seed: SeedFile, into database: Database) throws {
        let writer = try TimelineWriter(database: database)
        for entity in seed.entities {
            let aliases = entity.aliases ?? []
            _ = try writer.insert(
                Entity(slug: entity.slug, name: entity.name, type: entity.type, description: entity.description,
                       aliases: aliases.map(\.alias)),
                aliasLanguages: aliases.map(\.language))
        }
        var sources: [String: Source] = [:]
        for seedSource in seed.sources {
            let source = Source(
                key: seedSource.key, url: seedSource.url, title: seedSource.title, publisher: seedSource.publisher,
                published: try seedSource.published.map { try TimelineDate(edtf: $0) }, language: seedSource.language,
                type: seedSource.type, note: seedSource.note)
            _ = try writer.insert(source)
            sources[source.key] = source
        }
        for relation in seed.relations {
            try writer.insertRelation(
                entity: relation.entity, relation: relation.relation, other: relation.other,
                valid: try relation.valid.map { try TimelineDate(edtf: $0) }, source: relation.source)
        }
        for seedEvent in seed.events {
            guard let status = EventStatus(rawValue: seedEvent.status ?? "occurred") else {
                throw TimelineError(.badData, "event \(seedEvent.uid) has an unknown status '\(seedEvent.status ?? "")'.")
            }
            let citations = try (seedEvent.citations ?? []).map { citation in
                guard let source = sources[citation.source] else {
                    throw TimelineError(.badData, "event \(seedEvent.uid) cites an unknown source '\(citation.source)'.")
                }
                guard let stance = Citation.Stance(rawValue: citation.stance ?? "supports") else {
                    throw TimelineError(.badData, "event \(seedEvent.uid) has an unknown stance '\(citation.stance ?? "")'.")
                }
                return Citation(source: source, stance: stance, quote: citation.quote, quoteLanguage: citation.quote_language,
                                translation: citation.translation, note: citation.note)
            }
            let event = Event(
                uid: seedEvent.uid, kind: seedEvent.kind, status: status, title: seedEvent.title, summary: seedEvent.summary,
                when: try TimelineDate(edtf: seedEvent.when),
                announced: try seedEvent.announced.map { try TimelineDate(edtf: $0) },
                entities: (seedEvent.entities ?? []).map { EventEntity(slug: $0.entity, name: "", role: $0.role ?? "subject") },
                tags: seedEvent.tags ?? [],
                measures: (seedEvent.measures ?? []).map {
                    Measure(quantity: $0.quantity, value: $0.value, unit: $0.unit, entity: $0.entity,
                            approximate: $0.approximate ?? false, qualifier: $0.qualifier, source: $0.source, note: $0.note)
                },
                citations: citations)
            do {
                _ = try writer.insert(event)
            } catch let error as SQLiteError {
                throw TimelineError(.badData, "event \(seedEvent.uid) was refused: \(error.message).")
            }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context)): the field '\(key.stringValue)' is missing."
        case .dataCorrupted(let context):
            return "not valid JSON at \(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
