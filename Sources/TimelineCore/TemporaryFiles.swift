#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files a command writes beside their final place (an export, a backup) and renames when
/// complete, removed when the process is interrupted (SIGINT, SIGTERM, SIGHUP) before that:
/// a cron job stopped again and again would otherwise fill the disk with half copies.
///
/// The handler may only call what is safe in a signal handler: it reads fixed slots of C strings
/// and calls `unlink`, then dies of the signal as it would have.
public enum TemporaryFiles {
    fileprivate static let capacity = 8
    /// Each slot a `strdup`ed path or nil. Written only outside the handler, a slot at a time.
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var installed = false

    /// The command stops its own work at a signal (and its files go with the failure, as
    /// `TextOutput` removes an unfinished one): no handler of this type's is installed. The
    /// command's own handler gives a second signal to `removeAndDie`, which ends the process at
    /// once, the files recorded removed.
    public static func leaveInterruptionsToTheCommand() {
        installed = true
        _ = slots  // made now, never first in a signal handler
    }

    /// Removes the recorded files, then dies of the signal: for a handler to install from a
    /// signal handler (only async-signal-safe calls).
    public static let removeAndDieHandler: @convention(c) (Int32) -> Void = removeAndDie

    /// Records `path` for removal on interruption; returns its slot, for `forget`, or nil when
    /// every slot is taken (the file is then only removed by its owner).
    @discardableResult
    static func removeOnInterruption(_ path: String) -> Int? {
        installHandler()
        guard let slot = (0..<capacity).first(where: { slots[$0] == nil }) else { return nil }
        slots[slot] = strdup(path)
        return slot
    }

    /// Runs `body` with the interruptions held back, and delivers any that came after it: for
    /// making a file and recording it as one step.
    static func withInterruptionsHeld<T>(_ body: () throws -> T) rethrows -> T {
        installHandler()
        var held = sigset_t()
        sigemptyset(&held)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&held, signalNumber) }
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &held, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Makes a new empty file named `prefix` and six random characters (mkstemp), recorded for
    /// removal on interruption with the files SQLite keeps beside a database there, in one step
    /// that a signal cannot split. Nil, with `errno` set, when it cannot be made.
    static func makeUniqueDatabaseFile(prefix: String) -> (path: String, slots: [Int?])? {
        var template = Array("\(prefix)XXXXXX".utf8CString)
        return withInterruptionsHeld { () -> (String, [Int?])? in
            let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { return nil }
            close(descriptor)
            let made = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (made, ["", "-journal", "-wal", "-shm"].map { removeOnInterruption(made + $0) })
        }
    }

    /// The file of `slot` is renamed into place or removed: no longer this process's to remove.
    static func forget(_ slot: Int?) {
        guard let slot, let path = slots[slot] else { return }
        slots[slot] = nil
        free(path)
    }

    private static func installHandler() {
        guard !installed else { return }
        installed = true
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = removeAndDie
            #else
            action.__sigaction_handler.sa_handler = removeAndDie
            #endif
            sigemptyset(&action.sa_mask)
            // A signal the parent set to be ignored (a script's background job ignores SIGINT,
            // `nohup` SIGHUP) stays ignored.
            var previous = sigaction()
            sigaction(signalNumber, &action, &previous)
            #if canImport(Darwin)
            let ignored = unsafeBitCast(previous.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #else
            let ignored = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #endif
            if ignored { sigaction(signalNumber, &previous, nil) }
        }
    }
}

/// Removes the recorded files, then raises the signal again, now with its default action.
private func removeAndDie(_ signalNumber: Int32) {
    for slot in 0..<TemporaryFiles.capacity {
        if let path = TemporaryFiles.slots[slot] { unlink(path) }
    }
    signal(signalNumber, SIG_DFL)
    raise(signalNumber)
}
