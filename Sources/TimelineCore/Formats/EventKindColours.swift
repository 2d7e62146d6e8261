/// Which of the page's colours each event kind of a page is drawn in.
///
/// The kinds the tool ships with have fixed colours, so `layoff` looks the same in every export;
/// the page's other kinds take the colours its shipped kinds leave free, in the order of their
/// names, so that two kinds on one page share a colour only when it has more kinds than colours.
/// Past that, a kind's colour comes from a stable hash of its name (never Swift's per-process
/// `hashValue`), so the same data always gives the same page.
struct EventKindColours {
    /// How many colours the style sheet defines (`.k0` … `.k9`).
    static let count = 10

    private static let known: [String: Int] = [
        "customer": 0, "launch": 1, "layoff": 2, "announcement": 3, "acquisition": 4,
        "headcount-change": 5, "expansion": 6, "shutdown": 7, "regulatory": 8, "partnership": 9,
    ]

    private let slots: [String: Int]

    /// The colours of a page that shows events of these kinds.
    init(kinds: some Sequence<String>) {
        let present = Set(kinds)
        var slots: [String: Int] = [:]
        var taken = Set<Int>()
        for kind in present { if let slot = Self.known[kind] { slots[kind] = slot; taken.insert(slot) } }
        var free = (0..<Self.count).filter { !taken.contains($0) }[...]
        for kind in present.filter({ slots[$0] == nil }).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            slots[kind] = free.popFirst() ?? Self.hashedSlot(for: kind)
        }
        self.slots = slots
    }

    /// A kind's colour from a stable hash of its name (FNV-1a), 0 ..< `count`.
    private static func hashedSlot(for kind: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in kind.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return Int(hash % UInt32(count))
    }

    /// `k4`: the class that carries the colour.
    func className(for kind: String) -> String {
        "k" + String(slots[kind] ?? Self.known[kind] ?? Self.hashedSlot(for: kind))
    }
}
