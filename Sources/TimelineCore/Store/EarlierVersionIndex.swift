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
    /// an event) in every part but the uid; the first recorded, when several are.
    func uid(ofEarlierVersion json: String, in database: Database) throws -> String? {
        var json = json
        guard let hash = json.withUTF8(Self.contentHash) else { return nil }
        var index = firstIndex(ofHash: hash)
        while index < versions.count, versions[index].hash == hash {
            let matching = try database.statement("SELECT uid, snapshot FROM event_history WHERE id = ?1")
                .first([.integer(versions[index].id)]) { row -> String? in
                    let same = row.withTextBytes(at: 1) { snapshot in
                        json.withUTF8 { given in
                            guard let held = Self.content(of: snapshot), let given = Self.content(of: given) else { return false }
                            return held.elementsEqual(given)
                        }
                    }
                    return same ? row.text(at: 0) : nil
                }
            if let uid = matching ?? nil { return uid }
            index += 1
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
        let marker = contentMarker
        guard json.count > marker.count else { return nil }
        var start = 0
        while start + marker.count <= json.count {
            if json[start] == marker[0], json[start..<start + marker.count].elementsEqual(marker) { return json[start...] }
            start += 1
        }
        return nil
    }

    private static let contentMarker: [UInt8] = Array(#","kind":"#.utf8)

    private static func contentHash(_ json: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let content = content(of: json) else { return nil }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: content)))
        return hasher.finalize()
    }
}
