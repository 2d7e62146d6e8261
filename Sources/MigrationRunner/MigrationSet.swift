/// The migrations and seeds a binary knows, checked and in version order.
public struct MigrationSet: Sendable {
    public let migrations: [MigrationFile]
    public let seeds: [MigrationFile]

    /// Every file, migrations first, each kind in version order: the order they are applied in.
    public var files: [MigrationFile] { migrations + seeds }

    /// A number that identifies this exact set (kinds, versions, checksums), kept in the database's
    /// `user_version` once everything is applied: one read tells that a database is current.
    public let fingerprint: Int32

    /// Checks that no two files of one kind share a version.
    public init(files: [MigrationFile]) throws(MigrationError) {
        try self.init(files: files, fingerprint: nil)
    }

    /// The set of `files`, whose fingerprint was computed when they were checked (at build time,
    /// for the files a binary embeds): hashing them again cost 2% of a small `list`.
    public init(files: [MigrationFile], fingerprint: Int32?) throws(MigrationError) {
        var migrations: [MigrationFile] = []
        var seeds: [MigrationFile] = []
        for file in files {
            switch file.kind {
            case .migration: migrations.append(file)
            case .seed: seeds.append(file)
            }
        }
        migrations.sort { $0.version < $1.version }
        seeds.sort { $0.version < $1.version }
        for list in [migrations, seeds] {
            for (first, second) in zip(list, list.dropFirst()) where first.version == second.version {
                throw MigrationError.duplicateVersion(first.displayPath, second.displayPath)
            }
        }
        self.migrations = migrations
        self.seeds = seeds
        self.fingerprint = fingerprint ?? Self.fingerprint(of: migrations + seeds)
    }

    /// Reads `Migrations/` and `Seeds/` under `directory` (either may be missing).
    public init(directory: String) throws(MigrationError) {
        var files: [MigrationFile] = []
        for kind in MigrationFile.Kind.allCases {
            let folder = directory + "/" + kind.folderName
            for fileName in try FileAccess.listFiles(in: folder) where !fileName.hasPrefix(".") {
                let contents = try FileAccess.readFile(folder + "/" + fileName)
                files.append(try MigrationFile(kind: kind, fileName: fileName, contents: contents))
            }
        }
        try self.init(files: files)
    }

    /// The fingerprint of `files` in application order (never 0, which a new database holds).
    public static func fingerprint(of files: [MigrationFile]) -> Int32 {
        var hasher = SHA256()
        for file in files {
            hasher.update(Array("\(file.kind.rawValue) \(file.version) \(file.checksum)\n".utf8))
        }
        let digest = hasher.finalize()
        let value = Int32(digest[0] & 0x7F) << 24 | Int32(digest[1]) << 16 | Int32(digest[2]) << 8 | Int32(digest[3])
        return value == 0 ? 1 : value
    }

    public func file(kind: MigrationFile.Kind, version: Int) -> MigrationFile? {
        (kind == .migration ? migrations : seeds).first { $0.version == version }
    }
}
