import TimelineCore

/// The line a write command prints once its change is saved. Failing to write it (a full disk, a
/// closed pipe) is still exit 74, but the error says that the change was saved, so that a script
/// does not take the command for one that changed nothing; and it is raised only once the
/// database is closed, so that a database the command made is not taken back for it.
struct Confirmation {
    private var failure: TimelineError?

    /// Writes `text` to standard output; `saved` says what was saved, for the error.
    mutating func write(_ text: String, saved: @autoclosure () -> String) {
        let output = TextOutput.standardOutput()
        do {
            try output.write(text)
            try output.finish()
        } catch {
            let reason = (error as? TimelineError)?.message ?? "writing standard output failed: \(error)."
            failure = TimelineError(.ioError, "\(saved()), but " + reason)
        }
    }

    /// Throws the failure to write the confirmation, if there was one.
    func check() throws {
        if let failure { throw failure }
    }
}
