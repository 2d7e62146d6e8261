import ArgumentParser

/// The options that take a count, and the counts each takes: one statement of the rule for the
/// commands' validation, list's own reader of arguments, and the reading of `--limit -1`.
enum CountOption: String {
    case limit = "--limit"
    case offset = "--offset"
    case maxRows = "--max-rows"
    case busyTimeout = "--busy-timeout-ms"
    case timeout = "--timeout-ms"

    /// The option as written.
    var name: String { rawValue }

    private var least: Int { self == .timeout ? 1 : 0 }

    func accepts(_ count: Int) -> Bool { count >= least }

    /// Why `count` is refused.
    func complaint(_ count: Int) -> String {
        "\(name) must be \(least == 0 ? "zero or more" : "above zero"), not \(count)."
    }

    /// Throws the complaint when `count` is refused.
    func validate(_ count: Int?) throws {
        if let count, !accepts(count) { throw ValidationError(complaint(count)) }
    }
}
