import ArgumentParser

/// `hophop contract FILE NAME`: show a contract. (Placeholder until the contracts engine lands.)
struct ContractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "contract", abstract: "Show a contract as a transition table or a Graphviz graph.")

  @OptionGroup var output: OutputOptions
  @Argument(help: "A Hop source file.") var file: String
  @Argument(help: "The contract's name.") var name: String

  func run() throws {
    try PendingAnalysis(command: "contract", engine: "contract renderer").run(files: [file], output: output)
  }
}
