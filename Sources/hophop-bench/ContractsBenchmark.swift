import ArgumentParser

/// Placeholder until the contracts engine lands.
struct ContractsBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "contracts", abstract: "Contract lint benchmark (not available yet).")
  func run() throws { throw ExitCode(2) }
}
