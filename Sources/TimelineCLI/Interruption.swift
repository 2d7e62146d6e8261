import Synchronization
import TimelineCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP during a write, or while a new database is being made:
/// the running SQL stops at its next step (the store checks `requested` every few thousand
/// virtual-machine instructions, and before a write commits; an import waiting on a pipe, ten
/// times a second), the transaction rolls back, a database the command was making is removed,
/// and the command says so and exits 128 + the signal's number. Killed outright
/// instead, the transaction would still roll back, but a new database would stay half made
/// (a mistyped `--db` left holding the sample timeline) and nothing would be said.
/// A second signal ends the process at once.
enum Interruption {
    /// The signal received, 0 for none. Atomic, as the handler stores it.
    private static let received = Atomic<Int32>(0)
    private static let armed = Atomic<Bool>(false)
    /// A bit for each signal the handler took over (not one ignored from the start).
    private static let handledSignals = Atomic<UInt64>(0)

    fileprivate static func handled(_ number: Int32) -> Bool {
        handledSignals.load(ordering: .relaxed) & (1 << number) != 0
    }

    /// Installs the handlers (once); from then on a signal is reported through `requested`.
    /// A signal the process was started ignoring stays ignored (`nohup`, a background job's
    /// SIGINT); one it was started blocking is unblocked, as a parent that spawns through
    /// Foundation's `Process` leaves nearly every signal blocked in its child.
    static func arm() {
        guard !armed.exchange(true, ordering: .relaxed) else { return }
        _ = received.load(ordering: .relaxed)  // initialised before a handler can run
        // Files written beside their place (an export, a backup) are removed as the work stops,
        // not by a handler of their own that would end the process at once.
        TemporaryFiles.leaveInterruptionsToTheCommand()
        _ = TemporaryFiles.removeAndDieHandler  // made now, never first in the handler
        for number in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(number) { number in
                Interruption.received.store(number, ordering: .relaxed)
                // The next one, of any of the three, ends the process at once, removing the files
                // written beside their place (a backup's half copy). No array here: nothing in a
                // signal handler may allocate.
                if Interruption.handled(SIGINT) { signal(SIGINT, TemporaryFiles.removeAndDieHandler) }
                if Interruption.handled(SIGTERM) { signal(SIGTERM, TemporaryFiles.removeAndDieHandler) }
                if Interruption.handled(SIGHUP) { signal(SIGHUP, TemporaryFiles.removeAndDieHandler) }
            }
            if unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) {
                signal(number, SIG_IGN)
                continue
            }
            handledSignals.store(handledSignals.load(ordering: .relaxed) | (1 << number), ordering: .relaxed)
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, number)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }

    static var isArmed: Bool { armed.load(ordering: .relaxed) }

    /// After the write, for a command that goes on reading (`check --repair-lists`): a signal ends
    /// the process at once again, as it does a reading command, rather than waiting for a write
    /// that is over. One received since the write ended it now, saying `saved`.
    static func disarm(afterSaving saved: String) {
        guard isArmed else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] where handled(number) { signal(number, SIG_DFL) }
        if let number = signalReceived {
            printError("interrupted by \(name(of: number)): \(saved).")
            exit(128 + number)
        }
    }

    /// The signal received since `arm()`, if any.
    static var signalReceived: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether a signal asks the running work to stop.
    @Sendable static func requested() -> Bool { received.load(ordering: .relaxed) != 0 }

    /// The signal's name, for the message.
    static func name(of number: Int32) -> String {
        switch number {
        case SIGINT: "SIGINT"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }
}
