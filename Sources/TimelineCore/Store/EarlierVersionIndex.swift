import SQLiteStorage

/// The versions history holds, found by their content without the uid: the event a record
/// without a uid once was, edited or removed since. Such a record's uid is not always its hash:
/// one that matched an event typed in with `add`, or exported and imported back without its uid
/// column, names that event's readable uid, which the record itself cannot make again.
///
/// Read once, when a record first looks; it keeps a hash and a row id a version (16 bytes),
/// not their text, and reads the text back to confirm a match.
struct EarlierVersionIndex {
    /// (content hash, history row id), sorted by hash, then id.
    private let versions: [(hash: Int, id: Int64)]

    init(database: Database) throws {
        var versions: [(hash: Int, id: Int64)] = []
        try database.statement("SELECT id, snapshot FROM event_history").forEachRow { row in
            if let hash = row.withTextBytes(at: 1, Self.contentHash) { versions.append((hash, row.int64(at: 0))) }
        }
        versions.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.id < $1.id }
        self.versions = versions
    }

    /// The uid of the event an earlier version of which is `json` (as `EventJSON.object` writes
    /// an event) in every part but the uid, its entities perhaps named otherwise then: each the
    /// same entity by `sameEntity(entity then, slug now)` (one renamed or merged since). The
    /// first recorded, when several are.
    func uid(ofEarlierVersion json: String, in database: Database,
             sameEntity: (_ then: EventEntity, _ nowSlug: String) throws -> Bool) throws -> String? {
        var json = json
        guard let hash = json.withUTF8(Self.contentHash) else { return nil }
        var index = firstIndex(ofHash: hash)
        var given: Event?
        while index < versions.count, versions[index].hash == hash {
            let row = try database.statement("SELECT uid, snapshot FROM event_history WHERE id = ?1")
                .first([.integer(versions[index].id)]) { row -> (uid: String, snapshot: String?) in
                    let same = row.withTextBytes(at: 1) { snapshot in
                        json.withUTF8 { given in
                            guard let held = Self.content(of: snapshot), let given = Self.content(of: given) else { return false }
                            return held.elementsEqual(given)
                        }
                    }
                    return (row.text(at: 0), same ? nil : row.text(at: 1))
                }
            index += 1
            guard let row else { continue }
            guard let snapshot = row.snapshot else { return row.uid }
            // The same but for how the entities are named: read both, and compare the entities by who they are now.
            guard let held = try? EventJSONDecoder.event(from: JSONParser.parse(snapshot)) else { continue }
            if given == nil { given = try? EventJSONDecoder.event(from: JSONParser.parse(json)) }
            guard let given, var named = try held.namingEntities(as: given, sameEntity: sameEntity) else { continue }
            named.uid = given.uid
            if EventJSON.object(named) == json { return row.uid }
        }
        return nil
    }

    private func firstIndex(ofHash hash: Int) -> Int {
        var low = 0, high = versions.count
        while low < high {
            let middle = (low + high) / 2
            if versions[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// What follows the uid in an event's JSON: `EventJSON` writes the uid first and `kind` next,
    /// and a uid's text, escaped, cannot hold `,"kind":`. Nil for text of another shape.
    private static func content(of json: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard json.count > contentMarker.count, let start = firstIndex(of: contentMarker, in: json[...], from: 0) else { return nil }
        return json[start...]
    }

    private static let contentMarker: [UInt8] = Array(#","kind":"#.utf8)

    /// The hash of what follows the uid but the entities and figures, which a version names as
    /// they were named then (`uid(ofEarlierVersion:)` compares them by who they are now).
    /// `EventJSON` writes `entities`, `tags`, `measures` and `sources` in that order, and a
    /// string's quotes are escaped: no key's text is found inside a value.
    private static func contentHash(_ json: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let content = content(of: json) else { return nil }
        var hasher = Hasher()
        if let entities = firstIndex(of: entitiesMarker, in: content, from: content.startIndex),
           let tags = firstIndex(of: tagsMarker, in: content, from: entities),
           let measures = firstIndex(of: measuresMarker, in: content, from: tags),
           let sources = firstIndex(of: sourcesMarker, in: content, from: measures) {
            // Figures left out too: they name the entities they count by slug.
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: content[..<entities])))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: content[tags..<measures])))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: content[sources...])))
        } else {
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: content)))
        }
        return hasher.finalize()
    }

    private static let entitiesMarker: [UInt8] = Array(#","entities":"#.utf8)
    private static let tagsMarker: [UInt8] = Array(#","tags":"#.utf8)
    private static let measuresMarker: [UInt8] = Array(#","measures":"#.utf8)
    private static let sourcesMarker: [UInt8] = Array(#","sources":"#.utf8)

    private static func firstIndex(of marker: [UInt8], in bytes: Slice<UnsafeBufferPointer<UInt8>>, from start: Int) -> Int? {
        var index = start
        while index + marker.count <= bytes.endIndex {
            if bytes[index] == marker[0], bytes[index..<index + marker.count].elementsEqual(marker) { return index }
            index += 1
        }
        return nil
    }
}
