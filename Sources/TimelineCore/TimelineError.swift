/// What went wrong, in words a user can act on, and which kind of failure it is.
public struct TimelineError: Error, Sendable, CustomStringConvertible {
    public enum Category: Sendable, Equatable {
        /// The command was given something it cannot take (an unknown kind, a bad flag value).
        case usage
        /// The data given or stored is wrong (an impossible date, a refused migration).
        case badData
        /// Something asked for does not exist (a uid, an input file).
        case notFound
        /// The output cannot be created.
        case cannotCreate
        /// Reading or writing failed.
        case ioError
        /// The database is busy; trying again later may work.
        case busy
        /// The work was stopped from outside (the store's stop check said so) and rolled back.
        case interrupted
        /// A fault in the tool itself.
        case internalError
    }

    public let category: Category
    public let message: String
    /// The field of an event the error is about, as a timeline document names it (`kind`,
    /// `citations[0].quote_language`), when it is about one: an import names it as its file does.
    public let field: String?

    public init(_ category: Category, _ message: String, field: String? = nil) {
        self.category = category
        self.message = message
        self.field = field
    }

    /// The same error, about `field` within the part it was about (`citations[0]` and
    /// `quote_language` make `citations[0].quote_language`).
    func within(_ field: String) -> TimelineError {
        TimelineError(category, message, field: self.field.map { field + "." + $0 } ?? field)
    }

    public var description: String { message }
}
