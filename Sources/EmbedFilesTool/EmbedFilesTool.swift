import Foundation
import MigrationRunner

/// Writes migration and seed files into a Swift source file as string constants.
///
/// Usage: EmbedFilesTool OUTPUT (KIND FOLDER)...; KIND is `migration` or `seed`. File names and
/// versions are checked here, so a badly named or duplicate file fails the build, not a user's run.
@main
enum EmbedFilesTool {
    static func main() {
        var arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.popFirst(), arguments.count % 2 == 0 else {
            fail("usage: EmbedFilesTool OUTPUT (migration|seed FOLDER)...")
        }
        var files: [MigrationFile] = []
        while let kindText = arguments.popFirst(), let folder = arguments.popFirst() {
            guard let kind = MigrationFile.Kind(rawValue: kindText) else { fail("unknown kind \(kindText)") }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder + "/" + name
                guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
                do {
                    files.append(try MigrationFile(kind: kind, fileName: name, contents: [UInt8](data)))
                } catch {
                    fail("\(path): \(error)")
                }
            }
        }
        let set: MigrationSet
        do {
            set = try MigrationSet(files: files)
        } catch {
            fail("\(error)")
        }
        var source = """
            // Generated at build time from Migrations/ and Seeds/ by EmbedFilesTool. Do not edit.
            import MigrationRunner

            enum EmbeddedFiles {
                static let files: [MigrationFile] = [

            """
        for file in set.files {
            source += "        MigrationFile(kind: .\(file.kind.rawValue), version: \(file.version), name: \(literal(file.name)), "
            source += "fileExtension: \(literal(file.fileExtension)), text: \(literal(file.text)), checksum: \(literal(file.checksum))),\n"
        }
        source += "    ]\n\n    /// `MigrationSet.fingerprint` of these files, computed when they were checked.\n"
        source += "    static let fingerprint: Int32 = \(set.fingerprint)\n}\n"
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            fail("cannot write \(output): \(error)")
        }
    }

    /// A Swift string literal for any text: escapes quotes, backslashes and control characters.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: EmbedFilesTool: \(message)\n".utf8))
        exit(1)
    }
}
