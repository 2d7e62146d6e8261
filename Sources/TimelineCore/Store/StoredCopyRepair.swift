/// What `timeline check --repair-lists` put right.
public struct StoredCopyRepair: Sendable, Equatable {
    /// Events whose stored lists differed from their tables.
    public var lists = 0
    /// Events whose stored lists another tool's change had cleared (read from the tables meanwhile).
    public var missingLists = 0
    /// Dates whose span, precision or flags did not follow from their EDTF.
    public var dates = 0
    /// Date labels missing or not their date's.
    public var labels = 0
    /// Events whose figures label was missing or not their figures'.
    public var figuresLabels = 0
    /// Search index entries missing, stale or of no event.
    public var searchEntries = 0
    /// Span index entries missing, not their event's span, or of no event.
    public var spans = 0
    /// Tag spellings saved under another that reads alike (`Santé` under `santé`).
    public var tagSpellings = 0

    public init() {}
}
