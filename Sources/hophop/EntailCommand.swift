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

  /// `hophop entail FILE` without ArgumentParser (`PlainInvocation`): benchmark harnesses start
  /// hophop once per problem, and ArgumentParser's reflection costs more than deciding a typical one.
  static let plainInvocation = PlainInvocation(command: configuration.commandName!, operands: .one) { files throws(ExitCode) in
    try decide(files[0], format: .text, noColor: false)
  }

  /// Decides the problem in `file` and prints the answer (exit 2 when the file is malformed).
  static func decide(_ file: String, format: OutputOptions.Format, noColor: Bool) throws(ExitCode) {
    let outcome = EntailSession.decide(path: file)
    if let failure = outcome.z3Failure { try OutputOptions.fail(failure, command: "entail", files: [file], format: format) }
    OutputOptions.emit(Report(files: [outcome.report]), text: outcome.answer.map { $0.rawValue + "\n" } ?? "",
                       format: format, noColor: noColor) { EntailJSONRenderer.render(outcome) }
    if outcome.answer == nil { throw ExitCode(.badInput) }
  }
}
