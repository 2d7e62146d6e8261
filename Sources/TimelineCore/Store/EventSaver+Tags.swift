import SQLiteStorage

extension EventSaver {
    /// The tags an event is saved with: without surrounding spaces (a tag of spaces alone is
    /// none), each in the spelling the timeline already has for it, one per comparison key, in
    /// byte order as the database orders them.
    ///
    /// `--tag` finds `santé` as `Santé` or `sante` (`TimelineStore.tagKey`); saved as given, the
    /// two spellings would be two tags that every filter takes for one, and that `stats` and the
    /// exports list apart.
    func savedTags(_ given: [String]) throws -> [String] {
        guard !given.isEmpty else { return [] }
        if given.count == 1 {
            let spelling = try savedSpelling(of: given[0]).spelling
            return spelling.isEmpty ? [] : [spelling]
        }
        var byKey: [String: String] = [:]
        for tag in given {
            let (spelling, key) = try savedSpelling(of: tag)
            guard !spelling.isEmpty, byKey[key] == nil else { continue }
            byKey[key] = spelling
        }
        return byKey.values.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Remembered per spelling given, so a bulk import works a key out once per distinct tag.
    private func savedSpelling(of given: String) throws -> (spelling: String, key: String) {
        if let known = savedTagSpellings[given] { return known }
        let tag = given.trimmingSpaces()
        var saved = (spelling: tag, key: "")
        if !tag.isEmpty {
            if tagSpellings == nil {
                // A timeline that already holds two spellings gains no third.
                tagSpellings = try TimelineStore.tagSpellings(in: database).mapValues { $0[0].tag }
            }
            saved.key = TimelineStore.tagKey(tag)
            if let stored = tagSpellings?[saved.key] {
                saved.spelling = stored
            } else {
                tagSpellings?[saved.key] = tag  // the first spelling given is the one later ones take
            }
        }
        savedTagSpellings[given] = saved
        return saved
    }
}
