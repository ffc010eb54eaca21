import ArgumentParser

/// `hophop explain FILE`: the proof as the program annotated with symbolic states.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print the program with the symbolic state after each command (teaching).")

  @OptionGroup var output: OutputOptions
  @Option(help: "Explain only this procedure.") var proc: String?
  @Argument(help: "A Hop source file.") var file: String

  func run() throws {
    try PendingAnalysis(command: "explain", engine: "verifier (symbolic execution)").run(files: [file], output: output)
  }
}
