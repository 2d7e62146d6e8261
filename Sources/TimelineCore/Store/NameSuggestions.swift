/// The known names closest to a mistyped one, for an error that cannot list thousands of them.
public enum NameSuggestions {
    /// Up to `limit` of `known` within a few edits of `wanted` (about one in three of its
    /// characters), the closest ones only, alphabetically.
    public static func closest(to wanted: String, among known: [String], limit: Int = 3) -> [String] {
        let target = Array(wanted.unicodeScalars)
        let allowed = max(1, target.count / 3)
        var found: [(distance: Int, name: String)] = []
        for name in known {
            let candidate = Array(name.unicodeScalars)
            guard abs(candidate.count - target.count) <= allowed,
                  let distance = editDistance(target, candidate, atMost: allowed) else { continue }
            found.append((distance, name))
        }
        // Only the closest: a second tier is mostly noise (`company-1` beside `company-17`).
        guard let best = found.map(\.distance).min() else { return [] }
        return found.filter { $0.distance == best }.map(\.name).sorted().prefix(limit).map { $0 }
    }

    /// The slugs of `known` that hold `slug` as whole words (`meta` of `meta-platforms`,
    /// `positions` of `positions-cut`), in the order given: what a word of a longer name means.
    static func holdingWords(of slug: String, among known: some Sequence<String>) -> [String] {
        known.filter { ("-" + $0 + "-").contains("-" + slug + "-") }
    }

    /// Edit distance counting a swap of two neighbours as one edit (`whne` is one from `when`),
    /// or nil once it must exceed `bound`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost bound: Int) -> Int? {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) <= bound ? max(a.count, b.count) : nil }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        var previousMinimum = 0
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            // A swap reaches back two rows: both must be past the bound to stop.
            if rowMinimum > bound && previousMinimum > bound { return nil }
            previousMinimum = rowMinimum
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
