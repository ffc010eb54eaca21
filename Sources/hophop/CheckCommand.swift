import ArgumentParser

/// `hophop check FILE...`: prove the annotated procedures.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Prove memory safety, leak freedom, contract obedience and the specifications of Hop programs.",
    discussion: "Exit 0: every procedure is valid; 1: something is not valid; 2: bad input.")

  @OptionGroup var output: OutputOptions
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    try PendingAnalysis(command: "check", engine: "verifier (symbolic execution)").run(files: files, output: output)
  }
}
