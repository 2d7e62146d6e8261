#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How many processors the process can keep busy at once: what decides whether an import builds
/// its search index on a second thread, and how many threads SQLite sorts with.
///
/// The processors online are not all a process may use. One pinned to some of them
/// (`taskset -c 0`, `docker run --cpuset-cpus=0`) runs on those only, and one given a share of
/// time (`docker run --cpus=1`, a cgroup CPU quota) gets no more than that many processors'
/// worth: a second thread there takes turns with the first (a 200,000-event import pinned to one
/// processor took 14.1-14.7 s with the search index built aside and two sorting threads,
/// 13.6-14.2 s without either).
enum ProcessorCount {
    /// The fewest of the processors online, those the process may run on, and its cgroup's CPU
    /// quota rounded up; at least one. Read once, on first use.
    static let available = current()

    /// `available` as read now.
    static func current() -> Int {
        usable(online: sysconf(Int32(_SC_NPROCESSORS_ONLN)),
               allowed: firstLine(startingWith: "Cpus_allowed_list:", inFile: "/proc/self/status").flatMap(allowedCount(list:)),
               quota: cgroupQuota())
    }

    static func usable(online: Int, allowed: Int?, quota: Int?) -> Int {
        max(1, [online, allowed, quota].compactMap { $0 }.min() ?? 1)
    }

    /// The processors a `Cpus_allowed_list` names (`0-3,8,10-11`: 7); nil when it cannot be read.
    static func allowedCount(list: String) -> Int? {
        var count = 0
        for range in list.split(separator: ",", omittingEmptySubsequences: false) {
            let ends = range.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2, let first = Int(ends[0]), let last = Int(ends[ends.count - 1]), first <= last else { return nil }
            count += last - first + 1
        }
        return count > 0 ? count : nil
    }

    /// A CPU quota as whole processors, rounded up: cgroup v2's `cpu.max` (`150000 100000`, that
    /// many microseconds of time each period: 2), or v1's `cpu.cfs_quota_us` and
    /// `cpu.cfs_period_us`; nil for none (`max`, `-1`) or what cannot be read.
    static func quota(_ quota: String, period: String) -> Int? {
        guard let quota = Int(quota), let period = Int(period), quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    /// The quota of the cgroup the process sees as its root, as a container does its own.
    private static func cgroupQuota() -> Int? {
        if let line = firstLine(startingWith: "", inFile: "/sys/fs/cgroup/cpu.max") {
            let parts = line.split(separator: " ")
            return parts.count == 2 ? quota(String(parts[0]), period: String(parts[1])) : nil
        }
        guard let quotaLine = firstLine(startingWith: "", inFile: "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
              let periodLine = firstLine(startingWith: "", inFile: "/sys/fs/cgroup/cpu/cpu.cfs_period_us")
        else { return nil }
        return quota(quotaLine, period: periodLine)
    }

    /// The first line of a small file (up to 16 KiB read) that starts with `prefix`, without the
    /// prefix and the spaces around the rest; nil when there is none or the file cannot be read.
    static func firstLine(startingWith prefix: String, inFile path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 16 << 10)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        let text = String(decoding: bytes[..<filled], as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingSpaces()
        }
        return nil
    }
}
