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
    try Self.decide(file, format: output.format, noColor: output.noColor)
  }

  /// The file of `hophop entail FILE` written exactly so (one operand, no option), else nil.
  ///
  /// Benchmark harnesses start hophop once per problem, and ArgumentParser's
  /// reflection costs more than deciding a typical problem, so `main` runs this
  /// form without it (decision 25). Every other form — options, `--help`, a
  /// missing or extra operand — goes through ArgumentParser as usual.
  static func plainInvocation(_ arguments: [String]) -> String? {
    guard arguments.count == 2, arguments[0] == configuration.commandName, !arguments[1].hasPrefix("-") else {
      return nil
    }
    return arguments[1]
  }

  /// Decides the problem in `file` and prints the answer (exit 2 when the file is malformed).
  static func decide(_ file: String, format: OutputOptions.Format, noColor: Bool) throws(ExitCode) {
    let outcome = EntailSession.decide(path: file)
    if !outcome.report.diagnostics.isEmpty {
      OutputOptions.emitDiagnostics(Report(files: [outcome.report]), command: "entail", format: format, noColor: noColor)
    }
    guard let answer = outcome.answer else { throw ExitCode(.badInput) }
    Console.standardOutput(answer.rawValue + "\n")
  }
}
