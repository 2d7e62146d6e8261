import Foundation
import Testing
@testable import TimelineCore

/// The processors a process can use: the fewest of those online, those it may run on, and the
/// CPU quota of its cgroup or one above it, each read as Linux writes it. One test at a time: one
/// pins this process to a processor for a moment, which another reading its affinity would see.
@Suite(.serialized) struct ProcessorCountTests {
    @Test(arguments: [
        ("0-1", 2), ("0", 1), ("3", 1), ("0-3,8,10-11", 7), ("0,2,4,6", 4), ("0-63", 64),
    ])
    func allowedListsAreCounted(list: String, count: Int) {
        #expect(ProcessorCount.allowedCount(list: list) == count)
    }

    @Test(arguments: ["", "x", "1-0", "0-1-2", "0,,1", "-1", "0-"])
    func unreadableAllowedListsCountNothing(list: String) {
        #expect(ProcessorCount.allowedCount(list: list) == nil)
    }

    /// cgroup v2's `cpu.max` and v1's quota and period: whole processors, a fraction rounded up.
    @Test(arguments: [
        ("100000", "100000", 1 as Int?), ("150000", "100000", 2), ("50000", "100000", 1), ("400000", "100000", 4),
        ("200001", "100000", 3), ("max", "100000", nil), ("-1", "100000", nil), ("0", "100000", nil), ("100000", "0", nil),
    ])
    func quotasAreWholeProcessorsRoundedUp(quota: String, period: String, processors: Int?) {
        #expect(ProcessorCount.quota(quota, period: period) == processors)
    }

    @Test func theFewestLimitCounts() {
        #expect(ProcessorCount.usable(online: 8, allowed: nil, quota: nil) == 8)
        #expect(ProcessorCount.usable(online: 8, allowed: 2, quota: nil) == 2)
        #expect(ProcessorCount.usable(online: 8, allowed: 4, quota: 1) == 1)
        #expect(ProcessorCount.usable(online: 2, allowed: 4, quota: 3) == 2)
        #expect(ProcessorCount.usable(online: -1, allowed: nil, quota: nil) == 1)
    }

    @Test func aFileLineIsFoundByItsStart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("processor-count-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let status = directory.appendingPathComponent("status").path
        try "Name:\ttimeline\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n".write(toFile: status, atomically: true, encoding: .utf8)
        #expect(ProcessorCount.firstLine(startingWith: "Cpus_allowed_list:", inFile: status) == "0-1")
        #expect(ProcessorCount.firstLine(startingWith: "Cpus_allowed:", inFile: status) == "3")
        #expect(ProcessorCount.firstLine(startingWith: "Threads:", inFile: status) == nil)
        #expect(ProcessorCount.firstLine(startingWith: "", inFile: directory.appendingPathComponent("none").path) == nil)
        let quota = directory.appendingPathComponent("cpu.max").path
        try "150000 100000\n".write(toFile: quota, atomically: true, encoding: .utf8)
        #expect(ProcessorCount.firstLine(startingWith: "", inFile: quota) == "150000 100000")
    }

