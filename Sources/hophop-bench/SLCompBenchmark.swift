import ArgumentParser

/// Placeholder until the prover lands.
struct SLCompBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "sl-comp", abstract: "SL-COMP benchmark (not available yet).")
  func run() throws { throw ExitCode(2) }
}
