import ArgumentParser
import HopDriver

/// `hophop entail FILE.smt2`: decide an SL-COMP problem and print sat, unsat or unknown.
struct EntailCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "entail", abstract: "Decide an SL-COMP (qf_shls) entailment or satisfiability problem.",
    discussion: """
      Prints sat, unsat or unknown, as SL-COMP expects. An entailment A |- B is posed as A and (not B): \
      unsat means the entailment holds. Constructs outside the list fragment give a warning and unknown \
      (exit 0); malformed input gives an error (exit 2).
      """)

  @Argument(help: "An SMT-LIB 2 file in the SL-COMP dialect.") var file: String
  @OptionGroup var output: OutputOptions

  func run() throws {
    let outcome = EntailSession.decide(path: file)
    if !outcome.report.diagnostics.isEmpty {
      output.emitDiagnostics(Report(files: [outcome.report]), command: "entail")
    }
    guard let answer = outcome.answer else { throw ExitCode(.badInput) }
    Console.standardOutput(answer.rawValue + "\n")
  }
}
