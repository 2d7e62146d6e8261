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
        /// A fault in the tool itself.
        case internalError
    }

    public let category: Category
    public let message: String

    public init(_ category: Category, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}
