import SQLiteStorage

extension EventSaver {
    /// A figure's unit in the spelling the timeline already has for it among the figures of its
    /// quantity, when the two are one word written in another case (`eur`, `Eur` for `EUR`,
    /// `PERSON` for `person`); else as given, and then the spelling later figures take.
    ///
    /// Saved as given, `EUR`, `Eur` and `eur` were three units that `stats --sum` added up in
    /// three rows, and `Person` was not counted as `person` nor printed as `people`. But case can
    /// be meaning: `MW` and `mW`, `Gb` and `GB`, `MWh` and `mWh` stay apart (see `isRecased`).
    func savedUnit(_ unit: String, of quantity: String) throws -> String {
        // Most figures repeat a unit as given: two lookups, nothing built.
        if let known = unitSpellings[quantity]?[unit] { return known }
        // By the unit in lower case: two spellings in one event, or one file, meet here before
        // either is in the table.
        let key = Self.unitKey(quantity: quantity, unit: unit)
        var spelling = unit
        if let met = foldedUnitSpellings[key] {
            if Self.isRecased(unit, met) { spelling = met }
        } else {
            // The quantity's figures in the order saved (its index holds them so): the first
            // spelling met is the oldest.
            let held = try database.statement(
                "SELECT unit FROM measures WHERE quantity = ?1 AND unit = ?2 COLLATE NOCASE ORDER BY id LIMIT 1"
            ).first([.text(quantity), .text(unit)]) { $0.text(at: 0) }
            if let held, Self.isRecased(unit, held) { spelling = held }
            if foldedUnitSpellings.count > Self.cacheLimit {
                foldedUnitSpellings.removeAll(keepingCapacity: true)
                unitSpellings.removeAll(keepingCapacity: true)
            }
            foldedUnitSpellings[key] = held ?? unit
        }
        unitSpellings[quantity, default: [:]][unit] = spelling
        return spelling
    }

    /// A quantity and a unit as saving compares them: ASCII letters in any case (SQLite's NOCASE),
    /// others as written; `check` groups spellings by it too.
    static func unitKey(quantity: String, unit: String) -> String {
        quantity + "\u{0}" + unit.asciiLowercased
    }

    /// Whether two spellings of a unit are one word in another case: one of three letters or
    /// more, each the other all in lower case, all in capitals or with a capital first (`EUR`,
    /// `eur`, `Eur`). Units of fewer letters and mixed capitals (`MW`/`mW`, `M€`/`m€`,
    /// `Gb`/`GB`, `MWh`/`mWh`, `Mbps`/`MBps`) are prefixes and symbols whose case is meaning.
    static func isRecased(_ given: String, _ held: String) -> Bool {
        if given == held { return true }
        guard given.unicodeScalars.lazy.filter(\.properties.isAlphabetic).count >= 3 else { return false }
        func forms(_ text: String) -> [String] {
            let lower = text.lowercased()
            return [lower, text.uppercased(), lower.prefix(1).uppercased() + lower.dropFirst()]
        }
        return forms(held).contains(given) && forms(given).contains(held)
    }
}
