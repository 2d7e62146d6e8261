/// The entities whose events a query keeps: those `--entity` names, always, and with `--related`
/// those related to them, each only while its relations held.
///
/// A relation holds during its dates (`product-of amazon` 2019-09/2022-12-31), or from its date on
/// for a type so marked (`acquired-by`: the acquired entity is the acquirer's from the day it was
/// bought); an undated relation holds always. Down a chain of relations the days are those when
/// every link held. An event of a related entity counts when its own dates overlap those days, as
/// a range query's do, so One Medical's 2015 events are not Amazon's.
struct EntityScope: Sendable, Equatable {
    /// Days a relation held, both ends inclusive; nil ends are open.
    struct Window: Hashable, Sendable {
        var earliest: CalendarDay?
        var latest: CalendarDay?

        static let always = Window(earliest: nil, latest: nil)

        /// The days both windows share; nil when they share none.
        func intersection(_ other: Window) -> Window? {
            let start = [earliest, other.earliest].compactMap { $0 }.max()
            let end = [latest, other.latest].compactMap { $0 }.min()
            if let start, let end, start > end { return nil }
            return Window(earliest: start, latest: end)
        }

        func contains(_ other: Window) -> Bool {
            (earliest.map { start in other.earliest.map { $0 >= start } ?? false } ?? true)
                && (latest.map { end in other.latest.map { $0 <= end } ?? false } ?? true)
        }

        /// Whether a date's days meet the window (an open or unknown end of the date meets anything).
        func overlaps(earliest dateEarliest: CalendarDay?, latest dateLatest: CalendarDay?) -> Bool {
            if let latest, let dateEarliest, dateEarliest > latest { return false }
            if let earliest, let dateLatest, dateLatest < earliest { return false }
            return true
        }
    }

    /// An entity and the days its events count: `[.always]` for one named, else the windows of the
    /// chains of relations reaching it (none contained in another).
    struct Member: Hashable, Sendable {
        var id: Int64
        var windows: [Window]

        var isAlways: Bool { windows.contains(.always) }
    }

    /// By entity id.
    var members: [Member]

    var isEmpty: Bool { members.isEmpty }

    /// The entities named, for all their events.
    init(named ids: [Int64]) {
        var seen = Set<Int64>()
        members = ids.filter { seen.insert($0).inserted }.sorted().map { Member(id: $0, windows: [.always]) }
    }

    init(members: [Member]) {
        self.members = members.sorted { $0.id < $1.id }
    }
}
