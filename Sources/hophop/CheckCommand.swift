import ArgumentParser
import HopDriver

/// `hophop check FILE...`: prove the annotated procedures.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Prove the async procedures of Hop programs (rely/guarantee); sync procedures are not checked yet.",
    discussion: """
      Async procedures: memory safety, loop invariants and the four rely/guarantee conditions, with a \
      counterexample for each failure. Exit 0: every procedure is valid; 1: something is not valid or \
      could not be decided; 2: bad input, or sync procedures (their verifier has not landed).
      """)

  @OptionGroup var output: OutputOptions
  @Option(help: "Per-query solver timeout in milliseconds (an undecided query is reported, never taken as proved).")
  var timeout: UInt32 = 5_000
  @Option(name: .customLong("dump-smt"), help: "Write every solver query to this directory as an SMT-LIB 2 file.")
  var dumpSMT: String?
  @Argument(help: "Hop source files.") var files: [String]

  func run() throws {
    let result = CheckSession.check(files, options: .init(timeoutMilliseconds: timeout, dumpDirectory: dumpSMT))
    switch output.format {
    case .json:
      Console.standardOutput(CheckJSONRenderer.render(result))
    case .text:
      let summary = CheckSession.summary(result)
      if !summary.isEmpty { Console.standardOutput(summary) }
      output.emitDiagnostics(result.report, command: "check")
    }
    if result.exitStatus != .success { throw ExitCode(result.exitStatus) }
  }
}
