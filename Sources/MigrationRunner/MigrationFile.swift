/// One migration or seed file: `NNNN_name.ext`, its normalised text and checksum.
public struct MigrationFile: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A schema change, `Migrations/NNNN_name.sql`.
        case migration
        /// A data set, `Seeds/NNNN_name.ext` (SQL, or a format a loader reads).
        case seed

        /// The folder the files of this kind live in.
        public var folderName: String { self == .migration ? "Migrations" : "Seeds" }
    }

    public let kind: Kind
    public let version: Int
    /// The part of the file name between the number and the extension (`initial_schema`).
    public let name: String
    /// The extension without its dot (`sql`, `json`).
    public let fileExtension: String
    /// The text with a UTF-8 BOM stripped and CRLF turned into LF.
    public let text: String
    /// SHA-256 hex of `text`.
    public let checksum: String

    /// The file name as it is on disk: `0001_initial_schema.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + "." + fileExtension
    }

    /// `Migrations/0001_initial_schema.sql`: how messages name the file.
    public var displayPath: String { kind.folderName + "/" + fileName }

    /// Reads a file name and its contents; a badly formed name is an error that names it.
    public init(kind: Kind, fileName: String, contents: [UInt8]) throws(MigrationError) {
        guard let parsed = Self.parseName(fileName) else {
            throw MigrationError.badFileName(kind: kind, fileName: fileName)
        }
        if kind == .migration && parsed.fileExtension != "sql" {
            throw MigrationError.badFileName(kind: kind, fileName: fileName)
        }
        let text = Self.normalise(contents)
        self.init(kind: kind, version: parsed.version, name: parsed.name, fileExtension: parsed.fileExtension,
                  text: text, checksum: SHA256.hexDigest(of: text.utf8))
    }

    /// For files embedded at build time, whose checksums were computed then.
    public init(kind: Kind, version: Int, name: String, fileExtension: String, text: String, checksum: String) {
        self.kind = kind
        self.version = version
        self.name = name
        self.fileExtension = fileExtension
        self.text = text
        self.checksum = checksum
    }

    /// `NNNN_name.ext`: at least four digits, a version above zero, a name of `[a-z0-9_-]`, an extension.
    static func parseName(_ fileName: String) -> (version: Int, name: String, fileExtension: String)? {
        let bytes = Array(fileName.utf8)
        var index = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index >= 4, index <= 9, index < bytes.count, bytes[index] == UInt8(ascii: "_") else { return nil }
        guard let version = Int(String(decoding: bytes[0..<index], as: UTF8.self)), version > 0 else { return nil }
        guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")), dot > index + 1, dot < bytes.count - 1 else { return nil }
        let nameBytes = bytes[(index + 1)..<dot]
        let extensionBytes = bytes[(dot + 1)...]
        let allowed: (UInt8) -> Bool = { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard nameBytes.allSatisfy(allowed), extensionBytes.allSatisfy(allowed) else { return nil }
        return (version, String(decoding: nameBytes, as: UTF8.self), String(decoding: extensionBytes, as: UTF8.self))
    }

    /// Strips a UTF-8 BOM and turns CRLF into LF, so a file checked out on another system keeps its checksum.
    public static func normalise(_ contents: [UInt8]) -> String {
        var bytes = contents[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A && previous == 0x0D { output.removeLast() }
            output.append(byte)
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }
}
