import SQLiteStorage

extension EventSaver {
    /// A figure's unit in the spelling the timeline already has for it among the figures of its
    /// quantity, ignoring ASCII case (`eur` and `Eur` are the `EUR` held); else as given, and
    /// then the spelling later figures of the quantity take.
    ///
    /// Saved as given, `EUR`, `Eur` and `eur` were three units that `stats --sum` added up in
    /// three rows, and `Person` was not counted as `person` nor printed as `people`.
    func savedUnit(_ unit: String, of quantity: String) throws -> String {
        // By the unit in lower case: two spellings in one event, or one file, meet here before
        // either is in the table.
        let key = quantity + "\u{0}" + String(decoding: unit.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        if let known = unitSpellings[key] { return known }
        // The quantity's figures in the order saved (its index holds them so): the first
        // spelling met is the oldest.
        let held = try database.statement(
            "SELECT unit FROM measures WHERE quantity = ?1 AND unit = ?2 COLLATE NOCASE ORDER BY id LIMIT 1"
        ).first([.text(quantity), .text(unit)]) { $0.text(at: 0) }
        let spelling = held ?? unit
        if unitSpellings.count > Self.cacheLimit { unitSpellings.removeAll(keepingCapacity: true) }
        unitSpellings[key] = spelling
        return spelling
    }
}
