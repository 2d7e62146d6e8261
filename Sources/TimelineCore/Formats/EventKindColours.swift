/// Which of the page's colours an event kind is drawn in.
///
/// The kinds the tool ships with have fixed colours, so `layoff` looks the same in every export;
/// other kinds get one from a stable hash of their name (never Swift's per-process `hashValue`),
/// so the same data always gives the same page.
enum EventKindColours {
    /// How many colours the style sheet defines (`.k0` … `.k9`).
    static let count = 10

    private static let known: [String: Int] = [
        "customer": 0, "launch": 1, "layoff": 2, "announcement": 3, "acquisition": 4,
        "headcount-change": 5, "expansion": 6, "shutdown": 7, "regulatory": 8, "partnership": 9,
    ]

    /// The colour slot, 0 ..< `count`.
    static func slot(for kind: String) -> Int {
        if let slot = known[kind] { return slot }
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for byte in kind.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// `k4`: the class that carries the colour.
    static func className(for kind: String) -> String { "k" + String(slot(for: kind)) }
}
