#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One environment variable, read with getenv.
///
/// `DatabaseLocation.processEnvironment` builds a dictionary of the whole environment: each use
/// cost about 3% of the instructions of a small `list`, so a single variable is read directly.
enum EnvironmentVariable {
    static func value(_ name: String) -> String? {
        guard let text = getenv(name) else { return nil }
        return String(cString: text)
    }
}
