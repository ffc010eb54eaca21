import ArgumentParser
import HopDriver

/// `hophop explain FILE`: the proof as the program annotated with symbolic states;
/// `hophop explain HHnnn`: the page of a diagnostic code.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print the program with the symbolic state after each command, or the page of a code (HH102).",
    discussion: """
      Each sync procedure's source, with the symbolic state after each command as a // comment \
      (several cases numbered), the precondition's cases after the header, and the failing command \
      marked with >> and followed by its diagnostic. With --format json, the same trace as data: for \
      each command its range and its states, each as text and as atoms. Exit 0: every procedure \
      explained is valid; 1: one is not; 2: bad input.

      hophop explain HHnnn (HH102, hh102, ...), when no file of that name exists, prints the page of \
      that diagnostic code: what it means, the rule of the logic behind it, a minimal program with the \
      diagnostic hophop prints for it, and how to fix it. An unknown code exits 2. With --format json, \
      the page's sections as data and its text (an unknown code: the document's error).
      """)

  @OptionGroup var output: OutputOptions
  @Option(help: "Explain only this procedure.") var proc: String?
  @Option(help: "At most this many cases after a command (default 4).") var cases = 4
  @Option(help: "Wrap comment lines at this many columns (default 80).") var width = 80
  @Flag(name: .customLong("no-infer"), help: "An omitted loop invariant is emp (Smallfoot's meaning), not inferred.")
  var noInfer = false
  @Argument(help: "A Hop source file, or a diagnostic code such as HH102.") var file: String

  func run() throws {
    let json = output.format == .json
    if let page = json ? DiagnosticPages.jsonExplanation(for: file) : DiagnosticPages.explanation(for: file) {
      if page.status == .success || json { Console.standardOutput(page.text) } else { Console.standardError(page.text) }
      if page.status == .success { return }
      throw ExitCode(page.status)
    }
    var options = ExplainSession.Options(procedure: proc, cases: cases, width: width,
                                         color: OutputOptions.useColor(onStandardError: false, noColor: output.noColor))
    options.infersInvariants = !noInfer
    let result = ExplainSession.explain(path: file, options: options)
    if let failure = result.z3Failure { try OutputOptions.fail(failure, command: "explain", files: [file], format: output.format) }
    output.emit(Report(files: [result.report]), text: result.text ?? "") { ExplainJSONRenderer.render(result) }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
