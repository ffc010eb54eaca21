import ArgumentParser

/// `hophop entail FILE.smt2`: decide an SL-COMP problem. (Placeholder until the prover lands.)
struct EntailCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entail", abstract: "Decide an SL-COMP (qf_shls) entailment or satisfiability problem.")

  @Argument(help: "An SMT-LIB 2 file in the SL-COMP dialect.") var file: String

  func run() throws {
    Console.standardError("hophop entail: the entailment prover is not available yet.\n")
    throw ExitCode(2)
  }
}
