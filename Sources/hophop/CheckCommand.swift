import ArgumentParser
import HopDriver

/// `hophop check FILE...`: prove the annotated procedures.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Prove the procedures of Hop programs: sync ones by symbolic execution, async ones by rely/guarantee.",
    discussion: """
      Sync procedures: memory safety, no leak, loop invariants, calls, resources, no race and the \
      postcondition, with the symbolic state of each failure (channel commands are not handled yet: \
      unknown). Async procedures: memory safety, loop invariants and the four rely/guarantee \
      conditions, with a counterexample for each failure. Exit 0: every procedure is valid; 1: \
      something is not valid or could not be decided; 2: bad input.
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
