/// The JSON shape of a seed file (`Seeds/NNNN_name.json`, format `timeline-seed/1`): a form a person
/// can read, review and edit, loaded through the same runner as the migrations.
struct SeedFile: Decodable {
    var format: String
    var description: String?
    var entities: [SeedEntity]
    var relations: [SeedRelation]
    var sources: [SeedSource]
    var events: [SeedEvent]

    struct SeedEntity: Decodable {
        var slug: String
        var name: String
        var type: String
        var description: String?
        var aliases: [SeedAlias]?
    }

    struct SeedAlias: Decodable {
        var alias: String
        var language: String?
    }

    struct SeedRelation: Decodable {
        var entity: String
        var relation: String
        var other: String
        var valid: String?
        var source: String?
    }

    struct SeedSource: Decodable {
        var key: String
        var url: String?
        var title: String?
        var publisher: String
        var published: String?
        var language: String
        var type: String
        var note: String?
    }

    struct SeedEvent: Decodable {
        var uid: String
        var kind: String
        var status: String?
        var title: String
        var summary: String?
        var when: String
        var announced: String?
        var entities: [SeedEventEntity]?
        var tags: [String]?
        var measures: [SeedMeasure]?
        var citations: [SeedCitation]?
    }

    struct SeedEventEntity: Decodable {
        var entity: String
        var role: String?
    }

    struct SeedMeasure: Decodable {
        var quantity: String
        var value: String
        var unit: String
        var entity: String?
        var approximate: Bool?
        var qualifier: String?
        var source: String?
        var note: String?
    }

    struct SeedCitation: Decodable {
        var source: String
        var stance: String?
        var quote: String?
        var quote_language: String?
        var translation: String?
        var note: String?
    }
}
