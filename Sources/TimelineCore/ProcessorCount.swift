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
    /// The fewest of the processors online, those the process may run on, and the CPU quota of
    /// its cgroup or one above it, rounded up; at least one. Read once, on first use.
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

    /// The CPU quota of the process's cgroup or of one above it, the smallest: a container sees
    /// its own as the root, and a systemd unit's `CPUQuota=` is set on the unit's cgroup below it.
    private static func cgroupQuota() -> Int? {
        cgroupQuota(membership: wholeFile("/proc/self/cgroup"), hierarchies: "/sys/fs/cgroup")
    }

    /// The smallest CPU quota along the process's cgroup path (`membership`, as
    /// `/proc/self/cgroup` gives it) and the cgroups above it, in the hierarchies mounted under
    /// `hierarchies`: cgroup v1's `cpu` controller when the process has a line for it and it is
    /// mounted (as on hybrid systems), else cgroup v2's single hierarchy (the `0::` line); with
    /// no membership read, the roots' (v2's, else v1's). A cgroup whose folder is not there (a
    /// path the host sees, inside a container that has its own cgroup mounted as the root) or
    /// that sets no quota counts for nothing; nil when none does.
    static func cgroupQuota(membership: String?, hierarchies: String) -> Int? {
        var version1Path: String?
        var version2Path: String?
        for line in (membership ?? "").split(separator: "\n") {
            // `hierarchy-id:controllers:path`; the path may itself hold colons.
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            if fields[0] == "0" && fields[1].isEmpty {
                version2Path = String(fields[2])
            } else if fields[1].split(separator: ",").contains("cpu") {
                version1Path = String(fields[2])
            }
        }
        let version1Mount = ["cpu", "cpu,cpuacct", "cpuacct,cpu"].lazy.map { hierarchies + "/" + $0 }.first(where: isFolder)
        // One walk up the path, each folder read as its version writes its quota.
        func smallest(along path: String, under mount: String, _ quotaIn: (String) -> Int?) -> Int? {
            cgroupFolders(along: path, under: mount).compactMap(quotaIn).min()
        }
        if let version1Path, let version1Mount { return smallest(along: version1Path, under: version1Mount, version1Quota(in:)) }
        if let version2Path { return smallest(along: version2Path, under: hierarchies, version2Quota(in:)) }
        return smallest(along: "/", under: hierarchies, version2Quota(in:))
            ?? version1Mount.flatMap { smallest(along: "/", under: $0, version1Quota(in:)) }
    }

    /// A cgroup v1 folder's quota (`cpu.cfs_quota_us` over `cpu.cfs_period_us`).
    private static func version1Quota(in folder: String) -> Int? {
        guard let quotaLine = firstLine(startingWith: "", inFile: folder + "/cpu.cfs_quota_us"),
              let periodLine = firstLine(startingWith: "", inFile: folder + "/cpu.cfs_period_us") else { return nil }
        return quota(quotaLine, period: periodLine)
    }

    /// A cgroup v2 folder's quota (`cpu.max`: quota and period on one line).
    private static func version2Quota(in folder: String) -> Int? {
        guard let line = firstLine(startingWith: "", inFile: folder + "/cpu.max") else { return nil }
        let parts = line.split(separator: " ")
        return parts.count == 2 ? quota(String(parts[0]), period: String(parts[1])) : nil
    }

    /// The folders of the cgroup at `path` and of each above it up to the root, under `mount`;
    /// the root's alone for a path that would lead out of it (`..`, which Linux never writes).
    static func cgroupFolders(along path: String, under mount: String) -> [String] {
        var components = path.split(separator: "/").filter { $0 != "." }
        if components.contains("..") { components = [] }
        var folders: [String] = []
        while true {
            folders.append(([mount] + components.map(String.init)).joined(separator: "/"))
            guard !components.isEmpty else { return folders }
            components.removeLast()
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// A small file's text (up to 16 KiB); nil when it cannot be read.
    static func wholeFile(_ path: String) -> String? {
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
        return String(decoding: bytes[..<filled], as: UTF8.self)
    }

    /// The first line of a small file (up to 16 KiB read) that starts with `prefix`, without the
    /// prefix and the spaces around the rest; nil when there is none or the file cannot be read.
    static func firstLine(startingWith prefix: String, inFile path: String) -> String? {
        guard let text = wholeFile(path) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingSpaces()
        }
        return nil
    }
}
