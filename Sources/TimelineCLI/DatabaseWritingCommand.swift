import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A command whose work is a change to the database (or a copy of it), not its output.
///
/// Such a command keeps going when whoever reads its output goes away: in
/// `timeline import f.csv --skip-invalid 2>&1 | head`, `head` leaving after ten rejections
/// would otherwise kill the import by SIGPIPE, its transaction rolled back and nothing said.
/// With SIGPIPE ignored, writes to the closed pipe fail instead; the change is made, and the
/// lost confirmation is exit 74 with "… was saved, but" (see `Confirmation`).
/// Reading commands keep the default, so `timeline list | head` stops at once. Such a command
/// also arms `Interruption`: a signal stops the write, which rolls back, and is reported.
protocol DatabaseWritingCommand: ParsableCommand {
    /// Whether this invocation writes (a command that writes only when asked, as
    /// `check --repair-lists` does, says so here); a reading one keeps the default signals.
    var writesDatabase: Bool { get }
}

extension DatabaseWritingCommand {
    var writesDatabase: Bool { true }
}

/// Makes a closed output pipe an error on write rather than the end of the process.
func keepWorkingWhenOutputCloses() {
    signal(SIGPIPE, SIG_IGN)
}