    /// A folder standing for `/sys/fs/cgroup`, with `files` (path under it: text) written.
    static func hierarchies(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cgroup-\(UUID().uuidString)")
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// The quota read from hierarchies holding `files`, for a process of `membership`.
    static func quota(files: [String: String], membership: String) throws -> Int? {
        let root = try hierarchies(files)
        defer { try? FileManager.default.removeItem(at: root) }
        return ProcessorCount.cgroupQuota(membership: membership, hierarchies: root.path)
    }

    /// cgroup v2: the quota of the process's own cgroup (a systemd unit's `CPUQuota=150%`) or of
    /// one above it (its slice's), the smallest; the root's as a container sees its own.
    @Test(arguments: [
        // The unit's own quota, under a slice without one.
        (["system.slice/cpu.max": "max 100000\n", "system.slice/import.service/cpu.max": "150000 100000\n"],
         "0::/system.slice/import.service\n", 2 as Int?),
        // The slice's, smaller than the unit's.
        (["system.slice/cpu.max": "50000 100000\n", "system.slice/import.service/cpu.max": "400000 100000\n"],
         "0::/system.slice/import.service\n", 1),
        // No quota anywhere.
        (["system.slice/import.service/cpu.max": "max 100000\n"], "0::/system.slice/import.service\n", nil),
        // A container: the host's path is not there, its root is its own cgroup.
        (["cpu.max": "200000 100000\n"], "0::/docker/4f2a\n", 2),
        // Unreadable membership: the root alone.
        (["cpu.max": "300000 100000\n", "a/cpu.max": "100000 100000\n"], "", 3),
        // A cgroup of the process's own named `cpu` is no cgroup v1 mount.
        (["cpu/cpu.max": "400000 100000\n", "app/cpu.max": "100000 100000\n"], "0::/app\n", 1),
    ] as [([String: String], String, Int?)])
    func version2QuotasAlongThePath(files: [String: String], membership: String, processors: Int?) throws {
        #expect(try Self.quota(files: files, membership: membership) == processors)
    }

    /// cgroup v1 (alone, or beside v2 as on hybrid systems): the `cpu` controller's line names
    /// the path, its hierarchy is mounted as `cpu` or `cpu,cpuacct`, and v2's files are not read.
    @Test(arguments: [
        (["cpu,cpuacct/batch/cpu.cfs_quota_us": "250000\n", "cpu,cpuacct/batch/cpu.cfs_period_us": "100000\n",
          "cpu,cpuacct/cpu.cfs_quota_us": "-1\n", "cpu,cpuacct/cpu.cfs_period_us": "100000\n", "cpu.max": "100000 100000\n"],
         "9:name=systemd:/\n4:cpu,cpuacct:/batch\n3:memory:/other\n0::/\n", 3 as Int?),
        (["cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"], "1:cpu:/\n0::/\n", nil),
        (["cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n",
          "cpu/a/b/cpu.cfs_quota_us": "800000\n", "cpu/a/b/cpu.cfs_period_us": "100000\n"], "2:cpuacct,cpu:/a/b\n", 1),
        // Unreadable membership, v1 alone: its root.
        (["cpu,cpuacct/cpu.cfs_quota_us": "200000\n", "cpu,cpuacct/cpu.cfs_period_us": "100000\n"], "", 2),
    ] as [([String: String], String, Int?)])
    func version1QuotasAlongThePath(files: [String: String], membership: String, processors: Int?) throws {
        #expect(try Self.quota(files: files, membership: membership) == processors)
    }

    @Test func aCgroupPathIsWalkedUpToTheRoot() {
        #expect(ProcessorCount.cgroupFolders(along: "/system.slice/import.service", under: "/sys/fs/cgroup")
            == ["/sys/fs/cgroup/system.slice/import.service", "/sys/fs/cgroup/system.slice", "/sys/fs/cgroup"])
        #expect(ProcessorCount.cgroupFolders(along: "/", under: "/m") == ["/m"])
        #expect(ProcessorCount.cgroupFolders(along: "/a/./b", under: "/m") == ["/m/a/b", "/m/a", "/m"])
        #expect(ProcessorCount.cgroupFolders(along: "/a/../../etc", under: "/m") == ["/m"])
    }

    /// This process pinned to one processor (as `taskset -c 0` or a container's cpuset would)
    /// counts one, though more are online; its count goes back with its affinity.
    @Test func aProcessPinnedToOneProcessorCountsOne() throws {
        #if os(Linux)
        guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1, FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") else { return }
        // The count the imports of other tests running meanwhile use is read before the pin.
        _ = ProcessorCount.available
        let allowed = try #require(ProcessorCount.firstLine(startingWith: "Cpus_allowed_list:", inFile: "/proc/self/status"))
        let before = ProcessorCount.current()
        try Self.taskset(["-p", "-c", "0", "\(getpid())"])
        defer { try? Self.taskset(["-p", "-c", allowed, "\(getpid())"]) }
        #expect(ProcessorCount.current() == 1)
        try Self.taskset(["-p", "-c", allowed, "\(getpid())"])
        #expect(ProcessorCount.current() == before)
        #endif
    }

    static func taskset(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// On Linux, this process's count is at most what its own status allows.
    @Test func thisProcessCountsNoMoreThanItMayRunOn() throws {
        let online = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #expect(ProcessorCount.available >= 1 && ProcessorCount.available <= max(online, 1))
        #if os(Linux)
        let allowed = try #require(ProcessorCount.firstLine(startingWith: "Cpus_allowed_list:", inFile: "/proc/self/status")
            .flatMap(ProcessorCount.allowedCount(list:)))
        #expect(ProcessorCount.available <= allowed)
        #endif
    }
}
