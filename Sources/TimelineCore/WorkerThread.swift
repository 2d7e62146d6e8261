#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread running one closure: started at once, joined by its owner, which then owns
/// what the closure captured again.
///
/// Swift's own concurrency runs work on a pool it sizes and schedules: a long, CPU-bound job
/// that must run beside the calling thread (reading an import's records, building its search
/// index) gets a thread of its own here, with the stack it needs.
final class WorkerThread {
    private var thread: pthread_t?

    /// Starts `body` on a new thread with a stack of `stackSize` bytes; `purpose` says what the
    /// thread is for in the error when it cannot be started ("to read the input").
    init(stackSize: Int, for purpose: String, _ body: @escaping () -> Void) throws {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let box = Unmanaged.passRetained(ThreadBody(body))
        #if canImport(Darwin)
        var created: pthread_t?
        #else
        var created = pthread_t()
        #endif
        let status = pthread_create(&created, &attributes, { context in
            Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            throw TimelineError(.internalError, "could not start a thread \(purpose): \(String(cString: strerror(status))).")
        }
        thread = created
    }

    deinit {
        join()
    }

    /// Waits until the closure has returned; at once when it was waited for before.
    func join() {
        guard let thread else { return }
        pthread_join(thread, nil)
        self.thread = nil
    }
}

/// The closure a new thread runs, passed to it through `pthread_create`'s context pointer (a C
/// function pointer cannot capture it).
private final class ThreadBody {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}
