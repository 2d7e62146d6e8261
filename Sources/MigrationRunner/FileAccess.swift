#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files and folders with the C library: the runner needs nothing more.
enum FileAccess {
    static func readFile(_ path: String) throws(MigrationError) -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw MigrationError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var contents: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { contents.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 {
                    throw MigrationError.unreadable(path: path, reason: String(cString: strerror(errno)))
                }
                return contents
            }
        }
    }

    /// Regular files in a folder, sorted by name; an empty list when the folder does not exist.
    static func listFiles(in path: String) throws(MigrationError) -> [String] {
        guard let directory = opendir(path) else {
            if errno == ENOENT { return [] }
            throw MigrationError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            var info = stat()
            if stat(path + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                names.append(name)
            }
        }
        return names.sorted()
    }
}
