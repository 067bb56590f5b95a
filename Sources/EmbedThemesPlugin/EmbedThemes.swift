import Foundation
import PackagePlugin

/// Embeds themes/*.yaml into the target as `ShippedThemes.files`, so the
/// editable theme files stay the only source and every binary carries them.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedThemes.swift")
        return [.buildCommand(
            displayName: "Embedding \(files.count) themes",
            executable: try context.tool(named: "EmbedText").url,
            arguments: [output.path, "ShippedThemes"] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
