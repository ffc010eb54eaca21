import ArgumentParser

/// `hophop lint FILE...`: contract properties. (Placeholder until the contracts engine lands.)
struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint", abstract: "Check the properties of the contracts in Hop files.")

  @OptionGroup var output: OutputOptions
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    try PendingAnalysis(command: "lint", engine: "contract checker").run(files: files, output: output)
  }
}
