import Foundation
import PackagePlugin

/// Builds the pages of `hophop explain HHnnn` into HopDriver: runs
/// DiagnosticPagesGenerator on docs/diagnostics/*.md and examples/diagnostics/*,
/// which writes them as Swift literals. The pages are files so that they are
/// prose and programs rather than Swift, and literals in the binary so that
/// hophop stays one static executable that reads no file to explain a code
/// (decisions 52 and 62).
@main
struct DiagnosticPagesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL
    let inputs = try ["docs/diagnostics", "examples/diagnostics"].flatMap { folder in
      let url = root.appending(path: folder)
      return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map { url.appending(path: $0) }
    }
    let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedDiagnosticPages.swift")
    return [
      .buildCommand(
        displayName: "Generating the diagnostic pages from docs/diagnostics",
        executable: try context.tool(named: "DiagnosticPagesGenerator").url,
        arguments: [root.path, output.path],
        inputFiles: inputs,
        outputFiles: [output]),
    ]
  }
}
