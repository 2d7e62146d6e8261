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
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let file = directory.appending(path: name)
                inputs.append(file)
                arguments += [kind, file.path]
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) migration and seed files",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
