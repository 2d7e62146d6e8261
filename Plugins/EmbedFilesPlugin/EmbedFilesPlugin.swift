import Foundation
import PackagePlugin

/// Lists the package's `Migrations/` and `Seeds/` files and has `EmbedFilesTool` write them into a
/// Swift source file of the target, so the built binary carries them and needs no files beside it.
@main
struct EmbedFilesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        for (kind, folder) in [("migration", "Migrations"), ("seed", "Seeds")] {
            let directory = root.appending(path: folder)
            // The tool lists the folder itself, and the folder is an input: a file added after the
            // build plan was made is still embedded on the next build.
            arguments += [kind, directory.path]
            // A trailing slash makes the build system watch the folder's listing, not just its date.
            inputs.append(URL(fileURLWithPath: directory.path + "/", isDirectory: true))
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                inputs.append(directory.appending(path: name))
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding Migrations/ and Seeds/",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
